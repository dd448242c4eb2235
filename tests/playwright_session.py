"""One Chromium per test process, shared by the folders whose tests drive a browser.

Playwright's sync API runs an event loop in the thread that started it, so a second
`sync_playwright()` in the same process fails while the first is open ("using Playwright
Sync API inside the asyncio loop"). The reader tests (tests/browser) keep theirs for the
whole session and the desk's tests (tests/desk) run after them in a full run: both take
the browser from here, and the last one to let go closes it.
"""
from __future__ import annotations

import contextlib

_open: dict = {}


@contextlib.contextmanager
def chromium(executable: str, args: list[str]):
    if not _open:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        _open.update(playwright=playwright, users=0,
                     browser=playwright.chromium.launch(executable_path=executable, args=args))
    _open["users"] += 1
    try:
        yield _open["browser"]
    finally:
        _open["users"] -= 1
        if _open["users"] == 0:
            _open["browser"].close()
            _open["playwright"].stop()
            _open.clear()
