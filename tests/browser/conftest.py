"""Real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright, phone viewport."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
# Chromium's flags (without them it keeps calling Google's hosts, which this network refuses)
# and the portal server are the benches' own: tests and benches open pages the same way.
from _serve import CHROMIUM_ARGS, portal  # noqa: E402,F401  (CHROMIUM_ARGS: also for tests/editor)

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
PHONE = {"width": 360, "height": 800}


@pytest.fixture(scope="session")
def server(built_site):
    """The built fixture site on http://127.0.0.1:PORT/huong-toi-dai-hoi/ (a portal sub-path)."""
    with portal(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright_session import chromium   # tests/playwright_session.py: one Chromium per test process

    assert os.path.exists(CHROMIUM), (
        f"Không thấy Chromium ở {CHROMIUM}. Cài gói Debian: sudo apt-get install chromium "
        "(hoặc đặt biến CHROMIUM=đường-dẫn).")
    with chromium(CHROMIUM, CHROMIUM_ARGS) as b:
        yield b


class Page:
    """A phone page that records console errors and every request's host."""

    def __init__(self, browser, base, clock=None, javascript=True):
        self.context = browser.new_context(viewport=PHONE, java_script_enabled=javascript,
                                           locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
        self.page = self.context.new_page()
        self.base = base
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        if clock:
            self.page.clock.set_fixed_time(clock)

    def open(self, path=""):
        self.page.goto(self.base + path)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def phone(browser, server):
    pages = []

    def make(clock=None, javascript=True):
        p = Page(browser, server, clock, javascript)
        pages.append(p)
        return p
    yield make
    for p in pages:
        p.close()
