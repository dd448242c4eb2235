"""Bytes -> NFC text -> numbered, de-noised lines.

Plans reach editors through Word, e-mail and old Windows machines, so the
bytes may be UTF-8 (with or without BOM), UTF-16, or Windows-1258 with its
combining tone marks; the line ends LF or CRLF; the text NFC or NFD.
Everything downstream sees NFC lines that still carry their source line
number, so warnings can say "dòng 12".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

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
    text = re.sub(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", " ", text)
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
    starred it began with a '*' marker or, in Word and PDF, with italic text: plans
            set their "Trước / Trong / Sau Đại hội" sub-headings that way
    bold    Word or PDF set the whole line in bold (headings)
    italic  Word or PDF set the whole line in italic
    cell    (table, row, column) when the line is the text of a table cell, else None
    """
    no: int
    raw: str
    text: str
    starred: bool = False
    bold: bool = False
    italic: bool = False
    cell: tuple[int, int, int] | None = None
    end: int = 0              # the last source line, when lines were joined into this one
    part: int = 0             # lines of one Word paragraph (split by manual line breaks) share it


@dataclass(frozen=True)
class Piece:
    """A line as a reader gives it: its text and what Word or the PDF said about it."""
    text: str
    bold: bool = False
    italic: bool = False
    italic_start: bool = False
    cell: tuple[int, int, int] | None = None
    label: str = ""           # the number Word's automatic numbering put in front of the text


_PAGE_NO = re.compile(r"^(?:-\s*\d{1,3}\s*-|\d{1,3}|trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?)$")
_STAMP = re.compile(r"^den\b.*(gio|so|ngay)\s*:")
_STAMP_DATE = re.compile(r"^(ngay|gio|so)\s*:\s*[\d./ .…]*$")
_SEPARATOR = re.compile(r"^[-_=*~.…–—\s]{3,}$|^\*$")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(raw: str) -> tuple[str, bool]:
    """Remove emphasis marks; report whether the line opened with a '*' marker."""
    s = _CONTROL.sub(" ", raw).strip()     # debris of conversions, from any reader
    starred = bool(re.match(r"^(?:[-–+]\s*)?\*", s))
    # Markdown-ish emphasis from copy-paste: **bold**, *italic*, stray '*'.
    s = re.sub(r"\s*\*+(?=[,.;:!?)\]”’\"])", "", s)
    s = re.sub(r"(?<=[(\[“‘\"])\*+", "", s)          # "(*kỷ niệm*)": the brackets keep their words close
    s = s.replace("*", " ")
    return collapse(s), starred


def to_lines(source: str | list[Piece]) -> list[Line]:
    """Numbered, cleaned lines; receipt stamps and page numbers dropped.

    `source` is plain text, or the pieces a Word or PDF reader made (a piece may
    still hold line breaks: a Word paragraph with manual breaks)."""
    if isinstance(source, str):
        numbered = _tab_tables(source.split("\n"))
        parts = [no for no, _ in numbered]
    else:
        split = [(k, Piece(t, p.bold, p.italic, p.italic_start, p.cell)) for k, p in enumerate(source)
                 for t in p.text.split("\n")]
        numbered = [(i + 1, p) for i, (_, p) in enumerate(split)]
        parts = [k + 1 for k, _ in split]
    pieces = [p for _, p in numbered]
    hard_wrapped = isinstance(source, str) and _hard_wrap_width([p.text for p in pieces])
    raws = [p.text for p in pieces]
    out: list[Line] = []
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
        raw = _CONTROL.sub(" ", raw)
        txt, starred = clean(raw)
        if not txt or _PAGE_NO.match(fold(txt)) and pieces[i].cell is None:
            continue
        p = pieces[i]
        out.append(Line(numbered[i][0], raw.rstrip(), txt, starred or p.italic_start or p.italic, p.bold, p.italic,
                        p.cell, part=parts[i]))
    if hard_wrapped:
        out = unwrap_text(out, hard_wrapped)
    return join_broken(out)


def _hard_wrap_width(texts: list[str]) -> int:
    """The width a text was hard-wrapped at (pasted from a PDF or an e-mail), or 0.

    Wrapped text has many long lines that all end near one width, and none much longer."""
    lengths = sorted(len(t.strip()) for t in texts if len(t.strip()) >= 30 and "\t" not in t)
    if len(lengths) < 8:
        return 0
    width = lengths[int(len(lengths) * 0.95) - 1]
    near = sum(1 for n in lengths if n >= width - 12)
    if width > 110 or sum(1 for n in lengths if n > width + 15) > 2 or near < len(lengths) * 0.4:
        return 0
    # The wrap width: the longest of the lines near the usual full length (a title typed on
    # one line may run longer than the wrapped text around it).
    return max(n for n in lengths if n <= width + 3)


def unwrap_text(lines: list["Line"], width: int) -> list["Line"]:
    """Rejoin paragraphs of hard-wrapped text: a line continues the one above when the one
    above was full (its next word would not have fitted in `width`) and it opens no item."""
    out: list[Line] = []
    last = 0            # length of the last source line of out[-1]
    for ln in lines:
        prev = out[-1] if out else None
        word = ln.text.split(" ", 1)[0]
        if prev is not None and ln.cell is None and prev.cell is None and "\t" not in ln.raw.strip() \
                and "\t" not in prev.raw.strip() and last + 1 + len(word) > width \
                and not starts_block(ln.text) and not is_separator(prev) and not is_separator(ln) \
                and ln.no == _last_no(prev) + 1:
            out[-1] = replace(prev, raw=prev.raw.rstrip() + " " + ln.raw.strip(), text=prev.text + " " + ln.text,
                              end=ln.no)
        else:
            out.append(ln)
        last = len(ln.raw.strip())
    return out


def _last_no(ln: "Line") -> int:
    return ln.end or ln.no


def _tab_fields(text: str) -> int:
    fields = text.split("\t")
    return len(fields) if sum(1 for f in fields if f.strip()) >= 3 else 0


def _tab_tables(texts: list[str]) -> list[tuple[int, Piece]]:
    """(source line, piece) for each line of a text; a table pasted as text (two or more
    lines of three or more cells, one tab between cells, as Word copies a table) gives
    one piece per cell, tagged like a Word table's cell."""
    out: list[tuple[int, Piece]] = []
    i, table = 0, 0
    while i < len(texts):
        n = _tab_fields(texts[i])
        j = i
        while n and j < len(texts) and _tab_fields(texts[j]) == n:
            j += 1
        if j - i >= 2:
            table += 1
            for r, row in enumerate(texts[i:j]):
                out += [(i + r + 1, Piece(cell, cell=(900 + table, r, c))) for c, cell in enumerate(row.split("\t"))
                        if cell.strip()]
            i = j
            continue
        out.append((i + 1, Piece(texts[i])))
        i += 1
    return out


def _is_stamp_owner(raw: str) -> bool:
    t = collapse(raw)
    f = fold(t)
    return bool(t) and is_upper(t) and not f.startswith(("so", "dang cong san", "cong hoa", "ke hoach")) \
        and "ngay" not in f


def is_separator(line: Line) -> bool:
    return not line.text or bool(_SEPARATOR.match(line.raw.strip()))


_BLOCK = re.compile(
    r"^\s*(?:[•*●▪]\s|\d{1,2}(?:\.\d{1,2})*\s*[.)\-–:](?![\s\d]*[A-ZĐ]{1,6}/)\s|[a-zđ]\)\s|[IVX]{1,5}\s*[.\-–]\s"
    r"|(?:Đợt|Giai đoạn|Bước)\s+\d|Nơi nhận|T/M|TM\.|KT\.|K/T|Số\b|KẾ HOẠCH|Thực hiện|Căn cứ)")
_DASH = re.compile(r"^\s*[-–—+]\s*(\S)")


def starts_block(text: str) -> bool:
    """A new item, heading or part. A dash opens an item only before a capital or a quote:
    "- 2025!" or "- xã hội" at the start of a line is the rest of "2020 - 2025", "kinh tế - xã hội"."""
    m = _DASH.match(text)
    if m:
        return m.group(1).isupper() or m.group(1) in "“\"'(*"
    return bool(_BLOCK.match(text))


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
                and prev.cell == ln.cell and "\t" not in ln.raw.strip() and "\t" not in prev.raw.strip()
                and not _ENDS_SENTENCE.search(prev.text) and len(prev.text) > 60 and not is_separator(prev)
                and (ln.text[0].islower() or fold(prev.text.rsplit(" ", 1)[-1]) in _DANGLING)):
            out[-1] = replace(prev, raw=prev.raw + " " + ln.raw.strip(), text=prev.text + " " + ln.text,
                              bold=prev.bold and ln.bold, italic=prev.italic and ln.italic)
            continue
        out.append(ln)
    return out
