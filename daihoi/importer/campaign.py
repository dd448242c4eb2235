"""The campaign period a plan states for itself, and the issuer its opening sentence names.

Campaign: "Việc triển khai … được tiến hành từ đầu tháng 01/2016 đến ngày 04/02/2016,
theo ba giai đoạn", "Thời gian tuyên truyền: từ ngày 15/4/2025 đến ngày 31/7/2025."
Such a sentence bounds the whole campaign; the site ends an "after the congress"
phase that has no end of its own there, instead of estimating one. Only sentences
outside the phases are read (a phase's own "Thời gian: …" line is that phase's).

Issuer: a plan pasted without its header still says who issues it, in its opening
sentence: "…, Ban Thường vụ Đảng ủy Khối … xây dựng Kế hoạch …". That name is how the
sentence calls the body (often its standing committee), not the name the header
prints, so it is only a suggestion for the editor, in a warning.
"""
from __future__ import annotations

import datetime as dt
import re

from .dates import parse_period
from .decode import Line
from .text import collapse, fold

_CAMPAIGN = re.compile(
    r"(?:(?:duoc|se duoc|se)\s+)?(?:tien hanh|trien khai|thuc hien|keo dai)\s+"
    r"(?:trong thoi gian\s+|trong\s+)?(?=(?:bat dau\s+)?tu\s)"
    r"|^thoi gian(?:\s+(?:tuyen truyen|thuc hien|trien khai|to chuc))?(?:\s+ke hoach)?\s*:?\s*(?=(?:tu\s|bat dau))")
_ABOUT = re.compile(r"tuyen truyen|thong tin|co dong|ke hoach|hoat dong|cong tac")
_CLAUSE_END = re.compile(r"[,;]|\.\s|\.$|\s-\s|:")


def find_campaign(lines: list[Line], plan_date: dt.date | None) -> tuple[dict | None, int | None]:
    """({"start", "end"}, line) of the first sentence stating the campaign's period."""
    for ln in lines:
        f = fold(ln.text)
        for m in _CAMPAIGN.finditer(f):
            clause = re.split(r"[.;:]\s", f[:m.start()])[-1]
            if not m.group(0).startswith("thoi gian") and not _ABOUT.search(clause):
                continue      # "Đại hội được tiến hành từ …" is the congress, not the campaign
            rest = f[m.end():]
            den = re.search(r"\bden\b", rest)
            if not den:
                continue
            end = _CLAUSE_END.search(rest, den.end() + 3)
            phrase = ln.text[m.end():m.end() + (end.start() if end else len(rest))]
            period = parse_period(phrase, plan_date)
            if period.start or period.end:
                return {"start": _iso(period.start), "end": _iso(period.end)}, ln.no
    return None, None


_BODY = (r"(?:Ban Thường vụ|Ban Chấp hành|Ban Thường trực|Thường trực|Ban Tuyên giáo|Ban Dân vận|Ban Tổ chức|"
         r"Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Ủy ban Mặt trận|Ủy ban MTTQ|Đảng ủy|Đảng uỷ|Chi bộ|Chi ủy|"
         r"Huyện ủy|Tỉnh ủy|Thành ủy|Quận ủy|Thị ủy|Sở|Phòng|Trường|Hội|Đoàn|Công đoàn|Trung tâm|Văn phòng)")
_ISSUER_SENTENCE = re.compile(
    rf"(?:^|[,;.:]\s*)(?P<name>{_BODY}\b[^,;.:()]{{0,150}}?)\s+(?:đã\s+)?(?:xây dựng|ban hành|triển khai|đề ra)\s+"
    r"(?:Kế hoạch|kế hoạch|Chương trình|chương trình)")


_STANDING = re.compile(r"^(?:Ban Thường vụ|Ban Chấp hành|Ban Thường trực|Thường trực)\s+", re.I)


def issuer_suggestion(lines: list[Line]) -> tuple[str | None, int | None, str | None]:
    """(the body the opening sentence says issues the plan, its line, the header's likely
    form of the issuer's name), or (None, None, None).

    "Ban Thường vụ Đảng ủy Khối X" acts for "ĐẢNG ỦY KHỐI X", which the header prints in
    capitals; a body named plainly ("Đảng ủy Văn phòng Chính phủ") is printed as it is."""
    for ln in lines:
        m = _ISSUER_SENTENCE.search(ln.text)
        if m:
            name = collapse(m.group("name"))
            body = _STANDING.sub("", name) if _STANDING.match(name) and len(_STANDING.sub("", name)) > 3 else name
            return name, ln.no, body.upper()
    return None, None, None


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
