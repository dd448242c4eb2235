"""Real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright, phone viewport."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading

import pytest

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
PHONE = {"width": 360, "height": 800}
# Without these, Chromium keeps calling Google's hosts, which this network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(built_site):
    """The built fixture site on http://127.0.0.1:PORT/huong-toi-dai-hoi/ (a portal sub-path)."""
    root = built_site.parent / "portal"
    root.mkdir(exist_ok=True)
    mount = root / "huong-toi-dai-hoi"
    if not mount.exists():
        mount.symlink_to(built_site, target_is_directory=True)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/huong-toi-dai-hoi/"
    httpd.shutdown()


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
