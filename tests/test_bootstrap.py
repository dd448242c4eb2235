from daihoi.cli import bootstrap


def test_installed_pins_are_satisfied_extras_and_markers_included(tmp_path):
    req = tmp_path / "requirements.txt"
    req.write_text("PyYAML==6.0.3   # comment\nmkdocs[i18n]==1.6.1\nJinja2==3.1.6 ; python_version >= '3.8'\n",
                   encoding="utf-8")
    assert bootstrap.satisfied(req)


def test_missing_or_other_version_is_not_satisfied(tmp_path):
    req = tmp_path / "requirements.txt"
    req.write_text("PyYAML==0.0.1\n", encoding="utf-8")
    assert not bootstrap.satisfied(req)
    req.write_text("no-such-package-daihoi==1.0\n", encoding="utf-8")
    assert not bootstrap.satisfied(req)


def test_project_requirements_satisfied_in_test_env():
    # The test environment has every pin: `python build.py` must not try to reinstall.
    assert bootstrap.satisfied(bootstrap.ROOT / "requirements-dev.txt")
