"""What each feature costs a cold build, and what the budget "cold <= 1.5 x stock" leaves for them:

    python bench/feature_cost.py [--posts 1000] [--repeat 3] [--keep DIR]

Two measures, on the synthetic site of bench/run.py, stock `mkdocs build` of the same Markdown in
the same run:

1. The cold build in one process (DAIHOI_WORKERS=1), each feature's functions timed (process time,
   outermost call only, the functions named in FEATURES): all the CPU a cold build spends, feature
   by feature; what is left is MkDocs' own work on our 1,300 pages, our hooks' glue, Python's
   start-up and imports. With workers, the same work is shared between two processes: the build
   cannot take less wall time than half of it, nor less than its own process's part (MkDocs' loop
   and every hook run there), printed too (bench/cpu_cold.py's measure).
2. The cold build as bench/run.py times it (the whole command, wall time), and the same build with
   the plans' documents (PDF, Word, banners, calendar, QR) already made: the document cache of an
   earlier build of the same content copied into the empty cache. That is what a build would gain
   if those files were kept with the content, made once when a plan changes (as Hugo's
   `resources/_gen` may be committed): the figure for that decision, not a configuration of ours.

The medians of --repeat rounds; each round runs stock, ours cold, ours with the documents."""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# (module, attribute, feature): functions called through their module or class at run time, so that
# replacing the attribute times every call. Nested calls of the same feature are counted once.
FEATURES = [
    ("build", "ContentCheck.__init__", "kiểm tra nội dung (trước khi dựng)"),
    ("daihoi.documents", "generate_plan_documents", "tài liệu kế hoạch: PDF, Word, băng rôn, lịch, QR"),
    ("daihoi.site.images", "variants", "ảnh bìa: các cỡ ảnh"),
    ("daihoi.site.social", "card_png", "ảnh chia sẻ"),
    ("daihoi.site.search_index", "read_page", "tìm kiếm: chữ của trang (lxml)"),
    ("daihoi.site.search_index", "packed_terms", "tìm kiếm: từ và cặp từ của trang"),
    ("daihoi.site.builder", "SiteBuild._index", "tìm kiếm: các tệp chỉ mục"),
    ("daihoi.site.htmlsafety", "final_check", "an toàn: soát trang cuối"),
    ("daihoi.site.htmlsafety", "add_noopener", "an toàn: noopener"),
    ("daihoi.site.sanitize", "clean_fragment", "an toàn: làm sạch nội dung"),
    ("daihoi.site.cssprune", "prune_site", "CSS: bỏ quy tắc không dùng"),
    ("daihoi.site.builder", "SiteBuild.page_key", "bộ nhớ trang: khóa"),
    ("daihoi.site.pagecache", "PageCache.save", "bộ nhớ trang: lưu"),
]


def _child(argv: list[str]) -> None:
    """The cold build `argv` (build.py's arguments) in this process, each feature timed; prints JSON
    {"total": CPU s of the process, "features": {feature: CPU s}} as the last line of stdout."""
    import importlib
    import resource

    os.environ["DAIHOI_WORKERS"] = "1"
    spent: dict = defaultdict(float)
    inside: dict = defaultdict(int)

    def timed(function, feature):
        def call(*args, **kwargs):
            if inside[feature]:
                return function(*args, **kwargs)
            inside[feature] += 1
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[feature] += time.process_time() - start
                inside[feature] -= 1
        return call

    sys.argv = [str(ROOT / "build.py"), *argv]
    build = importlib.import_module("build")      # build.py as a module: its main() runs the build here
    for module, attribute, feature in FEATURES:
        owner = build if module == "build" else importlib.import_module(module)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, name, timed(getattr(owner, name), feature))
    if build.main(sys.argv[1:]):
        sys.exit(1)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    sys.stdout.write("\n" + json.dumps({"total": usage.ru_utime + usage.ru_stime, "features": spent}) + "\n")


def one_process(content: Path, work: Path) -> dict:
    from run import _environment, build_args, cold_folders

    site, cache = cold_folders(work, "-one")
    done = subprocess.run([sys.executable, __file__, "--child", *build_args(content, site)], cwd=ROOT,
                          env=_environment({"DAIHOI_CACHE": str(cache)}), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"Dựng lỗi:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def with_documents(content: Path, work: Path, documents: Path) -> float:
    """Wall time of a cold build whose empty cache holds only the documents of an earlier build."""
    from run import cold_folders, ours

    site, cache = cold_folders(work, "-tai-lieu")
    cache.mkdir()
    shutil.copytree(documents, cache / documents.name)
    return ours(content, site, cache)


def main(argv=None) -> int:
    import synth
    from daihoi.cli.cliparse import Parser
    from run import cold_folders, markdown_copy, ours, stock_mkdocs
    from cpu_cold import ours_cpu, stock_cpu

    parser = Parser(prog="bench/feature_cost.py", description="Chi phí của từng tính năng trong một lần dựng lạnh.")
    parser.add_argument("--posts", type=int, default=1000, help="số tin bài (mặc định 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="số vòng (mặc định 3), lấy trung vị")
    parser.add_argument("--keep", help="giữ thư mục tạm ở đây")
    args = parser.parse_args(argv)
    work, content = synth.bench_content(args.keep, "dh-feature-", args.posts)
    docs = markdown_copy(content, work / "markdown")
    first_site, first_cache = cold_folders(work, "-dau")
    ours(content, first_site, first_cache)                  # the documents kept for the third build
    documents = first_cache / "documents"
    rounds = []
    for _ in range(args.repeat):
        stock_cpu_s = stock_cpu(docs, work)
        stock = stock_mkdocs(docs, work)
        one, parallel = one_process(content, work), ours_cpu(content, work)
        site, cache = cold_folders(work)        # (each build takes the next unused folders: asked just before)
        rounds.append({"stock_cpu": stock_cpu_s, "stock": stock, "one": one, "parallel": parallel,
                       "cold": ours(content, site, cache), "documents": with_documents(content, work, documents)})
    med = lambda values: statistics.median(list(values))     # noqa: E731
    stock_cpu_s = med(r["stock_cpu"] for r in rounds)
    total = med(r["one"]["total"] for r in rounds)
    features = {f: med(r["one"]["features"].get(f, 0.0) for r in rounds) for _, _, f in FEATURES}
    print(f"Một lần dựng lạnh, {args.posts} tin và 3 kế hoạch, trong một tiến trình; trung vị {args.repeat} vòng.")
    print(f"  mkdocs build, Material gốc (CPU)                        {stock_cpu_s:6.2f} s")
    print(f"  build.py, một tiến trình (CPU, cả khởi động)             {total:6.2f} s = {total / stock_cpu_s:.2f} lần")
    for feature, seconds in sorted(features.items(), key=lambda item: -item[1]):
        print(f"    {feature:<52} {seconds:6.2f} s")
    rest = total - sum(features.values())
    print(f"    {'còn lại: MkDocs dựng các trang, móc nối, khởi động':<52} {rest:6.2f} s")
    print(f"  ngân sách 1.5 lần trên {os.cpu_count()} lõi: CPU cộng lại tối đa "
          f"{1.5 * stock_cpu_s * (os.cpu_count() or 1):.2f} s, và tiến trình chính tối đa {1.5 * stock_cpu_s:.2f} s")
    main_cpu = med(r["parallel"]["main"] for r in rounds)
    workers_cpu = med(r["parallel"]["workers"] for r in rounds)
    print(f"  build.py với các tiến trình phụ (bench/cpu_cold.py): tiến trình chính {main_cpu:.2f} s"
          f" = {main_cpu / stock_cpu_s:.2f} lần, các tiến trình phụ {workers_cpu:.2f} s")
    cold = med(r["cold"] / r["stock"] for r in rounds)
    kept = med(r["documents"] / r["stock"] for r in rounds)
    print(f"Thời gian chạy (cả lệnh), so với mkdocs gốc {med(r['stock'] for r in rounds):.2f} s:")
    print(f"  dựng lạnh                                                {med(r['cold'] for r in rounds):6.2f} s"
          f" = {cold:.2f} lần")
    print(f"  dựng lạnh, tài liệu kế hoạch đã có sẵn                   {med(r['documents'] for r in rounds):6.2f} s"
          f" = {kept:.2f} lần")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2:])
    else:
        sys.exit(main())
