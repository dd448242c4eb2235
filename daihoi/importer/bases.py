"""The bases: documents named in the opening "Thực hiện ..." / "Căn cứ ..." paragraphs.

The opening paragraph is often hard-wrapped (PDF, text pasted from a portal, a
Word file with manual line breaks), so its lines are first put back together:
a line continues the one above when the one above did not end a clause (. ; :),
the line opens no basis of its own ("Thực hiện", "Căn cứ", a bullet, a number) and
it reads as the rest of a sentence ("số …" in lower case, "Kế hoạch số …", or after
a word such as "của", "về", "ngày"). A
paragraph that opens with "Thực hiện"/"Căn cứ"/…, and the ones right after it that
open with a document's kind ("Kế hoạch số …", "Chỉ thị …"), hold the bases.
"""
from __future__ import annotations

import re

from .codes import find_codes
from .dates import first_date
from .decode import _DANGLING, Line
from .notes import Note, note
from .text import collapse, fold

_OPENERS = ("thuc hien", "can cu", "thi hanh", "theo", "trien khai", "duoc su")
_DOC_TYPES = re.compile(
    r"(chi thi|ke hoach|nghi quyet|huong dan|quyet dinh|cong van|thong bao|ket luan|quy dinh|"
    r"chuong trinh|van ban|thong tri|dieu le|luat|nghi dinh|thong tu|de an|cong dien|to trinh)\b")
_LEAD = re.compile(r"^(?:[-–+•]|\d{1,2}\s*[.)])\s*")    # bases are often typed as bullets or numbered


def _paragraphs(lines: list[Line]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Lines put back into paragraphs: (text, [(offset in text, line number)])."""
    out: list[tuple[str, list[tuple[int, int]]]] = []
    prev_part = None
    for ln in lines:
        same_paragraph = ln.part and ln.part == prev_part      # a Word paragraph's manual line break
        prev_part = ln.part
        text = ln.text
        f = fold(_LEAD.sub("", text))
        opens = bool(_LEAD.match(text)) or f.startswith(_OPENERS)
        # The rest of a sentence: it starts in lower case ("số 28-KH/…"), names a document's
        # kind ("Kế hoạch số …"), or follows a word no sentence ends on.
        goes_on = text[:1].islower() or bool(_DOC_TYPES.match(f)) or bool(out) and \
            fold(out[-1][0].rsplit(" ", 1)[-1]) in _DANGLING
        if out and (same_paragraph or not opens and goes_on and not out[-1][0].rstrip().endswith((".", ";", ":"))):
            prev, where = out[-1]
            where.append((len(prev) + 1, ln.no))
            out[-1] = (prev + " " + text, where)
        else:
            out.append((text, [(0, ln.no)]))
    return out


def _line_at(where: list[tuple[int, int]], pos: int) -> int:
    return max((no for off, no in where if off <= pos), default=where[0][1])


def parse_bases(preamble: list[Line]) -> tuple[list[dict], list[Note]]:
    bases: list[dict] = []
    warnings: list[Note] = []
    seen: set[str] = set()
    in_bases = False
    for para, where in _paragraphs(preamble):
        text = _LEAD.sub("", para)
        shift = len(para) - len(text)
        f = fold(text)
        if f.startswith(_OPENERS):
            in_bases = True
        elif not (in_bases and _DOC_TYPES.match(f)):
            in_bases = False
            continue
        refs = find_codes(text)
        if not refs:
            if f.startswith(_OPENERS) and _DOC_TYPES.search(f[:80]):
                warnings.append(note(where[0][1], "bases", "đoạn căn cứ không ghi số văn bản, không đưa vào “bases”"))
            continue
        starts = [_doc_start(text, r.start) for r in refs]
        for i, ref in enumerate(refs):
            if ref.number in seen:
                continue
            seen.add(ref.number)
            stop = starts[i + 1] if i + 1 < len(refs) else len(text)
            semi = text.find(";", ref.end)
            if 0 <= semi < stop:
                stop = semi
            # The document's own date follows its number closely ("..., ngày 24/12/2015").
            date = first_date(text[ref.end:min(stop, ref.end + 40)])
            piece = text[starts[i]:stop]
            # The paragraph goes on with the issuer's own sentence: cut it off.
            cut = re.search(r"\.\s+[A-ZĐ]|,\s+[^,.]*\b(?:xây dựng|ban hành|triển khai)\s+(?:Kế hoạch|kế hoạch)", piece)
            if cut:
                piece = piece[:cut.start()]
            piece = collapse(piece).strip(" ,;.")
            line_no = _line_at(where, ref.start + shift)
            if date is None:
                warnings.append(note(line_no, f"bases[{len(bases)}].date", f"không tìm thấy ngày của văn bản {ref.number}"))
            bases.append({"number": ref.number, "date": date.isoformat() if date else None, "text": piece})
    return bases, warnings


def _doc_start(text: str, pos: int) -> int:
    """Where 'Kế hoạch số 02-KH/...' begins: the document type word before the number."""
    window = fold(text[max(0, pos - 40):pos])
    found = list(_DOC_TYPES.finditer(window))
    if not found:
        return pos
    return max(0, pos - 40) + found[-1].start()
