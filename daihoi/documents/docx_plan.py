"""The plan as an editable Word file, from the same layout as the PDF (layout.py).

Kept editable on purpose: headers are borderless tables and the rules are real
underlines or paragraph borders, so an office can reuse the file as a template for
its own plan without fighting text boxes.
"""

from __future__ import annotations

import io
from datetime import date

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .docx_common import add_hyperlink, new_document, save_reproducible, set_run_font
from .layout import ADDED_NOTE, ADDED_TITLE, HeaderLine, PlanLayout, plan_layout
from .pdf_plan import PAGE_MARGINS_MM
from .qr import qr_png

__all__ = ["render_plan_docx"]



def _underline_rule(p) -> None:
    """Turn an empty paragraph into the short line drawn under a header (a bottom border)."""
    ppr = p._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    pbdr.append(bottom)
    ppr.append(pbdr)
    set_run_font(p.add_run(""), size=2)

def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _set_widths(table, widths_mm) -> None:
    """Column widths in both places Word and LibreOffice read them (grid and cells)."""
    table.autofit = False
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)


def _keep_rows_together(table) -> None:
    """A signer block split over two pages looks forged: never split the row."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        cant = OxmlElement("w:cantSplit")
        tr_pr.append(cant)


def _para(container, text: str = "", *, size: float = 14, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER, after: float = 0):
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    if text:
        set_run_font(p.add_run(text), size=size, bold=bold, italic=italic)
    return p


def _short_rule(cell, width_mm: float, cell_mm: float) -> None:
    """A short centred rule: an empty paragraph with a bottom border, indented."""
    p = cell.add_paragraph()
    side = max((cell_mm - width_mm) / 2, 0)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    p.paragraph_format.space_after = Pt(2)
    _underline_rule(p)


def _column(cell, lines: tuple[HeaderLine, ...], sizes: list[float], cell_mm: float) -> None:
    cell.paragraphs[0].text = ""
    first = True
    for line, size in zip(lines, sizes):
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(line.text)
        set_run_font(run, size=size, bold=line.bold)
        if line.rule == "full":
            run.underline = True
        elif line.rule == "short":
            _short_rule(cell, 25, cell_mm)


def _header(doc, lay: PlanLayout) -> None:
    if lay.system == "nha-nuoc":
        left_sizes, right_sizes, date_size = [12] * len(lay.left), [12, 13], 13
        widths = (72, 103)  # the Quốc hiệu needs ~90 mm at 12 pt
    else:
        left_sizes, right_sizes, date_size = [13] * len(lay.left), [14], 14
        widths = (85, 90)
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _set_widths(table, widths)
    _column(table.cell(0, 0), lay.left, left_sizes, widths[0])
    _column(table.cell(0, 1), lay.right, right_sizes, widths[1])
    num = table.cell(1, 0).paragraphs[0]
    num.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if lay.number_line:
        set_run_font(num.add_run(lay.number_line), size=13)
    when = table.cell(1, 1).paragraphs[0]
    when.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if lay.place_date:
        set_run_font(when.add_run(lay.place_date), size=date_size, italic=True)

    _para(doc, "", after=6)
    _para(doc, lay.kind_title, size=15, bold=True)
    if lay.summary:
        _para(doc, lay.summary, size=14, bold=True)
    if lay.system == "nha-nuoc":
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Mm(65)
        p.paragraph_format.right_indent = Mm(65)
        _underline_rule(p)
    else:
        _para(doc, "-----", size=13, after=6)


def _body(doc, lay: PlanLayout) -> None:
    """The plan's text as written: its own numbering and bullets are text, never Word's lists."""
    for block in lay.body:
        if block.kind == "table":
            _table(doc, block)
            continue
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.space_after = Pt(4)
        if block.kind == "item":
            p.paragraph_format.left_indent = Mm(10 + 5 * block.level)
            p.paragraph_format.first_line_indent = Mm(-4)
            set_run_font(p.add_run(f"{block.marker or '-'} "), size=14)
        else:
            p.paragraph_format.first_line_indent = Mm(10)
        if block.kind == "heading":
            p.paragraph_format.space_before = Pt(6)
            p.paragraph_format.keep_with_next = True  # a heading stays with what follows, as a typist would keep it
        for run in block.runs:
            set_run_font(p.add_run(run.text), size=14, bold=run.bold or block.kind == "heading", italic=run.italic)


def _table(doc, block) -> None:
    if not block.rows:
        return
    width = max(len(r) for r in block.rows)
    table = doc.add_table(rows=len(block.rows), cols=width)
    table.style = doc.styles["Table Grid"]
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            p = table.cell(r, c).paragraphs[0]
            for run in cell:
                set_run_font(p.add_run(run.text), size=12, bold=run.bold or r == 0, italic=run.italic)
    doc.add_paragraph()


def _added(doc, lay: PlanLayout) -> None:
    """The section's added page: each phase with its dates as every page of the site shows them."""
    if not lay.added:
        return
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    _para(doc, ADDED_TITLE, size=14, bold=True)
    _para(doc, ADDED_NOTE, size=12, italic=True, after=8)
    for row in lay.added:
        _para(doc, row.text, size=13, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=0 if row.kind == "phase" else 4)
        if row.kind == "phase":
            _para(doc, row.dates, size=13, align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
            if row.source:
                _para(doc, f"({row.source})", size=11, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)


def _closing(doc, lay: PlanLayout) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _set_widths(table, (80, 85))
    _keep_rows_together(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    lp = left.paragraphs[0]
    lp.paragraph_format.space_after = Pt(0)
    if lay.recipients:
        set_run_font(lp.add_run("Nơi nhận:"), size=12, bold=True, italic=True)
        for r in lay.recipients:
            p = left.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            set_run_font(p.add_run(r if r.startswith("-") else f"- {r}"), size=11)
    rp = right.paragraphs[0]
    first = True
    for line in lay.signer:
        p = rp if first else right.add_paragraph()
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        set_run_font(p.add_run(line.text), size=14, bold=True)
    if lay.signer_name:
        p = right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.space_after = Pt(36)  # room for the signature and seal
        set_run_font(p.add_run("(đã ký)"), size=13, italic=True)
        p = right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_run_font(p.add_run(lay.signer_name), size=14, bold=True)


def _links(doc, page_url: str | None, comment_url: str | None) -> None:
    entries = [(u, t) for u, t in ((page_url, "Xem trực tuyến"), (comment_url, "Góp ý dự thảo")) if u]
    if not entries:
        return
    _para(doc, "", after=6)
    table = doc.add_table(rows=1, cols=len(entries) * 2)
    _no_borders(table)
    _set_widths(table, (25, 57) * len(entries))
    _keep_rows_together(table)
    for i, (url, label) in enumerate(entries):
        pic, text = table.cell(0, 2 * i), table.cell(0, 2 * i + 1)
        pic.paragraphs[0].add_run().add_picture(io.BytesIO(qr_png(url)), width=Mm(22))
        tp = text.paragraphs[0]
        set_run_font(tp.add_run(f"{label}:"), size=10, bold=True)
        lp = text.add_paragraph()
        add_hyperlink(lp, url, url, size=9)


def _page_numbers(doc) -> None:
    # Nghị định 30: page numbers at the top centre, not on the first page.
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    field.append(run)
    p._p.append(field)


def render_plan_docx(plan, *, page_url: str | None, doc_date: date, comment_url: str | None = None) -> bytes:
    """`plan`: a resolved plan (daihoi.model.plan.Plan)."""
    lay = plan_layout(plan)
    doc = new_document(title=lay.title_for_metadata, author=lay.author, doc_date=doc_date, margins_mm=PAGE_MARGINS_MM)
    _page_numbers(doc)
    _header(doc, lay)
    _body(doc, lay)
    _closing(doc, lay)
    _links(doc, page_url, comment_url)
    _added(doc, lay)
    return save_reproducible(doc)
