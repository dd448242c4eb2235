"""The Word files read back with python-docx: the plan's text word for word as in the PDF, A4,
core properties of any length, fixed zip."""

import zipfile

import pytest
from docx import Document
from docx.shared import Mm

from docs_helpers import PLAN_NAMES, by_kind, ws
from daihoi.documents.docx_common import ZIP_EPOCH


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def _plan_docx(built, name):
    plan, out, downloads = built[name]
    (docx,) = [d for d in by_kind(downloads, "docx") if "ke-hoach-" in d.path]
    return plan, out / docx.path


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_docx_has_everything(built, name):
    plan, path = _plan_docx(built, name)
    doc = Document(path)
    text = ws(_all_text(doc))
    assert plan.number in text and ws(plan.title) in text
    at = 0
    for block in plan.blocks:            # the document's own words, in its order
        found = text.find(ws(block.text), at)
        assert found >= 0, block.text
        at = found + len(ws(block.text))
    for phase in plan.phases:           # and the section's page of phase dates after it
        assert ws(f"{phase.name}: {phase.title}" if phase.title else phase.name) in text[at:]
    assert plan.signer["name"] in text
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert doc.core_properties.created.date() == plan.date


def test_docx_headers_match_the_system(built):
    _, party = _plan_docx(built, "plan_07_kh_duk")
    text = _all_text(Document(party))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Số 07-KH/ĐUK" in text
    assert "Hà Nội, ngày 04 tháng 01 năm 2016" in text
    _, state = _plan_docx(built, "plan_192_kh_ubnd")
    doc = Document(state)
    text = _all_text(doc)
    for part in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 192/KH-UBND",
                 "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nơi nhận:"]:
        assert part in text
    # The motto is underlined, as Nghị định 30 draws it.
    motto_runs = [r for t in doc.tables for c in t._cells for p in c.paragraphs for r in p.runs
                  if r.text == "Độc lập - Tự do - Hạnh phúc"]
    assert motto_runs and motto_runs[0].underline and motto_runs[0].bold
    # Times New Roman in every font slot, so Word on Windows never falls back.
    rfonts = doc.styles["Normal"].element.rPr.rFonts
    assert {rfonts.get(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{k}")
            for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}


def test_docx_zip_timestamps_fixed(built):
    _, out, downloads = built["plan_07_kh_duk"]
    for d in by_kind(downloads, "docx"):
        with zipfile.ZipFile(out / d.path) as z:
            assert {i.date_time for i in z.infolist()} == {ZIP_EPOCH}


def test_slogan_list_docx_and_txt(built):
    plan, out, downloads = built["plan_07_kh_duk"]
    (lst,) = [d for d in by_kind(downloads, "docx") if "khau-hieu" in d.path]
    text = _all_text(Document(out / lst.path))
    for slogan in plan.slogans:
        assert slogan.text in text
    (txt,) = by_kind(downloads, "txt")
    raw = (out / txt.path).read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.decode("utf-8").split("\r\n")
    assert lines[0] == "KHẨU HIỆU TUYÊN TRUYỀN"
    for i, slogan in enumerate(plan.slogans, 1):
        assert f"{i}. {slogan.text}" in lines
    assert "Treo từ ngày 12/01/2016 đến hết ngày 04/02/2016." in lines     # the one sentence of the display period


def test_core_properties_of_any_length_are_shortened_not_refused():
    from daihoi.documents.docx_common import CORE_MAX, core_value

    long = "Tuyên truyền " * 40
    assert len(core_value(long)) == CORE_MAX and core_value(long).endswith("…")
    assert core_value("ngắn") == "ngắn"
