"""A time limit on turning one page's Markdown into HTML, so that no file can hang a build.

Python-Markdown takes quadratic time on some inputs: 8,000 "[" in one paragraph take
11 s, 2 MB of them would take hours. No list of such patterns is ever complete, so
the build measures instead: while a page renders, a timer runs; when it expires the
main thread is interrupted (`_thread.interrupt_main`, which works on Windows too and
lands between two Python instructions, where Python-Markdown spends its time) and
build.py reports the page by name. A legitimate 2 MB page renders in under 2 s.

Only `python build.py build` arms it (`enable`): `serve` rebuilds in another thread,
where an interrupt would stop the preview server instead.

Another part of the build that finds the build must stop (the content check, in a worker
process) asks for it with `stop_at_next_page`: the build stops when the next page begins
(`Stopped`), at a point where the build's own process is between two pages, and not by an
interrupt, which could land anywhere (in the middle of handing work to the worker processes).
"""
from __future__ import annotations

import _thread
import threading
import time

PAGE_SECONDS = 30.0       # one page
TOTAL_SECONDS = 600.0     # every page of one build together

_state = {"enabled": False, "page": None, "deadline": None, "whole": False, "started": 0.0, "spent": 0.0,
          "expired": None, "watcher": None, "waking_at": None, "stop_asked": False}
_wake = threading.Condition()


def enable(page_seconds: float = PAGE_SECONDS, total_seconds: float = TOTAL_SECONDS) -> None:
    _state.update(enabled=True, page=None, spent=0.0, expired=None, limits=(page_seconds, total_seconds))


def disable() -> None:
    stop()
    _state["enabled"] = False


class Stopped(KeyboardInterrupt):
    """The build stopped between two pages, as asked by `stop_at_next_page` (a KeyboardInterrupt,
    as a page stopped by the timer: the build is cleaned up the same way)."""


def stop_at_next_page(asked: bool = True) -> None:
    """Stop the build when the next page begins (from any thread); False: not any more."""
    _state["stop_asked"] = asked


def start(page: str) -> None:
    """`page` (as the editor sees its path) begins to render."""
    if _state["stop_asked"] and threading.current_thread() is threading.main_thread():
        _state["stop_asked"] = False
        raise Stopped
    stop()
    if not _state["enabled"] or threading.current_thread() is not threading.main_thread():
        return
    page_limit, total_limit = _state["limits"]
    left = min(page_limit, total_limit - _state["spent"])
    now = time.monotonic()
    with _wake:
        _state.update(page=page, started=now, deadline=now + max(left, 0.0), whole=left < page_limit)
        if _state["watcher"] is None or not _state["watcher"].is_alive():
            # One watcher for the whole build: a timer thread per page cost more than most pages' rendering.
            _state["watcher"] = threading.Thread(target=_watch, name="daihoi-watchdog", daemon=True)
            _state["watcher"].start()
        # The watcher is woken only if it would wake too late: it is waiting for no page, or for a
        # later time. Waking it for every page (1,300 on a rebuild, most taken from the cache in
        # microseconds) handed the interpreter to it and back each time.
        if _state["waking_at"] is None or _state["deadline"] < _state["waking_at"]:
            _wake.notify()


def stop() -> None:
    """The page being rendered is done."""
    with _wake:
        if _state["deadline"] is not None:
            _state["deadline"] = None
            _state["spent"] += time.monotonic() - _state["started"]


def _watch() -> None:
    with _wake:
        while True:
            deadline = _state["deadline"]
            if deadline is None:
                _state["waking_at"] = None
                _wake.wait()
                continue
            left = deadline - time.monotonic()
            if left > 0:
                _state["waking_at"] = deadline
                _wake.wait(left)
                continue
            page, whole = _state["page"], _state["whole"]
            _state["deadline"] = None
            _expire(page, whole)


def _expire(page: str, whole_build: bool) -> None:
    _state["expired"] = (page, whole_build)
    _thread.interrupt_main()


def expired() -> tuple[str, bool] | None:
    """(page, whether the whole build's budget ran out) if the timer stopped a build."""
    return _state["expired"]


def message() -> tuple[str, str]:
    """(what, fix) in Vietnamese for the page that took too long."""
    page, whole = _state["expired"]
    page_limit, total_limit = _state["limits"]
    if whole:
        what = (f"Dựng trang quá {total_limit:g} giây cho tất cả các trang; dừng ở trang này "
                "(có thể nhiều trang có chuỗi ký tự bất thường)")
    else:
        what = (f"Trang này cần hơn {page_limit:g} giây để chuyển thành HTML (thường do một chuỗi rất dài "
                "các dấu [ ! < hoặc danh sách lồng nhau quá nhiều tầng, dán nhầm từ chương trình khác)")
    return what, ("Tìm trong tệp các dòng toàn dấu [ ( < * hoặc thụt lề rất sâu và xóa đi; "
                  "nếu trang quá dài, chia thành nhiều trang")
