"""Vietnamese formatting for the downloadable documents: dates, sizes, ASCII slugs.

Kept inside this package (not shared with daihoi.text.vndate) so the documents can be
generated and tested on their own, and because the official date rule below is
specific to printed documents.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = [
    "official_date",
    "short_date",
    "parse_iso",
    "format_size",
    "ascii_slug",
    "nfc",
]


def nfc(text: str) -> str:
    """NFC with runs of white space collapsed: what every printed string goes through.

    Input may come from editors that type decomposed marks (NFD); fonts map
    precomposed code points, and text extraction must give NFC back.
    """
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def parse_iso(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _day_month(d: date) -> tuple[str, str]:
    # Nghị định 30/2020/NĐ-CP, Phụ lục I: "Đối với những số chỉ ngày nhỏ hơn 10
    # và tháng 1, 2 thì phải ghi thêm số 0 ở trước" -> 05, 3, 01, 02, 12.
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month in (1, 2) else str(d.month)
    return day, month


def official_date(d: date) -> str:
    """'ngày 04 tháng 01 năm 2016', 'ngày 05 tháng 3 năm 2020'."""
    day, month = _day_month(d)
    return f"ngày {day} tháng {month} năm {d.year}"


def short_date(d: date) -> str:
    """'04/01/2016': the numeric style plans use in running text."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _decimal_comma(value: float, digits: int) -> str:
    text = f"{value:.{digits}f}"
    if digits and text.endswith("0" * digits):
        text = text[: -(digits + 1)]
    return text.replace(".", ",")


def format_size(n: int) -> str:
    """Vietnamese file size: '512 byte', '182 KB', '9,5 KB', '1,2 MB'.

    Decimal units (1 KB = 1000 byte) with a decimal comma; one decimal below 10,
    whole numbers above, so labels stay short on a download button.
    """
    if n < 0:
        raise ValueError("kích thước âm")
    if n < 1000:
        return f"{n} byte"
    for unit, scale in (("KB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        value = n / scale
        # Round first, so 999 950 byte is "1 MB" and not "1000 KB".
        shown = round(value, 1) if value < 10 else round(value)
        if shown < 1000 or unit == "GB":
            return f"{_decimal_comma(shown, 1 if shown < 10 else 0)} {unit}"
    raise AssertionError("unreachable")


_ASCII_FOLD = str.maketrans({"Đ": "D", "đ": "d"})


def ascii_slug(text: str) -> str:
    """'07-KH/ĐUK' -> '07-kh-duk': file names and UIDs that survive any system."""
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
