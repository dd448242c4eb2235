"""Build the importer's variety corpus from the plan sources in src/.

    .venv/bin/python tests/importer/corpus/make_corpus.py [NAME ...]

Each src/NAME.txt is a plan as typed (header columns separated by a TAB, numbers
typed as text, `| a | b |` rows for a Word table, `*...*` italic and `**...**` bold),
with optional `#! key: value` hints (txt-encoding, txt-wrap, txt-split-issuer, pdf-from,
doc-from, table-borders). From it this writes, into files/:

    NAME.txt           the text as an editor receives it pasted (hint txt-encoding,
                       txt-wrap for hard line breaks, txt-split-issuer for a header
                       cell broken over two lines); seeds: the seed file itself
    NAME.table.docx    the official template: header in a borderless two-column
                       table, numbers typed, bold headings, signer block in a table
    NAME.auto.docx     the same with Word's automatic numbering (one multilevel list
                       I. / 1. / 1.1. / 1.1.1., lettered a) lists, "Đợt %1:" lists,
                       bullet lists), "Set numbering value" where the typed numbers jump
    NAME.restart.docx  Roman parts typed, every part's "1." list restarted with Word's
                       "Restart at 1" (a new w:num over one w:abstractNum with
                       w:lvlOverride/w:startOverride), lists that continue as a new
                       w:num without override
    NAME.pdf           printed from one of the .docx by LibreOffice (hint pdf-from)
    NAME.doc           saved as Word 97 by LibreOffice (hint doc-from)

Every .docx is checked against LibreOffice's own text export: the numbers LibreOffice
displays must be the numbers typed in the source, so the corpus tests the importer
against what Word and LibreOffice show, not against this script's idea of numbering.
The files are committed; run this again only to change the corpus (needs soffice).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "files"
SEEDS = HERE.parent.parent / "fixtures" / "seeds"
SEED_FILES = {"seed-000": "000_0d28b69577a8885f.txt", "seed-001": "001_b06b9d2ace5aae9c.txt",
              "seed-004": "004_f6e3a05446b93d4a.txt"}
W = nsdecls("w")
FONT = "Times New Roman"


# ---------------------------------------------------------------- the source

@dataclass
class Source:
    name: str
    hints: dict
    header: list[tuple[str, str]]
    title: list[str]
    body: list[str]
    tail: list[str]
    raw: list[str] = field(default_factory=list)


def read_source(path: Path) -> Source:
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    hints = {}
    while lines and lines[0].startswith("#!"):
        k, _, v = lines.pop(0)[2:].partition(":")
        hints[k.strip()] = v.strip()
    k = next(i for i, ln in enumerate(lines) if ln.strip() == "KẾ HOẠCH")
    header = [tuple((ln.split("\t") + [""])[:2]) for ln in lines[:k] if ln.strip()]
    rest = lines[k + 1:]
    # The trích yếu runs to the separator line, or to the first body line.
    t = 0
    title = []
    while t < len(rest) and not re.match(r"^(-{3,}|Thực hiện|Căn cứ|Số:)", rest[t].strip()):
        title.append(rest[t].strip())
        t += 1
    if t < len(rest) and rest[t].strip().startswith("---"):
        t += 1
    end = next(i for i, ln in enumerate(rest) if ln.strip().startswith("Nơi nhận"))
    return Source(path.stem, hints, header, title, [ln for ln in rest[t:end] if ln.strip()],
                  [ln.strip() for ln in rest[end:] if ln.strip()], lines)


def plain(text: str) -> str:
    """The words without emphasis markers."""
    return re.sub(r"\*\*(.+?)\*\*|\*(.+?)\*", lambda m: m.group(1) or m.group(2), text)


def cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


# ---------------------------------------------------------------- text layout

def write_txt(src: Source, path: Path) -> None:
    if src.name in SEED_FILES:
        shutil.copyfile(SEEDS / SEED_FILES[src.name], path)
        return
    out = []
    split = src.hints.get("txt-split-issuer", "")
    for left, right in src.header:
        left, right = plain(left), plain(right)
        if split and left == split.replace("|", " "):
            a, b = split.split("|")
            out += [f"{a}\t\t{right}", f"{b}"]
            continue
        out.append(f"{left}\t\t\t{right}" if right else left)
    out += ["", "KẾ HOẠCH"] + src.title + ["-----", ""]
    wrap = int(src.hints.get("txt-wrap", "0"))
    for ln in src.body:
        if ln.startswith("|"):
            out.append("\t".join(plain(c).replace(" // ", " ") for c in cells(ln)))
            continue
        text = plain(ln)
        out += textwrap.wrap(text, wrap, break_on_hyphens=False) if wrap and len(text) > wrap else [text]
    out.append("")
    out += src.tail
    data = "\n".join(out) + "\n"
    enc = src.hints.get("txt-encoding", "utf-8")
    if enc == "utf-16":
        path.write_bytes(data.replace("\n", "\r\n").encode("utf-16"))
    elif enc == "cp1258":
        path.write_bytes(to_cp1258(data.replace("\n", "\r\n")))
    else:
        path.write_bytes(data.encode(enc))


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as old Windows saves it: vowels with their hat or horn precomposed,
    tone marks as combining characters after them."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append((base + "".join(c for c in parts if c in _TONES)).encode("cp1258"))
    return b"".join(out)


# ---------------------------------------------------------------- Word numbering

ROMAN = re.compile(r"^(?P<v>[IVX]+)(?P<s>[.\-–])\s+(?P<t>.*)$")
NUM3 = re.compile(r"^(?P<a>\d+)\.(?P<b>\d+)\.(?P<c>\d+)(?P<s>\.?)\s+(?P<t>.*)$")
NUM2 = re.compile(r"^(?P<a>\d+)\.(?P<b>\d+)(?P<s>\.?)\s+(?P<t>.*)$")
NUM1 = re.compile(r"^(?P<a>\d+)(?P<s>\.)\s+(?P<t>.*)$")
LETTER = re.compile(r"^(?P<v>[a-zđ])\)\s+(?P<t>.*)$")
SERIES = re.compile(r"^Đợt (?P<v>\d+):\s+(?P<t>.*)$")
BULLET = re.compile(r"^(?P<m>[-+])\s+(?P<t>.*)$")


def roman_value(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def to_roman(n: int) -> str:
    out = ""
    for v, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


class Numbering:
    """Builds numbering.xml entries and simulates Word's counters (shared per
    abstractNum; a num's startOverride restarts them at its first use; a level
    restarts when a higher level of the same abstractNum is used)."""

    def __init__(self, doc):
        self.root = doc.part.numbering_part.element
        self.next_abs = 100
        self.next_num = 100
        self.levels: dict[int, dict[int, tuple[str, str]]] = {}
        self.count: dict[tuple[int, int], int] = {}
        self.used: set[int] = set()
        self.overrides: dict[int, dict[int, int]] = {}
        self.abs_of: dict[int, int] = {}

    def abstract(self, levels: dict[int, tuple[str, str]], indent: bool = True) -> int:
        aid = self.next_abs
        self.next_abs += 1
        xml = [f'<w:abstractNum {W} w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>']
        for il, (fmt, text) in sorted(levels.items()):
            ind = '<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>' if indent else \
                '<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>'
            xml.append(f'<w:lvl w:ilvl="{il}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                       f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>{ind}</w:lvl>')
        xml.append("</w:abstractNum>")
        first_num = self.root.find(qn("w:num"))
        el = parse_xml("".join(xml))
        if first_num is not None:
            first_num.addprevious(el)
        else:
            self.root.append(el)
        self.levels[aid] = levels
        return aid

    def num(self, aid: int, start_override: dict[int, int] | None = None) -> int:
        nid = self.next_num
        self.next_num += 1
        over = "".join(f'<w:lvlOverride w:ilvl="{il}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                       for il, v in (start_override or {}).items())
        self.root.append(parse_xml(f'<w:num {W} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>'))
        self.abs_of[nid] = aid
        self.overrides[nid] = dict(start_override or {})
        return nid

    def shown(self, nid: int, ilvl: int) -> tuple[int, ...]:
        """Counters Word would show for the next paragraph of num `nid` at `ilvl` (not applied)."""
        aid = self.abs_of[nid]
        count = dict(self.count)
        if nid not in self.used:
            for il, v in self.overrides[nid].items():
                count[(aid, il)] = v - 1
        count[(aid, ilvl)] = count.get((aid, ilvl), 0) + 1
        return tuple(count.get((aid, i), 1) if i < ilvl else count[(aid, ilvl)] for i in range(ilvl + 1))

    def apply(self, nid: int, ilvl: int) -> None:
        aid = self.abs_of[nid]
        if nid not in self.used:
            for il, v in self.overrides[nid].items():
                self.count[(aid, il)] = v - 1
            self.used.add(nid)
        self.count[(aid, ilvl)] = self.count.get((aid, ilvl), 0) + 1
        for key in [k for k in self.count if k[0] == aid and k[1] > ilvl]:
            del self.count[key]


def set_num(p, nid: int, ilvl: int) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>'))


# ---------------------------------------------------------------- Word layout

def add_runs(p, text: str, bold: bool = False, italic: bool = False, size: float | None = None) -> None:
    pos = 0
    for m in re.finditer(r"\*\*(.+?)\*\*|\*(.+?)\*", text):
        if m.start() > pos:
            _run(p, text[pos:m.start()], bold, italic, size)
        if m.group(1):
            _run(p, m.group(1), True, italic, size)
        else:
            _run(p, m.group(2), bold, True, size)
        pos = m.end()
    if pos < len(text):
        _run(p, text[pos:], bold, italic, size)


def _run(p, text, bold, italic, size):
    r = p.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    if size:
        r.font.size = Pt(size)


def para(container, text="", align=None, bold=False, italic=False, size=None, indent=True, after=6):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    if align is not None:
        p.alignment = align
    elif indent:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Cm(1)
    add_runs(p, text, bold, italic, size)
    return p


def new_document():
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(14)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    st.element.rPr.rFonts.set(qn("w:cs"), FONT)
    st.paragraph_format.space_after = Pt(0)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(2), Cm(2), Cm(3), Cm(1.5)
    d.add_paragraph("x", style="List Number")      # makes sure the numbering part exists
    body = d.element.body
    body.remove(body.findall(qn("w:p"))[-1])
    return d


def _cell_width(table, widths):
    for row in table.rows:
        for c, w in zip(row.cells, widths):
            c.width = w


def header_table(d, src: Source) -> None:
    t = d.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _cell_width(t, (Cm(7.2), Cm(9.3)))
    left, right = t.rows[0].cells
    first = {id(left): True, id(right): True}
    for l_text, r_text in src.header:
        for cell, text in ((left, l_text), (right, r_text)):
            if not text.strip():
                continue
            p = cell.paragraphs[0] if first[id(cell)] else cell.add_paragraph()
            first[id(cell)] = False
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            italic = bool(re.search(r", ngày\b", text))
            add_runs(p, text.strip(), italic=italic, size=13 if cell is left else 13.5)


def title_block(d, src: Source) -> None:
    para(d, "**KẾ HOẠCH**", align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    for ln in src.title:
        para(d, f"**{ln}**", align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    para(d, "-----", align=WD_ALIGN_PARAGRAPH.CENTER, after=6)


def body_table(d, rows: list[str], borders: bool = True) -> None:
    data = [cells(r) for r in rows]
    t = d.add_table(rows=len(data), cols=len(data[0]))
    if borders:            # hint "table-borders: none": a table printed without ruling lines
        t.style = d.styles["Table Grid"]
    for i, row in enumerate(data):
        for j, text in enumerate(row):
            cell = t.cell(i, j)
            for k, piece in enumerate(text.split(" // ")):
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                add_runs(p, piece, bold=i == 0, size=12)
    d.add_paragraph()


def closing_table(d, src: Source) -> None:
    recip = [ln for ln in src.tail if ln.startswith(("-", "Nơi nhận"))]
    sign = [ln for ln in src.tail if ln not in recip]
    t = d.add_table(rows=1, cols=2)
    t.autofit = False
    _cell_width(t, (Cm(8), Cm(8.5)))
    left, right = t.rows[0].cells
    for k, ln in enumerate(recip):
        p = left.paragraphs[0] if k == 0 else left.add_paragraph()
        if ln.startswith("Nơi nhận"):
            add_runs(p, ln, bold=True, italic=True, size=12)
        else:
            add_runs(p, ln, size=11)
    for k, ln in enumerate(sign):
        p = right.paragraphs[0] if k == 0 else right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        signed = ln.startswith("(")
        if k == len(sign) - 1 and not signed:
            p.paragraph_format.space_before = Pt(36)
        add_runs(p, ln, bold=not signed, italic=signed)


def is_heading(text: str) -> bool:
    """Short numbered lines that do not end a sentence are set bold, as headings are."""
    t = plain(text)
    return len(t) < 130 and not t.endswith((".", ";", "!"))


def write_docx(src: Source, variant: str, path: Path) -> list[str]:
    """Write one Word variant; return the body text as Word should display it."""
    d = new_document()
    header_table(d, src)
    para(d, "", after=0)
    title_block(d, src)
    shown: list[str] = []
    nb = Numbering(d)
    a_multi = nb.abstract({0: ("upperRoman", "%1."), 1: ("decimal", "%2."), 2: ("decimal", "%2.%3."),
                           3: ("decimal", "%2.%3.%4.")})
    a_flat = nb.abstract({0: ("decimal", "%1."), 1: ("decimal", "%1.%2."), 2: ("decimal", "%1.%2.%3.")})
    a_letter = nb.abstract({0: ("lowerLetter", "%1)")})
    a_series = nb.abstract({0: ("decimal", "Đợt %1:")})
    a_bullet = nb.abstract({0: ("bullet", "-"), 1: ("bullet", "+")})
    n_multi = nb.num(a_multi)
    n_flat = None
    n_letter = None
    n_series = nb.num(a_series)
    n_bullet = nb.num(a_bullet)
    i = 0
    body = src.body
    while i < len(body):
        ln = body[i]
        if ln.startswith("|"):
            j = i
            while j < len(body) and body[j].startswith("|"):
                j += 1
            body_table(d, body[i:j], src.hints.get("table-borders", "grid") != "none")
            i = j
            continue
        i += 1
        italic_line = bool(re.fullmatch(r"\*[^*].*\*", ln))
        inner = ln[1:-1] if italic_line else ln
        text_plain = plain(inner)
        shown.append(plain(ln))
        if variant == "table":
            bold = bool(ROMAN.match(text_plain) or (re.match(r"^\d", text_plain) and is_heading(inner)))
            para(d, inner, bold=bold, italic=italic_line)
            continue
        target = None      # (nid, ilvl, label as typed, label Word shows, rest)
        m = BULLET.match(inner)
        if m:
            ilvl = 0 if m["m"] == "-" else 1
            nb.apply(n_bullet, ilvl)
            p = para(d, m["t"], italic=italic_line)
            set_num(p, n_bullet, ilvl)
            continue
        for rx, kind in ((ROMAN, "roman"), (NUM3, 3), (NUM2, 2), (NUM1, 1), (LETTER, "letter"), (SERIES, "series")):
            m = rx.match(inner)
            if m:
                break
        else:
            m, kind = None, None
        if m is None:
            para(d, inner, italic=italic_line)
            continue
        rest = m["t"]
        if kind == "roman":
            if variant == "restart":
                para(d, inner, bold=True, italic=italic_line)
                n_flat = None          # a new part: its lists start anew
                continue
            want, ilvl, nid, suffix = (roman_value(m["v"]),), 0, n_multi, m["s"]
        elif kind in (1, 2, 3):
            want = tuple(int(m[k]) for k in "abc"[:kind])
            suffix = m["s"]
            if variant == "auto":
                ilvl, nid = kind, n_multi
            else:
                ilvl = kind - 1
                if n_flat is None:
                    # "Restart at 1" makes a new w:num with a startOverride; a list that goes on
                    # after a break is a new w:num over the same abstractNum without one.
                    restart = want[0] == 1
                    n_flat = nb.num(a_flat, {0: 1} if restart else None)
                nid = n_flat
        elif kind == "letter":
            want, ilvl, suffix = (ord(m["v"]) - ord("a") + 1,), 0, ")"
            if n_letter is None or want == (1,):
                n_letter = nb.num(a_letter, {0: 1})
            nid = n_letter
        else:
            if variant == "restart":
                para(d, inner, italic=italic_line, bold=True)
                continue
            want, ilvl, nid, suffix = (int(m["v"]),), 0, n_series, ":"
        got = nb.shown(nid, ilvl)
        if variant == "auto" and kind in (1, 2, 3):
            got = got[1:]        # level 0 of the multilevel list is the Roman part
            want_cmp = want
        else:
            want_cmp = want
        ok_suffix = suffix in (".", ":", ")") if kind != "roman" else suffix == "."
        if got != want_cmp and ok_suffix:
            # "Set numbering value": a new num over the same list, starting where the text is.
            aid = nb.abs_of[nid]
            nid = nb.num(aid, {ilvl: want_cmp[-1]})
            if kind == "letter":
                n_letter = nid
            elif kind == "series":
                n_series = nid
            elif kind == "roman" or variant == "auto":
                n_multi = nid
            else:
                n_flat = nid
            got = nb.shown(nid, ilvl)
            if variant == "auto" and kind in (1, 2, 3):
                got = got[1:]
        if got != want_cmp or not ok_suffix:
            para(d, inner, italic=italic_line, bold=is_heading(inner))      # typed by hand
            continue
        nb.apply(nid, ilvl)
        bold = kind == "roman" or (kind in (1, 2, 3, "series") and is_heading(inner))
        p = para(d, rest, bold=bold, italic=italic_line)
        set_num(p, nid, ilvl)
    closing_table(d, src)
    d.add_paragraph()          # Word always ends a document with a paragraph, never with a table
    d.save(str(path))
    return shown


# ---------------------------------------------------------------- LibreOffice

def soffice(args: list[str], outdir: Path) -> None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("Cần LibreOffice (soffice) để tạo tệp .pdf và .doc của bộ mẫu.")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", *args,
                        "--outdir", str(outdir)], check=True, capture_output=True, timeout=600)


def check_numbers(docx_path: Path, shown: list[str], tmp: Path) -> None:
    problem = numbers_problem(docx_path, shown, tmp)
    if problem:
        sys.exit(problem)


def numbers_ok(path: Path, shown: list[str], tmp: Path) -> bool:
    return numbers_problem(path, shown, tmp) is None


def numbers_problem(docx_path: Path, shown: list[str], tmp: Path) -> str | None:
    """LibreOffice's text of the file holds every body line, numbers as the source types them."""
    soffice(["--convert-to", "txt:Text (encoded):UTF8", str(docx_path)], tmp)
    if not (tmp / (docx_path.stem + ".txt")).exists():
        return f"{docx_path.name}: LibreOffice không xuất được văn bản"
    got = [re.sub(r"\s+", " ", ln).strip() for ln in (tmp / (docx_path.stem + ".txt")).read_text(
        encoding="utf-8-sig").split("\n")]
    # LibreOffice writes every bullet as "•" in its text export, whatever the list's symbol.
    got = [re.sub(r"^[•◦▪+-] ", "- ", g) for g in got if g]
    k = 0
    for want in shown:
        want = re.sub(r"^\+ ", "- ", re.sub(r"\s+", " ", want).strip())
        while k < len(got) and got[k] != want:
            k += 1
        if k == len(got):
            return f"{docx_path.name}: LibreOffice không hiển thị dòng “{want[:80]}” như văn bản nguồn"
        k += 1
    return None


def build(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    sources = [read_source(p) for p in sorted(SRC.glob("*.txt")) if not names or p.stem in names]
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        pdf_from = []
        shown_by: dict[tuple[str, str], list[str]] = {}
        for src in sources:
            write_txt(src, OUT / f"{src.name}.txt")
            for variant in ("table", "auto", "restart"):
                path = OUT / f"{src.name}.{variant}.docx"
                shown_by[(src.name, variant)] = write_docx(src, variant, path)
                check_numbers(path, shown_by[(src.name, variant)], tmp)
            copy = tmp / f"{src.name}.docx"
            shutil.copyfile(OUT / f"{src.name}.{src.hints.get('pdf-from', 'auto')}.docx", copy)
            pdf_from.append(str(copy))
            print(f"{src.name}: txt, 3 × docx", flush=True)
        if pdf_from:
            soffice(["--convert-to", "pdf", *pdf_from], OUT)
        for src in sources:
            # LibreOffice's Word 97 export can lose a list's restart or continuation (it then shows
            # other numbers for its own .doc): the .doc is made from the first variant whose .doc
            # LibreOffice reads back with the source's numbers.
            order = [src.hints.get("doc-from", "auto"), "auto", "restart", "table"]
            for variant in dict.fromkeys(order):
                copy = tmp / "doc" / f"{src.name}.docx"
                copy.parent.mkdir(exist_ok=True)
                shutil.copyfile(OUT / f"{src.name}.{variant}.docx", copy)
                soffice(["--convert-to", "doc:MS Word 97", str(copy)], OUT)
                if numbers_ok(OUT / f"{src.name}.doc", shown_by[(src.name, variant)], tmp):
                    print(f"{src.name}.doc: từ bản {variant}", flush=True)
                    break
            else:
                sys.exit(f"{src.name}.doc: LibreOffice không lưu được bản .doc giữ đúng số thứ tự")
        print(f"{len(pdf_from)} pdf, {len(sources)} doc", flush=True)


if __name__ == "__main__":
    build(sys.argv[1:])
