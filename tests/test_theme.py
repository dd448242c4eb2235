"""Theme: WCAG 2.1 AA contrast of the palette, Vietnamese strings, no outside host."""
import re

import pytest

from helpers import ROOT
from daihoi.site import assets

THEME = ROOT / "theme"


def css_vars() -> dict:
    css = (THEME / "components/base/base.css").read_text(encoding="utf-8")
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})\b", css))


def luminance(hex_color: str) -> float:
    def channel(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(hex_color[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


WHITE = "#ffffff"


@pytest.mark.parametrize("fg,bg", [
    (WHITE, "--dh-red"),                 # header-like bars, current-state chips, badges
    ("--dh-red-dark", WHITE),            # headings
    (WHITE, "--dh-red-dark"),            # header, footer, hero text
    ("--dh-gold", "--dh-red-dark"),      # hero title, footer links
    ("--dh-muted-text", WHITE),          # dates, meta
    ("--md-typeset-a-color", WHITE),     # links
    ("--dh-text", "--dh-chip"),          # state chips
    ("--dh-red", WHITE),                 # countdown number, copy button text
])
def test_palette_meets_wcag_aa_for_normal_text(fg, bg):
    v = css_vars()
    fg, bg = v.get(fg, fg), v.get(bg, bg)
    assert contrast(fg, bg) >= 4.5, f"{fg} on {bg}: {contrast(fg, bg):.2f}"


def test_vietnamese_strings_fixed():
    vi = (THEME / "partials/languages/vi.html").read_text(encoding="utf-8").split("-#}", 1)[1]   # strings, not the comment
    assert '"top": "Lên đầu trang"' in vi
    assert '"search.result.initializer": "Đang chuẩn bị tìm kiếm"' in vi
    assert "Trở lại mục lục" not in vi
    for english in ("Initializing search", '"Metadata"', '"Contributors"', '"Tabs"', "RSS feed"):
        assert english not in vi


def test_bundle_has_every_component_base_first():
    js = assets.bundle(THEME, "js")
    names = re.findall(r"/\* components/([\w-]+)/", js)
    assert names[0] == "base" and set(names) == {p.parent.name for p in THEME.glob("components/*/*.js")}
    assert "http://" not in js and "https://" not in js
    css = assets.bundle(THEME, "css")
    assert "@import" not in css and "url(http" not in css and "fonts.googleapis" not in css


def test_every_component_documented():
    for folder in (THEME / "components").iterdir():
        assert (folder / "README.md").is_file(), folder.name
