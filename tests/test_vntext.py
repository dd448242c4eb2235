import unicodedata

from daihoi.text import roman, vndate
from daihoi.text.vntext import clean, fold, nfc, slugify
from datetime import date

import pytest


def test_fold_removes_marks_and_maps_d():
    assert fold("Đại hội đại biểu") == "Dai hoi dai bieu"
    assert fold(unicodedata.normalize("NFD", "Khẩu hiệu")) == "Khau hieu"


def test_clean_normalizes_and_collapses_spaces():
    nfd = unicodedata.normalize("NFD", "  Đại   hội\n XIII ")
    assert clean(nfd) == "Đại hội XIII"
    assert clean(nfd) == nfc("Đại hội XIII")


def test_slugify_plan_numbers():
    assert slugify("07-KH/ĐUK") == "07-kh-duk"
    assert slugify("192/KH-UBND") == "192-kh-ubnd"


@pytest.mark.parametrize("n,text", [(1, "I"), (4, "IV"), (9, "IX"), (12, "XII"), (13, "XIII"), (14, "XIV"),
                                    (20, "XX"), (26, "XXVI"), (1994, "MCMXCIV")])
def test_roman_round_trip(n, text):
    assert roman.to_roman(n) == text
    assert roman.from_roman(text) == n


@pytest.mark.parametrize("bad", ["XIIII", "IIX", "VV", "IC", "", "X I", "13"])
def test_roman_rejects_non_canonical(bad):
    assert roman.from_roman(bad) is None


def test_roman_lenient_value_suggests_fix():
    assert roman.lenient_value("XIIII") == 14
    assert roman.lenient_value("ABC") is None


def test_vietnamese_long_date_leading_zeros():
    # Nghị định 30/2020: day < 10 and months 1, 2 take a leading zero.
    assert vndate.long_form(date(2016, 1, 4)) == "ngày 04 tháng 01 năm 2016"
    assert vndate.long_form(date(2020, 3, 5)) == "ngày 05 tháng 3 năm 2020"
    assert vndate.long_form(date(2019, 12, 30)) == "ngày 30 tháng 12 năm 2019"
    assert vndate.place_date_line("Hà Nội", date(2016, 1, 4)) == "Hà Nội, ngày 04 tháng 01 năm 2016"


def test_parse_both_forms_and_reasons():
    assert vndate.parse("2016-01-04") == vndate.parse("04/01/2016") == date(2016, 1, 4)
    with pytest.raises(vndate.BadDate, match="không có ngày 31"):
        vndate.parse("2020-02-31")
    with pytest.raises(vndate.BadDate, match="không có tháng 13"):
        vndate.parse("31/13/2020")
    with pytest.raises(vndate.BadDate, match="không phải là ngày"):
        vndate.parse("ngày mai")


def test_range_text():
    assert vndate.range_text(date(2016, 1, 12), date(2016, 2, 4)) == "Từ 12/01/2016 đến 04/02/2016"
    assert vndate.range_text(date(2016, 1, 12), None) == "Từ 12/01/2016"
    assert vndate.range_text(None, None) == ""


def test_long_slugs_are_cut_and_stay_distinct():
    long_a, long_b = "Chuyên mục " * 100 + "a", "Chuyên mục " * 100 + "b"
    assert len(slugify(long_a)) == 80 and slugify(long_a) != slugify(long_b)
    assert slugify(long_a).startswith("chuyen-muc-chuyen-muc-") and slugify(long_a) == slugify(long_a)
    assert slugify("Tin " * 19 + "x") == "tin-" * 19 + "x"          # 77 characters: as it was
