"""importer/header.py: number, system, issuer, place and date, title."""
from __future__ import annotations

import pytest

from daihoi.importer.decode import to_lines
from daihoi.importer.header import parse_header


def head(text):
    return parse_header(to_lines(text))


@pytest.mark.parametrize("line,number,system", [
    ("Số  07- KH/ĐUK", "07-KH/ĐUK", "dang"),
    ("Số: 17 – KH/ĐUK", "17-KH/ĐUK", "dang"),
    ("Số 38 -KH/ĐU", "38-KH/ĐU", "dang"),
    ("Số: 192/KH-UBND", "192/KH-UBND", "nha-nuoc"),
    ("Số: 05 / KH - UBND", "05/KH-UBND", "nha-nuoc"),
    ("Số 12—KH/TU", "12-KH/TU", "dang"),
])
def test_number_as_printed_spaces_out_dashes_normalised(line, number, system):
    h = head(f"{line}\nHà Nội, ngày 04 tháng 01 năm 2016\nKẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH")
    assert (h.number, h.system) == (number, system)


@pytest.mark.parametrize("line,printed", [
    ("Số  07- KH/ĐUK", "Số 07- KH/ĐUK"),                  # spacing collapsed, the rest as printed
    ("Số: 17 – KH/ĐUK", "Số: 17 – KH/ĐUK"),
    ("Số 38 -KH/ĐU", "Số 38 -KH/ĐU"),
    ("Số: 192/KH-UBND\t\tPhường Quang Trung, ngày 05 tháng 3 năm 2021", "Số: 192/KH-UBND"),
    ("SỐ: 05 / KH - UBND", "SỐ: 05 / KH - UBND"),
    ("07-KH/ĐUK", None),                                # no "Số": the outputs print the standard form
    ("Số:\t\t07-KH/ĐUK", None),                          # "Số" in a column of its own: not read whole
])
def test_number_line_as_printed(line, printed):
    h = head(f"{line}\nHà Nội, ngày 04 tháng 01 năm 2016\nKẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH")
    assert h.number is not None and h.number_line == printed


def test_unfilled_number_has_no_number_line():
    h = head("Số:        /KH-UBND\tTân Lập, ngày      tháng 11 năm 2024\nKẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH")
    assert h.number is None and h.number_line is None


def test_state_layout_in_two_columns():
    h = head("ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "PHƯỜNG QUANG TRUNG\t\tĐộc lập - Tự do - Hạnh phúc\n"
             "Số: 192/KH-UBND\t\tPhường Quang Trung, ngày 05 tháng 3 năm 2021\nKẾ HOẠCH\nTuyên truyền bầu cử\n")
    assert h.issuer == "ỦY BAN NHÂN DÂN PHƯỜNG QUANG TRUNG" and h.parent_issuer is None
    assert h.place == "Phường Quang Trung" and h.date.isoformat() == "2021-03-05"
    assert h.title == "Tuyên truyền bầu cử" and h.warnings == []


def test_system_from_motto_when_number_is_missing():
    assert head("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\nx\n").system == "nha-nuoc"
    assert head("ĐẢNG CỘNG SẢN VIỆT NAM\nKẾ HOẠCH\nx\n").system == "dang"


def test_date_is_not_taken_from_the_receipt_stamp():
    h = head("Số 38 -KH/ĐU\nCÔNG THÔNG TIN ĐIỆN TỬ\nĐẾN\tGiờ: 9\n\tNgày: 18/02/2020\nHà Nội, ngày 17 tháng 02 năm 2020\nKẾ HOẠCH\nx")
    assert h.date.isoformat() == "2020-02-17" and h.issuer is None


def test_title_spans_lines_until_separator_or_body():
    h = head("KẾ HOẠCH\ntriển khai công tác thông tin\n\n Đại hội XII\n------\nThực hiện Kế hoạch số 02-KH/BTGTU")
    assert h.title == "triển khai công tác thông tin Đại hội XII"
    h = head("KẾ HOẠCH\nTuyên truyền Đại hội\nCăn cứ Chỉ thị 35-CT/TW")
    assert h.title == "Tuyên truyền Đại hội"


def test_no_header_block_gives_warnings_naming_lines():
    h = head("KẾ HOẠCH\nTuyên truyền Đại hội\nI. MỤC ĐÍCH")
    assert h.number is None and h.date is None and h.system is None
    assert len(h.warnings) == 3 and all(w.startswith("dòng 1") for w in h.warnings)


def test_missing_plan_line_is_a_warning():
    h = head("Nội dung gì đó\nkhông phải kế hoạch")
    assert h.title == "" and any("KẾ HOẠCH" in w for w in h.warnings)


def test_title_stops_at_numbered_part():
    assert head("KẾ HOẠCH\nTuyên truyền Đại hội\n1. MỤC ĐÍCH, YÊU CẦU\n- a").title == "Tuyên truyền Đại hội"
    assert head("KẾ HOẠCH TUYÊN TRUYỀN ĐẠI HỘI XIII\nThực hiện ...").title == "TUYÊN TRUYỀN ĐẠI HỘI XIII"


def test_motto_wins_over_number_form_with_a_warning():
    h = head("ĐẢNG ỦY XÃ A\tĐẢNG CỘNG SẢN VIỆT NAM\nSố: 07/KH-ĐU\tAn Lạc, ngày 01 tháng 02 năm 2020\nKẾ HOẠCH\nx\nI. MỤC")
    assert h.number == "07/KH-ĐU" and h.system == "dang" and "cần kiểm tra" in h.warnings[0]


def test_blank_number_and_day_are_warnings_not_values():
    """'Số:      /KH-UBND' is not the issuer; a date left to fill keeps its place."""
    h = head("ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TÂN LẬP\t\tĐộc lập - Tự do - Hạnh phúc\n"
             "Số:        /KH-UBND\t\tTân Lập, ngày      tháng 11 năm 2024\nKẾ HOẠCH\nTuyên truyền\n")
    assert (h.number, h.date, h.place, h.system) == (None, None, "Tân Lập", "nha-nuoc")
    assert (h.issuer, h.parent_issuer) == ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", None)
    assert {w.field for w in h.warnings} == {"number", "date"}
    assert any("chưa điền" in w and w.startswith("dòng 3:") for w in h.warnings)


def test_a_name_printed_on_two_lines_is_one_name_with_a_warning():
    h = head("ĐẢNG ỦY KHỐI CÁC CƠ QUAN\t\tĐẢNG CỘNG SẢN VIỆT NAM\nTRUNG ƯƠNG\t\tHà Nội, ngày 21 tháng 01 năm 2020\n"
             "Số 161-KH/ĐUK\nKẾ HOẠCH\nTuyên truyền\n")
    assert (h.issuer, h.parent_issuer) == ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", None)
    assert [w.field for w in h.warnings] == ["issuer"] and h.warnings[0].startswith("dòng 2:")


@pytest.mark.parametrize("left,parent,issuer", [
    (["BỘ TƯ PHÁP", "VỤ PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT"], "BỘ TƯ PHÁP", "VỤ PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT"),
    (["UBND TỈNH BẮC GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "UBND TỈNH BẮC GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
    (["UBMTTQ VIỆT NAM HUYỆN ĐÔNG ANH", "BAN THƯỜNG TRỰC"], "UBMTTQ VIỆT NAM HUYỆN ĐÔNG ANH", "BAN THƯỜNG TRỰC"),
    (["ĐẢNG BỘ KHỐI DOANH NGHIỆP", "TỈNH THANH HÓA", "ĐẢNG ỦY TỔNG CÔNG TY X"],
     "ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH THANH HÓA", "ĐẢNG ỦY TỔNG CÔNG TY X"),
])
def test_superior_body_and_issuer(left, parent, issuer):
    h = head("\n".join(left) + "\nSố 03-KH/ĐU\nKẾ HOẠCH\nx\n")
    assert (h.parent_issuer, h.issuer) == (parent, issuer)


def test_a_department_is_not_a_number_line():
    """'SỞ …' folds like 'Số …'; only 'Số' opens the number line."""
    h = head("UBND TỈNH HẢI DƯƠNG\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 1520/KH-STTTT\nKẾ HOẠCH\nx\n")
    assert (h.issuer, h.number) == ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "1520/KH-STTTT")


def test_a_title_of_any_length():
    title = "tuyên truyền đại hội chi bộ trực thuộc, " * 12 + "và các ngày lễ lớn của đất nước trong năm 2025"
    h = head(f"Số 09-KH/ĐU\nKẾ HOẠCH\n{title}\n-----\nThực hiện Kế hoạch số 56-KH/HU ngày 14/02/2025")
    assert len(h.title) > 400 and h.title == " ".join(title.split())
