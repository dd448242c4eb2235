"""notes.py: a warning is Vietnamese text naming its line, and knows the fields it is about."""
from __future__ import annotations

import copy
import json

from daihoi.importer.notes import fields, note, retarget, span


def test_note_is_text_naming_its_line_with_fields():
    n = note(12, "phases[2].end", "đợt “2” không ghi ngày kết thúc")
    assert n == "dòng 12: đợt “2” không ghi ngày kết thúc" and isinstance(n, str)
    assert (n.field, n.line) == ("phases[2].end", 12)
    assert json.loads(json.dumps([n])) == [str(n)]
    assert copy.deepcopy(n).field == "phases[2].end"


def test_span_several_fields_and_retarget():
    n = note(span(1, 7), "phase.start,phase.end", "x")
    assert n.startswith("dòng 1–7: ") and fields(n) == ["phase.start", "phase.end"]
    assert retarget(n, "phases[0].start").field == "phases[0].start" and retarget(n, "y") == n
    assert fields("dòng 1: chuỗi thường") == []
