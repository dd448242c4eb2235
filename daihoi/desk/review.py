"""The review of a received plan: its text as received, with what the importer recognised
marked on the line it came from, each importer note beside its line, and the dates every
phase gets with the congresses as they stand.

Plain functions over the importer's lines (daihoi.importer.decode.Line) and plan dict.
A value is found in the text by the same comparison the site uses to find quoted words
(daihoi.model.document.match_key), so a mark means: the site will find this in the text too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from daihoi.model import congress_match, resolve
from daihoi.model.document import match_key
from daihoi.model.plan import SOURCES
from daihoi.text import vndate
from daihoi.text.vntext import fold

_LINE = re.compile(r"dòng (\d+)")
QUOTE_PREFIX = 60      # long titles and slogans wrap over lines in a PDF: their start is enough


@dataclass
class Mark:
    label: str          # "Ngày ban hành", "Đợt 2: 20/01/2016 – 28/01/2016"
    path: str           # the form field it fills
    kind: str           # number | date | issuer | phase | slogan | unit | report | signer | base | title


@dataclass
class Row:
    no: int
    text: str
    marks: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", fold(text).lower())


def _find(keys: list[str], want: str, start: int = 0, prefix: bool = True) -> int | None:
    want = match_key(want)
    if prefix:
        want = want[:QUOTE_PREFIX]
    if not want:
        return None
    order = list(range(start, len(keys))) + list(range(0, start))
    for i in order:
        if want in keys[i]:
            return i
    # Wrapped over lines (a title printed on two lines, a PDF's line breaks): the line it starts on.
    for i in order:
        if len(keys[i]) >= 15 and want.startswith(keys[i]):
            return i
    return None


def _date_pattern(d: date) -> re.Pattern:
    return re.compile(rf"ngay\s*0?{d.day}\s*thang\s*0?{d.month}\s*nam\s*{d.year}|0?{d.day}\s*/\s*0?{d.month}\s*/\s*{d.year}")


def _iso(value) -> date | None:
    try:
        return vndate.parse(value) if value else None
    except vndate.BadDate:
        return None


def phase_name(label: str) -> str:
    """A phase's name in the desk's lists (the plan's own word is not known yet: "Đợt")."""
    return resolve.phase_name(label or "", resolve.period_word(label or "", [], None))


def marks(lines: list, plan: dict) -> dict[int, list[Mark]]:
    """Line number -> what was recognised on it."""
    keys = [match_key(ln.text) for ln in lines]
    folded = [fold(ln.text).lower() for ln in lines]
    found: dict[int, list[Mark]] = {}

    def put(i, mark):
        if i is not None:
            found.setdefault(lines[i].no, []).append(mark)

    if plan.get("number"):
        want = _compact(plan["number"])
        put(next((i for i, ln in enumerate(lines) if want in _compact(ln.text)), None),
            Mark(f"Số, ký hiệu: {plan['number']}", "number", "number"))
    d = _iso(plan.get("date"))
    if d:
        pattern = _date_pattern(d)
        put(next((i for i, f in enumerate(folded) if "thang" in f and pattern.search(f)), None),
            Mark(f"Ngày ban hành: {d:%d/%m/%Y}", "date", "date"))
    for key, label in (("parent_issuer", "Cơ quan cấp trên"), ("issuer", "Cơ quan ban hành")):
        if plan.get(key):
            put(_find(keys[:20], plan[key]), Mark(f"{label}: {plan[key]}", key, "issuer"))
    if plan.get("title"):
        put(_find(keys, plan["title"]), Mark("Trích yếu", "title", "title"))
    for i, base in enumerate(plan.get("bases") or []):
        if base.get("number"):
            want = _compact(base["number"])
            put(next((j for j, ln in enumerate(lines) if want in _compact(ln.text)), None),
                Mark(f"Căn cứ {i + 1}: {base['number']}", f"bases[{i}].number", "base"))
    last = 0
    for i, ph in enumerate(plan.get("phases") or []):
        at = _find(keys, ph.get("title") or ph.get("label") or "", last)
        if at is not None:
            last = at
        span = vndate.range_text(_iso(ph.get("start")), _iso(ph.get("end"))) or "văn bản không ghi ngày"
        put(at, Mark(f"{phase_name(ph.get('label') or '')}: {span}", f"phases[{i}].title", "phase"))
    last = 0
    for i, text in enumerate(plan.get("slogans") or []):
        at = _find(keys, text, last)
        if at is not None:
            last = at
        put(at, Mark(f"Khẩu hiệu {i + 1}", f"slogans[{i}]", "slogan"))
    last = 0
    for i, unit in enumerate(plan.get("units") or []):
        at = _find(keys, unit.get("name") or "", last)
        if at is not None:
            last = at
        put(at, Mark(f"Đơn vị {i + 1}", f"units[{i}].name", "unit"))
    for i, rep in enumerate(plan.get("reporting") or []):
        due = _iso(rep.get("due"))
        test = (_date_pattern(due).search if due else
                re.compile(rf"ngay\s*{rep.get('day_of_month')}\b").search)
        at = next((j for j, f in enumerate(folded) if "bao cao" in f and test(f)), None)
        text = f"trước {due:%d/%m/%Y}" if due else f"ngày {rep.get('day_of_month')} hằng tháng"
        put(at, Mark(f"Hạn báo cáo: {text}", f"reporting[{i}].due" if due else f"reporting[{i}].day_of_month",
                     "report"))
    signer = plan.get("signer") or {}
    if signer.get("name"):
        want = match_key(signer["name"])
        put(next((i for i in range(len(lines) - 1, -1, -1) if keys[i] == want), None),
            Mark(f"Người ký: {signer['name']}", "signer.name", "signer"))
    return found


def note_line(note: str) -> int | None:
    m = _LINE.search(str(note))
    return int(m.group(1)) if m else None


def rows(lines: list, plan: dict) -> tuple[list[Row], list[str]]:
    """The received text as rows with their marks and notes; the notes that name no line."""
    found = marks(lines, plan)
    notes: dict[int, list] = {}
    numbers = [ln.no for ln in lines]
    loose = []
    for w in plan.get("warnings") or []:
        n = note_line(w)
        if n is None or not numbers:
            loose.append(w)
            continue
        # A note may name a line the reader dropped (a stamp, a blank line): the next line shown.
        at = next((no for no in numbers if no >= n), numbers[-1])
        notes.setdefault(at, []).append(w)
    out = [Row(ln.no, ln.raw.replace("\t", "    ").rstrip() or ln.text, found.get(ln.no, []), notes.get(ln.no, []))
           for ln in lines]
    return out, loose


def congress_dates(congresses: dict) -> dict:
    """The congress file's entries (strings as typed) with their dates read, for resolve.phase_dates."""
    out = {}
    for cid, c in congresses.items():
        if not isinstance(c, dict):
            continue
        out[cid] = dict(c, id=cid, opening=_iso(c.get("opening")), closing=_iso(c.get("closing")))
    return out


def phase_dates(plan: dict, congresses: dict) -> list[dict]:
    """Each phase with the dates the site will give it now (the site's own rule, resolve.phase_dates)."""
    known = congress_dates(congresses)
    plan_date = _iso(plan.get("date"))
    campaign_end = _iso((plan.get("campaign") or {}).get("end"))
    out = []
    for i, ph in enumerate(plan.get("phases") or []):
        if not isinstance(ph, dict):
            continue
        rel = dict(ph.get("relative") or {})
        cid = rel.get("congress")
        how = "chosen" if cid else ""
        if not cid and rel.get("event"):
            cid = congress_match.match(rel["event"], known)[0]
            how = "matched" if cid else ""
        congress = known.get(cid or "")
        row = dict(ph, start=_iso(ph.get("start")), end=_iso(ph.get("end")), relative=rel or None)
        start, start_from, end, end_from = resolve.phase_dates(row, plan_date or date.today(), congress, campaign_end)
        out.append({"index": i, "name": phase_name(ph.get("label") or ""), "track": ph.get("track"),
                    "start": start, "end": end, "start_from": SOURCES.get(start_from, ""),
                    "end_from": SOURCES.get(end_from, ""), "dated": bool(start or end),
                    "congress": (congress or {}).get("name") if congress else None, "how": how,
                    "congress_undated": bool(congress) and not congress.get("opening"),
                    "range": vndate.range_text(start, end)})
    return out


def auto_congress(plan: dict, congresses: dict) -> dict[int, str]:
    """Phase index -> the name of the congress its words name, when no id is written."""
    known = congress_dates(congresses)
    out = {}
    for i, ph in enumerate(plan.get("phases") or []):
        rel = (ph or {}).get("relative") or {}
        if rel.get("event") and not rel.get("congress"):
            cid = congress_match.match(rel["event"], known)[0]
            if cid:
                out[i] = known[cid].get("name") or cid
    return out
