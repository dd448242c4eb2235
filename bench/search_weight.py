"""What a phone downloads for news and search on a site of N posts, in Chromium (360x800).

    python bench/search_weight.py [--posts 1000] [--query "dai hoi"] [--keep DIR]

Makes a synthetic site with bench/synth.py, builds it (timed), then reports, gzip KB as a
web server would send them:
  * the first view of the landing page and of a post (no search file may be among them);
  * one search: focusing the header box and typing the query, everything fetched
    until the results show (search script, index manifest, word shards, result data).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
from _serve import chromium, first_view, serve  # noqa: E402

from daihoi.cli.cliparse import Parser  # noqa: E402

BUDGET_SEARCH_KB = 120


def make_content(out: Path, posts: int) -> str:
    import synth
    synth.generate(out, posts=posts)
    return "bench/synth.py"


def build(content: Path, site: Path) -> float:
    started = time.perf_counter()
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content-dir", str(content),
                          "--site-dir", str(site), "--today", "2025-05-15"], capture_output=True, text=True,
                         env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if run.returncode != 0:
        sys.exit(run.stderr)
    return time.perf_counter() - started


def one_search(browser, url: str, query: str, typed: bool) -> dict:
    import gzip
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.focus("#dh-search-q")
    if typed:
        page.type("#dh-search-q", query, delay=120)
    else:
        page.fill("#dh-search-q", query)
    page.wait_for_selector("[data-dh-search-results]:not([hidden]) .dh-search__count", timeout=30000)
    page.wait_for_load_state("networkidle")
    rows = [(r.url, len(gzip.compress(r.body(), 6)) if r.status == 200 else 0) for r in responses]
    count = page.text_content(".dh-search__count")
    context.close()
    return {"rows": rows, "gzip": sum(b for _, b in rows), "count": count}


def main(argv=None) -> int:
    parser = Parser(prog="search_weight.py", description="Đo dung lượng tải khi xem lần đầu và khi tìm kiếm.")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--query", default="dai hoi")
    parser.add_argument("--keep", help="giữ trang đã dựng ở thư mục này")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="search-weight-"))
    try:
        content, site = work / "content", work / "portal" / "huong-toi-dai-hoi"
        source = make_content(content, args.posts)
        seconds = build(content, site)
        pages = len(list(site.rglob("index.html")))
        index = list((site / "tim-kiem" / "chi-muc").rglob("*.json"))
        index_kb = sum(f.stat().st_size for f in index) / 1024
        print(f"{args.posts} tin bài ({source}), {pages} trang: dựng {seconds:.1f} s; "
              f"chỉ mục tìm kiếm {len(index)} tệp, {index_kb:.0f} KB trên đĩa")
        with serve(work / "portal") as base, chromium() as browser:
            url = base + "huong-toi-dai-hoi/"
            post = next(site.glob("tin-tuc/*-tin-*/index.html")).parent.name
            for name, target in (("trang chủ", url), ("một tin bài", url + f"tin-tuc/{post}/")):
                r = first_view(browser, target)
                search_files = [x["url"] for x in r["rows"] if "chi-muc" in x["url"] or "dh-search" in x["url"]]
                print(f"Lần xem đầu {name}: {r['gzip_total'] / 1024:.1f} KB gzip ({r['gzip_js'] / 1024:.1f} KB JS), "
                      f"{len(r['rows'])} tệp, tệp tìm kiếm: {len(search_files)}")
            for typed in (False, True):
                s = one_search(browser, url, args.query, typed)
                how = "gõ từng chữ" if typed else "dán cả câu"
                verdict = "đạt" if s["gzip"] / 1024 <= BUDGET_SEARCH_KB else "VƯỢT"
                print(f"Một lần tìm “{args.query}” ({how}): {s['gzip'] / 1024:.1f} KB gzip, {len(s['rows'])} tệp "
                      f"[{verdict} ngân sách {BUDGET_SEARCH_KB} KB]; {s['count']}")
                for u, b in s["rows"]:
                    print(f"    {b / 1024:6.1f} KB  {u[len(url):]}")
        if args.keep:
            shutil.copytree(site, args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
