"""Where the CPU time of a cold build goes, process by process, against stock MkDocs:

    python bench/cpu_cold.py [--posts 1000] [--repeat 3] [--keep DIR]

The cold build of bench/run.py (the synthetic site, empty cache, no site yet) is run through
bench/_jobtime.py, which times each job the worker processes run and the build's own process.
A build on 2 cores cannot take less wall time than half of all its processes' CPU time: this is
the account of that CPU, for the budget "cold <= 1.5 x stock" (bench/run.py).

Not counted: the forkserver's start (it imports the documents' libraries once for all workers,
daihoi/documents/workers.py PRELOAD) and the workers' time between jobs; "workers, in all" is
each worker's own CPU time up to its last job, start included. The figures are the median of
--repeat builds, job by job."""
from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402
from run import _environment, build_args, cold_folders, markdown_copy, stock_config  # noqa: E402

_JOB = re.compile(r"^JOB (\S+) (\d+) ([\d.]+) ([\d.]+)$")
_MAIN = re.compile(r"^MAIN ([\d.]+)$")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stock_cpu(docs: Path, work: Path) -> float:
    """CPU time of a plain `mkdocs build` (one process) of the same Markdown, stock Material."""
    config = stock_config(docs, work)
    before = _children_cpu()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=ROOT,
                   env=_environment(None), capture_output=True, check=True)
    return _children_cpu() - before


def ours_cpu(content: Path, work: Path) -> dict:
    """{"main": CPU s of the build's own process, "jobs": {function: [count, CPU s]},
    "workers": CPU s of the workers up to their last job}."""
    site, cache = cold_folders(work)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "_jobtime.py"), *build_args(content, site)], cwd=ROOT,
                          env=_environment({"DAIHOI_CACHE": str(cache)}), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"Dựng lỗi:\n{done.stderr[-3000:]}")
    jobs: dict = defaultdict(lambda: [0, 0.0])
    per_worker: dict = {}
    main = 0.0
    for line in done.stderr.splitlines():
        m = _JOB.match(line)
        if m:
            jobs[m[1]][0] += 1
            jobs[m[1]][1] += float(m[3])
            per_worker[m[2]] = max(per_worker.get(m[2], 0.0), float(m[4]))
        elif _MAIN.match(line):
            main = float(_MAIN.match(line)[1])
    return {"main": main, "jobs": dict(jobs), "workers": sum(per_worker.values())}


def main(argv=None) -> int:
    from daihoi.cli.cliparse import Parser

    parser = Parser(prog="bench/cpu_cold.py", description="Thời gian CPU của một lần dựng lạnh, theo từng phần.")
    parser.add_argument("--posts", type=int, default=1000, help="số tin bài (mặc định 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="số lần dựng (mặc định 3), lấy trung vị")
    parser.add_argument("--keep", help="giữ thư mục tạm ở đây")
    args = parser.parse_args(argv)
    work, content = synth.bench_content(args.keep, "dh-cpu-", args.posts)
    docs = markdown_copy(content, work / "markdown")
    stock, runs = [], []
    for _ in range(args.repeat):
        stock.append(stock_cpu(docs, work))
        runs.append(ours_cpu(content, work))
    names = sorted({name for run in runs for name in run["jobs"]},
                   key=lambda name: -statistics.median(run["jobs"].get(name, [0, 0.0])[1] for run in runs))
    print(f"CPU của một lần dựng lạnh, {args.posts} tin, 3 kế hoạch; {os.cpu_count()} lõi; trung vị {args.repeat} lần.")
    print(f"  mkdocs build, Material gốc (một tiến trình)          {statistics.median(stock):6.2f} s")
    main_cpu = statistics.median(run["main"] for run in runs)
    workers_cpu = statistics.median(run["workers"] for run in runs)
    print(f"  build.py: tiến trình chính                          {main_cpu:6.2f} s")
    print(f"  build.py: các tiến trình phụ, cả khởi động           {workers_cpu:6.2f} s")
    for name in names:
        count = statistics.median(run["jobs"].get(name, [0, 0.0])[0] for run in runs)
        seconds = statistics.median(run["jobs"].get(name, [0, 0.0])[1] for run in runs)
        print(f"    {name:<44} {seconds:6.2f} s  ({count:g} việc)")
    total = main_cpu + workers_cpu
    print(f"  build.py, cộng                                      {total:6.2f} s = {total / statistics.median(stock):.2f}"
          " lần mkdocs gốc")
    print(f"  thời gian ít nhất trên {os.cpu_count()} lõi: {total / (os.cpu_count() or 1):.2f} s "
          f"(ngân sách 1.5 lần mkdocs gốc, tính theo thời gian chạy: {1.5 * statistics.median(stock):.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
