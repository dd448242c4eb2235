"""Sharing: Open Graph / Twitter tags, share links, share cards, robots.txt (plain data).

A page shared on Zalo or Facebook shows a title, a description and a picture:
the post's cover, or a card drawn here at build time in the section's colours
(no outside service). Share links are plain links: no third-party script runs
on our pages; the site makes no request to Zalo or Facebook until the reader
taps one.
"""
from __future__ import annotations

import io
import math
import textwrap
from pathlib import Path
from urllib.parse import quote

from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parents[1] / "documents" / "fonts"   # bundled Liberation (OFL), Vietnamese coverage
CARD_SIZE = (1200, 630)
CARDS_DIR = "assets/chia-se"
RED, RED_DARK, GOLD, WHITE = (183, 28, 28), (127, 0, 0), (255, 213, 79), (255, 255, 255)
DESCRIPTION_MAX = 200


def absolute(site_url: str, path: str) -> str:
    """`path` (relative to the site root) as an absolute URL under the configured site URL."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def short(text: str, limit: int = DESCRIPTION_MAX) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def tags(*, site_name: str, title: str, description: str, url: str, image_url: str,
         image_size: tuple[int, int], image_alt: str, kind: str = "website", published=None) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each <meta> tag; the partial writes them escaped."""
    out = [("property", "og:type", kind), ("property", "og:site_name", site_name),
           ("property", "og:locale", "vi_VN"), ("property", "og:title", title),
           ("property", "og:description", short(description)), ("property", "og:url", url),
           ("property", "og:image", image_url), ("property", "og:image:width", str(image_size[0])),
           ("property", "og:image:height", str(image_size[1])), ("property", "og:image:alt", image_alt),
           ("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", title),
           ("name", "twitter:description", short(description)), ("name", "twitter:image", image_url),
           ("name", "twitter:image:alt", image_alt)]
    if published:
        out.append(("property", "article:published_time", published.isoformat()))
    return out


def share_links(url: str, title: str) -> list[dict]:
    """Plain links to each network's share page (opened only when the reader taps)."""
    u = quote(url, safe="")
    return [
        {"id": "zalo", "label": "Zalo", "url": f"https://button-share.zalo.me/share_external?layout=1&href={u}"},
        {"id": "facebook", "label": "Facebook", "url": f"https://www.facebook.com/sharer/sharer.php?u={u}"},
    ]


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {absolute(site_url, 'sitemap.xml')}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- cards

def _font(name: str, size: int):
    return ImageFont.truetype(str(FONTS / name), size)


def _wrap(draw, text: str, font, width: int, max_lines: int) -> list[str]:
    """Greedy wrap by measured width (Vietnamese words are short; no hyphenation)."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = textwrap.shorten(lines[-1] + " …", width=len(lines[-1]), placeholder="…")
    return lines


def star_points(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """The flag's five-pointed star, one point up: ten corners, the inner ones on a circle of
    r·sin18°/sin126° (≈ 0.382 r), so each point's edges run on in a straight line."""
    inner = r * math.sin(math.radians(18)) / math.sin(math.radians(126))
    return [(cx + (r if k % 2 == 0 else inner) * math.sin(math.radians(36 * k)),
             cy - (r if k % 2 == 0 else inner) * math.cos(math.radians(36 * k))) for k in range(10)]


def card_png(title: str, kicker: str, footer: str) -> bytes:
    """A 1200x630 share card: red field, gold band, the page's title in white."""
    image = Image.new("RGB", CARD_SIZE, RED)
    draw = ImageDraw.Draw(image)
    w, h = CARD_SIZE
    draw.rectangle([0, h - 110, w, h], fill=RED_DARK)
    draw.rectangle([0, 0, w, 14], fill=GOLD)
    draw.rectangle([0, h - 114, w, h - 110], fill=GOLD)
    draw.polygon(star_points(1080, 120, 60), fill=GOLD)               # the star of the flag
    y = 70
    kicker_font = _font("LiberationSans-Bold.ttf", 34)
    for line in _wrap(draw, kicker.upper(), kicker_font, 920, 2):
        draw.text((70, y), line, font=kicker_font, fill=GOLD)
        y += 46
    y += 30
    size = 64 if len(title) < 90 else 52
    title_font = _font("LiberationSerif-Bold.ttf", size)
    for line in _wrap(draw, title, title_font, 1060, 4 if size == 64 else 5):
        draw.text((70, y), line, font=title_font, fill=WHITE)
        y += int(size * 1.22)
    footer_font = _font("LiberationSans-Bold.ttf", 30)
    draw.text((70, h - 74), footer, font=footer_font, fill=WHITE)
    out = io.BytesIO()
    image.save(out, "PNG")      # optimize=True: 5% smaller, three times as long to write (75 ms a card)
    return out.getvalue()
