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
import sys
import tempfile
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


def _preloaded_by_the_forkserver() -> bool:
    """Is this module being imported by multiprocessing's forkserver, as it imports PRELOAD?"""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "main" and frame.f_globals.get("__name__") == "multiprocessing.forkserver":
            return True
        frame = frame.f_back
    return False


# The forkserver ends when the build's own process does (its pipe closes), by SystemExit: Python then
# takes down every module PRELOAD imported, object by object, for 0.1 s, and until it is done the
# forkserver holds the build's output open: a program that reads build.py's output (the desk, a script,
# bench/run.py) waited that long after the build had ended. It leaves at once instead, as build.py
# does (build.py: leave); its workers leave as multiprocessing makes them (os._exit), not by this.
if _preloaded_by_the_forkserver():
    atexit.register(os._exit, 0)


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
# handed to the pool, in order, once the first worker runs; the caller has its future at once. A
# caller that needs a held call's value before then may make it itself (`result`); the pool is made
# only once the forkserver forks, for what is still held then (_start).
_lock = threading.Lock()
_starting: threading.Thread | None = None
_held: list = []            # (future given to the caller, function, args, kwargs), in order
_ready = False              # the pool runs (or could not start): submit goes straight to it
_pooling = False            # the starting thread makes the pool (stop waits for it)
_generation = 0             # stop() makes a starting thread that has not begun making the pool stale


def _forkserver_ready() -> bool:
    """(The starting thread.) Wait until the forkserver forks (its imports done), with a process that
    only starts and ends: no pool yet, so that a build whose calls were all taken back meanwhile
    (`result`) has no pool to wait for nor to take down when it leaves. False where there is no
    forkserver (spawn: each process costs an interpreter's start) or it cannot start one."""
    context = _context()
    if context.get_start_method() != "forkserver":
        return False
    try:
        probe = context.Process(target=os.getpid, daemon=True)
        probe.start()
        probe.join()
    except Exception:       # noqa: BLE001 - no processes here: the pool finds it too
        return False
    return True


def _start(generation: int) -> None:
    """(The starting thread.) Start the pool, then hand it what was held."""
    global _ready, _pool, _starting, _pooling
    probed = _forkserver_ready()
    with _lock:
        if generation != _generation:
            return                  # stopped meanwhile (stop): what is held now is another thread's
        if probed and not _held:
            # Every call was taken back while the forkserver imported: no pool now; the next
            # `submit` starts one, and finds the forkserver ready.
            _starting = None
            return
        _pooling = True             # stop() waits for this thread from now on
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
    global _pool, _starting, _ready, _pooling, _generation
    with _lock:
        _generation += 1            # a starting thread that has not begun making the pool makes none
        starting = _starting if _pooling else None
        held, _held[:] = list(_held), []
    for future, *_ in held:
        future.cancel()             # taken back: nothing more is made for a build that leaves
    # A starting thread that is only waiting for the forkserver ends with this process, as it does.
    if starting is not None:
        starting.join()
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None
    with _lock:
        _starting, _ready, _pooling = None, False, False


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


def shared(calls: list, begin=None) -> list:
    """[(function, args, kwargs)] -> their results, in order, made by the workers and by this process
    together: each call is begun in a worker (`begin`, `submit` unless a test gives another) and made
    by whoever claims it first (`_claim`, a mark file made only if it is not there), this process taking
    them from the last one back; it waits only for calls a worker has claimed. The pool hands a call to
    a worker's queue as soon as it is submitted, as far as it knows ("running", not to be cancelled):
    a call no worker had begun could not be taken back, and at the end of a cold build this process
    waited 0.13 s for one busy worker to make three batches of search shards in a row."""
    begin = begin or submit
    try:
        # (ignore_cleanup_errors: on Windows, a worker may be making a mark as the folder goes.)
        folder = tempfile.TemporaryDirectory(prefix="dh-phan-viec-", ignore_cleanup_errors=True)
    except OSError:             # no temporary folder: nothing to claim with, all made here
        return [function(*args, **kwargs) for function, args, kwargs in calls]
    made: list = [None] * len(calls)            # (made here or by a worker, its value)
    with folder as claims:
        marks = [os.path.join(claims, str(k)) for k in range(len(calls))]
        futures = [begin(_claimed, (function, args, kwargs, mark), {})
                   for (function, args, kwargs), mark in zip(calls, marks)]
        for k in reversed(range(len(calls))):
            if futures[k] is None or _claim(marks[k]):
                function, args, kwargs = calls[k]
                made[k] = (True, function(*args, **kwargs))
                if futures[k] is not None:
                    futures[k].cancel()         # (a worker that has it finds it claimed)
        for k, future in enumerate(futures):
            if made[k] is None:
                made[k] = result(future)
    out = []
    for (was_made, value), (function, args, kwargs) in zip(made, calls):
        # Not made: claimed by neither (this process could not make its mark), so made here.
        out.append(value if was_made else function(*args, **kwargs))
    return out


def _claim(mark: str) -> bool:
    """Is the call whose mark this is ours to make? (Its mark made now, by this process; False when
    another made it first, or its folder is gone: `shared` has ended.)"""
    try:
        os.close(os.open(mark, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except OSError:
        return False
    return True


def _claimed(function, args: tuple, kwargs: dict, mark: str) -> tuple:
    """(In a worker.) (True, the call's value) if it is still to be made (`_claim`); else (False, None)."""
    return (True, function(*args, **kwargs)) if _claim(mark) else (False, None)


def result(future: Future):
    """`future.result()` of a call begun by `submit`; a call still held while the pool starts (no worker
    has it yet) is taken back and made here instead, as this process would only wait for it. After a
    small site's one edit, the build's own work was done 0.3 s in, and it then waited 0.17 s for the
    forkserver's imports, for two calls of a few milliseconds (the content check's last part, the
    stylesheets' pruning). For calls whose code this process has imported already: a plan's documents
    are not taken back (fpdf2 and the rest would then be imported here too)."""
    with _lock:
        held = next((call for call in _held if call[0] is future), None)
        if held is not None:
            _held.remove(held)
    if held is not None:
        _settle(*held)
    return future.result()


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
                _starting = threading.Thread(target=_start, args=(_generation,), name="daihoi-workers", daemon=True)
                _starting.start()
            future: Future = Future()
            _held.append((future, function, args, kwargs))
            return future
    pool = _pool
    return pool.submit(function, *args, **kwargs) if pool is not None else None
