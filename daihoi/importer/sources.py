"""Which reader a file needs, decided by its bytes first and its name second.

An editor's "plan.txt" may really be a Word file and vice versa; the magic
bytes say what it is. Every reader yields the same thing: numbered lines.
"""
from __future__ import annotations

import os
from pathlib import Path

from . import legacy
from .decode import Line, decode_noted, to_lines
from .errors import PlanImportError
from .parse import analyse
from .check import check_plan


def read_lines(path: str | os.PathLike) -> list[Line]:
    return read_source(path)[0]


def read_source(path: str | os.PathLike) -> tuple[list[Line], list[str]]:
    """(numbered lines, notes for the editor) for any supported file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise PlanImportError(f"Không tìm thấy tệp “{p}”.")
    except IsADirectoryError:
        raise PlanImportError(f"“{p}” là một thư mục, không phải tệp kế hoạch.")
    except OSError as e:
        raise PlanImportError(f"Không mở được tệp “{p}”: {e.strerror or e}.")
    ext = p.suffix.lower()
    notes: list[str] = []
    if data.startswith(b"PK\x03\x04"):
        from .docx import docx_pieces
        pieces = docx_pieces(data, p.name)
    elif data.startswith(b"%PDF"):
        from .pdf import pdf_pieces
        pieces, notes = pdf_pieces(data, p.name)
    elif data.startswith(b"\xd0\xcf\x11\xe0") or ext == ".doc":
        from .doc import doc_pieces
        pieces = doc_pieces(p)
    elif ext in (".docx", ".pdf"):
        raise PlanImportError(f"Tệp “{p.name}” không phải tệp {ext} hợp lệ (có thể bị hỏng hoặc đổi tên).")
    elif ext in (".odt", ".rtf", ".xls", ".xlsx", ".ppt", ".pptx", ".jpg", ".jpeg", ".png", ".zip"):
        raise PlanImportError(f"Chưa hỗ trợ định dạng {ext}. Hãy lưu kế hoạch thành .docx, .pdf hoặc .txt rồi nhập lại.")
    else:
        text, notes = decode_noted(data)
        return to_lines(text), notes
    # Word/PDF made from a file typed in a legacy font carry that font's letters.
    pieces, name = legacy.repair_pieces(pieces)
    if name:
        notes.append(legacy.warning(name))
    return to_lines(pieces), notes


def import_file(path: str | os.PathLike) -> dict:
    """The plan in FILE as the contract dict (schema plan/1), warnings included."""
    plan, _extra = import_with_extras(path)
    return plan


def import_with_extras(path: str | os.PathLike) -> tuple[dict, dict]:
    lines, notes = read_source(path)
    if not any(ln.text for ln in lines):
        raise PlanImportError("Tệp không có chữ nào để nhập.")
    plan, extra = analyse(lines)
    plan["warnings"] = notes + plan["warnings"]
    if not any(plan[k] for k in ("number", "date", "title", "phases", "slogans", "units")):
        # Nothing of a plan at all: an empty "plan" would only mislead the editor.
        raise PlanImportError(
            f"Không nhận ra kế hoạch trong tệp “{Path(path).name}”: không thấy dòng “KẾ HOẠCH”, số ký hiệu, "
            "ngày ban hành, các đợt, khẩu hiệu hay đơn vị thực hiện. Hãy kiểm tra lại đúng tệp kế hoạch tuyên truyền.")
    problems = check_plan(plan)
    if problems:  # a bug of ours, never the editor's: say so rather than emit bad data
        raise PlanImportError("Lỗi nội bộ của trình nhập (kết quả không đúng hợp đồng plan/1): "
                              + "; ".join(problems[:5]))
    return plan, extra
