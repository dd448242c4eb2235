"""When each part of a build happens, on the wall clock: the build's own phases and every job of the
worker processes.

    python bench/timeline.py [--posts 1000] [--keep DIR]

Builds bench/run.py's synthetic site cold (empty cache, no site yet), then again after one post is
edited (bench/run.py's edit_one_post), each through this file's `traced`, and prints for each build:
the seconds from the command's start at which the engine began reading the pages (Markdown), began
rendering them, had rendered half and all of them, began and ended its last step (on_post_build),
and the process ended (tracing imports MkDocs before build.py does); then each worker process's busy time and the jobs that took longer than
0.1 s. It answers "what is the build waiting for?": when the build's own process and both workers
are busy from start to end, the build is bound by all its CPU time shared over the cores
(bench/cpu_cold.py accounts for that CPU), and moving work from one process to another gains
nothing. Tracing adds a few milliseconds; bench/run.py measures the build's time.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_ENV = "DAIHOI_TRACE_START"        # the wall clock at the command's start (set by `trace`)


def _since() -> float:
    return time.time() - float(os.environ[START_ENV])


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def stamped(function, *args, **kwargs):
    """A worker's job, with "JOB <function> <pid> <start> <end>" (seconds since the command's start)."""
    start = _since()
    try:
        return function(*args, **kwargs)
    finally:
        _say(f"JOB {function.__qualname__} {os.getpid()} {start:.3f} {_since():.3f}")


def mark(name: str) -> None:
    _say(f"MARK {_since():.3f} {name}")


def traced(argv: list[str]) -> None:
    """Run build.py with `argv`, marking the engine's phases and stamping the workers' jobs."""
    mark("trình thông dịch đã chạy")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    import mkdocs.commands.build as engine
    from mkdocs.plugins import PluginCollection

    import timeline                     # this file by its name: the workers find `stamped` there
    from _jobtime import run_build

    counts = {"read": 0, "rendered": 0}
    populate, build_page, post_build = engine._populate_page, engine._build_page, PluginCollection.on_post_build

    def populate_page(*args, **kwargs):
        if not counts["read"]:
            mark("bắt đầu đọc các trang (Markdown)")
        counts["read"] += 1
        return populate(*args, **kwargs)

    def render_page(*args, **kwargs):
        if not counts["rendered"]:
            mark("bắt đầu dựng HTML các trang")
        result = build_page(*args, **kwargs)
        counts["rendered"] += 1
        if counts["rendered"] in (counts["read"] // 2, counts["read"]):
            mark(f"đã dựng {counts['rendered']}/{counts['read']} trang")
        return result

    def on_post_build(self, *args, **kwargs):
        mark("bước cuối (on_post_build) bắt đầu")
        try:
            return post_build(self, *args, **kwargs)
        finally:
            mark("bước cuối xong")

    engine._populate_page, engine._build_page, PluginCollection.on_post_build = populate_page, render_page, on_post_build
    ends = os._exit                     # build.py ends with os._exit (build.py: _exit)
    os._exit = lambda code: (mark("tiến trình chính kết thúc"), ends(code))
    run_build(argv, timeline.stamped)


_LINE = re.compile(r"^(JOB (\S+) (\d+) ([\d.]+) ([\d.]+)|MARK ([\d.]+) (.*))$")


def trace(content: Path, site: Path, cache: Path) -> tuple[list, list]:
    """([(seconds, phase)], [(function, pid, start, end)]) of one build."""
    from run import _environment, build_args

    env = _environment({"DAIHOI_CACHE": str(cache), START_ENV: repr(time.time())})
    done = subprocess.run([sys.executable, __file__, "--traced", *build_args(content, site)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"Dựng lỗi:\n{done.stderr[-3000:]}")
    marks, jobs = [], []
    for line in done.stderr.splitlines():
        m = _LINE.match(line)
        if m and m.group(2):
            jobs.append((m.group(2), int(m.group(3)), float(m.group(4)), float(m.group(5))))
        elif m:
            marks.append((float(m.group(6)), m.group(7)))
    return marks, jobs


def report(title: str, marks: list, jobs: list) -> None:
    print(title)
    for at, phase in marks:
        print(f"  {at:6.2f} s  {phase}")
    by_worker = defaultdict(list)
    for job in jobs:
        by_worker[job[1]].append(job)
    for number, (_, own) in enumerate(sorted(by_worker.items()), 1):
        busy = sum(end - start for _, _, start, end in own)
        first, last = min(start for *_, start, _ in own), max(end for *_, end in own)
        print(f"  tiến trình phụ {number}: {len(own)} việc, bận {busy:.2f} s trong {first:.2f}-{last:.2f} s")
    for function, _, start, end in sorted(jobs, key=lambda job: job[2]):
        if end - start > 0.1:
            print(f"    {start:6.2f}-{end:6.2f} s  {function}")


def main(argv=None) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    import synth
    from daihoi.cli.cliparse import Parser
    from run import cold_folders, edit_one_post

    parser = Parser(prog="bench/timeline.py", description="Dòng thời gian của một lần dựng lạnh và một lần sửa một tin.")
    parser.add_argument("--posts", type=int, default=1000, help="số tin bài (mặc định 1000)")
    parser.add_argument("--keep", help="giữ thư mục tạm ở đây")
    args = parser.parse_args(argv)
    work, content = synth.bench_content(args.keep, "dh-timeline-", args.posts)
    site, cache = cold_folders(work)
    report(f"Dựng lạnh, {args.posts} tin (giây tính từ lúc lệnh bắt đầu):", *trace(content, site, cache))
    edit_one_post(content, 1)
    report("Sửa một tin rồi dựng lại:", *trace(content, site, cache))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--traced"]:
        traced(sys.argv[2:])
    else:
        sys.exit(main())
