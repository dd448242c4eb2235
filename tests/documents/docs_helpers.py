"""Helpers for the documents tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from daihoi.documents import generate_plan_documents

FIXTURES = Path(__file__).with_name("fixtures")
PLAN_NAMES = ["plan_07_kh_duk", "plan_38_kh_du", "plan_20_kh_duk", "plan_192_kh_ubnd"]
BUILD_DATE = date(2026, 11, 22)
PAGE_URL = "https://daihoi.example.vn/ke-hoach/{slug}/"
COMMENT_URL = "https://daihoi.example.vn/gop-y/du-thao-192/"


def load_plan(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def load_congresses() -> list[dict]:
    return json.loads((FIXTURES / "congresses.json").read_text(encoding="utf-8"))


def generate(name: str, out: Path, cache: Path | None) -> list:
    slug = name.replace("plan_", "").replace("_", "-")
    return generate_plan_documents(
        load_plan(name),
        out,
        slug=slug,
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
