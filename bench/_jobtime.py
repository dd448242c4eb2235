"""For bench/cpu_cold.py: run a build with each worker job's CPU time written to stderr.

    python bench/_jobtime.py build ...      (the arguments of build.py)

Each job handed to the worker processes (daihoi.documents.workers.submit and run_all) runs through
`timed`, which writes "JOB <function> <pid> <CPU s of the job> <CPU s of the process so far>"; at the
end the build's own process writes "MAIN <its CPU s>". The build itself is unchanged."""
from __future__ import annotations

import os
import resource
import runpy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _process_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(function, *args, **kwargs):
    start = time.process_time()
    try:
        return function(*args, **kwargs)
    finally:
        sys.stderr.write(f"JOB {function.__qualname__} {os.getpid()} {time.process_time() - start:.4f} "
                         f"{_process_cpu():.4f}\n")
        sys.stderr.flush()


def run_build(argv: list[str], wrapper) -> None:
    """Run build.py with `argv` in this process, each job of the worker processes (submit and run_all)
    through `wrapper(function, *args, **kwargs)`: a module-level function, which the workers find by its
    module's name (put the bench folder on sys.path and import the module by name, not as __main__)."""
    from daihoi.documents import workers

    run_all, submit = workers.run_all, workers.submit
    workers.run_all = lambda calls: run_all([(wrapper, (f, *a), k) for f, a, k in calls])
    workers.submit = lambda f, a, k: submit(wrapper, (f, *a), k)
    sys.argv = [str(ROOT / "build.py"), *argv]
    runpy.run_path(str(ROOT / "build.py"), run_name="__main__")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import _jobtime     # this file by its name: workers find `timed` there (run_path replaces __main__)
    from daihoi.documents import workers

    stop = workers.stop

    def stop_and_count():
        stop()
        sys.stderr.write(f"MAIN {_process_cpu():.4f}\n")
        sys.stderr.flush()
    workers.stop = stop_and_count
    run_build(sys.argv[1:], _jobtime.timed)


if __name__ == "__main__":
    main()
