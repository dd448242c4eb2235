"""Page-weight budgets of the first view, measured in Debian's Chromium on a phone screen
(360x800, cold cache): the landing page, a plan and a post, on the sample site and on the
synthetic site with 1,000 posts (the weight must not grow with the number of posts).

    python bench/budgets.py [--posts 1000] [--dpr 1,3] [--keep DIR] [--chi-tiet]

Every response Chromium receives counts: the page, stylesheets, scripts, fonts, JSON, and the
pictures it fetches, lazy ones near the screen included (Chromium loads `loading="lazy"`
pictures within about 1,250 px of the screen). Each body counts as a portal's web server
sends it: text gzipped at level 6, pictures and fonts as they are; HTTP headers are not
counted (they depend on the portal's server). A phone's screen has 2 to 4 device pixels per
CSS pixel and picks larger pictures from `srcset` than a desktop screen: each page is
measured at every --dpr given (default 1 and 3).

Budgets per page: at most 64 KB in all, JS at most 36 KB, no request to any other host; and
flat: a page of the synthetic site weighs at most FLAT_KB more than the same kind of page of
the sample. Exit code 1 when a budget is missed.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402
from _serve import chromium, first_view, serve  # noqa: E402
from sites import build, named_pages  # noqa: E402

TOTAL_KB, JS_KB, FLAT_KB = 64, 36, 4
KINDS = (("html", "HTML"), ("css", "CSS"), ("js", "JS"), ("image", "ảnh"), ("font", "phông"), ("json", "JSON"),
         ("other", "khác"))


def measure(browser, site: Path, pages: dict, dpr: float) -> list[dict]:
    out = []
    with serve(site) as base:
        host = base.split("//")[1].rstrip("/")
        for name, path in pages.items():
            r = first_view(browser, base + path, dpr=dpr)
            out.append({"name": name, "path": path, "dpr": dpr, "kb": r["gzip_total"] / 1024,
                        "kinds": {k: r["by_kind"].get(k, 0) / 1024 for k, _ in KINDS},
                        "files": len(r["rows"]), "outside": [h for h in r["hosts"] if h != host], "rows": r["rows"],
                        "base": base})
    return out


def main(argv=None) -> int:
    from daihoi.cli.cliparse import Parser

    parser = Parser(prog="bench/budgets.py", description="Đo dung lượng lần xem đầu của các trang, so với ngân sách.")
    parser.add_argument("--posts", type=int, default=1000, help="số tin bài của trang tổng hợp (mặc định 1000)")
    parser.add_argument("--dpr", default="1,3",
                        help="số điểm ảnh thiết bị trên một điểm ảnh CSS, cách nhau bằng dấu phẩy (mặc định 1,3)")
    parser.add_argument("--keep", help="giữ các thư mục tạm ở đây")
    parser.add_argument("--chi-tiet", action="store_true", help="in từng tệp tải về của mỗi trang")
    parser.add_argument("--khong-dung", action="store_true",
                        help="không dựng lại: đo các trang đã dựng trong thư mục --keep (lần chạy trước)")
    args = parser.parse_args(argv)
    if args.khong_dung and not args.keep:
        parser.error("--khong-dung cần --keep THƯ_MỤC của một lần chạy trước")
    dprs = [float(x) for x in args.dpr.split(",") if x.strip()]
    work = synth.work_folder(args.keep, "dh-budgets-")

    sample_label, synth_label = "mẫu", f"{args.posts} tin"
    if args.khong_dung:
        sites = {sample_label: (ROOT / "content", work / "site-sample"),
                 synth_label: (work / "content-synth", work / "site-synth")}
    else:
        synthetic = synth.generate(work / "content-synth", posts=args.posts)
        sites = {sample_label: (ROOT / "content", build(ROOT / "content", work / "site-sample", work / "cache")),
                 synth_label: (synthetic, build(synthetic, work / "site-synth", work / "cache"))}
    misses = []
    results = {}
    with chromium() as browser:
        print(f"Lần xem đầu, màn hình 360×800, bộ nhớ đệm trống; KB = 1024 byte, chữ tính theo gzip mức 6.\n"
              f"Ngân sách mỗi trang: tổng ≤ {TOTAL_KB} KB, JS ≤ {JS_KB} KB, 0 yêu cầu ra máy chủ ngoài; "
              f"trang tổng hợp nặng hơn trang mẫu cùng loại ≤ {FLAT_KB} KB.\n")
        head = f"{'trang':22} {'dpr':>3} {'tệp':>3} {'tổng':>6}" + "".join(f" {label:>6}" for _, label in KINDS)
        print(f"{head}  ngoài")
        for label, (content, site) in sites.items():
            pages = named_pages(content, site)
            for dpr in dprs:
                for row in measure(browser, site, pages, dpr):
                    results[(label, row["name"], dpr)] = row
                    problems = []
                    if row["kb"] > TOTAL_KB:
                        problems.append(f"tổng {row['kb']:.1f} KB > {TOTAL_KB} KB")
                    if row["kinds"]["js"] > JS_KB:
                        problems.append(f"JS {row['kinds']['js']:.1f} KB > {JS_KB} KB")
                    if row["outside"]:
                        problems.append(f"yêu cầu ra ngoài: {', '.join(row['outside'])}")
                    base = results.get((sample_label, row["name"], dpr))
                    if label != sample_label and base and row["kb"] - base["kb"] > FLAT_KB:
                        problems.append(f"nặng hơn trang mẫu {row['kb'] - base['kb']:.1f} KB > {FLAT_KB} KB")
                    name = f"{label}: {row['name']}"
                    print(f"{name:22} {dpr:>3g} {row['files']:>3} {row['kb']:>6.1f}"
                          + "".join(f" {row['kinds'][k]:>6.1f}" for k, _ in KINDS)
                          + f"  {len(row['outside']):>5}  {'ĐẠT' if not problems else 'VƯỢT: ' + '; '.join(problems)}"
                          + f"  /{row['path']}")
                    if args.chi_tiet:
                        for r in row["rows"]:
                            print(f"      {r['kind']:6} {r['gzip'] / 1024:6.1f} KB  {r['url'][len(row['base']) - 1:]}")
                    misses += [f"{name} (dpr {dpr:g}): {p}" for p in problems]
    if misses:
        print("\nVượt ngân sách:\n  " + "\n  ".join(misses))
        return 1
    print("\nMọi trang đạt ngân sách.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
