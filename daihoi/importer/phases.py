"""Phases (đợt / giai đoạn / thời điểm), their moments and peaks.

A heading is a phase when its title carries time (dates, "Từ nay", "Trước /
Trong / Sau Đại hội") or it is labelled Đợt / Giai đoạn, and no heading above
it is already a phase. A phase candidate that contains dated or Đợt-labelled
sub-headings is only a container ("1. Tuyên truyền Đại hội cơ sở" over its
Đợt 1, 2, ...). Under a phase, "Trước / Trong / Sau ..." sub-headings are its
moments. Forms-and-means headings are never phases, even numbered like them.
"""
from __future__ import annotations

import datetime as dt
import re

from .dates import parse_period
from .outline import Node, moment_when, strip_bullet, BULLET
from .sections import is_forms
from .text import collapse, fold

_TIME_START = re.compile(r"^(?:ngay\s+)?(?:truoc|trong|sau|tu\s|den\s|giai doan|thoi gian|thoi diem)")
_PEAK = re.compile(r"(?:thoi gian\s+|dot\s+)?cao diem[^.;]*")
_EVENT = re.compile(r"((?:đại hội|bầu cử|kỳ họp|khai mạc|bế mạc)[^,;:(]*)", re.I)


def _dated(node: Node) -> bool:
    return parse_period(_without_peak(node.title)).found


def is_momentlike(node: Node) -> bool:
    return node.style != "series" and bool(moment_when(node.title)) and not _dated(node)


def is_candidate(node: Node) -> bool:
    if is_forms(node.title) or "khau hieu" in fold(node.title):
        return False
    if node.style == "series":
        return True
    f = fold(node.title)
    return _dated(node) or bool(_TIME_START.match(f)) or any(is_momentlike(c) for c in node.children)


def _strong(node: Node) -> bool:
    return node.style == "series" or (is_candidate(node) and _dated(node) and not is_momentlike(node))


def _demoted(node: Node) -> bool:
    return any(_strong(d) for d in node.headings())


def find_phases(sections: list[Node], plan_date: dt.date | None) -> tuple[list[dict], list[str], list[dict]]:
    """(phases, warnings, tracks) from the content sections, in document order."""
    picked: list[tuple[Node, Node | None]] = []   # (phase node, enclosing numbered heading)

    def walk(node: Node, enclosing: Node | None):
        for child in node.children:
            if is_forms(child.title):
                continue  # forms and means, with everything under them, are never phases
            if is_candidate(child) and not _demoted(child):
                picked.append((child, enclosing))
            else:
                walk(child, child if child.style != "roman" else enclosing)

    for sec in sections:
        walk(sec, None)

    phases: list[dict] = []
    warnings: list[str] = []
    labels = [n.label for n, _ in picked]
    parallel = len(labels) != len(set(labels))
    tracks: dict[str, str] = {}
    for node, enclosing in picked:
        ph, warn = build_phase(node, plan_date)
        if parallel and enclosing is not None and enclosing.label:
            ph["track"] = enclosing.label
            tracks.setdefault(enclosing.label, enclosing.title)
        elif parallel:
            warnings.append(f"dòng {node.no}: đợt “{ph['label']}” trùng số với đợt khác nhưng không rõ thuộc nhóm nào")
        phases.append(ph)
        warnings.extend(warn)
    track_list = [{"id": k, "title": v} for k, v in tracks.items()]
    return phases, warnings, track_list


def _without_peak(title: str) -> str:
    f = fold(title)
    m = _PEAK.search(f)
    return title if not m else (title[:m.start()] + title[m.end():])


def build_phase(node: Node, plan_date: dt.date | None) -> tuple[dict, list[str]]:
    warnings: list[str] = []
    label = node.label
    title = node.title
    if not label:
        label = {"before": "Trước", "during": "Trong", "after": "Sau"}.get(moment_when(title) or "", "?")
        warnings.append(f"dòng {node.no}: đợt không đánh số, đặt nhãn “{label}”, cần kiểm tra")
    period = parse_period(_without_peak(title), plan_date)
    where = node.no
    if not period.found:
        # "Đợt 1: Tuyên truyền đại hội cơ sở" / "Thời gian: từ tháng 3 đến tháng 6/2020."
        for ln in node.content[:3]:
            f = fold(strip_bullet(ln.text))
            if f.startswith(("thoi gian", "tu ", "(tu", "bat dau tu")):
                alt = parse_period(_without_peak(ln.text), plan_date)
                if alt.found:
                    period, where = alt, ln.no
                    break
    for p in period.problems:
        warnings.append(f"dòng {where}: đợt “{label}”: {p}")
    phase: dict = {"track": None, "label": label, "title": title,
                   "start": _iso(period.start), "end": _iso(period.end)}
    when = moment_when(title)
    if when is None and fold(title).startswith("tu nay den") and "dai hoi" in fold(title):
        when = "before"
    if (period.start is None or period.end is None) and when:
        rel = {"when": when}
        ev = _EVENT.search(title)
        if ev:
            rel["event"] = collapse(ev.group(1)).rstrip(" ,.;:")
        phase["relative"] = rel
    if period.start is None and period.end is None:
        if when:
            warnings.append(f"dòng {node.no}: đợt “{label}” gắn với sự kiện, văn bản không ghi ngày: "
                            "để trống ngày bắt đầu và kết thúc")
        else:
            warnings.append(f"dòng {node.no}: không xác định được thời gian của đợt “{label}”")
    elif period.start is None or period.end is None:
        miss = "bắt đầu" if period.start is None else "kết thúc"
        warnings.append(f"dòng {node.no}: đợt “{label}” không ghi ngày {miss}, để trống")

    items, moments = [], []
    peak_src = [title] + [ln.text for ln in node.content]
    for child in node.children:
        if moment_when(child.title):
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
    for text in peak_src:
        m = _PEAK.search(fold(text))
        if m:
            pp = parse_period(text[m.start():m.end()], plan_date)
            if pp.start or pp.end:
                phase["peak"] = {"start": _iso(pp.start), "end": _iso(pp.end)}
                break
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


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
