"""Phases in time: dates derived from congresses, state on a given day, what is on now.

The same state rule runs in the reader's browser (theme/components/timeline/
timeline.js), because a static site is read weeks after it was built. Both compare
ISO dates, inclusive at both ends:

    past      the phase ended before today
    upcoming  the phase starts after today
    current   otherwise, when at least one bound is known
    unknown   no date at all (a congress whose dates are not entered yet)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from daihoi.text import vndate
from daihoi.model.schema import WHEN_VI

AFTER_DAYS = 30  # default length of an "after the congress" phase with no written end

STATE_LABELS = {"past": "Đã qua", "current": "Đang diễn ra", "upcoming": "Sắp tới", "unknown": "Chưa có ngày"}


def state(start: date | None, end: date | None, today: date) -> str:
    if start is None and end is None:
        return "unknown"
    if end is not None and end < today:
        return "past"
    if start is not None and start > today:
        return "upcoming"
    return "current"


@dataclass(frozen=True)
class Entry:
    """A phase placed in time, ready for display."""
    plan_number: str
    plan_path: str
    track: str | None
    label: str
    title: str
    start: date | None
    end: date | None
    derived: bool                 # some date comes from a congress, not the plan text
    estimated: bool               # the end is the AFTER_DAYS default
    relative_text: str            # "Sau Đại hội ...", or ""
    items: tuple = ()
    moments: tuple = ()
    peak: dict | None = None

    def state(self, today: date) -> str:
        return state(self.start, self.end, today)

    @property
    def range_text(self) -> str:
        text = vndate.range_text(self.start, self.end)
        return f"{text} (dự kiến)" if text and self.estimated else (text or self.relative_text)

    @property
    def main_items(self) -> tuple:
        """The phase's content: its bullets, or the bullets of its before/during/after parts."""
        if self.items:
            return self.items
        return tuple(i for m in self.moments for i in m.get("items") or ())


@dataclass
class Track:
    id: str | None
    title: str
    entries: list = field(default_factory=list)


def resolve(phase: dict, plan: dict, congresses: dict) -> tuple[date | None, date | None, bool, bool]:
    """A phase's dates: as written, else derived from the congress it is defined by.

    before: from the plan's date to the eve of the opening
    during: from the opening to the closing
    after:  from the day after the closing, for AFTER_DAYS days ("dự kiến"):
            plans rarely say when follow-up propaganda ends, and an open end
            would show a 2016 phase as "đang diễn ra" to a reader in 2026.
    Dates written in the plan always win. Returns (start, end, derived, estimated):
    `derived` when a date comes from the congress, `estimated` when the end is the default.
    """
    start, end = phase.get("start"), phase.get("end")
    rel = phase.get("relative") or {}
    congress = congresses.get(rel.get("congress") or "")
    opening = (congress or {}).get("opening")
    if not opening or (start and end):
        return start, end, False, False
    closing = congress.get("closing") or opening
    when = rel["when"]
    d_start = d_end = None
    if when == "before":
        d_start, d_end = plan["date"], opening - timedelta(days=1)
    elif when == "during":
        d_start, d_end = opening, closing
    elif when == "after":
        d_start = closing + timedelta(days=1)
        d_end = (start or d_start) + timedelta(days=AFTER_DAYS - 1)
    new_start, new_end = start or d_start, end or d_end
    return new_start, new_end, (new_start, new_end) != (start, end), when == "after" and not end and bool(new_end)


def relative_text(phase: dict, congresses: dict) -> str:
    rel = phase.get("relative")
    if not rel:
        return ""
    congress = congresses.get(rel.get("congress") or "")
    event = (congress or {}).get("name") or rel.get("event") or "đại hội"
    event = event[0].upper() + event[1:] if event.lower().startswith("đại hội") else event
    return f"{WHEN_VI[rel['when']]} {event}"


def entries(plan: dict, congresses: dict) -> list[Entry]:
    out = []
    for phase in plan["phases"]:
        start, end, derived, estimated = resolve(phase, plan, congresses)
        out.append(Entry(
            plan_number=plan["number"], plan_path=plan.get("path", ""), track=phase.get("track"),
            label=phase["label"], title=phase.get("title") or "", start=start, end=end, derived=derived, estimated=estimated,
            relative_text=relative_text(phase, congresses),
            items=tuple(phase.get("items") or ()), moments=tuple(phase.get("moments") or ()),
            peak=phase.get("peak")))
    return out


def tracks(plan: dict, congresses: dict) -> list[Track]:
    """Phases grouped by parallel track, in document order."""
    titles = {t["id"]: t["title"] for t in plan.get("tracks") or []}
    groups: dict = {}
    for entry in entries(plan, congresses):
        if entry.track not in groups:
            title = titles.get(entry.track) or (f"Nhóm {entry.track}" if entry.track else "")
            groups[entry.track] = Track(entry.track, title)
        groups[entry.track].entries.append(entry)
    return list(groups.values())


def plan_state(plan: dict, congresses: dict, today: date) -> str:
    """A plan is current while any phase is; else upcoming if one is to come; else past."""
    states = {e.state(today) for e in entries(plan, congresses)}
    for s in ("current", "upcoming", "past"):
        if s in states:
            return s
    return "unknown"


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
