"""The editors' guide: an entry for every problem code; shown at huong-dan/ by `serve`, never in the readers' site."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from bs4 import BeautifulSoup
from helpers import ROOT, SITE_FIXTURE, run_cli

GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"
CODE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
MAKERS = {"Problem", "_p", "problem", "_problem"}    # the functions that make a Problem, and their wrappers


def _const(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def codes_in(source: str) -> set[str]:
    """Every problem code in a module: given by keyword, by position, or as a wrapper's default."""
    tree = ast.parse(source)
    position = {"Problem": 5}              # path, line, what, fix, level, code (the dataclass's order)
    found = set()
    for node in ast.walk(tree):            # wrappers of this module: where their `code` parameter is
        if isinstance(node, ast.FunctionDef) and node.name in MAKERS:
            names = [a.arg for a in node.args.args if a.arg != "self"]
            if "code" in names:
                position[node.name] = names.index("code")
            defaults = dict(zip([a.arg for a in node.args.args][-len(node.args.defaults):], node.args.defaults)) \
                if node.args.defaults else {}
            if _const(defaults.get("code")):
                found.add(_const(defaults["code"]))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name not in MAKERS:
            continue
        for kw in node.keywords:
            if kw.arg == "code" and _const(kw.value):
                found.add(_const(kw.value))
        at = position.get(name)
        if at is not None and len(node.args) > at and _const(node.args[at]):
            found.add(_const(node.args[at]))
    return {c for c in found if CODE.match(c)}


def all_codes() -> set[str]:
    """Codes of daihoi/, and of the adapters (build.py, hooks/) that report to editors too."""
    codes = set()
    for file in sorted([*(ROOT / "daihoi").rglob("*.py"), *(ROOT / "hooks").glob("*.py"), ROOT / "build.py"]):
        codes |= codes_in(file.read_text(encoding="utf-8"))
    return codes


def test_the_collector_sees_each_way_of_giving_a_code():
    src = ('def _p(src, path, what, fix="", code="", level="lỗi"): pass\n'
           'def problem(self, path, what, fix="", code=""): pass\n'
           'def _problem(src, key, what, fix, level=1, code="four"): pass\n'
           'Problem(a, 0, "x", "y", code="one")\n_p(src, path, "w", "f", "two", WARNING)\n'
           'self.problem(path, "w", "f", "three")\n_problem(s, k, "w", "f", WARNING, "five")\n'
           'Problem(a, 0, "Tệp rỗng", "z")\n')
    assert codes_in(src) == {"one", "two", "three", "four", "five"}


def test_every_problem_code_has_an_entry_in_the_guide():
    text = GUIDE.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="loi-([a-z0-9-]+)"></a>', text))
    codes = all_codes()
    assert {"unknown-key", "yaml-syntax", "date", "phase-overlap", "unknown-congress"} <= codes   # collector works
    missing = sorted(codes - anchors)
    assert not missing, ("Thêm vào docs/huong-dan-bien-tap.md một mục cho mỗi mã lỗi mới, bắt đầu bằng "
                         f'<a id="loi-MÃ"></a>: {missing}')


def test_guide_covers_the_issue_topics_and_its_pictures_exist():
    text = GUIDE.read_text(encoding="utf-8")
    for words in ("Windows", "Linux", "new plan --from", "cảnh báo", "tin-tuc", "attachments", "--today",
                  "package", "iframe", "du-lieu.json", "khai mạc", "sha256", "Get-FileHash"):
        assert words in text, words
    pictures = re.findall(r"!\[([^\]]+)\]\((anh/[^)]+)\)", text)
    assert len(pictures) >= 4
    for alt, path in pictures:
        assert alt.strip() and (GUIDE.parent / path).is_file(), path


def test_guide_is_not_in_the_readers_site(built_site):
    assert not (built_site / "huong-dan").exists()
    assert "/huong-dan/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not [a for a in home.find_all("a") if "huong-dan" in (a.get("href") or "")]


def test_guide_is_in_the_editors_preview_with_its_pictures(tmp_path):
    # `build.py serve` sets DAIHOI_GUIDE; the same switch on a build shows what the preview serves.
    out = tmp_path / "site"
    result = run_cli("build", "--content-dir", SITE_FIXTURE, "--site-dir", out, "--today", "2025-05-15",
                     env={"DAIHOI_GUIDE": "1"})
    assert result.returncode == 0, result.stderr
    page = out / "huong-dan" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("h1") and "Hướng dẫn" in soup.find("h1").get_text()
    assert soup.find(id="loi-unknown-key")
    for img in soup.select("article img, .md-content img"):
        assert (page.parent / img["src"]).is_file(), img["src"]
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not [a for a in home.find_all("a") if "huong-dan" in (a.get("href") or "")]
    index = "".join(p.read_text(encoding="utf-8") for p in (out / "tim-kiem" / "chi-muc" / "p").glob("*.json"))
    assert '"huong-dan/"' not in index
