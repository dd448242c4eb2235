"""The bundled fonts (Liberation 2.1.5, SIL OFL 1.1: see fonts/LICENSE-OFL.txt).

Bundled rather than looked up on the system so that a build on a fresh Linux box, in
CI or on an editor's Windows laptop embeds the very same glyphs: Liberation Serif is
metric-compatible with Times New Roman, which official documents are set in, and covers
all precomposed Vietnamese letters.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from pathlib import Path

FONT_DIR = Path(__file__).with_name("fonts")

SERIF = {
    "": FONT_DIR / "LiberationSerif-Regular.ttf",
    "B": FONT_DIR / "LiberationSerif-Bold.ttf",
    "I": FONT_DIR / "LiberationSerif-Italic.ttf",
    "BI": FONT_DIR / "LiberationSerif-BoldItalic.ttf",
}
# Banners are set in a bold grotesque, as printed banners are (Arial-like).
SANS_BOLD = FONT_DIR / "LiberationSans-Bold.ttf"
LICENSE = FONT_DIR / "LICENSE-OFL.txt"

# The family name Word shows: Times New Roman is on every Windows machine, and
# LibreOffice substitutes the metric-identical Liberation Serif, so line breaks match.
DOCX_FONT = "Times New Roman"


# Characters a PDF or Word file draws without a glyph (spaces, line breaks, invisible controls).
_NOT_DRAWN = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


@functools.lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points every bundled font can draw (text in any style, banners in the sans)."""
    from fontTools.ttLib import TTFont

    sets = []
    for path in (*SERIF.values(), SANS_BOLD):
        with TTFont(path, lazy=True) as font:
            sets.append(set(font.getBestCmap()))
    return frozenset(set.intersection(*sets))


def unprintable(text: str) -> list[str]:
    """The characters of `text` the bundled fonts have no glyph for, in order of first use:
    the PDF prints them as an empty box (Word falls back to another font on the reader's machine)."""
    covered = _covered()
    out: dict[str, None] = {}
    for ch in text:
        if ord(ch) not in covered and ch not in out and unicodedata.category(ch) not in _NOT_DRAWN:
            out[ch] = None
    return list(out)


class _NoGlyphNotice(logging.Filter):
    """fpdf2 logs "Font … is missing the following glyphs" in English when a file is written;
    the content check says it in Vietnamese, with the file and line (glyph_problems)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Font %s is missing the following glyphs")


logging.getLogger("fpdf.output").addFilter(_NoGlyphNotice())
