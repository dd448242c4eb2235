"""Numbers as Vietnamese readers write them: a decimal comma, file sizes ("9,5 KB")."""
from __future__ import annotations


def _decimal_comma(value: float, digits: int) -> str:
    text = f"{value:.{digits}f}"
    if digits and text.endswith("0" * digits):
        text = text[: -(digits + 1)]
    return text.replace(".", ",")


def file_size(n: int) -> str:
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
