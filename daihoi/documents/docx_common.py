"""What every Word file we write shares: A4 page, Times New Roman, fixed metadata, a
reproducible zip.

python-docx stamps each zip member with the current time and the core properties with
"now"; both are replaced here so the same input gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timezone

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import fonts

__all__ = ["new_document", "save_reproducible", "add_hyperlink", "set_run_font", "ZIP_EPOCH"]

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def set_run_font(run, *, size: float | None = None, bold: bool | None = None, italic: bool | None = None) -> None:
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def new_document(
    *,
    title: str,
    author: str | None,
    doc_date: date,
    margins_mm: dict[str, float],
    landscape: bool = False,
    body_pt: float = 14,
) -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    width, height = Mm(210), Mm(297)
    if landscape:
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.top_margin = Mm(margins_mm["top"])
    section.bottom_margin = Mm(margins_mm["bottom"])
    section.left_margin = Mm(margins_mm["left"])
    section.right_margin = Mm(margins_mm["right"])

    normal = doc.styles["Normal"]
    normal.font.name = fonts.DOCX_FONT
    normal.font.size = Pt(body_pt)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    # All four slots, or Word falls back to the theme font for some characters.
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(slot), fonts.DOCX_FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(6)
    pf.line_spacing = 1.0

    cp = doc.core_properties
    when = datetime(doc_date.year, doc_date.month, doc_date.day, tzinfo=timezone.utc).replace(tzinfo=None)
    cp.title = core_value(title)
    cp.author = core_value(author or "")
    cp.last_modified_by = core_value(author or "")
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    cp.language = "vi-VN"
    cp.comments = ""
    return doc


CORE_MAX = 255   # python-docx refuses longer core properties (and Word cuts them anyway)


def core_value(text: str) -> str:
    """A core property of any length: shortened with "…" to what the format holds."""
    return text if len(text) <= CORE_MAX else text[: CORE_MAX - 1].rstrip() + "…"


def save_reproducible(doc: DocumentObject) -> bytes:
    """Save, then rewrite the zip with fixed timestamps and the same member order."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(
        out, "w", compression=zipfile.ZIP_DEFLATED
    ) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0  # same bytes whether built on Linux or Windows
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def add_hyperlink(paragraph, url: str, text: str, *, size: float | None = None) -> None:
    """A real, clickable link (python-docx has no public API for it)."""
    part = paragraph.part
    r_id = part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    rpr.append(color)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(underline)
    if size:
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size * 2)))
        rpr.append(sz)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)

