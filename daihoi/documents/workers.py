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
from concurrent.futures import ProcessPoolExecutor

WORKERS_ENV = "DAIHOI_WORKERS"
MAX_WORKERS = 4          # the renderers each hold fonts and a document: a few hundred MB at most

_pool: ProcessPoolExecutor | None = None

# What the build's jobs import (fpdf2, python-docx, fontTools and Pillow for the documents and
# pictures; the readers of pages and of content): imported once in the forkserver, which forks each
# worker, rather than once in each worker (about 0.5 s of CPU apiece on a cold build), and while the
# build's own process is still starting. Names only, nothing is imported here; a name that does not
# import is skipped by multiprocessing, and a job imports what it needs itself in any case.
PRELOAD = ["__main__", "daihoi.documents", "daihoi.documents.pdf_plan", "daihoi.documents.docx_plan",
           "daihoi.documents.banners", "daihoi.site.content_check", "daihoi.site.reading",
           "daihoi.site.images", "daihoi.site.social"]


def workers() -> int:
    try:
        wanted = int(os.environ.get(WORKERS_ENV, "0"))
    except ValueError:
        wanted = 0
    return wanted if wanted > 0 else min(os.cpu_count() or 1, MAX_WORKERS)


def _executor() -> ProcessPoolExecutor | None:
    global _pool
    if _pool is None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(PRELOAD)
        try:
            _pool = ProcessPoolExecutor(max_workers=workers(), initializer=_yield_to_the_build,
                                        mp_context=context)
        except (OSError, ValueError, NotImplementedError):      # no processes here: one at a time
            return None
        atexit.register(_pool.shutdown, cancel_futures=True)
    return _pool


def stop() -> None:
    """Stop the worker processes now, as at exit (build.py leaves without the interpreter's exit)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


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
    pool = _executor()
    if pool is None:
        return [function(*args, **kwargs) for function, args, kwargs in calls]
    futures = [pool.submit(function, *args, **kwargs) for function, args, kwargs in calls]
    return [future.result() for future in futures]


def submit(function, args: tuple, kwargs: dict):
    """Begin one call in a worker process and return its future; None where there are no workers
    (one core, DAIHOI_WORKERS=1, no processes): the caller makes it itself when it needs it."""
    if workers() < 2:
        return None
    pool = _executor()
    return pool.submit(function, *args, **kwargs) if pool is not None else None
