"""The received text between the title and "Nơi nhận", as document blocks (daihoi.model.document).

The content file keeps the plan word for word: every line of the body becomes one
block with its own numbering and words. Only the shape is decided here: a line the
outline reads as a heading (I., 1., 1.1., Đợt 1:, a)) and that reads like a title
(short, not a finished sentence) is a heading at its depth in the outline; a "-" or
"+" line is an item; the cells of a table (a Word table, a table printed in a PDF, a
table pasted as tab-separated text) make one table block, its first row the header;
everything else is a paragraph. A line Word or the PDF set wholly in bold or italic
keeps that emphasis. Page numbers, receipt stamps and separator lines were already
dropped by decode.to_lines, and paragraphs a page break had split were rejoined there.
"""
from __future__ import annotations

import re

from daihoi.model.document import Block, Run

from .decode import Line, is_separator
from .outline import BULLET, Node, build
from .text import collapse

_ONE_MARKER = re.compile(r"^[-–—+•·●▪►❖✓]\s*")
HEADING_MAX = 200          # longer "headings" are numbered paragraphs ("1. Tuyên truyền sâu rộng ...")


def _depths(root: Node) -> dict[int, int]:
    """Line number -> depth in the outline (1 for the top parts), for heading lines."""
    out: dict[int, int] = {}

    def walk(node: Node, depth: int) -> None:
        for child in node.children:
            if child.line is not None:
                out[child.line.no] = depth
            walk(child, depth + 1)

    walk(root, 1)
    return out


def _reads_as_heading(text: str) -> bool:
    """A title, not a sentence: short, and not ending like a finished sentence."""
    if len(text) > HEADING_MAX or re.search(r"[;!?…]$", text):
        return False
    return not text.endswith(".") or len(text) < 120


def _item_marker(text: str) -> str:
    first = text.lstrip()[:1]
    return "+" if first == "+" else "-"


def _run(ln: Line, text: str) -> tuple[Run, ...]:
    return (Run(text, bold=ln.bold, italic=ln.italic),)


def _table(lines: list[Line]) -> Block:
    """One table block from its cells' lines: rows in order, a cell's paragraphs joined."""
    rows = sorted({ln.cell[1] for ln in lines})
    cols = sorted({ln.cell[2] for ln in lines})
    out = []
    for r in rows:
        row = []
        for c in cols:
            cell = [ln for ln in lines if ln.cell[1] == r and ln.cell[2] == c]
            text = collapse(" ".join(ln.text for ln in cell))
            bold = bool(cell) and all(ln.bold for ln in cell)
            row.append((Run(text, bold=bold and r != rows[0]),) if text else ())
        out.append(tuple(row))
    return Block("table", rows=tuple(out), line=lines[0].no)


def blocks(body: list[Line], root: Node | None = None) -> list[Block]:
    """The body lines as blocks, in order."""
    root = root if root is not None else build(body)
    depth = _depths(root)
    out: list[Block] = []
    in_items = False
    i = 0
    while i < len(body):
        ln = body[i]
        if ln.cell is not None:
            j = i
            while j < len(body) and body[j].cell is not None and body[j].cell[0] == ln.cell[0]:
                j += 1
            out.append(_table(body[i:j]))
            in_items = False
            i = j
            continue
        i += 1
        if is_separator(ln):
            continue
        text = ln.text
        m = BULLET.match(text)
        star = ln.starred and re.match(r"^\s*\*+\s", ln.raw or "") is not None
        if ln.no in depth and _reads_as_heading(text) and not m:
            runs = (Run(("* " if star else "") + text, bold=False, italic=ln.italic),)
            out.append(Block("heading", runs, level=min(6, depth[ln.no] + 1), line=ln.no))
            in_items = False
        elif m and m["title"].strip():
            marker = _item_marker(text)
            level = 1 if marker == "+" and in_items else 0
            # Only the item's own marker goes: "- + Trách nhiệm …" keeps its "+" as printed.
            words = _ONE_MARKER.sub("", text.strip(), count=1)
            out.append(Block("item", _run(ln, words), level=level, marker=marker, line=ln.no))
            in_items = True
        else:
            out.append(Block("para", _run(ln, ("* " if star else "") + text), line=ln.no))
            in_items = False
    return out
