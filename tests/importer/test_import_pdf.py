"""pdf.py and pdftext.py: a PDF printed from Word read back from its text positions."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from corpus_score import CORPUS
from importer_helpers import pdf_bytes
from daihoi.importer import import_file
from daihoi.importer import pdf, pdftext


def _pieces(name):
    return pdf.pdf_pieces((CORPUS / "files" / f"{name}.pdf").read_bytes())[0]


def test_a_header_cell_that_wraps_is_one_name():
    """'ĐẢNG ỦY KHỐI CÁC CƠ QUAN' / 'TRUNG ƯƠNG' on two lines of one cell, in one bold font."""
    head = [p.text for p in _pieces("duk-tw-dai")[:3]]
    assert head[0] == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM"
    plan = import_file(CORPUS / "files" / "duk-tw-dai.pdf")
    assert (plan["issuer"], plan["parent_issuer"]) == ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", None)
    assert not any(getattr(w, "field", "") == "issuer" for w in plan["warnings"])


def test_superior_body_and_issuer_stay_apart():
    """The superior body (regular) over the issuer (bold), each filling its line: two names."""
    plan = import_file(CORPUS / "files" / "dn-giai-doan.pdf")
    assert plan["parent_issuer"] == "ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH THANH HÓA"
    assert plan["issuer"] == "ĐẢNG ỦY TỔNG CÔNG TY ĐẦU TƯ PHÁT TRIỂN HẠ TẦNG"


def test_a_printed_table_becomes_cells():
    cells = [(p.cell[1:], p.text) for p in _pieces("btg-bang") if p.cell]
    assert cells[:4] == [((0, 0), "STT"), ((0, 1), "Thời gian"), ((0, 2), "Nội dung tuyên truyền"),
                         ((0, 3), "Đơn vị thực hiện")]
    assert ((2, 2), "Tuyên truyền các dự thảo văn kiện, công tác chuẩn bị và diễn biến Đại hội đại biểu Đảng bộ "
                    "thành phố lần thứ XVII. Đưa tin nhanh các phiên làm việc của Đại hội.") in cells
    plan = import_file(CORPUS / "files" / "btg-bang.pdf")
    assert [(p["label"], p["start"], p["end"]) for p in plan["phases"]] == [
        ("1", "2025-03-10", "2025-06-30"), ("2", "2025-07-01", None), ("3", None, "2025-12-31")]


def test_wrapped_lines_become_the_paragraphs_of_the_word_file():
    from daihoi.importer.docx import docx_pieces
    word = [p.text for p in docx_pieces((CORPUS / "files" / "seed-004.auto.docx").read_bytes())]
    printed = [p.text for p in _pieces("seed-004")]
    # The running text's paragraphs; a PDF does not say whether "2020- 2025" broken after its
    # hyphen had a space there, so spaces after a hyphen are not compared.
    body = lambda xs: [re.sub(r"-\s+", "-", x) for x in xs if len(x) > 60]   # noqa: E731
    assert body(printed) == body(word)


def test_closing_block_columns_and_a_recipient_wrapped_over_a_page():
    lines = [p.text for p in _pieces("seed-004")]
    assert "- Các Ban Xây dựng Đảng, Văn phòng, đoàn thể trực thuộc Đảng bộ Khối," in lines


@pytest.mark.parametrize("name", ["seed-000", "seed-004", "btg-bang", "ubnd-huyen-bang-dot", "mttq-chien-dich"])
def test_content_stream_reader_finds_what_pypdf_finds(name):
    reader = PdfReader(io.BytesIO((CORPUS / "files" / f"{name}.pdf").read_bytes()))
    for i, page in enumerate(reader.pages):
        fast, rules, _ = pdf._page_items(page, i)
        slow, slow_rules, _ = pdf._page_items_pypdf(page, i)
        letters = lambda cs: sorted("".join(c.text for c in cs).replace(" ", ""))   # noqa: E731
        assert letters(fast) == letters(slow)
        assert len(rules) == len(slow_rules)
        by_start = {(round(c.x), round(c.y)): c for c in slow}
        for c in fast:                     # same positions, and the end from the font's widths
            twin = by_start.get((round(c.x), round(c.y)))
            if twin is not None:           # (pypdf's piece may take in a trailing space of its own)
                assert abs(twin.x1 - c.x1) < 0.3 * c.size


def _simple_font_pdf(text: str) -> bytes:
    """A page in Helvetica with no ToUnicode map: the content stream reader hands it to pypdf."""
    stream = b"BT /F1 12 Tf 50 700 Td (" + text.encode("latin-1") + b") Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return pdf_bytes(objs)


def test_a_font_without_unicode_map_is_read_by_pypdf():
    page = PdfReader(io.BytesIO(_simple_font_pdf("KE HOACH tuyen truyen dai hoi"))).pages[0]
    with pytest.raises(pdftext.Unsupported):
        pdftext.page_fonts(page)
    chunks, _, _ = pdf._page_items(page, 0)
    assert "".join(c.text for c in chunks).startswith("KE HOACH")


def test_string_escapes_and_hex_strings():
    assert pdftext._literal(rb"(a\(b\)c\\d\101\n)") == b"a(b)c\\dA\n"
    assert pdftext._hexstr(b"<00 41\n0042>") == b"\x00A\x00B"
    cmap, width = pdftext._cmap(b"begincodespacerange <0000> <FFFF> endcodespacerange "
                                b"2 beginbfchar <0003> <0020> <0024> <1EA0> endbfchar "
                                b"1 beginbfrange <0010> <0012> <0041> endbfrange")
    assert width == 2 and cmap[0x24] == "Ạ" and [cmap[c] for c in (0x10, 0x11, 0x12)] == ["A", "B", "C"]


def test_a_table_printed_without_ruling_lines():
    """The corpus prints ubnd-huyen-bang-dot's phase table without borders: cells by column starts."""
    cells = [(p.cell[1:], p.text) for p in _pieces("ubnd-huyen-bang-dot") if p.cell]
    assert cells[:3] == [((0, 0), "Thời gian"), ((0, 1), "Nội dung tuyên truyền"), ((0, 2), "Cơ quan thực hiện")]
    assert ((2, 0), "Đợt 2: Từ ngày 16/6/2025 đến ngày 30/6/2025 (cao điểm từ ngày 25/6/2025 đến ngày 27/6/2025)") \
        in cells
    plan = import_file(CORPUS / "files" / "ubnd-huyen-bang-dot.pdf")
    assert [(p["label"], p["start"], p["end"]) for p in plan["phases"]] == [
        ("Đợt 1", "2025-04-15", "2025-06-15"), ("Đợt 2", "2025-06-16", "2025-06-30"), ("Đợt 3", "2025-07-01", "2025-08-31")]
