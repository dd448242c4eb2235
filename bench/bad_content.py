"""Peak memory and time of every bad-content case (tests/bad_content/cases), one after another.

    python bench/bad_content.py [CASE ...]

Each case is built as the corpus test builds it (a copy of the fixture site with the case's
edits, over a published site) and measured from outside the process (wait4: peak resident
memory). The test asserts the bound (1 GB); this prints the figures, worst first.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "bad_content")]

import test_bad_content as corpus  # noqa: E402


def main(argv) -> int:
    cases = [p for p in corpus.CASES if not argv or p.stem in argv or any(p.stem.startswith(a) for a in argv)]
    base = Path(tempfile.mkdtemp(prefix="dh-corpus-"))
    try:
        good = base / "good"
        good.mkdir()
        content = corpus.make_content(good)
        r, rss, seconds = corpus.run_measured("build", "--content-dir", content, "--site-dir", good / "site",
                                              "--today", corpus.TODAY, cwd=good)
        assert r.returncode == 0, r.stderr
        rows = [("(trang tốt)", r.returncode, rss, seconds)]
        for path in cases:
            run = corpus.run_case(path, base, good / "site")
            rows.append((path.stem, run["result"].returncode, run["rss"], run["seconds"]))
            shutil.rmtree(run["work"], ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"{len(cases)} ca; bộ nhớ cao nhất và thời gian của từng ca (lệnh build.py build, cả khởi động Python):")
    for name, code, rss, seconds in sorted(rows, key=lambda row: -row[2]):
        print(f"  {rss / 1e6:7.0f} MB  {seconds:6.1f} s  mã thoát {code}  {name}")
    worst = max(rows, key=lambda row: row[2])
    slowest = max(rows, key=lambda row: row[3])
    print(f"Bộ nhớ cao nhất: {worst[2] / 1e6:.0f} MB ({worst[0]}); lâu nhất: {slowest[3]:.1f} s ({slowest[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
