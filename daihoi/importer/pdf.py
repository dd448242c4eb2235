"""PDF with a text layer -> text (pypdf). A scan without text is refused clearly."""
from __future__ import annotations

import io
import re

from .errors import PlanImportError


def pdf_text(data: bytes, name: str = "") -> str:
    return pdf_text_noted(data, name)[0]


def pdf_text_noted(data: bytes, name: str = "") -> tuple[str, list[str]]:
    """(text, notes): notes say when visual lines were joined into paragraphs."""
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover
        raise PlanImportError("Thiếu thư viện pypdf để đọc tệp PDF.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001
                raise PlanImportError(f"Tệp PDF “{name}” có mật khẩu. Hãy gỡ mật khẩu hoặc gửi bản .docx.")
        pages = []
        for page in reader.pages:
            # Layout mode keeps the gap between the two columns of the header and
            # of "Nơi nhận / chữ ký"; plain mode would glue the cells together.
            try:
                raw = page.extract_text(extraction_mode="layout") or ""
            except Exception:  # noqa: BLE001 - fall back to the plain reading order
                raw = page.extract_text() or ""
            pages.append("\n".join(columns(raw.split("\n"))))
    except PlanImportError:
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise PlanImportError(f"Không đọc được tệp PDF “{name}”: tệp bị hỏng ({type(e).__name__}).")
    text = "\n".join(pages)
    letters = len(re.findall(r"[^\W\d_]", text))
    if letters < 40:
        raise PlanImportError(
            f"Tệp PDF “{name}” không có lớp chữ (có thể là bản quét/ảnh chụp), nên không đọc được nội dung. "
            "Hãy dùng bản Word (.docx) gốc của kế hoạch, hoặc nhận dạng chữ (OCR) rồi lưu thành .docx hay .txt.")
    # One stream of lines for the whole document, page numbers out, so a
    # paragraph broken by a page end is rejoined like any other.
    lines = [ln for page in pages for ln in page.split("\n")
             if not re.fullmatch(r"\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*|\s*[Tt]rang\s+\d{1,3}.*", ln)]
    joined = unwrap(lines)
    notes = []
    if len(joined) < len(lines):
        notes.append(f"dòng 1: tệp PDF không lưu đoạn văn; {len(lines) - len(joined)} dòng bị ngắt đã được nối lại "
                     "theo độ dài dòng, đề mục dài có thể bị nối nhầm vào đoạn sau, cần đối chiếu")
    return "\n".join(joined), notes


_STARTS_BLOCK = re.compile(
    r"^\s*(?:[-–—+•*](?!\s*\d)|\d{1,2}(?:\.\d{1,2})*\s*[.)\-–:](?![\s\d]*[A-ZĐ]{1,6}/)|[a-zđ]\)|[IVX]{1,5}\s*[.\-–]|(?:Đợt|Giai đoạn)\s+\d"
    r"|Nơi nhận|T/M|TM\.|KT\.|Số\b|KẾ HOẠCH|Thực hiện|Căn cứ)")


def columns(lines: list[str]) -> list[str]:
    """Wide gaps -> a tab (a column break); a right-hand cell's wrapped tail back onto its line.

    Justified lines have gaps of two or three spaces, a column break many more.
    """
    out: list[str] = []
    prev_blank = True
    for line in lines:
        indent = len(line) - len(line.lstrip())
        body = re.sub(r" {2,3}", " ", re.sub(r" {4,}", "\t", line.strip()))
        if not body:
            out.append("")
            prev_blank = True
            continue
        last_cell = out[-1].rsplit("\t", 1)[-1] if out and "\t" in out[-1] else ""
        if (not prev_blank and indent >= 25 and "\t" not in body and len(body) < 30
                and len(last_cell) >= 20 and not last_cell.endswith((")", ".", ";", ":"))):
            out[-1] = out[-1] + " " + body   # "CỘNG HÒA ... VIỆT" / "NAM"
        else:
            out.append(("\t" if indent >= 25 else "") + body)
        prev_blank = False
    return out


def unwrap(lines: list[str]) -> list[str]:
    """Rejoin paragraphs that the PDF broke into visual lines.

    A PDF has no paragraphs, only lines; a line about as long as the page's
    full lines was wrapped, so the next line continues it unless that one
    opens a new block (number, bullet, heading, signer).
    """
    lengths = sorted(len(ln.strip()) for ln in lines if len(ln.strip()) >= 20)
    # A page of visual lines never holds a line much longer than an A4 text line
    # (about 100 characters); if it does, its lines are already paragraphs.
    if len(lengths) < 5 or lengths[-1] > 150:
        return lines
    full = lengths[int(len(lengths) * 0.9) - 1]
    threshold = max(40, int(full * 0.8))
    out: list[str] = []
    full_prev = ends_sentence = False
    for ln in lines:
        t = ln.strip()
        columns = bool(re.search(r"\t|\S\s{3,}\S", t))   # two-column header / signer rows stay apart
        continues = t and not columns and not _STARTS_BLOCK.match(ln) and (not ends_sentence or t[0].islower())
        if full_prev and continues:
            out[-1] = out[-1].rstrip() + " " + t
        else:
            out.append(ln)
        # Judge the visual line just read, not the paragraph built so far.
        full_prev = len(t) >= threshold and not columns
        ends_sentence = t.endswith((".", ":", "!", "?"))
    return out
