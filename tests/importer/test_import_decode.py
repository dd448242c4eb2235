"""importer/decode.py: bytes -> NFC lines, noise removed."""
from __future__ import annotations

import unicodedata

import pytest

from daihoi.importer.decode import decode_bytes, to_lines
from daihoi.importer.errors import PlanImportError

TEXT = "Hà Nội, ngày 04 tháng 01 năm 2016\nKẾ HOẠCH\ntuyên truyền Đại hội của Đảng và các cấp\n"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),
    TEXT.encode("utf-16-le"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.replace("\n", "\r").encode("utf-8"),
    unicodedata.normalize("NFD", TEXT).encode("utf-8"),
    b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16-no-bom", "crlf", "cr", "nfd", "utf32"])
def test_every_encoding_gives_the_same_nfc_text(data):
    assert decode_bytes(data) == TEXT


def test_windows_1258_with_combining_marks():
    # cp1258 has few precomposed letters: "ế" is "ê" + a combining acute.
    data = _cp1258(TEXT)
    assert b"\xec" in data or b"\xcc" in data or b"\xde" in data or b"\xf2" in data  # tone marks as bytes
    assert decode_bytes(data) == TEXT


def _cp1258(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            try:
                out += unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0306\u0302\u031b")).encode("cp1258")
                out += "".join(m for m in marks if m not in "\u0306\u0302\u031b").encode("cp1258")
            except UnicodeEncodeError:
                out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def test_legacy_font_encoding_is_refused_with_advice():
    # TCVN3 (ABC) bytes: Vietnamese letters in font slots; decodes to nonsense.
    data = bytes([0xb8, 0xa9, 0xb7, 0xb5, 0xd6, 0xe5, 0xf3, 0xac, 0xae]) * 40
    with pytest.raises(PlanImportError) as e:
        decode_bytes(data)
    assert "Unicode" in e.value.message and "TCVN3" in e.value.message


@pytest.mark.parametrize("data", [b"", b"   \n\r\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_input_is_an_error(data):
    with pytest.raises(PlanImportError, match="rỗng"):
        decode_bytes(data)


def test_receipt_stamp_is_dropped_with_its_office():
    text = "Số 38 -KH/ĐU\nCÔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\t\nĐẾN\tGiờ: ...S.....\n\tNgày: 18/02/2020\n\nKẾ HOẠCH\n"
    assert [ln.text for ln in to_lines(text)] == ["Số 38 -KH/ĐU", "KẾ HOẠCH"]


def test_page_numbers_and_emphasis_marks_are_dropped():
    lines = to_lines("** Trước khai mạc Đại hội*, tập trung:*\n2\n- 3 -\nTrang 4\n*\nnội dung")
    assert [ln.text for ln in lines] == ["Trước khai mạc Đại hội, tập trung:", "nội dung"]
    assert lines[0].starred


def test_word_split_by_page_break_is_rejoined_and_keeps_first_line_number():
    text = ("- Công tác tuyên truyền bảo đảm đúng sự chỉ đạo, định hướng chính trị; đồng thời chủ động ngăn chặn, đấu\n"
            "\n"
            "tranh kịp thời, hiệu quả các quan điểm sai trái.\n"
            "- Dòng khác.")
    lines = to_lines(text)
    assert len(lines) == 2
    assert "ngăn chặn, đấu tranh kịp thời" in lines[0].text and lines[0].no == 1
    assert lines[1].no == 4


def test_new_sentence_after_blank_line_is_not_joined():
    lines = to_lines("Tiêu đề ngắn không dấu chấm nhưng dài hơn sáu mươi ký tự để thử quy tắc nối\n\nĐại hội")
    assert len(lines) == 2


def test_paragraph_split_before_a_capital_after_a_dangling_word():
    lines = to_lines("- Tuyên truyền, phổ biến Kế hoạch số 101-KH/TU ngày 30/9/2019 của Ban Thường vụ Tỉnh ủy về\n\n"
                     "Đại hội Đảng bộ các cấp nhiệm kỳ 2020 -2025.\n- Khác.")
    assert [ln.text[-20:] for ln in lines] == ["nhiệm kỳ 2020 -2025.", "- Khác."]


def test_a_table_pasted_as_text_gives_cells():
    lines = to_lines("II. THỜI GIAN\nSTT\tThời gian\tNội dung\n1\tTháng 3/2025\tTuyên truyền\nIII. KHẨU HIỆU")
    assert [(ln.no, ln.cell[1:] if ln.cell else None, ln.text) for ln in lines] == [
        (1, None, "II. THỜI GIAN"), (2, (0, 0), "STT"), (2, (0, 1), "Thời gian"), (2, (0, 2), "Nội dung"),
        (3, (1, 0), "1"), (3, (1, 1), "Tháng 3/2025"), (3, (1, 2), "Tuyên truyền"), (4, None, "III. KHẨU HIỆU")]


def test_two_column_header_lines_are_not_a_table():
    assert all(ln.cell is None for ln in to_lines("ĐẢNG BỘ X\t\t\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY Y\t\tHà Nội, ngày"))


def test_hard_wrapped_text_is_rejoined_into_paragraphs():
    import textwrap
    para = ("Thực hiện Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp; Kế hoạch số "
            "310-KH/TU ngày 21/4/2025 của Ban Thường vụ Thành ủy về tổ chức đại hội, Ban Thường vụ Quận ủy ban hành "
            "Kế hoạch tuyên truyền như sau:")
    items = ["- Tuyên truyền kết quả đại hội đảng bộ, chi bộ cơ sở trong Đảng bộ quận và việc góp ý vào văn kiện.",
             "- Đưa tin về các phiên làm việc của Đại hội, kết quả bầu cử Ban Chấp hành Đảng bộ quận khóa VII."]
    text = "\n".join(textwrap.wrap(para, 76) + ["I. MỤC ĐÍCH, YÊU CẦU"]
                     + [w for it in items for w in textwrap.wrap(it, 76)] * 3)
    lines = to_lines(text)
    assert lines[0].text == para and lines[0].no == 1 and lines[0].end == 4
    assert lines[1].text == "I. MỤC ĐÍCH, YÊU CẦU"
    assert [ln.text for ln in lines[2:]] == items * 3


def test_emphasis_marks_inside_brackets_leave_no_space():
    assert to_lines("(*kỷ niệm 90 năm*), “*Tăng cường*” tạo")[0].text == "(kỷ niệm 90 năm), “Tăng cường” tạo"


def test_control_characters_from_any_reader_are_dropped():
    """A C1 control (U+0080-U+009F) left by a conversion must not reach the YAML front matter."""
    from daihoi.importer.decode import Piece
    assert to_lines("A\x80B\x9fC")[0].text == "A B C"
    assert to_lines([Piece("Số 07\x85-KH/ĐUK")])[0].raw == "Số 07 -KH/ĐUK"
