"""Phases (đợt / giai đoạn / thời điểm), their moments and peaks.

A heading is a phase when its title carries time (dates, "Từ nay", "Trước /
Trong / Sau Đại hội") or it is labelled Đợt / Giai đoạn, and no heading above
it is already a phase. A phase candidate that contains dated or Đợt-labelled
sub-headings is only a container ("1. Tuyên truyền Đại hội cơ sở" over its
Đợt 1, 2, ...). Forms-and-means headings are never phases, even numbered like them.

Moments: under a period that carries its own dates ("2.1. Tuyên truyền Đại hội
Đảng bộ huyện (từ tháng 3/2025 đến tháng 5/2025)"), sub-headings that begin with
"Trước / Trong / Sau" ("a) Trước và trong Đại hội …", "b) Sau Đại hội") are that
period's moments - always, whether they carry a date of their own, are set in
italic or lettered - so the period stays one phase.

Other layouts: phases as rows of a table (columns such as "Thời gian | Nội dung |
Đơn vị thực hiện"), and as dash bullets ("- Từ … đến …: …") when two or more
bullets of one part open with a time. A phase without a printed label gets its
position as label, with a warning.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import parse_period
from .decode import Line
from .notes import Note, note, retarget
from .outline import BULLET, SERIES, Node, moment_when, strip_bullet
from .sections import is_forms
from .text import collapse, fold

_TIME_START = re.compile(r"^(?:ngay\s+)?(?:truoc|trong|sau|tu\s|den\s|giai doan|thoi gian|thoi diem)")
_BULLET_TIME = re.compile(r"^(?:(?:ngay\s+)?(?:truoc|trong|sau)\b|tu\s|bat dau tu|den\s|thang\s*\d|ngay\s*\d|quy\s|nam\s*\d)")
_EVENT_WORD = re.compile(r"dai hoi|bau cu|ky hop|khai mac|be mac")
_PEAK = re.compile(r"(?:thoi gian\s+|dot\s+)?cao diem[^.;]*")
_EVENT = re.compile(r"((?:đại hội|bầu cử|kỳ họp|khai mạc|bế mạc)[^,;:(]*)", re.I)


def _dated(node: Node) -> bool:
    return parse_period(_without_peak(node.title)).found


def is_momentlike(node: Node) -> bool:
    return node.style != "series" and bool(moment_when(node.title)) and not _dated(node)


def _moment_heading(node: Node) -> bool:
    """A "Trước / Trong / Sau ..." sub-heading (lettered, numbered, italic or starred), not a "Đợt"."""
    return node.style != "series" and bool(moment_when(node.title))


def is_candidate(node: Node) -> bool:
    if is_forms(node.title) or "khau hieu" in fold(node.title):
        return False
    if node.style == "series" or SERIES.match(node.title):      # "1. Đợt 1: …", "2. Giai đoạn 2 (…)"
        return True
    f = fold(node.title)
    return _dated(node) or bool(_TIME_START.match(f)) or any(is_momentlike(c) for c in node.children) \
        or _time_line(node) is not None


def _time_line(node: Node) -> Line | None:
    """A "Thời gian: từ … đến …" line right under the heading: the heading's dates."""
    for ln in node.content[:3]:
        f = fold(strip_bullet(ln.text))
        if f.startswith(("thoi gian", "tu ", "(tu", "bat dau tu")) and parse_period(_without_peak(ln.text)).found:
            return ln
    return None


def _strong(node: Node) -> bool:
    return node.style == "series" or (is_candidate(node) and _dated(node) and not is_momentlike(node))


def _demoted(node: Node) -> bool:
    """A candidate that holds phases of its own is their container. Under a dated period,
    its "Trước / Trong / Sau" sub-headings are moments, never phases."""
    for child in node.children:
        if is_forms(child.title):
            continue
        if _dated(node) and _moment_heading(child):
            continue
        if _strong(child) or _demoted(child) or _time_bullets(child):
            return True
    return False


def _time_bullets(node: Node) -> list[Line]:
    """Dash bullets that open with a time ("- Từ … đến …:", "- Sau Đại hội …"), when two or more do.

    Under a heading that is itself a period ("Giai đoạn 3: …"), "- Trước / Trong / Sau Đại hội: …"
    bullets without dates are what it says before, during and after: only dated bullets
    make phases there."""
    found = []
    strict = node.line is not None and is_candidate(node)
    for ln in node.content:
        if ln.cell is not None or not re.match(r"^\s*[-–—•●]\s*\S", ln.text):
            continue
        body = strip_bullet(ln.text)
        f = fold(body)
        dated = parse_period(_without_peak(body)).found
        if _BULLET_TIME.match(f) and (dated or not strict and _EVENT_WORD.search(f[:80])) and not SERIES.match(body):
            found.append(ln)
    return found if len(found) >= 2 else []


@dataclass
class _Pick:
    line: int
    kind: str                       # node | bullet | row
    node: Node | None = None
    lines: list[Line] = field(default_factory=list)        # bullet: [the bullet, its "+" items]; row: cell lines
    enclosing: Node | None = None
    label: str | None = None
    title: str = ""
    guessed_label: bool = False
    content: list[Line] = field(default_factory=list)      # row: the content cell's lines


def find_phases(sections: list[Node], plan_date: dt.date | None) -> tuple[list[dict], list[Note], list[dict]]:
    """(phases, warnings, tracks) from the content sections, in document order."""
    picked: list[_Pick] = []
    warnings: list[Note] = []

    def walk(node: Node, enclosing: Node | None):
        bullets = _time_bullets(node)
        if bullets:
            picked.extend(_bullet_picks(node, bullets, enclosing))
        picked.extend(_table_picks(node, enclosing, warnings))
        for child in node.children:
            if is_forms(child.title):
                continue  # forms and means, with everything under them, are never phases
            if is_candidate(child) and not _demoted(child) and not _time_bullets(child):
                picked.append(_Pick(child.no, "node", child, enclosing=enclosing))
            else:
                walk(child, child if child.style != "roman" else enclosing)

    for sec in sections:
        walk(sec, None)
    picked.sort(key=lambda p: p.line)

    phases: list[dict] = []
    labels = [node_label(p.node)[0] if p.kind == "node" else p.label for p in picked]
    parallel = len(labels) != len(set(labels))
    tracks: dict[str, str] = {}
    for i, pick in enumerate(picked):
        if pick.kind == "node":
            ph, warn = build_phase(pick.node, plan_date)
        else:
            ph, warn = _build_flat(pick, plan_date)
        field_ = f"phases[{i}]"
        if parallel and pick.enclosing is not None and pick.enclosing.label:
            ph["track"] = pick.enclosing.label
            tracks.setdefault(pick.enclosing.label, pick.enclosing.title)
        elif parallel:
            warnings.append(note(pick.line, f"{field_}.track",
                                 f"đợt “{ph['label']}” trùng số với đợt khác nhưng không rõ thuộc nhóm nào"))
        phases.append(ph)
        warnings.extend(retarget(w, ",".join(field_ + f[len("phase"):] if f.startswith("phase") else f
                                             for f in w.field.split(","))) for w in warn)
    track_list = [{"id": k, "title": v} for k, v in tracks.items()]
    return phases, warnings, track_list


def _bullet_picks(node: Node, bullets: list[Line], enclosing: Node | None) -> list[_Pick]:
    picks = []
    content = node.content
    for k, ln in enumerate(bullets):
        start = content.index(ln)
        stop = content.index(bullets[k + 1]) if k + 1 < len(bullets) else len(content)
        items = [x for x in content[start + 1:stop] if re.match(r"^\s*\+", x.text)]
        picks.append(_Pick(ln.no, "bullet", lines=[ln] + items, enclosing=enclosing or node,
                           label=str(k + 1), title=_title(strip_bullet(ln.text)), guessed_label=True))
    return picks


# ---------------------------------------------------------------- phases in a table

_COL_WHEN = re.compile(r"thoi gian|thoi diem|moc thoi gian|thoi han")
_COL_LABEL = re.compile(r"^(?:dot|giai doan|buoc|thoi ky)(?:\s+tuyen truyen)?$")
_COL_CONTENT = re.compile(r"noi dung|hoat dong|cong viec")
_COL_NUMBER = re.compile(r"^(?:s\s*tt|tt|so tt|so thu tu|stt)\.?$")


def _table_picks(node: Node, enclosing: Node | None, warnings: list[Note]) -> list[_Pick]:
    """Rows of a table in this part whose columns name a time ("Thời gian", "Đợt")."""
    cells: dict[int, dict[tuple[int, int], list[Line]]] = {}
    for ln in node.content:
        if ln.cell is not None:
            t, r, c = ln.cell
            cells.setdefault(t, {}).setdefault((r, c), []).append(ln)
    picks = []
    for table, grid in cells.items():
        rows = sorted({r for r, _ in grid})
        cols = sorted({c for _, c in grid})
        text = {rc: collapse(" ".join(x.text for x in lines)) for rc, lines in grid.items()}
        header = {c: fold(text.get((rows[0], c), "")) for c in cols}
        # The time column: "Thời gian …" before "Đợt" / "Giai đoạn", which name the phase.
        time_col = next((c for c in cols if _COL_WHEN.search(header[c]) and not _COL_CONTENT.search(header[c])), None)
        label_col = next((c for c in cols if _COL_LABEL.match(header[c].strip())), None)
        if time_col is None:
            time_col, label_col = label_col, None
        num_col = next((c for c in cols if _COL_NUMBER.match(header[c].strip())), None)
        if label_col is not None:
            num_col = label_col
        data = rows[1:]
        if time_col is None:
            # No header naming the time: a first column whose cells read as periods is one.
            first = cols[0] if cols else None
            if first is not None and sum(1 for r in rows if parse_period(text.get((r, first), "")).found
                                         or SERIES.match(text.get((r, first), ""))) >= 2:
                time_col, data = first, [r for r in rows if text.get((r, first))]
            else:
                continue
        content_col = next((c for c in cols if _COL_CONTENT.search(header[c])), None)
        k = 0
        for r in data:
            when = text.get((r, time_col), "")
            if not when:
                continue
            k += 1
            lines = [x for c in cols for x in grid.get((r, c), [])]
            first_line = min(x.no for x in grid.get((r, time_col), lines))
            m = SERIES.match(when)
            number = text.get((r, num_col), "") if num_col is not None else ""
            if m and _title(m["title"]):
                label = collapse(f"{when[:m.end('word')][0].upper()}{when[1:m.end('word')]} {m['num']}")
                title = _title(m["title"])
            elif number and len(number) <= 12:
                label, title = number.rstrip(".:"), _title(when)
            else:
                label, title = str(k), _title(when)
            pick = _Pick(first_line, "row", lines=lines, enclosing=enclosing, label=label, title=title,
                         guessed_label=not (m or (number and len(number) <= 12)))
            pick.content = grid.get((r, content_col), []) if content_col is not None else []
            picks.append(pick)
    return picks


def _build_flat(pick: _Pick, plan_date: dt.date | None) -> tuple[dict, list[Note]]:
    """A phase from a bullet or a table row: label as printed (or its position), title, dates."""
    warnings: list[Note] = []
    period = parse_period(_without_peak(pick.title), plan_date)
    where = pick.line
    if not period.found and pick.kind == "row":
        for ln in pick.content[:2]:
            alt = parse_period(_without_peak(ln.text), plan_date)
            if alt.found:
                period, where = alt, ln.no
                break
    phase: dict = {"track": None, "label": pick.label, "title": pick.title,
                   "start": _iso(period.start), "end": _iso(period.end)}
    if pick.guessed_label:
        what = "dòng gạch đầu dòng" if pick.kind == "bullet" else "dòng trong bảng"
        warnings.append(note(pick.line, "phase.label",
                             f"đợt là {what} không đánh số, đặt nhãn “{pick.label}” theo thứ tự, cần kiểm tra"))
    for p in period.problems:
        warnings.append(note(where, "phase.start,phase.end", f"đợt “{pick.label}”: {p}"))
    _relative(phase, pick.title, period)
    warnings += _date_warnings(phase, period, pick.line)
    items = [collapse(re.sub(r"^[-+•\s]+", "", strip_bullet(x.text))) for x in pick.lines[1:]] if pick.kind == "bullet" \
        else [collapse(x.text) for x in pick.content]
    if items:
        phase["items"] = [t for t in items if t]
    peak = _peak([pick.title] + [x.text for x in pick.lines], plan_date)
    if peak:
        phase["peak"] = peak
    return phase, warnings


# ---------------------------------------------------------------- phases from headings


def _without_peak(title: str) -> str:
    f = fold(title)
    m = _PEAK.search(f)
    return title if not m else (title[:m.start()] + title[m.end():])


def _relative(phase: dict, title: str, period) -> None:
    when = moment_when(title)
    if when is None and fold(title).startswith("tu nay den") and "dai hoi" in fold(title):
        when = "before"
    if (period.start is None or period.end is None) and when:
        rel = {"when": when}
        ev = _EVENT.search(title)
        if ev:
            rel["event"] = collapse(ev.group(1)).rstrip(" ,.;:")
        phase["relative"] = rel


def _date_warnings(phase: dict, period, line: int) -> list[Note]:
    label = phase["label"]
    if period.start is None and period.end is None:
        if phase.get("relative"):
            return [note(line, "phase.start,phase.end", f"đợt “{label}” gắn với sự kiện, văn bản không ghi ngày: "
                                                        "để trống ngày bắt đầu và kết thúc")]
        return [note(line, "phase.start,phase.end", f"không xác định được thời gian của đợt “{label}”")]
    if period.start is None or period.end is None:
        miss = "bắt đầu" if period.start is None else "kết thúc"
        key = "phase.start" if period.start is None else "phase.end"
        return [note(line, key, f"đợt “{label}” không ghi ngày {miss}, để trống")]
    return []


def _peak(texts: list[str], plan_date) -> dict | None:
    for text in texts:
        m = _PEAK.search(fold(text))
        if m:
            pp = parse_period(text[m.start():m.end()], plan_date)
            if pp.start or pp.end:
                return {"start": _iso(pp.start), "end": _iso(pp.end)}
    return None


def node_label(node: Node) -> tuple[str, str, str | None]:
    """(label, title, the list number set aside) of a phase heading.

    "1. Giai đoạn 1: Từ nay …" / "a) Đợt 2 (từ …)": the heading has a list number and the
    phase's own name; the name ("Giai đoạn 1") is the label, as in an unnumbered "Giai đoạn 1: …"."""
    if node.style != "series":
        m = SERIES.match(node.title)
        if m and _title(m["title"]):
            word = node.title[:m.end("word")]
            return collapse(f"{word[0].upper()}{word[1:]} {m['num']}"), _title(m["title"]), node.label
    return node.label, node.title, None


def build_phase(node: Node, plan_date: dt.date | None) -> tuple[dict, list[Note]]:
    warnings: list[Note] = []
    label, title, number = node_label(node)
    if not label:
        label = {"before": "Trước", "during": "Trong", "after": "Sau"}.get(moment_when(title) or "", "?")
        warnings.append(note(node.no, "phase.label", f"đợt không đánh số, đặt nhãn “{label}”, cần kiểm tra"))
    elif number:
        warnings.append(note(node.no, "phase.label", f"đợt có hai số hiệu (“{number}” và “{label}”): lấy “{label}”, "
                                                     "cần kiểm tra"))
    period = parse_period(_without_peak(title), plan_date)
    where = node.no
    if not period.found:
        # "Đợt 1: Tuyên truyền đại hội cơ sở" / "Thời gian: từ tháng 3 đến tháng 6/2020."
        ln = _time_line(node)
        if ln is not None:
            period, where = parse_period(_without_peak(ln.text), plan_date), ln.no
    for p in period.problems:
        warnings.append(note(where, "phase.start,phase.end", f"đợt “{label}”: {p}"))
    phase: dict = {"track": None, "label": label, "title": title,
                   "start": _iso(period.start), "end": _iso(period.end)}
    _relative(phase, title, period)
    warnings += _date_warnings(phase, period, node.no)

    items, moments = [], []
    peak_src = [title] + [ln.text for ln in node.content]
    for child in node.children:
        if moment_when(child.title) and child.style != "series":
            moments.append({"when": moment_when(child.title), "title": child.title,
                            "items": _items(child)})
            peak_src += [ln.text for ln in child.content]
        else:
            items.append(child.title)
            items.extend(_items(child))
    items = _items(node) + items
    if items:
        phase["items"] = items
    if moments:
        phase["moments"] = moments
    peak = _peak(peak_src, plan_date)
    if peak:
        phase["peak"] = peak
    return phase, warnings


def _items(node: Node) -> list[str]:
    """Bullets under a heading; plain paragraphs only when there are no bullets."""
    bullets = [ln for ln in node.content if BULLET.match(ln.text)]
    src = bullets if bullets else node.content
    out = []
    for ln in src:
        t = collapse(strip_bullet(ln.text))
        t = re.sub(r"^[-+•\s]+", "", t)
        if t:
            out.append(t)
    return out


def _title(s: str) -> str:
    return collapse(s).rstrip(" :.;,")


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
