"""hooks/safety_mkdocs.py: the last check on each finished page, and NFC sources."""
import importlib.util

import pytest
from mkdocs.exceptions import PluginError

from helpers import ROOT

spec = importlib.util.spec_from_file_location("safety_mkdocs", ROOT / "hooks" / "safety_mkdocs.py")
hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hook)

PAGE = ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        '<script src="../assets/daihoi.js" defer></script></head><body>{}</body></html>')


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


def test_sources_are_read_as_nfc():
    class File:
        content_string = "Đa\u0323i ho\u0302\u0323i"

    class Page:
        file = File()
    assert hook.on_page_read_source(Page(), None) == "Đại hội"
