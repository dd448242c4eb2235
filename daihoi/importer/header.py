"""The document header: superior body, issuer, motto, number, place and date, title.

The header is everything before the line "KẾ HOẠCH". Its two columns (issuer
and number on the left, motto and date on the right) arrive as one line with
tabs, as separate lines, or as table cells; so each line is cut into segments
at tabs / wide gaps and each segment is recognised on its own.

Fields left blank to be filled when the plan is issued ("Số:      /KH-UBND",
"ngày    tháng 11 năm 2020") are reported, never taken for something else. A body's
name printed over two lines ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN" / "TRUNG ƯƠNG") is one
name: a line that does not begin like a body's name continues the one above.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .codes import Code, first_code, system_of, unfilled
from .dates import blank_issue_date, issue_date
from .decode import Line, is_separator
from .notes import Note, note, span
from .text import collapse, fold, is_upper

_GAP = re.compile(r"\t+|\s{3,}")
_NUMBER_LINE = re.compile(r"^\s*số\b", re.I)
_NUMBER_PREFIX = re.compile(r"\s*số\s*:?\s*", re.I)
_BODY_START = re.compile(r"^(?:[-–+•]\s*|\d{1,2}\s*[.)]\s*)?(thuc hien|can cu|thi hanh|duoc su|nham|de\s|theo\s|qua\s|tiep tuc|trien khai thuc hien|[ivx]+\s*[.\-–])")
# How the name of a body begins (folded). A header line that begins otherwise is the
# rest of the name above it, wrapped.
_BODY_HEAD = re.compile(
    r"^(?:dang (?:uy|bo|doan)|chi (?:bo|uy|doan|hoi)|(?:tinh|huyen|thanh|quan|thi|xa) (?:uy|doan)|ban\b|uy ban|ubnd|ubmttq|ub\b|"
    r"hdnd|hoi dong|so\b|phong\b|truong\b|hoi\b|doan\b|cong doan|mat tran|lien (?:doan|hiep)|tong cong ty|cong ty|"
    r"van phong|bo\b|cuc\b|vien\b|hoc vien|dai hoc|benh vien|trung tam|bch\b|ban chap hanh|bo chi huy|cong an|"
    r"quan (?:doi|khu)|bo tu lenh|tap doan|ngan hang|kho bac|chi cuc|toa an|vien kiem sat|thanh tra|"
    r"vu\b|tong cuc|dai\b|bao\b|nha xuat ban|nha may|xi nghiep|hop tac xa|ky tuc|khoa\b|"
    r"dang cong san|cong hoa|doc lap)")
# "ỦY BAN NHÂN DÂN / PHƯỜNG X" is one name printed on two lines by the state template.
_TWO_LINE_NAMES = ("uy ban nhan dan", "hoi dong nhan dan", "uy ban mat tran to quoc viet nam", "uy ban mttq viet nam")


_BLANK = r"(?:[ \t._…]*\t[ \t._…]*|[ ._…]{2,})"      # a tab, or two or more spaces or dots
_BLANK_GAPS = [(re.compile(rf"(?i)\b(ngày){_BLANK}(tháng)\b"), r"\1 … \2"),
               (re.compile(rf"(?i)\b(tháng){_BLANK}(năm)\b"), r"\1 … \2"),
               (re.compile(rf"(?i)^(\s*số\s*:?){_BLANK}(/)"), r"\1 …\2")]


def segments(line: Line) -> list[str]:
    raw = line.raw.replace("*", " ")
    # A field left blank to be filled in ("ngày      tháng", "Số:      /KH-UBND") is not a column gap.
    for rx, repl in _BLANK_GAPS:
        raw = rx.sub(repl, raw)
    out = []
    for part in _GAP.split(raw):
        t = collapse(part)
        if t and not re.fullmatch(r"[-_=*~.…–—\s]+", t):
            out.append(t)
    return out


def printed_number_line(text: str, code: Code) -> str | None:
    """The number line as printed, "Số" to the end of the code, spacing collapsed: "Số: 20- KH/ĐUK".
    None when the code is not introduced by "Số" alone (a bare "07-KH/ĐUK", "Số" in a column of
    its own): the outputs then print the standard form, and a line that was never read whole is
    not made up."""
    if not _NUMBER_PREFIX.fullmatch(text[:code.start]):
        return None
    return collapse(text[:code.end])


@dataclass
class Header:
    number: str | None = None
    number_line: str | None = None  # the number line as printed: "Số: 20- KH/ĐUK" (None when not read)
    system: str | None = None
    date: dt.date | None = None
    place: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    title: str = ""
    title_end: int = 0             # index in lines of the first body line
    title_line: int = 0            # line number of "KẾ HOẠCH"
    header_span: str = "dòng 1"    # "dòng 1–7": the header block, for warnings about it
    warnings: list[Note] = field(default_factory=list)


def find_plan_line(lines: list[Line]) -> int | None:
    """Index of the 'KẾ HOẠCH' line (upper case), else of a 'Kế hoạch ...' opening line."""
    limit = max(15, len(lines) // 3)
    for i, ln in enumerate(lines[:limit]):
        f = fold(ln.text)
        if f.startswith("ke hoach") and is_upper(ln.text[:8]) and not re.match(r"ke hoach\s+so\b", f):
            return i
    for i, ln in enumerate(lines[:10]):
        f = fold(ln.text)
        if f.startswith("ke hoach") and not re.match(r"ke hoach\s+(so\b|nay\b)", f) and len(ln.text) < 1000:
            return i
    return None


def parse_header(lines: list[Line]) -> Header:
    h = Header()
    k = find_plan_line(lines)
    head = lines[:k] if k is not None else []
    h.header_span = span(1, lines[k - 1].no if k else None)
    if k is None:
        h.warnings.append(note(1, "title", "không tìm thấy dòng “KẾ HOẠCH”, không xác định được trích yếu"))
    motto = None
    issuers: list[tuple[Line, str]] = []
    seen_number = False
    blank_symbol = None
    for ln in head:
        for seg in segments(ln):
            f = fold(seg)
            if f.startswith("dang cong san viet nam"):
                motto = motto or "dang"
                continue
            if f.startswith(("cong hoa xa hoi chu nghia", "doc lap")):
                motto = "nha-nuoc" if f.startswith("cong hoa") else motto
                continue
            found = issue_date(seg)
            if found:
                if h.date is None and h.place is None:
                    h.place, h.date = found
                    if h.date is None:
                        h.warnings.append(note(ln.no, "date", f"ngày ban hành không hợp lệ “{seg}”, để trống"))
                continue
            blank_place = blank_issue_date(seg)
            if blank_place:
                if h.date is None and h.place is None:
                    h.place = blank_place
                    h.warnings.append(note(ln.no, "date", f"ngày ban hành chưa điền (“{seg}”): để trống, "
                                                          "điền khi kế hoạch được ký ban hành"))
                continue
            number_line = bool(_NUMBER_LINE.match(seg))     # "Số ...", never "Sở ..." (a department)
            code = first_code(seg)
            if code and (number_line or not h.number) and h.number is None:
                h.number = code.number
                h.number_line = printed_number_line(seg, code)
                seen_number = True
                continue
            if number_line:
                sym = unfilled(seg)
                if sym and h.number is None:
                    blank_symbol = sym
                    seen_number = True
                    h.warnings.append(note(ln.no, "number", f"số văn bản chưa điền (“{seg}”): để trống, "
                                                            "điền số khi kế hoạch được ký ban hành"))
                continue    # a number line is never the issuer
            if is_upper(seg) and not seen_number and len(seg) < 250 and not re.search(r"\d{1,2}/\d", seg):
                issuers.append((ln, seg))
    # Plans without the header block still state number and date somewhere early.
    if h.number is None and blank_symbol is None:
        for ln in lines[:k if k is not None else 15]:
            code = first_code(ln.text)
            if code and _NUMBER_LINE.match(ln.text):
                h.number = code.number
                h.number_line = printed_number_line(ln.text, code)
        if h.number is None:
            h.warnings.append(note(h.header_span, "number", "không tìm thấy số, ký hiệu văn bản (ví dụ “Số 07-KH/ĐUK”)"))
    if h.date is None and h.place is None:
        # The date line can sit after the title in plans typed without a header table.
        for ln in lines[:max(k or 0, 0) + 12]:
            found = issue_date(ln.text)
            if found:
                h.place, h.date = found
                break
        if h.date is None:
            h.warnings.append(note(h.header_span, "date", "không tìm thấy ngày ban hành "
                                                          "(dòng “Địa danh, ngày ... tháng ... năm ...”)"))
    by_number = system_of(h.number or blank_symbol)
    # The motto (Quốc hiệu or "ĐẢNG CỘNG SẢN VIỆT NAM") is printed by the system's own
    # rules; a number typed in the other system's form is the likelier slip.
    h.system = motto or by_number
    if motto and by_number and motto != by_number:
        h.warnings.append(note(h.header_span, "system",
                               f"số “{h.number or blank_symbol}” viết theo kiểu văn bản "
                               f"{'của Đảng' if by_number == 'dang' else 'nhà nước'} nhưng tiêu đề là "
                               f"{'của Đảng' if motto == 'dang' else 'nhà nước'}; đã theo tiêu đề, cần kiểm tra"))
    if h.system is None:
        h.warnings.append(note(h.header_span, "system", "không xác định được văn bản của Đảng hay văn bản nhà nước"))
    h.parent_issuer, h.issuer, w = split_issuer(issuers)
    h.warnings += w
    if k is not None:
        h.title_line = lines[k].no
        h.title, h.title_end = parse_title(lines, k)
        if not h.title:
            h.warnings.append(note(lines[k].no, "title", "không tìm thấy trích yếu sau “KẾ HOẠCH”"))
    else:
        h.title_end = 0
    return h


def _names(segs: list[tuple[Line, str]]) -> tuple[list[str], list[Note]]:
    """The bodies named by the header's capital lines: a line that does not begin like a
    body's name is the rest of the name above it."""
    names: list[list[str]] = []
    warnings: list[Note] = []
    for ln, seg in segs:
        f = fold(seg)
        if names and not _BODY_HEAD.match(f):
            prev = " ".join(names[-1])
            names[-1].append(seg)
            if fold(prev) not in _TWO_LINE_NAMES:
                warnings.append(note(ln.no, "issuer", f"tên cơ quan in trên hai dòng, đã ghép “{prev}” với “{seg}” "
                                                      "thành một tên, cần kiểm tra"))
        else:
            names.append([seg])
    return [" ".join(n) for n in names], warnings


def split_issuer(segs: list) -> tuple[str | None, str | None, list[Note]]:
    """(parent_issuer, issuer, warnings) from the capital lines of the left column."""
    if not segs:
        return None, None, []
    if isinstance(segs[0], str):           # plain names (tests, callers without lines)
        segs = [(Line(1, s, s), s) for s in segs]
    names, warnings = _names(segs)
    if len(names) == 1:
        return None, names[0], warnings
    if len(names) > 2:
        warnings.append(note(segs[0][0].no, "parent_issuer",
                             f"tiêu đề ghi {len(names)} cơ quan (“{'”, “'.join(names)}”): lấy cơ quan cuối làm cơ quan "
                             "ban hành, các cơ quan trên làm cơ quan cấp trên, cần kiểm tra"))
    return " ".join(names[:-1]), names[-1], warnings


def parse_title(lines: list[Line], k: int) -> tuple[str, int]:
    """The trích yếu: rest of the KẾ HOẠCH line and the lines after it, up to the body.

    Any length: a trích yếu may run over several lines and past 300 characters. It ends
    at the separator line under it, at the body's first words ("Thực hiện", "Căn cứ",
    a numbered part), at a line ending with ":" (the body's opening sentence), and in
    Word or PDF where the bold title lines give way to plain text."""
    first = lines[k]
    rest = collapse(first.text[len("KẾ HOẠCH"):]) if fold(first.text).startswith("ke hoach") else ""
    parts = [rest] if rest else []
    i = k + 1
    while i < len(lines) and len(parts) < 12:
        ln = lines[i]
        f = fold(ln.text)
        if is_separator(ln) or re.fullmatch(r"[-_=–—]{3,}", ln.text):
            i += 1
            break
        if _BODY_START.match(f) or issue_date(ln.text) or _NUMBER_LINE.match(ln.text) or ln.cell is not None \
                or re.match(r"^\d{1,2}\s*[.)]\s", f) or (parts and ln.text.endswith(":")) \
                or (first.bold and not ln.bold and parts):     # Word/PDF: the title is bold, the body is not
            break
        parts.append(ln.text)
        i += 1
        if ln.text.endswith((".", ":")):
            break
    return collapse(" ".join(parts)).rstrip(" .:;"), i
