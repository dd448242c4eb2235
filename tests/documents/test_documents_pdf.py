"""The plan PDF read back with pypdf: A4, official header, the plan's text word for word in
its order, the section's marked page of phase dates, NFC text, fonts embedded as subsets."""

import unicodedata

import pytest
from pypdf import PdfReader

from docs_helpers import BUILD_DATE, PAGE_URL, PLAN_NAMES, by_kind, load_plan, ws
from daihoi.documents.layout import ADDED_TITLE, plan_layout

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
def test_pdf_text_has_everything_in_order(built, name):
    plan, reader, _ = _reader(built, name)
    raw = _text(reader)
    assert unicodedata.is_normalized("NFC", raw)
    text = ws(raw)
    assert plan.number in text and ws(plan.title) in text and "KẾ HOẠCH" in text
    at = 0
    for block in plan.blocks:            # the document's own words, in the document's order
        found = text.find(ws(block.text), at)
        assert found >= 0, block.text
        at = found + len(ws(block.text))
    if plan.recipients:
        assert "Nơi nhận:" in text
    assert plan.signer["name"] in text and plan.signer["on_behalf"] in text


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_added_page_gives_every_phase_its_resolved_dates(built, name):
    plan, reader, _ = _reader(built, name)
    last = ws(reader.pages[-1].extract_text())
    assert ADDED_TITLE in last and "không thuộc văn bản đã ký" in last
    for phase in plan.phases:
        assert ws(phase.name) in last and ws(phase.range_text or "Chưa có ngày") in last, phase.key


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_pdf_pages_are_a4_and_numbered_from_page_two(built, name):
    _, reader, _ = _reader(built, name)
    assert 2 <= len(reader.pages) <= 15
    for i, page in enumerate(reader.pages, 1):
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4
        first_line = page.extract_text().strip().splitlines()[0].strip()
        if i > 1:
            assert first_line == str(i)  # page number at the top centre (Nghị định 30)
        else:
            assert first_line != "1"
    # The closing block (recipients, signer) ends the document, before the section's added page.
    assert "Nơi nhận:" in reader.pages[-2].extract_text() or "Nơi nhận:" in reader.pages[-1].extract_text()


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
    last = ws(reader.pages[-2].extract_text())     # the signed document's last page (the section's page follows)
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
    assert plan.number in meta.title
    assert meta.creation_date.date() == plan.date


def test_layout_keeps_the_documents_own_parts_and_numbers():
    from docs_helpers import load_plan

    lay = plan_layout(load_plan("plan_07_kh_duk"))
    parts = [b.text for b in lay.body if b.kind == "heading" and b.level == 2]
    assert parts == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. THỜI GIAN, NỘI DUNG TUYÊN TRUYỀN",
        "III. HÌNH THỨC TRIỂN KHAI",          # as signed, not renamed
        "IV. KHẨU HIỆU TUYÊN TRUYỀN",
        "V. TỔ CHỨC THỰC HIỆN",
    ]
    assert lay.body[0].text.startswith("Thực hiện Kế hoạch số 02-KH/BTGTU")   # the opening paragraph stays


def test_plan_without_issuer_prints_no_lone_star(built):
    plan, reader, _ = _reader(built, "plan_20_kh_duk")
    assert plan.issuer is None
    lines = [ln.strip() for ln in reader.pages[0].extract_text().splitlines()]
    assert "*" not in lines and "None" not in " ".join(lines)


def test_line_widths_are_fpdf2s_own(monkeypatch):
    """new_pdf's fonts add up a growing line's widths once (pdf_plan._growing_widths): every width
    is fpdf2's own, to the last bit, for lines that grow, shrink and mix runs, and a plan's PDF is
    the same bytes as with fpdf2's own code."""
    from fpdf.fonts import TTFFont

    from daihoi.documents import pdf_plan

    pdf = pdf_plan.new_pdf(creation=BUILD_DATE)
    font = pdf.fonts["serif"]
    assert type(font) is not TTFFont and isinstance(font, TTFFont)
    assert type(pdf.fonts["serifB"]) is not type(font)          # each font its own remembered texts
    line = "Đại hội đại biểu Đảng bộ lần thứ XIV, nhiệm kỳ 2025 - 2030: “khẩu hiệu” ẞ\u0300 \U0001f600"
    texts = [line[:n] for n in range(len(line) + 1)] + [line[:20], line[:3], line, "khác " * 9, line[5:], ""]
    for run in (line[:30], "x" * 12):                           # two runs measured in turn
        texts += [run + line[:n] for n in range(0, 40, 3)]
    for text in texts:
        for size in (14, 12.5, 0.1):
            assert font.get_text_width(text, size, None) == TTFFont.get_text_width(font, text, size, None), text

    plan = load_plan("plan_38_kh_du")
    made = pdf_plan.render_plan_pdf(plan, page_url=PAGE_URL, doc_date=plan.date)
    monkeypatch.setattr(pdf_plan, "_growing_widths", lambda font: None)
    assert pdf_plan.render_plan_pdf(plan, page_url=PAGE_URL, doc_date=plan.date) == made


def test_glyphs_embedded_as_they_are_draw_the_same(monkeypatch):
    """The subset's glyphs as the font file has them (pdf_plan._glyphs_as_they_are), not re-encoded
    with their boxes measured again: every page of a plan's PDF draws the same, pixel for pixel."""
    import pypdfium2

    from daihoi.documents import pdf_plan

    plan = load_plan("plan_20_kh_duk")
    kept = pdf_plan.render_plan_pdf(plan, page_url=PAGE_URL, doc_date=plan.date)
    monkeypatch.setattr(pdf_plan, "_glyphs_as_they_are", lambda font: None)
    measured = pdf_plan.render_plan_pdf(plan, page_url=PAGE_URL, doc_date=plan.date)
    assert kept != measured                 # the fonts are embedded otherwise
    ours, theirs = pypdfium2.PdfDocument(kept), pypdfium2.PdfDocument(measured)
    assert len(ours) == len(theirs) >= 2
    for i in range(len(ours)):
        assert ours[i].render(scale=1.5).to_pil().tobytes() == theirs[i].render(scale=1.5).to_pil().tobytes(), i
