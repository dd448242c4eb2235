"""Build time of the sample site: `python build.py build` run N times (default 5), median.

    python bench/build_time.py [N]
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv):
    sys.path.insert(0, str(ROOT))
    from daihoi.cli.cliparse import Parser

    parser = Parser(prog="bench/build_time.py", description="Thời gian dựng trang mẫu, trung vị của N lần.")
    parser.add_argument("n", nargs="?", type=int, default=5, help="số lần dựng (mặc định 5)")
    n = parser.parse_args(argv).n
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(n):
            start = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--site-dir", f"{tmp}/site"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    print("các lần chạy (s):", " ".join(f"{t:.2f}" for t in times))
    print(f"trung vị: {statistics.median(times):.2f} s (toàn bộ lệnh, gồm khởi động Python và kiểm tra nội dung)")


if __name__ == "__main__":
    main(sys.argv[1:])
