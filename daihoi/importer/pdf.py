"""PDF with a text layer -> lines (pieces), rebuilt from text positions. A scan is refused clearly.

A PDF has no paragraphs, cells or columns, only text drawn at positions. pypdf
reads the text and, through its visitor callbacks, where each piece is drawn and
in which font; this module puts the page back together from that:

- widths: the advance of every text operation, from the font's own width table
  (pypdf's text width helper looks widths up by Unicode letter, but a subset font
  stores them by character code, so the codes are measured here);
- tables: the ruling lines a printed Word table draws (m/l strokes or thin filled
  rectangles) make a grid; text inside a cell becomes that cell's lines, tagged
  (table, row, column) like a Word table, rows continued across pages;
- columns: in the header ("ĐẢNG BỘ … / ĐẢNG CỘNG SẢN VIỆT NAM") and the closing
  block ("Nơi nhận" beside the signer) the text of each side is read side by side;
  a cell's wrapped line is joined to the line above when it is in the same font
  and the line above had no room left for its first word in that column;
- paragraphs: a line continues the one above when the one above was full (its
  end plus the next line's first word would pass the right margin), the next line
  is not indented as a new paragraph or a new item, and no wider gap separates them.

pdfplumber does the same from pdfminer's layout, but took 1.2 s on a 19-page plan
(pypdf: 0.4 s) and would add six packages to what editors install; pypdf is
already the runtime's PDF reader.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .decode import Piece, starts_block as _starts_block
from .errors import PlanImportError
from . import pdftext


@dataclass
class Chunk:
    """Text pypdf reports at one position (a word run in one font), with its extent."""
    page: int
    x: float
    y: float
    text: str
    font: str
    size: float
    x1: float = 0.0

    @property
    def bold(self) -> bool:
        return bool(re.search(r"bold|heavy|black|semibold|demi", self.font, re.I))

    @property
    def italic(self) -> bool:
        return bool(re.search(r"italic|oblique", self.font, re.I))


@dataclass
class VLine:
    """A visual line: chunks on one baseline, split into segments at wide gaps."""
    page: int
    y: float
    segments: list[list[Chunk]]
    cell: tuple[int, int, int] | None = None

    @property
    def x0(self) -> float:
        return self.segments[0][0].x

    @property
    def x1(self) -> float:
        """Where the last visual line ends (a joined paragraph: its last line)."""
        last = self.segments[-1][-1]
        return max(c.x1 for c in self.segments[-1] if c.page == last.page and abs(c.y - last.y) < 0.4 * c.size)

    @property
    def last_y(self) -> float:
        return self.segments[-1][-1].y

    @property
    def last_page(self) -> int:
        return self.segments[-1][-1].page

    @property
    def size(self) -> float:
        return max(c.size for seg in self.segments for c in seg)

    def seg_text(self, seg: list[Chunk]) -> str:
        out = ""
        for i, c in enumerate(seg):
            new_line = abs(c.y - seg[i - 1].y) > 0.4 * c.size or c.page != seg[i - 1].page
            # "05-" / "CT/TW": a line broken after a hyphen inside a word or a code joins without a space.
            hyphen = new_line and re.search(r"[^\s-]-$", out) is not None
            if i and not out.endswith(" ") and not c.text.startswith(" ") and not hyphen and (
                    c.x - seg[i - 1].x1 > 0.15 * c.size or new_line):
                out += " "
            out += c.text
        # A text layer that kept the typed layout: tabs and runs of spaces still part columns.
        out = re.sub(r"[ \u00a0]*(?:\t|[ \u00a0]{3,})[ \u00a0\t]*", "\t", out.strip())
        return re.sub(r"[^\S\t]+", " ", out)

    @property
    def text(self) -> str:
        return "\t".join(self.seg_text(s) for s in self.segments)

    def chunks(self):
        return [c for s in self.segments for c in s]


# ---------------------------------------------------------------- one page


class _Font:
    """Advance widths of a PDF font by character code (simple fonts: one byte; Type0: two)."""

    def __init__(self, fd):
        self.two_bytes = fd.get("/Subtype") == "/Type0"
        self.widths: dict[int, float] = {}
        self.default = 500.0
        self.name = str(fd.get("/BaseFont", ""))
        try:
            self.widths, self.default = pdftext.font_widths(fd)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            pass

    def codes(self, raw: bytes) -> list[int]:
        if self.two_bytes:
            return [raw[i] << 8 | (raw[i + 1] if i + 1 < len(raw) else 0) for i in range(0, len(raw), 2)]
        return list(raw)

    def advance(self, raw: bytes, size: float, tc: float, tw: float) -> float:
        total = 0.0
        for code in self.codes(raw):
            total += self.widths.get(code, self.default) / 1000 * size + tc
            if code == 32 and not self.two_bytes:
                total += tw
        return total


def _raw(obj) -> bytes:
    if isinstance(obj, bytes):
        return bytes(obj)
    for attr in ("original_bytes", "get_original_bytes"):
        v = getattr(obj, attr, None)
        if v is not None:
            return v() if callable(v) else v
    return str(obj).encode("latin-1", "replace")


def _page_items(page, number: int, fonts_cache: dict | None = None
                ) -> tuple[list[Chunk], list[tuple[float, float, float, float]], float]:
    """(text chunks with extents, ruling segments (x0, y0, x1, y1), page width) of one page:
    read by pdftext, or by pypdf's extractor when pdftext does not handle the page."""
    try:
        width = float(page.mediabox.width)
    except Exception:  # noqa: BLE001
        width = 595.0
    try:
        if pdftext.has_forms(page):
            raise pdftext.Unsupported("form XObject")
        fonts = pdftext.page_fonts(page, fonts_cache)
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        chunks, rules = [], []
        for item in pdftext.read_page(data, fonts):
            if item[0] == "text":
                _, x, y, x1, text, font, size = item
                chunks.append(Chunk(number, x, y, text, font, size, max(x1, x + 0.1)))
            else:
                rules.append(item[1:])
        return chunks, rules, width
    except pdftext.Unsupported:
        pass
    except Exception:  # noqa: BLE001 - an odd stream: pypdf's reader is the fallback
        pass
    return _page_items_pypdf(page, number)


def _page_items_pypdf(page, number: int) -> tuple[list[Chunk], list[tuple[float, float, float, float]], float]:
    """(text chunks with extents, ruling segments (x0, y0, x1, y1), page width) of one page, by pypdf."""
    fonts: dict[str, _Font] = {}
    try:
        res = page.get("/Resources")
        font_res = res.get_object().get("/Font") if res is not None else None
        font_res = font_res.get_object() if font_res is not None else {}
        for name, ref in font_res.items():
            try:
                fonts[name] = _Font(ref.get_object())
            except Exception:  # noqa: BLE001 - one odd font must not lose the page
                pass
    except Exception:  # noqa: BLE001
        pass
    state = {"font": None, "size": 0.0, "tc": 0.0, "tw": 0.0, "tz": 1.0, "path": [], "pos": None}
    extents: list[tuple[float, float, float, float]] = []     # (x0, x1, y, size) per show operation
    rules: list[tuple[float, float, float, float]] = []

    def to_page(cm, x, y):
        return cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5]

    def before(op, args, cm, tm):
        if op == b"Tf" and len(args) >= 2:
            state["font"], state["size"] = fonts.get(args[0]), float(args[1])
        elif op == b"Tc" and args:
            state["tc"] = float(args[0])
        elif op == b"Tw" and args:
            state["tw"] = float(args[0])
        elif op == b"Tz" and args:
            state["tz"] = float(args[0]) / 100
        elif op in (b"Tj", b"TJ", b"'", b'"') and state["font"] is not None:
            scale = (tm[0] * cm[0]) or 1.0
            size = state["size"]
            adv = 0.0
            items = args[0] if op == b"TJ" and args else args[-1:]
            for it in (items if isinstance(items, list) else [items]):
                if isinstance(it, (int, float)) and not isinstance(it, bool):
                    adv -= float(it) / 1000 * size
                elif hasattr(it, "__len__"):
                    adv += state["font"].advance(_raw(it), size, state["tc"], state["tw"])
            x0, y0 = to_page(cm, tm[4], tm[5])
            extents.append((x0, x0 + adv * state["tz"] * scale, y0, abs(size * (tm[3] * cm[3] or 1))))
        elif op == b"m" and len(args) >= 2:
            state["pos"] = to_page(cm, float(args[0]), float(args[1]))
        elif op == b"l" and len(args) >= 2 and state["pos"] is not None:
            x2, y2 = to_page(cm, float(args[0]), float(args[1]))
            x1, y1 = state["pos"]
            rules.append((x1, y1, x2, y2))
            state["pos"] = (x2, y2)
        elif op == b"re" and len(args) >= 4:
            x, y = to_page(cm, float(args[0]), float(args[1]))
            w, h = float(args[2]) * cm[0], float(args[3]) * cm[3]
            if 0 < abs(h) < 2.5 and abs(w) > 5:
                rules.append((x, y + h / 2, x + w, y + h / 2))
            elif 0 < abs(w) < 2.5 and abs(h) > 5:
                rules.append((x + w / 2, y, x + w / 2, y + h))

    chunks: list[Chunk] = []

    def text(t, cm, tm, fd, size):
        if not t or not t.strip() or fd is None:
            return
        x, y = to_page(cm, tm[4], tm[5])
        eff = abs(size * (tm[3] * cm[3] or 1)) or size
        for part in t.split("\n"):
            if part.strip():
                chunks.append(Chunk(number, x, y, part, str(fd.get("/BaseFont", "")), eff))

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    # Each chunk ends where the last show operation that starts inside it ends.
    by_line: dict[int, list] = {}
    for e in extents:
        by_line.setdefault(round(e[2]), []).append(e)
    for c in chunks:
        cands = [e for key in (round(c.y) - 1, round(c.y), round(c.y) + 1) for e in by_line.get(key, [])
                 if abs(e[2] - c.y) < 0.5 * c.size and e[0] >= c.x - 0.5]
        nexts = [o.x for o in chunks if o is not c and abs(o.y - c.y) < 0.5 * c.size and o.x > c.x + 0.5]
        limit = min(nexts) if nexts else float("inf")
        inside = [e[1] for e in cands if e[0] < limit - 0.5]
        c.x1 = max(inside) if inside else c.x + 0.5 * c.size * len(c.text)
    try:
        width = float(page.mediabox.width)
    except Exception:  # noqa: BLE001
        width = 595.0
    return chunks, rules, width


# ---------------------------------------------------------------- tables from ruling lines


@dataclass
class Grid:
    page: int
    xs: list[float]           # column boundaries, left to right
    ys: list[float]           # row boundaries, top to bottom (PDF y decreases downwards)
    table: int = 0
    first_row: int = 0

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        if not (self.xs[0] - 1 <= x <= self.xs[-1] + 1 and self.ys[-1] - 1 <= y <= self.ys[0] + 1):
            return None
        col = max(i for i, b in enumerate(self.xs[:-1]) if x >= b - 1)
        row = max(i for i, b in enumerate(self.ys[:-1]) if y <= b + 1)
        return row, col


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _grids(rules, page: int) -> list[Grid]:
    horiz = [(min(x0, x1), max(x0, x1), y0) for x0, y0, x1, y1 in rules if abs(y0 - y1) < 1 and abs(x1 - x0) > 20]
    vert = [(x0, min(y0, y1), max(y0, y1)) for x0, y0, x1, y1 in rules if abs(x0 - x1) < 1 and abs(y1 - y0) > 5]
    if len(vert) < 2 or len(horiz) < 2:
        return []
    # Vertical rules whose spans overlap belong to one table.
    groups: list[list] = []
    for v in sorted(vert, key=lambda v: -v[2]):
        for g in groups:
            if any(v[1] < o[2] - 1 and o[1] < v[2] - 1 for o in g):
                g.append(v)
                break
        else:
            groups.append([v])
    grids = []
    for g in groups:
        xs = _cluster([v[0] for v in g])
        if len(xs) < 3:          # one box (a frame, an underline pair) is not a table
            continue
        top, bottom = max(v[2] for v in g), min(v[1] for v in g)
        ys = _cluster([h[2] for h in horiz if h[0] <= xs[0] + 3 and h[1] >= xs[-1] - 3 and bottom - 2 <= h[2] <= top + 2]
                      + [h[2] for h in horiz if h[0] <= xs[1] + 3 and h[1] >= xs[1] and bottom - 2 <= h[2] <= top + 2])
        ys = sorted(set(ys + [top, bottom]), reverse=True)
        ys = [y for i, y in enumerate(ys) if i == 0 or ys[i - 1] - y > 2]
        if len(ys) >= 2:
            grids.append(Grid(page, xs, ys))
    return grids


# ---------------------------------------------------------------- lines and paragraphs


def _lines(chunks: list[Chunk]) -> list[VLine]:
    """Chunks grouped by baseline, left to right, split into segments at wide gaps."""
    out: list[VLine] = []
    for c in sorted(chunks, key=lambda c: (c.page, -c.y, c.x)):
        if out and out[-1].page == c.page and abs(out[-1].y - c.y) < 0.4 * max(c.size, out[-1].size):
            out[-1].segments[0].append(c)
        else:
            out.append(VLine(c.page, c.y, [[c]]))
    for ln in out:
        cs = sorted(ln.segments[0], key=lambda c: c.x)
        segs = [[cs[0]]]
        for c in cs[1:]:
            gap = c.x - max(p.x1 for p in segs[-1])
            if gap > 1.2 * c.size:     # wider than any stretched space: the next column
                segs.append([c])
            else:
                segs[-1].append(c)
        ln.segments = segs
    # A column that starts at the same place on two or more lines also starts there on a line
    # where the left cell's text runs close to it (a left-aligned right column).
    starts = [round(ln.segments[1][0].x) for ln in out if len(ln.segments) >= 2]
    columns = {x for x in starts if starts.count(x) >= 2}
    for ln in out:
        if len(ln.segments) == 1 and len(ln.segments[0]) > 1 and columns:
            cs = ln.segments[0]
            for k in range(1, len(cs)):
                if round(cs[k].x) in columns and cs[k].x > cs[k - 1].x1 - 0.5:
                    ln.segments = [cs[:k], cs[k:]]
                    break
    return out


_FIRST_WORD = re.compile(r"^\S+")


def _wraps(prev: VLine, ln: VLine, right: float, tol: float) -> bool:
    """Was `prev` full, so that `ln` is its continuation? (its end + the next word > the right margin)"""
    text = ln.text
    word = _FIRST_WORD.match(text)
    chars = max(1, len(text))
    per_char = max(0.5, (ln.x1 - ln.x0) / chars)
    need = (len(word.group(0)) + 1) * per_char if word else per_char
    return prev.x1 + need >= right - tol


def _paragraphs(lines: list[VLine], left: float, right: float, leading: float) -> list[VLine]:
    out: list[VLine] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and len(prev.segments) == 1 and len(ln.segments) == 1 and prev.cell is None \
                and ln.cell is None and "\t" not in prev.text and "\t" not in ln.text:
            size = ln.size
            close = (prev.last_page == ln.page and prev.last_y - ln.y <= max(leading * 1.25, size * 1.2)) \
                or ln.page == prev.last_page + 1
            # A line set in from the margin after a finished sentence opens a paragraph (first-line indent).
            opens = ln.x0 > left + 0.8 * size and ln.x0 >= prev.x0 - 0.5 * size \
                and prev.text.rstrip().endswith((".", ":", ";", "!", "?"))
            letters = re.search(r"[^\W_]", ln.text) and re.search(r"[^\W_]", prev.text)
            if close and letters and not opens and not _starts_block(ln.text) and prev.x1 <= right + 3 * size \
                    and _wraps(prev, ln, right, 0.6 * size):
                prev.segments[0].extend(ln.segments[0])
                continue
        out.append(ln)
    return out


# Words a body's name or a signer's line starts with: such a line is never the tail of the one above.
_HEAD_WORD = re.compile(
    r"^(?:ĐẢNG (?:ỦY|BỘ|CỘNG)|(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ) (?:ỦY|ĐOÀN)|CHI (?:BỘ|ĐOÀN|HỘI)|ỦY BAN|UB|BAN |SỞ |"
    r"PHÒNG |TRƯỜNG |HỘI |CÔNG ĐOÀN|MẶT TRẬN|LIÊN (?:ĐOÀN|HIỆP)|TỔNG CÔNG TY|VĂN PHÒNG|BỘ |CỤC |VIỆN |TRUNG TÂM|"
    r"ĐOÀN |CỘNG HÒA|ĐỘC LẬP|PHÓ |CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|CHÁNH |TRƯỞNG |Số\b|Nơi nhận|T/M|TM\.|KT\.|K/T|[-+•])")


_MOTTO = re.compile(r"^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập)\s*$")
_DATE_LINE = re.compile(r",\s*ngày\s")


def _columns(lines: list[VLine], right_edge: float, join_right: bool = True) -> list[VLine]:
    """A two-column block (header, closing): each cell's wrapped lines joined, rows kept.

    A cell is as wide as its column: from the left text edge to where the right column
    starts, or from there to the right text edge. A line continues the cell's line above
    when it is in the same font, does not start a new name or item, and the line above
    had no room left for its first word."""
    if not lines:
        return lines
    seconds = [ln.segments[1][0].x for ln in lines if len(ln.segments) >= 2]
    if not seconds:
        return lines
    split = min(seconds) - 2
    cols: list[list[VLine]] = [[], []]
    for ln in lines:
        for seg in ln.segments:
            side = 1 if seg[0].x >= split else 0
            cols[side].append(VLine(ln.page, seg[0].y, [seg]))
    cells: list[tuple[int, VLine]] = []
    for side, col in enumerate(cols):
        if not col:
            continue
        lo = min(ln.x0 for ln in col)
        width = (split - lo) if side == 0 else (max(right_edge, max(ln.x1 for ln in col)) - split)
        # A cell that wrapped has a line about as wide as the cell: the widest line bounds it too.
        width = min(width, max(ln.x1 - ln.x0 for ln in col))
        merged: list[VLine] = []
        for ln in col:
            prev = merged[-1] if merged else None
            next_page = ln.page == prev.last_page + 1 if prev is not None else False
            if prev is not None and (side == 0 or join_right) \
                    and (prev.last_page == ln.page and prev.last_y - ln.y < 1.6 * ln.size or next_page) and re.search(r"[^\W_]", ln.text) and re.search(r"[^\W_]", prev.text):
                same_font = prev.chunks()[-1].font == ln.chunks()[0].font
                word = _FIRST_WORD.match(ln.text)
                per_char = max(0.5, (ln.x1 - ln.x0) / max(1, len(ln.text)))
                need = (len(word.group(0)) + 1) * per_char if word else per_char
                last_width = prev.x1 - min(c.x for c in prev.chunks() if abs(c.y - prev.last_y) < 0.4 * c.size)
                full = last_width + need > width - 6
                ends = prev.text.rstrip().endswith((".", ";", ",", ":", "!"))     # a finished entry
                fixed = bool(_MOTTO.match(prev.text)) or bool(_DATE_LINE.search(ln.text))
                if same_font and full and not ends and not fixed and not _HEAD_WORD.match(ln.text) \
                        and not _starts_block(ln.text):
                    prev.segments[0].extend(ln.segments[0])
                    continue
            merged.append(ln)
        cells += [(side, ln) for ln in merged]
    # Rows again: the cells that start on one baseline, left then right.
    rows: list[VLine] = []
    for side, cell in sorted(cells, key=lambda t: (t[1].page, -t[1].y, t[0])):
        if rows and rows[-1].page == cell.page and abs(rows[-1].y - cell.y) < 0.4 * cell.size and side == 1:
            rows[-1].segments.append(cell.segments[0])
        else:
            rows.append(VLine(cell.page, cell.y, [cell.segments[0]]))
    return rows


def _borderless(lines: list[VLine], table_no: int) -> tuple[list[VLine], int]:
    """A table printed without ruling lines: a run of lines whose pieces start at the same three
    or more places. Its cells are the text under each place; a row starts where the first column
    starts a cell (a number, or a capital: a cell's wrapped lines go on in lower case)."""
    out: list[VLine] = []
    i = 0
    while i < len(lines):
        if len(lines[i].segments) < 3 or lines[i].cell is not None:
            out.append(lines[i])
            i += 1
            continue
        starts = [s[0].x for s in lines[i].segments]
        size = lines[i].size
        j = i + 1
        while j < len(lines) and lines[j].page == lines[i].page and lines[j].cell is None \
                and lines[j - 1].y - lines[j].y < 2.2 * size \
                and all(any(abs(s[0].x - x) < 3 for x in starts) for s in lines[j].segments):
            j += 1
        block = lines[i:j]
        if sum(1 for ln in block if len(ln.segments) >= 3) < 2:
            out.append(lines[i])
            i += 1
            continue
        table_no += 1
        row = -1
        for ln in block:
            # Two cells whose texts run close together are still two: split at the column starts.
            segs = []
            for seg in ln.segments:
                cut = [0] + [k for k in range(1, len(seg)) if any(abs(seg[k].x - x) < 3 for x in starts)] + [len(seg)]
                segs += [seg[a:b] for a, b in zip(cut, cut[1:]) if seg[a:b]]
            cols: dict[int, list[Chunk]] = {}
            for seg in segs:
                k = min(range(len(starts)), key=lambda n: abs(starts[n] - seg[0].x))
                cols.setdefault(k, []).extend(seg)
            first = cols.get(0)
            text0 = "".join(c.text for c in first).strip() if first else ""
            if row < 0 or (text0 and (text0[0].isupper() or text0[0].isdigit())):
                row += 1
            for k, seg in sorted(cols.items()):
                out.append(VLine(ln.page, ln.y, [seg], cell=(1000 + table_no, row, k)))
        i = j
    # Lines of one cell: its paragraph, as in a ruled table.
    merged: list[VLine] = []
    for ln in out:
        prev = next((m for m in reversed(merged[-8:]) if m.cell == ln.cell), None) if ln.cell else None
        if prev is not None and ln.cell is not None and not _starts_block(ln.text):
            prev.segments[0].extend(ln.segments[0])
        else:
            merged.append(ln)
    return merged, table_no


def _layout(pages: list[tuple[list[Chunk], list, float]]) -> list[VLine]:
    """Every page's lines in reading order: table cells tagged, columns and paragraphs rebuilt."""
    lines_all: list[VLine] = []
    table_no = 0
    last_grid: Grid | None = None
    for chunks, rules, _width in pages:
        if not chunks:
            continue
        page = chunks[0].page
        grids = _grids(rules, page)
        for g in sorted(grids, key=lambda g: -g.ys[0]):
            # A table continued from the previous page keeps its number and counts its rows on.
            if last_grid is not None and last_grid.page == page - 1 and len(g.xs) == len(last_grid.xs) \
                    and all(abs(a - b) < 3 for a, b in zip(g.xs, last_grid.xs)):
                g.table, g.first_row = last_grid.table, last_grid.first_row + len(last_grid.ys) - 1
            else:
                table_no += 1
                g.table = table_no
            last_grid = g
        free, celled, tops = [], {}, {}
        for c in chunks:
            spot = None
            for g in grids:
                rc = g.cell_of(c.x + 0.5, c.y + 0.3 * c.size)
                if rc is not None:
                    spot = (g.table, g.first_row + rc[0], rc[1])
                    tops[spot] = g.ys[rc[0]]
                    break
            if spot is None:
                free.append(c)
            else:
                celled.setdefault(spot, []).append(c)
        free_lines, table_no = _borderless(_lines(free), table_no)
        keyed = [((-ln.y, 0, 0.0), ln) if ln.cell is None else ((-ln.y, 1 + ln.cell[2], 0.0), ln) for ln in free_lines]
        for spot, cs in celled.items():
            cell_lines = _lines(cs)
            for ln in cell_lines:
                ln.segments = [[c for s in ln.segments for c in s]]
                ln.cell = spot
            right = max(ln.x1 for ln in cell_lines)
            left = min(ln.x0 for ln in cell_lines)
            joined: list[VLine] = []
            for ln in cell_lines:
                if joined and not _starts_block(ln.text) and _wraps(joined[-1], ln, right, ln.size * 1.5) \
                        and ln.x0 <= left + 0.8 * ln.size:
                    joined[-1].segments[0].extend(ln.segments[0])
                else:
                    joined.append(ln)
            # Cells of one row are read together, at the row's top, left to right.
            keyed += [((-tops[spot], 1 + spot[2], -ln.y), ln) for ln in joined]
        keyed.sort(key=lambda t: t[0])
        lines_all += [ln for _, ln in keyed]
    return lines_all


def pdf_pieces(data: bytes, name: str = "") -> tuple[list[Piece], list[str]]:
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover
        raise PlanImportError("Thiếu thư viện pypdf để đọc tệp PDF.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001
                raise PlanImportError(f"Tệp PDF “{name}” có mật khẩu. Hãy gỡ mật khẩu hoặc gửi bản .docx.")
        cache: dict = {}
        pages = [_page_items(page, i, cache) for i, page in enumerate(reader.pages)]
    except PlanImportError:
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise PlanImportError(f"Không đọc được tệp PDF “{name}”: tệp bị hỏng ({type(e).__name__}).")
    letters = sum(len(re.findall(r"[^\W\d_]", c.text)) for chunks, _, _ in pages for c in chunks)
    if letters < 40:
        raise PlanImportError(
            f"Tệp PDF “{name}” không có lớp chữ (có thể là bản quét/ảnh chụp), nên không đọc được nội dung. "
            "Hãy dùng bản Word (.docx) gốc của kế hoạch, hoặc nhận dạng chữ (OCR) rồi lưu thành .docx hay .txt.")
    lines = _layout(pages)
    lines = [ln for ln in lines if not (ln.cell is None and re.fullmatch(
        r"\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*|\s*[Tt]rang\s+\d{1,3}.*", ln.text))]
    width = max((w for _, _, w in pages), default=595.0)
    laid_out = [ln for ln in lines if ln.cell is None]
    overflow = sum(1 for ln in laid_out if ln.x1 > width + 5)
    notes: list[str] = []
    if laid_out and overflow <= len(laid_out) // 10:
        # A laid-out page: rebuild columns and paragraphs. (A text layer whose lines run off
        # the page was never laid out: its lines are paragraphs already.)
        k = next((i for i, ln in enumerate(lines) if re.match(r"^\s*KẾ HOẠCH\b", ln.text)), None)
        tail = next((i for i in range(len(lines) - 1, -1, -1) if re.match(r"^\s*Nơi nhận", lines[i].text)), None)
        body = lines[k:] if k is not None else lines
        if tail is not None and (k is None or tail > k):
            body = lines[k or 0:tail]
        free = [ln for ln in body if ln.cell is None and len(ln.segments) == 1 and "\t" not in ln.text]
        left = min((ln.x0 for ln in free), default=0.0)
        ends = sorted(ln.x1 for ln in free)
        right = ends[int(len(ends) * 0.95)] if ends else width
        head = _columns(lines[:k], right) if k is not None else []
        closing: list[VLine] = []
        if tail is not None and (k is None or tail > k):
            closing = _columns(lines[tail:], right, join_right=False)
        gaps = sorted(a.y - b.y for a, b in zip(free, free[1:]) if a.page == b.page and 0 < a.y - b.y < 3 * a.size)
        leading = gaps[len(gaps) // 4] if gaps else 14.0      # the tighter gaps are the lines of one paragraph
        before = len(body)
        body = _paragraphs(body, left, right, leading)
        if before - len(body) > 0:
            notes_count = before - len(body)
            notes.append(f"dòng 1: tệp PDF không lưu đoạn văn; {notes_count} dòng bị ngắt đã được nối lại theo vị trí "
                         "chữ trên trang, cần đối chiếu đoạn nào nối nhầm")
        lines = head + body + closing
    pieces = []
    for ln in lines:
        cs = ln.chunks()
        body_cs = [c for c in cs if c.text.strip()]
        pieces.append(Piece(ln.text, bold=all(c.bold for c in body_cs), italic=all(c.italic for c in body_cs),
                            italic_start=bool(body_cs) and body_cs[0].italic and len(body_cs[0].text.strip()) > 2,
                            cell=ln.cell))
    from .notes import note
    return pieces, [note(1, "", n[len("dòng 1: "):]) for n in notes]


def pdf_text(data: bytes, name: str = "") -> str:
    return "\n".join(p.text for p in pdf_pieces(data, name)[0])
