"""Vietnamese date phrases and the contract's conventions for periods.

Conventions (contract plan/1): a month given as a start is its first day, as
an end its last day; "từ nay" is the plan's own date; "từ đầu năm 2020" is
2020-01-01; "đến hết năm 2021" is 2021-12-31; a partial date takes its
missing month and year from the nearest FOLLOWING full date ("từ ngày 01 đến
ngày 31/10/2020"); a date in parentheses closing the heading is the end; a
bound given only by an event (the congress) stays None.

Matching runs on the folded text (no accents, lower case, same length) so the
patterns do not need every spelling of "tháng"/"thang".
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .text import fold

_MOD = r"(?:(?P<mod>dau|cuoi|het|giua)\s+)?"
_PATTERNS = [
    ("now", re.compile(r"\b(?:tu\s+nay|hien\s+nay|ngay\s+ban\s+hanh)\b")),
    ("date", re.compile(_MOD + r"(?:ngay\s*)?(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})\b")),
    ("date", re.compile(_MOD + r"ngay\s*(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})\s*(?:nam|/|,)\s*(?P<y>\d{4})\b")),
    ("month", re.compile(_MOD + r"thang\s*(?P<m>\d{1,2})\s*(?:/|-|nam|\.)\s*(?P<y>\d{4})\b")),
    ("month", re.compile(_MOD + r"(?<![\d/])(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})\b")),
    ("date", re.compile(_MOD + r"(?:ngay\s*)?(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])")),
    ("date", re.compile(_MOD + r"ngay\s*(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})(?!\s*(?:nam|/)?\s*\d)")),
    ("date", re.compile(_MOD + r"ngay\s*(?P<d>\d{1,2})\b(?!\s*(?:[/.]\s*\d|thang))")),
    ("month", re.compile(_MOD + r"thang\s*(?P<m>\d{1,2})\b(?!\s*(?:[/\-.]\s*\d|nam))")),
    # "quý I/2020", "quý 3 năm 2020": three months; "6 tháng đầu năm 2020": a half year.
    ("quarter", re.compile(_MOD + r"quy\s*(?P<q>iv|iii|ii|i|[1-4])\s*(?:/|-|nam)\s*(?P<y>(?:19|20)\d{2})\b")),
    ("half", re.compile(r"6\s*thang\s*(?P<h>dau|cuoi)\s*(?:nam\s*)?(?P<y>(?:19|20)\d{2})\b")),
    ("year", re.compile(_MOD + r"nam\s*(?P<y>(?:19|20)\d{2})\b")),
]

_START_WORD = re.compile(r"(?:^|[\s(,;:])(?:bat\s+dau\s+)?tu\s*$")
_END_WORD = re.compile(r"(?:^|[\s(,;:])(?:den|toi|cho\s+den|truoc|den\s+truoc|den\s+ngay)\s*$|[-–—]\s*$")


@dataclass
class Mention:
    pos: int
    endpos: int
    kind: str                 # now | date | month | year
    day: int | None = None
    month: int | None = None
    year: int | None = None
    mod: str | None = None    # dau | cuoi | het | giua
    role: str | None = None   # start | end | None (undecided)


def mentions(text: str) -> list[Mention]:
    """Every date phrase in text, left to right, non-overlapping."""
    f = fold(text)
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(f):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            g = m.groupdict()
            mn = Mention(a, b, kind,
                         int(g["d"]) if g.get("d") else None,
                         int(g["m"]) if g.get("m") else None,
                         int(g["y"]) if g.get("y") else None,
                         g.get("mod"))
            if kind in ("quarter", "half"):
                # Stored as its first month; resolve() widens it to the span.
                q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(g.get("q") or "", None) or int(g.get("q") or 1)
                mn.month = (q - 1) * 3 + 1 if kind == "quarter" else (1 if g["h"] == "dau" else 7)
            if kind == "now":
                mn.role = "start" if f[a:b].startswith("tu") else None
            found.append(mn)
            taken.append((a, b))
    found.sort(key=lambda x: x.pos)
    for mn in found:
        if mn.role:
            continue
        before = f[max(0, mn.pos - 14):mn.pos]
        if mn.mod in ("het", "cuoi") and re.search(r"(den|toi)\s*$", before) or _END_WORD.search(before):
            mn.role = "end"
        elif _START_WORD.search(before):
            mn.role = "start"
    return found


def _fill_partial(ms: list[Mention]) -> None:
    """Missing month/year come from the nearest following mention that has them."""
    for i, mn in enumerate(ms):
        if mn.kind in ("date", "month") and (mn.year is None or (mn.kind == "date" and mn.month is None)):
            for later in ms[i + 1:]:
                if mn.month is None and later.month is not None and later.year is not None:
                    mn.month, mn.year = later.month, later.year
                    break
                if mn.month is not None and mn.year is None and later.year is not None:
                    mn.year = later.year
                    break


def resolve(mn: Mention, as_end: bool, plan_date: dt.date | None) -> dt.date | None:
    """The day a mention stands for, as a start or as an end."""
    try:
        if mn.kind == "now":
            return plan_date
        if mn.year is None:
            return None
        if mn.kind in ("quarter", "half"):
            months = 3 if mn.kind == "quarter" else 6
            last_month = mn.month + months - 1
            if mn.mod == "dau" or (not as_end and mn.mod not in ("cuoi", "het")):
                return dt.date(mn.year, mn.month, 1)
            return dt.date(mn.year, last_month, calendar.monthrange(mn.year, last_month)[1])
        if mn.kind == "year":
            if mn.mod == "dau" or (not as_end and mn.mod is None):
                return dt.date(mn.year, 1, 1)
            if mn.mod in ("cuoi", "het") or as_end:
                return dt.date(mn.year, 12, 31)
        if mn.month is None or not 1 <= mn.month <= 12:
            return None
        if mn.kind == "month":
            last = calendar.monthrange(mn.year, mn.month)[1]
            if mn.mod == "dau":
                return dt.date(mn.year, mn.month, 1)
            if mn.mod in ("cuoi", "het"):
                return dt.date(mn.year, mn.month, last)
            if mn.mod == "giua":
                return None  # "giữa tháng" is no particular day: say so, don't guess
            return dt.date(mn.year, mn.month, last if as_end else 1)
        if mn.day is None:
            return None
        return dt.date(mn.year, mn.month, mn.day)
    except ValueError:
        return None


def _closing_paren(text: str) -> tuple[int, int] | None:
    """Span of a parenthesised group that closes the text (before : . ;)."""
    s = text.rstrip().rstrip(":.;, ")
    if not s.endswith(")"):
        return None
    depth = 0
    for i in range(len(s) - 1, -1, -1):
        if s[i] == ")":
            depth += 1
        elif s[i] == "(":
            depth -= 1
            if depth == 0:
                return i, len(s)
    return None


@dataclass
class Period:
    start: dt.date | None
    end: dt.date | None
    problems: list[str]
    found: bool              # some date phrase was there at all


def parse_period(text: str, plan_date: dt.date | None = None) -> Period:
    ms = mentions(text)
    problems: list[str] = []
    if not ms:
        return Period(None, None, problems, False)
    _fill_partial(ms)
    paren = _closing_paren(text)
    for mn in ms:
        if mn.role is None and paren and paren[0] <= mn.pos < paren[1]:
            inside = [x for x in ms if paren[0] <= x.pos < paren[1]]
            if len(inside) == 1:
                mn.role = "end"
    # Ends the text states with "đến", "-" or a closing parenthesis. When there is one, a
    # later date with no connector ("… kỷ niệm 50 năm (30/4/1975 - 30/4/2025)") is not the end.
    stated_ends = [m for m in ms if m.role == "end"]
    # Undecided mentions: before an end they start, after a start they end.
    for i, mn in enumerate(ms):
        if mn.role:
            continue
        later_end = any(x.role == "end" for x in ms[i + 1:])
        earlier_start = any(x.role == "start" for x in ms[:i])
        if mn.mod == "dau" or later_end and not earlier_start:
            mn.role = "start"
        elif mn.mod in ("cuoi", "het") or earlier_start:
            mn.role = "end"
        elif mn.kind in ("month", "year", "quarter", "half") and len(ms) == 1:
            mn.role = "span"   # "Tháng 10/2020": the whole month
        elif len(ms) == 1:
            mn.role = "span"
    if len(ms) >= 2 and not any(m.role for m in ms):
        # "ngày 15 và 16/7/2020": two dates, no connector: the first starts, the last ends.
        ms[0].role, ms[-1].role = "start", "end"
    starts = [m for m in ms if m.role in ("start", "span")]
    ends = [m for m in ms if m.role in ("end", "span")]
    start = end = None
    if starts:
        start = resolve(starts[0], False, plan_date)
        if start is None:
            problems.append(_why(starts[0], text, plan_date))
    if stated_ends:
        after = [m for m in stated_ends if not starts or m.pos > starts[0].pos]
        ends = [after[0] if after else stated_ends[-1]]
    if ends:
        end = resolve(ends[-1], True, plan_date)
        if end is None:
            problems.append(_why(ends[-1], text, plan_date))
    if start and end and end < start:
        problems.append(f"ngày kết thúc {end.isoformat()} trước ngày bắt đầu {start.isoformat()}, "
                        "đã bỏ cả hai, cần kiểm tra")
        start = end = None
    return Period(start, end, problems, True)


def _why(mn: Mention, text: str, plan_date) -> str:
    phrase = text[mn.pos:mn.endpos]
    if mn.kind == "now" and plan_date is None:
        return f"“{phrase}” cần ngày ban hành, nhưng không tìm thấy ngày ban hành"
    if mn.mod == "giua":
        return f"“{phrase}” không chỉ một ngày cụ thể, để trống"
    if mn.year is None:
        return f"“{phrase}” thiếu năm, không đoán, để trống"
    return f"ngày không hợp lệ “{phrase}”, để trống"


def first_date(text: str) -> dt.date | None:
    """A single full date in text (used for bases and deadlines)."""
    for mn in mentions(text):
        if mn.kind == "date":
            _fill_partial([mn])
            return resolve(mn, False, None)
    return None


_VN_DATE_LINE = re.compile(
    r"^(?P<place>[^\d,]{2,60}?)\s*,\s*ngay\s*(?P<d>\d{1,2})\s*(?:thang\s*|/\s*)(?P<m>\d{1,2})\s*(?:nam\s*|/\s*)(?P<y>\d{4})")


_BLANK = r"(?:[\s._…/]*)"
_VN_BLANK_DATE_LINE = re.compile(
    rf"^(?P<place>[^\d,]{{2,60}}?)\s*,\s*ngay\s*(?P<d>\d{{1,2}}|{_BLANK})\s*thang\s*(?P<m>\d{{1,2}}|{_BLANK})\s*"
    rf"nam\s*(?P<y>\d{{4}}|{_BLANK})\s*$")


def blank_issue_date(line: str) -> str | None:
    """The place of a date line whose day, month or year was left blank to fill in when
    issued ('Hà Nội, ngày     tháng 11 năm 2020'), else None."""
    f = fold(line.strip())
    m = _VN_BLANK_DATE_LINE.match(f)
    if not m or all(m.group(k).strip(" ._…/") for k in ("d", "m", "y")):
        return None
    return line[m.start("place"):m.end("place")].strip(" \t.:-")


def issue_date(line: str) -> tuple[str, dt.date | None] | None:
    """'Hà Nội, ngày 04 tháng 01 năm 2016' -> ('Hà Nội', date) or None."""
    f = fold(line)
    m = _VN_DATE_LINE.search(f)
    if not m:
        return None
    place = line[m.start("place"):m.end("place")].strip(" \t.:-")
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        d = None
    return place, d
