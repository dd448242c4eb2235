"""News pages in Chromium at a phone viewport: share bar, pictures, print."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_search_browser import PHONE, news_server  # noqa: E402,F401  (the served news site)

POST = "tin-tuc/2025-05-12-dai-hoi-chi-bo-khu-3/"
ADDRESS = "https://example.gov.vn/huong-toi-dai-hoi/" + POST


@pytest.fixture
def context(browser, news_server):
    ctx = browser.new_context(viewport=PHONE, locale="vi-VN")
    yield ctx
    ctx.close()


def test_post_loads_only_local_files_and_the_picture_keeps_its_space(context, news_server):
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(news_server + POST)
    page.wait_for_load_state("networkidle")
    assert requests and all(u.startswith(news_server) for u in requests)
    assert errors == []
    box = page.eval_on_selector("img.dh-post__cover", "i => [i.getBoundingClientRect().width, i.naturalWidth, i.currentSrc]")
    assert 300 < box[0] <= 360
    assert box[2].endswith("-480.jpg")           # a 360 px phone gets the 480 px copy, not the original or the 960
    height = page.eval_on_selector("img.dh-post__cover", "i => i.getBoundingClientRect().height")
    assert abs(height - box[0] * 9 / 16) < 2     # its box has the picture's proportions (no shift when it loads)


def test_copy_link_copies_the_absolute_address(context, news_server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=news_server.split("/huong")[0])
    page = context.new_page()
    page.goto(news_server + POST)
    button = page.locator("[data-dh-share-copy]")
    assert button.is_visible()
    button.click()
    page.wait_for_function("() => document.querySelector('[data-dh-share-status]').textContent.includes('Đã sao chép')")
    assert page.evaluate("navigator.clipboard.readText()") == ADDRESS


def test_without_javascript_share_links_remain_and_copy_is_hidden(browser, news_server):
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(news_server + POST)
    assert page.locator(".dh-share__link--facebook").is_visible()
    assert page.locator(".dh-share__link--zalo").is_visible()
    assert not page.locator("[data-dh-share-copy]").is_visible()
    ctx.close()


@pytest.mark.parametrize("path", [POST, "tin-tuc/", ""])
def test_print_has_no_navigation_search_or_share(context, news_server, path):
    page = context.new_page()
    page.goto(news_server + path)
    page.emulate_media(media="print")
    for selector in (".md-header", ".dh-search", ".dh-share", ".dh-pager", ".md-sidebar"):
        assert all(not el.is_visible() for el in page.query_selector_all(selector)), selector
    if path == POST:
        assert page.locator(".dh-print-url").is_visible()
        assert ADDRESS in page.text_content(".dh-print-url")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
