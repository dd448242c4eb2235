"""importer/phases.py (with outline.py): which headings are phases, moments, peaks, tracks."""
from __future__ import annotations

import pytest

from daihoi.importer.parse import parse_text

HEAD = "Số 01-KH/ĐU\nHà Nội, ngày 02 tháng 12 năm 2019\nKẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH, YÊU CẦU\n- Tuyên truyền.\n"


def phases(body: str) -> list[dict]:
    return parse_text(HEAD + body)["phases"]


def test_forms_subsection_numbered_like_phases_is_not_a_phase():
    ph = phases("II. NỘI DUNG TUYÊN TRUYỀN\n1.1. Từ nay đến tháng 3/2020\n- a\n1.2. Từ tháng 4/2020 đến tháng 6/2020\n- b\n"
                "1.3. Từ tháng 7/2020 đến trước Đại hội\n- c\n1.4. Hình thức, biện pháp tuyên truyền\n- Hội nghị từ tháng 1/2020\n"
                "2. Các hoạt động tuyên truyền chủ yếu\n2.1. Tổ chức tuyên truyền trên các phương tiện thông tin đại chúng\n- d\n")
    assert [p["label"] for p in ph] == ["1.1", "1.2", "1.3"]
    assert ph[2]["start"] == "2020-07-01" and ph[2]["end"] is None


def test_series_labels_and_parallel_tracks():
    ph = phases("II. NỘI DUNG\n1. Tuyên truyền đại hội cơ sở\nĐợt 1: Từ đầu năm 2020 đến tháng 6/2020:\n- a\n"
                "Đợt 2. Sau Đại hội cơ sở\n- b\n2. Tuyên truyền Đại hội XIII\nĐợt 1 - Trước khai mạc Đại hội XIII\n- c\n")
    assert [(p["track"], p["label"]) for p in ph] == [("1", "Đợt 1"), ("1", "Đợt 2"), ("2", "Đợt 1")]
    assert ph[0]["title"] == "Từ đầu năm 2020 đến tháng 6/2020"
    assert ph[2]["relative"] == {"when": "before", "event": "khai mạc Đại hội XIII"}


def test_single_series_has_null_track():
    ph = phases("II. NỘI DUNG\n1. Các đợt\nĐợt 1: Từ tháng 1/2020 đến tháng 2/2020\nĐợt 2: Từ tháng 3/2020 đến tháng 4/2020\n")
    assert [p["track"] for p in ph] == [None, None]


def test_grouped_by_level_with_lettered_moments_and_peak():
    ph = phases("II. NỘI DUNG, THỜI GIAN\n1. Theo từng cấp\n1.1. Đối với Đại hội cơ sở (từ tháng 12/2019 đến tháng 8/2020)\n"
                "a) Trước và trong Đại hội:\n- chuẩn bị\nb) Sau Đại hội:\n- kết quả\n"
                "1.2. Đối với Đại hội tỉnh (từ tháng 9/2020 đến tháng 10/2020)\nCao điểm từ ngày 01 đến ngày 31/10/2020.\n- văn kiện\n")
    assert [(p["start"], p["end"]) for p in ph] == [("2019-12-01", "2020-08-31"), ("2020-09-01", "2020-10-31")]
    assert [(m["when"], m["items"]) for m in ph[0]["moments"]] == [("before", ["chuẩn bị"]), ("after", ["kết quả"])]
    assert ph[1]["peak"] == {"start": "2020-10-01", "end": "2020-10-31"}
    assert ph[1]["items"] == ["văn kiện"]


def test_starred_moments_typed_inconsistently():
    ph = phases("II. NỘI DUNG\n1.1. Tuyên truyền Đại hội huyện: Từ tháng 7/2020 đến 31/8/2020\n*Trước khai mạc*\n- a\n"
                "** Trong thời gian diễn ra Đại hội, tập trung:*\n- b\n- * *Sau khi bế mạc Đại hội*, tập trung tuyên truyền:\n - c\n")
    assert [m["when"] for m in ph[0]["moments"]] == ["before", "during", "after"]
    assert ph[0]["moments"][1]["title"] == "Trong thời gian diễn ra Đại hội, tập trung"
    assert [m["items"] for m in ph[0]["moments"]] == [["a"], ["b"], ["c"]]


def test_post_congress_periods():
    ph = phases("II. NỘI DUNG\n1. Sau bầu cử đến hết năm 2021\n- a\n2. Từ năm 2022 đến năm 2025\n- b\n")
    assert [(p["start"], p["end"]) for p in ph] == [(None, "2021-12-31"), ("2022-01-01", "2025-12-31")]
    assert ph[0]["relative"]["when"] == "after"


def test_event_bound_phase_has_null_dates_and_a_warning():
    plan = parse_text(HEAD + "II. NỘI DUNG\n1. Ngay sau Đại hội XIII của Đảng, tuyên truyền:\n- a\n")
    assert plan["phases"][0]["start"] is None and plan["phases"][0]["end"] is None
    assert plan["phases"][0]["relative"] == {"when": "after", "event": "Đại hội XIII của Đảng"}
    assert any(w.startswith("dòng 8:") and "gắn với sự kiện" in w for w in plan["warnings"])


def test_numbered_purpose_paragraphs_are_not_phases():
    plan = parse_text(HEAD + "1. Tuyên truyền sâu rộng từ năm 2020 về Đại hội.\nII. NỘI DUNG\n1. Từ tháng 1/2020 đến tháng 2/2020\n")
    assert [p["label"] for p in plan["phases"]] == ["1"]


def test_no_phase_found_is_a_warning():
    plan = parse_text(HEAD + "II. NỘI DUNG\n- Tuyên truyền chung.\n")
    assert plan["phases"] == [] and any("không tìm thấy đợt" in w for w in plan["warnings"])


def test_series_typed_as_bullets():
    ph = phases("II. NỘI DUNG TUYÊN TRUYỀN\n1. Thời gian\n- Đợt 1 (từ ngày 01/3 đến ngày 30/4/2021): tuyên truyền chung.\n"
                "- Đợt 2 (từ ngày 01/5 đến ngày 23/5/2021): cao điểm.\n")
    assert [(p["label"], p["start"], p["end"]) for p in ph] == [
        ("Đợt 1", "2021-03-01", "2021-04-30"), ("Đợt 2", "2021-05-01", "2021-05-23")]


MOMENTS = ("II. NỘI DUNG, THỜI GIAN\n2. Theo từng cấp đại hội\n"
           "2.1. Tuyên truyền Đại hội Đảng bộ huyện (từ tháng 3/2025 đến tháng 5/2025)\n{a}\n- chuẩn bị\n{b}\n- kết quả\n"
           "2.2. Tuyên truyền Đại hội Đảng bộ tỉnh (từ tháng 6/2025 đến tháng 9/2025)\n- văn kiện\n")


@pytest.mark.parametrize("a,b", [
    ("a) Trước và trong Đại hội:", "b) Sau Đại hội:"),
    ("a) Trước và trong Đại hội (từ tháng 3/2025 đến khi kết thúc Đại hội):", "b) Sau Đại hội:"),   # a date of its own
    ("*a) Trước và trong Đại hội:*", "*b) Sau Đại hội (tháng 5/2025):*"),                           # italic markup
    ("*Trước và trong Đại hội*", "*Sau Đại hội*"),
])
def test_sub_periods_under_a_dated_period_are_its_moments(a, b):
    ph = phases(MOMENTS.format(a=a, b=b))
    assert [(p["label"], p["start"], p["end"]) for p in ph] == [("2.1", "2025-03-01", "2025-05-31"),
                                                                 ("2.2", "2025-06-01", "2025-09-30")]
    assert [m["when"] for m in ph[0]["moments"]] == ["before", "after"]


def test_dash_bullets_that_open_with_a_time_are_phases_with_guessed_labels():
    plan = parse_text(HEAD + "II. THỜI GIAN\n1. Thời gian tuyên truyền\n"
                             "- Từ ngày 01/12/2024 đến ngày 28/02/2025: tuyên truyền đại hội chi bộ.\n+ văn kiện\n"
                             "- Từ ngày 01/3/2025 đến khi khai mạc Đại hội: tuyên truyền văn kiện.\n"
                             "- Sau Đại hội đến hết ngày 30/6/2025: tuyên truyền kết quả.\n2. Nội dung\n- Kết quả.\n")
    ph = plan["phases"]
    assert [(p["label"], p["start"], p["end"]) for p in ph] == [
        ("1", "2024-12-01", "2025-02-28"), ("2", "2025-03-01", None), ("3", None, "2025-06-30")]
    assert ph[0]["title"] == "Từ ngày 01/12/2024 đến ngày 28/02/2025: tuyên truyền đại hội chi bộ"
    assert ph[0]["items"] == ["văn kiện"]
    labels = [w for w in plan["warnings"] if w.field.endswith(".label")]
    assert [w.field for w in labels] == ["phases[0].label", "phases[1].label", "phases[2].label"]


def test_moment_bullets_under_a_period_heading_are_not_phases():
    ph = phases("II. NỘI DUNG\n3. Giai đoạn 3: Tuyên truyền Đại hội XIII\n- Trước Đại hội: văn kiện.\n"
                "- Trong thời gian diễn ra Đại hội: diễn biến.\n- Sau Đại hội: kết quả.\n")
    assert [p["label"] for p in ph] == ["Giai đoạn 3"]


def test_giai_doan_with_dates_in_parentheses_and_two_labels():
    ph = phases("II. NỘI DUNG\nGiai đoạn 1 (từ ngày 20/01/2025 đến ngày 31/3/2025): tuyên truyền.\n- a\n"
                "Giai đoạn 2 (từ ngày 01/4/2025 đến ngày 15/5/2025): tuyên truyền.\n- b\n")
    assert [(p["label"], p["title"], p["start"]) for p in ph] == [
        ("Giai đoạn 1", "(từ ngày 20/01/2025 đến ngày 31/3/2025): tuyên truyền", "2025-01-20"),
        ("Giai đoạn 2", "(từ ngày 01/4/2025 đến ngày 15/5/2025): tuyên truyền", "2025-04-01")]
    plan = parse_text(HEAD + "II. NỘI DUNG\n1. Giai đoạn I (từ ngày 01/4/2025 đến ngày 15/5/2025): tuyên truyền.\n- b\n")
    assert [(p["label"], p["title"]) for p in plan["phases"]] == [
        ("Giai đoạn I", "(từ ngày 01/4/2025 đến ngày 15/5/2025): tuyên truyền")]
    assert any(w.field == "phases[0].label" and "hai số hiệu" in w for w in plan["warnings"])


def test_phases_in_a_table_pasted_as_text():
    plan = parse_text(HEAD + "II. THỜI GIAN, NỘI DUNG\nSTT\tThời gian\tNội dung\tĐơn vị thực hiện\n"
                             "1\tTừ ngày 10/3/2025 đến ngày 30/6/2025\tTuyên truyền đại hội cơ sở.\tBan Tuyên giáo\n"
                             "2\tSau Đại hội đến hết tháng 12/2025\tKết quả Đại hội.\tBáo chí\nIII. KHẨU HIỆU\n- A!\n")
    ph = plan["phases"]
    assert [(p["label"], p["title"], p["start"], p["end"], p["items"]) for p in ph] == [
        ("1", "Từ ngày 10/3/2025 đến ngày 30/6/2025", "2025-03-10", "2025-06-30", ["Tuyên truyền đại hội cơ sở."]),
        ("2", "Sau Đại hội đến hết tháng 12/2025", None, "2025-12-31", ["Kết quả Đại hội."])]


def test_a_numbered_heading_dated_by_its_time_line():
    ph = phases("II. NỘI DUNG\n1. Đợt 1: Tuyên truyền trước Đại hội\nThời gian: từ ngày 20/3/2025 đến ngày 14/5/2025.\n"
                "- a\n2. Đợt 2: Tuyên truyền sau Đại hội\nThời gian: từ ngày 15/5/2025 đến ngày 30/6/2025.\n")
    assert [(p["label"], p["title"], p["start"], p["end"]) for p in ph] == [
        ("Đợt 1", "Tuyên truyền trước Đại hội", "2025-03-20", "2025-05-14"),
        ("Đợt 2", "Tuyên truyền sau Đại hội", "2025-05-15", "2025-06-30")]
