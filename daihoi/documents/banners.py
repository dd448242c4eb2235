"""Slogan banners (băng rôn, pa nô) as print-ready PDFs, and the slogan list as .docx/.txt.

Supported sizes (BANNER_FORMATS):
- "bang-ron": a 1:5 strip, 2000 × 400 mm, one slogan per page; print shops scale the
  vector file to the usual 0.6 × 3 m, 0.8 × 4 m or 1 × 5 m cloth.
- "pano-a3": an A3 landscape panel, 420 × 297 mm (prints on A4 with "fit to page",
  same 1:√2 proportions).

The font size is fitted per slogan: the words are split into 1..N lines with the most
balanced breaks (between words, never inside one: daihoi/text/linebreak.py), and the
largest size at which the widest line and the whole block fit inside the safe area wins,
with fewer lines preferred unless more lines give clearly larger letters. Measured with the font's own
advance widths, the same numbers the PDF uses, so the text cannot overflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from daihoi.text import linebreak

from . import fonts
from daihoi.text.vndate import short_form
from daihoi.text.vntext import clean as nfc

__all__ = [
    "BannerFormat",
    "BANNER_FORMATS",
    "COLORS",
    "fit_text",
    "FittedText",
    "render_banner_alone",
    "render_banners_pdf",
    "render_slogans_docx",
    "render_slogans_txt",
    "text_width_em",
]

PT = 25.4 / 72  # mm per point


@dataclass(frozen=True)
class BannerFormat:
    key: str
    label: str  # Vietnamese, shown on the download button
    width_mm: float
    height_mm: float
    margin_ratio: float  # safe margin as a share of the height
    max_lines: int
    qr_ratio: float  # QR side as a share of the height (0: none)


BANNER_FORMATS = {
    "bang-ron": BannerFormat("bang-ron", "Băng rôn 1:5 (2000 × 400 mm)", 2000, 400, 0.10, 4, 0.42),
    "pano-a3": BannerFormat("pano-a3", "Pa nô A3 ngang (420 × 297 mm)", 420, 297, 0.08, 5, 0.16),
}

# Flag red (#DA251D) with flag yellow or white letters.
COLORS = {
    "nen-do": (218, 37, 29),
    "vang": (255, 221, 0),
    "trang": (255, 255, 255),
}
LINE_PITCH = 1.18  # baseline to baseline, in em


@lru_cache(maxsize=1)
def _metrics() -> tuple[dict[int, float], float, float]:
    # fontTools, fpdf2 and python-docx are imported where they are used: a build whose documents all
    # come from the cache (daihoi/documents/cache.py) does not load them (half a second).
    from fontTools.ttLib import TTFont

    font = TTFont(str(fonts.SANS_BOLD), lazy=True)
    upm = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths = {cp: hmtx[name][0] / upm for cp, name in cmap.items()}
    # hhea ascent/descent bound every Vietnamese stacked mark of this font (checked
    # against the glyph boxes: Ẩ reaches 1835/2048, ascent is 1854/2048).
    return widths, font["hhea"].ascent / upm, -font["hhea"].descent / upm


def text_width_em(text: str) -> float:
    widths, _, _ = _metrics()
    missing = widths.get(0x25A1, 0.6)
    return sum(widths.get(ord(c), missing) for c in text)


@dataclass(frozen=True)
class FittedText:
    size_pt: float
    lines: tuple[str, ...]
    block_height_mm: float
    widest_mm: float


def _balanced(words: list[str], n: int) -> tuple[float, list[str]]:
    """Split words into n lines minimising the widest line (dynamic programming)."""
    space = text_width_em(" ")
    m = len(words)
    prefix = [0.0]
    for x in words:
        prefix.append(prefix[-1] + text_width_em(x))

    def span(i: int, j: int) -> float:  # words[i:j] on one line
        return prefix[j] - prefix[i] + space * (j - i - 1)

    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    cut = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for k in range(1, n + 1):
        for j in range(k, m + 1):
            for i in range(k - 1, j):
                cand = max(best[k - 1][i], span(i, j))
                # "<" keeps the earliest break on ties: deterministic output.
                if cand < best[k][j]:
                    best[k][j], cut[k][j] = cand, i
    lines, j = [], m
    for k in range(n, 0, -1):
        i = cut[k][j]
        lines.append(" ".join(words[i:j]))
        j = i
    return best[n][m], lines[::-1]


# A banner is read from across a street: one more line must buy letters this much larger
# (else the fewer lines win), so that a slogan is not cut into many short lines for a
# hair's breadth of letter height.
MORE_LINES_GAIN = 1.08


@lru_cache(maxsize=256)  # the same slogan is fitted for the strip, the panel, the single file
def fit_text(text: str, box_w_mm: float, box_h_mm: float, *, max_lines: int, max_size_pt: float | None = None) -> FittedText:
    """The largest font size at which `text` fits the box on at most `max_lines` lines, lines
    broken between words, never inside one (daihoi.text.linebreak: "Đảng bộ", "dân tộc" stay
    whole), with the fewest lines unless more lines give letters MORE_LINES_GAIN larger."""
    words = linebreak.units(nfc(text))
    _, asc, desc = _metrics()
    best: FittedText | None = None
    for n in range(1, min(max_lines, len(words)) + 1):
        widest_em, lines = _balanced(words, n)
        height_em = (n - 1) * LINE_PITCH + asc + desc
        size = min(box_w_mm / (widest_em * PT), box_h_mm / (height_em * PT))
        if max_size_pt:
            size = min(size, max_size_pt)
        size = int(size * 10) / 10  # round down to 0.1 pt: never a hair too big
        fitted = FittedText(size, tuple(lines), height_em * size * PT, widest_em * size * PT)
        if best is None or size > best.size_pt * MORE_LINES_GAIN:
            best = fitted
    assert best is not None
    return best


def _banner_page(pdf, fmt: BannerFormat, slogan: str, color: tuple[int, int, int], qr_url: str | None) -> None:
    from .pdf_plan import draw_qr

    pdf.add_page()
    W, H = fmt.width_mm, fmt.height_mm
    pdf.set_fill_color(*COLORS["nen-do"])
    pdf.rect(0, 0, W, H, style="F")
    margin = H * fmt.margin_ratio
    # A thin frame in the letter colour, inside the safe margin, as banners are sewn.
    pdf.set_draw_color(*color)
    pdf.set_line_width(H * 0.006)
    pdf.rect(margin / 2, margin / 2, W - margin, H - margin)
    left, right, top, bottom = margin, W - margin, margin, H - margin
    if qr_url and fmt.qr_ratio:
        side = H * fmt.qr_ratio
        draw_qr(pdf, qr_url, right - side, bottom - side, side)
        # The text keeps clear of the QR code on its whole height on a strip, and
        # above it on a panel (where the QR is small in a corner).
        if fmt.key == "bang-ron":
            right -= side + margin / 2
            left += side + margin / 2  # symmetric, so the slogan stays centred
        else:
            bottom -= side + margin / 4
    fitted = fit_text(slogan, right - left, bottom - top, max_lines=fmt.max_lines, max_size_pt=H / PT * 0.5)
    _, asc, _ = _metrics()
    pdf.set_font("sans", "B", fitted.size_pt)
    pdf.set_text_color(*color)
    pitch = LINE_PITCH * fitted.size_pt * PT
    y = top + (bottom - top - fitted.block_height_mm) / 2 + asc * fitted.size_pt * PT
    for line in fitted.lines:
        w = text_width_em(line) * fitted.size_pt * PT
        pdf.text(left + (right - left - w) / 2, y, line)
        y += pitch


def render_banners_pdf(
    slogans: list[str], fmt_key: str, *, doc_date: date, qr_url: str | None, color: str = "vang", title: str = ""
) -> bytes:
    """One page per slogan, in the given format."""
    return _drawn(tuple(slogans), fmt_key, doc_date, qr_url, color, title)


def render_banner_alone(slogans: list[str], number: int, fmt_key: str, *, doc_date: date, qr_url: str | None,
                        color: str = "vang", title: str = "", whole_title: str = "") -> bytes:
    """Slogan `number` (from 1) of `slogans` on its own: that page of render_banners_pdf(slogans, ...,
    title=whole_title), copied into a file of its own titled `title` (daihoi/documents/pdf_pages.py)."""
    from .pdf_pages import page_alone

    whole = _drawn(tuple(slogans), fmt_key, doc_date, qr_url, color, whole_title)
    return page_alone(whole, number - 1, title)


# A worker makes the single strips of a plan one after another (and often the strip of all before
# them): the file of all is drawn once, not once for each.
@lru_cache(maxsize=4)
def _drawn(slogans: tuple, fmt_key: str, doc_date: date, qr_url: str | None, color: str, title: str) -> bytes:
    from .pdf_plan import new_pdf

    fmt = BANNER_FORMATS[fmt_key]
    pdf = new_pdf(orientation="L", fmt=(fmt.height_mm, fmt.width_mm), creation=doc_date, family="sans")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_title(title or "Khẩu hiệu tuyên truyền")
    for slogan in slogans:
        _banner_page(pdf, fmt, nfc(slogan), COLORS[color], qr_url)
    return bytes(pdf.output())


def _source_line(plan) -> str:
    """"(Kèm theo Kế hoạch số 07-KH/ĐUK ngày 04/01/2016 của …)"; the issuer only when the plan has one."""
    parts = [f"Kèm theo {plan.name}", f"ngày {short_form(plan.date)}"]
    if plan.issuer:
        parts.append(f"của {plan.issuer}")
    return "(" + " ".join(parts) + ")"


def render_slogans_txt(plan) -> bytes:
    """Plain UTF-8 text with CRLF line ends: opens right in Notepad and in any editor."""
    lines = ["KHẨU HIỆU TUYÊN TRUYỀN", _source_line(plan), ""]
    lines += [f"{i}. {s.text}" for i, s in enumerate(plan.slogans, 1)]
    if plan.slogan_display_text:
        lines += ["", plan.slogan_display_text + "."]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def render_slogans_docx(plan, *, doc_date: date) -> bytes:
    """`plan`: a resolved plan (daihoi.model.plan.Plan)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from .docx_common import new_document, save_reproducible, set_run_font
    from .pdf_plan import PAGE_MARGINS_MM

    doc = new_document(
        title="Khẩu hiệu tuyên truyền", author=plan.issuer, doc_date=doc_date, margins_mm=PAGE_MARGINS_MM
    )
    p = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(p.add_run("KHẨU HIỆU TUYÊN TRUYỀN"), size=15, bold=True)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(12)
    set_run_font(p.add_run(_source_line(plan)), size=13, italic=True)
    for i, slogan in enumerate(plan.slogans, 1):
        q = doc.add_paragraph()
        q.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        set_run_font(q.add_run(f"{i}. "), size=14, bold=True)
        set_run_font(q.add_run(slogan.text), size=14)
    if plan.slogan_display_text:
        q = doc.add_paragraph()
        set_run_font(q.add_run(plan.slogan_display_text + "."), size=14, italic=True)
    return save_reproducible(doc)
