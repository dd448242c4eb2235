"""daihoi.site.sanitize: one allow-list (nh3) for the HTML of pages and the values printed into them;
what it removes is reported with its line, dangerous removals as errors."""
import pytest

from daihoi.site import sanitize as s


def removed(html):
    return [(r.line, r.danger, r.what) for r in s.clean_fragment(html).removed]


@pytest.mark.parametrize("html", [
    '<p>Đoạn văn <strong>đậm</strong>, <a href="https://tinhuy.gov.vn">liên kết</a> và '
    '<a href="../khau-hieu/">trang khác</a>.</p>',
    '<p><img alt="Lễ mít tinh" src="anh/le-mit-tinh.jpg" /></p>',
    '<h2 id="muc-1">Mục 1</h2>\n<table>\n<thead>\n<tr>\n<th style="text-align: center;">Cột</th>\n</tr>\n</thead>\n'
    '<tbody>\n<tr>\n<td>a &lt; b</td>\n</tr>\n</tbody>\n</table>',
    '<dl>\n<dt>Đợt 1</dt>\n<dd>Tháng 4</dd>\n</dl>',
    '<p><a href="mailto:bantuyengiao@example.gov.vn">thư</a> <a href="tel:0243">gọi</a></p>',
    '<p>Q&amp;A, a &lt; b, “trích dẫn”</p><!-- ghi chú của biên tập viên -->',
    '<blockquote>\n<p>Trích</p>\n</blockquote>\n<ol start="3">\n<li>ba</li>\n</ol>',
])
def test_what_markdown_makes_passes_unchanged(html):
    assert removed(html) == []


def test_html_given_back_as_it_came_is_not_read_again(monkeypatch):
    # Most pages: nh3 returns Markdown's HTML unchanged, so nothing was removed and the two
    # lxml readings that explain a removal are skipped (they were most of the cost).
    html = '<h2 id="muc-1">Mục 1</h2>\n<p>Đoạn <strong>đậm</strong>, <a href="../khau-hieu/">trang</a>.</p>'
    assert s._CLEANER.clean(html) == html
    monkeypatch.setattr(s, "_removals", lambda *a: pytest.fail("read again"))
    assert s.clean_fragment(html) == s.Cleaned(html, [])
    # Anything nh3 changes is still read and explained.
    monkeypatch.undo()
    assert removed(html + "<script>x()</script>")[0][1] is True


@pytest.mark.parametrize("html, line, danger, words", [
    ("<p>Dòng 1</p>\n<script>alert(1)</script>", 2, True, "mã chạy “<script>”"),
    ("<SCRIPT SRC=//x.vn/a.js></SCRIPT>", 1, True, "mã chạy “<script>”"),
    ('a\nb\n<iframe src="/ban-do.html">dự phòng</iframe>', 3, True, "khung nhúng “<iframe>”"),
    ('<object data="x.swf"></object>', 1, True, "khung nhúng “<object>”"),
    ('<embed src="x.swf">', 1, True, "khung nhúng “<embed>”"),
    ('<meta http-equiv="refresh" content="0;url=https://gia-mao.vn">', 1, True, "thẻ “<meta>”"),
    ('<base href="https://gia-mao.vn/">', 1, True, "thẻ “<base>”"),
    ("<style>body{display:none}</style>", 1, True, "thẻ “<style>”"),
    ('<form action="https://gia-mao.vn"><input name=p></form>', 1, True, "ô nhập liệu “<form>”"),
    ("x\n<img src=a.png onerror=alert(1)>", 2, True, "thuộc tính “onerror”"),
    ("<img/onerror=alert(1) src=x>", 1, True, "thuộc tính “onerror”"),
    ("<p\n  class=\"a\"\n  onmouseover='x()'>", 3, True, "thuộc tính “onmouseover”"),
    ('<a href="javascript:alert(1)">bấm</a>', 1, True, "giao thức javascript:"),
    ('<a href="  JaVa&#x09;Script:alert(1)">bấm</a>', 1, True, "giao thức javascript:"),
    ('<a href="&#106;avascript:alert(1)">bấm</a>', 1, True, "giao thức javascript:"),
    ('<a href="vbscript:msgbox">bấm</a>', 1, True, "giao thức vbscript:"),
    ('<img src="data:image/png;base64,iVBORw0KGgo=">', 1, True, "Ảnh nhúng thẳng dữ liệu"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', 1, True, "Liên kết nhúng thẳng dữ liệu"),
    ('<img src="https://anh.example.com/a.jpg">', 1, True, "lấy từ máy chủ bên ngoài"),
    ('<img src="//anh.example.com/a.jpg">', 1, True, "lấy từ máy chủ bên ngoài"),
    ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', 1, True, "giao thức javascript:"),
    ('<p style="background:url(javascript:alert(1))">x</p>', 1, True, "Thuộc tính “style”"),
    ('<p style="color:red">x</p>', 1, False, "Thuộc tính “style”"),
    ('<font color="red">Chữ</font>', 1, False, "Thẻ “<font>” không dùng được"),
    ('<span class="to">a</span>', 1, False, "Thuộc tính “class”"),
    ('<a href="ftp://x.vn/a">tệp</a>', 1, False, "giao thức ftp:"),
    ('<font onclick="x()">a</font>', 1, True, "thuộc tính “onclick”"),
    ("<p><svg><a href='x'>chữ</a></svg></p>", 1, False, "HTML không hợp lệ"),
])
def test_removals_are_named_with_their_line_and_level(html, line, danger, words):
    found = removed(html)
    assert any(n == line and d == danger and words in what for n, d, what in found), found


def test_the_cleaned_html_keeps_only_what_the_list_allows():
    out = s.clean_fragment('<p onclick="x()" style="color:red">Chữ <font>đỏ</font> '
                           '<a href="javascript:alert(1)">bấm</a> <a href="https://x.vn" rel="me">ngoài</a></p>'
                           '<script>alert(1)</script><iframe src="x">khung</iframe>').html
    assert out == '<p>Chữ đỏ <a>bấm</a> <a href="https://x.vn">ngoài</a></p>'


def test_removals_become_problems_at_the_lines_that_wrote_them():
    source = ('---\ntitle: "Trang"\n---\n\nĐoạn.\n\n<script>alert(1)</script>\n\n'
              '<p style="background:url(javascript:alert(1))">Nền</p>\n\n'
              '<font>a</font> <font>b</font>\n\n[bấm](javascript:alert(1))\n\nĐoạn.\n{: onclick="x()" }\n'
              '<script>alert(2)</script>\n')
    html = ('<p>Đoạn.</p>\n<script>alert(1)</script>\n<p style="background:url(javascript:alert(1))">Nền</p>\n'
            '<p><font>a</font> <font>b</font></p>\n<p><a href="javascript:alert(1)">bấm</a></p>\n'
            '<p onclick="x()">Đoạn.</p>\n<script>alert(2)</script>')
    problems = s.page_problems(s.clean_fragment(html).removed, source, "content/trang.md")
    got = [(p.line, p.level, p.code, p.what.split(" (")[0].split("”")[0] + "”") for p in problems]
    assert got == [
        (7, "lỗi", "unsafe-html", "Có mã chạy “<script>”"),
        (9, "lỗi", "unsafe-html", "Thuộc tính “style”"),
        (11, "cảnh báo", "html-removed", "Thẻ “<font>”"),
        (13, "lỗi", "unsafe-html", "Liên kết “javascript:alert(1)”"),
        (16, "lỗi", "unsafe-html", "Có thuộc tính “onclick”"),
        (17, "lỗi", "unsafe-html", "Có mã chạy “<script>”"),
    ]
    assert "(và 1 chỗ khác)" in problems[2].what
    assert all(str(p).startswith(f"content/trang.md:{p.line}: ") and p.fix for p in problems)


def test_values_must_be_what_the_list_keeps():
    data = {"title": "Kế hoạch Q&A, a < b", "slogans": ["Chào mừng", "<script>alert(1)</script>"],
            "units": [{"name": "<img src=x onerror=y>"}, {"name": "<b>đậm</b>"}],
            "comment_url": "javascript:alert(1)", "portal_url": "https://tinhuy.gov.vn", "x": "<font>a</font>",
            "y": "Điểm a<b c", "z": "<b>đậm"}
    lines = {("slogans", 1): 9, ("units", 0, "name"): 12, ("comment_url",): 14, ("x",): 15, ("y",): 16, ("z",): 17}
    found = s.value_problems(data, lambda path: lines.get(path, 1), "x.md")
    expected = [(9, "Có mã chạy “<script>”"), (12, "Có thuộc tính “onerror” ở thẻ “<img>”"),
                (14, "Mục “comment_url”: liên kết “javascript:alert(1)” chạy mã"), (15, "Thẻ “<font>” không dùng được"),
                (16, "Giá trị “Điểm a<b c” có HTML dở dang"), (17, "Giá trị “<b>đậm” có HTML dở dang")]
    assert len(found) == len(expected)
    for p, (line, words) in zip(found, expected):
        assert (p.line, p.level) == (line, "lỗi") and p.what.startswith(words), p


def test_clean_line_drops_invisible_characters_and_names_bidi_controls():
    assert s.clean_line("Kế\u200b hoạch\u00ad\x01") == ("Kế hoạch\u00ad", [])
    text, refused = s.clean_line("Đại hội \u202eIIX\u202c")
    assert text == "Đại hội IIX"
    assert refused == ["U+202E (RIGHT-TO-LEFT OVERRIDE)", "U+202C (POP DIRECTIONAL FORMATTING)"]


def test_huge_and_odd_input_is_cleaned_in_linear_time():
    import time
    start = time.monotonic()
    for text in ["[a" * 50_000, "<a \"" + "<a " * 30_000, "{" * 100_000, "<a" * 50_000, "<b>" * 50_000,
                 "<p onclick=x>" * 20_000]:
        s.clean_fragment(text)
    # Not a speed target (bench/ has those): a quadratic step would take minutes here.
    assert time.monotonic() - start < 30
