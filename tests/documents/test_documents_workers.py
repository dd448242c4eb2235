"""daihoi/documents/workers.py and Cache.get_or_make_all: missing documents made side by side, in
order, the same bytes as made one at a time, errors raised as if called directly."""

import pytest

from daihoi.documents import cache as cache_mod
from daihoi.documents import workers
from daihoi.documents.cache import Cache


def _echo(text: str, *, times: int = 1) -> bytes:
    return (text * times).encode("utf-8")


def _fail(text: str) -> bytes:
    raise ValueError(f"không làm được {text}")


def test_run_all_keeps_order_in_workers_and_alone(monkeypatch):
    calls = [(_echo, (f"Đợt {i} ",), {"times": 2}) for i in range(6)]
    expected = [f"Đợt {i} Đợt {i} ".encode() for i in range(6)]
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    assert workers.run_all(calls) == expected
    monkeypatch.setenv(workers.WORKERS_ENV, "1")
    assert workers.run_all(calls) == expected


def test_run_all_raises_the_error_of_a_call(monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    with pytest.raises(ValueError, match="không làm được băng rôn"):
        workers.run_all([(_echo, ("a",), {}), (_fail, ("băng rôn",), {})])


def test_get_or_make_all_makes_only_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    cache = Cache(tmp_path)
    jobs = [("pdf", "k1", _echo, ("một",), {}), ("docx", "k2", _echo, ("hai",), {})]
    before = cache_mod.GENERATIONS.copy()
    assert cache.get_or_make_all(jobs) == [b"m\xe1\xbb\x99t", "hai".encode()]
    assert cache_mod.GENERATIONS["pdf"] - before["pdf"] == 1
    assert cache_mod.GENERATIONS["docx"] - before["docx"] == 1
    # Again, plus one new: the two made before come from the cache.
    jobs.append(("pdf", "k3", _echo, ("ba",), {}))
    assert cache.get_or_make_all(jobs) == ["một".encode(), b"hai", "ba".encode()]
    assert cache_mod.GENERATIONS["pdf"] - before["pdf"] == 2
    assert cache_mod.GENERATIONS["docx"] - before["docx"] == 1


def test_jobs_begun_early_are_taken_up_not_made_twice(tmp_path, monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    cache = Cache(tmp_path)
    jobs = [("pdf", "s1", _echo, ("sớm ",), {"times": 3}), ("docx", "s2", _echo, ("muộn",), {})]
    cache.start(jobs[:1])
    assert "s1" in cache_mod._STARTED            # begun in a worker, not waited for
    before = cache_mod.GENERATIONS.copy()
    assert cache.get_or_make_all(jobs) == ["sớm sớm sớm ".encode(), "muộn".encode()]
    assert "s1" not in cache_mod._STARTED
    assert cache_mod.GENERATIONS["pdf"] - before["pdf"] == 1
    # Now in the cache: beginning it again does nothing.
    cache.start(jobs)
    assert "s1" not in cache_mod._STARTED and "s2" not in cache_mod._STARTED


def test_nothing_is_begun_without_workers(tmp_path, monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "1")
    cache = Cache(tmp_path)
    cache.start([("pdf", "w1", _echo, ("một mình",), {})])
    assert "w1" not in cache_mod._STARTED
    assert cache.get_or_make_all([("pdf", "w1", _echo, ("một mình",), {})]) == ["một mình".encode()]


def test_an_error_in_a_job_begun_early_is_raised_when_taken_up(tmp_path, monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    cache = Cache(tmp_path)
    jobs = [("pdf", "e1", _fail, ("bản in",), {})]
    cache.start(jobs)
    with pytest.raises(ValueError, match="không làm được bản in"):
        cache.get_or_make_all(jobs)


def _loaded(names: list) -> list:
    import sys
    return [name for name in names if name in sys.modules]


def _needs_a_forkserver(why_not: str) -> None:
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no forkserver on this system (Windows): {why_not}")


def _fresh_process() -> dict:
    """subprocess's cwd and env of a new Python process that imports this module and tests/helpers."""
    import os
    from pathlib import Path

    here = Path(__file__).parent
    return {"cwd": here.parents[1], "env": {**os.environ, workers.WORKERS_ENV: "2",
                                            "PYTHONPATH": os.pathsep.join(map(str, (here, here.parent, here.parents[1])))}}


def _in_a_fresh_process(script: str, why_no_forkserver: str) -> list[str]:
    """The lines `script` prints, run in a new Python process (its own forkserver and pool) that can
    import this module as `t`; skipped where there is no forkserver (Windows)."""
    import subprocess
    import sys

    _needs_a_forkserver(why_no_forkserver)
    done = subprocess.run([sys.executable, "-c", "import test_documents_workers as t\n" + script],
                          **_fresh_process(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\n")


def test_the_jobs_libraries_are_imported_once_in_the_forkserver_not_in_each_worker():
    # A fresh process (its own forkserver): the first job a worker runs finds fpdf2, python-docx and
    # Pillow already imported; this test module imports none of them.
    import importlib

    for name in workers.PRELOAD[1:]:           # every name imports ("__main__" is the running script)
        importlib.import_module(name)
    printed = _in_a_fresh_process(
        "import sys; from daihoi.documents import workers\n"
        "print(workers.submit(t._loaded, (['fpdf', 'docx', 'PIL.Image'],), {}).result())\n"
        "print(sorted(m for m in ('fpdf', 'docx') if m in sys.modules))",
        "each worker imports what it needs")
    assert printed[:2] == ["['fpdf', 'docx', 'PIL.Image']", "[]"]   # not in the build's process


def test_submitting_does_not_wait_for_the_workers_to_start():
    # The forkserver imports the jobs' libraries before the first worker can be forked (here one
    # more module that takes a second); the build's process goes on meanwhile: each submit returns
    # at once, and the calls held while the pool starts are made, in order, once it runs.
    printed = _in_a_fresh_process(
        "import time; from daihoi.documents import workers\n"
        "workers.PRELOAD.append('slow_to_import')\n"
        "start = time.perf_counter()\n"
        "futures = [workers.submit(t._echo, (f'{i} ',), {'times': 2}) for i in range(5)]\n"
        "print(time.perf_counter() - start < 0.5)\n"
        "print([f.result().decode() for f in futures])\n"
        "print(time.perf_counter() - start >= 1.0)\n"
        "print(workers.run_all([(t._echo, ('a',), {}), (t._echo, ('b',), {})]))\n"
        "workers.stop()",
        "nothing is imported before the workers")
    assert printed[:4] == ["True", str([f"{i} {i} " for i in range(5)]), "True", "[b'a', b'b']"]


class _PoolThatCannotStart:
    def submit(self, *args, **kwargs):
        raise OSError("không tạo được tiến trình")

    def shutdown(self, **kwargs):
        pass


def test_a_pool_that_cannot_start_makes_what_was_held_and_then_nothing_more(monkeypatch):
    # Processes cannot start (a sandbox): what was submitted while starting is made in the starting
    # thread, and later calls get None (their callers make them), not a pool that fails every call.
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    workers.stop()
    def executor():
        workers._pool = _PoolThatCannotStart()
        return workers._pool
    monkeypatch.setattr(workers, "_executor", executor)
    try:
        held = workers.submit(_echo, ("giữ ",), {"times": 2})
        assert held.result(timeout=10) == "giữ giữ ".encode()
        assert workers.submit(_echo, ("sau",), {}) is None
        assert workers.run_all([(_echo, ("a",), {}), (_echo, ("b",), {})]) == [b"a", b"b"]
    finally:
        workers.stop()


def test_the_forkserver_starts_before_anything_is_submitted_and_ends_with_a_build_that_stops():
    # A build starts the forkserver first thing (build.py cmd_build): `start` returns at once, and the
    # forkserver imports the jobs' libraries (here one more module that takes a second) meanwhile. A
    # build that stops before submitting anything (an error in the content) leaves as build.py does
    # (workers.stop, os._exit) without waiting for those imports, says nothing more (no pool, so no
    # queues for the resource tracker to find left over), and the forkserver ends with it.
    import subprocess
    import sys

    from helpers import descendants, still_running

    _needs_a_forkserver("the pool's processes are started otherwise")
    with subprocess.Popen(
            [sys.executable, "-c",
             "import os, sys, time; from daihoi.documents import workers\n"
             "workers.PRELOAD.append('slow_to_import')\n"
             "start = time.perf_counter(); workers.start()\n"
             "print(time.perf_counter() - start < 0.5, flush=True)\n"
             "time.sleep(0.2); workers.stop()\n"
             "print(time.perf_counter() - start < 0.9, flush=True); os._exit(0)"],
            **_fresh_process(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        first = proc.stdout.readline()                  # once `start` has returned
        helpers = descendants(proc.pid)
        out, err = proc.communicate(timeout=60)
    assert [first.strip(), out.strip()] == ["True", "True"] and err == "", (first, out, err)
    assert helpers                                       # the forkserver was starting
    assert still_running(helpers) == []


def test_start_starts_nothing_without_workers(monkeypatch):
    from multiprocessing import forkserver

    monkeypatch.setenv(workers.WORKERS_ENV, "1")
    monkeypatch.setattr(forkserver, "ensure_running", lambda: pytest.fail("started"))
    workers.start()


def _pid(_: str = "") -> int:
    import os
    return os.getpid()


def test_a_call_still_held_is_taken_back_and_the_build_leaves_without_waiting_for_the_pool():
    # After one edit of a small site, the build's own work is done before the forkserver has imported
    # the jobs' libraries (here one more module that takes a second): `result` makes a call no worker
    # has yet here, at once; the build then leaves as build.py does (workers.stop, os._exit) without
    # waiting for the pool, which was never made: nothing is said (no queues for the resource tracker
    # to find left over), and the forkserver ends with it. A call taken back is the same call.
    import subprocess
    import sys

    from helpers import descendants, still_running

    _needs_a_forkserver("the pool's processes are started otherwise")
    with subprocess.Popen(
            [sys.executable, "-c",
             "import os, sys, time; import test_documents_workers as t; from daihoi.documents import workers\n"
             "workers.PRELOAD.append('slow_to_import')\n"
             "start = time.perf_counter(); workers.start()\n"
             "futures = [workers.submit(t._pid, ('a',), {}), workers.submit(t._echo, ('b ',), {'times': 2})]\n"
             "print(workers.result(futures[0]) == os.getpid(), workers.result(futures[1]).decode(), flush=True)\n"
             "helpers = sys.stdin.readline()\n"
             "workers.stop()\n"
             "print(time.perf_counter() - start < 0.9, flush=True); os._exit(0)"],
            **_fresh_process(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True) as proc:
        first = proc.stdout.readline()                  # both calls made
        helpers = descendants(proc.pid)
        out, err = proc.communicate("\n", timeout=60)
    assert [first.strip(), out.strip()] == ["True b b", "True"] and err == "", (first, out, err)
    assert helpers                                       # the forkserver was starting
    assert still_running(helpers) == []


def test_the_forkserver_leaves_at_once_when_the_build_has_left(tmp_path):
    # The forkserver ends by SystemExit when the build's process is gone; Python would then take down
    # every module it imported (0.1 s, the build's output held open meanwhile). It leaves at once
    # (os._exit, registered by workers.py as the forkserver imports it): an exit handler registered
    # before that one (by a module it imports first, writes_at_exit) never runs.
    import subprocess
    import sys

    from helpers import descendants, still_running

    _needs_a_forkserver("there is no forkserver to leave")
    fresh = _fresh_process()
    fresh["env"]["DAIHOI_TEST_EXIT_NOTES"] = str(tmp_path)
    with subprocess.Popen(
            [sys.executable, "-c",
             "import os, sys; import test_documents_workers as t; from daihoi.documents import workers\n"
             "workers.PRELOAD.insert(0, 'writes_at_exit')\n"
             "print(workers.submit(t._pid, ('a',), {}).result() != os.getpid(), flush=True)\n"
             "sys.stdin.readline(); workers.stop(); os._exit(0)"],
            **fresh, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        first = proc.stdout.readline()                  # a worker ran: the forkserver imported PRELOAD
        helpers = descendants(proc.pid)
        out, err = proc.communicate("\n", timeout=60)
    assert first.strip() == "True" and err == "", (first, err)
    assert still_running(helpers) == []
    notes = sorted(p.name.split("-")[0] for p in tmp_path.iterdir())
    assert notes == ["imported"]                         # imported by the forkserver; its exit cut short


def _twice(n: int) -> int:
    return 2 * n


def test_calls_shared_with_the_workers_are_made_once_whoever_begins_them():
    """workers.shared: each call made by whoever claims it first, the workers or this process (from the
    last call back), results in order; with a pool that begins all, none, or only the first of them;
    one that takes calls up and never begins them (the pool's own way: "running" at once, not to be
    cancelled) is not waited for."""
    import threading
    from concurrent.futures import Future

    calls = [(_twice, (n,), {}) for n in range(8)]
    twice = [2 * n for n in range(8)]
    begun: list = []

    def to_the_pool(function, args, kwargs):
        begun.append(args[1])
        return workers.submit(function, args, kwargs)
    assert workers.shared(calls, to_the_pool) == twice
    assert begun == [(n,) for n in range(8)]

    def never_begun(function, args, kwargs):        # a pool that begins nothing: all made here
        return Future()
    assert workers.shared(calls, never_begun) == twice

    def handed_over_never_begun(function, args, kwargs):
        future = Future()
        future.set_running_or_notify_cancel()
        # Waited for, it fails in 20 s rather than hang the tests.
        timers.append(threading.Timer(20, future.set_exception, (TimeoutError("đợi một việc không ai làm"),)))
        timers[-1].daemon = True
        timers[-1].start()
        return future
    timers: list = []
    assert workers.shared(calls, handed_over_never_begun) == twice
    for timer in timers:
        timer.cancel()

    made_there: list = []

    def begun_but_two(function, args, kwargs):      # the first calls begun and done at once, the last two not
        future = Future()
        if len(made_there) < 6:
            future.set_running_or_notify_cancel()
            value = function(*args, **kwargs)
            future.set_result(value)
        made_there.append(value[0] if len(made_there) < 6 else None)
        return future
    assert workers.shared(calls, begun_but_two) == twice
    assert made_there == [True] * 6 + [None, None]
    assert workers.shared([], to_the_pool) == []


def test_a_shared_call_is_made_by_whoever_claims_it_first(tmp_path):
    """workers._claim: one mark, one maker; a worker given a call claimed already makes nothing, nor one
    whose claims' folder has gone (`shared` has ended)."""
    mark = str(tmp_path / "0")
    assert workers._claim(mark) and not workers._claim(mark)
    assert workers._claimed(_fail, ("x",), {}, mark) == (False, None)
    assert workers._claimed(_fail, ("x",), {}, str(tmp_path / "da-xoa" / "1")) == (False, None)
    other = str(tmp_path / "1")
    assert workers._claimed(_twice, (4,), {}, other) == (True, 8) and not workers._claim(other)
