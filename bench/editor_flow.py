#!/usr/bin/env python3
"""Time an editor's path from a received plan to a package ready to upload.

    .venv/bin/python bench/editor_flow.py [--seed FILE] [--content-dir DIR] [--runs 3]

Each run copies the content folder, then runs the commands an editor types,
as separate processes (so Python's start-up and imports are counted):

    python build.py new plan --from SEED
    python build.py check
    python build.py package

and prints the time of each step and of the whole path (median of the runs).
The editor's reading and fixing time is not counted: only the tool's.
"""
from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_0d28b69577a8885f.txt"


def step(*args) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)], capture_output=True,
                            text=True, encoding="utf-8")
    took = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return took


def one_run(seed: Path, content_dir: Path, today: str | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "content"
        shutil.copytree(content_dir, folder)
        times = {"new plan --from": step("new", "plan", "--from", seed, "--content-dir", folder, "--force")}
        times["check"] = step("check", "--content-dir", folder)
        extra = ["--today", today] if today else []
        times["package"] = step("package", "--content-dir", folder, "--site-dir", work / "site",
                                "--out-dir", work / "goi", *extra)
        [package] = (work / "goi").glob("*.zip")
        with zipfile.ZipFile(package) as archive:
            assert archive.testzip() is None and "index.html" in archive.namelist()
            widget = {n: len(gzip.compress(archive.read(n), 9)) for n in archive.namelist() if n.startswith("widget/")}
        times["total"] = sum(times.values())
        return times, package.stat().st_size, widget


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seed", default=str(SEED))
    p.add_argument("--content-dir", default=str(ROOT / "content"))
    p.add_argument("--today", help="build as on this day (default: the real today)")
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args(argv)
    done = [one_run(Path(args.seed), Path(args.content_dir), args.today) for _ in range(args.runs)]
    runs = [d[0] for d in done]
    size, widget = done[-1][1], done[-1][2]
    print(f"seed: {Path(args.seed).name}, content: {args.content_dir}, runs: {args.runs}")
    print(f"package: {size / 1024:.0f} KB zip; widget/: {sum(widget.values())} bytes gzip -9 in all "
          + "(" + ", ".join(f"{n.split('/')[1]} {b}" for n, b in sorted(widget.items())) + ")")
    for key in runs[0]:
        values = [r[key] for r in runs]
        print(f"  {key:<18} median {statistics.median(values):6.2f} s   (min {min(values):.2f}, max {max(values):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
