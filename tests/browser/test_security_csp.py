"""The strict Content-Security-Policy shipped as <meta> holds on every page, in a real browser."""
import re
import shutil
import sys
from urllib.parse import urlparse

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from _serve import serve  # noqa: E402

PAGES = ["", "ke-hoach/", "ke-hoach/12-kh-du/", "ke-hoach/192-kh-ubnd/", "khau-hieu/", "tai-lieu/", "404.html"]
CSP_WORDS = "Content Security Policy"


def watch(page):
    """Console messages about the policy (Chromium reports each refused load or script)."""
    seen = []
    page.on("console", lambda m: CSP_WORDS in m.text and seen.append(m.text))
    return seen


@pytest.mark.parametrize("javascript", [True, False])
def test_every_page_runs_under_the_policy_without_violation(phone, built_site, javascript):
    p = phone(clock="2025-05-15T09:00:00+07:00", javascript=javascript)
    seen = watch(p.page)
    for path in PAGES:
        page = p.open(path)
        page.wait_for_load_state("load")
        meta = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert meta.count() == 1, path
        assert meta.get_attribute("content").startswith("default-src 'self'"), path
    assert seen == []
    assert not [e for e in p.errors if CSP_WORDS in e]
    assert {urlparse(u).hostname for u in p.requests} == {"127.0.0.1"}
    if javascript:
        # Our script (a file) did run: the countdown / states were enhanced, not blocked.
        page = p.open("")
        assert page.evaluate("typeof window.daihoi") == "object"


def test_the_policy_really_blocks_what_an_editor_might_paste(browser, built_site, tmp_path):
    """Negative control: the same page with an inline script and handler is refused, and we see it."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    index = site / "index.html"
    html = index.read_text(encoding="utf-8")
    html = html.replace("</body>", '<script>document.title = "ĐÃ CHẠY"</script>'
                                   '<img src="assets/favicon.svg" onload="document.title = \'ĐÃ CHẠY\'"></body>')
    index.write_text(html, encoding="utf-8")
    with serve(site) as base:
        context = browser.new_context()
        page = context.new_page()
        seen = watch(page)
        page.goto(base)
        page.wait_for_load_state("load")
        title = page.title()
        context.close()
    assert title != "ĐÃ CHẠY"
    assert len(seen) >= 2 and all(re.search(r"inline (script|event handler)|script-src", s) for s in seen), seen
