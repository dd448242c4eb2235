"""Word .docx -> lines (pieces) in reading order, numbers as Word displays them.

Paragraphs and tables are read in body order (content controls included); a
table's cells row by row, left to right, each line tagged with its (table, row,
column) so a table stays a table; bold and italic are read from the runs and the
styles they inherit, because plans set headings in bold and their "Trước / Trong /
Sau Đại hội" sub-headings in italic.

Automatic numbering is not in the paragraph text, so it is rebuilt from
numbering.xml the way Word and LibreOffice display it (python-docx does not do
this, hence the code here):
- a list's counters belong to its w:abstractNum: several w:num over one abstract
  continue each other's numbering;
- a w:num with w:lvlOverride/w:startOverride (what "Restart at 1" and "Set
  numbering value" write) restarts the counter at the first paragraph that uses it;
- using a level restarts the levels below it; a level's text ("%1.%2.", "Đợt %1:")
  takes every level's current number in that level's format (isLgl: decimal);
- numbering given by a paragraph style, and abstracts linked through a numbering
  style (w:numStyleLink), are followed.
"""
from __future__ import annotations

import io
import zipfile

from .decode import Piece
from .errors import PlanImportError

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


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
    if fmt == "none":
        return ""
    return str(n)


def _val(el, default=None):
    return el.get(_W + "val", default) if el is not None else default


def _on(el) -> bool | None:
    """A w:b / w:i toggle: present means on unless w:val says off."""
    if el is None:
        return None
    return _val(el, "true") not in ("0", "false", "off", "none")


# ---------------------------------------------------------------- numbering.xml


def _level(lvl) -> dict:
    start = lvl.find(_W + "start")
    return {"fmt": _val(lvl.find(_W + "numFmt"), "decimal"),
            "text": _val(lvl.find(_W + "lvlText"), None),
            "start": int(_val(start, "1")) if start is not None else 1,
            "lgl": lvl.find(_W + "isLgl") is not None,
            "suff": _val(lvl.find(_W + "suff"), "tab")}


class Numbering:
    """Word's list counters for one document (see the module docstring)."""

    def __init__(self, root, style_num: dict[str, tuple[str | None, int | None]]):
        self.abstracts: dict[str, dict[int, dict]] = {}
        self.links: dict[str, str] = {}            # abstractNumId -> numbering style it links to
        self.nums: dict[str, dict] = {}
        self.count: dict[tuple[str, int], int] = {}
        self.used: set[tuple[str, int]] = set()
        self.style_num = style_num
        if root is None:
            return
        for an in root.iter(_W + "abstractNum"):
            aid = an.get(_W + "abstractNumId")
            self.abstracts[aid] = {int(lv.get(_W + "ilvl", "0")): _level(lv) for lv in an.iter(_W + "lvl")}
            link = an.find(_W + "numStyleLink")
            if link is not None:
                self.links[aid] = _val(link)
        for num in root.iter(_W + "num"):
            aid = _val(num.find(_W + "abstractNumId"))
            if aid is None:
                continue
            starts, levels = {}, {}
            for ov in num.findall(_W + "lvlOverride"):
                il = int(ov.get(_W + "ilvl", "0"))
                so = ov.find(_W + "startOverride")
                lv = ov.find(_W + "lvl")
                if lv is not None:
                    levels[il] = _level(lv)
                    starts[il] = levels[il]["start"]
                if so is not None:
                    starts[il] = int(_val(so, "1"))
            self.nums[num.get(_W + "numId")] = {"abstract": aid, "starts": starts, "levels": levels}

    def _abstract(self, num_id: str) -> str | None:
        aid = self.nums[num_id]["abstract"]
        seen = set()
        # An abstract that only links to a numbering style takes that style's list.
        while aid in self.links and aid not in seen:
            seen.add(aid)
            linked_num = self.style_num.get(self.links[aid], (None, None))[0]
            if linked_num is None or linked_num not in self.nums:
                break
            aid = self.nums[linked_num]["abstract"]
        return aid

    def label(self, num_id: str, ilvl: int) -> tuple[str, dict] | None:
        """Advance the counters for a paragraph of (num_id, ilvl); its label and level."""
        if num_id not in self.nums:
            return None
        aid = self._abstract(num_id)
        levels = dict(self.abstracts.get(aid, {}))
        levels.update(self.nums[num_id]["levels"])
        lvl = levels.get(ilvl)
        if lvl is None:
            return None
        if (num_id, ilvl) not in self.used:
            self.used.add((num_id, ilvl))
            start = self.nums[num_id]["starts"].get(ilvl)
            if start is not None:
                self.count[(aid, ilvl)] = start - 1
        self.count[(aid, ilvl)] = self.count.get((aid, ilvl), lvl["start"] - 1) + 1
        for key in [k for k in self.count if k[0] == aid and k[1] > ilvl]:
            del self.count[key]
        if lvl["fmt"] == "bullet":
            return ("+" if (lvl["text"] or "").strip() == "+" else "-"), lvl
        text = lvl["text"] if lvl["text"] is not None else f"%{ilvl + 1}."
        for i in range(ilvl, -1, -1):
            li = levels.get(i, {"fmt": "decimal", "start": 1})
            n = self.count.get((aid, i), li["start"])
            fmt = "decimal" if lvl["lgl"] and li["fmt"] != "none" else li["fmt"]
            text = text.replace(f"%{i + 1}", _fmt(n, fmt))
        return text, lvl


# ---------------------------------------------------------------- styles


class Styles:
    """Paragraph and character styles: numbering, bold and italic, following basedOn."""

    def __init__(self, root):
        self.based: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, int | None]] = {}
        self.toggles: dict[str, dict[str, bool]] = {}
        self.default_para: str | None = None
        if root is None:
            return
        for st in root.iter(_W + "style"):
            sid = st.get(_W + "styleId")
            if st.get(_W + "default") in ("1", "true") and st.get(_W + "type") == "paragraph":
                self.default_para = sid
            b = st.find(_W + "basedOn")
            if b is not None:
                self.based[sid] = _val(b)
            ppr = st.find(_W + "pPr")
            numpr = ppr.find(_W + "numPr") if ppr is not None else None
            if numpr is not None:
                nid, il = numpr.find(_W + "numId"), numpr.find(_W + "ilvl")
                self.num[sid] = (_val(nid), int(_val(il)) if il is not None else None)
            rpr = st.find(_W + "rPr")
            if rpr is not None:
                t = {}
                for key in ("b", "i"):
                    v = _on(rpr.find(_W + key))
                    if v is not None:
                        t[key] = v
                self.toggles[sid] = t

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.num:
                return self.num[sid]
            sid = self.based.get(sid)
        return None, None

    def toggle(self, sid: str | None, key: str) -> bool | None:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            v = self.toggles.get(sid, {}).get(key)
            if v is not None:
                return v
            sid = self.based.get(sid)
        return None


# ---------------------------------------------------------------- document


class _Reader:
    def __init__(self, doc):
        try:
            styles_root = doc.styles.element
        except Exception:  # noqa: BLE001 - a package without styles
            styles_root = None
        self.styles = Styles(styles_root)
        try:
            num_root = doc.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            num_root = None
        self.numbering = Numbering(num_root, self.styles.num)
        self.tables = 0
        self.out: list[Piece] = []

    def block(self, el, cell=None) -> None:
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            self.paragraph(el, cell)
        elif tag == "tbl":
            self.table(el)
        elif tag == "sdt":   # content control: its content is read in place
            content = el.find(_W + "sdtContent")
            for child in (content if content is not None else []):
                self.block(child, cell)

    def paragraph(self, p, cell) -> None:
        runs = self.runs(p)
        text = "".join(t for t, _, _ in runs)
        if not text.strip():
            return
        ppr = p.find(_W + "pPr")
        pstyle = _val(ppr.find(_W + "pStyle")) if ppr is not None else None
        pstyle = pstyle or self.styles.default_para
        num_id, ilvl = None, None
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        if numpr is not None:
            num_id, ilvl = _val(numpr.find(_W + "numId")), _val(numpr.find(_W + "ilvl"))
            ilvl = int(ilvl) if ilvl is not None else None
        if num_id is None or ilvl is None:
            s_num, s_ilvl = self.styles.numbering(pstyle)
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        label = None
        mark = ""
        if num_id not in (None, "0"):
            label = self.numbering.label(num_id, ilvl or 0)
        if label is not None:
            mark, lvl = label
            if mark:
                text = mark + ("" if lvl["suff"] == "nothing" and lvl["fmt"] != "bullet" else " ") + text.lstrip()
        body = [(t, b, i) for t, b, i in runs if t.strip()]
        bold = all(b for _, b, _ in body)
        italic = all(i for _, _, i in body)
        self.out.append(Piece(text, bold=bold, italic=italic, italic_start=bool(body) and body[0][2], cell=cell,
                              label=mark))

    def runs(self, p) -> list[tuple[str, bool, bool]]:
        """(text, bold, italic) of the paragraph's runs, in order, text boxes included once."""
        ppr = p.find(_W + "pPr")
        pstyle = _val(ppr.find(_W + "pStyle")) if ppr is not None else None
        pstyle = pstyle or self.styles.default_para
        out: list[list] = []
        flags_of: dict[int, tuple[bool, bool]] = {}
        runs: list = []          # keeps the run proxies alive, so their id() stays theirs
        for el in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"):
            tag = el.tag.rsplit("}", 1)[-1]
            if tag == "t" and el.text:
                piece = el.text
            elif tag == "tab" and el.getparent() is not None and el.getparent().tag == _W + "r":
                piece = "\t"
            elif tag in ("br", "cr"):
                piece = "\n"
            elif tag == "noBreakHyphen":
                piece = "-"
            else:
                continue
            r = el.getparent()
            while r is not None and r.tag != _W + "r":
                r = r.getparent()
            # Word stores a text box twice (mc:Choice and its mc:Fallback copy): read it once.
            anc, fallback = el.getparent(), False
            while anc is not None and anc is not p:
                if anc.tag == _MC_FALLBACK:
                    fallback = True
                    break
                anc = anc.getparent()
            if fallback:
                continue
            runs.append(r)
            key = id(r)
            if key not in flags_of:
                flags_of[key] = self._flags(r, pstyle)
            b, i = flags_of[key]
            if out and out[-1][3] == key:
                out[-1][0] += piece
            else:
                out.append([piece, b, i, key])
        return [(t, b, i) for t, b, i, _ in out]

    def _flags(self, r, pstyle) -> tuple[bool, bool]:
        rpr = r.find(_W + "rPr") if r is not None else None
        rstyle = _val(rpr.find(_W + "rStyle")) if rpr is not None else None
        flags = []
        for key in ("b", "i"):
            v = _on(rpr.find(_W + key)) if rpr is not None else None
            if v is None:
                v = self.styles.toggle(rstyle, key)
            if v is None:
                v = self.styles.toggle(pstyle, key)
            flags.append(bool(v))
        return flags[0], flags[1]

    def table(self, tbl) -> None:
        """Rows in order, cells left to right; a nested table is read in its place, once."""
        self.tables += 1
        number = self.tables
        for r, tr in enumerate(tbl.findall(_W + "tr")):
            col = 0
            for tc in tr.findall(_W + "tc"):
                pr = tc.find(_W + "tcPr")
                span = int(_val(pr.find(_W + "gridSpan"), "1")) if pr is not None else 1
                vm = pr.find(_W + "vMerge") if pr is not None else None
                if vm is not None and _val(vm) in (None, "continue"):
                    col += span
                    continue  # continuation of a vertically merged cell: its text was read above
                for child in tc:
                    self.block(child, (number, r, col))
                col += span


def docx_pieces(data: bytes, name: str = "") -> list[Piece]:
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - python-docx is a runtime requirement
        raise PlanImportError("Thiếu thư viện python-docx để đọc tệp .docx.")
    try:
        doc = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, Exception) as e:  # noqa: BLE001 - any broken package
        raise PlanImportError(f"Không đọc được tệp Word “{name}”: tệp bị hỏng hoặc không phải .docx ({type(e).__name__}).")
    reader = _Reader(doc)
    for child in doc.element.body.iterchildren():
        reader.block(child)
    return reader.out


def docx_text(data: bytes, name: str = "") -> str:
    return "\n".join(p.text for p in docx_pieces(data, name))
