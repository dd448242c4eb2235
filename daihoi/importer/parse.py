"""Text -> plan dict (contract plan/1). Pure: lines in, dict out."""
from __future__ import annotations

import datetime as dt

from . import sections as S
from .bases import parse_bases
from .campaign import find_campaign, issuer_suggestion
from .closing import find_tail, parse_closing
from .decode import Line, to_lines
from .header import parse_header
from .notes import note
from .outline import BULLET, Node, build
from .phases import find_phases
from .reporting import parse_reporting
from .slogans import parse_slogans, slogan_blocks
from .text import is_upper
from .units import parse_units

SCHEMA = "plan/1"


def parse_text(text: str) -> dict:
    return parse_lines(to_lines(text))


def parse_lines(lines: list[Line]) -> dict:
    plan, _extra = analyse(lines)
    return plan


def analyse(lines: list[Line]) -> tuple[dict, dict]:
    """(contract dict, extras for the content writer: tracks, the body as document blocks, the
    number line as printed)."""
    warnings: list[str] = []
    h = parse_header(lines)
    warnings += h.warnings
    tail_at = find_tail(lines)
    body = lines[h.title_end:tail_at]
    tail = lines[tail_at:]
    root = build(body)
    romans = [c for c in root.children if c.style == "roman"]
    if not romans:
        # Some plans number their parts "1. MỤC ĐÍCH, YÊU CẦU", "2. NỘI DUNG": upper-case
        # top-level headings play the Roman parts' role there.
        tops = [c for c in root.children if c.style == "n1" and is_upper(c.title) and len(c.title) < 100]
        if len(tops) >= 2 and any(S.kind_of(c.title) != S.OTHER for c in tops):
            romans = tops
    if romans:
        # "1. Căn cứ ..." numbered bases before Part I are headings in the tree.
        first = min(r.no for r in romans)
        preamble = list(root.content) + [ln for c in root.children if c not in romans and c.no < first
                                         for ln in [c.line, *c.all_lines()]]
        preamble.sort(key=lambda ln: ln.no)
    else:
        preamble = _preamble_without_sections(root)
    bases, w = parse_bases(preamble)
    warnings += w
    if h.issuer is None:
        # Never an empty issuer without a word: say what the opening sentence names, if anything.
        name, at, body_name = issuer_suggestion(preamble or body[:8])
        if name:
            warnings.append(note(at, "issuer", f"tiêu đề không in cơ quan ban hành; câu mở đầu ghi “{name}” ban hành "
                                               f"kế hoạch, nên cơ quan ban hành có thể là “{body_name}”: đối chiếu văn bản "
                                               "gốc rồi điền “issuer” (để trống nếu không rõ)"))
        else:
            warnings.append(note(h.header_span, "issuer", "không tìm thấy tên cơ quan ban hành ở tiêu đề văn bản"))

    kinds = {id(sec): S.kind_of(sec.title) for sec in romans}
    if not romans:
        # No Roman parts: treat the whole body as one content part.
        content_secs = [root]
        warnings.append(note(body[0].no if body else 1, "", "không thấy các phần đánh số La Mã (I., II., ...), "
                                                            "đã tìm đợt, khẩu hiệu, đơn vị trong toàn văn bản"))
    else:
        content_secs = [s for s in romans if kinds[id(s)] in (S.CONTENT, S.OTHER)]

    plan_date = h.date
    phases, w, tracks = find_phases(content_secs, plan_date)
    warnings += w
    campaign, _ = find_campaign(_outside_phases(content_secs, preamble), plan_date)
    if not phases:
        warnings.append(note(content_secs[0].no if content_secs and content_secs[0].line else 1, "phases",
                             "không tìm thấy đợt tuyên truyền nào"))

    slogan_secs = [s for s in romans if kinds[id(s)] == S.SLOGANS]
    blocks = slogan_blocks(slogan_secs, root)
    slogans, display, w = parse_slogans(blocks, plan_date)
    warnings += w
    if not blocks:
        warnings.append(note(1, "slogans", "văn bản không có phần khẩu hiệu"))
    elif not slogans:
        warnings.append(note(blocks[0].no, "slogans", "phần khẩu hiệu không có khẩu hiệu nào nhận ra được"))

    unit_secs = [s for s in romans if kinds[id(s)] == S.UNITS]
    if not romans:
        unit_secs = [c for c in root.headings() if S.kind_of(c.title) == S.UNITS and len(c.title) < 60]
    units: list[dict] = []
    for sec in unit_secs:
        u, w = parse_units(sec, len(units))
        units += u
        warnings += w
    if not unit_secs:
        warnings.append(note(1, "units", "không tìm thấy phần “Tổ chức thực hiện”"))

    reporting, w = parse_reporting(body)
    warnings += w
    recipients, signer, w = parse_closing(tail)
    if not tail:
        warnings.append(note(lines[-1].no if lines else 1, "signer", "không tìm thấy “Nơi nhận” và khối chữ ký"))
    else:
        warnings += w

    plan = {
        "schema": SCHEMA,
        "number": h.number,
        "system": h.system,
        "date": _iso(h.date),
        "place": h.place,
        "issuer": h.issuer,
        "parent_issuer": h.parent_issuer,
        "title": h.title,
        "bases": bases,
        "campaign": campaign,
        "phases": phases,
        "slogans": slogans,
        "slogan_display": display,
        "units": units,
        "reporting": reporting,
        "recipients": recipients,
        "signer": signer,
        "warnings": _dedupe(warnings),
    }
    from .document import blocks
    extra = {"tracks": tracks, "document": blocks(body, root), "number_line": h.number_line}
    return plan, extra


def _outside_phases(sections: list[Node], preamble: list[Line]) -> list[Line]:
    """Paragraphs that speak for the whole plan: the preamble and each content part's own
    lines, not those of its phases."""
    out = [ln for ln in preamble if ln.cell is None]
    for sec in sections:
        out += [ln for ln in sec.content if ln.cell is None and not BULLET.match(ln.text)]
    return out


def _preamble_without_sections(root: Node) -> list[Line]:
    first = min((c.no for c in root.children), default=None)
    return [ln for ln in root.content if first is None or ln.no < first]


def _dedupe(ws: list[str]) -> list[str]:
    seen, out = set(), []
    for w in ws:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
