"""The plan as an A4 PDF laid out like the printed original (see layout.py for the rules).

Engine: fpdf2 (pure Python; fonts embedded as subset TrueType with a ToUnicode map, so
the text is selectable and extracts as the NFC Vietnamese it was written in).
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from . import fonts, fpdf_lines
from .layout import ADDED_NOTE, ADDED_TITLE, Block, HeaderLine, PlanLayout, plan_layout
from .qr import qr_matrix

__all__ = ["render_plan_pdf", "PAGE_MARGINS_MM", "draw_qr"]

# Nghị định 30/2020, Phụ lục I: lề trên 20-25, dưới 20-25, trái 30-35, phải 15-20 mm.
PAGE_MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT = 14
LINE = 1.2  # line height as a multiple of the font size: close to Word's single spacing
PT = 25.4 / 72  # mm per point



class _PlanPDF(FPDF):
    """A4 portrait with the page number at the top centre from page 2 on (Nghị định 30)."""

    def header(self) -> None:  # called by fpdf2 on each new page
        if self.page_no() > 1:
            self.set_font("serif", "", 13)
            self.set_xy(self.l_margin, 10)
            self.cell(self.epw, 5, str(self.page_no()), align=Align.C)
            self.set_xy(self.l_margin, self.t_margin)


_LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF")


def new_pdf(*, orientation: str = "P", fmt: str | tuple = "A4", creation: date, family: str = "serif") -> FPDF:
    fpdf_lines.install()
    cls = _PlanPDF if orientation == "P" and fmt == "A4" else FPDF
    pdf = cls(orientation=orientation, unit="mm", format=fmt)
    # Only the faces the file uses: fpdf2 parses and subsets every added font, which
    # is most of the generation time.
    if family == "serif":
        for style, path in fonts.SERIF.items():
            pdf.add_font("serif", style, str(path))
    else:
        pdf.add_font("sans", "B", str(fonts.SANS_BOLD))
    # fpdf2 drops the OpenType layout tables from the subset it embeds (text shaping is off here),
    # but fontTools' subsetter first decodes them whole (to see whether they need 32-bit offsets,
    # and to add the glyphs they substitute): 15% of each banner's time (34 -> 29 ms) for tables
    # that are thrown away. Taken out first: the same pages and text, pixel for pixel.
    for font in pdf.fonts.values():
        for table in _LAYOUT_TABLES:
            if table in font.ttfont:
                del font.ttfont[table]
        _glyphs_as_they_are(font)
        _growing_widths(font)
    # Fixed dates and producer: the same input gives byte-identical files, so the
    # cache, the CDN and git diffs of the built site all stay quiet.
    pdf.set_creation_date(datetime(creation.year, creation.month, creation.day, tzinfo=timezone.utc))
    pdf.set_producer("daihoi.documents")
    pdf.set_creator("daihoi.documents")
    pdf.set_lang("vi-VN")
    pdf.set_compression(True)
    return pdf


def _glyphs_as_they_are(font) -> None:
    """The subset's glyphs embedded as the font file has them, not each decoded to measure its box and
    encoded again (fontTools' recalcBBoxes, on by default): the boxes are the font's own already.
    That was a sixth of the time of the plans' documents (glyf compile: 0.21 of 2.3 s under cProfile,
    bench/documents_bench.py 0.72 -> 0.67 s); the pages draw the same, pixel for pixel
    (tests/documents/test_documents_pdf.py), and the files differ by 0.1% in size."""
    font.ttfont.recalcBBoxes = False


_REMEMBERED = 4         # texts a font's widths are remembered for: a line mixes a few runs at most
_SHORT = 8              # shorter texts are not remembered


def _growing_widths(font) -> None:
    """`font.get_text_width` gives the same figures without adding up a line's characters again for each
    character added to it.

    fpdf2 2.8.9 (the latest release on PyPI, 28 November 2026) breaks a paragraph's lines by adding
    one character at a time and asking, each time, for the width of the whole line so far
    (CurrentLine.width -> Fragment.get_width -> get_text_width), which adds up every character's
    width again: 2.6 million widths looked up for the 55,000 characters of the three plans of
    bench/synth.py. Here the width of a text that begins with one just measured is that one's sum
    plus its new characters' widths, added in the same order as fpdf2 adds them: the same float,
    the same bytes in the PDF (tests/documents/test_documents_pdf.py). A plan's PDF took 15% less
    CPU (0.27 -> 0.23 s); the rest of fpdf2's line breaking is its own Python, a few calls for
    each character. Text shaping and symbol fonts, which we do not use, go to fpdf2's own code."""
    seen: list[tuple[str, int]] = []        # (text, the sum of its characters' widths), latest last

    class Font(type(font)):
        __slots__ = ()          # fpdf2's fonts have slots: the method is the class's, for this font only

        def get_text_width(self, text: str, font_size_pt: float, text_shaping_params) -> tuple[int, float]:
            if text_shaping_params or self.is_symbol:
                return super().get_text_width(text, font_size_pt, text_shaping_params)
            if font_size_pt > self.biggest_size_pt:
                self.biggest_size_pt = font_size_pt
            remembered = len(text) >= _SHORT        # not a single character (each is measured as it is added)
            begun, total = _known_start(seen, text) if remembered else ("", 0)
            total = sum(map(self.cw.__getitem__, map(ord, text[len(begun):])), total)
            if remembered:
                seen.append((text, total))
                del seen[:-_REMEMBERED]
            return len(text), total * font_size_pt * 0.001

    setattr(Font, fpdf_lines.MARK, True)    # its widths are its `cw` figures: fpdf_lines.get_line computes them so
    font.__class__ = Font


def _known_start(seen: list[tuple[str, int]], text: str) -> tuple[str, int]:
    """The remembered (text, sum) that `text` begins with, taken out of `seen` (the longer text replaces
    it), latest first: most often the last text, one character more. ("", 0) if none."""
    for i in range(len(seen) - 1, -1, -1):
        if text.startswith(seen[i][0]):
            return seen.pop(i)
    return "", 0


def draw_qr(pdf: FPDF, url: str, x: float, y: float, size: float, *, light=(255, 255, 255)) -> None:
    """The QR code as vector squares with its quiet zone, so it prints sharp at any size.

    Written as one PDF path (a "re" per horizontal run of dark modules, one fill):
    hundreds of separate fpdf2 rect() calls per code made banners slow to generate.
    """
    matrix = qr_matrix(url)
    n = len(matrix)
    quiet = 4
    cell = size / (n + 2 * quiet)
    pdf.set_fill_color(*light)
    pdf.rect(x, y, size, size, style="F")
    k = pdf.k  # points per user unit; PDF space has its origin at the bottom left
    ops = []
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                x0 = (x + (quiet + start) * cell) * k
                y0 = (pdf.h - (y + (quiet + r + 1) * cell)) * k
                ops.append(f"{x0:.3f} {y0:.3f} {(c - start) * cell * k:.3f} {cell * k:.3f} re")
            else:
                c += 1
    pdf._out("q 0 g " + " ".join(ops) + " f Q")  # noqa: SLF001 - fpdf2's raw content API


def _sizes(lay: PlanLayout) -> tuple[list[float], list[float], float]:
    """Font sizes (pt) of the left lines, the right lines and the date line.

    Nghị định 30 sets the state header in 12-13 pt (Quốc hiệu 12-13, motto 13-14);
    Hướng dẫn 36 sets the Party header in 14 pt with the issuer in 13 pt or so.
    """
    if lay.system == "nha-nuoc":
        return [12.0] * len(lay.left), [12.0, 13.0][: len(lay.right)], 13.0
    return [13.0] * len(lay.left), [14.0] * len(lay.right), 14.0


def _header_column(
    pdf: FPDF, lines: tuple[HeaderLine, ...], sizes: list[float], x: float, w: float, y: float
) -> float:
    pdf.set_xy(x, y)
    for line, size in zip(lines, sizes):
        pdf.set_font("serif", "B" if line.bold else "", size)
        pdf.set_x(x)
        pdf.multi_cell(w, size * PT * 1.15, line.text, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if line.rule:
            # Official headers draw a separate rule under the line: as wide as the
            # text (Party title, state motto) or about a third of it (state issuer).
            tw = min(pdf.get_string_width(line.text), w)
            rw = tw if line.rule == "full" else max(tw / 3, 20)
            ry = pdf.get_y() + 0.3
            pdf.set_line_width(0.3)
            pdf.line(x + (w - rw) / 2, ry, x + (w + rw) / 2, ry)
            pdf.set_y(ry + 0.8)
    return pdf.get_y()


def _text_width(pdf: FPDF, text: str, style: str, size: float) -> float:
    pdf.set_font("serif", style, size)
    return pdf.get_string_width(text)


def _header(pdf: FPDF, lay: PlanLayout) -> None:
    x0, y0 = pdf.l_margin, pdf.t_margin
    left_sizes, right_sizes, date_size = _sizes(lay)
    # The header may use part of the right margin, as printed headers do, and the
    # national-title column takes what its longest line needs (at most 100 mm).
    full_w = pdf.epw + 8
    needs = [_text_width(pdf, l.text, "B" if l.bold else "", s) for l, s in zip(lay.right, right_sizes)]
    if lay.place_date:
        needs.append(_text_width(pdf, lay.place_date, "I", date_size))
    right_w = min(max(needs) + 3, 100)
    left_w = full_w - right_w - 2
    right_x = x0 + left_w + 2
    left_end = _header_column(pdf, lay.left, left_sizes, x0, left_w, y0)
    right_end = _header_column(pdf, lay.right, right_sizes, right_x, right_w, y0)
    # Number under the issuer, place and date under the national title: on one line.
    y = max(left_end, right_end) + 2
    if lay.number_line:
        pdf.set_font("serif", "", 13)
        pdf.set_xy(x0, y)
        pdf.cell(left_w, 6, lay.number_line, align=Align.C)
    date_end = y + 6
    if lay.place_date:
        pdf.set_font("serif", "I", date_size)
        pdf.set_xy(right_x, y)
        pdf.multi_cell(right_w, 6, lay.place_date, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        date_end = pdf.get_y()
    pdf.set_y(date_end + 8)
    pdf.set_font("serif", "B", 15)
    pdf.cell(pdf.epw, 7, lay.kind_title, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if lay.summary:
        pdf.set_font("serif", "B", 14)
        pdf.set_x(pdf.l_margin + 8)
        pdf.multi_cell(pdf.epw - 16, BODY_PT * PT * LINE, lay.summary, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("serif", "", 13)
    if lay.system == "nha-nuoc":
        y = pdf.get_y() + 1.5
        pdf.set_line_width(0.3)
        pdf.line(pdf.l_margin + pdf.epw / 2 - 18, y, pdf.l_margin + pdf.epw / 2 + 18, y)
        pdf.set_y(y + 4)
    else:
        pdf.cell(pdf.epw, 6, "-----", align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)


def _write_runs(pdf: FPDF, para, block: Block, *, bold: bool = False) -> None:
    for run in block.runs:
        style = ("B" if run.bold or bold else "") + ("I" if run.italic else "")
        pdf.set_font("serif", style, BODY_PT)
        para.write(run.text)
    pdf.set_font("serif", "", BODY_PT)


def _paragraphs(pdf: FPDF, blocks: list[Block]) -> None:
    indent = 10  # first-line indent of 1 cm, as typed in Word by the drafting offices
    with pdf.text_columns(text_align="J", line_height=LINE) as cols:
        for block in blocks:
            if block.kind == "item":
                # The document's own bullet, hanging, one step in per level.
                with cols.paragraph(indent=indent + 5 * block.level, bullet_string=f"{block.marker or '-'}",
                                    bullet_r_margin=1.5, bottom_margin=1.5) as para:
                    _write_runs(pdf, para, block)
                continue
            top = 2.5 if block.kind == "heading" else 0
            with cols.paragraph(first_line_indent=indent, top_margin=top, bottom_margin=1.5) as para:
                _write_runs(pdf, para, block, bold=block.kind == "heading")


def _table(pdf: FPDF, block: Block) -> None:
    pdf.set_font("serif", "", 12)
    with pdf.table(text_align="LEFT", line_height=12 * PT * LINE, first_row_as_headings=True) as table:
        width = max(len(r) for r in block.rows)
        for row in block.rows:
            cells = table.row()
            for cell in list(row) + [()] * (width - len(row)):
                cells.cell("".join(r.text for r in cell))
    pdf.ln(2)


def _body(pdf: FPDF, lay: PlanLayout) -> None:
    """The plan's text as written: paragraphs in text columns, tables between them."""
    run: list[Block] = []
    for block in lay.body:
        if block.kind == "table" and block.rows:
            if run:
                _paragraphs(pdf, run)
                run = []
            _table(pdf, block)
        else:
            run.append(block)
    if run:
        _paragraphs(pdf, run)


def _added(pdf: FPDF, lay: PlanLayout) -> None:
    """The section's added page: each phase with its dates as every page of the site shows them."""
    if not lay.added:
        return
    pdf.add_page()
    pdf.set_font("serif", "B", 14)
    pdf.multi_cell(pdf.epw, 7, ADDED_TITLE, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("serif", "I", 12)
    pdf.multi_cell(pdf.epw, 5.5, ADDED_NOTE, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    for row in lay.added:
        if row.kind == "track":
            pdf.set_font("serif", "B", 13)
            pdf.multi_cell(pdf.epw, 6, row.text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
            continue
        pdf.set_font("serif", "B", 13)
        pdf.multi_cell(pdf.epw, 6, row.text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("serif", "", 13)
        pdf.multi_cell(pdf.epw, 6, row.dates, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if row.source:
            pdf.set_font("serif", "I", 11)
            pdf.multi_cell(pdf.epw, 5, f"({row.source})", align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)


def _closing(pdf: FPDF, lay: PlanLayout) -> None:
    need = 30 + 6 * max(len(lay.recipients), len(lay.signer) + 6)
    if pdf.get_y() + min(need, 110) > pdf.h - pdf.b_margin:
        pdf.add_page()
    y0 = pdf.get_y() + 6
    left_w = 80
    right_x = pdf.l_margin + left_w
    right_w = pdf.w - pdf.r_margin - right_x
    # Signer, right column (centred, bold capitals, room for signature and seal).
    pdf.set_xy(right_x, y0)
    for line in lay.signer:
        pdf.set_font("serif", "B", 14)
        pdf.set_x(right_x)
        pdf.multi_cell(right_w, 6, line.text, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if lay.signer_name:
        pdf.set_font("serif", "I", 13)
        pdf.set_x(right_x)
        pdf.cell(right_w, 12, "(đã ký)", align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(6)
        pdf.set_font("serif", "B", 14)
        pdf.set_x(right_x)
        pdf.cell(right_w, 6, lay.signer_name, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    right_end = pdf.get_y()
    # Recipients, left column: "Nơi nhận:" bold italic 12 pt, items 11 pt.
    pdf.set_xy(pdf.l_margin, y0)
    if lay.recipients:
        pdf.set_font("serif", "BI", 12)
        pdf.cell(left_w, 5.5, "Nơi nhận:", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("serif", "", 11)
        for r in lay.recipients:
            text = r if r.startswith("-") else f"- {r}"
            pdf.set_x(pdf.l_margin)
            pdf.multi_cell(left_w - 4, 4.8, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(max(pdf.get_y(), right_end) + 4)


def _links(pdf: FPDF, page_url: str | None, comment_url: str | None) -> None:
    entries = [(u, t) for u, t in ((page_url, "Xem trực tuyến"), (comment_url, "Góp ý dự thảo")) if u]
    if not entries:
        return
    size = 22
    if pdf.get_y() + size + 4 > pdf.h - pdf.b_margin:
        pdf.add_page()
    y = pdf.h - pdf.b_margin - size  # bottom of the last page, out of the text's way
    y = max(y, pdf.get_y())
    x = pdf.l_margin
    for url, label in entries:
        draw_qr(pdf, url, x, y, size)
        pdf.set_xy(x + size + 2, y + 6)
        pdf.set_font("serif", "B", 10)
        pdf.cell(60, 4.5, f"{label}:", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_font("serif", "", 8)
        pdf.multi_cell(58, 3.6, url, align=Align.L, link=url)
        x += size + 62


def render_plan_pdf(
    plan, *, page_url: str | None, doc_date: date, comment_url: str | None = None
) -> bytes:
    """`plan`: a resolved plan (daihoi.model.plan.Plan)."""
    lay = plan_layout(plan)
    pdf = new_pdf(creation=doc_date)
    pdf.set_margins(PAGE_MARGINS_MM["left"], PAGE_MARGINS_MM["top"], PAGE_MARGINS_MM["right"])
    pdf.set_auto_page_break(True, PAGE_MARGINS_MM["bottom"])
    pdf.set_title(lay.title_for_metadata)
    if lay.author:
        pdf.set_author(lay.author)
    pdf.set_subject(lay.summary)
    pdf.add_page()
    _header(pdf, lay)
    _body(pdf, lay)
    _closing(pdf, lay)
    _links(pdf, page_url, comment_url)
    _added(pdf, lay)
    return bytes(pdf.output())
