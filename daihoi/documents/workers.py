"""The slow documents of a plan made side by side, one worker process per core.

A plan's PDF, its Word file and its banners are independent of each other; a first build made
them one after another on one core (on the sample's three plans, about half of a cold build of
1,000 posts) while the other core waited. The cache (daihoi.documents.cache) still decides what
must be made; this module only makes the missing ones at once. Each file is the same bytes
whichever process makes it (the renderers read nothing but their arguments).

One pool for the whole process, started on first need, with the "forkserver" method where the
system has it (a fork of a process that runs threads, as the build does, can hang) and "spawn"
elsewhere (Windows). DAIHOI_WORKERS=1 makes everything in the build's own process. As with any
such pool, a script that builds in its own process (build.py, the benches) starts its work under
`if __name__ == "__main__":`: a worker imports the script again.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor

WORKERS_ENV = "DAIHOI_WORKERS"
MAX_WORKERS = 4          # the renderers each hold fonts and a document: a few hundred MB at most

_pool: ProcessPoolExecutor | None = None

# What the build's jobs import (fpdf2, pypdf, python-docx, fontTools and Pillow for the documents and
# pictures; the readers of pages and of content): imported once in the forkserver, which forks each
# worker, rather than once in each worker (about 0.5 s of CPU apiece on a cold build), and while the
# build's own process is still starting. Names only, nothing is imported here; a name that does not
# import is skipped by multiprocessing, and a job imports what it needs itself in any case.
PRELOAD = ["__main__", "daihoi.documents", "daihoi.documents.pdf_plan", "daihoi.documents.docx_plan",
           "daihoi.documents.banners", "daihoi.documents.pdf_pages", "daihoi.site.content_check", "daihoi.site.reading",
           "daihoi.site.images", "daihoi.site.social"]


def workers() -> int:
    try:
        wanted = int(os.environ.get(WORKERS_ENV, "0"))
    except ValueError:
        wanted = 0
    return wanted if wanted > 0 else min(os.cpu_count() or 1, MAX_WORKERS)


def _context():
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(PRELOAD)
    return context


def start() -> None:
    """Start the forkserver now, before anything is submitted (nothing where there are to be no
    workers, or no forkserver). A build calls it first thing: the forkserver imports PRELOAD (about
    0.4 s) on the core the build's own start leaves idle, and the first worker runs soon after the
    plans are read, where the forkserver started with them (0.3 s into a build) and the workers ran
    0.7 s into it. Only the process: the pool (its queues, its threads) is made on the first `submit`,
    so a build that stops before (an error in the content) has nothing to wait for or to clean up;
    the forkserver ends when this process does."""
    if workers() >= 2 and _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver
        try:
            forkserver.ensure_running()
        except OSError:         # no processes here: the pool will find it too (_start)
            pass


def _executor() -> ProcessPoolExecutor | None:
    global _pool
    if _pool is None:
        context = _context()
        try:
            _pool = ProcessPoolExecutor(max_workers=workers(), initializer=_yield_to_the_build,
                                        mp_context=context)
        except (OSError, ValueError, NotImplementedError):      # no processes here: one at a time
            return None
        atexit.register(_pool.shutdown, cancel_futures=True)
    return _pool


# The first worker can only be forked once the forkserver has imported PRELOAD (about half a
# second), and ProcessPoolExecutor.submit starts a worker and waits for it. The build's own process
# does not wait: the pool is started in a thread, and what is submitted meanwhile is held there and
# handed to the pool, in order, once the first worker runs; the caller has its future at once.
_lock = threading.Lock()
_starting: threading.Thread | None = None
_held: list = []            # (future given to the caller, function, args, kwargs), in order
_ready = False              # the pool runs (or could not start): submit goes straight to it


def _start() -> None:
    """(The starting thread.) Start the pool, then hand it what was held."""
    global _ready, _pool
    pool = _executor()
    try:
        if pool is not None:
            pool.submit(os.getpid).result()         # returns once a worker runs: the forkserver is ready
    except Exception:       # noqa: BLE001 - processes cannot start here (a sandbox without semaphores)
        # Dropped, so that later calls are made by their callers too (submit gives None).
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _pool = None
    while True:
        with _lock:
            calls, _held[:] = list(_held), []
            if not calls:
                _ready = True
                return
        for future, function, args, kwargs in calls:
            if pool is None:                        # no workers after all: made here, one at a time
                _settle(future, function, args, kwargs)
            else:
                _follow(pool.submit(function, *args, **kwargs), future)


def _settle(future: Future, function, args, kwargs) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        future.set_result(function(*args, **kwargs))
    except BaseException as exc:        # noqa: BLE001 - the caller gets it from result()
        future.set_exception(exc)


def _follow(inner: Future, outer: Future) -> None:
    """`outer` ends as `inner` does: its result, its error, or cancelled."""
    def done(inner: Future) -> None:
        if inner.cancelled():
            outer.cancel()
        elif outer.set_running_or_notify_cancel():
            if inner.exception() is not None:
                outer.set_exception(inner.exception())
            else:
                outer.set_result(inner.result())
    inner.add_done_callback(done)


def stop() -> None:
    """Stop the worker processes now, as at exit (build.py leaves without the interpreter's exit)."""
    global _pool, _starting, _ready
    if _starting is not None:
        _starting.join()
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None
    with _lock:
        _starting, _ready = None, False


def _yield_to_the_build() -> None:
    """Workers run at a lower priority: documents begun early (Cache.start) are made while the
    build renders pages, on the cores the build leaves idle, without slowing the build's own
    process (on 2 cores, two workers at the same priority took a third of its core).

    And a worker ends with the build's process, however that ends: killed (kill -9, the task
    manager), the pool's workers would otherwise wait for work forever, with their forkserver."""
    if hasattr(os, "nice"):         # not on Windows
        try:
            os.nice(10)
        except OSError:
            pass
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), name="daihoi-parent", daemon=True).start()


def _end_with(parent) -> None:
    parent.join()       # returns once the build's process has ended
    os._exit(0)


def run_all(calls: list) -> list:
    """[(function, args, kwargs)] -> their results, in order. Module-level functions and picklable
    arguments only; an error in one is raised here, as if it had been called directly."""
    if len(calls) < 2 or workers() < 2:
        return [function(*args, **kwargs) for function, args, kwargs in calls]
    futures = [submit(function, args, kwargs) for function, args, kwargs in calls]
    return [future.result() if future is not None else function(*args, **kwargs)
            for future, (function, args, kwargs) in zip(futures, calls)]


def submit(function, args: tuple, kwargs: dict):
    """Begin one call in a worker process and return its future, at once (the pool may still be
    starting); None where there are no workers (one core, DAIHOI_WORKERS=1, no processes): the
    caller makes it itself when it needs it."""
    global _starting
    if workers() < 2:
        return None
    with _lock:
        if not _ready:
            if _starting is None:
                _starting = threading.Thread(target=_start, name="daihoi-workers", daemon=True)
                _starting.start()
            future: Future = Future()
            _held.append((future, function, args, kwargs))
            return future
    pool = _pool
    return pool.submit(function, *args, **kwargs) if pool is not None else None
