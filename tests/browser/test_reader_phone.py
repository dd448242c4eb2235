"""A reader on a 360×800 phone, with JavaScript and without, on the sample site built for
15/09/2020 (content/, the site an editor starts from), served under a portal sub-path with
the portal's 404 rule (every missing address answers with the site's 404.html):

- every tap target outside a sentence is at least 24×24 px (WCAG 2.2 SC 2.5.8), primary
  buttons (copy, share, download, search) 44 px high, and no text is under 12 px, on every
  kind of page, the menu drawer open too;
- axe-core with the WCAG 2.2 A/AA rules finds nothing;
- the header names the section readably; the 404 page is Vietnamese and leads back;
- search: readers' pages only, every word a prefix, quoted phrases, plans by number.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from helpers import ROOT, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests" / "quality"))
from reader_measure import MIN_PRIMARY, measure, small_targets, small_texts  # noqa: E402
from test_quality_axe import axe_violations  # noqa: E402
from _serve import MOUNT, portal as portal_server  # noqa: E402  (bench/_serve.py, on the path by conftest.py)

PHONE = {"width": 360, "height": 800}      # as tests/browser/conftest.py
TODAY = "2020-09-15"
# One page of each kind (the plan with parallel tracks, the post tied to one of them).
PAGES = {
    "home": "",
    "plan": "ke-hoach/38-kh-du/",
    "plans": "ke-hoach/",
    "slogans": "khau-hieu/",
    "documents": "tai-lieu/",
    "news": "tin-tuc/",
    "phase news": "tin-tuc/dot/38-kh-du-1-dot-2/",
    "post": "tin-tuc/2020-07-15-bang-ron-khau-hieu/",
    "search": "tim-kiem/?q=dai+hoi",
    "404": "khong-co/trang/nay/",
    "widget": "widget/",
}
PRIMARY = ".dh-copy, .dh-share__link, a[download], .dh-search__button, .dh-search-page button"


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "site"
    result = run_cli("build", "--content-dir", ROOT / "content", "--site-dir", out, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def portal(sample_site):
    with portal_server(sample_site) as url:      # missing addresses answer with the site's 404.html
        yield url


@pytest.fixture
def open_page(browser, portal):
    contexts = []

    def make(path, javascript=True, refuse_scripts=False):
        # refuse_scripts: the page as a reader without JavaScript gets it, while JavaScript stays on
        # for axe, which runs in the page (as tests/browser/test_quality_axe.py does).
        ctx = browser.new_context(viewport=PHONE, java_script_enabled=javascript, locale="vi-VN",
                                  timezone_id="Asia/Ho_Chi_Minh")
        contexts.append(ctx)
        page = ctx.new_page()
        if refuse_scripts:
            page.route("**/*.js", lambda route: route.abort())
        page.clock.set_fixed_time(f"{TODAY}T09:00:00+07:00")
        page.goto(portal + path)
        page.wait_for_load_state("load")
        if javascript and not refuse_scripts and path.startswith("tim-kiem/?q="):
            page.wait_for_selector(".md-content [data-dh-search-results] li a", timeout=15000)
        return page
    yield make
    for ctx in contexts:
        ctx.close()


def _report(found: dict) -> str:
    return json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_targets_and_text_are_big_enough(open_page, kind, javascript):
    page = open_page(PAGES[kind], javascript)
    found = measure(page)
    assert len(found["targets"]) >= 2 and len(found["texts"]) >= 5          # the page was measured at all
    problems = {"targets under 24 px": small_targets(found), "text under 12 px": small_texts(found)}
    primary = page.eval_on_selector_all(
        PRIMARY, """els => els.filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
                     .map(e => ({text: e.textContent.trim().slice(0, 40), height: e.getBoundingClientRect().height}))""")
    problems["primary buttons under 44 px"] = [b for b in primary if b["height"] < MIN_PRIMARY - 0.5]
    if kind == "home":       # the menu drawer, open
        page.evaluate("document.getElementById('__drawer').checked = true")
        page.wait_for_timeout(400)
        drawer = measure(page)
        problems["drawer targets under 24 px"] = small_targets(drawer)
        problems["drawer text under 12 px"] = small_texts(drawer)
    assert not any(problems.values()), _report(problems)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_axe_wcag22_aa_finds_nothing(open_page, javascript):
    found = {}
    for kind, path in PAGES.items():
        page = open_page(path, refuse_scripts=not javascript)
        violations = axe_violations(page)
        if violations:
            found[kind] = violations
        page.context.close()
    assert found == {}, _report(found)


def test_header_names_the_section_on_every_inner_page(open_page):
    for path in ("tin-tuc/", "ke-hoach/38-kh-du/", "khong-co/"):
        page = open_page(path, javascript=False)
        name = page.locator(".dh-header__name")
        assert name.inner_text().strip() == "Hướng tới Đại hội XIII"        # short_title of cai-dat.yml
        text = page.locator(".dh-header__short")
        box = text.bounding_box()
        assert box["width"] > 150 and box["height"] >= 16
        clipped = page.evaluate("e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1",
                                text.element_handle())
        assert not clipped
        assert page.evaluate("e => new URL(e.href).pathname", name.element_handle()) == f"/{MOUNT}/"


def test_header_search_opens_over_the_title_when_tapped(open_page):
    page = open_page("tin-tuc/")
    assert page.locator("#dh-search-q").bounding_box()["width"] < 2               # folded
    page.click(".dh-search__button")                                               # "Tìm" with nothing typed
    assert page.url.endswith("tin-tuc/")                                           # stays: the box opens
    assert page.locator("#dh-search-q").bounding_box()["width"] > 150
    page.keyboard.type("khau hieu")
    page.wait_for_selector("[data-dh-search] [data-dh-search-results] li a", timeout=15000)


@pytest.mark.parametrize("path", ["khong-co/", "khong-co/trang/nay/", "tin-tuc/2099-01-01-khong-co/"])
def test_404_is_vietnamese_and_leads_back_from_any_depth(open_page, portal, path):
    import urllib.request
    page = open_page(path, javascript=False)
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert "Not found" not in page.content()
    links = {a["text"]: a["href"] for a in page.eval_on_selector_all(
        ".dh-404__links a", "els => els.map(a => ({text: a.textContent.trim(), href: a.href}))")}
    assert set(links) >= {"Về trang chủ chuyên mục", "Tìm kiếm trong chuyên mục"}
    for href in links.values():
        assert href.startswith(portal)
        assert urllib.request.urlopen(href).status == 200
    css = page.evaluate("[...document.styleSheets].some(s => s.href && s.href.endsWith('assets/daihoi.css') && s.cssRules.length)")
    assert css                                                                    # styled at any depth


def results(page, query) -> list[tuple[str, str]]:
    page.fill("#dh-search-page-q", query)
    page.wait_for_function(
        "q => { const b = document.querySelector('.md-content [data-dh-search-results]');"
        " return b.textContent.includes('“' + q.normalize('NFC').toLowerCase() + '”'); }", arg=query, timeout=15000)
    return [tuple(x) for x in page.eval_on_selector_all(
        ".md-content [data-dh-search-results] li a", "els => els.map(a => [a.textContent, a.getAttribute('href')])")]


def test_search_finds_readers_pages_best_first(open_page, sample_site):
    page = open_page("tim-kiem/")
    dai_hoi = results(page, "dai hoi")
    assert dai_hoi and not [u for _, u in dai_hoi if u.endswith("/huong-dan/")]   # no editors' guide
    assert not (sample_site / "huong-dan").exists()
    assert f"/{MOUNT}/huong-dan/" not in (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    # Every word a prefix, and the words of a title first.
    assert results(page, "hoi ngh qua")[0][0] == "Hội nghị quán triệt kế hoạch tuyên truyền đại hội đảng các cấp"
    assert results(page, "hoi nghi quan triet")[0][0].startswith("Hội nghị quán triệt")
    # A quoted phrase: its words side by side, not only somewhere on the page.
    from daihoi.site.search_index import read_page
    from daihoi.text.vntext import fold

    def text_of(url):
        rel = url.split(f"/{MOUNT}/", 1)[1]
        page_html = (sample_site / rel / "index.html").read_text(encoding="utf-8")
        return " ".join(fold(read_page(page_html.replace('md-typeset">', 'md-typeset" data-pagefind-body>', 1))["text"]
                             ).lower().split())
    phrase = results(page, "“đại hội đảng bộ”")
    loose = results(page, "dai hoi dang bo")
    assert phrase and all("dai hoi dang bo" in text_of(u) for _, u in phrase)
    assert [u for _, u in loose if "dai hoi dang bo" not in text_of(u)]        # pages the phrase rightly leaves out
    assert set(phrase) < set(loose)
    # Plans by number and subject, with an excerpt from their text, not their header.
    plans = [t for t, u in results(page, "ke hoach") if u.rstrip("/").split("/")[-2:-1] == ["ke-hoach"]]
    assert plans and all(t.startswith("Kế hoạch số ") and ": " in t for t in plans)
    excerpts = page.eval_on_selector_all(".md-content [data-dh-search-results] li p", "els => els.map(p => p.textContent)")
    assert not [e for e in excerpts if e.startswith(("ĐẢNG BỘ", "*", "Số "))]
