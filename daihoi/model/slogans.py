"""Slogans (khẩu hiệu) and the period for hanging them."""
from __future__ import annotations

from datetime import date

from daihoi.text import vndate


def display_text(period: dict | None) -> str:
    """ "Treo từ ngày 12/01/2016 đến hết ngày 04/02/2016" """
    if not period:
        return ""
    return (f"Treo từ ngày {vndate.short_form(period['start'])} "
            f"đến hết ngày {vndate.short_form(period['end'])}")


def on_display(period: dict | None, today: date) -> bool:
    return bool(period) and period["start"] <= today <= period["end"]
