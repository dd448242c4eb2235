"""The review of a received plan (daihoi/desk/review.py): marks on the lines they came from, notes by
their line, and the dates every phase gets with the congresses as they stand."""
from __future__ import annotations

from datetime import date

import pytest

from desk_helpers import word_file
from daihoi.importer.sources import import_with_extras, read_lines

CONGRESSES = {
    "xii-toan-quoc": {"name": "Đại hội đại biểu toàn quốc lần thứ XII của Đảng", "level": "toàn quốc", "ordinal": "XII",
                      "unit": "Đảng Cộng sản Việt Nam", "opening": "2016-01-20", "closing": "2016-01-28"},
    "xiii-toan-quoc": {"name": "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "level": "toàn quốc",
                       "ordinal": "XIII", "unit": "Đảng Cộng sản Việt Nam", "opening": "2021-01-25",
                       "closing": "2021-02-01"},
}


@pytest.fixture(scope="module")
def seed07(tmp_path_factory):
    path = word_file("07-kh-duk", tmp_path_factory.mktemp("w"))
    plan, _ = import_with_extras(path)
    return plan, read_lines(path)


def test_what_was_recognised_is_marked_on_its_line(seed07):
    from daihoi.desk import review
    plan, lines = seed07
    rows, loose = review.rows(lines, plan)
    text = {r.no: r.text for r in rows}
    marks = {m.path: r.no for r in rows for m in r.marks}
    assert "07" in text[marks["number"]] and "KH/ĐUK" in text[marks["number"]]
    assert "ngày 04 tháng 01 năm 2016" in text[marks["date"]]
    assert text[marks["issuer"]].strip() == plan["issuer"]
    assert plan["title"].startswith(text[marks["title"]].strip())        # printed on two lines: the first
    for i, slogan in enumerate(plan["slogans"]):
        assert slogan[:30] in text[marks[f"slogans[{i}]"]]
    for i, unit in enumerate(plan["units"]):
        assert unit["name"][:30] in text[marks[f"units[{i}].name"]]
    assert [marks[f"phases[{i}].title"] for i in range(3)] == sorted(marks[f"phases[{i}].title"] for i in range(3))
    assert plan["signer"]["name"] in text[marks["signer.name"]]
    assert any(m.kind == "report" for r in rows for m in r.marks)
    # Each importer note sits on the line it names.
    noted = {n: r.no for r in rows for n in r.notes}
    for warning in plan["warnings"]:
        assert noted[warning] == review.note_line(warning)
    assert loose == []


def test_phase_dates_follow_the_congresses(seed07):
    from daihoi.desk import review
    plan, _ = seed07
    rows = review.phase_dates(plan, CONGRESSES)
    assert [r["dated"] for r in rows] == [True, True, True]
    third = rows[2]
    assert (third["start"], third["end"]) == (date(2016, 1, 29), date(2016, 2, 4))    # to the campaign's end
    assert third["how"] == "matched" and "XII" in third["congress"]
    assert review.phase_dates(plan, {})[2]["dated"] is False
    chosen = dict(plan, phases=plan["phases"][:2] + [dict(plan["phases"][2], relative=dict(
        plan["phases"][2]["relative"], congress="xiii-toan-quoc"))])
    assert review.phase_dates(chosen, CONGRESSES)[2]["start"] == date(2021, 2, 2)
    assert review.auto_congress(plan, CONGRESSES) == {2: CONGRESSES["xii-toan-quoc"]["name"]}
