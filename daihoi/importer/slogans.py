"""Slogans (khẩu hiệu) and the period for hanging them."""
from __future__ import annotations

import datetime as dt
import re

from .dates import parse_period
from .decode import Line
from .outline import BULLET, LETTER, NUMBER, Node, inside
from .notes import Note, note
from .text import fold, tidy_punct


def slogan_blocks(sections: list[Node], root: Node) -> list[Node]:
    """Sections about slogans, and sub-headings like '3. Khẩu hiệu tuyên truyền'."""
    out = []
    for sec in sections:
        out.append(sec)
    for h in root.headings():
        if h.style != "roman" and "khau hieu" in fold(h.title) and len(h.title) < 80 \
                and not h.title.endswith("!") and not any(h is s or inside(h, s) for s in out):
            out.append(h)
    return out


def parse_slogans(blocks: list[Node], plan_date: dt.date | None) -> tuple[list[str], dict | None, list[Note]]:
    slogans: list[str] = []
    display = None
    warnings: list[Note] = []
    for block in blocks:
        for ln in block.all_lines():
            if ln is block.line:
                continue
            text, enumerated = _strip_label(ln)
            if len(text) > 2 and text[0] in "“\"'" and text[-1] in "”\"'":
                text = text[1:-1].strip()   # a slogan quoted whole: “...!”
            f = fold(text)
            if not text or text.endswith(":"):
                continue
            if ("treo" in f or "cang" in f or "tu ngay" in f or "thoi gian" in f) and not text.endswith("!"):
                p = parse_period(text, plan_date)
                if p.found and (p.start or p.end):
                    display = {"start": _iso(p.start), "end": _iso(p.end)}
                    for msg in p.problems:
                        warnings.append(note(ln.no, "slogan_display", f"thời gian treo khẩu hiệu: {msg}"))
                    continue
            if "khau hieu" in f and not text.endswith("!"):
                continue  # a sub-heading ("a) Khẩu hiệu treo tại trụ sở") or an instruction
            if enumerated or text.endswith("!"):
                # Any length: a slogan is what the plan lists as one, long or short.
                slogans.append(tidy_punct(text))
    return slogans, display, warnings


def _strip_label(ln: Line) -> tuple[str, bool]:
    t = ln.text
    for rx in (NUMBER, LETTER):
        m = rx.match(t)
        if m:
            title = m.groupdict().get("title") or m.groupdict().get("title2") or ""
            return title.strip(), True
    m = BULLET.match(t)
    if m:
        return re.sub(r"^[-+•\s]+", "", m["title"]).strip(), True
    return t, False


def _iso(d):
    return d.isoformat() if d else None
