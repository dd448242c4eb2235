"""Report deadlines: "trước ngày 09/02/2016", "vào ngày 20 hàng tháng"."""
from __future__ import annotations

import re

from .dates import mentions, resolve
from .decode import Line
from .notes import Note, note
from .text import collapse, fold

_MONTHLY = [re.compile(r"ngay\s*(\d{1,2})\s*(?:cua\s+)?(?:hang|moi)\s+thang"),
            re.compile(r"(?:hang|moi)\s+thang[^.;]{0,40}?(?:truoc|vao|chom nhat|cham nhat)\s+ngay\s*(\d{1,2})(?![\d/])")]
_DUE = re.compile(r"(?:truoc|cham nhat|han chot|vao|den)\s*(?:la\s*)?(?:ngay\s*)?(?=\d)")
_TO = re.compile(r"\b(?:bao cao|gui)\b[^.;]*?\bve\s+")
_TO_STOP = re.compile(r"\s*(?:\(|\btruoc\b|\bvao\b|\bde\b|\bcham nhat\b|\bdinh ky\b|\btheo\b|,|;|\.|$)")


def parse_reporting(lines: list[Line]) -> tuple[list[dict], list[Note]]:
    out: list[dict] = []
    warnings: list[Note] = []
    for ln in lines:
        f = fold(ln.text)
        if "bao cao" not in f:
            continue
        entry = None
        for rx in _MONTHLY:
            m = rx.search(f)
            if m and 1 <= int(m.group(1)) <= 31:
                entry = {"due": None, "day_of_month": int(m.group(1))}
                break
        if entry is None:
            for m in _DUE.finditer(f):
                ms = [x for x in mentions(ln.text[m.end():m.end() + 30]) if x.kind == "date"]
                if ms and ms[0].pos == 0:
                    d = resolve(ms[0], True, None)
                    if d is None:
                        warnings.append(note(ln.no, "reporting", f"hạn báo cáo “{collapse(ln.text[m.start():m.end() + 12])}” "
                                                                 "thiếu năm hoặc không hợp lệ, để trống"))
                        break
                    entry = {"due": d.isoformat(), "day_of_month": None}
                    break
        if entry is None:
            continue
        entry["to"] = _recipient(ln.text, f)
        if entry not in out:
            out.append(entry)
    return out, warnings


def _recipient(text: str, f: str) -> str | None:
    m = _TO.search(f)
    if not m:
        return None
    rest = f[m.end():]
    stop = _TO_STOP.search(rest)
    end = m.end() + (stop.start() if stop else len(rest))
    name = collapse(text[m.end():end]).strip(" ,;.")
    return name or None
