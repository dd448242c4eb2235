"""Builders for the test inputs: the same plan text in every form an editor may send."""
from __future__ import annotations

import io
import re
import json
import unicodedata
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
PLANS = sorted((FIXTURES / "plans").glob("*.txt"))


def expected_for(txt: Path) -> dict:
    return json.loads(txt.with_name(txt.name[:-4] + ".expected.json").read_text(encoding="utf-8"))


def mismatches(plan: dict, expected: dict) -> list[str]:
    """Keys listed in expected whose value differs (units_count = len(units));
    list items compare only on the keys the expected item lists."""
    bad = []
    for key, want in expected.items():
        got = len(plan["units"]) if key == "units_count" else plan[key]
        if isinstance(want, list) and want and isinstance(want[0], dict):
            got = [{k: g.get(k) for k in w} for g, w in zip(got, want)] + got[len(want):]
        if got != want:
            bad.append(f"{key}: got {json.dumps(got, ensure_ascii=False)[:600]} want {json.dumps(want, ensure_ascii=False)[:600]}")
    return bad


def write_utf16_crlf(text: str, path: Path) -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))  # 'utf-16' writes the BOM
    return path


def write_nfd(text: str, path: Path) -> Path:
    path.write_bytes(unicodedata.normalize("NFD", text).encode("utf-8"))
    return path


def write_docx(text: str, path: Path) -> Path:
    """A .docx of the plan: the lines before 'KẾ HOẠCH' go in a 2-column header table,
    the left column taking the issuer and number, the right the motto and date."""
    import docx

    lines = text.split("\n")
    k = next((i for i, ln in enumerate(lines) if ln.strip().upper() == "KẾ HOẠCH"), 0)
    head = [ln for ln in lines[:k] if ln.strip()]
    right_words = ("ĐẢNG CỘNG SẢN", "CỘNG HÒA", "Độc lập", "ngày")
    left, right = [], []
    for ln in head:
        for seg in [s for s in re.split(r"\t+|\s{3,}", ln) if s.strip()]:
            (right if any(w in seg for w in right_words) else left).append(seg.strip())
    d = docx.Document()
    if head:
        t = d.add_table(rows=1, cols=2)
        for cell, segs in zip(t.rows[0].cells, (left, right)):
            cell.text = segs[0] if segs else ""
            for s in segs[1:]:
                cell.add_paragraph(s)
    for i, ln in enumerate(lines[k:]):
        p = d.add_paragraph()
        # Bold/italic runs as Word has them: the first words bold, the rest plain.
        words = ln.split(" ", 2)
        if len(words) == 3 and i % 3 == 0:
            p.add_run(words[0] + " " + words[1] + " ").bold = True
            p.add_run(words[2]).italic = True
        else:
            p.add_run(ln)
    d.save(str(path))
    return path


def write_pdf(text: str, path: Path, wrap: int | None = None) -> Path:
    """A minimal PDF whose text layer is `text` (Type0 font, Identity-H, ToUnicode CMap).

    No font program is embedded: text extraction reads the ToUnicode map, which is all
    a text layer is, and keeps the test free of font files and extra packages.
    """
    lines = text.split("\n")
    if wrap:  # what a real PDF has: paragraphs broken into visual lines
        import textwrap
        lines = [w for ln in lines for w in (textwrap.wrap(ln, wrap) or [""])]
    per_page = 45
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    objs: list[bytes] = []

    def add(b: bytes) -> int:
        objs.append(b)
        return len(objs)

    # Map only the characters used: a full 0000-FFFF range makes readers build a huge table.
    used = sorted({ord(c) for c in text if ord(c) < 0x10000})
    chunks = [used[i:i + 100] for i in range(0, len(used), 100)]
    body = b"".join(b"%d beginbfchar " % len(ch) + b" ".join(b"<%04X> <%04X>" % (c, c) for c in ch) + b" endbfchar "
                    for ch in chunks)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange " + body +
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    tounicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    desc = add(b"<< /Type /FontDescriptor /FontName /ArialMT /Flags 32 /FontBBox [0 -200 1000 900] "
               b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>")
    cid = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ArialMT /CIDSystemInfo << /Registry (Adobe) "
              b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 500 /CIDToGIDMap /Identity >>" % desc)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /ArialMT /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, tounicode))
    pages_id = len(objs) + 1 + 2 * len(pages)
    kids = []
    for pg in pages:
        ops = [b"BT /F1 9 Tf 11 TL 30 800 Td"]
        for ln in pg:
            hexs = "".join(f"{ord(c):04X}" for c in ln if ord(c) < 0x10000)
            ops.append(f"<{hexs}> Tj T*".encode())
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    path.write_bytes(pdf_bytes(objs, catalog))
    return path


def pdf_bytes(objs: list[bytes], root: int = 1) -> bytes:
    """A PDF file of `objs` (object i + 1 is objs[i]) with its cross-reference table; `root`: the catalog."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref))
    return out.getvalue()


def write_scanned_pdf(path: Path) -> Path:
    """A PDF page with only a drawn rectangle: what a scan without OCR looks like to us."""
    stream = b"0 0 0 rg 50 50 200 200 re f"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    path.write_bytes(pdf_bytes(objs))
    return path


FONT = Path(__file__).resolve().parents[2] / "daihoi" / "documents" / "fonts" / "LiberationSerif-Regular.ttf"


def write_typeset_pdf(text: str, path: Path) -> Path:
    """A PDF typeset like a real plan (fpdf2, Liberation Serif 13pt, A4 margins): paragraphs
    wrap by width, and the header and signer rows are two cells side by side."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(30, 20, 15)
    pdf.add_font("Serif", "", str(FONT))
    pdf.set_font("Serif", size=13)
    pdf.add_page()
    for ln in text.split("\n"):
        parts = [p for p in re.split(r"\t+|\s{3,}", ln) if p.strip()]
        if len(parts) >= 2:
            y = pdf.get_y()
            pdf.multi_cell(80, 6, parts[0].strip(), new_x="RIGHT", new_y="TOP")
            pdf.set_xy(110, y)
            pdf.multi_cell(0, 6, " ".join(p.strip() for p in parts[1:]), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, 6, ln.strip() or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def write_word_like_docx(text: str, path: Path) -> Path:
    """A .docx laid out as plans are in Word: header table, bullets as Word bullet lists
    (no '-' typed), and 'Nơi nhận' beside the signer in a closing 2-column table."""
    import docx

    lines = text.split("\n")
    k = next((i for i, ln in enumerate(lines) if ln.strip().upper() == "KẾ HOẠCH"), 0)
    tail = next((i for i, ln in enumerate(lines) if ln.strip().startswith("Nơi nhận")), len(lines))
    d = docx.Document()
    left, right = [], []
    for ln in lines[:k]:
        for seg in [s for s in re.split(r"\t+|\s{3,}", ln) if s.strip()]:
            (right if any(w in seg for w in ("ĐẢNG CỘNG SẢN", "CỘNG HÒA", "Độc lập", "ngày")) else left).append(seg.strip())
    if left or right:
        t = d.add_table(rows=1, cols=2)
        for cell, segs in zip(t.rows[0].cells, (left, right)):
            cell.text = segs[0] if segs else ""
            for s in segs[1:]:
                cell.add_paragraph(s)
    for ln in lines[k:tail]:
        s = ln.strip()
        if s.startswith(("- ", "+ ")) and len(s) > 2:
            d.add_paragraph(s[2:], style="List Bullet")
        else:
            d.add_paragraph(s)
    if tail < len(lines):
        recip, sign = [], []
        for ln in lines[tail:]:
            segs = [s.strip() for s in re.split(r"\t+|\s{3,}", ln) if s.strip()]
            for seg in segs:
                is_recipient = seg.startswith(("-", "Nơi nhận")) or (seg.endswith((";", ",")) and not seg.isupper())
                (recip if is_recipient else sign).append(seg)
        t = d.add_table(rows=1, cols=2)
        for cell, segs in zip(t.rows[0].cells, (recip, sign)):
            cell.text = segs[0] if segs else ""
            for s in segs[1:]:
                cell.add_paragraph(s)
    d.save(str(path))
    return path
