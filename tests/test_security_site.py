"""The whole built fixture site, every HTML file (pages and generated ones): nothing unsafe published."""
import re

from daihoi.site import htmlsafety

EXTERNAL_A = re.compile(r"<a\s[^>]*href=\"(?:https?:)?//[^\"]*\"[^>]*>", re.I)
CSP = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';"


def html_files(site):
    files = sorted(site.rglob("*.html"))
    assert len(files) >= 8
    return files


def test_no_inline_script_handler_or_outside_request_in_any_file(built_site):
    own = lambda src: not htmlsafety._EXTERNAL.match(src) and not src.lower().startswith(htmlsafety.UNSAFE_SCHEMES)
    for file in html_files(built_site):
        assert htmlsafety.page_dangers(file.read_text(encoding="utf-8"), own) == [], file


def test_links_to_other_sites_carry_noopener_noreferrer(built_site):
    seen = 0
    for file in html_files(built_site):
        for tag in EXTERNAL_A.findall(file.read_text(encoding="utf-8")):
            seen += 1
            rel = re.search(r'rel="([^"]*)"', tag)
            assert rel and {"noopener", "noreferrer"} <= set(rel.group(1).split()), (file, tag)
    assert seen >= 1, "the fixture site should link out somewhere (comment_url, share links)"


def test_every_theme_page_ships_the_policy(built_site):
    pages = [f for f in html_files(built_site) if 'class="md-' in f.read_text(encoding="utf-8")]
    assert len(pages) >= 7
    for file in pages:
        text = file.read_text(encoding="utf-8")
        assert text.count(CSP) == 1, file
        assert text.index(CSP) < text.index("</head>"), file
