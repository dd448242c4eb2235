"""daihoi.site.htmlsafety: the last check of a finished page (a cheap screen, then a parser) and noopener links."""
import pytest

from daihoi.site import htmlsafety as h

THEME_PAGE = ('<!doctype html><html lang="vi"><head><meta charset="utf-8">'
              '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
              '<link rel="canonical" href="https://tinhuy.example.gov.vn/huong-toi-dai-hoi/">'
              '<link rel="stylesheet" href="../assets/daihoi.css">'
              '<link rel="alternate" type="application/rss+xml" href="../tin-tuc/rss.xml">'
              '<script src="../assets/daihoi.js" defer></script></head><body>'
              '<input type="checkbox" id="__drawer"><form class="dh-search" role="search" action="../tim-kiem/">'
              '</form><img src="../anh/a-160.jpg" alt=""><a href="https://x.vn" rel="noopener noreferrer">x</a>'
              '<p>Viết “script” và “onclick” trong câu văn thì không sao.</p></body></html>')


def test_a_theme_page_passes_the_screen_without_being_parsed():
    assert h.screen(THEME_PAGE) is False
    assert h.final_check(THEME_PAGE) == []


@pytest.mark.parametrize("snippet", [
    '<script>alert(1)</script>', '<script src="https://cdn.example.com/a.js"></script>',
    '<script src="../assets/daihoi.js">alert(1)</script>', '<p onclick="x()">a</p>', '<P ONMOUSEOVER=x>a</P>',
    '<iframe src="a.html"></iframe>', '<a href="javascript:void(0)">x</a>', '<a href="java&#x09;script:x">x</a>',
    '<a href="&#106;avascript:x">x</a>', '<img src="data:image/png;base64,AAAA">', '<img src="//anh.example.com/b.png">',
    '<form action="https://gia-mao.vn"></form>', '<meta http-equiv="refresh" content="0">',
    '<link rel="stylesheet" href="https://cdn.example.com/a.css">', '<base href="https://gia-mao.vn/">',
    '<style>body{}</style>', '<object data="x.swf"></object>', '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
])
def test_every_danger_is_screened_and_found(snippet):
    page = THEME_PAGE.replace("</body>", snippet + "</body>")
    assert h.screen(page) is True
    assert h.final_check(page), snippet


def test_the_screen_may_flag_what_the_parser_then_clears():
    page = THEME_PAGE.replace("</body>", "<pre><code>&lt;a onclick=&quot;x()&quot;&gt;</code></pre> "
                                         "<p> onclick=3 là chữ</p></body>")
    assert h.screen(page) is True
    assert h.final_check(page) == []


def test_page_dangers_give_lines():
    bad = ("<html>\n<script src=\"https://cdn.example.com/a.js\"></script>\n<script>alert(1)</script>\n"
           "<p onclick=\"x\">a</p>\n<img src=\"http://anh.example.com/b.png\">\n<iframe src=\"a.html\"></iframe>\n"
           "<a href=\"javascript:void(0)\">x</a>\n<form action=\"https://gia-mao.vn\"></form>\n"
           "<meta http-equiv=\"refresh\" content=\"0\">\n<link rel=\"stylesheet\" href=\"https://cdn.example.com/a.css\">")
    assert [line for line, _ in h.page_dangers(bad)] == [2, 3, 4, 5, 6, 7, 8, 9, 10]


def test_add_noopener_on_links_to_other_sites_only():
    page = ('<a href="https://tinhuy.gov.vn">a</a> <a href="../khau-hieu/">b</a> '
            '<a class="x" rel="me" href="//x.vn">c</a> <a href="#top">d</a> <link href="https://x.vn" rel="canonical">')
    out = h.add_noopener(page)
    assert '<a href="https://tinhuy.gov.vn" rel="noopener noreferrer">a</a>' in out
    assert '<a href="../khau-hieu/">b</a>' in out and '<a href="#top">d</a>' in out
    assert '<a class="x" rel="me noopener noreferrer" href="//x.vn">c</a>' in out
    assert '<link href="https://x.vn" rel="canonical">' in out
    assert h.add_noopener(out) == out          # idempotent


def test_a_script_scheme_written_with_spaces_or_tabs_is_screened():
    # "pt:" is looked for before the whole pattern: every spelling the pattern finds ends that way.
    import random
    rng = random.Random(7)
    for scheme in ("javascript:", "vbscript:", "livescript:"):
        for _ in range(200):
            spaced = "".join(ch + rng.choice(["", "", " ", "\t", "\n", "\r\n "]) for ch in scheme)
            page = THEME_PAGE.replace("</body>", f'<a href="{spaced.upper() if rng.random() < .3 else spaced}x">x</a></body>')
            assert h._SCRIPT_SCHEME.search(page.lower()), spaced
            assert h.screen(page) is True, spaced


def test_an_attribute_loading_from_another_host_is_screened_as_by_its_pattern():
    """_loads_from_another_host starts from each "//" instead of trying the pattern at every space:
    on 40,000 random pages of its own pieces and on pages built to be slow, it says what the
    pattern says."""
    import random
    import re

    pattern = re.compile(r"\s(?:src|srcset|poster|background|data)\s*=\s*[\"']?[^\"'>]*//")
    pieces = [" ", "\t", "\n", " src", " srcset", " data", " poster", " background", "src", "=", "= ", '"', "'",
              ">", "/", "//", "x", "s", "set", "\u00a0", "\u2028", "http:", "<img", " ="]
    rng = random.Random(11)
    found = 0
    for _ in range(40_000):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        expected = bool(pattern.search(page))
        found += expected
        assert h._loads_from_another_host(page) is expected, page
    assert found > 1000
    for page in ("/" * 200_000, " src=" + "//" * 100_000, ("'" + " " * 20 + "//") * 20_000,
                 " src" + " " * 200_000 + "x//", ' data="' + "x" * 100_000 + '//"'):
        assert h._loads_from_another_host(page) is bool(pattern.search(page))
    assert h.screen(THEME_PAGE.replace("</body>", '<img alt="" src = \'https://x.vn/a.png\'></body>')) is True
    assert h.screen(THEME_PAGE.replace("</body>", '<img alt="" src="/a.png" title="//"></body>')) is False
