"""The plan's dates as an iCalendar file (RFC 5545) for unit secretaries' phones.

Written by hand rather than with a library: every byte is ours to fix (sorted events,
DTSTAMP from the build date, CRLF, folding at 75 octets without cutting a UTF-8
character), so two builds give the same file and a re-import updates events in place.

UIDs come from the plan number and the phase's track/label (or the congress id, the
report's position), never from titles or dates: correcting a typo or moving a date
must update the event on the phone, not add a second one. Dates, names and sentences
are the resolved plan's (daihoi.model.plan): the calendar never works them out itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from daihoi.text.vntext import slugify

__all__ = ["CalendarEvent", "plan_events", "render_ics", "fold_line", "escape_text"]

UID_DOMAIN = "daihoi.documents"
PRODID = "-//daihoi//Ke hoach tuyen truyen//VI"
CONGRESS_WINDOW = timedelta(days=90)  # how far past a plan's last date a congress still belongs to it


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: date
    end: date  # inclusive; DTEND is the day after (all-day events)
    summary: str
    description: str = ""
    rrule: str | None = None


def escape_text(value: str) -> str:
    """TEXT escaping of RFC 5545 §3.3.11."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold at 75 octets (§3.1); continuation lines start with one space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    limit = 75
    start = 0
    while start < len(data):
        end = min(start + limit, len(data))
        # Back off to a character boundary: never split a UTF-8 sequence.
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start = end
        limit = 74  # the leading space counts
    return "\r\n ".join(parts)


def plan_events(plan, congresses: dict, *, page_url: str | None = None) -> list[CalendarEvent]:
    """The events of a resolved plan (daihoi.model.plan.Plan): each phase over its resolved dates,
    the congresses it refers to or that fall in its time, the slogans' display period, reports.

    `congresses`: id -> congress (the content model's). A phase known by one bound only (its
    start or its end) is a one-day event on that day, named for what the day is."""
    base = slugify(plan.number) or "ke-hoach"
    prefix = f"[{plan.number}] "
    link = f"\n{page_url}" if page_url else ""
    events: list[CalendarEvent] = []
    seen: dict[str, int] = {}

    def uid(key: str, *, shared: bool = False) -> str:
        full = key if shared else f"{base}.{key}"
        seen[full] = seen.get(full, 0) + 1
        if seen[full] > 1:  # two phases printed with the same label: keep both, stably
            full = f"{full}-{seen[full]}"
        return f"{full}@{UID_DOMAIN}"

    referenced = {plan.congress} if plan.congress else set()
    for phase in plan.phases:
        event_uid = uid(f"giai-doan.{slugify(phase.track or '0')}.{slugify(phase.label) or 'x'}")
        if phase.congress:
            referenced.add(phase.congress)
        name = f"{phase.name}: {phase.title}" if phase.title else phase.name
        items = "".join(f"\n- {i}" for i in phase.main_items)
        about = f"{phase.range_text}{' (' + phase.track_title + ')' if phase.track_title else ''}{items}{link}"
        if phase.start and phase.end:
            events.append(CalendarEvent(event_uid, phase.start, phase.end, f"{prefix}{name}", about))
        elif phase.start or phase.end:
            day = phase.start or phase.end
            word = "Bắt đầu" if phase.start else "Kết thúc"
            events.append(CalendarEvent(event_uid, day, day, f"{prefix}{word} {name}", about))

    first, last = plan.span
    first = min(d for d in (first, plan.date) if d)
    last = max(d for d in (last, plan.date) if d)
    for cid, c in congresses.items():
        opening, closing = c.get("opening"), c.get("closing")
        in_window = any(d and first <= d <= last + CONGRESS_WINDOW for d in (opening, closing))
        if not (in_window or cid in referenced):
            continue
        # Shared UIDs: the same congress in two plans' calendars is one event on the phone.
        if opening:
            events.append(CalendarEvent(uid(f"dai-hoi.{slugify(cid)}.khai-mac", shared=True), opening, opening,
                                        f"Khai mạc {c['name']}"))
        if closing:
            events.append(CalendarEvent(uid(f"dai-hoi.{slugify(cid)}.be-mac", shared=True), closing, closing,
                                        f"Bế mạc {c['name']}"))

    if plan.slogan_display:
        s, e = plan.slogan_display
        events.append(CalendarEvent(uid("treo-khau-hieu"), s, e, f"{prefix}Treo băng rôn, khẩu hiệu",
                                    f"{plan.slogan_display_text}.{link}"))

    for i, rep in enumerate(plan.reporting, 1):
        if rep.due:
            events.append(CalendarEvent(uid(f"bao-cao.{i}"), rep.due, rep.due, f"{prefix}Hạn báo cáo kết quả",
                                        f"{rep.text}.{link}"))
        elif rep.day_of_month:
            first_due = _first_day_of_month_on_or_after(plan.date, rep.day_of_month)
            rule = f"FREQ=MONTHLY;BYMONTHDAY={rep.day_of_month}"
            if last and last > first_due:
                rule += f";UNTIL={last:%Y%m%d}"
            events.append(CalendarEvent(uid(f"bao-cao.{i}"), first_due, first_due,
                                        f"{prefix}Báo cáo kết quả (ngày {rep.day_of_month} hằng tháng)",
                                        f"{rep.text}.{link}", rrule=rule))
    return sorted(events, key=lambda ev: (ev.start, ev.end, ev.uid))


def _first_day_of_month_on_or_after(d: date, dom: int) -> date:
    year, month = d.year, d.month
    while True:
        try:
            candidate = date(year, month, dom)
        except ValueError:  # 31 in a 30-day month: RFC 5545 skips it too
            candidate = None
        if candidate and candidate >= d:
            return candidate
        month += 1
        if month > 12:
            year, month = year + 1, 1


def render_ics(events: list[CalendarEvent], *, build_date: date, calendar_name: str, page_url: str | None = None) -> bytes:
    stamp = f"{build_date:%Y%m%d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(calendar_name)}",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]
    for ev in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{ev.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{ev.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{ev.end + timedelta(days=1):%Y%m%d}",
        ]
        if ev.rrule:
            lines.append(f"RRULE:{ev.rrule}")
        lines.append(f"SUMMARY:{escape_text(ev.summary)}")
        if ev.description:
            lines.append(f"DESCRIPTION:{escape_text(ev.description)}")
        if page_url:
            lines.append(f"URL:{page_url}")
        # All-day plan periods should not block the phone's free/busy time.
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold_line(l) for l in lines) + "\r\n").encode("utf-8")
