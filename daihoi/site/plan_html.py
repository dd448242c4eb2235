"""The plan as received, as HTML for its web page: header, title, text, recipients and signer.

Written here rather than in a template because the text is data of any shape
(nested lists, tables, inline emphasis) and every character of it must be escaped:
the output is HTML we build from blocks, so no markup can come from a plan's text.
The words are the document's own; the only additions are the phase notes
(`dh-addition`: the phase's state, dates and news link) placed after each phase's
heading, marked as the section's notes and left out of print.
Styles: theme/components/document/.
"""
from __future__ import annotations

from html import escape

from daihoi.model.document import Block
from daihoi.model.plan import Plan, header_left, header_right
from daihoi.text import vndate

def runs(block_runs) -> str:
    out = []
    for r in block_runs:
        text = escape(r.text, quote=False)
        if r.bold:
            text = f"<strong>{text}</strong>"
        if r.italic:
            text = f"<em>{text}</em>"
        out.append(text)
    return "".join(out)


def _heading_tag(level: int, top: int) -> str:
    # The page's h1 is the plan's name and h2 the document's title: its own parts start at h3.
    return f"h{min(6, 3 + level - top)}"


def _badge(view: dict) -> str:
    start = f' data-start="{view["start"].isoformat()}"' if view["start"] else ""
    end = f' data-end="{view["end"].isoformat()}"' if view["end"] else ""
    news = ""
    if view.get("news"):
        news = (f' · <a href="{escape(view["news"]["href"])}">Tin bài của đợt này ({view["news"]["count"]})</a>')
    dates = escape(view["range_text"] or "Chưa có ngày")
    return (f'<p class="dh-addition dh-phase-note dh-noprint" data-dh-phase data-state="{view["state"]}"{start}{end}>'
            f'<span class="dh-visually-hidden">Ghi chú của chuyên mục: </span>'
            f'<span class="dh-phase-note__name">{escape(view["name"])}</span> '
            f'<span class="dh-phase__state" data-dh-state>{escape(view["state_label"])}</span> '
            f'<span class="dh-phase-note__dates">{dates}</span>{news}</p>')


def body(plan: Plan, badges: dict | None = None) -> str:
    """The document's text as HTML; `badges`: phase key -> view (daihoi.site.views.phase_view)."""
    badges = badges or {}
    by_block = {p.block: badges.get(p.key) for p in plan.phases if p.block is not None}
    top = min((b.level for b in plan.blocks if b.kind == "heading"), default=2)
    out: list[str] = []
    open_lists: list[str] = []          # the marker of each open <ul>

    def close_lists(to: int = 0) -> None:
        while len(open_lists) > to:
            out.append("</li></ul>")
            open_lists.pop()

    for i, b in enumerate(plan.blocks):
        anchor = plan.anchors[i] if i < len(plan.anchors) else ""
        ident = f' id="{anchor}"' if anchor else ""
        if b.kind == "item":
            depth = b.level + 1
            if len(open_lists) > depth:
                close_lists(depth)
            if len(open_lists) == depth and open_lists[-1] != b.marker:
                close_lists(depth - 1)
            if len(open_lists) == depth:
                out.append("</li>")
            while len(open_lists) < depth:
                kind = {"+": "plus", "*": "star"}.get(b.marker, "dash")
                out.append(f'<ul class="dh-doc__list dh-doc__list--{kind}">')
                open_lists.append(b.marker)
            out.append(f"<li{ident}>{runs(b.runs)}")
            continue
        close_lists()
        if b.kind == "heading":
            tag = _heading_tag(b.level, top)
            out.append(f'<{tag}{ident} class="dh-doc__heading">{runs(b.runs)}</{tag}>')
        elif b.kind == "table":
            out.append(_table(b))
        else:
            out.append(f'<p{ident} class="dh-doc__para">{runs(b.runs)}</p>')
        if i in by_block and by_block[i]:
            out.append(_badge(by_block[i]))
    close_lists()
    return "\n".join(out)


def _table(b: Block) -> str:
    rows = list(b.rows)
    if not rows:
        return ""
    head = "".join(f'<th scope="col">{runs(c)}</th>' for c in rows[0])
    body_rows = "".join("<tr>" + "".join(f"<td>{runs(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
    return (f'<div class="dh-doc__table"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{body_rows}</tbody></table></div>")


def header(plan: Plan) -> str:
    left = "".join(f'<p class="dh-doc-header__body"><strong>{escape(text)}</strong></p>' if bold
                   else f"<p>{escape(text)}</p>" for text, bold in header_left(plan))
    right = "".join(f"<p><strong>{escape(text)}</strong></p>" for text, _ in header_right(plan))
    date = (f'<p class="dh-doc-header__date"><em>{escape(plan.place + ", ") if plan.place else ""}'
            f'<time datetime="{plan.date.isoformat()}">'
            f'{escape(vndate.long_form(plan.date) if plan.place else vndate.long_form(plan.date).capitalize())}'
            f"</time></em></p>")
    return (f'<header class="dh-doc-header dh-doc-header--{plan.system}" data-search-skip>'
            f'<div class="dh-doc-header__issuer">{left}</div>'
            f'<div class="dh-doc-header__nation">{right}{date}</div></header>')


def signature(plan: Plan) -> str:
    parts = []
    if plan.recipients:
        items = "".join(f"<li>- {escape(r)}</li>" for r in plan.recipients)
        parts.append(f'<div class="dh-doc-recipients"><p><strong><em>Nơi nhận:</em></strong></p><ul>{items}</ul></div>')
    if plan.signer:
        lines = [f"<p><strong>{escape(plan.signer[k])}</strong></p>" for k in ("on_behalf", "for", "position")
                 if plan.signer.get(k)]
        if plan.signer.get("name"):
            lines.append(f'<p class="dh-doc-signer__name"><strong>{escape(plan.signer["name"])}</strong></p>')
        parts.append(f'<div class="dh-doc-signer">{"".join(lines)}</div>')
    return f'<div class="dh-doc-signature">{"".join(parts)}</div>' if parts else ""


def document(plan: Plan, badges: dict | None = None) -> str:
    """The whole document: header, "KẾ HOẠCH" and trích yếu, text, recipients and signer."""
    title = (f'<h2 class="dh-doc-title" id="toan-van-tieu-de"><span class="dh-doc-title__kind">KẾ HOẠCH</span> '
             f'<span class="dh-doc-title__text">{escape(plan.title)}</span></h2>')
    return header(plan) + title + '<div class="dh-doc__body">' + body(plan, badges) + "</div>" + signature(plan)
