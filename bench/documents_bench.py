"""Cold and warm generation times of the downloadable documents for the three seed plans.

Run:  .venv/bin/python bench/documents_bench.py [--repeat 3]

cold: empty cache and empty output folder (everything generated: PDF, DOCX, banners,
      slogan list, calendar, QR).
warm: the same call again with the same cache and output folder (a rebuild with
      unchanged content: nothing regenerated, nothing rewritten).

The plans are those of tests/documents/fixtures/content/, read by the content loader as the
documents tests read them. Every file is made in this process (DAIHOI_WORKERS=1), so the CPU
time is all of the documents' work.

Recorded on the project machine (2 cores, idle), 2026-11-28, fpdf2 2.8.9, python-docx 1.2.0,
best of 3, before and after daihoi/documents/fpdf_lines.py (measured one after the other):

    plan           files     bytes  cold (s)  cold CPU  warm (s)
    07-KH/ĐUK         20    456 KB      0.23      0.23     0.002     (before: fpdf2's own line breaking)
    38-KH/ĐU          22    501 KB      0.26      0.26     0.003
    20-KH/ĐUK         24    577 KB      0.39      0.39     0.005
    total                               0.88      0.88     0.010

    07-KH/ĐUK         20    456 KB      0.17      0.17     0.002     (after, with pdf_plan._glyphs_as_they_are)
    38-KH/ĐU          22    501 KB      0.19      0.19     0.003
    20-KH/ĐUK         24    577 KB      0.25      0.25     0.005
    total                               0.62      0.62     0.010

Where cold time goes: the plan PDF's text layout (fpdf2's line breaking, still one Python call for
each character), fpdf2 parsing and subsetting the TrueType fonts once per PDF; warm is hashing the
inputs and comparing bytes already on disk. (Until 2026-11-28 this
bench read plan JSON files that the tests no longer have, and stopped at its start.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Every file made in this process, one after another: its CPU time is the documents' whole cost
# (with worker processes, it would count only the waiting).
os.environ["DAIHOI_WORKERS"] = "1"

from daihoi.documents import generate_plan_documents  # noqa: E402
from daihoi.documents.banners import fit_text  # noqa: E402
from daihoi.documents.cache import GENERATIONS  # noqa: E402
from daihoi.documents.qr import qr_matrix  # noqa: E402
from daihoi.model import content  # noqa: E402

CONTENT = ROOT / "tests" / "documents" / "fixtures" / "content"      # as the documents tests read them
SEEDS = ["07-kh-duk", "38-kh-du", "20-kh-duk"]


def _run(plan, out: Path, cache: Path, congresses: dict, slug: str) -> tuple[float, float, list]:
    start, cpu = time.perf_counter(), time.process_time()
    downloads = generate_plan_documents(
        plan, out, page_url=f"https://daihoi.example.vn/ke-hoach/{slug}/",
        build_date=date(2026, 11, 22), cache_dir=cache, congresses=congresses,
    )
    return time.perf_counter() - start, time.process_time() - cpu, downloads


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per plan; the best is reported")
    args = parser.parse_args()
    site, problems = content.load(CONTENT)
    if site is None:
        sys.exit("\n".join(map(str, problems)))
    print(f"{'plan':14} {'files':>5} {'bytes':>9} {'cold (s)':>9} {'cold CPU':>9} {'warm (s)':>9}")
    total_cold = total_cpu = total_warm = 0.0
    for slug in SEEDS:
        plan = next(p for p in site.plans if p.slug == slug)
        colds, cpus, warms = [], [], []
        for _ in range(args.repeat):
            tmp = Path(tempfile.mkdtemp(prefix="documents-bench-"))
            fit_text.cache_clear()  # cold means cold: no in-process memo either
            qr_matrix.cache_clear()
            try:
                cold, cpu, downloads = _run(plan, tmp / "site", tmp / "cache", site.congresses, slug)
                before = GENERATIONS.copy()
                warm, _, _ = _run(plan, tmp / "site", tmp / "cache", site.congresses, slug)
                assert GENERATIONS == before, "warm run regenerated files"
            finally:
                shutil.rmtree(tmp)
            colds.append(cold)
            cpus.append(cpu)
            warms.append(warm)
        size = sum(d.size_bytes for d in downloads)
        total_cold += min(colds)
        total_cpu += min(cpus)
        total_warm += min(warms)
        print(f"{plan.number:14} {len(downloads):5} {size // 1000:>6} KB {min(colds):9.2f} {min(cpus):9.2f} {min(warms):9.3f}")
    print(f"{'total':14} {'':5} {'':>9} {total_cold:9.2f} {total_cpu:9.2f} {total_warm:9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
