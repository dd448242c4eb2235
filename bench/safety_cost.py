"""What the content safety costs in a build: the allow-list (nh3) on every page, the last page
check, the folder check before the build; on a synthetic site (default 1,000 posts).

    python bench/safety_cost.py [--posts 1000] [--keep DIR]

The build runs in this process with the safety functions wrapped by timers, so the figures
are the time spent inside them during a real build (not a separate run): every page is
rendered (the page cache of earlier builds is emptied first). Printed in Vietnamese.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

SPENT: dict = defaultdict(float)
CALLS: dict = defaultdict(int)


def timed(module, name: str, label: str) -> None:
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - start
            CALLS[label] += 1
    setattr(module, name, wrapper)


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--keep", help="thư mục giữ trang tổng hợp (mặc định: thư mục tạm)")
    args = parser.parse_args(argv)

    import build
    from daihoi.site import content_check, htmlsafety, sanitize

    timed(sanitize, "clean_fragment", "allow-list (nh3 + báo cáo)")
    timed(sanitize, "value_problems", "giá trị qua allow-list (trước khi dựng)")
    timed(content_check, "scan", "kiểm tra thư mục (giá trị, tệp, ảnh)")
    timed(htmlsafety, "final_check", "kiểm tra cuối mỗi trang")
    timed(htmlsafety, "page_dangers", "  trong đó: đọc bằng bộ phân tích HTML")
    timed(htmlsafety, "add_noopener", "noopener")

    work = synth.work_folder(args.keep, "dh-safety-")
    content = work / "content"
    with contextlib.redirect_stdout(io.StringIO()):
        synth.main([str(content), "--posts", str(args.posts)])
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    # Plans' documents cached by a first build; its finished pages (page cache, "trang/") are then
    # dropped, so the measured build renders, cleans and checks every page.
    # The first build runs in another process: a page cache read in this one would stay in memory.
    os.environ["DAIHOI_CACHE"] = str(work / "cache")
    subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content-dir", str(content), "--site-dir",
                    str(site), "--today", "2025-05-15"], check=True, capture_output=True)
    shutil.rmtree(work / "cache" / "trang", ignore_errors=True)
    for key in list(SPENT):
        SPENT[key], CALLS[key] = 0.0, 0
    err = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stderr(err):
        code = build.main(["build", "--content-dir", str(content), "--site-dir", str(site), "--today", "2025-05-15"])
    total = time.perf_counter() - start
    if code != 0:
        print(err.getvalue())
        return code
    pages = sum(1 for _ in site.rglob("*.html"))
    print(f"Trang tổng hợp: {args.posts} tin bài, {pages} trang HTML; dựng mọi trang (tài liệu kế hoạch đã có "
          f"trong bộ nhớ đệm): {total:.1f} s")
    for label in SPENT:
        share = SPENT[label] / total * 100
        print(f"  {label}: {SPENT[label]:.2f} s ({share:.1f}%), {CALLS[label]} lần")
    # The check this replaced read every finished page with the parser.
    texts = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    start = time.perf_counter()
    for text in texts:
        htmlsafety.page_dangers(text)
    every = time.perf_counter() - start
    print(f"  (so sánh) đọc mọi trang bằng bộ phân tích HTML như trước: {every:.2f} s; "
          f"số trang bộ lọc nhanh gửi sang bộ phân tích: {sum(htmlsafety.screen(t) for t in texts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
