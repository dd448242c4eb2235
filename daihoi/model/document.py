"""The text of a plan as received: its blocks in order, with their own headings and numbering.

A plan's content file holds the document word for word below its front matter, in
Markdown. This module turns that Markdown into blocks and back:

    heading   "## I. MỤC ĐÍCH, YÊU CẦU"          level = the number of "#"
    para      "1. Tuyên truyền sâu rộng ..."     numbering stays in the text
    item      "- Tầm vóc, ý nghĩa ..."           marker "-" or "+", level = nesting depth
    table     "| Thời gian | Nội dung |"         rows of cells

Numbering is text, never markup: "1." in front of a paragraph is the document's own
number and every output prints it as written (a Markdown renderer would renumber a
list that starts at 3, or restart it after a heading). Parsing is markdown-it-py
(CommonMark, raw HTML off: a plan's text can never carry markup into a page); this
module only maps its tokens to blocks. The web page, the PDF and the Word file are
all drawn from these blocks, so the three say the same words in the same order.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Run", "Block", "parse", "to_markdown", "plain", "match_key", "runs_text"]


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    kind: str                                  # heading | para | item | table
    runs: tuple[Run, ...] = ()
    level: int = 0                             # heading: 1-6; item: nesting depth from 0
    marker: str = ""                           # item: the bullet as printed: "-", "+" or "*"
    rows: tuple[tuple[tuple[Run, ...], ...], ...] = ()   # table: rows of cells (first row = header)
    line: int = 0                              # 1-based line of the content file where it starts
    end_line: int = 0                          # last line (inclusive)
    links: tuple[str, ...] = ()                # addresses of Markdown links in it (kept as text: see resolve)

    @property
    def text(self) -> str:
        if self.kind == "table":
            return " ".join(runs_text(c) for row in self.rows for c in row)
        return runs_text(self.runs)


def runs_text(runs) -> str:
    return "".join(r.text for r in runs)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def parse(markdown: str, first_line: int = 1) -> list[Block]:
    """Blocks of a plan's Markdown body. `first_line`: the file line the body starts on."""
    tokens = _parser().parse(markdown or "")
    out: list[Block] = []
    lists: list[dict] = []          # open lists: {"ordered", "marker", "depth"}
    pending: dict | None = None     # the list item whose first paragraph is next
    i = 0
    while i < len(tokens):
        t = tokens[i]
        line = (t.map[0] + first_line) if t.map else 0
        end = (t.map[1] + first_line - 1) if t.map else line
        if t.type in ("bullet_list_open", "ordered_list_open"):
            depth = sum(1 for li in lists if not li["ordered"])
            lists.append({"ordered": t.type == "ordered_list_open", "marker": t.markup, "depth": depth})
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t.type == "list_item_open":
            pending = {"number": f"{t.info}{t.markup} " if lists[-1]["ordered"] else "", "line": line, "end": end,
                       "list": lists[-1]}
        elif t.type == "heading_open":
            runs = _inline(tokens[i + 1])
            out.append(Block("heading", runs, level=len(t.markup), line=line, end_line=end, links=_links(tokens[i + 1])))
            i += 2
        elif t.type == "paragraph_open":
            runs, links = _inline(tokens[i + 1]), _links(tokens[i + 1])
            if pending is not None:
                current = pending["list"]
                if current["ordered"]:
                    # "1. text": the document's own number, kept as text.
                    runs = (Run(pending["number"]),) + runs
                    out.append(Block("para", _merge(runs), line=pending["line"], end_line=end, links=links))
                else:
                    out.append(Block("item", runs, level=current["depth"], marker=current["marker"],
                                     line=pending["line"], end_line=end, links=links))
                pending = None
            else:
                out.append(Block("para", runs, line=line, end_line=end, links=links))
            i += 2
        elif t.type == "table_open":
            rows, j = [], i + 1
            row: list = []
            while tokens[j].type != "table_close":
                tj = tokens[j]
                if tj.type == "tr_open":
                    row = []
                elif tj.type == "tr_close":
                    rows.append(tuple(row))
                elif tj.type == "inline":
                    row.append(_inline(tj))
                j += 1
            out.append(Block("table", rows=tuple(rows), line=line, end_line=end))
            i = j
        elif t.type in ("fence", "code_block"):
            # Indented text (pasted with leading spaces) is prose, not code.
            for k, text in enumerate(t.content.rstrip("\n").split("\n\n")):
                if text.strip():
                    out.append(Block("para", (Run(" ".join(text.split())),), line=line, end_line=end))
        elif t.type == "blockquote_open" or t.type == "hr":
            pass
        i += 1
    return out


def _links(token) -> tuple[str, ...]:
    return tuple(c.attrGet("href") or "" for c in token.children or () if c.type == "link_open")


def _inline(token) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    for c in token.children or ():
        if c.type == "strong_open":
            bold += 1
        elif c.type == "strong_close":
            bold -= 1
        elif c.type == "em_open":
            italic += 1
        elif c.type == "em_close":
            italic -= 1
        elif c.type in ("text", "code_inline"):
            runs.append(Run(c.content, bold > 0, italic > 0))
        elif c.type in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bold > 0, italic > 0))
        elif c.type == "image":
            runs.append(Run(c.content, bold > 0, italic > 0))
        # link_open/close: the link's text is kept (a plan prints addresses as text)
    return _merge(runs)


def _merge(runs) -> tuple[Run, ...]:
    out: list[Run] = []
    for r in runs:
        text = unicodedata.normalize("NFC", r.text)
        if not text:
            continue
        if out and (out[-1].bold, out[-1].italic) == (r.bold, r.italic):
            out[-1] = Run(out[-1].text + text, r.bold, r.italic)
        else:
            out.append(Run(text, r.bold, r.italic))
    if out:
        out[0] = Run(out[0].text.lstrip(), out[0].bold, out[0].italic)
        out[-1] = Run(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    merged = []
    for r in out:
        collapsed = re.sub(r"\s+", " ", r.text)
        if collapsed:
            merged.append(Run(collapsed, r.bold, r.italic))
    return tuple(merged)


# ---------------------------------------------------------------- writing Markdown

_ESCAPE_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_ESCAPE_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+*](?=\s|$)|>|=+\s*$|-{3,}\s*$|\d{1,9}(?=[.)](?:\s|$)))")


def _escape(text: str, start: bool) -> str:
    text = _ESCAPE_INLINE.sub(r"\\\1", text)
    text = text.replace("&", "&amp;") if re.search(r"&[#A-Za-z0-9]+;", text) else text
    if start:
        m = _ESCAPE_START.match(text)
        if m:
            s = m.group(0)
            if s[0].isdigit():
                return text  # a number at the start stays as written: parse() keeps it as text
            text = "\\" + text
    return text


def _runs_md(runs, number_ok: bool = True) -> str:
    out = []
    for k, r in enumerate(runs):
        text = _escape(r.text, start=k == 0)
        if not r.text.strip():
            out.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        core = text.strip()
        if r.bold and r.italic:
            core = f"***{core}***"
        elif r.bold:
            core = f"**{core}**"
        elif r.italic:
            core = f"*{core}*"
        out.append(lead + core + trail)
    md = "".join(out)
    if not number_ok:
        md = re.sub(r"^(\d{1,9})([.)])", r"\1\\\2", md)
    return md


def to_markdown(blocks) -> str:
    """Blocks as the Markdown body of a content file; `parse` gives the same blocks back."""
    text = ""
    prev: Block | None = None
    for b in blocks:
        if b.kind == "heading":
            chunk = f"{'#' * max(1, min(6, b.level))} {_runs_md(b.runs)}"
        elif b.kind == "item":
            # An item nests at most one level below the item before it; after anything else it
            # starts a list of its own (CommonMark reads indentation, not our level number).
            level = min(b.level, prev.level + 1) if prev is not None and prev.kind == "item" else 0
            b = Block("item", b.runs, level=level, marker=b.marker if b.marker in ("-", "+", "*") else "-")
            chunk = f"{'  ' * level}{b.marker} {_runs_md(b.runs)}"
        elif b.kind == "table":
            if not b.rows:
                continue
            rows = [[_runs_md(c) or " " for c in row] for row in b.rows]
            width = max(len(r) for r in rows)
            rows = [r + [" "] * (width - len(r)) for r in rows]
            chunk = "\n".join(["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
                              + ["| " + " | ".join(r) + " |" for r in rows[1:]])
        else:
            chunk = _runs_md(b.runs, number_ok=_numbered_ok(b))
        # Items of one list are one line apart; everything else is a paragraph of its own.
        sep = "\n" if prev is not None and prev.kind == "item" and b.kind == "item" else "\n\n"
        text = chunk if prev is None else text + sep + chunk
        prev = b
    return text + "\n" if text else ""


def _numbered_ok(b: Block) -> bool:
    """A paragraph may start with "1." as written only if parse() reads it back as the same text:
    an ordered-list item must start with its number and hold the rest in one paragraph."""
    text = runs_text(b.runs)
    m = re.match(r"^(\d{1,9})([.)]) (\S)", text)
    if not m:
        return False
    first = b.runs[0] if b.runs else None
    return bool(first) and not first.bold and not first.italic and first.text.startswith(m.group(0)[:-1])


# ---------------------------------------------------------------- finding text

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([!?.,;:…)\]”’])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[“‘])\s+")


def plain(text: str) -> str:
    """NFC, white space collapsed, no space before closing punctuation."""
    text = unicodedata.normalize("NFC", text or "")
    text = re.sub(r"\s+", " ", text).strip()
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _SPACE_AFTER_OPEN.sub(r"\1", text)


def match_key(text: str) -> str:
    """How quoted text is compared with the document: case, spacing, dashes and quotes aside."""
    text = plain(text).casefold()
    text = re.sub(r"[–—‐-‒−]", "-", text)
    text = re.sub(r"[“”\"]", '"', text)
    text = re.sub(r"[‘’']", "'", text)
    return re.sub(r"\s*-\s*", " - ", text).strip(" .:;,")
