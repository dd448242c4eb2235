"""Which congress a phase means, from the words of the plan.

Plans write "Sau khi bế mạc Đại hội lần thứ XIII Đảng bộ Khối" or "Trong thời gian
diễn ra Đại hội lần thứ XIII của Đảng", not ids. We match the ordinal (XIII) first,
then the words of the unit; "của Đảng" and "toàn quốc" mean the national congress.
An explicit `congress:` id always wins; a tie is reported, never guessed.
"""
from __future__ import annotations

import re

from daihoi.text import roman
from daihoi.text.vntext import fold

_ORDINAL = re.compile(r"(?:lần thứ|đại hội)\s+([IVXLC]+)\b", re.I)
_NOISE = {"dai", "hoi", "bieu", "lan", "thu", "khai", "mac", "be", "cua", "va", "cac", "nhiem", "ky", "tien", "toi",
          "trong", "thoi", "gian", "dien", "ra", "sau", "khi", "truoc", "to", "chuc", "thanh", "cong"}
_NATIONAL = re.compile(r"toan quoc|cua dang(?! bo)\b")


def ordinal(text: str) -> str | None:
    for m in _ORDINAL.finditer(text):
        if roman.from_roman(m.group(1).upper()):
            return m.group(1).upper()
    return None


def _words(text: str) -> set:
    return {w for w in re.findall(r"[a-z]+", fold(text).lower()) if w not in _NOISE and len(w) > 1}


def match(event: str, congresses: dict) -> tuple[str | None, list[str]]:
    """(id, []) when one congress fits; (None, tied ids) when several do; (None, []) when none."""
    number = ordinal(event or "")
    if not number:
        return None, []
    candidates = [c for c in congresses.values() if c.get("ordinal") == number]
    if len(candidates) <= 1:
        return (candidates[0]["id"], []) if candidates else (None, [])
    folded = fold(event).lower()
    words = _words(event) - {number.lower()}
    scores = {}
    for c in candidates:
        score = len(words & _words(f"{c['name']} {c['unit']}"))
        if _NATIONAL.search(folded) and c.get("level") == "toàn quốc":
            score += 2
        scores[c["id"]] = score
    best = max(scores.values())
    top = sorted(cid for cid, s in scores.items() if s == best)
    return (top[0], []) if len(top) == 1 and best > 0 else (None, top)
