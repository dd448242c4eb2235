"""Helpers for the documents tests (imported by name: pytest puts this folder on sys.path).

The plans are content files in fixtures/content/ (the three sample plans as the importer
writes them, and a state plan written in the earlier form and moved with `build.py
migrate`), read by the real content loader into resolved plans: the documents are drawn
from exactly what the site builds from, and no hand-kept JSON can drift from it."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from daihoi.documents import generate_plan_documents
from daihoi.model import content

FIXTURES = Path(__file__).with_name("fixtures")
CONTENT = FIXTURES / "content"
PLAN_NAMES = ["plan_07_kh_duk", "plan_38_kh_du", "plan_20_kh_duk", "plan_192_kh_ubnd"]
BUILD_DATE = date(2026, 11, 22)
PAGE_URL = "https://daihoi.example.vn/ke-hoach/{slug}/"
COMMENT_URL = "https://daihoi.example.vn/gop-y/du-thao-192/"


@lru_cache(maxsize=1)
def load_site():
    site, problems = content.load(CONTENT)
    assert site is not None, [str(p) for p in problems]
    return site


def slug_of(name: str) -> str:
    return name.replace("plan_", "").replace("_", "-")


def load_plan(name: str):
    return next(p for p in load_site().plans if p.slug == slug_of(name))


def load_congresses() -> dict:
    return load_site().congresses


def generate(name: str, out: Path, cache: Path | None) -> list:
    slug = slug_of(name)
    return generate_plan_documents(
        load_plan(name),
        out,
        page_url=PAGE_URL.format(slug=slug),
        build_date=BUILD_DATE,
        cache_dir=cache,
        congresses=load_congresses(),
        comment_url=COMMENT_URL if name == "plan_192_kh_ubnd" else None,
    )


def by_kind(downloads, kind: str) -> list:
    return [d for d in downloads if d.kind == kind]


def ws(text: str) -> str:
    """Collapse white space: PDF extraction breaks lines where the layout wrapped."""
    return " ".join(text.split())
