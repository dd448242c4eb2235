"""document.py: the received body as blocks, every line kept, headings, items, tables, emphasis."""
from __future__ import annotations

from daihoi.importer.decode import Piece, to_lines
from daihoi.importer.document import blocks
from daihoi.model.document import parse, to_markdown


def test_headings_items_and_paragraphs_keep_their_words():
    body = to_lines("I. NỘI DUNG\n1. Đợt 1: Từ tháng 3/2025\n- Tuyên truyền kết quả.\n- + Trách nhiệm của đại biểu.\n"
                    "+ Quy chế bầu cử.\nTrong quá trình triển khai, cần coi trọng đấu tranh.\nII. KHẨU HIỆU")
    out = blocks(body)
    assert [(b.kind, b.level, b.text) for b in out] == [
        ("heading", 2, "I. NỘI DUNG"), ("heading", 3, "1. Đợt 1: Từ tháng 3/2025"), ("item", 0, "Tuyên truyền kết quả."),
        ("item", 0, "+ Trách nhiệm của đại biểu."), ("item", 1, "Quy chế bầu cử."),
        ("para", 0, "Trong quá trình triển khai, cần coi trọng đấu tranh."), ("heading", 2, "II. KHẨU HIỆU")]
    back = parse(to_markdown(out))
    assert [b.text for b in back] == [b.text for b in out]      # the content file gives the same words back


def test_a_table_is_one_table_block_and_emphasis_is_kept():
    pieces = [Piece("I. MỤC ĐÍCH"), Piece("II. THỜI GIAN"), Piece("STT", bold=True, cell=(3, 0, 0)), Piece("Thời gian", bold=True, cell=(3, 0, 1)),
              Piece("1", cell=(3, 1, 0)), Piece("Tháng 3/2025", cell=(3, 1, 1)), Piece("đến tháng 5", cell=(3, 1, 1)),
              Piece("Trước khai mạc Đại hội:", italic=True, italic_start=True), Piece("Kết quả.", bold=True)]
    out = blocks(to_lines(pieces))
    # The italic "Trước khai mạc …:" line is a moment's sub-heading; it stays italic.
    assert [b.kind for b in out] == ["heading", "heading", "table", "heading", "para"]
    rows = [[" ".join(r.text for r in cell) for cell in row] for row in out[2].rows]
    assert rows == [["STT", "Thời gian"], ["1", "Tháng 3/2025 đến tháng 5"]]
    assert out[3].runs[0].italic and out[4].runs[0].bold
    assert "| STT | Thời gian |" in to_markdown(out)
