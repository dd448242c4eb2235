"""Share of the received plan's sentences found, in order, in the published PDF and Word file.

    .venv/bin/python bench/round_trip.py

Builds the sample site (for 15/09/2020) and reads each sample plan's published PDF and Word
file back with the functions of tests/test_round_trip.py (which asserts 100%); prints the
count per plan and format, and the first sentences missing if any.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import test_round_trip as rt  # noqa: E402
from helpers import FIXTURES  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        r = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--site-dir", str(out),
                            "--today", "2020-09-15"], capture_output=True, text=True, cwd=ROOT)
        if r.returncode != 0:
            sys.exit(r.stderr)
        for seed, slug in rt.SEEDS.items():
            received = (FIXTURES / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
            folder = out / "tai-lieu" / slug
            for kind, text in (("PDF", rt.pdf_text(next(folder.glob("ke-hoach-*.pdf")))),
                               ("Word", rt.docx_text(next(folder.glob("ke-hoach-*.docx"))))):
                n, missing = rt.missing_sentences(received, text)
                print(f"{slug:10} {kind:5} {n - len(missing)}/{n} câu ({100 * (n - len(missing)) / n:.1f}%)",
                      missing[:3] or "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
