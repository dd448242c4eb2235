"""campaign.py: the campaign period a plan states, and the issuer its opening sentence names."""
from __future__ import annotations

import datetime as dt

import pytest

from daihoi.importer.campaign import find_campaign, issuer_suggestion
from daihoi.importer.decode import to_lines
from daihoi.importer.parse import parse_text


@pytest.mark.parametrize("text,start,end", [
    ("Đại hội đại biểu toàn quốc lần thứ XII của Đảng diễn ra từ ngày 20 đến ngày 28/01/2016. Việc triển khai thông "
     "tin, tuyên truyền phục vụ Đại hội được tiến hành từ đầu tháng 01/2016 đến ngày 04/02/2016, theo ba giai đoạn:",
     "2016-01-01", "2016-02-04"),
    ("Thời gian tuyên truyền: từ ngày 15/4/2025 đến ngày 31/7/2025.", "2025-04-15", "2025-07-31"),
    ("Thời gian tuyên truyền từ ngày 15/5/2025 đến ngày 31/8/2025, gồm hai đợt:", "2025-05-15", "2025-08-31"),
    ("Kế hoạch được triển khai từ ngày 10/3/2025 đến hết ngày 30/9/2025.", "2025-03-10", "2025-09-30"),
    ("Công tác tuyên truyền được tiến hành từ tháng 01/2020 đến hết tháng 02/2021, chia làm ba giai đoạn:",
     "2020-01-01", "2021-02-28"),
])
def test_campaign_sentences(text, start, end):
    assert find_campaign(to_lines(text), dt.date(2016, 1, 4))[0] == {"start": start, "end": end}


@pytest.mark.parametrize("text", ["Đại hội được tiến hành từ ngày 20 đến ngày 28/01/2016.",
                                  "Công tác thông tin, tuyên truyền được chia làm ba đợt như sau:"])
def test_not_a_campaign(text):
    assert find_campaign(to_lines(text), None) == (None, None)


def test_campaign_is_in_the_plan_and_bounds_nothing_else():
    plan = parse_text("Số 07-KH/ĐUK\nHà Nội, ngày 04 tháng 01 năm 2016\nKẾ HOẠCH\nTuyên truyền\n"
                      "I. MỤC ĐÍCH\n- a.\nII. THỜI GIAN, NỘI DUNG\nCông tác tuyên truyền được tiến hành từ đầu tháng "
                      "01/2016 đến ngày 04/02/2016, theo ba giai đoạn:\n1. Từ nay đến ngày 20/01/2016\n- b\n"
                      "2. Sau Đại hội XII của Đảng\n- c\n")
    assert plan["campaign"] == {"start": "2016-01-01", "end": "2016-02-04"}
    assert plan["phases"][-1]["end"] is None       # the site bounds the last phase by the campaign's end


@pytest.mark.parametrize("sentence,name,header", [
    ("Thực hiện Kế hoạch số 18-KH/TU ngày 20/02/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy Khối Doanh "
     "nghiệp tỉnh xây dựng Kế hoạch tuyên truyền Đại hội như sau:", "Ban Thường vụ Đảng ủy Khối Doanh nghiệp tỉnh",
     "ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH"),
    ("…, Đảng ủy Văn phòng Chính phủ xây dựng Kế hoạch tuyên truyền đại hội đảng các cấp, như sau:",
     "Đảng ủy Văn phòng Chính phủ", "ĐẢNG ỦY VĂN PHÒNG CHÍNH PHỦ"),
])
def test_issuer_suggested_from_the_opening_sentence(sentence, name, header):
    assert issuer_suggestion(to_lines(sentence))[::2] == (name, header)


def test_missing_issuer_is_a_warning_with_the_suggestion_never_a_value():
    plan = parse_text("Số 25-KH/ĐUK\tHà Tĩnh, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nTuyên truyền Đại hội\n"
                      "Thực hiện Kế hoạch số 18-KH/TU ngày 20/02/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy "
                      "Khối Doanh nghiệp tỉnh xây dựng Kế hoạch tuyên truyền như sau:\nI. MỤC ĐÍCH\n- a\n")
    assert plan["issuer"] is None
    w = [w for w in plan["warnings"] if getattr(w, "field", "") == "issuer"]
    assert len(w) == 1 and "“ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH”" in w[0] and w[0].startswith("dòng 4:")
    plan = parse_text("Số 25-KH/ĐUK\nKẾ HOẠCH\nTuyên truyền Đại hội\nI. MỤC ĐÍCH\n- a\n")
    assert any(getattr(w, "field", "") == "issuer" and "không tìm thấy tên cơ quan" in w for w in plan["warnings"])
