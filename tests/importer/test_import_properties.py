"""Property tests: any mutation of a real plan gives a valid plan/1 or a clear error."""
from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from daihoi.importer.check import check_plan
from daihoi.importer.decode import decode_bytes, to_lines
from daihoi.importer.errors import PlanImportError
from daihoi.importer.parse import analyse
from daihoi.importer.writer import to_content
from importer_helpers import PLANS, SEEDS

TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS + PLANS]
NOISE = ["*", "**", "- ", "1.1. ", "Đợt 1:", "II. ", "KẾ HOẠCH", "Số 07- KH/ĐUK", "ngày 31/02/2020", "(", ")",
         "từ ngày 01 đến ngày", "tháng 13/2020", "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "\t", "   ", "ĐẾN\tGiờ:",
         "cao điểm từ", "năm 9999", "\u0301", "\ufeff", "\x00", "Ngày: ", "a)", "*Trước khai mạc*", "!", ":"]

mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 400), st.integers(1, 30)),
    st.tuples(st.just("dup"), st.integers(0, 400), st.integers(1, 5)),
    st.tuples(st.just("swap"), st.integers(0, 400), st.integers(0, 400)),
    st.tuples(st.just("insert"), st.integers(0, 400), st.sampled_from(NOISE)),
    st.tuples(st.just("text"), st.integers(0, 400), st.text(max_size=40)),
    st.tuples(st.just("prefix"), st.integers(0, 400), st.sampled_from(NOISE)),
    st.tuples(st.just("digits"), st.integers(0, 400), st.integers(0, 99)),
)


def mutate(text: str, muts) -> str:
    lines = text.split("\n")
    for kind, i, arg in muts:
        if not lines:
            lines = [""]
        i %= len(lines)
        if kind == "delete":
            del lines[i:i + arg]
        elif kind == "dup":
            lines[i:i] = lines[i:i + arg]
        elif kind == "swap":
            j = arg % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif kind in ("insert", "text"):
            lines.insert(i, arg)
        elif kind == "prefix":
            lines[i] = arg + lines[i]
        elif kind == "digits":
            lines[i] = "".join(str(arg) if c.isdigit() else c for c in lines[i])
    return "\n".join(lines)


def import_text(text: str) -> dict | None:
    try:
        lines = to_lines(decode_bytes(text.encode("utf-8", errors="surrogatepass")))
    except PlanImportError as e:
        assert e.message
        return None
    plan, extra = analyse(lines)
    problems = check_plan(plan)
    assert problems == [], problems
    doc = to_content(plan, extra, source="x.txt")
    yaml.safe_load(doc.split("---\n")[1])       # the front matter always parses
    return plan


# IMPORTER_FUZZ_EXAMPLES=3000 for a long run before a release.
@settings(max_examples=int(os.environ.get("IMPORTER_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(TEXTS))), st.lists(mutation, max_size=8))
def test_mutated_plans_never_crash_and_stay_valid(idx, muts):
    import_text(mutate(TEXTS[idx], muts))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return
    import_text(text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data):
    try:
        lines = to_lines(decode_bytes(data))
    except PlanImportError as e:
        assert e.message
        return
    plan, _ = analyse(lines)
    assert check_plan(plan) == []


_words = st.sampled_from(["Đại", "hội", "ngày", "1.", "- ", "Nơi nhận:", "KẾ HOẠCH", "T/M", "2025", "a)", "xã", "-"])
_chunk = st.tuples(st.integers(0, 2), st.integers(0, 60), st.floats(40, 560), st.lists(_words, min_size=1, max_size=12),
                   st.sampled_from(["Times-Roman", "Times-Bold", "Times-Italic"]), st.sampled_from([11.0, 13.0, 14.0]))


@settings(max_examples=150, deadline=None)
@given(st.lists(_chunk, max_size=60))
def test_pdf_layout_never_crashes_and_keeps_every_word(raw):
    """Whatever the positions, rebuilding lines, columns and paragraphs only moves white space."""
    from daihoi.importer import pdf
    chunks = []
    for page, row, x, words, font, size in raw:
        text = " ".join(words)
        chunks.append(pdf.Chunk(page, x, 800 - row * size * 1.3, text, font, size, x + 0.5 * size * len(text)))
    pages = [([c for c in chunks if c.page == n], [], 595.0) for n in range(3)]
    lines = pdf._layout(pages)
    k = next((i for i, ln in enumerate(lines) if ln.text.startswith("KẾ HOẠCH")), None)
    rebuilt = (pdf._columns(lines[:k], 550.0) if k else []) + pdf._paragraphs(lines[k or 0:], 40.0, 550.0, 15.0)
    letters = lambda texts: sorted("".join("".join(t.split()) for t in texts))   # noqa: E731
    assert letters(ln.text for ln in rebuilt) == letters(c.text for c in chunks)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="aAbBĐđệỆêÊ ủỦ\t\n.,", max_size=200))
def test_restore_capitals_only_changes_case(text):
    from daihoi.importer.legacy import restore_capitals
    out = restore_capitals(text)
    assert out.upper() == text.upper() and len(out.split("\n")) == len(text.split("\n"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(range(len(TEXTS))), st.lists(mutation, max_size=6), st.sampled_from(["docx", "pdf"]))
def test_mutated_plans_as_files(tmp_path, idx, muts, form):
    """The whole path (reader, decode, parse, contract check) on .docx and .pdf files."""
    from daihoi.importer.sources import import_with_extras
    from importer_helpers import write_docx, write_pdf
    text = mutate(TEXTS[idx], muts)
    text = "".join(c for c in text if c.isprintable() or c in "\n\t")   # what a file can carry
    path = (write_docx if form == "docx" else write_pdf)(text, tmp_path / f"k.{form}")
    try:
        plan, _ = import_with_extras(path)
    except PlanImportError as e:
        assert e.message
        return
    assert check_plan(plan) == []
