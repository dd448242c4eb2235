"""Dates in Vietnamese style, and the date forms editors type.

Official style (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW): days below 10 and
the months 1 and 2 take a leading zero: "ngày 04 tháng 01 năm 2016",
"ngày 30 tháng 12 năm 2019", "ngày 05 tháng 3 năm 2020".
"""
from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class BadDate(ValueError):
    """A date an editor typed that is not a real day; `.reason` is Vietnamese."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def parse(text: str) -> date:
    """Parse "2016-01-04" or "04/01/2016"; raise BadDate with a Vietnamese reason."""
    text = str(text).strip()
    m = _ISO.match(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _VN.match(text)
        if not m:
            raise BadDate(f"“{text}” không phải là ngày (viết dạng 2016-01-04 hoặc 04/01/2016)")
        d, mo, y = (int(g) for g in m.groups())
    if not 1 <= mo <= 12:
        raise BadDate(f"“{text}”: không có tháng {mo}")
    try:
        return date(y, mo, d)
    except ValueError:
        raise BadDate(f"“{text}”: tháng {mo}/{y} không có ngày {d}") from None


def _month(m: int) -> str:
    return f"{m:02d}" if m <= 2 else str(m)


def long_form(d: date) -> str:
    """ "ngày 04 tháng 01 năm 2016" """
    return f"ngày {d.day:02d} tháng {_month(d.month)} năm {d.year}"


def short_form(d: date) -> str:
    """ "04/01/2016" """
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def place_date_line(place: str | None, d: date) -> str:
    """The "Địa danh, ngày ... tháng ... năm ..." line of an official document."""
    return f"{place}, {long_form(d)}" if place else long_form(d).capitalize()


def range_parts(start: date | None, end: date | None) -> list:
    """A period as words and dates, so a template can wrap each date in <time>."""
    if start and end:
        return ["Ngày ", start] if start == end else ["Từ ", start, " đến ", end]
    if start:
        return ["Từ ", start]
    if end:
        return ["Đến ", end]
    return []


def range_text(start: date | None, end: date | None) -> str:
    """A period in plain words: "Từ 04/01/2016 đến 20/01/2016"."""
    return "".join(p if isinstance(p, str) else short_form(p) for p in range_parts(start, end))
