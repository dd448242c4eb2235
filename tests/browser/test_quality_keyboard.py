"""Keyboard only, JavaScript off, phone screen: Tab reaches the menu, the menu opens with Space
and its links, the search and the downloads; every Tab stop is on screen."""
from __future__ import annotations

import sys

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "tests" / "quality"))   # shared with tests/quality
from quality_pages import one_page_per_kind  # noqa: E402

FOCUSED = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), id: e.id, type: e.type || '', href: e.getAttribute('href') || '',
          download: e.hasAttribute('download'), text: (e.innerText || e.value || '').trim().slice(0, 60),
          left: r.left, right: r.right, width: r.width, height: r.height,
          inDrawer: !!e.closest('.md-sidebar--primary'), checked: !!e.checked}; }"""


def tab_stops(page, limit=80) -> list[dict]:
    """Press Tab until focus comes back round to the start (or `limit` presses)."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = page.evaluate(FOCUSED)
        if now["tag"] == "body" or (stops and now == stops[0]):
            break
        stops.append(now)
    return stops


def off_screen(stop, width=360) -> bool:
    return stop["right"] <= 0 or stop["left"] >= width


def test_quality_every_tab_stop_is_on_screen(phone, built_site):
    found = {}
    for path in one_page_per_kind(built_site):
        page = phone(javascript=False).open(path)
        hidden = [f"{s['tag']} {s['href'] or s['id']} “{s['text']}”" for s in tab_stops(page) if off_screen(s)]
        if hidden:
            found[path or "/"] = hidden
    assert found == {}


def test_quality_menu_opens_with_keyboard_and_its_links_are_on_screen(phone):
    page = phone(javascript=False).open("")
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert (first["tag"], first["id"], first["checked"]) == ("input", "__drawer", False)
    page.keyboard.press("Space")
    assert page.evaluate(FOCUSED)["checked"]
    page.wait_for_timeout(400)                                    # the drawer slides in (0.25 s)
    menu = [s for s in tab_stops(page) if s["inDrawer"]]
    assert menu and not [s for s in menu if off_screen(s)]
    assert {"khau-hieu/", "tai-lieu/"} <= {s["href"].lstrip("./") for s in menu if s["tag"] == "a"}
    # Space again closes it, and its links leave the Tab order.
    page.focus("#__drawer")
    page.keyboard.press("Space")
    page.wait_for_timeout(400)
    assert not [s for s in tab_stops(page) if s["inDrawer"]]


def test_quality_keyboard_reaches_the_downloads_and_follows_one(phone, server):
    page = phone(javascript=False).open("tai-lieu/")
    downloads = [s for s in tab_stops(page, limit=200) if s["download"]]
    assert downloads, "Tab không tới được tệp tải về nào"
    assert not [s for s in downloads if off_screen(s)]
    with page.expect_download() as got:
        page.focus(f'a[download][href="{downloads[0]["href"]}"]')
        page.keyboard.press("Enter")
    assert got.value.suggested_filename == downloads[0]["href"].rsplit("/", 1)[-1]


def test_quality_keyboard_reaches_the_search(phone, built_site):
    if not (built_site / "tim-kiem" / "index.html").is_file():
        pytest.skip("trang tìm kiếm chưa có trong trang mẫu")
    page = phone(javascript=False).open("")
    stops = tab_stops(page)
    to_search = [s for s in stops if s["href"].rstrip("/").endswith("tim-kiem") or s["type"] == "search"]
    assert to_search, "Tab không tới được ô hay liên kết tìm kiếm từ trang chủ"
    page = phone(javascript=False).open("tim-kiem/")
    assert any(s["type"] == "search" for s in tab_stops(page))
