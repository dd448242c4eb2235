"""Text -> plan dict (contract plan/1). Pure: lines in, dict out."""
from __future__ import annotations

import datetime as dt

from . import sections as S
from .bases import parse_bases
from .closing import find_tail, parse_closing
from .decode import Line, to_lines
from .header import parse_header
from .outline import Node, build, inside
from .phases import find_phases
from .reporting import parse_reporting
from .slogans import parse_slogans, slogan_blocks
from .units import parse_units
from .sections import is_forms
from .outline import strip_bullet, BULLET
from .text import collapse, is_upper

SCHEMA = "plan/1"


def parse_text(text: str) -> dict:
    return parse_lines(to_lines(text))


def parse_lines(lines: list[Line]) -> dict:
    plan, _extra = analyse(lines)
    return plan


def analyse(lines: list[Line]) -> tuple[dict, dict]:
    """(contract dict, extras for the content writer: forms, tracks, prose sections)."""
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

    kinds = {id(sec): S.kind_of(sec.title) for sec in romans}
    if not romans:
        # No Roman parts: treat the whole body as one content part.
        content_secs = [root]
        warnings.append(f"dòng {body[0].no if body else 1}: không thấy các phần đánh số La Mã (I., II., ...), "
                        "đã tìm đợt, khẩu hiệu, đơn vị trong toàn văn bản")
    else:
        content_secs = [s for s in romans if kinds[id(s)] in (S.CONTENT, S.OTHER)]

    plan_date = h.date
    phases, w, tracks = find_phases(content_secs, plan_date)
    warnings += w
    if not phases:
        warnings.append(f"dòng {content_secs[0].no if content_secs and content_secs[0].line else 1}: "
                        "không tìm thấy đợt tuyên truyền nào")

    slogan_secs = [s for s in romans if kinds[id(s)] == S.SLOGANS]
    blocks = slogan_blocks(slogan_secs, root)
    slogans, display, w = parse_slogans(blocks, plan_date)
    warnings += w
    if not blocks:
        warnings.append("dòng 1: văn bản không có phần khẩu hiệu")
    elif not slogans:
        warnings.append(f"dòng {blocks[0].no}: phần khẩu hiệu không có khẩu hiệu nào nhận ra được")

    unit_secs = [s for s in romans if kinds[id(s)] == S.UNITS]
    if not romans:
        unit_secs = [c for c in root.headings() if S.kind_of(c.title) == S.UNITS and len(c.title) < 60]
    units: list[dict] = []
    for sec in unit_secs:
        u, w = parse_units(sec)
        units += u
        warnings += w
    if not unit_secs:
        warnings.append("dòng 1: không tìm thấy phần “Tổ chức thực hiện”")

    reporting, w = parse_reporting(body)
    warnings += w
    recipients, signer, w = parse_closing(tail)
    if not tail:
        warnings.append(f"dòng {lines[-1].no if lines else 1}: không tìm thấy “Nơi nhận” và khối chữ ký")
    else:
        warnings += w

    forms_nodes = _forms_nodes(romans, kinds, root)
    forms = _forms(forms_nodes)
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
        "phases": phases,
        "slogans": slogans,
        "slogan_display": display,
        "units": units,
        "reporting": reporting,
        "recipients": recipients,
        "signer": signer,
        "warnings": _dedupe(warnings),
    }
    prose = [s for s in romans if kinds[id(s)] in (S.PURPOSE, S.FUNDING, S.REPORT)
             or (kinds[id(s)] == S.FORMS and not _said_by_forms(s))
             or (kinds[id(s)] == S.OTHER and not find_phases([s], plan_date)[0])]
    prose += [n for n in forms_nodes if n not in prose and not _said_by_forms(n)
              and not any(inside(n, p) for p in prose)]
    notes = [(sec, lines) for sec in content_secs if sec not in prose and sec.line is not None
             for lines in [_loose_paragraphs(sec, forms_nodes)] if lines]
    prose.sort(key=lambda n: n.no)
    from .document import blocks
    extra = {"forms": forms, "tracks": tracks, "prose": prose, "notes": notes, "document": blocks(body, root)}
    return plan, extra


def _loose_paragraphs(sec: Node, skip: list[Node]) -> list[Line]:
    """Plain paragraphs of a phase section that no phase item holds: its introduction,
    remarks after the phases. (Under a heading with bullets, plain lines are not items.)"""
    out = [ln for ln in sec.content if not BULLET.match(ln.text)]
    for h in sec.headings():
        if h in skip or any(inside(h, n) for n in skip):
            continue
        if any(BULLET.match(ln.text) for ln in h.content):
            out += [ln for ln in h.content if not BULLET.match(ln.text)]
    return sorted(out, key=lambda ln: ln.no)


def _preamble_without_sections(root: Node) -> list[Line]:
    first = min((c.no for c in root.children), default=None)
    return [ln for ln in root.content if first is None or ln.no < first]


def _forms_nodes(romans: list[Node], kinds: dict, root: Node) -> list[Node]:
    """Forms-and-means parts: Roman sections, and sub-headings not inside another one."""
    nodes = [s for s in romans if kinds[id(s)] == S.FORMS]
    for h in root.headings():
        if h.style != "roman" and h not in romans and is_forms(h.title) and len(h.title) < 120 \
                and not any(inside(h, n) for n in nodes):
            nodes.append(h)
    return nodes


def _forms(nodes: list[Node]) -> list[str]:
    out: list[str] = []
    for n in nodes:
        if n.children:
            out += [c.title for c in n.children]
        else:
            out += [collapse(strip_bullet(ln.text)).lstrip("-+ ") for ln in n.content if BULLET.match(ln.text)]
    return [f for f in out if f]


def _said_by_forms(node: Node) -> bool:
    """True when the `forms` list already says all a forms section says (items with no
    text of their own), so the prose need not repeat it and the page shows it once."""
    own = [ln for ln in node.content if ln.text.strip()]
    if node.children:
        return not own and all(not c.content and not c.children for c in node.children)
    return all(BULLET.match(ln.text) for ln in own)


def _dedupe(ws: list[str]) -> list[str]:
    seen, out = set(), []
    for w in ws:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
