"""bases.py, slogans.py, units.py, reporting.py, closing.py on small texts."""
from __future__ import annotations

from daihoi.importer.closing import parse_closing
from daihoi.importer.decode import to_lines
from daihoi.importer.parse import parse_text
from daihoi.importer.units import split_unit

HEAD = "Số 01-KH/ĐU\nHà Nội, ngày 02 tháng 12 năm 2019\nKẾ HOẠCH\nTuyên truyền\n"


def test_bases_numbers_dates_and_text():
    plan = parse_text(HEAD + "Căn cứ Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị; Kế hoạch số 17 – KH/ĐUK, "
                      "ngày 22/10/2019 của Ban; Quyết định số 05/2020/QĐ-UBND ngày 03 tháng 4 năm 2020 của UBND tỉnh\n"
                      "Thực hiện Hướng dẫn số 9-HD/BTGTW, Ban Thường vụ ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert [(b["number"], b["date"]) for b in plan["bases"]] == [
        ("35-CT/TW", "2019-05-30"), ("17-KH/ĐUK", "2019-10-22"), ("05/2020/QĐ-UBND", "2020-04-03"), ("9-HD/BTGTW", None)]
    assert plan["bases"][0]["text"] == "Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị"
    assert any("9-HD/BTGTW" in w for w in plan["warnings"])


def test_slogans_numbered_or_bulleted_with_display_period():
    plan = parse_text(HEAD + "I. MỤC ĐÍCH\n- a\nII. KHẨU HIỆU TUYÊN TRUYỀN\n1. Nhiệt liệt chào mừng Đại hội !\n"
                      "- Đảng Cộng sản Việt Nam quang vinh muôn năm!\nTất cả vì mục tiêu dân giàu!\n"
                      "Các đơn vị treo khẩu hiệu từ ngày 12/01/2016 đến hết ngày 04/02/2016.\n")
    assert plan["slogans"] == ["Nhiệt liệt chào mừng Đại hội!", "Đảng Cộng sản Việt Nam quang vinh muôn năm!",
                               "Tất cả vì mục tiêu dân giàu!"]
    assert plan["slogan_display"] == {"start": "2016-01-12", "end": "2016-02-04"}


def test_slogan_subsection_inside_content_section():
    plan = parse_text(HEAD + "I. MỤC ĐÍCH\n- a\nII. NỘI DUNG\n1. Đợt chính\nĐợt 1: Từ tháng 1/2020 đến tháng 2/2020\n- x\n"
                      "2. Khẩu hiệu tuyên truyền\n- Chào mừng Đại hội!\n- Muôn năm!\n")
    assert plan["slogans"] == ["Chào mừng Đại hội!", "Muôn năm!"] and len(plan["phases"]) == 1


def test_units_with_inline_tasks_and_closing_paragraph():
    plan = parse_text(HEAD + "I. MỤC ĐÍCH\n- a\nII. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo: chủ trì, theo dõi.\n"
                      "2. Các chi bộ\n- Xây dựng kế hoạch.\n- Báo cáo kết quả.\n"
                      "3. Căn cứ Kế hoạch này, các tổ chức đoàn thể chỉ đạo tổ chức tuyên truyền.\n"
                      "Ban Thường vụ yêu cầu các chi bộ gửi báo cáo về Đảng ủy trước ngày 09/02/2020.\n")
    assert [(u["name"], u["tasks"]) for u in plan["units"]] == [
        ("Ban Tuyên giáo", ["chủ trì, theo dõi"]), ("Các chi bộ", ["Xây dựng kế hoạch.", "Báo cáo kết quả."]),
        ("Các tổ chức đoàn thể", ["Chỉ đạo tổ chức tuyên truyền"])]
    assert plan["reporting"] == [{"due": "2020-02-09", "day_of_month": None, "to": "Đảng ủy"}]


def test_split_unit_keeps_noun_phrases():
    assert split_unit("Ban Tuyên giáo, chuyên viên theo dõi cơ sở của Đảng ủy Khối đôn đốc, kiểm tra các đơn vị.")[0] == \
        "Ban Tuyên giáo, chuyên viên theo dõi cơ sở của Đảng ủy Khối"


def test_monthly_reporting():
    plan = parse_text(HEAD + "I. TỔ CHỨC THỰC HIỆN\n1. Các chi bộ\n- Báo cáo về Ban Thường vụ (qua Ban Tuyên giáo) vào ngày 20 hàng tháng.\n"
                      "II. KHẨU HIỆU\n- A!\n")
    assert plan["reporting"] == [{"due": None, "day_of_month": 20, "to": "Ban Thường vụ"}]
    plan = parse_text(HEAD + "I. TỔ CHỨC THỰC HIỆN\nĐịnh kỳ hằng tháng báo cáo kết quả trước ngày 25.\n")
    assert plan["reporting"][0]["day_of_month"] == 25


def test_signer_variants():
    _, s, w = parse_closing(to_lines("Nơi nhận:\t\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\t\tKT. CHỦ TỊCH\n"
                                     "- Lưu: VT.\t\tPHÓ CHỦ TỊCH\n\t\t(Đã ký)\n\t\tTrần Thị Lan"))
    assert s == {"on_behalf": "TM. ỦY BAN NHÂN DÂN", "position": "PHÓ CHỦ TỊCH", "name": "Trần Thị Lan",
                 "for": "KT. CHỦ TỊCH"} and w == []
    r, s, _ = parse_closing(to_lines("Nơi nhận:\n- Ban Tuyên giáo Thành ủy;   (để\n- Ban Thường vụ ĐUK;   b/c)\n"
                                     "- Lưu VPĐU. 60\n**T/M BAN THƯỜNG VỤ\nBÍ THƯ**\n\nĐỗ Đình Hữu"))
    # As printed: punctuation, the brace annotation beside them, the number of copies.
    assert r == ["Ban Tuyên giáo Thành ủy; (để", "Ban Thường vụ ĐUK; b/c)", "Lưu VPĐU. 60"]
    assert s == {"on_behalf": "T/M BAN THƯỜNG VỤ", "position": "BÍ THƯ", "name": "Đỗ Đình Hữu"}
    _, s, w = parse_closing(to_lines("Nơi nhận:\n- Lưu."))
    assert s is None and w and w[0].startswith("dòng 1:")


def test_plan_without_signer_warns():
    plan = parse_text(HEAD + "I. MỤC ĐÍCH\n- a\n")
    assert plan["signer"] is None and any("khối chữ ký" in w for w in plan["warnings"])


def test_section_kinds_from_heading_words():
    from daihoi.importer import sections as S
    assert [S.kind_of(t) for t in ("MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN, NỘI DUNG TUYÊN TRUYỀN", "HÌNH THỨC TRIỂN KHAI",
                                    "MỘT SỐ KHẨU HIỆU TUYÊN TRUYỀN", "TỔ CHỨC THỰC HIỆN", "KINH PHÍ", "CHẾ ĐỘ BÁO CÁO",
                                    "CÁC ĐỢT TUYÊN TRUYỀN", "LỊCH SỬ")] == [
        S.PURPOSE, S.CONTENT, S.FORMS, S.SLOGANS, S.UNITS, S.FUNDING, S.REPORT, S.CONTENT, S.OTHER]


def test_unnumbered_units_and_slogan_subheadings():
    plan = parse_text(HEAD + "I. KHẨU HIỆU\na) Khẩu hiệu treo tại trụ sở\n- Chào mừng Đại hội!\n"
                      "II. TỔ CHỨC THỰC HIỆN\nBan Tuyên giáo Huyện ủy\n- Hướng dẫn thực hiện.\nCác chi bộ\n- Tổ chức tuyên truyền.\n")
    assert plan["slogans"] == ["Chào mừng Đại hội!"]
    assert plan["units"] == [{"name": "Ban Tuyên giáo Huyện ủy", "tasks": ["Hướng dẫn thực hiện."]},
                             {"name": "Các chi bộ", "tasks": ["Tổ chức tuyên truyền."]}]


def test_numbered_bases_before_part_one():
    plan = parse_text(HEAD + "1. Căn cứ Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị;\n"
                      "2. Căn cứ Kế hoạch số 101-KH/TU ngày 30/9/2019 của Tỉnh ủy,\nI. MỤC ĐÍCH\n- a\nII. NỘI DUNG\n- b\n")
    assert [b["number"] for b in plan["bases"]] == ["35-CT/TW", "101-KH/TU"]
