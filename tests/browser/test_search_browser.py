"""Search in Chromium at a phone viewport, on the fixture site with posts: accent-insensitive,
exact diacritics first, NFD queries, and no index downloaded before the reader searches."""
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "news"))
from news_helpers import news_site  # noqa: E402
from _serve import portal  # noqa: E402  (bench/_serve.py, on the path by conftest.py)

PHONE = {"width": 360, "height": 800}
DAI_HOI = "Chi bộ khu dân cư số 3 tổ chức Đại hội nhiệm kỳ 2025 - 2027"
DAI_HOI_URL = "tin-tuc/2025-05-12-dai-hoi-chi-bo-khu-3/"
DAI_HOI_LONG = "Một chương trình dài hơi cho công tác dân vận ở khu dân cư"     # "dài hơi" folds to "dai hoi" too


@pytest.fixture(scope="module")
def news_server(tmp_path_factory):
    with portal(news_site(tmp_path_factory)) as url:
        yield url


@pytest.fixture
def reader(browser, news_server):
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.errors, page.requests = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    page.base = news_server
    yield page
    context.close()


def open_box(page):
    """On a phone the header's box is folded beside the title: "Tìm" opens it (with JavaScript)."""
    if page.locator("#dh-search-q").bounding_box()["width"] < 2:
        page.click(".dh-search__button")
    assert page.locator("#dh-search-q").bounding_box()["width"] > 100


def search(page, query):
    open_box(page)
    page.fill("#dh-search-q", query)
    page.wait_for_function(
        "q => { const b = document.querySelector('[data-dh-search-results]');"
        " return !b.hidden && b.textContent.includes('“' + q.normalize('NFC').toLowerCase() + '”'); }",
        arg=query, timeout=15000)
    found = page.eval_on_selector_all("[data-dh-search-results] li a",
                                      "els => els.map(a => [a.textContent, a.getAttribute('href')])")
    return [tuple(pair) for pair in found]


def test_first_view_downloads_no_search_code_or_index(reader):
    reader.goto(reader.base)
    reader.wait_for_load_state("networkidle")
    assert reader.is_visible(".dh-search__button")
    assert not [u for u in reader.requests if "pagefind" in u or "dh-search" in u]
    assert all(u.startswith(reader.base) for u in reader.requests)


@pytest.mark.parametrize("query", ["dai hoi", "Đại hội", unicodedata.normalize("NFD", "Đại hội"), "ĐẠI HỘI"])
def test_dai_hoi_finds_the_post_whatever_the_accents(reader, query):
    reader.goto(reader.base)
    found = search(reader, query)
    assert (DAI_HOI, f"/huong-toi-dai-hoi/{DAI_HOI_URL}") in found
    assert reader.errors == []
    assert all(u.startswith(reader.base) for u in reader.requests)        # no outside host


def test_exact_diacritics_rank_first(reader):
    reader.goto(reader.base)
    exact = [t for t, _ in search(reader, "Đại hội")]
    assert DAI_HOI in exact and (DAI_HOI_LONG not in exact or exact.index(DAI_HOI) < exact.index(DAI_HOI_LONG))
    long = [t for t, _ in search(reader, "dài hơi")]
    assert long[0] == DAI_HOI_LONG
    plain = [t for t, _ in search(reader, "dai hoi")]
    assert DAI_HOI in plain and DAI_HOI_LONG in plain          # no accents typed: both spellings match


def test_khau_hieu_finds_the_slogans_page_and_d_matches_dj(reader):
    reader.goto(reader.base)
    assert ("Khẩu hiệu tuyên truyền", "/huong-toi-dai-hoi/khau-hieu/") in search(reader, "khau hieu")
    assert DAI_HOI in [t for t, _ in search(reader, "dai")]                   # "d" typed, "Đ" in the page


def test_search_page_from_the_header_form(reader):
    reader.goto(reader.base)
    open_box(reader)
    reader.fill("#dh-search-q", "khẩu hiệu")
    reader.press("#dh-search-q", "Enter")
    reader.wait_for_url("**/tim-kiem/?q=*")
    reader.wait_for_selector(".md-content [data-dh-search-results] li a")
    assert "Khẩu hiệu tuyên truyền" in reader.text_content(".md-content [data-dh-search-results]")


def test_without_javascript_the_form_leads_to_useful_links(browser, news_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(news_server)
    page.click(".dh-search__button")             # the folded box: "Tìm" opens the search page
    page.wait_for_url("**/tim-kiem/?q=*")
    page.fill("#dh-search-page-q", "dai hoi")
    page.press("#dh-search-page-q", "Enter")
    page.wait_for_url("**/tim-kiem/?q=dai+hoi")
    links = page.eval_on_selector_all("noscript a, .md-content noscript", "els => els.map(e => e.textContent)")
    assert any("tin tức" in text for text in links)
    context.close()
