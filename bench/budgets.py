"""Page-weight budgets, measured in Debian's Chromium on a phone screen (cold cache):
the first view of the landing page, a plan and a post, on the sample site and on the
synthetic site with 1,000 posts (weight must not grow with the number of posts).

    python bench/budgets.py [--posts 1000] [--keep DIR]

Budgets per page: at most 64 KB gzip in all (HTML, CSS, JS, fonts, images: every response
of the first view), JS at most 36 KB gzip, no request to any other host.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402
from _serve import CHROMIUM_ARGS, first_view, serve  # noqa: E402
from sites import build, named_pages  # noqa: E402

TOTAL_KB, JS_KB = 64, 36


def measure(browser, site: Path, pages: dict) -> list[dict]:
    out = []
    with serve(site) as base:
        host = base.split("//")[1].rstrip("/")
        for name, path in pages.items():
            r = first_view(browser, base + path)
            out.append({"name": name, "path": path, "kb": r["gzip_total"] / 1024, "js_kb": r["gzip_js"] / 1024,
                        "files": len(r["rows"]), "outside": [h for h in r["hosts"] if h != host]})
    return out


def main(argv=None) -> int:
    from playwright.sync_api import sync_playwright

    from daihoi.cli.cliparse import Parser

    parser = Parser(prog="bench/budgets.py", description="Đo dung lượng lần xem đầu của các trang, so với ngân sách.")
    parser.add_argument("--posts", type=int, default=1000, help="số tin bài của trang tổng hợp (mặc định 1000)")
    parser.add_argument("--keep", help="giữ các thư mục tạm ở đây")
    args = parser.parse_args(argv)
    work = Path(args.keep or tempfile.mkdtemp(prefix="dh-budgets-"))
    work.mkdir(parents=True, exist_ok=True)

    synthetic = synth.generate(work / "content-synth", posts=args.posts, plans=3, seed=1)
    sites = {"trang mẫu (content/)": (ROOT / "content", build(ROOT / "content", work / "site-sample", work / "cache")),
             f"trang tổng hợp ({args.posts} tin)": (synthetic, build(synthetic, work / "site-synth", work / "cache"))}
    misses = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        print(f"{'trang':40} {'tệp':>4} {'gzip KB':>8} {'JS KB':>6}  ngoài  (ngân sách: ≤ {TOTAL_KB} KB, JS ≤ {JS_KB} KB, 0 máy chủ ngoài)")
        for label, (content, site) in sites.items():
            for row in measure(browser, site, named_pages(content, site)):
                ok = row["kb"] <= TOTAL_KB and row["js_kb"] <= JS_KB and not row["outside"]
                misses += not ok
                name = f"{label}: {row['name']}"
                print(f"{name:40} {row['files']:>4} {row['kb']:>8.1f} {row['js_kb']:>6.1f}  "
                      f"{len(row['outside']):>5}  {'ĐẠT' if ok else 'VƯỢT'}  /{row['path']}")
        browser.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
