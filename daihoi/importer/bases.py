"""The bases: documents named in the opening "Thực hiện ..." / "Căn cứ ..." paragraphs."""
from __future__ import annotations

import re

from .dates import first_date
from .decode import Line
from .header import NUMBER_RX, normalize_number
from .text import collapse, fold

_OPENERS = ("thuc hien", "can cu", "thi hanh", "theo", "trien khai", "duoc su")
_DOC_TYPES = re.compile(
    r"(chi thi|ke hoach|nghi quyet|huong dan|quyet dinh|cong van|thong bao|ket luan|quy dinh|"
    r"chuong trinh|van ban|thong tri|dieu le|luat|nghi dinh|thong tu|de an)\b")


def parse_bases(preamble: list[Line]) -> tuple[list[dict], list[str]]:
    bases: list[dict] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for ln in preamble:
        text = re.sub(r"^(?:[-–+•]|\d{1,2}\s*[.)])\s*", "", ln.text)   # often typed as bullets or numbered
        if not fold(text).startswith(_OPENERS):
            continue
        refs = list(NUMBER_RX.finditer(text))
        if not refs:
            warnings.append(f"dòng {ln.no}: đoạn căn cứ không ghi số văn bản, không đưa vào “bases”")
            continue
        starts = [_doc_start(text, m.start()) for m in refs]
        for i, m in enumerate(refs):
            number = normalize_number(m)
            if number in seen:
                continue
            seen.add(number)
            stop = starts[i + 1] if i + 1 < len(refs) else len(text)
            semi = text.find(";", m.end())
            if 0 <= semi < stop:
                stop = semi
            # The document's own date follows its number closely ("..., ngày 24/12/2015").
            date = first_date(text[m.end():min(stop, m.end() + 40)])
            piece = text[starts[i]:stop]
            # The paragraph goes on with the issuer's own sentence: cut it off.
            cut = re.search(r"\.\s+[A-ZĐ]|,\s+[^,.]*\b(?:xây dựng|ban hành|triển khai)\s+(?:Kế hoạch|kế hoạch)", piece)
            if cut:
                piece = piece[:cut.start()]
            piece = collapse(piece).strip(" ,;.")
            if date is None:
                warnings.append(f"dòng {ln.no}: không tìm thấy ngày của văn bản {number}")
            bases.append({"number": number, "date": date.isoformat() if date else None, "text": piece})
    return bases, warnings


def _doc_start(text: str, pos: int) -> int:
    """Where 'Kế hoạch số 02-KH/...' begins: the document type word before the number."""
    window = fold(text[max(0, pos - 40):pos])
    found = list(_DOC_TYPES.finditer(window))
    if not found:
        return pos
    return max(0, pos - 40) + found[-1].start()
