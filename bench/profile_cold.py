"""The top of a cProfile of a cold build, for the closing note's "before and after":

    python bench/profile_cold.py [--posts 1000] [--top 10] [--keep DIR]

Builds the synthetic site (bench/synth.py, the same as bench/run.py's) once under cProfile,
with an empty cache and no site yet, and prints the functions that took the most time of their
own. cProfile sees the build's own process only: the plan documents made in worker processes
show as the time spent waiting for them. Profiling slows Python code about 2.5 times, so the
total is not the build's time (bench/run.py measures that).
"""
from __future__ import annotations

import pstats
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402
from run import _environment, build_args, cold_folders  # noqa: E402


def main(argv=None) -> int:
    from daihoi.cli.cliparse import Parser

    parser = Parser(prog="bench/profile_cold.py", description="Hồ sơ cProfile của một lần dựng lạnh.")
    parser.add_argument("--posts", type=int, default=1000, help="số tin bài (mặc định 1000)")
    parser.add_argument("--top", type=int, default=10, help="số hàm in ra (mặc định 10)")
    parser.add_argument("--keep", help="giữ thư mục tạm ở đây")
    args = parser.parse_args(argv)
    work, content = synth.bench_content(args.keep, "dh-profile-", args.posts)
    site, cache = cold_folders(work)
    out = work / "cold.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), str(ROOT / "build.py"),
                           *build_args(content, site)],
                          cwd=ROOT, env=_environment({"DAIHOI_CACHE": str(cache)}),      # as bench/run.py builds
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"Dựng lỗi:\n{done.stderr[-3000:]}")
    stats = pstats.Stats(str(out))
    print(f"cProfile, dựng lạnh {args.posts} tin: tổng {stats.total_tt:.2f} s (chậm hơn khi không đo)")
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:args.top]
    for (file, line, name), (calls, _, own, cumulative, _) in rows:
        where = f"{Path(file).name}:{line}" if line else "~"
        print(f"  {own:6.2f} s riêng  {cumulative:6.2f} s gộp  {calls:>8} lần  {name} ({where})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
