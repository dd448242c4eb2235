"""The site build's safety (daihoi.site.builder.SiteBuild, daihoi.site.htmlsafety): each page's HTML
through the allow-list (problems with file and line), the last check on each finished page, and
sources read as the content check reads them. The engine adapter only passes pages in."""
from datetime import date

import pytest

from helpers import ROOT, SITE_FIXTURE
from daihoi.model.problems import ContentError
from daihoi.site.builder import Page, SiteBuild


def new_build(tmp_path) -> SiteBuild:
    return SiteBuild(SITE_FIXTURE, ROOT / "theme", date(2025, 5, 15), tmp_path / "cache", "<article>")

PAGE = ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        '<script src="../assets/daihoi.js" defer></script></head><body>{}</body></html>')


def finished(tmp_path, monkeypatch, body: str) -> str:
    """A page finished by the build as it finishes every page (one process: read at once)."""
    monkeypatch.setenv("DAIHOI_WORKERS", "1")
    page = Page(src="index.md", url="", canonical_url=None, is_homepage=True, title="Trang chủ", meta={})
    data, written = new_build(tmp_path).finished(page, PAGE.format(body), "content/index.md")
    assert not written                  # read here: the caller writes it
    return data.decode("utf-8")


def test_links_to_other_sites_get_noopener_and_safe_pages_pass(tmp_path, monkeypatch):
    out = finished(tmp_path, monkeypatch,
                   '<a href="https://tinhuy.example.gov.vn/">Tỉnh ủy</a> <a href="../khau-hieu/">x</a>')
    assert '<a href="https://tinhuy.example.gov.vn/" rel="noopener noreferrer">' in out
    assert '<a href="../khau-hieu/">' in out


@pytest.mark.parametrize("body, words", [
    ("<script>alert(1)</script>", "mã chạy viết thẳng"),
    ('<script src="https://cdn.example.com/x.js"></script>', "không phải tệp của công cụ"),
    ('<p onclick="x()">a</p>', "thuộc tính onclick="),
    ('<iframe src="../x.html"></iframe>', "thẻ <iframe>"),
    ('<img src="https://anh.example.com/a.png">', "tải tệp từ máy chủ bên ngoài"),
    ('<a href="javascript:alert(1)">x</a>', "javascript:alert(1)"),
])
def test_unsafe_page_is_refused_naming_the_source_file(tmp_path, monkeypatch, body, words):
    with pytest.raises(ContentError) as err:
        finished(tmp_path, monkeypatch, body)
    message = str(err.value)
    assert "content/index.md: Trang dựng ra có nội dung không an toàn" in message
    assert words in message


def test_page_html_is_cleaned_and_errors_stop_the_build_before_any_page_is_written(tmp_path, capsys):
    build = new_build(tmp_path)
    source = "---\ntitle: Thử\n---\n\nĐoạn.\n\n<font>đỏ</font>\n\n<p onclick=\"x()\">Bấm</p>\n"
    html = build.content("thu.md", '<p>Đoạn.</p>\n<p><font>đỏ</font></p>\n<p onclick="x()">Bấm</p>', source, "thu.md")
    assert html == "<p>Đoạn.</p>\n<p>đỏ</p>\n<p>Bấm</p>"
    with pytest.raises(ContentError) as err:
        build.after_pages()
    lines = str(err.value).splitlines()
    assert lines[0].endswith("thu.md:7: (cảnh báo) Thẻ “<font>” không dùng được trên trang nên đã bị bỏ "
                             "(chữ bên trong vẫn giữ). Xóa thẻ này; định dạng chữ bằng Markdown: **đậm**, *nghiêng*, "
                             "## tiêu đề, - danh sách. Xem: docs/huong-dan-bien-tap.md#loi-html-removed")
    assert "thu.md:9: Có thuộc tính “onclick” ở thẻ “<p>”" in lines[1]


def test_harmless_removals_are_printed_and_the_build_goes_on(tmp_path, capsys):
    build = new_build(tmp_path)
    html = build.content("thu.md", '<p>Chữ <span class="to">to</span></p>', "Chữ <span class=\"to\">to</span>\n", "thu.md")
    assert html == "<p>Chữ <span>to</span></p>"
    build.after_pages()
    assert "thu.md:1: (cảnh báo) Thuộc tính “class” ở thẻ “<span>”" in capsys.readouterr().err


def test_sources_are_read_as_nfc_without_invisible_characters_in_the_front_matter(tmp_path):
    text = "---\ntitle: \"Đa\u0323i\u200b ho\u0302\u0323i\"\n---\nThân\u200b bài\x01\n"
    assert new_build(tmp_path).source(text) == "---\ntitle: \"Đại hội\"\n---\nThân\u200b bài\n"
