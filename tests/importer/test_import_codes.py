"""codes.py: document codes as printed, in Party and state forms."""
from __future__ import annotations

import pytest

from daihoi.importer.codes import find_codes, system_of, unfilled


@pytest.mark.parametrize("text,codes", [
    ("Số  07- KH/ĐUK", ["07-KH/ĐUK"]),
    ("Số: 17 – KH/ĐUK", ["17-KH/ĐUK"]),
    ("Số: 05 / KH - UBND", ["05/KH-UBND"]),
    ("Số 03-KH/ĐUTCty, ngày 20/01/2025", ["03-KH/ĐUTCty"]),              # lower case inside a symbol
    ("Chương trình số 12-CTr/HU ngày 15/12/2024", ["12-CTr/HU"]),
    ("Số: 120/KH-SGD&ĐT", ["120/KH-SGD&ĐT"]),                               # an ampersand
    ("Công văn số 215/SNV ngày 28/10/2024", ["215/SNV"]),                   # a state code of one part
    ("Nghị định số 30/2020/NĐ-CP; Luật số 85/2015/QH13", ["30/2020/NĐ-CP", "85/2015/QH13"]),
    ("Số: 30/KH-MTTQ-BTT", ["30/KH-MTTQ-BTT"]),
])
def test_codes_as_printed(text, codes):
    assert [c.number for c in find_codes(text)] == codes


@pytest.mark.parametrize("text", ["ngày 30/5/2019", "1 - Tuyên truyền", "Đợt 1 - UBND xã", "nhiệm kỳ 2020 - 2025",
                                  "1/Giai đoạn", "Chỉ thị 35-CT"])
def test_not_codes(text):
    assert find_codes(text) == []


def test_code_spans_and_systems():
    c = find_codes("Kế hoạch số 02-KH/BTGTU, ngày 24/12/2015")[0]
    assert "Kế hoạch số 02-KH/BTGTU, ngày"[c.start:c.end] == "02-KH/BTGTU"
    assert (system_of("07-KH/ĐUK"), system_of("192/KH-UBND"), system_of("/KH-UBND"), system_of(None)) == \
        ("dang", "nha-nuoc", "nha-nuoc", None)


def test_unfilled_number_line():
    assert unfilled("Số:        /KH-UBND") == "/KH-UBND"
    assert unfilled("Số: …../KH-UBND") == "/KH-UBND"
    assert unfilled("Số: 86/KH-UBND") is None and unfilled("Sở Nội vụ") is None
