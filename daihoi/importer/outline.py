"""The document's outline: headings (I., 1., 1.1., Đợt 1:, a), *Trước...*) as a tree.

Plans number their parts inconsistently ("1.1." / "1.1" / "Đợt 1:" / "a)"),
and the same style can sit at different depths from one plan to another.
So depth is not fixed per style: a style already open on the stack closes
everything opened after it (classic outline parsing), any other style nests.
Bullets and plain paragraphs are content of the innermost open heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .decode import Line
from .text import collapse, fold, is_upper

ROMAN = re.compile(r"^(?P<label>[IVXL]{1,5})\s*[.\-–—:/)]\s*(?P<title>\S.*)$")
NUMBER = re.compile(r"^(?P<label>\d{1,2}(?:\s*\.\s*\d{1,2}){0,3})(?:\s*[.)]\s*|\s*[-–](?!\s*\d|\s*[A-ZĐ]{1,6}\s*/)\s*|\s*:\s+|(?<=\d)\s+(?=\D))(?P<title>\S.*)$")
SERIES = re.compile(r"^(?P<word>đợt|giai đoạn|thời kỳ|thời điểm|bước)\s+(?P<num>\d{1,2}|[IVX]{1,4}|thứ\s+\w+|một|hai|ba|bốn|năm)"
                    r"\s*(?:[:.\-–—)]\s*|\s+|$)(?P<title>.*)$", re.I)
LETTER = re.compile(r"^(?P<label>[a-zđ])\s*\)\s*(?P<title>\S.*)$|^(?P<label2>[a-zđ])\.\s+(?P<title2>\S.*)$")
BULLET = re.compile(r"^(?:[-–—+•·●▪►❖✓]\s*)+(?P<title>.*)$")
MOMENT_WORDS = re.compile(r"^(?:ngay\s+)?(truoc|trong|sau)\b")


@dataclass
class Node:
    style: str                 # roman | n1 | n2 | n3 | n4 | series | letter | moment | root
    label: str
    title: str
    line: Line | None
    children: list["Node"] = field(default_factory=list)
    content: list[Line] = field(default_factory=list)   # bullets / paragraphs directly under it
    parent: "Node | None" = None

    @property
    def no(self) -> int:
        return self.line.no if self.line else 0

    def headings(self):
        for c in self.children:
            yield c
            yield from c.headings()

    def all_lines(self):
        """Every line under this heading, in document order, headings included."""
        items = [(ln.no, ln, None) for ln in self.content] + [(c.no, None, c) for c in self.children]
        for _, ln, child in sorted(items, key=lambda t: t[0]):
            if ln is not None:
                yield ln
            else:
                yield child.line
                yield from child.all_lines()


def inside(node: Node, anc: Node) -> bool:
    """Is `node` somewhere below `anc` in the outline?"""
    p = node.parent
    while p is not None:
        if p is anc:
            return True
        p = p.parent
    return False


def strip_bullet(text: str) -> str:
    m = BULLET.match(text)
    return collapse(m["title"]) if m else text


def classify(ln: Line, roman_ok: bool = True) -> tuple[str, str, str] | None:
    """(style, label, title) if the line is a heading, else None."""
    t = ln.text
    if roman_ok:
        m = ROMAN.match(t)
        if m and (is_upper(m["title"]) or len(m["title"]) < 60) and not m["title"].startswith(("/", "-")):
            return "roman", m["label"], _title(m["title"])
    # "- Đợt 1 (từ ... đến ...): ..." typed as a bullet is still a series heading.
    t_series = strip_bullet(t) if BULLET.match(t) else t
    m = SERIES.match(t_series)
    if m:
        t = t_series
        word = t[:m.end("word")]
        return "series", collapse(f"{word[0].upper()}{word[1:]} {m['num']}"), _title(m["title"])
    m = NUMBER.match(t)
    if m:
        label = re.sub(r"\s+", "", m["label"]).rstrip(".")
        depth = label.count(".") + 1
        if depth == 1 and int(label) > 40:
            return None
        return f"n{depth}", label, _title(m["title"])
    m = LETTER.match(t)
    if m:
        return "letter", m["label"] or m["label2"], _title(m["title"] or m["title2"])
    if is_moment_line(ln):
        return "moment", "", _title(strip_bullet(t))
    return None


def is_moment_line(ln: Line) -> bool:
    """'*Trước khai mạc ...:*' style sub-headings (before / during / after)."""
    body = strip_bullet(ln.text)
    f = fold(body)
    if not MOMENT_WORDS.match(f):
        return False
    if f.startswith(("trong do", "trong qua trinh", "sau do", "truoc het", "trong nhung")):
        return False
    bulleted = body != ln.text
    return ln.starred or (not bulleted and body.endswith(":") and len(body) < 200)


def _title(s: str) -> str:
    return collapse(s).rstrip(" :.;,")


def moment_when(title: str) -> str | None:
    m = MOMENT_WORDS.match(fold(title))
    return {"truoc": "before", "trong": "during", "sau": "after"}[m.group(1)] if m else None


def build(lines: list[Line]) -> Node:
    root = Node("root", "", "", None)
    stack = [root]
    # Roman headings only count when several exist: a lone "I." may be prose.
    romans = sum(1 for ln in lines if ln.cell is None and ROMAN.match(ln.text) and is_upper(ROMAN.match(ln.text)["title"]))
    for ln in lines:
        # A table's cells are the content of the part the table sits in, never its headings.
        c = classify(ln, roman_ok=romans >= 2) if ln.cell is None else None
        if c is None:
            stack[-1].content.append(ln)
            continue
        style, label, title = c
        if style == "roman":
            del stack[1:]
        else:
            for i in range(len(stack) - 1, 0, -1):
                if stack[i].style == style:
                    del stack[i:]
                    break
        node = Node(style, label, title, ln, parent=stack[-1])
        stack[-1].children.append(node)
        stack.append(node)
    return root
