"""What each Roman-numbered part of a plan is about, from its heading words."""
from __future__ import annotations

from .text import fold

PURPOSE, CONTENT, FORMS, SLOGANS, UNITS, REPORT, FUNDING, OTHER = (
    "purpose", "content", "forms", "slogans", "units", "report", "funding", "other")

_FORMS_WORDS = ("hinh thuc", "bien phap", "phuong thuc", "hoat dong tuyen truyen chu yeu",
                "cac hoat dong tuyen truyen", "phuong tien thong tin", "tuyen truyen mieng",
                "co dong truc quan", "to chuc cac hoat dong")


def kind_of(title: str) -> str:
    f = fold(title)
    if "muc dich" in f or f.startswith("yeu cau"):
        return PURPOSE
    if "khau hieu" in f and len(f) < 80:
        return SLOGANS
    if "to chuc thuc hien" in f or "phan cong" in f or "trach nhiem" in f:
        return UNITS
    if "kinh phi" in f:
        return FUNDING
    if "bao cao" in f and len(f) < 60:
        return REPORT
    if any(w in f for w in ("noi dung", "thoi gian", "cac dot", "giai doan", "dot tuyen truyen", "lo trinh")):
        return CONTENT
    if is_forms(title):
        return FORMS
    return OTHER


def is_forms(title: str) -> bool:
    """Sub-sections about forms and means are never phases (contract)."""
    f = fold(title)
    return any(w in f for w in _FORMS_WORDS)
