"""Bytes -> NFC text -> numbered, de-noised lines.

Plans reach editors through Word, e-mail and old Windows machines, so the
bytes may be UTF-8 (with or without BOM), UTF-16, or Windows-1258 with its
combining tone marks; the line ends LF or CRLF; the text NFC or NFD.
Everything downstream sees NFC lines that still carry their source line
number, so warnings can say "dòng 12".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import legacy
from .errors import PlanImportError
from .text import collapse, fold, is_upper, nfc

# Words that appear in virtually every Vietnamese plan; a decoding that
# yields none of them is the wrong decoding (or a legacy font encoding).
_MARKERS = ("của", "và", "các", "đại hội", "kế hoạch", "tuyên truyền", "đảng", "ngày", "tháng", "năm")


def _score(text: str) -> int:
    low = text.lower()
    return sum(low.count(m) for m in _MARKERS)


def decode_bytes(data: bytes) -> str:
    """Return NFC text with LF line ends, or raise PlanImportError."""
    return decode_noted(data)[0]


def decode_noted(data: bytes) -> tuple[str, list[str]]:
    """(NFC text with LF line ends, notes for the editor); PlanImportError if unreadable."""
    notes: list[str] = []
    if not data.strip(b"\x00 \t\r\n\xef\xbb\xbf\xff\xfe"):
        raise PlanImportError("Tệp rỗng: không có nội dung để nhập.")
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = data.decode("utf-32", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        text = _guess(data, notes)
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\x00", "")
    # Control characters other than tab/newline are debris of conversions.
    text = re.sub(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", text)
    if "\ufffd" in text and text.count("\ufffd") > max(20, len(text) // 50):
        raise PlanImportError(
            "Không đọc được bảng mã của tệp văn bản. Hãy mở tệp trong Word hoặc Notepad "
            "và lưu lại với bảng mã UTF-8 (Unicode), rồi nhập lại.")
    return text, notes


def _guess(data: bytes, notes: list[str]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-16 without BOM: every other byte is NUL for Vietnamese-in-Latin text.
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        even, odd = data[0::2].count(b"\x00"), data[1::2].count(b"\x00")
        try:
            return data.decode("utf-16-le" if odd > even else "utf-16-be")
        except UnicodeDecodeError:
            pass
    # Windows-1258 (Vietnamese) carries tone marks as combining characters;
    # NFC later composes them. CP1252 is a subset for plain Latin text.
    candidate = nfc(data.decode("cp1258", errors="replace"))
    if _score(candidate) >= 3 or not re.search(rb"[\x80-\xff]", data):
        return candidate
    # A legacy font encoding (TCVN3, VNI): its bytes read as Latin-1 letters.
    fixed, name = legacy.repair(data.decode("cp1252", errors="replace"))
    if name:
        notes.append(legacy.warning(name))
        return fixed
    raise PlanImportError(
        "Tệp văn bản dùng bảng mã cũ không nhận ra được (có thể là TCVN3/ABC hoặc VNI). "
        "Hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) hoặc lưu thành .docx, "
        "rồi nhập lại.")


@dataclass
class Line:
    """One source line after cleaning.

    no      1-based line number in the text the editor gave us
    raw     the line with its tabs and runs of spaces (two-column layouts)
    text    cleaned: emphasis marks removed, white space collapsed
    starred it began with a '*' marker, which plans use for sub-headings
    """
    no: int
    raw: str
    text: str
    starred: bool = False


_PAGE_NO = re.compile(r"^(?:-\s*\d{1,3}\s*-|\d{1,3}|trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?)$")
_STAMP = re.compile(r"^den\b.*(gio|so|ngay)\s*:")
_STAMP_DATE = re.compile(r"^(ngay|gio|so)\s*:\s*[\d./ .…]*$")
_SEPARATOR = re.compile(r"^[-_=*~.…–—\s]{3,}$|^\*$")


def clean(raw: str) -> tuple[str, bool]:
    """Remove emphasis marks; report whether the line opened with a '*' marker."""
    s = raw.strip()
    starred = bool(re.match(r"^(?:[-–+]\s*)?\*", s))
    # Markdown-ish emphasis from copy-paste: **bold**, *italic*, stray '*'.
    s = re.sub(r"\s*\*+(?=[,.;:!?])", "", s)
    s = s.replace("*", " ")
    return collapse(s), starred


def to_lines(text: str) -> list[Line]:
    """Numbered, cleaned lines; receipt stamps and page numbers dropped."""
    out: list[Line] = []
    raws = text.split("\n")
    drop: set[int] = set()
    for i, raw in enumerate(raws):
        f = fold(collapse(raw.replace("*", " ")))
        if _STAMP.match(f) or f == "den":
            drop.add(i)
            # The stamp's receiving office sits just above "ĐẾN"; never the
            # issuer, because the issuer's header comes before the number.
            j = i - 1
            while j >= 0 and not raws[j].strip():
                j -= 1
            if j >= 0 and _is_stamp_owner(raws[j]):
                drop.add(j)
            k = i + 1
            while k < len(raws) and (not raws[k].strip() or _STAMP_DATE.match(fold(collapse(raws[k])))):
                if raws[k].strip():
                    drop.add(k)
                k += 1
    for i, raw in enumerate(raws):
        if i in drop:
            continue
        txt, starred = clean(raw)
        if not txt or _PAGE_NO.match(fold(txt)):
            continue
        out.append(Line(i + 1, raw.rstrip(), txt, starred))
    return join_broken(out)


def _is_stamp_owner(raw: str) -> bool:
    t = collapse(raw)
    f = fold(t)
    return bool(t) and is_upper(t) and not f.startswith(("so", "dang cong san", "cong hoa", "ke hoach")) \
        and "ngay" not in f


def is_separator(line: Line) -> bool:
    return not line.text or bool(_SEPARATOR.match(line.raw.strip()))


_ENDS_SENTENCE = re.compile(r"[.:;!?/)\]”\"…]$")
_ENUM_START = re.compile(r"^(?:[-–—+•·●▪]|\d+(?:\.\d+)*[.)]?\s|[a-zđ]\)|[IVX]+[.\-–])", re.I)


# Words a Vietnamese paragraph never ends on: a line ending with one of them
# goes on in the next line, even when that one starts with a capital ("... về" / "Đại hội ...").
_DANGLING = {"ve", "cua", "va", "cac", "nhung", "voi", "cho", "trong", "tai", "de", "theo", "den", "tu", "la",
             "duoc", "bang", "nham", "hoac", "cung", "moi", "mot", "ngay", "thang", "nam", "so", "lan", "thu"}


def join_broken(lines: list[Line]) -> list[Line]:
    """Rejoin a paragraph that a page break split ("... đấu" / "" / "tranh ...").

    The line before does not end a sentence and is long (a full line), and
    the continuation starts in lower case or follows a word that cannot end
    a paragraph; anything else is a real new paragraph.
    """
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and ln.text and not _ENUM_START.match(ln.text) and prev.text
                and not _ENDS_SENTENCE.search(prev.text) and len(prev.text) > 60 and not is_separator(prev)
                and (ln.text[0].islower() or fold(prev.text.rsplit(" ", 1)[-1]) in _DANGLING)):
            out[-1] = Line(prev.no, prev.raw + " " + ln.raw.strip(), prev.text + " " + ln.text, prev.starred)
            continue
        out.append(ln)
    return out
