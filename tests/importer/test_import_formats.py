"""sources.py, docx.py, pdf.py, doc.py: every input format and every refusal message."""
from __future__ import annotations

import shutil

import pytest

from daihoi.importer import PlanImportError, import_file, read_lines
from importer_helpers import SEEDS, write_pdf, write_scanned_pdf


def test_docx_numbered_lists_tables_and_runs(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "ĐẢNG BỘ TỈNH X"
    t.cell(0, 0).add_paragraph("ĐẢNG ỦY KHỐI Y")
    t.cell(0, 0).add_paragraph("Số 09-KH/ĐUK")
    t.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    t.cell(0, 1).add_paragraph("Hà Nội, ngày 10 tháng 01 năm 2020")
    d.add_paragraph("KẾ HOẠCH")
    p = d.add_paragraph()
    p.add_run("Tuyên truyền ").bold = True
    p.add_run("Đại hội XIII").italic = True
    d.add_paragraph("I. NỘI DUNG TUYÊN TRUYỀN")
    d.add_paragraph("Từ tháng 1/2020 đến tháng 3/2020", style="List Number")
    d.add_paragraph("Học tập văn kiện", style="List Bullet")
    d.add_paragraph("Từ tháng 4/2020 đến tháng 6/2020", style="List Number")
    d.add_paragraph("II. KHẨU HIỆU")
    d.add_paragraph("Muôn năm!", style="List Bullet")
    d.save(str(tmp_path / "k.docx"))
    texts = [ln.text for ln in read_lines(tmp_path / "k.docx")]
    assert texts[:5] == ["ĐẢNG BỘ TỈNH X", "ĐẢNG ỦY KHỐI Y", "Số 09-KH/ĐUK", "ĐẢNG CỘNG SẢN VIỆT NAM",
                         "Hà Nội, ngày 10 tháng 01 năm 2020"]
    assert "1. Từ tháng 1/2020 đến tháng 3/2020" in texts and "- Học tập văn kiện" in texts
    assert "2. Từ tháng 4/2020 đến tháng 6/2020" in texts
    plan = import_file(tmp_path / "k.docx")
    assert plan["issuer"] == "ĐẢNG ỦY KHỐI Y" and plan["title"] == "Tuyên truyền Đại hội XIII"
    assert [(p["label"], p["start"], p["end"]) for p in plan["phases"]] == [
        ("1", "2020-01-01", "2020-03-31"), ("2", "2020-04-01", "2020-06-30")]
    assert plan["slogans"] == ["Muôn năm!"]


def test_file_type_is_read_from_bytes_not_name(tmp_path):
    text = SEEDS[0].read_text(encoding="utf-8")
    pdf = write_pdf(text, tmp_path / "a.pdf")
    renamed = tmp_path / "ke-hoach.txt"
    renamed.write_bytes(pdf.read_bytes())
    assert import_file(renamed)["number"] == "07-KH/ĐUK"


def test_scanned_pdf_is_refused_clearly(tmp_path):
    with pytest.raises(PlanImportError) as e:
        import_file(write_scanned_pdf(tmp_path / "scan.pdf"))
    assert "không có lớp chữ" in e.value.message and ".docx" in e.value.message


@pytest.mark.parametrize("name,data,words", [
    ("hong.docx", b"PK\x03\x04 not a zip at all", "Không đọc được tệp Word"),
    ("hong.pdf", b"%PDF-1.4\n garbage", "Không đọc được tệp PDF"),
    ("gia.docx", b"just text", "không phải tệp .docx hợp lệ"),
    ("anh.png", b"\x89PNG\r\n", "Chưa hỗ trợ định dạng .png"),
])
def test_broken_or_unsupported_files(tmp_path, name, data, words):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(PlanImportError) as e:
        import_file(tmp_path / name)
    assert words in e.value.message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(PlanImportError, match="Không tìm thấy tệp"):
        import_file(tmp_path / "khong-co.txt")
    with pytest.raises(PlanImportError, match="thư mục"):
        import_file(tmp_path)


def test_doc_without_libreoffice_says_how_to_save_as_docx(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    f = tmp_path / "cu.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(PlanImportError) as e:
        import_file(f)
    assert "LibreOffice" in e.value.message and "Lưu thành" in e.value.message and ".docx" in e.value.message


def test_doc_is_converted_through_libreoffice(tmp_path, monkeypatch):
    """The conversion path, with a stand-in soffice that 'converts' by copying a prepared .docx."""
    from importer_helpers import write_docx
    made = write_docx(SEEDS[1].read_text(encoding="utf-8"), tmp_path / "made.docx")
    fake = tmp_path / "soffice"
    # Stand-in for: soffice [-env:...] --headless --convert-to docx --outdir OUT FILE
    fake.write_text("#!/bin/sh\nwhile [ \"$1\" != \"--outdir\" ]; do shift; done\n"
                    f"cp '{made}' \"$2/$(basename \"$3\" .doc).docx\"\n")
    fake.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name: str(fake) if name == "soffice" else None)
    f = tmp_path / "cu.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert import_file(f)["number"] == "38-KH/ĐU"


def test_text_of_only_spaces_is_an_error(tmp_path):
    (tmp_path / "t.txt").write_text(" \n\t\n", encoding="utf-8")
    with pytest.raises(PlanImportError):
        import_file(tmp_path / "t.txt")


def test_docx_text_box_is_read_once_and_tracked_deletions_ignored(tmp_path):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
    d.element.body.insert(0, parse_xml(
        f'<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>Số 07-KH/ĐUK</w:t></mc:Choice>'
        f'<mc:Fallback><w:t>Số 07-KH/ĐUK</w:t></mc:Fallback></mc:AlternateContent></w:r>'
        f'<w:del><w:r><w:delText>xoá</w:delText></w:r></w:del></w:p>'))
    d.save(str(tmp_path / "tb.docx"))
    assert [ln.text for ln in read_lines(tmp_path / "tb.docx")][:2] == ["Số 07-KH/ĐUK", "KẾ HOẠCH"]


def test_text_with_nothing_of_a_plan_is_an_error(tmp_path):
    (tmp_path / "thu.txt").write_text("Kính gửi anh Nam,\nhẹn gặp lại vào tuần sau.\n", encoding="utf-8")
    with pytest.raises(PlanImportError, match="Không nhận ra kế hoạch"):
        import_file(tmp_path / "thu.txt")


def test_word_number_formats():
    from daihoi.importer.docx import _fmt
    assert [_fmt(n, "lowerLetter") for n in (1, 4, 5, 27)] == ["a", "d", "e", "aa"]
    assert (_fmt(4, "upperRoman"), _fmt(2, "upperLetter"), _fmt(3, "decimalZero"), _fmt(7, "decimal")) == ("IV", "B", "03", "7")


def test_docx_nested_table_read_once(tmp_path):
    import docx

    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "ĐẢNG ỦY KHỐI Y"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Hà Nội, ngày 10 tháng 01 năm 2020"
    d.add_paragraph("KẾ HOẠCH")
    d.save(str(tmp_path / "n.docx"))
    texts = [ln.text for ln in read_lines(tmp_path / "n.docx")]
    assert texts.count("Hà Nội, ngày 10 tháng 01 năm 2020") == 1 and texts[-1] == "KẾ HOẠCH"


def test_doc_numbers_are_the_ones_libreoffice_shows_for_the_doc():
    """LibreOffice's .docx of a .doc may lose a list's restart; its text of the .doc has the numbers."""
    from daihoi.importer.decode import Piece
    from daihoi.importer.doc import relabel
    pieces = [Piece("Đợt 1: Trước Đại hội", label="Đợt 1:"), Piece("Đợt 1: Trong Đại hội", label="Đợt 1:"),
              Piece("- Các phiên họp", label="-"), Piece("Đoạn văn")]
    shown = "    Đợt 1: Trước Đại hội\n    Đợt 2: Trong Đại hội\n• Các phiên họp\nĐoạn văn\n"
    assert [p.text for p in relabel(pieces, shown)] == ["Đợt 1: Trước Đại hội", "Đợt 2: Trong Đại hội",
                                                        "- Các phiên họp", "Đoạn văn"]
    assert relabel(pieces, None) == pieces
