"""Word .docx -> text lines, in reading order.

Paragraphs and tables are read in body order; a table (plans put their
two-column header and their "Nơi nhận / chữ ký" footer in tables) gives its
cells row by row, left to right, one cell's paragraphs after the other.
Word's automatic numbering is not in the paragraph text, so it is rebuilt
from numbering.xml ("1.", "1.1.", "a)", "-") - otherwise "Đợt", "1.1." and
bullets of a numbered list would be invisible to the recognisers.
"""
from __future__ import annotations

import io
import zipfile

from .errors import PlanImportError

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = ""
    for v, s in _ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def _fmt(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("lowerLetter", "upperLetter"):  # Word counts a..z, then aa, bb, ...
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def docx_text(data: bytes, name: str = "") -> str:
    try:
        import docx  # python-docx
        from docx.oxml.ns import qn
    except ImportError:  # pragma: no cover - python-docx is a runtime requirement
        raise PlanImportError("Thiếu thư viện python-docx để đọc tệp .docx.")
    try:
        doc = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, Exception) as e:  # noqa: BLE001 - any broken package
        raise PlanImportError(f"Không đọc được tệp Word “{name}”: tệp bị hỏng hoặc không phải .docx ({type(e).__name__}).")
    numbering = _numbering(doc, qn)
    numbering["_styles"] = _style_numbering(doc, qn)
    counters: dict[tuple[str, int], int] = {}
    out: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(_para(child, numbering, counters, qn))
        elif tag == "tbl":
            out.extend(_table(child, numbering, counters, qn))
    return "\n".join(out)


def _para(p, numbering, counters, qn) -> str:
    text = _ptext(p, qn)
    ppr = p.find(qn("w:pPr"))
    if not text.strip():
        return text
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    num_id, ilvl = None, 0
    if numpr is not None:
        ilvl_el, numid_el = numpr.find(qn("w:ilvl")), numpr.find(qn("w:numId"))
        num_id = numid_el.get(qn("w:val")) if numid_el is not None else None
        ilvl = int(ilvl_el.get(qn("w:val"))) if ilvl_el is not None else 0
    if num_id is None and ppr is not None:
        # Numbering given by the paragraph style ("List Number"), not the paragraph.
        ps = ppr.find(qn("w:pStyle"))
        if ps is not None:
            num_id, ilvl = numbering["_styles"].get(ps.get(qn("w:val")), (None, 0))
    if num_id is None or num_id == "0":
        return text
    levels = numbering.get(num_id)
    if not levels:
        return text
    abstract_key = levels.get("_abstract", num_id)
    counters[(abstract_key, ilvl)] = counters.get((abstract_key, ilvl), levels.get(ilvl, {}).get("start", 1) - 1) + 1
    for deeper in [k for k in counters if k[0] == abstract_key and k[1] > ilvl]:
        del counters[deeper]
    lvl = levels.get(ilvl)
    if not lvl:
        return text
    if lvl["fmt"] == "bullet":
        return "- " + text
    label = lvl["text"]
    for i in range(ilvl + 1):
        n = counters.get((abstract_key, i), levels.get(i, {}).get("start", 1))
        label = label.replace(f"%{i + 1}", _fmt(n, levels.get(i, {}).get("fmt", "decimal")))
    return f"{label} {text}"


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _ptext(p, qn) -> str:
    parts = []
    # Word stores a text box twice (mc:Choice and its mc:Fallback copy): read it once.
    skip = {id(d) for fb in p.iter(_MC_FALLBACK) for d in fb.iter()}
    for el in p.iter():
        if id(el) in skip:
            continue
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "t" and el.text:
            parts.append(el.text)
        elif tag == "tab":
            parts.append("\t")
        elif tag in ("br", "cr"):
            parts.append("\n")
    return "".join(parts)


def _table(tbl, numbering, counters, qn) -> list[str]:
    """Rows in order, cells left to right; a table nested in a cell is read in its place, once."""
    out = []
    for tr in tbl.findall(qn("w:tr")):
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            vm = pr.find(qn("w:vMerge")) if pr is not None else None
            if vm is not None and vm.get(qn("w:val")) in (None, "continue"):
                continue  # continuation of a vertically merged cell: its text was read above
            for child in tc:
                tag = child.tag.rsplit("}", 1)[-1]
                if tag == "p":
                    out.append(_para(child, numbering, counters, qn))
                elif tag == "tbl":
                    out.extend(_table(child, numbering, counters, qn))
    return out


def _numbering(doc, qn) -> dict:
    """numId -> {ilvl: {fmt, text, start}, '_abstract': id}."""
    try:
        part = doc.part.numbering_part
    except (NotImplementedError, KeyError, AttributeError):
        return {}
    root = part.element
    abstracts = {}
    for an in root.iter(qn("w:abstractNum")):
        levels = {}
        for lvl in an.iter(qn("w:lvl")):
            il = int(lvl.get(qn("w:ilvl")))
            fmt = lvl.find(qn("w:numFmt"))
            txt = lvl.find(qn("w:lvlText"))
            start = lvl.find(qn("w:start"))
            levels[il] = {"fmt": fmt.get(qn("w:val")) if fmt is not None else "decimal",
                          "text": txt.get(qn("w:val")) if txt is not None else f"%{il + 1}.",
                          "start": int(start.get(qn("w:val"))) if start is not None else 1}
        abstracts[an.get(qn("w:abstractNumId"))] = levels
    out = {}
    for num in root.iter(qn("w:num")):
        aid = num.find(qn("w:abstractNumId"))
        if aid is None:
            continue
        levels = dict(abstracts.get(aid.get(qn("w:val")), {}))
        levels["_abstract"] = aid.get(qn("w:val"))
        out[num.get(qn("w:numId"))] = levels
    return out


def _style_numbering(doc, qn) -> dict:
    """styleId -> (numId, ilvl) for paragraph styles that number (following basedOn)."""
    raw, based = {}, {}
    try:
        root = doc.styles.element
    except Exception:  # noqa: BLE001
        return {}
    for st in root.iter(qn("w:style")):
        sid = st.get(qn("w:styleId"))
        b = st.find(qn("w:basedOn"))
        if b is not None:
            based[sid] = b.get(qn("w:val"))
        ppr = st.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is not None:
            nid, il = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
            raw[sid] = (nid.get(qn("w:val")) if nid is not None else None,
                        int(il.get(qn("w:val"))) if il is not None else 0)
    out = {}
    for sid in set(raw) | set(based):
        cur, seen = sid, set()
        while cur and cur not in raw and cur not in seen:
            seen.add(cur)
            cur = based.get(cur)
        if cur in raw and raw[cur][0]:
            out[sid] = raw[cur]
    return out
