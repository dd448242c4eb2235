"""daihoi/documents/fpdf_lines.py: fpdf2's line breaking, with widths looked up once, gives the very
lines fpdf2's own gives (the same PDF bytes), and leaves to fpdf2 what it cannot measure."""

import pytest
from fpdf.enums import Align
from fpdf.line_break import MultiLineBreak

from docs_helpers import BUILD_DATE, PAGE_URL, PLAN_NAMES, load_plan, slug_of
from daihoi.documents import fpdf_lines, pdf_plan

# What breaks lines differently: spaces kept (NBSP), a soft hyphen, a word longer than the column, a
# line's end, runs of other faces and sizes side by side, justified and centred text.
TEXTS = [
    "Đại hội đại biểu Đảng bộ lần thứ XIV, nhiệm kỳ 2025\u00a0-\u00a02030: “khẩu hiệu” tuyên truyền sâu rộng.",
    "Tuyên\u00adtruyền\u00adsâu\u00adrộng\u00adtrong\u00adcán\u00adbộ\u00adđảng\u00adviên " * 4,
    "Mã" + "X" * 160 + " rồi chữ thường, sau một từ dài hơn cả cột.",
    "Dòng một\nDòng hai\n\nDòng bốn, sau một dòng trống, " + "khá dài " * 20,
    "  Bắt đầu bằng dấu cách,   nhiều dấu cách giữa các từ,    và cuối dòng.   ",
]


def _document(get_line) -> bytes:
    """A page of TEXTS written every way the plan PDF writes, lines broken by `get_line`."""
    MultiLineBreak.get_line = get_line
    pdf = pdf_plan.new_pdf(creation=BUILD_DATE)
    MultiLineBreak.get_line = get_line          # new_pdf installs ours: the one under test wins
    pdf.add_page()
    for align in (Align.J, Align.L, Align.C):
        for size in (13, 9.5):
            pdf.set_font("serif", "", size)
            for text in TEXTS:
                pdf.multi_cell(120, 6, text, align=align)
    with pdf.text_columns(text_align="J", line_height=1.3) as cols:
        for text in TEXTS:
            with cols.paragraph(indent=5, bullet_string="-") as para:
                for style, size, run in (("", 13, text[:40]), ("B", 13, text[40:90]), ("I", 11, text[90:]),
                                         ("BI", 13, " kết."), ("", 13, "")):
                    pdf.set_font("serif", style, size)
                    para.write(run)
    return bytes(pdf.output())


@pytest.fixture
def restored():
    yield
    MultiLineBreak.get_line = fpdf_lines.get_line


@pytest.fixture
def handed_over(monkeypatch) -> list:
    """The MultiLineBreaks whose line is broken by fpdf2's own get_line (as fpdf_lines holds it), from now on."""
    calls: list = []
    own = fpdf_lines._fpdf2_get_line
    monkeypatch.setattr(fpdf_lines, "_fpdf2_get_line", lambda self: calls.append(self) or own(self))
    return calls


def test_lines_are_fpdf2s_own(restored, handed_over):
    """The same PDF, to the byte, whether fpdf2 or fpdf_lines breaks the lines; and fpdf_lines did break
    them (fpdf2's own is not called for the fonts it measures)."""
    fpdf2s = _document(fpdf_lines._fpdf2_get_line)
    handed_over.clear()                     # those of fpdf2's own document
    assert _document(fpdf_lines.get_line) == fpdf2s
    assert handed_over == []


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_a_plans_pdf_is_the_same_bytes(restored, name):
    plan = load_plan(name)
    url = PAGE_URL.format(slug=slug_of(name))
    MultiLineBreak.get_line = fpdf_lines._fpdf2_get_line
    fpdf2s = pdf_plan.render_plan_pdf(plan, page_url=url, doc_date=plan.date)
    assert MultiLineBreak.get_line is fpdf_lines.get_line          # new_pdf installed it again
    assert pdf_plan.render_plan_pdf(plan, page_url=url, doc_date=plan.date) == fpdf2s


def test_what_it_cannot_measure_goes_to_fpdf2(restored, handed_over):
    """A font fpdf_lines does not measure (a core font here; text shaping and character spacing too):
    fpdf2's own get_line breaks its lines, and they are what fpdf2 gives."""
    from fpdf import FPDF

    def page() -> bytes:
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", "", 12)
        pdf.multi_cell(100, 6, "Plain text in a core font, long enough to break over a few lines. " * 3)
        pdf.add_font("serif", "", str(pdf_plan.fonts.SERIF[""]))
        pdf.set_font("serif", "", 12)
        pdf.set_char_spacing(0.5)
        pdf.multi_cell(100, 6, TEXTS[0] * 2)
        return bytes(pdf.output())

    MultiLineBreak.get_line = fpdf_lines._fpdf2_get_line
    fpdf2s = page()
    MultiLineBreak.get_line = fpdf_lines.get_line
    assert page() == fpdf2s
    assert len(handed_over) >= 4            # every line of both paragraphs


def test_another_fpdf2_keeps_its_own_line_breaking(restored, monkeypatch):
    """get_line is fpdf2 2.8.9's, copied: a newer fpdf2 (requirements.txt pins 2.8.9) breaks its own lines."""
    import fpdf

    assert fpdf.__version__ == fpdf_lines.COPIED_FROM
    MultiLineBreak.get_line = fpdf_lines._fpdf2_get_line
    monkeypatch.setattr(fpdf, "__version__", "2.9.0")
    fpdf_lines.install()
    assert MultiLineBreak.get_line is fpdf_lines._fpdf2_get_line
