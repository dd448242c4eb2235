"""Corrections: field path -> value over the importer's plan dict (daihoi/desk/corrections.py)."""
from __future__ import annotations

import pytest

from daihoi.desk import corrections as C


def test_paths_read_and_written_back():
    for text, parts in (("issuer", ("issuer",)), ("phases[2].relative.congress", ("phases", 2, "relative", "congress")),
                        ("slogans[0]", ("slogans", 0)), ("signer.name", ("signer", "name"))):
        assert C.parse_path(text) == parts
        assert C.path_text(parts) == text
    for bad in ("", "[0]", "phases[x]", "phases..end", "phases[0]end!"):
        with pytest.raises(C.CorrectionError):
            C.parse_path(bad)


def test_values_as_the_importer_stores_them():
    assert C.normalise("phases[0].end", "4/1/2016") == "2016-01-04"
    assert C.normalise("phases[0].end", "2016-01-04") == "2016-01-04"
    assert C.normalise("phases[0].end", " ") is None
    assert C.normalise("issuer", "  ĐẢNG ỦY   KHỐI ") == "ĐẢNG ỦY KHỐI"
    assert C.normalise("reporting[0].day_of_month", "20") == 20
    assert C.normalise("recipients", "Như trên;\n\n Lưu VP. \n") == ["Như trên;", "Lưu VP."]
    with pytest.raises(C.CorrectionError, match="không có ngày 31"):
        C.normalise("date", "31/04/2025")
    with pytest.raises(C.CorrectionError, match="từ 1 đến 31"):
        C.normalise("reporting[0].day_of_month", "32")


def test_apply_sets_appends_and_removes_without_touching_the_original():
    plan = {"issuer": None, "phases": [{"label": "1", "start": None}], "slogans": ["a", "b", "c"], "warnings": ["x"]}
    out = C.apply(plan, {"issuer": "ĐẢNG ỦY", "phases[0].start": "04/01/2016", "phases[1].label": "2",
                         "phases[0].relative.when": "after", "slogans[1]": None, "slogans[3]": "d"})
    assert out == {"issuer": "ĐẢNG ỦY", "phases": [{"label": "1", "start": "2016-01-04", "relative": {"when": "after"}},
                                                    {"label": "2"}], "slogans": ["a", "c", "d"], "warnings": ["x"]}
    assert plan["slogans"] == ["a", "b", "c"] and plan["issuer"] is None
    with pytest.raises(C.CorrectionError, match="chỉ có 3 mục"):
        C.apply(plan, {"slogans[5]": "x"})


def test_tracks_of_an_import_are_corrected_where_the_writer_reads_them():
    plan = {"phases": [], "warnings": []}
    extra = {"tracks": [{"id": "1", "title": "Một"}], "document": []}
    out, extra2 = C.apply_to_import(plan, extra, {"tracks[0].title": "Nhóm một"})
    assert extra2["tracks"] == [{"id": "1", "title": "Nhóm một"}] and "tracks" not in out
    assert extra["tracks"][0]["title"] == "Một"


def test_command_line_assignments():
    assert C.parse_assignment("phases[0].end=21/01/2016") == ("phases[0].end", "21/01/2016")
    assert C.parse_assignment("slogans[2]=A = B!") == ("slogans[2]", "A = B!")
    assert C.parse_assignment('recipients=["Như trên;", "Lưu."]') == ("recipients", ["Như trên;", "Lưu."])
    with pytest.raises(C.CorrectionError):
        C.parse_assignment("issuer")


def test_command_line_writes_the_corrected_import(tmp_path):
    from desk_helpers import word_file
    from helpers import run_cli

    out = tmp_path / "07.md"
    done = run_cli("desk", "--nhap", word_file("07-kh-duk", tmp_path), "--sua", "phases[0].end=32/01/2016", "--out", out)
    assert done.returncode == 1 and "không có ngày 32" in done.stderr and not out.exists()
    done = run_cli("desk", "--nhap", word_file("07-kh-duk", tmp_path), "--sua", "phases[0].end=21/01/2016",
                   "--out", out)
    assert done.returncode == 0, done.stderr
    assert 'end: "2016-01-21"' in out.read_text(encoding="utf-8")
    done = run_cli("desk", "--nhap", word_file("07-kh-duk", tmp_path), "--out", out)
    assert done.returncode == 1 and "đã có" in done.stderr
