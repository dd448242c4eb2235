"""Which pages of a built site the quality tests open: one of each kind, found in the site itself.

A page's kind is its top folder and its depth (`ke-hoach/` is the plan list,
`ke-hoach/<số>/` a plan, `tin-tuc/<bài>/` a post), so page types that other
features add later (news list, post, search) are picked up without editing
these tests.
"""
from __future__ import annotations

from pathlib import Path

from helpers import ROOT

NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
NPM_HINT = "Chạy `npm ci` ở thư mục gốc (hoặc `python3 tests/run.py`, tự cài)."


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the site, as the path after the site's address ('' is the home page)."""
    out = []
    for f in sorted(site.rglob("*.html")):
        rel = f.relative_to(site).as_posix()
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


def kind(path: str) -> tuple[str, int]:
    parts = [p for p in path.split("/") if p]
    return (parts[0] if parts else "", len(parts))


def one_page_per_kind(site: Path) -> list[str]:
    """The first and the last page of each kind (two plans, the news list and a post, ...)."""
    groups: dict[tuple[str, int], list[str]] = {}
    for path in html_pages(site):
        groups.setdefault(kind(path), []).append(path)
    return [p for paths in groups.values() for p in dict.fromkeys([paths[0], paths[-1]])]
