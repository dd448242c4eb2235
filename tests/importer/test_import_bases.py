"""bases.py: the documents named by the opening paragraph, however its lines were broken."""
from __future__ import annotations

import pytest

from daihoi.importer.bases import parse_bases
from daihoi.importer.decode import to_lines


def numbers(text: str) -> list[tuple[str, str | None]]:
    bases, _ = parse_bases(to_lines(text))
    return [(b["number"], b["date"]) for b in bases]


@pytest.mark.parametrize("text", [
    # One paragraph, three documents.
    "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị; Kế hoạch số 101-KH/TU ngày 30/9/2019 của "
    "Tỉnh ủy; Kế hoạch số 28-HD/BTGTU ngày 10/12/2019 của Ban Tuyên giáo, Ban Thường vụ ban hành Kế hoạch như sau:",
    # Wrapped by a PDF or by hand: a line may open with "số …", "Kế hoạch …" or any word after "của".
    "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị; Kế hoạch\nsố 101-KH/TU ngày 30/9/2019 của\n"
    "Tỉnh ủy; Kế hoạch số 28-HD/BTGTU ngày 10/12/2019 của Ban Tuyên giáo, Ban Thường vụ ban hành Kế hoạch như sau:",
    "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị;\nKế hoạch số 101-KH/TU ngày 30/9/2019 của Tỉnh "
    "ủy;\nKế hoạch số 28-HD/BTGTU ngày 10/12/2019 của Ban Tuyên giáo,\nBan Thường vụ ban hành Kế hoạch như sau:",
    # One basis a line, as bullets under "Căn cứ:".
    "Căn cứ:\n- Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị;\n- Kế hoạch số 101-KH/TU ngày 30/9/2019 "
    "của Tỉnh ủy;\n- Kế hoạch số 28-HD/BTGTU ngày 10/12/2019 của Ban Tuyên giáo,\nBan Thường vụ ban hành Kế hoạch:",
])
def test_every_basis_whatever_the_line_breaks(text):
    assert numbers(text) == [("35-CT/TW", "2019-05-30"), ("101-KH/TU", "2019-09-30"), ("28-HD/BTGTU", "2019-12-10")]


def test_codes_with_lower_case_ampersand_and_a_single_part():
    assert numbers("Căn cứ Chương trình số 12-CTr/HU ngày 15/12/2024 của Huyện ủy; Kế hoạch số 120/KH-SGD&ĐT "
                   "ngày 12/3/2025 của Sở; Công văn số 215/SNV ngày 28/10/2024 của Sở Nội vụ,") == [
        ("12-CTr/HU", "2024-12-15"), ("120/KH-SGD&ĐT", "2025-03-12"), ("215/SNV", "2024-10-28")]


def test_a_basis_without_its_date_is_a_warning_on_that_basis():
    bases, warnings = parse_bases(to_lines("Thực hiện Kế hoạch số 02-KH/BTGTU của Ban Tuyên giáo Thành ủy,"))
    assert bases[0]["date"] is None and [w.field for w in warnings] == ["bases[0].date"]


def test_the_issuers_own_sentence_is_not_a_basis_text():
    bases, _ = parse_bases(to_lines("Thực hiện Kế hoạch số 02-KH/BTGTU, ngày 24/12/2015 của Ban Tuyên giáo Thành ủy "
                                    "về tuyên truyền. Ban Thường vụ Đảng ủy Khối ban hành Kế hoạch triển khai, như sau:"))
    assert bases[0]["text"] == "Kế hoạch số 02-KH/BTGTU, ngày 24/12/2015 của Ban Tuyên giáo Thành ủy về tuyên truyền"
