"""PDF with a text layer -> text (pypdf). A scan without text is refused clearly."""
from __future__ import annotations

import io
import re

from .errors import PlanImportError


def pdf_text(data: bytes, name: str = "") -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
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
            pages.append(page.extract_text() or "")
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
    return text
