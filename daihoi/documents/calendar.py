"""The plan's dates as an iCalendar file (RFC 5545) for unit secretaries' phones.

Written by hand rather than with a library: every byte is ours to fix (sorted events,
DTSTAMP from the build date, CRLF, folding at 75 octets without cutting a UTF-8
character), so two builds give the same file and a re-import updates events in place.

UIDs come from the plan number and the phase's track/label (or the congress id, the
report's position), never from titles or dates: correcting a typo or moving a date
must update the event on the phone, not add a second one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .vnformat import ascii_slug, nfc, parse_iso, short_date

__all__ = ["CalendarEvent", "plan_events", "render_ics", "fold_line", "escape_text", "match_congress"]

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


_TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(ascii_slug(text)))


def match_congress(event: str, congresses: list[dict]) -> dict | None:
    """The congress a phase's "relative.event" names: its words all appear in the
    congress's name (or it is the id). "Đại hội XIII của Đảng" matches "Đại hội đại
    biểu toàn quốc lần thứ XIII của Đảng" but not "Đại hội lần thứ XIII Đảng bộ Khối".
    The closest name (fewest extra words) wins."""
    want = _tokens(event)
    best, best_extra = None, None
    for c in congresses:
        if c.get("id") and ascii_slug(c["id"]) == ascii_slug(event):
            return c
        have = _tokens(c.get("name") or "")
        if want and want <= have:
            extra = len(have - want)
            if best_extra is None or extra < best_extra:
                best, best_extra = c, extra
    return best


def _phase_congress(phase: dict, congresses: list[dict]) -> dict | None:
    """The congress a relative phase hangs on: by id when the content names it
    ("relative.congress"), else by the words of "relative.event"."""
    rel = phase.get("relative") or {}
    if rel.get("congress"):
        for c in congresses:
            if c.get("id") == rel["congress"]:
                return c
    return match_congress(rel["event"], congresses) if rel.get("event") else None


def _phase_dates(phase: dict, congresses: list[dict]) -> tuple[date | None, date | None]:
    start, end = parse_iso(phase.get("start")), parse_iso(phase.get("end"))
    rel = phase.get("relative") or {}
    congress = _phase_congress(phase, congresses)
    if congress:
        opening, closing = parse_iso(congress.get("opening")), parse_iso(congress.get("closing"))
        when = rel.get("when")
        # Dates the plan states win; the congress only fills what the plan left open.
        if when == "during":
            start, end = start or opening, end or closing
        elif when == "before" and opening:
            end = end or opening - timedelta(days=1)
        elif when == "after" and closing:
            start = start or closing + timedelta(days=1)
    return start, end


def _plan_span(plan: dict) -> tuple[date | None, date | None]:
    days = [parse_iso(plan.get("date"))]
    for p in plan.get("phases") or []:
        days += [parse_iso(p.get("start")), parse_iso(p.get("end"))]
    disp = plan.get("slogan_display") or {}
    days += [parse_iso(disp.get("start")), parse_iso(disp.get("end"))]
    days += [parse_iso(r.get("due")) for r in plan.get("reporting") or []]
    known = [d for d in days if d]
    return (min(known), max(known)) if known else (None, None)


def plan_events(plan: dict, congresses: list[dict], *, page_url: str | None = None, slug: str = "") -> list[CalendarEvent]:
    base = ascii_slug(plan.get("number") or "") or ascii_slug(slug) or "ke-hoach"
    number = plan.get("number") or ""
    prefix = f"[{number}] " if number else ""
    link = f"\n{page_url}" if page_url else ""
    events: list[CalendarEvent] = []
    seen: dict[str, int] = {}

    def uid(key: str, *, shared: bool = False) -> str:
        full = key if shared else f"{base}.{key}"
        seen[full] = seen.get(full, 0) + 1
        if seen[full] > 1:  # two phases printed with the same label: keep both, stably
            full = f"{full}-{seen[full]}"
        return f"{full}@{UID_DOMAIN}"

    referenced: set[int] = set()
    for phase in plan.get("phases") or []:
        key = f"giai-doan.{ascii_slug(phase.get('track') or '0')}.{ascii_slug(phase.get('label') or 'x')}"
        event_uid = uid(key)
        c = _phase_congress(phase, congresses)
        if c is not None:
            referenced.add(id(c))
        start, end = _phase_dates(phase, congresses)
        label = nfc(phase.get("label") or "")
        if label[:1].isdigit():  # "1.2" alone means nothing on a phone's agenda
            label = f"Giai đoạn {label}"
        title = nfc(phase.get("title") or "")
        items = "".join(f"\n- {nfc(i)}" for i in phase.get("items") or [])
        if start and end and end >= start:
            events.append(CalendarEvent(event_uid, start, end, f"{prefix}{label}: {title}", f"{title}{items}{link}"))
        elif start or end:
            # An open-ended phase ("Sau khi bế mạc ..."): mark the one day we know.
            day = start or end
            word = "Bắt đầu" if start else "Kết thúc"
            events.append(CalendarEvent(event_uid, day, day, f"{prefix}{word} {label}: {title}", f"{title}{items}{link}"))

    first, last = _plan_span(plan)
    for c in congresses:
        opening, closing = parse_iso(c.get("opening")), parse_iso(c.get("closing"))
        in_window = first is None or any(
            d and first <= d <= last + CONGRESS_WINDOW for d in (opening, closing)
        )
        if not (in_window or id(c) in referenced):
            continue
        name = nfc(c.get("name") or "")
        cid = ascii_slug(c.get("id") or name)
        # Shared UIDs: the same congress in two plans' calendars is one event on the phone.
        if opening:
            events.append(CalendarEvent(uid(f"dai-hoi.{cid}.khai-mac", shared=True), opening, opening, f"Khai mạc {name}"))
        if closing:
            events.append(CalendarEvent(uid(f"dai-hoi.{cid}.be-mac", shared=True), closing, closing, f"Bế mạc {name}"))

    display = plan.get("slogan_display") or {}
    s, e = parse_iso(display.get("start")), parse_iso(display.get("end"))
    if s and e:
        events.append(
            CalendarEvent(uid("treo-khau-hieu"), s, e, f"{prefix}Treo băng rôn, khẩu hiệu",
                          f"Thời gian căng treo khẩu hiệu: từ ngày {short_date(s)} đến hết ngày {short_date(e)}.{link}")
        )

    plan_date = parse_iso(plan.get("date")) or first
    for i, rep in enumerate(plan.get("reporting") or [], 1):
        to = nfc(rep.get("to") or "")
        dest = f" gửi về {to}" if to else ""
        due = parse_iso(rep.get("due"))
        dom = rep.get("day_of_month")
        if due:
            events.append(CalendarEvent(uid(f"bao-cao.{i}"), due, due, f"{prefix}Hạn báo cáo kết quả", f"Báo cáo kết quả thực hiện{dest}.{link}"))
        elif dom and plan_date:
            first_due = _first_day_of_month_on_or_after(plan_date, int(dom))
            rule = f"FREQ=MONTHLY;BYMONTHDAY={int(dom)}"
            if last and last > first_due:
                rule += f";UNTIL={last:%Y%m%d}"
            events.append(
                CalendarEvent(uid(f"bao-cao.{i}"), first_due, first_due, f"{prefix}Báo cáo kết quả (ngày {int(dom)} hàng tháng)",
                              f"Định kỳ báo cáo kết quả thực hiện{dest} vào ngày {int(dom)} hàng tháng.{link}", rrule=rule)
            )
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
