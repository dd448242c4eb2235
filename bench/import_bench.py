"""Per-field accuracy and import time of the plan importer on the fixtures.

    .venv/bin/python bench/import_bench.py [--repeat N]

For every fixture with an .expected.json (tests/fixtures/seeds and
tests/fixtures/plans) and every input form (UTF-8 text, UTF-16 with CRLF,
NFD, .docx with a header table, .pdf with a text layer, one line per
paragraph or wrapped into visual lines; and, when viparse is installed,
legacy TCVN3 and VNI bytes), it imports the plan
and compares each expected key. Phases are also scored one field at a time
(label, title, start, end, track) so a single wrong date shows as such.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "importer"))

from daihoi.importer import import_file  # noqa: E402
from importer_helpers import (PLANS, SEEDS, expected_for, write_docx, write_nfd, write_pdf,  # noqa: E402
                              write_typeset_pdf, write_utf16_crlf, write_word_like_docx)


def forms(text: str, tmp: Path):
    p = tmp / "utf8.txt"
    p.write_text(text, encoding="utf-8")
    yield "utf8", p
    yield "utf16-crlf", write_utf16_crlf(text, tmp / "utf16.txt")
    yield "nfd", write_nfd(text, tmp / "nfd.txt")
    yield "docx", write_docx(text, tmp / "plan.docx")
    yield "docx-word", write_word_like_docx(text, tmp / "word.docx")
    yield "pdf", write_pdf(text, tmp / "plan.pdf")
    yield "pdf-wrapped", write_pdf(text, tmp / "wrapped.pdf", wrap=95)
    yield "pdf-typeset", write_typeset_pdf(text, tmp / "typeset.pdf")
    try:
        from test_import_legacy import to_legacy   # needs viparse
    except Exception:  # noqa: BLE001 - legacy forms only when viparse is installed
        return
    for name in ("tcvn3", "vni"):
        p = tmp / f"{name}.txt"
        p.write_bytes(to_legacy(text, name).encode("cp1252"))
        yield name, p


def score(plan: dict, exp: dict, tally: dict, misses: list | None = None, where: str = "") -> None:
    for key, want in exp.items():
        got = len(plan["units"]) if key == "units_count" else plan.get(key)
        if key == "phases":
            for i, w in enumerate(want):
                g = got[i] if i < len(got) else {}
                for f, v in w.items():
                    tally[f"phases[].{f}"].append(g.get(f) == v)
            tally["phases (count)"].append(len(got) == len(want))
            continue
        if isinstance(want, list) and want and isinstance(want[0], dict):
            got = [{k: g.get(k) for k in w} for g, w in zip(got, want)] + got[len(want):]
        tally[key].append(got == want)
        if got != want and misses is not None:
            misses.append(f"{where}: {key}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5, help="imports per file for the timing (median)")
    args = ap.parse_args()
    tally: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    times: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as d:
        for src in SEEDS + PLANS:
            exp = expected_for(src)
            text = src.read_text(encoding="utf-8")
            sub = Path(d) / src.stem
            sub.mkdir()
            for form, path in forms(text, sub):
                plan = import_file(path)
                score(plan, exp, tally, misses, f"{src.stem}/{form}")
                runs = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    import_file(path)
                    runs.append(time.perf_counter() - t0)
                times[form].append(statistics.median(runs))
                times[f"{src.stem}:{form}"] = [statistics.median(runs)]
    print("Độ chính xác theo trường (fixture × dạng đầu vào):")
    total_ok = total = 0
    for key, oks in sorted(tally.items()):
        total_ok += sum(oks)
        total += len(oks)
        print(f"  {key:22s} {sum(oks):4d}/{len(oks):<4d} {100 * sum(oks) / len(oks):6.1f}%")
    print(f"  {'TỔNG':22s} {total_ok:4d}/{total:<4d} {100 * total_ok / total:6.1f}%")
    for m in misses:
        print(f"  sai: {m}")
    print("\nThời gian nhập một kế hoạch (trung vị, ms):")
    for form in ("utf8", "utf16-crlf", "nfd", "docx", "docx-word", "pdf", "pdf-wrapped", "pdf-typeset", "tcvn3", "vni"):
        xs = times.get(form)
        if not xs:
            continue
        print(f"  {form:12s} trung bình {1000 * statistics.mean(xs):7.1f}  lớn nhất {1000 * max(xs):7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
