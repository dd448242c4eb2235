"""Responsive pictures for posts: width-limited, compressed copies made at build time.

A phone on a slow network should not fetch a 4 MB camera photo to show it 360 px
wide: each cover is published at a few widths (JPEG, quality 72, progressive)
and the page lets the browser pick one (`srcset`), with width and height set so
the layout does not jump while it loads. One 1200x630 crop is made for sharing.
A post card's thumbnail (130 CSS px wide on a phone) has smaller steps of its own
(`card_srcset`): a phone with 3 device pixels per CSS pixel takes the 320 px copy
(about 5 KB) rather than the 480 px one (about 11 KB) for each card.

`problem(file)` says, before anything is decoded, why a picture cannot be used
(a format browsers or Pillow do not read, too many bytes, too many pixels: a
30,000 x 30,000 PNG is a few kilobytes on disk and 2.7 GB once decoded).
"""
from __future__ import annotations

import hashlib
import io
import warnings
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

WIDTHS = (160, 480, 960)            # the post's own picture
CARD_WIDTHS = (160, 240, 320, 480)  # a card's thumbnail: sizes="6.5rem" picks 160, 240, 320 at 1, 2, 3 dppx
SHARE_SIZE = (1200, 630)
QUALITY = 72
FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}   # Pillow's name -> the editor's
FORMATS_TEXT = "JPEG (.jpg), PNG, WebP hoặc GIF"
MAX_BYTES = 20_000_000
MAX_PIXELS = 50_000_000      # a 48-megapixel phone photo (8000 x 6000) passes


def _size_text(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def problem(file: Path) -> tuple[str, str] | None:
    """(what, fix) in Vietnamese when `file` cannot be a post's picture; None when it can."""
    file = Path(file)
    try:
        stat = file.stat()
    except OSError as exc:
        return f"Không đọc được ảnh “{file.name}” ({exc.strerror})", "Kiểm tra tệp còn tồn tại và có quyền đọc"
    return _problem(file, stat.st_size, stat.st_mtime_ns, MAX_BYTES, MAX_PIXELS)


@lru_cache(maxsize=4096)
def _problem(file: Path, size: int, mtime_ns: int, max_bytes: int, max_pixels: int) -> tuple[str, str] | None:
    # Remembered by the file's size and time: posts share pictures, and the check and the build
    # both ask (the header is read again as soon as the file changes).
    if size > max_bytes:
        return (f"Ảnh “{file.name}” quá lớn ({_size_text(size)} byte; giới hạn {_size_text(max_bytes)} byte)",
                "Thu nhỏ ảnh (chiều rộng 2000 điểm ảnh là đủ) hoặc lưu lại dạng JPEG chất lượng 80")
    fix = f"Lưu lại ảnh dạng {FORMATS_TEXT} (trong Paint hoặc trình xem ảnh: Lưu thành… rồi chọn JPEG)"
    if file.suffix.lower() in (".svg", ".svgz"):
        return (f"Ảnh “{file.name}” là hình vẽ SVG: công cụ không thu nhỏ, cắt được loại ảnh này cho ảnh đại diện", fix)
    # Pillow's own bomb check raises before the size is known; reading the header decodes
    # nothing, so it is switched off here and MAX_PIXELS (lower) applies instead.
    bomb_limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:        # reads the header only
                kind, (width, height) = image.format, image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return (f"Không đọc được ảnh “{file.name}”: tệp không phải ảnh {FORMATS_TEXT}, hoặc bị hỏng", fix)
    finally:
        Image.MAX_IMAGE_PIXELS = bomb_limit
    if kind and kind not in FORMATS:
        return f"Ảnh “{file.name}” có định dạng {kind}, trình duyệt hoặc công cụ không dùng được", fix
    if width * height > max_pixels:
        return (f"Ảnh “{file.name}” quá nhiều điểm ảnh ({_size_text(width)} x {_size_text(height)}; "
                f"giới hạn {max_pixels // 1_000_000} triệu điểm ảnh)",
                "Thu nhỏ ảnh, ví dụ chiều rộng 2000 điểm ảnh, rồi lưu lại dạng JPEG")
    return None


def _open(file: Path) -> Image.Image:
    image = Image.open(file)
    _draft(image)
    image = ImageOps.exif_transpose(image)      # phone photos are stored sideways with an EXIF flag
    return image.convert("RGB")


def _draft(image: Image.Image) -> bool:
    """A JPEG decodes at 1/2, 1/4 or 1/8 scale when it is still, upright, at least as wide and as
    high as the share crop (SHARE_SIZE): the largest copy made, and every width and crop is then
    made from at least its own size. A 12-megapixel phone photo (4000 x 3000) decodes at 2000 x 1500
    and its copies take 0.11 s, where they took 0.35 s from all of its pixels with twice that margin
    (the copies differ from those by less than the eye sees: 47 dB PSNR); a 48-megapixel one needs
    ~10 MB of memory instead of ~150 MB. Other formats decode whole. `picture` reads the same size.
    Returns whether the picture is stored sideways (as exif_transpose turns it)."""
    turned = image.getexif().get(_ORIENTATION) in _TURNED       # stored sideways: its width is upright height
    image.draft("RGB", SHARE_SIZE[::-1] if turned else SHARE_SIZE)
    return turned


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
    picture, sizes = _layout(*image.size, stem, folder)
    files = {path: _jpeg(copy) for path, copy in _scaled(image, sizes)}
    files[picture["share"]] = _jpeg(ImageOps.fit(image, SHARE_SIZE, Image.LANCZOS))
    return picture, files


def _scaled(image: Image.Image, sizes: list) -> list:
    """[(path, copy)] of `sizes` [(path, width, height)]: the largest copy from the picture, each
    smaller one from the largest copy at least twice its width, as thumbnails are made. Scaling
    a 1600 px photo to 160 px read all its pixels for each of five widths; the smaller copies
    read the 960 px one, a third of them, and look the same (Lanczos each time)."""
    made: list = []         # (width, copy), largest first
    out = []
    for path, w, h in sorted(sizes, key=lambda size: -size[1]):
        source = next((copy for width, copy in made if width >= 2 * w), image)
        copy = source if w == source.size[0] else source.resize((w, h), Image.LANCZOS)
        made.append((w, copy))
        out.append((path, copy))
    return out


def picture(file: Path, stem: str, folder: str) -> dict:
    """What `variants` says of the picture, from its header alone (nothing decoded): the pages are
    made with it while the copies are made in other processes."""
    with Image.open(file) as image:
        turned = _draft(image)                  # as _open: a JPEG's size at its scale
        width, height = image.size
        if turned:                              # as exif_transpose: sideways
            width, height = height, width
    return _layout(width, height, stem, folder)[0]


_ORIENTATION = 0x0112
_TURNED = (5, 6, 7, 8)      # the EXIF orientations exif_transpose turns by a quarter


def _layout(w0: int, h0: int, stem: str, folder: str) -> tuple[dict, list[tuple[str, int, int]]]:
    """(picture for templates, [(path, width, height) of each copy]) of a w0 x h0 picture."""
    made = {}
    for w in sorted({min(w, w0) for w in WIDTHS + CARD_WIDTHS}):
        made[w] = (f"{folder}/{stem}-{w}.jpg", w, round(h0 * w / w0))
    srcset = [made[w] for w in sorted({min(w, w0) for w in WIDTHS})]
    card_srcset = [made[w] for w in sorted({min(w, w0) for w in CARD_WIDTHS})]
    small = srcset[0]
    picture = {"src": small[0], "width": small[1], "height": small[2], "srcset": srcset, "card_srcset": card_srcset,
               "share": f"{folder}/{stem}-chia-se.jpg", "share_width": SHARE_SIZE[0], "share_height": SHARE_SIZE[1]}
    return picture, list(made.values())


def stem_for(file: Path) -> str:
    """Output name: the source name plus a short content hash, so a replaced photo gets a new URL."""
    digest = hashlib.sha256(Path(file).read_bytes()).hexdigest()[:8]
    return f"{Path(file).stem}-{digest}"
