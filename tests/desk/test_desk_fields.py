"""The plan form (daihoi/desk/fields.py): what a submitted form changed, counted field by field."""
from __future__ import annotations

from daihoi.desk import fields as F

PLAN = {"number": "07-KH/ĐUK", "system": "dang", "issuer": None, "date": "2016-01-04", "title": "T",
        "phases": [{"label": "1", "title": "Đợt một", "start": "2016-01-04", "end": "2016-01-20"},
                   {"label": "3", "title": "Sau", "start": None, "end": None,
                    "relative": {"when": "after", "event": "Đại hội XII"}}],
        "slogans": ["Một!", "Hai!"], "units": [{"name": "Ban Tuyên giáo", "tasks": ["x"]}], "reporting": [],
        "recipients": ["Như trên;"], "signer": {"name": "A"}, "warnings": []}


def form_of(sections):
    return {fl.path: fl.value for fl in F.all_fields(sections)}


def test_unchanged_form_changes_nothing():
    sections = F.plan_sections(PLAN, {})
    assert F.corrections(form_of(sections), [], PLAN, sections) == ({}, {})
    assert form_of(sections)["phases[0].end"] == "20/01/2016"       # dates shown as editors write them


def test_changed_fields_are_the_corrections():
    sections = F.plan_sections(PLAN, {"xii": {"name": "Đại hội XII"}})
    form = form_of(sections)
    form.update({"phases[0].end": "2016-01-20", "phases[1].relative.congress": "xii", "slogans[1]": "Hai ! ",
                 "slogans[2]": "Ba!", "issuer": "ĐẢNG ỦY"})
    corr, errors = F.corrections(form, ["units[0]"], PLAN, sections)
    # The same date typed the other way is no change; spacing is the contract's, not a change either.
    assert corr == {"phases[1].relative.congress": "xii", "slogans[1]": "Hai !", "slogans[2]": "Ba!",
                    "issuer": "ĐẢNG ỦY", "units[0]": None}
    assert errors == {}


def test_errors_name_their_field_and_keep_what_was_typed():
    sections = F.plan_sections(PLAN, {})
    form = dict(form_of(sections), **{"date": "31/02/2016"})
    corr, errors = F.corrections(form, [], PLAN, sections)
    assert "date" in errors and "không có ngày 31" in errors["date"]
    F.with_input(sections, form, errors)
    fl = next(f for f in F.all_fields(sections) if f.path == "date")
    assert fl.value == "31/02/2016" and fl.error == errors["date"] and fl.id == "f-date"


def test_importer_notes_sit_by_their_fields():
    from daihoi.importer.notes import note
    sections = F.plan_sections(PLAN, {})
    left = F.attach_warnings(sections, [note(52, "phases[1].start,phases[1].end", "không ghi ngày"),
                                        note(1, "", "toàn văn bản")])
    by = {f.path: f for f in F.all_fields(sections)}
    assert by["phases[1].start"].warnings and by["phases[1].end"].warnings
    assert [str(w) for w in left] == ["dòng 1: toàn văn bản"]


def test_field_ids():
    assert F.field_id("phases[2].relative.congress") == "f-phases-2-relative-congress"
    assert F.field_id("slogan_display.start") == "f-slogan-display-start"
