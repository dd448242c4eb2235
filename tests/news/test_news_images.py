"""daihoi.site.images: width-limited copies, no upscaling, a 1200x630 share crop, sideways photos."""
import io

from PIL import Image

from daihoi.site import images


def photo(tmp_path, size, orientation=None):
    f = tmp_path / "anh.jpg"
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(f, quality=95, exif=exif)
    return f


def test_widths_heights_and_share_crop(tmp_path):
    picture, files = images.variants(photo(tmp_path, (2000, 1500)), "anh-x", "tin-tuc/anh")
    assert [(w, h) for _, w, h in picture["srcset"]] == [(160, 120), (480, 360), (960, 720)]
    for path, w, h in picture["srcset"]:
        assert Image.open(io.BytesIO(files[path])).size == (w, h)
    assert Image.open(io.BytesIO(files[picture["share"]])).size == images.SHARE_SIZE
    assert (picture["src"], picture["width"], picture["height"]) == ("tin-tuc/anh/anh-x-160.jpg", 160, 120)
    assert len(files["tin-tuc/anh/anh-x-960.jpg"]) < (tmp_path / "anh.jpg").stat().st_size


def test_card_thumbnails_have_smaller_steps_of_their_own(tmp_path):
    # A card's thumbnail is 130 CSS px wide on a phone (sizes="6.5rem"): 3 dppx takes 320, not 480.
    picture, files = images.variants(photo(tmp_path, (2000, 1500)), "anh-x", "tin-tuc/anh")
    assert [(w, h) for _, w, h in picture["card_srcset"]] == [(160, 120), (240, 180), (320, 240), (480, 360)]
    for path, w, h in picture["card_srcset"]:
        assert Image.open(io.BytesIO(files[path])).size == (w, h)
    assert set(picture["srcset"]) <= set(picture["card_srcset"]) | {picture["srcset"][-1]}   # the same files


def test_small_original_is_not_upscaled(tmp_path):
    picture, files = images.variants(photo(tmp_path, (400, 300)), "nho", "a")
    assert [w for _, w, _ in picture["srcset"]] == [160, 400]
    assert [w for _, w, _ in picture["card_srcset"]] == [160, 240, 320, 400]


def test_sideways_phone_photo_is_turned_upright(tmp_path):
    picture, _ = images.variants(photo(tmp_path, (1200, 900), orientation=6), "xoay", "a")   # 6: rotate 90°
    assert [(w, h) for _, w, h in picture["srcset"]][-1] == (900, 1200)


def test_name_changes_when_the_photo_changes(tmp_path):
    f = photo(tmp_path, (300, 200))
    before = images.stem_for(f)
    Image.new("RGB", (300, 200), (0, 0, 0)).save(f)
    assert images.stem_for(f) != before and before.startswith("anh-")


def test_smaller_copies_made_from_a_larger_one_look_the_same_as_from_the_photo():
    # A picture with fine detail (a gradient under thin stripes 7 px apart, a worst case), not a flat
    # colour: the smaller copies are scaled from the 960 px one (a third of the pixels to read). They
    # differ from a direct scaling by under one level in 255 on average, a few at the stripes.
    from PIL import ImageChops, ImageDraw, ImageStat
    image = Image.linear_gradient("L").resize((1600, 900)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for x in range(0, 1600, 7):
        draw.line([(x, 0), (x + 300, 900)], fill=(200, 30, 30), width=2)
    sizes = [(f"a-{w}.jpg", w, round(900 * w / 1600)) for w in (960, 480, 320, 240, 160)]
    scaled = dict(images._scaled(image, sizes))
    for path, w, h in sizes:
        direct = image.resize((w, h), Image.LANCZOS)
        assert scaled[path].size == (w, h)
        difference = ImageChops.difference(scaled[path], direct)
        assert max(ImageStat.Stat(difference).mean) < 1, path
        assert max(high for _, high in difference.getextrema()) <= 16, path
