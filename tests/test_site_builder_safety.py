"""hooks/safety_mkdocs.py: each page's HTML through the allow-list (problems with file and line),
the last check on each finished page, and sources read as the content check reads them."""
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from helpers import ROOT

spec = importlib.util.spec_from_file_location("safety_mkdocs", ROOT / "hooks" / "safety_mkdocs.py")
hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hook)

PAGE = ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        '<script src="../assets/daihoi.js" defer></script></head><body>{}</body></html>')


def page_of(path: Path, text: str):
    path.write_text(text, encoding="utf-8")
    return SimpleNamespace(file=SimpleNamespace(abs_src_path=str(path), src_uri=path.name,
                                                content_string=text))


def test_links_to_other_sites_get_noopener_and_safe_pages_pass():
    out = hook.check_page(PAGE.format('<a href="https://tinhuy.example.gov.vn/">Tỉnh ủy</a> <a href="../khau-hieu/">x</a>'),
                          "content/index.md")
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
def test_unsafe_page_is_refused_naming_the_source_file(body, words):
    with pytest.raises(PluginError) as err:
        hook.check_page(PAGE.format(body), str(ROOT / "content" / "index.md"))
    message = str(err.value)
    assert "content/index.md: Trang dựng ra có nội dung không an toàn" in message
    assert words in message


def test_page_html_is_cleaned_and_errors_stop_the_build_before_any_page_is_written(tmp_path, capsys):
    hook.on_config(None)
    source = "---\ntitle: Thử\n---\n\nĐoạn.\n\n<font>đỏ</font>\n\n<p onclick=\"x()\">Bấm</p>\n"
    page = page_of(tmp_path / "thu.md", source)
    html = hook.on_page_content('<p>Đoạn.</p>\n<p><font>đỏ</font></p>\n<p onclick="x()">Bấm</p>', page, None, None)
    assert html == "<p>Đoạn.</p>\n<p>đỏ</p>\n<p>Bấm</p>"
    with pytest.raises(PluginError) as err:
        hook.on_env("env", None, None)
    lines = str(err.value).splitlines()
    assert lines[0].endswith("thu.md:7: (cảnh báo) Thẻ “<font>” không dùng được trên trang nên đã bị bỏ "
                             "(chữ bên trong vẫn giữ). Xóa thẻ này; định dạng chữ bằng Markdown: **đậm**, *nghiêng*, "
                             "## tiêu đề, - danh sách. Xem: docs/huong-dan-bien-tap.md#loi-html-removed")
    assert "thu.md:9: Có thuộc tính “onclick” ở thẻ “<p>”" in lines[1]


def test_harmless_removals_are_printed_and_the_build_goes_on(tmp_path, capsys):
    hook.on_config(None)
    page = page_of(tmp_path / "thu.md", "Chữ <span class=\"to\">to</span>\n")
    assert hook.on_page_content('<p>Chữ <span class="to">to</span></p>', page, None, None) == "<p>Chữ <span>to</span></p>"
    assert hook.on_env("env", None, None) == "env"
    assert "thu.md:1: (cảnh báo) Thuộc tính “class” ở thẻ “<span>”" in capsys.readouterr().err


def test_sources_are_read_as_nfc_without_invisible_characters_in_the_front_matter(tmp_path):
    page = page_of(tmp_path / "a.md", "---\ntitle: \"Đa\u0323i\u200b ho\u0302\u0323i\"\n---\nThân\u200b bài\x01\n")
    assert hook.on_page_read_source(page, None) == "---\ntitle: \"Đại hội\"\n---\nThân\u200b bài\n"
