"""The editor's preview (`build.py serve`): a whole rebuild after every save, made cheap.

The engine rebuilds the site into one folder after each save (written file by file, only what
changed: daihoi/site/output.py). Once the page cache has the pages (daihoi/site/pagecache.py),
the search index, merged from every page's words, costs more than the pages themselves (about
0.7 s on 1,000 posts), and the editor is looking at the page just saved, not searching. `later`
runs it a moment after the page is reloaded; the next build stops it where it is (`check`) and
makes its own.

A published build (`build.py build`) makes its index before the site is swapped in.
"""
from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

active = False          # set by the adapter's serve: this process is a preview
_pending: tuple | None = None     # (thread, its cancel event)
PAUSE = 1.0             # seconds between a build's end and its later work


class Dropped(Exception):
    """The next build has begun: the work of the last one is not needed any more."""


_local = threading.local()      # the cancel event of the work this thread runs `later`


def check() -> None:
    """Called often by work that may run `later`: stops it (Dropped) once the next build has begun,
    so the two do not share the interpreter. Elsewhere (a published build) it does nothing."""
    cancel = getattr(_local, "cancel", None)
    if cancel is not None and cancel.is_set():
        raise Dropped


def later(work, *args, pause: float = PAUSE) -> None:
    """Run `work(*args)` in the background once `pause` seconds have let the browser reload the page
    (the work holds the interpreter: started at once, it slowed the reload)."""
    global _pending
    wait()
    cancel = threading.Event()

    def run():
        if cancel.wait(pause):
            return                  # a newer build came first: it makes its own
        _local.cancel = cancel
        try:
            work(*args)
        except Dropped:
            pass
        except Exception:           # nothing waits for it: say it, the next save tries again
            log.exception("Không cập nhật được chỉ mục tìm kiếm của bản xem trước")
    thread = threading.Thread(target=run, name="dh-preview-later", daemon=True)
    _pending = (thread, cancel)
    thread.start()


def wait(drop: bool = False) -> None:
    """Until the background work of the last build is done; `drop`: it stops where it is."""
    global _pending
    if _pending is not None:
        thread, cancel = _pending
        if drop:
            cancel.set()
        thread.join()
        _pending = None
