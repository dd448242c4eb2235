"""The stylesheets as the build ships them (only the rules the pages and scripts can use,
daihoi/site/cssprune.py) on a 360×800 phone, against the same site with the full stylesheets
(Material's as it is installed, ours as the theme bundles it):

- every kind of page, with JavaScript and without, and the menu drawer open, the header's
  search results shown, the plan's contents unfolded, look the same pixel for pixel;
- and the components are styled: header, drawer, search results, contents, table, copy button.

The sample site (content/) is built for 15/09/2020 with one table added to a post.
"""
from __future__ import annotations

import importlib.util
import io
import shutil
import sys
from pathlib import Path

import pytest

from helpers import ROOT, run_cli
from daihoi.site import assets

sys.path.insert(0, str(ROOT / "bench"))
from _serve import serve  # noqa: E402

TODAY = "2020-09-15"
CLOCK = "2020-09-15T09:00:00+07:00"
POST = "tin-tuc/2020-07-15-bang-ron-khau-hieu/"
PLAN = "ke-hoach/38-kh-du/"
PAGES = ["", PLAN, "ke-hoach/", POST, "tin-tuc/", "khau-hieu/", "tai-lieu/", "tim-kiem/?q=dai+hoi",
         "404.html", "widget/"]
TABLE = """

| Đơn vị | Số ý kiến | Ghi chú |
|---|---:|---|
| Chi bộ khu dân cư số 1 | 42 | Tổng hợp gửi Đảng ủy ngày 30/9/2020, kèm biên bản hội nghị lấy ý kiến |
| Chi bộ Trường Tiểu học Quang Trung | 35 | |
"""


def original(name: str) -> str:
    """A shipped stylesheet before pruning: Material's from the installed theme, ours from the bundle."""
    if name == "assets/daihoi.css":
        return assets.bundle(ROOT / "theme", "css")
    if name == "widget/widget.css":
        return (ROOT / "theme" / "widget" / "widget.css").read_text(encoding="utf-8")
    (folder,) = importlib.util.find_spec("material").submodule_search_locations
    return (Path(folder) / "templates" / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    work = tmp_path_factory.mktemp("css")
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    post = content / "tin-tuc" / "2020-07-15-bang-ron-khau-hieu.md"
    post.write_text(post.read_text(encoding="utf-8") + TABLE, encoding="utf-8")
    pruned = work / "pruned"
    result = run_cli("build", "--content-dir", content, "--site-dir", pruned, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    full = work / "full"
    shutil.copytree(pruned, full)
    sheets = sorted(f.relative_to(full).as_posix() for f in full.rglob("*.css"))
    assert "assets/daihoi.css" in sheets and any(s.startswith("assets/stylesheets/main.") for s in sheets)
    for name in sheets:
        text = original(name)
        assert len((pruned / name).read_text(encoding="utf-8")) < len(text), name     # it was pruned
        (full / name).write_text(text, encoding="utf-8")
    with serve(full) as full_url, serve(pruned) as pruned_url:
        yield {"full": full_url, "pruned": pruned_url}


class Reader:
    """One phone (a browser context) reading one copy of the site, with a fixed clock."""

    def __init__(self, browser, base, javascript=True):
        self.base = base
        self.context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=javascript,
                                           locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", reduced_motion="reduce")
        self.page = self.context.new_page()
        self.page.clock.set_fixed_time(CLOCK)

    def open(self, path):
        response = self.page.goto(self.base + path)
        assert response.status == 200, path
        self.page.wait_for_load_state("networkidle")
        return self.page

    def screenshot(self, path, state=None):
        page = self.open(path)
        if state:
            STATES[state](page)
        # Every picture loaded (lazy ones too), so that two screenshots differ only by their styles.
        page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        from PIL import Image

        return Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")

    def close(self):
        self.context.close()


@pytest.fixture
def readers(browser, sites):
    """{javascript: (phone on the full site, phone on the pruned one)}, made when asked."""
    made = {}

    def get(javascript=True):
        if javascript not in made:
            made[javascript] = (Reader(browser, sites["full"], javascript), Reader(browser, sites["pruned"], javascript))
        return made[javascript]
    yield get
    for pair in made.values():
        for reader in pair:
            reader.close()


def search(page):
    page.focus("#dh-search-q")
    page.keyboard.type("dai hoi")
    page.wait_for_function("() => document.querySelector('.md-header [data-dh-search-results] li')", timeout=15000)


STATES = {
    "drawer": lambda page: page.click(".md-header label[for=__drawer]"),
    "search": search,
    "contents": lambda page: page.click(".dh-toc summary"),
}


def same_pixels(a, b) -> bool:
    from PIL import ImageChops

    return a.size == b.size and ImageChops.difference(a, b).getbbox() is None


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "khong-js"])
def test_every_kind_of_page_looks_the_same_with_the_pruned_stylesheets(readers, javascript):
    full, pruned = readers(javascript)
    different = [path or "/" for path in PAGES if not same_pixels(full.screenshot(path), pruned.screenshot(path))]
    assert different == []


def test_drawer_search_and_contents_look_the_same_with_the_pruned_stylesheets(readers):
    full, pruned = readers()
    different = [f"{path or '/'} ({state})" for path, state in
                 [("", "drawer"), (PLAN, "drawer"), ("", "search"), (POST, "search"), (PLAN, "contents")]
                 if not same_pixels(full.screenshot(path, state), pruned.screenshot(path, state))]
    assert different == []


def style(page, selector: str, *properties: str) -> dict:
    return page.eval_on_selector(selector, "(e, ps) => { const s = getComputedStyle(e); "
                                           "return Object.fromEntries(ps.map(p => [p, s.getPropertyValue(p)])); }",
                                 list(properties))


def test_the_pruned_stylesheets_style_the_components(readers):
    reader = readers()[1]
    page = reader.open(PLAN)
    header = style(page, ".md-header", "background-color", "position", "height")
    assert header["background-color"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert header["position"] in ("sticky", "fixed") and float(header["height"][:-2]) >= 48

    # The drawer: off screen, then in view with the page dimmed behind it.
    drawer = page.locator(".md-sidebar--primary")
    assert drawer.bounding_box()["x"] + drawer.bounding_box()["width"] <= 0
    page.click(".md-header label[for=__drawer]")
    box = drawer.bounding_box()
    assert abs(box["x"]) < 1 and box["width"] >= 240
    assert float(style(page, ".md-overlay", "opacity")["opacity"]) > 0
    page.click(".md-overlay", position={"x": 340, "y": 400})
    assert drawer.bounding_box()["x"] + drawer.bounding_box()["width"] <= 0

    # The contents: folded to one line, a list of block links once opened.
    toc = page.locator(".dh-toc__list")
    assert toc.is_hidden()
    page.click(".dh-toc summary")
    assert toc.is_visible()
    assert style(page, ".dh-toc__list a", "display", "min-height") == {"display": "block", "min-height": "24px"}

    # The header's search results: a panel over the page, with a list of links.
    search(page)
    panel = style(page, ".md-header [data-dh-search-results]", "background-color", "position")
    assert panel["background-color"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert panel["position"] == "fixed"

    # A table from Markdown: bordered, scrolls inside itself on a phone instead of widening the page.
    page = reader.open(POST)
    table = style(page, ".md-typeset table", "border-top-width", "overflow-x", "display")
    assert table["border-top-width"] != "0px" and table["overflow-x"] == "auto"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert style(page, ".md-typeset th", "font-weight")["font-weight"] == "700"

    # The slogans' copy buttons: shown by the script, sized as primary buttons.
    page = reader.open("khau-hieu/")
    button = page.locator("button[data-dh-copy]").first
    assert button.is_visible() and button.bounding_box()["height"] >= 44
