"""Cold and warm generation times of the downloadable documents for the three seed plans.

Run:  .venv/bin/python bench/documents_bench.py [--repeat 3]

cold: empty cache and empty output folder (everything generated: PDF, DOCX, banners,
      slogan list, calendar, QR).
warm: the same call again with the same cache and output folder (a rebuild with
      unchanged content: nothing regenerated, nothing rewritten).

The plans are the hand-made fixtures in tests/documents/fixtures/ (the seed plans'
expected values with units, items and recipients filled from their texts).

Recorded on the project machine (2 cores, shared with other builds: load average 3-10
during the runs, so wall times are noisy; CPU time is the steadier number), 2026-11-22,
fpdf2 2.8.9, python-docx 1.2.0, best of 5:

    plan           files     bytes  cold (s)  cold CPU  warm (s)
    07-KH/ĐUK         20    388 KB      2.19      1.37     0.024
    38-KH/ĐU          22    407 KB      3.54      1.30     0.020
    20-KH/ĐUK         24    439 KB      4.07      1.66     0.033
    total                               9.80      4.33     0.078

At load ~3 the same run gave cold 1.47 / 1.42 / 1.78 s wall. Where cold time goes:
fpdf2 parsing and subsetting the TrueType fonts once per PDF (one PDF per slogan
strip), then the plan PDF's text layout; warm is hashing the inputs and comparing
bytes already on disk.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from daihoi.documents import generate_plan_documents  # noqa: E402
from daihoi.documents.banners import fit_text  # noqa: E402
from daihoi.documents.cache import GENERATIONS  # noqa: E402
from daihoi.documents.qr import qr_matrix  # noqa: E402

FIXTURES = ROOT / "tests" / "documents" / "fixtures"
SEEDS = ["plan_07_kh_duk", "plan_38_kh_du", "plan_20_kh_duk"]


def _run(plan: dict, out: Path, cache: Path, congresses: list[dict], slug: str) -> tuple[float, float, list]:
    start, cpu = time.perf_counter(), time.process_time()
    downloads = generate_plan_documents(
        plan, out, slug=slug, page_url=f"https://daihoi.example.vn/ke-hoach/{slug}/",
        build_date=date(2026, 11, 22), cache_dir=cache, congresses=congresses,
    )
    return time.perf_counter() - start, time.process_time() - cpu, downloads


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per plan; the best is reported")
    args = parser.parse_args()
    congresses = json.loads((FIXTURES / "congresses.json").read_text(encoding="utf-8"))
    print(f"{'plan':14} {'files':>5} {'bytes':>9} {'cold (s)':>9} {'cold CPU':>9} {'warm (s)':>9}")
    total_cold = total_cpu = total_warm = 0.0
    for name in SEEDS:
        plan = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        slug = name.replace("plan_", "").replace("_", "-")
        colds, cpus, warms = [], [], []
        for _ in range(args.repeat):
            tmp = Path(tempfile.mkdtemp(prefix="documents-bench-"))
            fit_text.cache_clear()  # cold means cold: no in-process memo either
            qr_matrix.cache_clear()
            try:
                cold, cpu, downloads = _run(plan, tmp / "site", tmp / "cache", congresses, slug)
                before = GENERATIONS.copy()
                warm, _, _ = _run(plan, tmp / "site", tmp / "cache", congresses, slug)
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
        print(f"{plan['number']:14} {len(downloads):5} {size // 1000:>6} KB {min(colds):9.2f} {min(cpus):9.2f} {min(warms):9.3f}")
    print(f"{'total':14} {'':5} {'':>9} {total_cold:9.2f} {total_cpu:9.2f} {total_warm:9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
