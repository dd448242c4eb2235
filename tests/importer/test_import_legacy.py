"""legacy.py: plans typed in TCVN3 (ABC) or VNI fonts, as .txt bytes or inside a .docx."""
from __future__ import annotations

import unicodedata

import pytest

from daihoi.importer import import_file
from daihoi.importer.check import check_plan
from importer_helpers import SEEDS, expected_for, write_docx

viparse = pytest.importorskip("viparse")


def to_legacy(text: str, name: str) -> str:
    """Unicode -> the legacy font's surface characters (what the old file's bytes read as)."""
    from viparse.normalize.encodings import CHARMAPS
    rev = {u: l for l, u in CHARMAPS[name].pairs}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch not in rev and ch.lower() in rev:
            ch = ch.lower()   # TCVN3 has no upper-case accented letters: headings used .VnTimeH
        out.append(rev.get(ch, ch))
    return "".join(out)


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_legacy_txt_is_converted_with_a_warning(name, tmp_path):
    seed = SEEDS[0]
    f = tmp_path / "cu.txt"
    f.write_bytes(to_legacy(seed.read_text(encoding="utf-8"), name).encode("cp1252"))
    plan = import_file(f)
    assert check_plan(plan) == []
    assert "bảng mã cũ" in plan["warnings"][0] and plan["warnings"][0].startswith("dòng 1:")
    exp = expected_for(seed)
    # What survives the lost upper case: everything not printed in capitals.
    assert plan["number"] == exp["number"] and plan["date"] == exp["date"] and plan["place"] == exp["place"]
    assert [(p["start"], p["end"]) for p in plan["phases"]] == [(p["start"], p["end"]) for p in exp["phases"]]
    assert len(plan["slogans"]) == len(exp["slogans"])
    assert plan["slogan_display"] == exp["slogan_display"]


def test_legacy_text_inside_docx(tmp_path):
    seed = SEEDS[1]
    f = write_docx(to_legacy(seed.read_text(encoding="utf-8"), "tcvn3"), tmp_path / "cu.docx")
    plan = import_file(f)
    assert "TCVN3" in plan["warnings"][0]
    assert plan["number"] == "38-KH/ĐU" and len(plan["phases"]) == 7
