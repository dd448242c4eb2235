"""The editor's preview (`build.py serve`): a whole rebuild after every save, made cheap.

The engine rebuilds the site into one folder after each save. Two things there cost more than
the pages themselves once the page cache has them (daihoi/site/pagecache.py), on 1,000 posts:

- Writing ~1,400 files again, bytes unchanged, after emptying the folder (about 0.5 s on this
  disk, more on Windows). `Folder` writes a file only when its bytes differ from what the last
  build wrote there, and afterwards removes what this build did not make.
- The search index, merged from every page's words (about 0.7 s): the editor is looking at the
  page just saved, not searching. `later` runs it a moment after the page is reloaded; the next
  build stops it where it is (`check`) and makes its own.

A published build (`build.py build`) uses neither: it writes a fresh folder, index included.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from pathlib import Path

log = logging.getLogger(__name__)

active = False          # set by the adapter's serve: this process is a preview
_pending: tuple | None = None     # (thread, its cancel event)
PAUSE = 1.0             # seconds between a build's end and its later work
MARK = ".dh-dang-dung"  # touched when a build starts: files older than it were not made by this build


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


class Folder:
    """One preview's output folder, written file by file by the engine and kept between builds.

    `start` replaces emptying the folder; `write` and `copy` skip a file whose bytes (or whose
    source) did not change; `finish` removes every file this build neither wrote nor kept.
    Files under `spared` (written after the build by `later`) are left to their writer."""

    def __init__(self, spared: tuple[str, ...] = ()):
        self.root: Path | None = None
        self.written: dict[str, bytes] = {}     # path -> digest of the bytes the preview wrote there
        self.copied: dict[str, tuple] = {}      # path -> (source, its mtime, its size) copied there
        self.kept: set[str] = set()              # paths left as they were in this build
        self.mark = 0
        self.spared = spared

    def start(self, directory: str) -> None:
        self.root = Path(directory)
        self.root.mkdir(parents=True, exist_ok=True)
        marker = self.root / MARK
        marker.touch()
        # The file system's own clock, as the files' times are: a file this build writes is not older.
        self.mark = marker.stat().st_mtime_ns
        self.kept = set()

    def write(self, content: bytes, path: str, write_file) -> None:
        path = os.path.abspath(path)
        digest = hashlib.blake2b(content, digest_size=16).digest()
        if self.written.get(path) == digest and os.path.isfile(path):
            self.kept.add(path)
            return
        write_file(content, path)
        self.written[path] = digest

    def copy(self, source: str, path: str, copy_file) -> None:
        target = os.path.abspath(path)
        if os.path.isdir(target):
            target = os.path.join(target, os.path.basename(source))
        stat = os.stat(source)
        seen = (os.path.abspath(source), stat.st_mtime_ns, stat.st_size)
        if self.copied.get(target) == seen and os.path.isfile(target):
            self.kept.add(target)
            return
        copy_file(source, path)
        self.copied[target] = seen

    def finish(self) -> None:
        """Remove what an earlier build made and this one did not (a deleted post, a renamed page)."""
        if self.root is None:
            return
        for folder, dirs, files in os.walk(self.root, topdown=True):
            rel = os.path.relpath(folder, self.root).replace(os.sep, "/")
            if rel != "." and any(rel == s or rel.startswith(s + "/") for s in self.spared):
                dirs[:] = []
                continue
            for name in files:
                path = os.path.join(folder, name)
                if name == MARK or path in self.kept:
                    continue
                if os.stat(path).st_mtime_ns < self.mark:
                    os.remove(path)
                    self.written.pop(path, None)
                    self.copied.pop(path, None)
        for folder, _, _ in os.walk(self.root, topdown=False):
            if folder != str(self.root):
                try:
                    os.rmdir(folder)        # only an emptied folder goes
                except OSError:
                    pass
