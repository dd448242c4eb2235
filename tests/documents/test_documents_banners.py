"""Slogan banners: one page per slogan, right page size, text inside the safe area,
never a broken word; the fitting is checked on glyph positions read back by pdfplumber."""

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docs_helpers import PLAN_NAMES, by_kind, load_plan
from daihoi.documents.banners import BANNER_FORMATS, LINE_PITCH, fit_text, text_width_em

MM = 72 / 25.4  # points per mm


def _longest_slogan() -> str:
    return max((s for n in PLAN_NAMES for s in [x.text for x in load_plan(n).slogans]), key=len)


def _banner_files(built, name):
    plan, out, downloads = built[name]
    return plan, out, by_kind(downloads, "banner-pdf")


def _lines(page) -> list[str]:
    """Text lines of a banner page, from the characters' baselines."""
    rows: dict[float, list] = {}
    for ch in page.chars:
        rows.setdefault(round(ch["bottom"], 0), []).append(ch)
    lines = []
    for y in sorted(rows):
        chars = sorted(rows[y], key=lambda c: c["x0"])
        lines.append("".join(c["text"] for c in chars))
    return lines


@pytest.mark.parametrize("fmt_key", list(BANNER_FORMATS))
@pytest.mark.parametrize("name", PLAN_NAMES)
def test_all_slogans_file_one_page_each_inside_safe_area(built, name, fmt_key):
    plan, out, files = _banner_files(built, name)
    (d,) = [f for f in files if f"/{fmt_key}-" in f.path and f.path.endswith("-tat-ca.pdf")]
    fmt = BANNER_FORMATS[fmt_key]
    with pdfplumber.open(out / d.path) as pdf:
        assert len(pdf.pages) == len([x.text for x in plan.slogans])
        for page, slogan in zip(pdf.pages, [x.text for x in plan.slogans]):
            assert page.width == pytest.approx(fmt.width_mm * MM, abs=0.5)
            assert page.height == pytest.approx(fmt.height_mm * MM, abs=0.5)
            margin = fmt.height_mm * fmt.margin_ratio * MM
            for ch in page.chars:
                assert margin - 0.5 <= ch["x0"] and ch["x1"] <= page.width - margin + 0.5, ch["text"]
                assert margin - 0.5 <= ch["top"] and ch["bottom"] <= page.height - margin + 0.5, ch["text"]
            lines = _lines(page)
            # Lines joined with one space give the slogan back: breaks only between words.
            assert " ".join(lines) == slogan
            assert len(lines) <= fmt.max_lines


def test_one_strip_per_slogan(built):
    plan, out, files = _banner_files(built, "plan_20_kh_duk")
    singles = [f for f in files if "/bang-ron/" in f.path]
    assert len(singles) == len([x.text for x in plan.slogans])
    for f, slogan in zip(singles, [x.text for x in plan.slogans]):
        with pdfplumber.open(out / f.path) as pdf:
            assert len(pdf.pages) == 1
            assert " ".join(_lines(pdf.pages[0])) == slogan


def test_each_strip_alone_is_its_page_of_the_strip_of_all(built):
    """A single strip is copied out of the file of all (daihoi/documents/pdf_pages.py): the same
    drawing, size and font, its own title, the document's language and opening kept."""
    from pypdf import PdfReader

    plan, out, files = _banner_files(built, "plan_07_kh_duk")
    whole = PdfReader(out / next(f.path for f in files if f.path.endswith("tat-ca.pdf") and "bang-ron" in f.path))
    singles = [f for f in files if "/bang-ron/" in f.path]
    assert len(singles) == len(whole.pages) == len(plan.slogans) > 1
    for number, f in enumerate(singles, 1):
        alone = PdfReader(out / f.path)
        assert len(alone.pages) == 1
        page, source = alone.pages[0], whole.pages[number - 1]
        assert page.get_contents().get_data() == source.get_contents().get_data()
        assert [float(v) for v in page.mediabox] == [float(v) for v in source.mediabox]
        assert page["/Resources"]["/Font"]["/F1"]["/BaseFont"] == source["/Resources"]["/Font"]["/F1"]["/BaseFont"]
        assert alone.metadata.title == f"Khẩu hiệu số {number} - {plan.number}"
        assert alone.metadata.creation_date == whole.metadata.creation_date
        assert alone.metadata.producer == "daihoi.documents"
        root = alone.trailer["/Root"]
        assert root["/Lang"] == "vi-VN" and root["/OpenAction"][0].get_object() == page.get_object()
        assert len(alone.trailer["/ID"][0]) == 16


def test_longest_seed_slogan_fits_both_formats_with_a_big_size():
    slogan = _longest_slogan()
    assert len(slogan) > 150  # the 187-character one from 20-KH/ĐUK
    strip = fit_text(slogan, 2000 - 80 - 2 * (168 + 20), 400 - 80, max_lines=4)
    assert strip.size_pt >= 100  # readable from across the street
    panel = fit_text(slogan, 420 - 2 * 23.8, 297 - 2 * 23.8 - 47.5 - 6, max_lines=5)
    assert panel.size_pt >= 30


def test_colors_red_background_gold_text(built):
    _, out, files = _banner_files(built, "plan_07_kh_duk")
    with pdfplumber.open(out / files[0].path) as pdf:
        page = pdf.pages[0]
        big = max(page.rects, key=lambda r: r["width"] * r["height"])
        assert big["width"] == pytest.approx(page.width) and big["non_stroking_color"] == pytest.approx(
            (218 / 255, 37 / 255, 29 / 255), abs=0.01)
        colors = {tuple(round(v, 2) for v in ch["non_stroking_color"]) for ch in page.chars}
        assert colors == {(1.0, round(221 / 255, 2), 0.0)}


words = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậĐỨỪỬỮỰ!,-", min_size=1, max_size=14)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=40), st.integers(1, 5),
       st.floats(50, 2000), st.floats(30, 400))
def test_fit_text_never_overflows(ws_, max_lines, box_w, box_h):
    text = " ".join(ws_)
    fitted = fit_text(text, box_w, box_h, max_lines=max_lines)
    assert " ".join(fitted.lines) == text
    assert 1 <= len(fitted.lines) <= max_lines
    pt = 25.4 / 72
    for line in fitted.lines:
        assert text_width_em(line) * fitted.size_pt * pt <= box_w + 1e-6
    assert fitted.block_height_mm <= box_h + 1e-6
    assert LINE_PITCH > 1


@pytest.mark.skipif(__import__("shutil").which("pdftoppm") is None, reason="pdftoppm not installed")
def test_printed_qr_matches_the_code(tmp_path):
    """Rasterise a panel and read the QR modules back at their centres: the vector QR
    is where it should be, the right way up, with every module right."""
    import subprocess

    from PIL import Image

    from daihoi.documents.banners import render_banners_pdf
    from daihoi.documents.qr import qr_matrix

    url = "https://daihoi.example.vn/ke-hoach/07-kh-duk/"
    pdf = tmp_path / "pano.pdf"
    pdf.write_bytes(render_banners_pdf(["Đảng Cộng sản Việt Nam quang vinh muôn năm!"], "pano-a3",
                                       doc_date=__import__("datetime").date(2020, 1, 1), qr_url=url))
    dpi = 200
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-gray", "-singlefile", str(pdf), str(tmp_path / "p")],
                   check=True, timeout=120)
    img = Image.open(tmp_path / "p.png").convert("L")
    fmt = BANNER_FORMATS["pano-a3"]
    margin, side = fmt.height_mm * fmt.margin_ratio, fmt.height_mm * fmt.qr_ratio
    x, y = fmt.width_mm - margin - side, fmt.height_mm - margin - side
    matrix = qr_matrix(url)
    cell = side / (len(matrix) + 8)
    px = dpi / 25.4
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            cx, cy = (x + (4 + c + 0.5) * cell) * px, (y + (4 + r + 0.5) * cell) * px
            value = img.getpixel((int(cx), int(cy)))
            assert (value < 128) == dark, (r, c, value)


def test_white_text_option():
    from datetime import date

    from daihoi.documents.banners import COLORS, render_banners_pdf

    data = render_banners_pdf(["Đảng Cộng sản Việt Nam quang vinh muôn năm!"], "pano-a3",
                              doc_date=date(2020, 1, 1), qr_url=None, color="trang")
    import io

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        colors = {tuple(round(v, 2) for v in ch["non_stroking_color"]) for ch in pdf.pages[0].chars}
    assert colors == {tuple(v / 255 for v in COLORS["trang"])}
