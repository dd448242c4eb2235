"""A plan's resolved facts: what every output of the site reads.

`daihoi.model.resolve` makes one `Plan` per content file, once per build: the
received text as blocks, each phase with its name, its dates and where each date
came from, track titles, the issuer lines of the header, the slogans' display
period, report deadlines. The web pages, the plan PDF and Word file, banners,
slogan lists, calendar, widget, plan JSON, share cards and search all read these
objects and never work a date, a name or an issuer out again on their own: if two
outputs could compute a fact twice, they would eventually disagree.

Values that are missing are None or empty, never the text "None": an output
prints what the document prints, and `check` warns about the gap.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date

from daihoi.model.document import Block
from daihoi.model.timeline import STATE_LABELS, state  # noqa: F401  (STATE_LABELS: for views)
from daihoi.text import vndate

# Where a phase's start or end comes from, in the words shown to editors and readers.
SOURCES = {
    "stated": "ghi trong kế hoạch",
    "congress": "theo ngày khai mạc, bế mạc của đại hội",
    "plan-date": "từ ngày ban hành kế hoạch",
    "campaign": "theo thời gian triển khai kế hoạch ghi trong văn bản",
    "estimate": "dự kiến",
}

PLAN_STATE_LABELS = {"current": "Đang thực hiện", "upcoming": "Sắp thực hiện", "past": "Đã kết thúc",
                     "unknown": "Chưa có ngày"}
WHEN_WORDS = {"before": "Trước", "during": "Trong thời gian", "after": "Sau"}


@dataclass(frozen=True)
class Moment:
    """A before / during / after part inside a phase, with its own bullets."""
    when: str
    title: str
    items: tuple[str, ...] = ()
    block: int | None = None


@dataclass(frozen=True)
class Phase:
    key: str                     # unique in the plan, stable: built from track and label
    track: str | None
    track_title: str
    label: str                   # as the document numbers it: "1", "Đợt 2", "1.3"
    name: str                    # by one rule: "Giai đoạn 1", "Đợt 2", "Đợt 1.3"
    title: str
    start: date | None
    end: date | None
    start_from: str              # a key of SOURCES, or "" when unknown
    end_from: str
    when: str | None = None      # before / during / after a congress
    congress: str | None = None  # its id
    relative_text: str = ""      # "Sau Đại hội đại biểu toàn quốc lần thứ XII của Đảng"
    items: tuple[str, ...] = ()
    moments: tuple[Moment, ...] = ()
    peak: tuple[date, date] | None = None
    block: int | None = None     # index of its heading in Plan.blocks

    @property
    def estimated(self) -> bool:
        return self.end_from == "estimate"

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def range_text(self) -> str:
        """"Từ 04/01/2016 đến 20/01/2016", with "(dự kiến)" for an estimated end; the
        congress's words when no date is known yet."""
        text = vndate.range_text(self.start, self.end)
        if text:
            return f"{text} (dự kiến)" if self.estimated else text
        return self.relative_text

    @property
    def main_items(self) -> tuple[str, ...]:
        return self.items or tuple(i for m in self.moments for i in m.items)

    def state(self, today: date) -> str:
        return state(self.start, self.end, today)

    def days_left(self, today: date) -> int | None:
        """Days until the end, counting today (1 on the last day); None without an end."""
        return (self.end - today).days + 1 if self.end and self.end >= today else None


@dataclass(frozen=True)
class Track:
    id: str | None
    title: str
    phases: tuple[Phase, ...]
    block: int | None = None


@dataclass(frozen=True)
class Unit:
    name: str
    tasks: tuple[str, ...] = ()
    block: int | None = None


@dataclass(frozen=True)
class Slogan:
    text: str
    block: int | None = None


@dataclass(frozen=True)
class Report:
    due: date | None
    day_of_month: int | None
    to: str | None

    @property
    def text(self) -> str:
        """"Báo cáo trước ngày 09/02/2016 về …" / "Báo cáo vào ngày 20 hằng tháng về …"."""
        head = (f"Báo cáo trước ngày {vndate.short_form(self.due)}" if self.due
                else f"Báo cáo vào ngày {self.day_of_month} hằng tháng")
        return head + (f" về {self.to}" if self.to else "")

    def next_due(self, today: date, until: date | None = None) -> date | None:
        """The next deadline on or after `today` (a monthly report: the next such day up to `until`)."""
        if self.due:
            return self.due if self.due >= today else None
        if not self.day_of_month:
            return None
        year, month = today.year, today.month
        for _ in range(400):
            try:
                day = date(year, month, self.day_of_month)
            except ValueError:          # the 31st in a 30-day month: that month has none
                day = None
            if day and day >= today:
                return day if until is None or day <= until else None
            month, year = (1, year + 1) if month == 12 else (month + 1, year)
        return None


@dataclass(frozen=True)
class Plan:
    path: str                    # under content/: "ke-hoach/07-kh-duk.md"
    slug: str
    number: str
    system: str                  # dang | nha-nuoc
    date: date
    place: str | None
    title: str                   # trích yếu
    issuer: str | None
    parent_issuer: str | None
    blocks: tuple[Block, ...]
    anchors: tuple[str, ...]     # the id of each block on the web page ("" for none)
    tracks: tuple[Track, ...]
    slogans: tuple[Slogan, ...]
    slogan_display: tuple[date, date] | None
    units: tuple[Unit, ...]
    reporting: tuple[Report, ...]
    recipients: tuple[str, ...]
    signer: dict | None
    bases: tuple[dict, ...] = ()
    campaign: tuple[date | None, date | None] | None = None
    congress: str | None = None
    description: str | None = None
    comment_url: str | None = None
    attachments: tuple[dict, ...] = ()
    data: dict = field(default_factory=dict, compare=False)   # the checked front matter, as written

    @property
    def name(self) -> str:
        return f"Kế hoạch số {self.number}"

    @property
    def label(self) -> str:
        """How a reader finds the plan in a list or a search result: "Kế hoạch số 07-KH/ĐUK: trích yếu"."""
        return f"{self.name}: {self.title}"

    @property
    def phases(self) -> tuple[Phase, ...]:
        return tuple(p for t in self.tracks for p in t.phases)

    @property
    def place_date(self) -> str:
        """"Hà Nội, ngày 04 tháng 01 năm 2016" (the place only when the document gives one)."""
        return vndate.place_date_line(self.place, self.date)

    @property
    def slogan_display_text(self) -> str:
        """The one sentence for the display period: "Treo từ ngày 12/01/2016 đến hết ngày 04/02/2016"."""
        if not self.slogan_display:
            return ""
        start, end = self.slogan_display
        return f"Treo từ ngày {vndate.short_form(start)} đến hết ngày {vndate.short_form(end)}"

    def slogans_on_display(self, today: date) -> bool:
        return bool(self.slogan_display) and self.slogan_display[0] <= today <= self.slogan_display[1]

    @property
    def span(self) -> tuple[date | None, date | None]:
        """First and last day of the plan's phases (None when no phase is dated)."""
        days = [d for p in self.phases for d in (p.start, p.end) if d]
        return (min(days), max(days)) if days else (None, None)

    def state(self, today: date) -> str:
        """Current while any phase is; else upcoming if one is to come; else past."""
        states = {p.state(today) for p in self.phases}
        for s in ("current", "upcoming", "past"):
            if s in states:
                return s
        return "unknown"

    def next_deadline(self, today: date) -> tuple[date, Report] | None:
        """The nearest report deadline on or after `today`, while the plan runs."""
        last = self.span[1]
        found = [(d, r) for r in self.reporting for d in [r.next_due(today, last)] if d]
        return min(found, key=lambda t: t[0]) if found else None

    def phase(self, key: str) -> Phase | None:
        return next((p for p in self.phases if p.key == key), None)


PARTY_NATIONAL = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_MOTTO = "Độc lập - Tự do - Hạnh phúc"


def standard_number_line(number: str, system: str | None) -> str:
    """The number line in the standard form of the document's system: Nghị định 30 prints
    "Số: 192/KH-UBND"; Hướng dẫn 36 prints "Số 07-KH/ĐUK". The importer records a plan's
    own line (`number_line`) only when it differs from this."""
    return f"Số: {number}" if system == "nha-nuoc" else f"Số {number}"


def number_line_fits(line: str, number: str) -> bool:
    """Whether a number line as printed ("Số: 20- KH/ĐUK") carries `number` ("20-KH/ĐUK"):
    the same characters once "Số", the colon and spaces are left out."""
    bare = re.sub(r"\s+", "", line or "")
    bare = re.sub(r"^(?:số|so)[:.]?", "", bare, flags=re.IGNORECASE)
    return bool(number) and bare == re.sub(r"\s+", "", number)


def number_line(plan: Plan) -> str:
    """The number line as the document prints it (`number_line` in its front matter) when it
    carries the plan's number, else the standard form: a line left over after the number was
    corrected is not printed (the content check warns, validate.number_line)."""
    printed = plan.data.get("number_line")
    if printed and number_line_fits(printed, plan.number):
        return printed
    return standard_number_line(plan.number, plan.system)


def header_left(plan: Plan) -> list[tuple[str, bool]]:
    """The left column of the official header, (line, bold), number line last. The Party "*"
    sits under the issuer only when the document prints an issuer: never a lone star."""
    lines = []
    if plan.parent_issuer:
        lines.append((plan.parent_issuer.upper(), False))
    if plan.issuer:
        lines.append((plan.issuer.upper(), True))
        if plan.system == "dang":
            lines.append(("*", False))
    lines.append((number_line(plan), False))
    return lines


def header_right(plan: Plan) -> list[tuple[str, bool]]:
    """The right column: the Party's name, or the Quốc hiệu and Tiêu ngữ."""
    if plan.system == "nha-nuoc":
        return [(STATE_NATIONAL, True), (STATE_MOTTO, True)]
    return [(PARTY_NATIONAL, True)]
