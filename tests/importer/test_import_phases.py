"""importer/phases.py (with outline.py): which headings are phases, moments, peaks, tracks."""
from __future__ import annotations

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
