"""daihoi.site.images.problem: a post's picture is checked from its header before anything is decoded."""
import io
import struct
import zlib

from PIL import Image

from daihoi.site import images


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` x `height` (a decompression bomb is a few KB on disk)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_usable_pictures_pass(tmp_path):
    for name, kind in [("a.jpg", "JPEG"), ("b.png", "PNG"), ("c.webp", "WEBP"), ("d.gif", "GIF")]:
        Image.new("RGB", (40, 30), "red").save(tmp_path / name, kind)
        assert images.problem(tmp_path / name) is None, name


def test_what_cannot_be_a_cover_is_named_with_the_formats_that_work(tmp_path):
    (tmp_path / "hinh.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    (tmp_path / "gia.jpg").write_text("không phải ảnh", encoding="utf-8")
    Image.new("RGB", (40, 30)).save(tmp_path / "anh.bmp", "BMP")
    (tmp_path / "bom.png").write_bytes(png_header(30_000, 30_000))
    (tmp_path / "rat-bom.png").write_bytes(png_header(100_000, 100_000))
    got = {name: images.problem(tmp_path / name) for name in ("hinh.svg", "gia.jpg", "anh.bmp", "bom.png", "rat-bom.png")}
    assert got["hinh.svg"][0].startswith("Ảnh “hinh.svg” là hình vẽ SVG")
    assert got["gia.jpg"][0].startswith("Không đọc được ảnh “gia.jpg”: tệp không phải ảnh JPEG (.jpg), PNG, WebP hoặc GIF")
    assert got["anh.bmp"][0] == "Ảnh “anh.bmp” có định dạng BMP, trình duyệt hoặc công cụ không dùng được"
    assert got["bom.png"][0] == "Ảnh “bom.png” quá nhiều điểm ảnh (30.000 x 30.000; giới hạn 50 triệu điểm ảnh)"
    assert got["rat-bom.png"][0].startswith("Ảnh “rat-bom.png” quá nhiều điểm ảnh")
    assert all("JPEG" in fix for _, fix in got.values())


def test_too_many_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 10)
    Image.new("RGB", (40, 30)).save(tmp_path / "a.jpg")
    what, _ = images.problem(tmp_path / "a.jpg")
    assert what.startswith("Ảnh “a.jpg” quá lớn (") and "giới hạn 10 byte" in what


def test_large_photos_decode_at_a_reduced_scale_with_the_same_widths(tmp_path):
    Image.new("RGB", (6000, 4000), "red").save(tmp_path / "lon.jpg", quality=50)
    picture, files = images.variants(tmp_path / "lon.jpg", "lon", "anh")
    assert [w for _, w, _ in picture["srcset"]] == [160, 480, 960]
    assert [h for _, _, h in picture["srcset"]] == [107, 320, 640]
    assert [w for _, w, _ in picture["card_srcset"]] == [160, 240, 320, 480]
    assert len(files) == 6          # 160, 240, 320, 480, 960 and the share crop


def test_photos_decode_at_the_smallest_scale_that_still_covers_the_share_crop_upright(tmp_path):
    # The share crop (1200 x 630) is the largest copy: a JPEG decodes at the smallest scale (1/2, 1/4,
    # 1/8) at which, upright, it is still that wide and that high, so no copy is made larger than
    # what was decoded. A photo stored sideways needs its stored height to be the width.
    def jpeg(name, size, orientation=None):
        exif = Image.Exif()
        if orientation:
            exif[0x0112] = orientation
        Image.new("RGB", size, "red").save(tmp_path / name, quality=50, exif=exif)
        return tmp_path / name
    cases = {jpeg("12mp.jpg", (4000, 3000)): (2000, 1500),
             jpeg("16-9.jpg", (4032, 2268)): (2016, 1134),
             jpeg("16-9-xoay.jpg", (4032, 2268), 6): (2268, 4032),      # halved, it would be 1134 wide upright
             jpeg("12mp-xoay.jpg", (4000, 3000), 8): (1500, 2000),
             jpeg("48mp.jpg", (8000, 6000)): (2000, 1500),
             jpeg("mau.jpg", (1600, 900)): (1600, 900)}
    for file, upright in cases.items():
        assert images._open(file).size == upright, file.name
        picture, files = images.variants(file, "x", "anh")
        assert images.picture(file, "x", "anh") == picture, file.name
        assert picture["width"] == 160 and picture["srcset"][-1][1] == 960, file.name
        share = Image.open(io.BytesIO(files[picture["share"]]))
        assert share.size == images.SHARE_SIZE, file.name


def test_the_header_tells_what_the_copies_will_be(tmp_path):
    """The pages are made with `picture` (the header) while the copies are made elsewhere (`variants`):
    both say the same of a large photo decoded at a reduced scale, a phone photo stored sideways,
    odd sizes, a picture narrower than every width, and each format."""
    made = []
    Image.new("RGB", (6001, 4003), "red").save(tmp_path / "lon.jpg", quality=50)
    made.append("lon.jpg")
    for orientation in (3, 6, 8):       # upside down, and a quarter either way
        exif = Image.Exif()
        exif[0x0112] = orientation
        Image.new("RGB", (3001, 1999), "blue").save(tmp_path / f"xoay-{orientation}.jpg", exif=exif)
        made.append(f"xoay-{orientation}.jpg")
    for name, kind, size in [("nho.png", "PNG", (97, 131)), ("c.webp", "WEBP", (1283, 721)), ("d.gif", "GIF", (500, 333))]:
        Image.new("RGB", size, "green").save(tmp_path / name, kind)
        made.append(name)
    for name in made:
        picture, files = images.variants(tmp_path / name, "x", "anh")
        assert images.picture(tmp_path / name, "x", "anh") == picture, name
        assert set(files) == {p for p, _, _ in picture["srcset"] + picture["card_srcset"]} | {picture["share"]}, name
    turned = images.picture(tmp_path / "xoay-6.jpg", "x", "anh")
    assert turned["width"] < turned["height"]
