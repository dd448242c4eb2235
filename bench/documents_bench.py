"""Cold and warm generation times of the downloadable documents for the three seed plans.

Run:  .venv/bin/python bench/documents_bench.py [--repeat 3]

cold: empty cache and empty output folder (everything generated: PDF, DOCX, banners,
      slogan list, calendar, QR).
warm: the same call again with the same cache and output folder (a rebuild with
      unchanged content: nothing regenerated, nothing rewritten).

The plans are the hand-made fixtures in tests/documents/fixtures/ (the seed plans'
expected values with units, items and recipients filled from their texts).

Recorded on the project machine (2 cores), 2026-11-22, fpdf2 2.8.9, best of 3:

    plan           files  bytes     cold (s)  warm (s)
    07-KH/ĐUK         21  745 KB       0.95      0.006
    38-KH/ĐU          23  836 KB       0.92      0.006
    20-KH/ĐUK         25  952 KB       1.05      0.007
    total                              2.92      0.019
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


def _run(plan: dict, out: Path, cache: Path, congresses: list[dict], slug: str) -> tuple[float, list]:
    start = time.perf_counter()
    downloads = generate_plan_documents(
        plan, out, slug=slug, page_url=f"https://daihoi.example.vn/ke-hoach/{slug}/",
        build_date=date(2026, 11, 22), cache_dir=cache, congresses=congresses,
    )
    return time.perf_counter() - start, downloads


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per plan; the best is reported")
    args = parser.parse_args()
    congresses = json.loads((FIXTURES / "congresses.json").read_text(encoding="utf-8"))
    print(f"{'plan':14} {'files':>5} {'bytes':>9} {'cold (s)':>9} {'warm (s)':>9}")
    total_cold = total_warm = 0.0
    for name in SEEDS:
        plan = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        slug = name.replace("plan_", "").replace("_", "-")
        colds, warms = [], []
        for _ in range(args.repeat):
            tmp = Path(tempfile.mkdtemp(prefix="documents-bench-"))
            fit_text.cache_clear()  # cold means cold: no in-process memo either
            qr_matrix.cache_clear()
            try:
                cold, downloads = _run(plan, tmp / "site", tmp / "cache", congresses, slug)
                before = GENERATIONS.copy()
                warm, _ = _run(plan, tmp / "site", tmp / "cache", congresses, slug)
                assert GENERATIONS == before, "warm run regenerated files"
            finally:
                shutil.rmtree(tmp)
            colds.append(cold)
            warms.append(warm)
        size = sum(d.size_bytes for d in downloads)
        total_cold += min(colds)
        total_warm += min(warms)
        print(f"{plan['number']:14} {len(downloads):5} {size // 1000:>6} KB {min(colds):9.2f} {min(warms):9.3f}")
    print(f"{'total':14} {'':5} {'':>9} {total_cold:9.2f} {total_warm:9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
