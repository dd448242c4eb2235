"""The document header: superior body, issuer, motto, number, place and date, title.

The header is everything before the line "KẾ HOẠCH". Its two columns (issuer
and number on the left, motto and date on the right) arrive as one line with
tabs, as separate lines, or as table cells; so each line is cut into segments
at tabs / wide gaps and each segment is recognised on its own.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import issue_date
from .decode import Line, is_separator
from .text import collapse, fold, is_upper

_GAP = re.compile(r"\t+|\s{3,}")
_SYMBOL = r"[A-ZĐƯƠÂĂÊÔ][A-ZĐƯƠÂĂÊÔ0-9]*"
NUMBER_RX = re.compile(
    rf"(?<![\w/])(?P<n>\d{{1,4}}(?:\s*/\s*(?:19|20)\d{{2}})?)\s*(?P<s1>[-–—/])\s*(?P<a>{_SYMBOL})\s*(?P<s2>[-–—/])\s*(?P<b>{_SYMBOL}(?:\s*[-–—]\s*{_SYMBOL})*)")
_BODY_START = re.compile(r"^(?:[-–+•]\s*|\d{1,2}\s*[.)]\s*)?(thuc hien|can cu|thi hanh|duoc su|nham|de\s|theo\s|qua\s|tiep tuc|trien khai thuc hien|[ivx]+\s*[.\-–])")


def normalize_number(m: re.Match) -> str:
    """'07- KH/ĐUK' -> '07-KH/ĐUK': spaces out, any dash as '-'."""
    s = re.sub(r"\s+", "", m.group(0))
    return re.sub(r"[–—]", "-", s)


def system_of(number: str | None) -> str | None:
    if not number:
        return None
    if re.match(r"^\d+-", number):
        return "dang"
    if re.match(r"^\d+/", number):
        return "nha-nuoc"
    return None


def segments(line: Line) -> list[str]:
    out = []
    for part in _GAP.split(line.raw.replace("*", " ")):
        t = collapse(part)
        if t and not re.fullmatch(r"[-_=*~.…–—\s]+", t):
            out.append(t)
    return out


@dataclass
class Header:
    number: str | None = None
    system: str | None = None
    date: dt.date | None = None
    place: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    title: str = ""
    title_end: int = 0             # index in lines of the first body line
    warnings: list[str] = field(default_factory=list)


def find_plan_line(lines: list[Line]) -> int | None:
    """Index of the 'KẾ HOẠCH' line (upper case), else of a 'Kế hoạch ...' opening line."""
    limit = max(15, len(lines) // 3)
    for i, ln in enumerate(lines[:limit]):
        f = fold(ln.text)
        if f.startswith("ke hoach") and is_upper(ln.text[:8]) and not re.match(r"ke hoach\s+so\b", f):
            return i
    for i, ln in enumerate(lines[:10]):
        f = fold(ln.text)
        if f.startswith("ke hoach") and not re.match(r"ke hoach\s+(so\b|nay\b)", f) and len(ln.text) < 300:
            return i
    return None


def parse_header(lines: list[Line]) -> Header:
    h = Header()
    k = find_plan_line(lines)
    head = lines[:k] if k is not None else []
    if k is None:
        h.warnings.append("dòng 1: không tìm thấy dòng “KẾ HOẠCH”, không xác định được trích yếu")
    motto = None
    issuers: list[str] = []
    seen_number = False
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
                        h.warnings.append(f"dòng {ln.no}: ngày ban hành không hợp lệ “{seg}”")
                continue
            m = NUMBER_RX.search(seg)
            if m and (f.startswith("so") or not h.number) and h.number is None:
                h.number = normalize_number(m)
                seen_number = True
                continue
            if is_upper(seg) and not seen_number and len(seg) < 120 and not re.search(r"\d{1,2}/\d", seg):
                issuers.append(seg)
    # Plans without the header block still state number and date somewhere early.
    if h.number is None:
        for ln in lines[:k if k is not None else 15]:
            m = NUMBER_RX.search(ln.text)
            if m and fold(ln.text).startswith("so"):
                h.number = normalize_number(m)
        if h.number is None:
            h.warnings.append(f"{_span(k)}: không tìm thấy số, ký hiệu văn bản (ví dụ “Số 07-KH/ĐUK”)")
    if h.date is None and h.place is None:
        # The date line can sit after the title in plans typed without a header table.
        for ln in lines[:max(k or 0, 0) + 12]:
            found = issue_date(ln.text)
            if found:
                h.place, h.date = found
                break
        if h.date is None:
            h.warnings.append(f"{_span(k)}: không tìm thấy ngày ban hành "
                              "(dòng “Địa danh, ngày ... tháng ... năm ...”)")
    by_number = system_of(h.number)
    # The motto (Quốc hiệu or "ĐẢNG CỘNG SẢN VIỆT NAM") is printed by the system's own
    # rules; a number typed in the other system's form is the likelier slip.
    h.system = motto or by_number
    if motto and by_number and motto != by_number:
        h.warnings.append(f"dòng 1: số “{h.number}” viết theo kiểu văn bản "
                          f"{'của Đảng' if by_number == 'dang' else 'nhà nước'} nhưng tiêu đề là "
                          f"{'của Đảng' if motto == 'dang' else 'nhà nước'}; đã theo tiêu đề, cần kiểm tra")
    if h.system is None:
        h.warnings.append("dòng 1: không xác định được văn bản của Đảng hay văn bản nhà nước")
    h.parent_issuer, h.issuer = split_issuer(issuers)
    if k is not None:
        h.title, h.title_end = parse_title(lines, k)
        if not h.title:
            h.warnings.append(f"dòng {lines[k].no}: không tìm thấy trích yếu sau “KẾ HOẠCH”")
    else:
        h.title_end = 0
    return h


def split_issuer(segs: list[str]) -> tuple[str | None, str | None]:
    """(parent_issuer, issuer) from the upper-case lines of the left column."""
    if not segs:
        return None, None
    # "ỦY BAN NHÂN DÂN / PHƯỜNG X" is one name printed on two lines.
    if fold(segs[0]) in ("uy ban nhan dan", "hoi dong nhan dan") and len(segs) >= 2:
        segs = [segs[0] + " " + segs[1]] + segs[2:]
    if len(segs) == 1:
        return None, segs[0]
    return segs[0], " ".join(segs[1:])


def parse_title(lines: list[Line], k: int) -> tuple[str, int]:
    """The trích yếu: rest of the KẾ HOẠCH line and the lines after it, up to the body."""
    first = lines[k].text
    rest = collapse(first[len("KẾ HOẠCH"):]) if fold(first).startswith("ke hoach") else ""
    parts = [rest] if rest else []
    i = k + 1
    while i < len(lines) and len(parts) < 6:
        ln = lines[i]
        f = fold(ln.text)
        if is_separator(ln) or re.fullmatch(r"[-_=–—]{3,}", ln.text):
            i += 1
            break
        if _BODY_START.match(f) or issue_date(ln.text) or len(ln.text) > 400 or f.startswith("so") \
                or re.match(r"^\d{1,2}\s*[.)]\s", f):   # a numbered line is body, never trích yếu
            break
        parts.append(ln.text)
        i += 1
        if ln.text.endswith((".", ":")):
            break
    return collapse(" ".join(parts)).rstrip(" .:;"), i


def _span(k: int | None) -> str:
    return f"dòng 1–{k}" if k and k > 1 else "dòng 1"
