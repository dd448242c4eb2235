"""docx.py: numbers as Word and LibreOffice display them, emphasis, tables, content controls.

The numbering cases were checked against LibreOffice 7.4 (soffice --convert-to txt):
several w:num over one w:abstractNum continue one count; a w:num with a startOverride
restarts it at its first paragraph only, after which the shared count goes on.
"""
from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from daihoi.importer.docx import docx_pieces

W = nsdecls("w")


def _doc(abstracts: list[str], nums: list[str], paragraphs: list[tuple[str, str | None, int]], styles: str = ""):
    d = docx.Document()
    d.add_paragraph("x", style="List Number")          # the numbering part
    root = d.part.numbering_part.element
    for el in list(root):
        root.remove(el)
    for a in abstracts:
        root.append(parse_xml(a))
    for n in nums:
        root.append(parse_xml(n))
    body = d.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    if styles:
        d.styles.element.append(parse_xml(styles))
    for text, num, ilvl in paragraphs:
        p = d.add_paragraph(text)
        if num is not None:
            p._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'))
    return d


def _abstract(aid, levels):
    lv = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                 f'{extra}</w:lvl>' for i, (fmt, text, start, extra) in enumerate(levels))
    return f'<w:abstractNum {W} w:abstractNumId="{aid}">{lv}</w:abstractNum>'


def _num(nid, aid, starts=None):
    over = "".join(f'<w:lvlOverride w:ilvl="{il}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                   for il, v in (starts or {}).items())
    return f'<w:num {W} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>'


def texts(d, tmp_path) -> list[str]:
    path = tmp_path / "k.docx"
    d.save(str(path))
    return [p.text for p in docx_pieces(path.read_bytes())]


def test_restart_at_1_and_shared_counts(tmp_path):
    """Each part's list restarts ("Restart at 1"); a num without override continues the abstract."""
    d = _doc([_abstract(10, [("decimal", "%1.", 1, "")])],
             [_num(1, 10), _num(2, 10), _num(3, 10, {0: 1})],
             [("a", "1", 0), ("b", "1", 0), ("c", "1", 0), ("tiêu đề", None, 0), ("d", "2", 0), ("e", "2", 0),
              ("f", "3", 0), ("g", "3", 0), ("h", "1", 0)])
    assert texts(d, tmp_path) == ["1. a", "2. b", "3. c", "tiêu đề", "4. d", "5. e", "1. f", "2. g", "3. h"]


def test_phase_labels_restart_per_part_not_6_7_8(tmp_path):
    """The bug the issue names: Đợt labels of a second part came out 4, 5, 6 instead of 1, 2, 3."""
    d = _doc([_abstract(20, [("decimal", "Đợt %1:", 1, "")])],
             [_num(5, 20), _num(6, 20, {0: 1})],
             [("Từ tháng 1/2025", "5", 0), ("Từ tháng 2/2025", "5", 0), ("Từ tháng 3/2025", "5", 0),
              ("2. Tuyên truyền Đại hội XIV", None, 0), ("Trước Đại hội", "6", 0), ("Trong Đại hội", "6", 0)])
    assert texts(d, tmp_path)[-2:] == ["Đợt 1: Trước Đại hội", "Đợt 2: Trong Đại hội"]


def test_multilevel_restarts_lower_levels_and_formats(tmp_path):
    d = _doc([_abstract(30, [("upperRoman", "%1.", 1, ""), ("decimal", "%2.", 1, ""), ("decimal", "%2.%3.", 1, ""),
                             ("lowerLetter", "%4)", 1, "")])],
             [_num(7, 30)],
             [("MỤC ĐÍCH", "7", 0), ("Mục đích", "7", 1), ("NỘI DUNG", "7", 0), ("Các đợt", "7", 1),
              ("Đợt đầu", "7", 2), ("Trước", "7", 3), ("Sau", "7", 3), ("Đợt sau", "7", 2), ("Trước", "7", 3)])
    assert texts(d, tmp_path) == ["I. MỤC ĐÍCH", "1. Mục đích", "II. NỘI DUNG", "1. Các đợt", "1.1. Đợt đầu",
                                  "a) Trước", "b) Sau", "1.2. Đợt sau", "a) Trước"]


def test_level_override_with_its_own_start_and_legal_numbering(tmp_path):
    lvl_over = (f'<w:num {W} w:numId="9"><w:abstractNumId w:val="40"/><w:lvlOverride w:ilvl="0">'
                f'<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Đợt %1."/></w:lvl>'
                f'</w:lvlOverride></w:num>')
    d = _doc([_abstract(40, [("upperRoman", "%1.", 1, ""), ("decimal", "%1.%2.", 1, "<w:isLgl/>")])],
             [_num(8, 40), lvl_over],
             [("A", "8", 0), ("B", "8", 0), ("B1", "8", 1), ("x", "9", 0)])
    assert texts(d, tmp_path) == ["I. A", "II. B", "2.1. B1", "Đợt 3. x"]


def test_numbering_from_a_style_and_a_linked_style(tmp_path):
    styles = (f'<w:style {W} w:type="paragraph" w:styleId="DotStyle"><w:name w:val="Dot"/>'
              f'<w:pPr><w:numPr><w:numId w:val="11"/></w:numPr></w:pPr></w:style>')
    linked = _abstract(51, []).replace("</w:abstractNum>", '<w:numStyleLink w:val="DotStyle"/></w:abstractNum>')
    d = _doc([_abstract(50, [("decimal", "Giai đoạn %1:", 1, "")]), linked], [_num(11, 50), _num(12, 51)],
             [("Từ tháng 3", "12", 0), ("Từ tháng 5", "12", 0)], styles)
    p = d.add_paragraph("Từ tháng 7", style=d.styles["Dot"])
    assert p is not None
    assert texts(d, tmp_path) == ["Giai đoạn 1: Từ tháng 3", "Giai đoạn 2: Từ tháng 5", "Giai đoạn 3: Từ tháng 7"]


def test_bullets_keep_their_symbol_and_emphasis_is_read(tmp_path):
    d = _doc([_abstract(60, [("bullet", "-", 1, ""), ("bullet", "+", 1, "")]), _abstract(61, [("bullet", "", 1, "")])],
             [_num(13, 60), _num(14, 61)], [("một", "13", 0), ("hai", "13", 1), ("ba", "14", 0)])
    p = d.add_paragraph()
    p.add_run("Trước khai mạc Đại hội:").italic = True
    p = d.add_paragraph()
    p.add_run("I. ").bold = True
    p.add_run("NỘI DUNG").bold = True
    path = tmp_path / "b.docx"
    d.save(str(path))
    pieces = docx_pieces(path.read_bytes())
    assert [p.text for p in pieces] == ["- một", "+ hai", "- ba", "Trước khai mạc Đại hội:", "I. NỘI DUNG"]
    assert pieces[3].italic and pieces[3].italic_start and pieces[4].bold and not pieces[4].italic
    assert [p.label for p in pieces[:3]] == ["-", "+", "-"]


def test_table_cells_are_tagged_and_merged_cells_read_once(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["STT", "Thời gian", "Nội dung"], ["1", "Tháng 3/2025", "a"], ["2", "Tháng 4/2025", "b"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(1, 2).merge(t.cell(2, 2))
    path = tmp_path / "t.docx"
    d.save(str(path))
    pieces = docx_pieces(path.read_bytes())
    cells = [(p.cell[1:], p.text) for p in pieces]
    assert cells[:4] == [((0, 0), "STT"), ((0, 1), "Thời gian"), ((0, 2), "Nội dung"), ((1, 0), "1")]
    assert [t for _, t in cells].count("Tháng 4/2025") == 1 and len({p.cell[0] for p in pieces}) == 1


def test_content_control_text_is_read(tmp_path):
    d = docx.Document()
    d.element.body.insert(0, parse_xml(
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Số 07-KH/ĐUK</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    path = tmp_path / "s.docx"
    d.save(str(path))
    assert [p.text for p in docx_pieces(path.read_bytes())][:1] == ["Số 07-KH/ĐUK"]


@pytest.mark.parametrize("name", ["seed-000", "hu-thoi-diem"])
def test_corpus_restart_layout_reads_like_its_typed_layout(name):
    """The corpus's "Restart at 1" Word file and its typed-number Word file read the same lines."""
    from corpus_score import CORPUS
    restart = [p.text for p in docx_pieces((CORPUS / "files" / f"{name}.restart.docx").read_bytes())]
    typed = [p.text for p in docx_pieces((CORPUS / "files" / f"{name}.table.docx").read_bytes())]
    assert restart == typed
