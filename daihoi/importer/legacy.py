"""Legacy Vietnamese font encodings (TCVN3/ABC ".VnTime", VNI) -> Unicode.

Old plans were typed with fonts that put Vietnamese letters in Latin-1 byte
slots, so their text (from .txt bytes, or from a .docx/.pdf made from such a
file) reads "KÕ ho¹ch". The conversion tables and their detection come from
viparse (MIT), which has no required dependencies; without it installed such
input is refused with advice instead, never guessed.

TCVN3 has no upper-case accented letters (headings used a separate font), so
converted headings come back with their accented letters in lower case; lines
whose plain letters are capitals are put back in capitals, and the importer
says in a warning that case may still be off.
"""
from __future__ import annotations

import re

_MARKERS = ("của", "và", "các", "đại hội", "kế hoạch", "tuyên truyền", "đảng", "ngày", "tháng", "năm")
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "vps": "VPS"}


def vietnamese_score(text: str) -> int:
    low = text.lower()
    return sum(low.count(m) for m in _MARKERS)


def looks_vietnamese(text: str) -> bool:
    return vietnamese_score(text) >= max(3, len(text) // 3000)


def repair(text: str) -> tuple[str, str | None]:
    """(text, encoding name) - converted only when it clearly was a legacy encoding."""
    if looks_vietnamese(text):
        return text, None
    try:
        import viparse
    except ImportError:
        return text, None
    try:
        name = viparse.detect_text_encoding(text)
        if not name:
            return text, None
        # Convert piece by piece: viparse tidies white space, and the runs of
        # spaces and tabs between two header columns must survive.
        fixed = "".join(part if not part.strip() or re.fullmatch(r"\s+", part) else viparse.fix(part, encoding=name)
                        for part in re.split(r"(\n|\t+|\s{2,})", text))
    except Exception:  # noqa: BLE001 - a third-party failure must not become ours
        return text, None
    if looks_vietnamese(fixed) and vietnamese_score(fixed) > 2 * vietnamese_score(text):
        return restore_capitals(fixed), name
    return text, None


def repair_pieces(pieces: list) -> tuple[list, str | None]:
    """The reader's pieces, converted piece by piece when the whole text was a legacy encoding."""
    import dataclasses
    text = "\n".join(p.text for p in pieces)
    if looks_vietnamese(text):
        return pieces, None
    fixed, name = repair(text)
    if not name:
        return pieces, None
    lines = fixed.split("\n")
    out, k = [], 0
    for p in pieces:
        n = p.text.count("\n") + 1
        out.append(dataclasses.replace(p, text="\n".join(lines[k:k + n])))
        k += n
    return out, name


def restore_capitals(text: str) -> str:
    """'I. MụC ĐíCH, YÊU CầU' -> 'I. MỤC ĐÍCH, YÊU CẦU'.

    A heading set in an upper-case legacy font keeps its plain letters upper
    case but its accented ones come back lower case; a line whose plain
    letters are all capitals was a capitals line.
    """
    def fix(segment: str) -> str:
        plain = [c for c in segment if c.isascii() and c.isalpha()]
        if len(plain) >= 3 and all(c.isupper() for c in plain):
            return segment.upper()
        return segment

    # Per column: a two-column row holds a normal-case cell beside a capitals one.
    return "\n".join("".join(fix(part) for part in re.split(r"(\t+|\s{3,})", line))
                     for line in text.split("\n"))


def warning(name: str) -> str:
    return (f"dòng 1: tệp dùng bảng mã cũ {NAMES.get(name, name)}, đã tự chuyển sang Unicode; "
            "chữ in hoa có dấu (tiêu đề, tên cơ quan) có thể sai chữ hoa/thường, cần đối chiếu với bản gốc")
