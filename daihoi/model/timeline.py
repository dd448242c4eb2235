"""Time on a given day: a period's state, and the countdown to a congress.

A phase's dates are resolved once, in daihoi.model.resolve; this module only says
where a period stands on a day.

The same state rule runs in the reader's browser (theme/components/timeline/
timeline.js), because a static site is read weeks after it was built. Both compare
ISO dates, inclusive at both ends:

    past      the phase ended before today
    upcoming  the phase starts after today
    current   otherwise, when at least one bound is known
    unknown   no date at all (a congress whose dates are not entered yet)
"""
from __future__ import annotations

from datetime import date

from daihoi.text import vndate

STATE_LABELS = {"past": "Đã qua", "current": "Đang diễn ra", "upcoming": "Sắp tới", "unknown": "Chưa có ngày"}


def state(start: date | None, end: date | None, today: date) -> str:
    if start is None and end is None:
        return "unknown"
    if end is not None and end < today:
        return "past"
    if start is not None and start > today:
        return "upcoming"
    return "current"


def pick(periods: list[tuple[date | None, date | None]], today: date) -> tuple[str, int | None]:
    """Which period to show on `today`: ("current", i), ("upcoming", i) or ("none", None).

    Among current periods, the one that started last (the most specific: a plan's
    second phase rather than the whole campaign); else the next to start. Ties keep
    the given order. The home page, a plan's summary card and the widget all use
    this rule; theme/widget/widget.js and theme/components/now/now.js repeat it."""
    best = None
    for i, (start, end) in enumerate(periods):
        if state(start, end, today) == "current":
            if best is None or (start or date.min) > (periods[best][0] or date.min):
                best = i
    if best is not None:
        return "current", best
    upcoming = [(start, i) for i, (start, _) in enumerate(periods) if start and start > today]
    if upcoming:
        return "upcoming", min(upcoming)[1]
    return "none", None


COUNTDOWN_TEXT = {
    "before": "Còn {n} ngày đến ngày khai mạc",
    "today": "Đại hội khai mạc hôm nay",
    "during": "Đại hội đang diễn ra",
    "after": "Đại hội đã bế mạc ngày {closing}",
    "unknown": "Ngày khai mạc sẽ được cập nhật",
}


def countdown(congress: dict, today: date) -> dict:
    """What the countdown says on `today`: its kind, the days left and the sentence."""
    opening, closing = congress.get("opening"), congress.get("closing") or congress.get("opening")
    if opening is None:
        kind, days = "unknown", None
    elif today < opening:
        kind, days = "before", (opening - today).days
    elif today == opening:
        kind, days = "today", 0
    elif today <= closing:
        kind, days = "during", 0
    else:
        kind, days = "after", 0
    text = COUNTDOWN_TEXT[kind].format(n=days, closing=vndate.short_form(closing) if closing else "")
    return {"kind": kind, "days": days, "text": text}
