"""Accuracy, silent wrong values and speed of the plan importer on the variety corpus.

    .venv/bin/python bench/import_bench.py [--repeat N] [--show-misses] [--fixtures]

The corpus (tests/importer/corpus, see its make_corpus.py) holds every plan in six
layouts: text (UTF-8, UTF-8 with BOM, UTF-16, Windows-1258, hard-wrapped), Word with
the header in a table and typed numbers, Word with automatic numbering, Word whose
lists restart with "Restart at 1", PDF printed by LibreOffice, and .doc. For each
layout this prints the share of expected fields the import gets right, the count of
"silent wrong" fields (a value that is not empty, differs from the expected one, and
has no warning about it), and the time of one import (median of --repeat runs; for
.doc the LibreOffice conversion is timed apart, since it is mostly LibreOffice
starting). --fixtures adds the older per-field table over tests/fixtures in the
synthetic forms (UTF-16, NFD, minimal PDF, typeset PDF, legacy fonts).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "importer"))

from daihoi.importer import doc as doc_reader  # noqa: E402
from daihoi.importer import import_file  # noqa: E402
from corpus_score import LAYOUTS, cases, expected, fields, is_silent_wrong, warned_fields  # noqa: E402


class _ConversionClock:
    """Times LibreOffice's .doc -> .docx conversion so it can be told apart from our work."""

    def __init__(self):
        self.spent = 0.0
        self._convert = doc_reader.convert

    def __call__(self, path):
        t0 = time.perf_counter()
        try:
            return self._convert(path)
        finally:
            self.spent += time.perf_counter() - t0


def corpus(repeat: int, show_misses: bool) -> int:
    clock = _ConversionClock()
    doc_reader.convert = clock
    ok: dict[str, list[bool]] = defaultdict(list)
    silent: dict[str, list[str]] = defaultdict(list)
    misses: list[str] = []
    times: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for name, layout, path in cases():
        exp = expected(name, layout)
        runs = []
        plan = None
        for _ in range(max(1, repeat if layout != ".doc" else 1)):
            clock.spent = 0.0
            t0 = time.perf_counter()
            plan = import_file(path)
            runs.append(time.perf_counter() - t0 - clock.spent)
        times[layout].append((statistics.median(runs), path.name))
        warned = warned_fields(plan)
        for f in fields(plan, exp):
            ok[layout].append(f.ok)
            if not f.ok:
                misses.append(f"{path.name}: {f.path}: {str(f.got)[:90]!r} (cần {str(f.want)[:90]!r})")
            if is_silent_wrong(f, warned):
                silent[layout].append(f"{path.name}: {f.path}: {str(f.got)[:90]!r} (cần {str(f.want)[:90]!r})")
    print(f"Bộ mẫu: {len(cases())} tệp, {len(cases()) // len(LAYOUTS)} kế hoạch × {len(LAYOUTS)} dạng\n")
    print(f"  {'dạng':28s} {'đúng':>11s} {'tỉ lệ':>7s} {'sai im lặng':>12s} {'trung vị ms':>12s} {'lâu nhất ms':>12s}")
    total = right = 0
    for layout in LAYOUTS:
        oks = ok[layout]
        total += len(oks)
        right += sum(oks)
        ts = [t for t, _ in times[layout]]
        print(f"  {layout:28s} {sum(oks):5d}/{len(oks):<5d} {100 * sum(oks) / len(oks):6.1f}% {len(silent[layout]):12d}"
              f" {1000 * statistics.median(ts):12.0f} {1000 * max(ts):12.0f}")
    n_silent = sum(len(v) for v in silent.values())
    print(f"  {'TỔNG':28s} {right:5d}/{total:<5d} {100 * right / total:6.1f}% {n_silent:12d}")
    slowest = max((t, n) for layout in LAYOUTS for t, n in times[layout])
    print(f"\nNhập chậm nhất: {slowest[1]} {1000 * slowest[0]:.0f} ms"
          " (tệp .doc: không kể thời gian LibreOffice chuyển sang .docx)")
    for layout in LAYOUTS:
        for s in silent[layout]:
            print(f"  SAI IM LẶNG: {s}")
    if show_misses:
        for m in misses:
            print(f"  sai: {m}")
    return 0


def fixtures(repeat: int) -> None:
    """The older table: tests/fixtures plans in synthetic forms (no layout of their own)."""
    import tempfile
    from importer_helpers import (PLANS, SEEDS, expected_for, mismatches, write_docx, write_nfd, write_pdf,
                                  write_typeset_pdf, write_utf16_crlf, write_word_like_docx)
    tally: dict[str, list[bool]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as d:
        for src in SEEDS + PLANS:
            text = src.read_text(encoding="utf-8")
            sub = Path(d) / src.stem
            sub.mkdir()
            forms = {"utf16-crlf": write_utf16_crlf(text, sub / "u16.txt"), "nfd": write_nfd(text, sub / "nfd.txt"),
                     "docx": write_docx(text, sub / "a.docx"), "docx-word": write_word_like_docx(text, sub / "b.docx"),
                     "pdf": write_pdf(text, sub / "a.pdf"), "pdf-wrapped": write_pdf(text, sub / "b.pdf", wrap=95),
                     "pdf-typeset": write_typeset_pdf(text, sub / "c.pdf")}
            for form, path in forms.items():
                tally[form].append(not mismatches(import_file(path), expected_for(src)))
    print("\nCác kế hoạch trong tests/fixtures, dạng tổng hợp (kế hoạch nhập đúng mọi trường / tổng):")
    for form, oks in tally.items():
        print(f"  {form:12s} {sum(oks):3d}/{len(oks)}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3, help="imports per file for the timing (median)")
    ap.add_argument("--show-misses", action="store_true", help="list every field that differs from the expected value")
    ap.add_argument("--fixtures", action="store_true", help="also score tests/fixtures in the synthetic forms")
    args = ap.parse_args()
    corpus(args.repeat, args.show_misses)
    if args.fixtures:
        fixtures(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
