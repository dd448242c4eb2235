"""The bundled fonts (Liberation 2.1.5, SIL OFL 1.1: see fonts/LICENSE-OFL.txt).

Bundled rather than looked up on the system so that a build on a fresh Linux box, in
CI or on an editor's Windows laptop embeds the very same glyphs: Liberation Serif is
metric-compatible with Times New Roman, which official documents are set in, and covers
all precomposed Vietnamese letters.
"""

from __future__ import annotations

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
