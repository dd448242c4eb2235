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


def test_own_venv_with_a_fresh_stamp_asks_no_package(tmp_path, monkeypatch):
    """In .venv, installed from these very files: used as it is, without asking each package's
    version; a stale stamp asks them once, and a satisfied environment installs nothing (its stamp
    is made fresh)."""
    (tmp_path / "requirements.txt").write_text("PyYAML==6.0.3\n", encoding="utf-8")
    stamp = tmp_path / ".installed-requirements"
    monkeypatch.setattr(bootstrap, "ROOT", tmp_path)
    monkeypatch.setattr(bootstrap, "_stamp", lambda req: stamp)
    monkeypatch.setattr(bootstrap, "_in_venv", lambda: True)
    asked: list = []
    monkeypatch.setattr(bootstrap, "satisfied", lambda req: asked.append(req) or True)
    monkeypatch.setattr(bootstrap.subprocess, "run", lambda *a, **k: (_ for _ in ()).throw(AssertionError(a)))
    stamp.write_text(bootstrap._digest(tmp_path / "requirements.txt"))
    bootstrap.ensure()
    assert asked == []
    stamp.write_text("cũ")
    bootstrap.ensure()
    assert asked == [tmp_path / "requirements.txt"]
    # Found satisfied, the stamp is made fresh: the next command does not ask again.
    assert stamp.read_text() == bootstrap._digest(tmp_path / "requirements.txt")
    bootstrap.ensure()
    assert asked == [tmp_path / "requirements.txt"]
