"""Attachments an editor puts beside the content (drafts, resolutions, images).

Pure pieces the build wires in: what to show for a file ("PDF, 1,2 MB") and whether a
path an editor wrote may be published (inside content/, existing, a regular file).
"""

from __future__ import annotations

import os
from datetime import date as _date
from pathlib import Path, PurePosixPath

from daihoi.text.numbers import file_size as format_size
from daihoi.text.vndate import short_form as short_date
from daihoi.text.vntext import clean as nfc

__all__ = ["TYPE_LABELS", "type_label", "describe_attachment", "check_attachment_path", "attachment_entry"]

# Labels readers know from their office software, not MIME types.
TYPE_LABELS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".odt": "OpenDocument",
    ".rtf": "RTF",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ods": "OpenDocument bảng tính",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
    ".odp": "OpenDocument trình chiếu",
    ".txt": "Văn bản",
    ".csv": "CSV",
    ".jpg": "Ảnh JPEG",
    ".jpeg": "Ảnh JPEG",
    ".png": "Ảnh PNG",
    ".gif": "Ảnh GIF",
    ".webp": "Ảnh WebP",
    ".svg": "Ảnh SVG",
    ".tif": "Ảnh TIFF",
    ".tiff": "Ảnh TIFF",
    ".zip": "Tệp nén ZIP",
    ".rar": "Tệp nén RAR",
    ".7z": "Tệp nén 7z",
    ".mp3": "Âm thanh MP3",
    ".mp4": "Video MP4",
    ".ics": "Lịch (ICS)",
}


def type_label(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    return TYPE_LABELS.get(suffix, suffix[1:].upper() or "Tệp")


def describe_attachment(path: str | Path) -> dict:
    """{type_label, size_bytes, size_label}: size_label reads "PDF, 1,2 MB"."""
    size = Path(path).stat().st_size
    label = type_label(path)
    return {"type_label": label, "size_bytes": size, "size_label": f"{label}, {format_size(size)}"}


def _where(source: str | None, line: int | None) -> str:
    if source and line:
        return f"{source}, dòng {line}: "
    if source:
        return f"{source}: "
    return ""


def check_attachment_path(
    content_dir: str | Path, rel_path: str, *, source: str | None = None, line: int | None = None
) -> str | None:
    """None when `rel_path` is a regular file inside `content_dir`, else the error.

    The message names the file the editor wrote and, when given, the page and line
    that wrote it. Symlinks are resolved first, so a link pointing outside content/
    (to /etc/passwd, to the repo's .git) is refused like a "../" path.
    """
    where = _where(source, line)
    shown = rel_path
    if not rel_path or not rel_path.strip():
        return f"{where}đường dẫn tệp đính kèm trống."
    if "\x00" in rel_path:
        return f"{where}tệp đính kèm '{shown}' có ký tự không hợp lệ."
    posix = PurePosixPath(rel_path.replace("\\", "/"))
    if posix.is_absolute() or re_drive(rel_path):
        return f"{where}tệp đính kèm '{shown}' phải là đường dẫn tương đối trong thư mục content/."
    root = Path(content_dir).resolve()
    target = root.joinpath(*posix.parts)
    try:
        resolved = target.resolve(strict=False)
    except (OSError, RuntimeError):  # a symlink loop
        return f"{where}tệp đính kèm '{shown}' không đọc được (liên kết vòng)."
    if resolved != root and root not in resolved.parents:
        return f"{where}tệp đính kèm '{shown}' nằm ngoài thư mục content/."
    if not resolved.exists():
        return f"{where}không tìm thấy tệp đính kèm '{shown}'."
    if not resolved.is_file():
        return f"{where}'{shown}' không phải là tệp."
    if not os.access(resolved, os.R_OK):
        return f"{where}không đọc được tệp đính kèm '{shown}'."
    return None


def re_drive(path: str) -> bool:
    """'C:\\x' or 'C:/x': absolute on Windows even when we build on Linux."""
    return len(path) >= 2 and path[1] == ":" and path[0].isalpha()


def attachment_entry(
    content_dir: str | Path, rel_path: str, *, title: str | None = None, date: str | None = None, link: str | None = None
) -> dict:
    """What the page lists for one attachment. Call check_attachment_path first."""
    path = Path(content_dir).joinpath(*PurePosixPath(rel_path.replace("\\", "/")).parts)
    info = describe_attachment(path)
    d = _date.fromisoformat(date) if isinstance(date, str) else date
    return {
        "title": nfc(title) if title else nfc(Path(rel_path).stem.replace("-", " ").replace("_", " ")).capitalize(),
        **info,
        "date": d.isoformat() if d else None,
        "date_label": f"ngày {short_date(d)}" if d else None,
        "link": link or rel_path.replace("\\", "/"),
    }
