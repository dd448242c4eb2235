"""Done-when of issue 3: every seed, in four forms, gives the expected values."""
from __future__ import annotations

import pytest

from daihoi.importer import import_file
from daihoi.importer.check import check_plan
from importer_helpers import (FONT, PLANS, SEEDS, expected_for, mismatches, write_docx, write_nfd, write_pdf,
                              write_typeset_pdf, write_utf16_crlf, write_word_like_docx)

FORMS = {
    "utf8": lambda text, tmp: _plain(text, tmp),
    "utf16-crlf": lambda text, tmp: write_utf16_crlf(text, tmp / "plan.txt"),
    "nfd": lambda text, tmp: write_nfd(text, tmp / "plan.txt"),
    "docx-table-header": lambda text, tmp: write_docx(text, tmp / "plan.docx"),
}


def _plain(text, tmp):
    p = tmp / "plan.txt"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_in_every_form(seed, form, tmp_path):
    path = FORMS[form](seed.read_text(encoding="utf-8"), tmp_path)
    plan = import_file(path)
    assert check_plan(plan) == []
    assert mismatches(plan, expected_for(seed)) == []


@pytest.mark.parametrize("form", ["utf8", "docx-table-header", "pdf"])
@pytest.mark.parametrize("fixture", PLANS, ids=lambda p: p.stem)
def test_extra_fixtures(fixture, form, tmp_path):
    text = fixture.read_text(encoding="utf-8")
    path = write_pdf(text, tmp_path / "plan.pdf") if form == "pdf" else FORMS[form](text, tmp_path)
    plan = import_file(path)
    assert check_plan(plan) == []
    assert mismatches(plan, expected_for(fixture)) == []


@pytest.mark.parametrize("wrap", [None, 95], ids=["lines", "wrapped"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_as_pdf(seed, wrap, tmp_path):
    """PDF text layer, with each paragraph on one line or broken into visual lines."""
    plan = import_file(write_pdf(seed.read_text(encoding="utf-8"), tmp_path / "plan.pdf", wrap=wrap))
    assert mismatches(plan, expected_for(seed)) == []


def test_seed_warnings_name_their_line():
    for seed in SEEDS:
        for w in import_file(seed)["warnings"]:
            assert w.startswith("dòng "), w


@pytest.mark.parametrize("src", SEEDS + PLANS, ids=lambda p: p.stem)
def test_typeset_pdf(src, tmp_path):
    """A PDF as Word or a printer makes it: wrapped paragraphs, two-column header and signer."""
    pytest.importorskip("fpdf")
    if not FONT.exists():
        pytest.skip("font not available")
    plan = import_file(write_typeset_pdf(src.read_text(encoding="utf-8"), tmp_path / "plan.pdf"))
    assert check_plan(plan) == []
    assert mismatches(plan, expected_for(src)) == []


@pytest.mark.parametrize("src", SEEDS + PLANS, ids=lambda p: p.stem)
def test_word_like_docx(src, tmp_path):
    """Header table, Word bullet lists, and recipients beside the signer in a closing table."""
    plan = import_file(write_word_like_docx(src.read_text(encoding="utf-8"), tmp_path / "plan.docx"))
    assert check_plan(plan) == []
    assert mismatches(plan, expected_for(src)) == []
