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
