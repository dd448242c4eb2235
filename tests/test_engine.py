"""Engine independence (docs/engine.md): daihoi/ knows neither MkDocs nor Material, ProperDocs builds
the same site as MkDocs through the same adapter, and an engine that skips our hooks cannot
publish a bare site."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, tree_digest
from daihoi.site.builder import REQUIRED, missing_outputs

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_daihoi_never_imports_mkdocs_nor_writes_material_markup():
    found = []
    for file in sorted((ROOT / "daihoi").rglob("*.py")):
        text = file.read_text(encoding="utf-8")
        for n, line in enumerate(text.splitlines(), 1):
            if re.search(r"^\s*(from|import)\s+(mkdocs|material|properdocs)\b", line):
                found.append(f"{file.relative_to(ROOT)}:{n}: {line.strip()}")
            # Material's classes (md-typeset, md-content__inner, …) belong to the theme adapter.
            if re.search(r"""["'\s]md-[a-z]""", line):
                found.append(f"{file.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


def test_only_the_adapter_and_build_py_reach_the_engine():
    reaching = sorted(str(f.relative_to(ROOT)) for f in list(ROOT.glob("*.py")) + list((ROOT / "hooks").glob("*.py"))
                      if re.search(r"^\s*(from|import)\s+mkdocs\b", f.read_text(encoding="utf-8"), re.M))
    assert reaching == ["hooks/mkdocs_adapter.py"]
    assert re.findall(r"hooks/\S+\.py", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")) == ["hooks/mkdocs_adapter.py"]


def _engine_build(module: str, out: Path) -> None:
    env = dict(os.environ, DAIHOI_TODAY="2020-09-15", SOURCE_DATE_EPOCH="1600171200", NO_MKDOCS_2_WARNING="1",
               DAIHOI_CACHE=str(out.parent / "cache"))
    result = subprocess.run([sys.executable, "-m", module, "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    _engine_build("mkdocs", tmp_path / "mkdocs")
    _engine_build("properdocs", tmp_path / "properdocs")
    a, b = tree_digest(tmp_path / "mkdocs"), tree_digest(tmp_path / "properdocs")
    assert set(a) == set(b) and len(a) > 100
    differ = [path for path in a if a[path] != b[path]]
    # Only the generator tag names the engine: every page is otherwise byte-identical.
    for path in differ:
        one, two = ((tmp_path / name / path).read_bytes() for name in ("mkdocs", "properdocs"))
        assert GENERATOR.sub(b"", one) == GENERATOR.sub(b"", two), path
    assert differ and all(p.endswith(".html") for p in differ)


def test_an_engine_that_skips_the_hooks_cannot_publish_a_bare_site(tmp_path):
    project = tmp_path / "du-an"
    project.mkdir()
    for name in ("build.py", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, project / name)
    for name in ("daihoi", "hooks", "theme", "content", "docs"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    (project / ".venv").symlink_to(ROOT / ".venv")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"hooks:\n(  - .*\n)+", "hooks: []\n", config), encoding="utf-8")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("trang cũ", encoding="utf-8")
    result = subprocess.run([sys.executable, str(project / "build.py"), "build"], cwd=project, capture_output=True,
                            text=True, encoding="utf-8", timeout=600,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DAIHOI_CACHE=str(tmp_path / "cache")))
    assert result.returncode == 1
    assert "không chạy phần mở rộng của chuyên mục" in result.stderr and "docs/engine.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "trang cũ"      # the previous site is kept
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]


def test_a_site_without_what_our_hooks_write_is_a_bare_site(tmp_path):
    """What build.py checks after any engine has run: the files only our hooks write."""
    assert missing_outputs(tmp_path) == list(REQUIRED)
    for path in REQUIRED:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    assert missing_outputs(tmp_path) == []
