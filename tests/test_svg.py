"""daihoi.site.svg: an SVG is published only when it is a picture; otherwise it is refused with what was found."""
import pytest

from daihoi.site import svg

HEAD = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'


def test_drawings_pass_with_their_editor_metadata():
    drawing = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
               b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
               b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
               b'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
               b'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" inkscape:version="1.2">'
               b'<sodipodi:namedview id="v"/><title>C\xe1\xbb\x9d</title>'
               b'<defs><linearGradient id="g"><stop offset="0" stop-color="#da251d"/></linearGradient>'
               b'<style>.a{fill:url(#g)}</style></defs>'
               b'<g><rect class="a" width="10" height="10" style="fill:url(#g)"/>'
               b'<use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>'
               b'<a href="https://tinhuy.gov.vn"><text>Link</text></a></g></svg>')
    assert svg.problems(drawing) == []


@pytest.mark.parametrize("body, words", [
    (b"<script>alert(document.domain)</script>", "mã chạy <script>"),
    (b'<rect onclick="alert(1)"/>', "thuộc tính sự kiện “onclick”"),
    (b"<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>x</p></foreignObject>", "<foreignObject>"),
    (b"<html:script xmlns:html='http://www.w3.org/1999/xhtml'>alert(1)</html:script>", "không thuộc SVG"),
    (b'<image xlink:href="https://anh.example.com/a.png"/>', "tham chiếu ra ngoài tệp"),
    (b'<use href="https://x.vn/sprite.svg#a"/>', "tham chiếu ra ngoài tệp"),
    (b'<a xlink:href="javascript:alert(1)"><text>x</text></a>', "tham chiếu ra ngoài tệp"),
    (b'<rect style="fill:url(https://x.vn/a.svg#p)"/>', "tham chiếu ra ngoài tệp"),
    (b'<rect fill="url(\'//x.vn/a.svg#p\')"/>', "tham chiếu ra ngoài tệp"),
    (b"<style>@import url(https://x.vn/a.css);</style>", "@import"),
    (b'<set attributeName="href" to="javascript:alert(1)"/>', "hoạt ảnh <set>"),
    (b"<iframe/>", "không dùng cho hình vẽ"),
])
def test_programs_and_outside_references_are_refused(body, words):
    found = svg.problems(HEAD + body + b"</svg>")
    assert any(words in f for f in found), found


@pytest.mark.parametrize("data, words", [
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>', "ENTITY"),
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', "ENTITY"),
    (b'<?xml-stylesheet href="https://x.vn/a.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>', "xml-stylesheet"),
    (b"<html><body><script>alert(1)</script></body></html>", "không phải ảnh SVG"),
    (b"<svg><rect/></svg>", "không phải ảnh SVG"),
    (b"\x89PNG\r\n\x1a\n", "XML sai cú pháp"),
    (b"", "XML sai cú pháp"),
])
def test_what_is_not_a_readable_svg_is_refused(data, words):
    found = svg.problems(data)
    assert any(words in f for f in found), found
