"""Responsive pictures for posts: width-limited, compressed copies made at build time.

A phone on a slow network should not fetch a 4 MB camera photo to show it 360 px
wide: each cover is published at a few widths (JPEG, quality 72, progressive)
and the page lets the browser pick one (`srcset`), with width and height set so
the layout does not jump while it loads. One 1200x630 crop is made for sharing.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageOps

WIDTHS = (160, 480, 960)
SHARE_SIZE = (1200, 630)
QUALITY = 72


def _open(file: Path) -> Image.Image:
    image = Image.open(file)
    image = ImageOps.exif_transpose(image)      # phone photos are stored sideways with an EXIF flag
    return image.convert("RGB")


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def variants(file: Path, stem: str, folder: str) -> tuple[dict, dict[str, bytes]]:
    """(picture for templates, {output path: bytes}) for one source image.

    Widths larger than the original are not made (no upscaling); the original
    width is then the largest one.
    """
    image = _open(file)
    w0, h0 = image.size
    widths = sorted({min(w, w0) for w in WIDTHS})
    files, srcset = {}, []
    for w in widths:
        h = round(h0 * w / w0)
        path = f"{folder}/{stem}-{w}.jpg"
        files[path] = _jpeg(image if w == w0 else image.resize((w, h), Image.LANCZOS))
        srcset.append((path, w, h))
    share_path = f"{folder}/{stem}-chia-se.jpg"
    files[share_path] = _jpeg(ImageOps.fit(image, SHARE_SIZE, Image.LANCZOS))
    small = srcset[0]
    picture = {"src": small[0], "width": small[1], "height": small[2], "srcset": srcset,
               "share": share_path, "share_width": SHARE_SIZE[0], "share_height": SHARE_SIZE[1]}
    return picture, files


def stem_for(file: Path) -> str:
    """Output name: the source name plus a short content hash, so a replaced photo gets a new URL."""
    digest = hashlib.sha256(Path(file).read_bytes()).hexdigest()[:8]
    return f"{Path(file).stem}-{digest}"
