"""Every desk page, at 1280 px and at tablet width (768 px): axe-core reports no WCAG 2.2 A/AA violation
(target size on), nothing wider than the screen, nothing fetched from another host, no script error;
the keyboard reaches the main content first and every form control has a name."""
from __future__ import annotations

import importlib.util
import json
import re

import pytest

from desk_helpers import HERE, word_file

spec = importlib.util.spec_from_file_location("quality_axe", HERE.parent / "browser" / "test_quality_axe.py")
quality_axe = importlib.util.module_from_spec(spec)
spec.loader.exec_module(quality_axe)       # axe_violations: the reader pages' own axe run (WCAG 2.2 AA tags)

WIDTHS = {"may-tinh": {"width": 1280, "height": 900}, "may-tinh-bang": {"width": 768, "height": 1024}}


@pytest.fixture(scope="module")
def pages(browser, full_desk, tmp_path_factory):
    """Each kind of desk page, some in the state an editor leaves them (errors shown, a check run, a package made)."""
    ctx = browser.new_context(viewport=WIDTHS["may-tinh"], locale="vi-VN")
    page = ctx.new_page()
    page.set_default_timeout(180_000)
    page.goto(full_desk.url + "nhap")
    page.set_input_files("#tep", str(word_file("38-kh-du", tmp_path_factory.mktemp("w"))))
    page.get_by_role("button", name="Nhập và đối chiếu").click()
    page.wait_for_url("**/nhap/*")
    review = page.url.split("127.0.0.1", 1)[1].split("/", 1)[1]
    page.fill("#f-date", "31/02/2020")
    page.get_by_role("button", name="Lưu kế hoạch").first.click()
    page.wait_for_selector("#f-date-loi")
    for path, button in (("kiem-tra", "Kiểm tra"), ("xem-truoc", "Dựng lại trang để xem"), ("dong-goi", "Đóng gói")):
        page.goto(full_desk.url + path)
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state("load")
    ctx.close()
    return ["", "nhap", review, "ke-hoach", "ke-hoach/38-kh-du", "tin-tuc", "tin-tuc/moi",
            "tin-tuc/2020-07-15-bang-ron-khau-hieu", "dai-hoi", "xem-truoc", "xem-truoc?khung=may-tinh",
            "kiem-tra", "dong-goi", "khong-co-trang-nay"]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_desk_page_passes_axe(browser, full_desk, pages, width):
    ctx = browser.new_context(viewport=WIDTHS[width], locale="vi-VN")
    page = ctx.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource: the server "
                                                                          "responded with a status of 404")
            and errors.append(m.text))
    page.on("request", lambda r: requests.append(r.url))
    found = {}
    for path in pages:
        page.goto(full_desk.url + path)
        page.wait_for_load_state("load")
        violations = quality_axe.axe_violations(page)
        if "xem-truoc" not in path and page.evaluate("document.documentElement.scrollWidth") > WIDTHS[width]["width"]:
            violations.append({"rule": "wider-than-screen"})
        unnamed = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
            .map(e => e.name || e.id)""")
        if unnamed:
            violations.append({"rule": "unnamed-control", "where": unnamed})
        if violations:
            found[path or "/"] = violations
    hosts = {re.sub(r"^https?://([^/]+).*", r"\1", u) for u in requests if u.startswith("http")}
    assert hosts <= {full_desk.url.split("/")[2]}, hosts
    assert errors == []
    ctx.close()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_keyboard_reaches_the_content_first(browser, full_desk):
    ctx = browser.new_context(viewport=WIDTHS["may-tinh"], locale="vi-VN")
    page = ctx.new_page()
    page.goto(full_desk.url + "ke-hoach/07-kh-duk")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bỏ qua thanh điều hướng"
    page.keyboard.press("Enter")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-number":
            break
    assert page.evaluate("document.activeElement.id") == "f-number"
    ctx.close()
