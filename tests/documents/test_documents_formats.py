"""Vietnamese formatting as the documents print it: official dates (Nghị định 30) and file sizes."""

from datetime import date

import pytest

from daihoi.documents import format_size, official_date
from daihoi.text.vntext import clean as nfc, slugify as ascii_slug


@pytest.mark.parametrize(
    "d, text",
    [
        (date(2016, 1, 4), "ngày 04 tháng 01 năm 2016"),
        (date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
        (date(2020, 2, 17), "ngày 17 tháng 02 năm 2020"),
        (date(2019, 12, 30), "ngày 30 tháng 12 năm 2019"),
        (date(2020, 10, 9), "ngày 09 tháng 10 năm 2020"),
    ],
)
def test_official_date_leading_zeros(d, text):
    assert official_date(d) == text


@pytest.mark.parametrize(
    "n, label",
    [
        (0, "0 byte"),
        (999, "999 byte"),
        (1000, "1 KB"),
        (1536, "1,5 KB"),
        (182_000, "182 KB"),
        (182_499, "182 KB"),
        (999_950, "1 MB"),
        (1_200_000, "1,2 MB"),
        (1_250_000, "1,2 MB"),  # round-half-even on the tenth, like the OS shows
        (15_400_000, "15 MB"),
        (2_300_000_000, "2,3 GB"),
    ],
)
def test_format_size_decimal_comma(n, label):
    assert format_size(n) == label


def test_ascii_slug_and_nfc():
    assert ascii_slug("07-KH/ĐUK") == "07-kh-duk"
    assert ascii_slug("192/KH-UBND") == "192-kh-ubnd"
    decomposed = "Đa\u0309ng  Cô\u0323ng"  # "Đảng Cộng" typed with combining marks
    assert nfc(decomposed) == "Đảng Cộng"
