"""daihoi.site.htmlsafety: unsafe HTML found with its line; finished pages checked; noopener links."""
import pytest

from daihoi.site import htmlsafety as h


def whats(text):
    return [(d.line, d.what) for d in h.find(text)]


@pytest.mark.parametrize("text", [
    "Đoạn văn **đậm**, [liên kết](https://tinhuy.gov.vn) và [trang khác](../khau-hieu.md).",
    "Ảnh: ![Lễ mít tinh](anh/le-mit-tinh.jpg) <b>đậm</b> <span class=\"x\">chữ</span>",
    "Bảng | cột\n--- | ---\na < b | c > d",
    "Viết “script” và “iframe” trong câu văn thì không sao; onclick = 3 cũng vậy.",
    "Tiêu đề {: #muc-1 .lon }",
    "[thư](mailto:bantuyengiao@example.gov.vn) [gọi](tel:0243)",
])
def test_ordinary_text_is_safe(text):
    assert h.find(text) == []


@pytest.mark.parametrize("text, line, words", [
    ("Dòng 1\n<script>alert(1)</script>", 1, "mã chạy “<script>”"),
    ("<SCRIPT SRC=//x.vn/a.js></SCRIPT>", 0, "mã chạy “<script>”"),
    ("a\nb\n<iframe src=\"/ban-do.html\"></iframe>", 2, "khung nhúng “<iframe>”"),
    ("<object data=\"x.swf\"></object>", 0, "khung nhúng “<object>”"),
    ("<embed src=\"x.swf\">", 0, "khung nhúng “<embed>”"),
    ("<meta http-equiv=\"refresh\" content=\"0;url=https://gia-mao.vn\">", 0, "thẻ “<meta>”"),
    ("<base href=\"https://gia-mao.vn/\">", 0, "thẻ “<base>”"),
    ("<style>body{display:none}</style>", 0, "thẻ “<style>”"),
    ("<form action=\"https://gia-mao.vn\"><input name=p></form>", 0, "ô nhập liệu “<form>”"),
    ("x\n<img src=a.png onerror=alert(1)>", 1, "thuộc tính “onerror”"),
    ("<img/onerror=alert(1) src=x>", 0, "thuộc tính “onerror”"),
    ("<p\n  class=\"a\"\n  onmouseover='x()'>", 2, "thuộc tính “onmouseover”"),
    ("<a href=\"javascript:alert(1)\">bấm</a>", 0, "giao thức javascript:"),
    ("<a href=\"  JaVa&#x09;Script:alert(1)\">bấm</a>", 0, "giao thức javascript:"),
    ("<a href=\"&#106;avascript:alert(1)\">bấm</a>", 0, "giao thức javascript:"),
    ("<a href=\"vbscript:msgbox\">bấm</a>", 0, "giao thức vbscript:"),
    ("[bấm vào đây](javascript:alert(1))", 0, "giao thức javascript:"),
    ("[bấm]( <javascript:alert(1)> )", 0, "giao thức javascript:"),
    ("[a]\n\n[a]: javascript:alert(1)", 2, "giao thức javascript:"),
    ("![ảnh](data:image/png;base64,iVBORw0KGgo=)", 0, "Ảnh nhúng thẳng dữ liệu"),
    ("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", 0, "Liên kết nhúng thẳng dữ liệu"),
    ("![ảnh](https://anh.example.com/a.jpg)", 0, "lấy từ máy chủ bên ngoài"),
    ("<img src=\"//anh.example.com/a.jpg\">", 0, "lấy từ máy chủ bên ngoài"),
    ("Đoạn văn\n{: onclick=\"alert(1)\" }", 1, "thuộc tính “onclick”"),
    ("[x](a.md){: href=\"javascript:alert(1)\" }", 0, "giao thức javascript:"),
    ("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>", 0, "giao thức javascript:"),
])
def test_dangers_are_found_with_their_line(text, line, words):
    found = whats(text)
    assert found, text
    assert any(n == line and words in what for n, what in found), found


def test_problems_carry_file_and_line_and_a_fix():
    body = "Đoạn 1\n\n<p onclick=\"x()\">Đoạn 2</p>\n"
    [p] = h.problems(body, "content/trang.md", first_line=5)
    assert (p.path, p.line, p.code) == ("content/trang.md", 7, "unsafe-html")
    assert str(p).startswith("content/trang.md:7: Có thuộc tính “onclick” ở thẻ “<p>”")
    assert "Xóa “onclick=...”" in p.fix


def test_front_matter_values_are_scanned_with_the_line_of_each_value():
    data = {"title": "Kế hoạch", "slogans": ["Chào mừng", "<script>alert(1)</script>"],
            "units": [{"name": "<img src=x onerror=y>"}]}
    lines = {("slogans", 1): 9, ("units", 0, "name"): 12}
    found = h.value_problems(data, lambda path: lines.get(path, 1), "x.md")
    assert [(p.line, p.what.split(" (")[0]) for p in found] == [
        (9, "Có mã chạy “<script>”"), (12, "Có thuộc tính “onerror” ở thẻ “<img>”")]


def test_huge_and_odd_input_is_scanned_quickly():
    import time
    start = time.monotonic()
    for text in ["[a" * 50_000, "<a \"" + "<a " * 30_000, "{" * 100_000, "<a" * 50_000, "[x](" * 30_000]:
        h.find(text)
    assert time.monotonic() - start < 5


def test_page_dangers_use_a_real_parser():
    own = lambda src: src.endswith("assets/daihoi.js")
    page = ("<html><head><script src=\"../assets/daihoi.js\" defer></script>"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"></head><body>"
            "<input type=\"checkbox\" id=\"__drawer\"><form action=\"../tim-kiem/\"></form>"
            "<a href=\"https://x.vn\">x</a></body></html>")
    assert h.page_dangers(page, own) == []
    bad = ("<html>\n<script src=\"https://cdn.example.com/a.js\"></script>\n<script>alert(1)</script>\n"
           "<p onclick=\"x\">a</p>\n<img src=\"http://anh.example.com/b.png\">\n<iframe src=\"a.html\"></iframe>\n"
           "<a href=\"javascript:void(0)\">x</a>\n<form action=\"https://gia-mao.vn\"></form>\n"
           "<meta http-equiv=\"refresh\" content=\"0\">\n<link rel=\"stylesheet\" href=\"https://cdn.example.com/a.css\">")
    found = h.page_dangers(bad, own)
    assert [line for line, _ in found] == [2, 3, 4, 5, 6, 7, 8, 9, 10]


def test_add_noopener_on_links_to_other_sites_only():
    page = ('<a href="https://tinhuy.gov.vn">a</a> <a href="../khau-hieu/">b</a> '
            '<a class="x" rel="me" href="//x.vn">c</a> <a href="#top">d</a> <link href="https://x.vn" rel="canonical">')
    out = h.add_noopener(page)
    assert '<a href="https://tinhuy.gov.vn" rel="noopener noreferrer">a</a>' in out
    assert '<a href="../khau-hieu/">b</a>' in out and '<a href="#top">d</a>' in out
    assert '<a class="x" rel="me noopener noreferrer" href="//x.vn">c</a>' in out
    assert '<link href="https://x.vn" rel="canonical">' in out
    assert h.add_noopener(out) == out          # idempotent
