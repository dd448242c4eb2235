"""The plan PDF read back with pypdf: A4, official header, every phase and slogan,
NFC Vietnamese text, fonts embedded as subsets."""

import unicodedata

import pytest
from pypdf import PdfReader

from daihoi.documents.layout import phase_prefix
from docs_helpers import PLAN_NAMES, by_kind, ws
from daihoi.documents.layout import plan_layout
from daihoi.documents.vnformat import nfc

A4 = (595.28, 841.89)


def _reader(built, name):
    plan, out, downloads = built[name]
    (pdf,) = [d for d in by_kind(downloads, "pdf")]
    return plan, PdfReader(out / pdf.path), pdf


def _text(reader) -> str:
    """All pages' text without the page numbers printed at the top of pages 2..n."""
    pages = []
    for i, page in enumerate(reader.pages, 1):
        lines = page.extract_text().splitlines()
        if i > 1 and lines and lines[0].strip() == str(i):
            lines = lines[1:]
        pages.append("\n".join(lines))
    return "\n".join(pages)


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_pdf_text_has_everything(built, name):
    plan, reader, _ = _reader(built, name)
    raw = _text(reader)
    assert unicodedata.is_normalized("NFC", raw)
    text = ws(raw)
    assert plan["number"] in text
    assert ws(plan["title"]) in text
    assert "KẾ HOẠCH" in text
    for phase in plan["phases"]:
        assert f"{phase_prefix(phase['label'])}{ws(phase['title'])}" in text, phase["label"]
    for slogan in plan["slogans"]:
        assert ws(nfc(slogan)) in text, slogan
    for unit in plan.get("units") or []:
        assert ws(unit["name"]) in text
    if plan.get("recipients"):
        assert "Nơi nhận:" in text
    assert plan["signer"]["name"] in text
    assert plan["signer"]["on_behalf"] in text


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_pdf_pages_are_a4_and_numbered_from_page_two(built, name):
    _, reader, _ = _reader(built, name)
    assert 2 <= len(reader.pages) <= 6
    for i, page in enumerate(reader.pages, 1):
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4
        first_line = page.extract_text().strip().splitlines()[0].strip()
        if i > 1:
            assert first_line == str(i)  # page number at the top centre (Nghị định 30)
        else:
            assert first_line != "1"
    # The closing block (recipients, signer) is on the last page.
    assert "Nơi nhận:" in reader.pages[-1].extract_text()


def test_party_header(built):
    _, reader, _ = _reader(built, "plan_07_kh_duk")
    first = ws(reader.pages[0].extract_text())
    for part in ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TP", "*", "Số 07-KH/ĐUK",
                 "ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 04 tháng 01 năm 2016"]:
        assert part in first
    assert "CỘNG HÒA XÃ HỘI" not in first


def test_state_header_and_signer(built):
    _, reader, _ = _reader(built, "plan_192_kh_ubnd")
    first = ws(reader.pages[0].extract_text())
    for part in ["ỦY BAN NHÂN DÂN QUẬN HÀ ĐÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 192/KH-UBND",
                 "Phường Quang Trung, ngày 05 tháng 3 năm 2020"]:
        assert part in first
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in first
    last = ws(reader.pages[-1].extract_text())
    for part in ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Minh Hằng",
                 "Góp ý dự thảo", "https://daihoi.example.vn/gop-y/du-thao-192/"]:
        assert part in last


def test_fonts_are_embedded_subsets(built):
    _, reader, _ = _reader(built, "plan_07_kh_duk")
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # embedded TrueType
            assert "/ToUnicode" in font  # selectable, extractable text
    assert names and all(n.startswith("/MPDFAA+LiberationSerif") for n in names), names
    # Subset: far smaller than the four bundled faces (1.5 MB).
    assert built["plan_07_kh_duk"][2][0].size_bytes < 250_000


def test_pdf_metadata(built):
    plan, reader, _ = _reader(built, "plan_07_kh_duk")
    meta = reader.metadata
    assert plan["number"] in meta.title
    assert meta.creation_date.date().isoformat() == plan["date"]


def test_layout_sections_are_numbered_in_order():
    from docs_helpers import load_plan

    lay = plan_layout(load_plan("plan_07_kh_duk"))
    sections = [b.text for b in lay.body if b.kind == "section"]
    assert sections == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. THỜI GIAN, NỘI DUNG TUYÊN TRUYỀN",
        "III. HÌNH THỨC TUYÊN TRUYỀN",
        "IV. KHẨU HIỆU TUYÊN TRUYỀN",
        "V. TỔ CHỨC THỰC HIỆN",
    ]
