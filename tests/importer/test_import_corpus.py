"""The variety corpus (tests/importer/corpus): every plan in every layout an editor receives.

For each file: the import is a valid plan/1, at least 99 % of the expected fields are
right, no field is silently wrong (a value that differs from the expected one has a
warning about it), every warning names its line, and the content file's text holds
every sentence of the plan between the title and "Nơi nhận", in order.

.doc files need LibreOffice (installed by tests/run.py from tests/system-packages.txt);
each takes a LibreOffice start, so the test imports the seeds' and two other plans'
.doc files, and bench/import_bench.py all of them.
"""
from __future__ import annotations

import re
import shutil
import unicodedata

import pytest
import yaml

from corpus_score import CORPUS, LAYOUTS, cases, expected, fields, is_silent_wrong, warned_fields
from daihoi.importer.check import check_plan
from daihoi.importer.sources import import_with_extras
from daihoi.importer.writer import to_content
from daihoi.model.document import parse, plain
from daihoi.model.plan import standard_number_line

DOC_SAMPLE = {"seed-000", "seed-001", "seed-004", "hu-thoi-diem", "ubnd-xa-trong"}
CASES = [c for c in cases() if c[1] != ".doc" or c[0] in DOC_SAMPLE]


def test_corpus_is_complete():
    """At least 30 files; each plan in all six layouts, each with expected values."""
    assert len(cases()) >= 30 * 1 and len({n for n, _, _ in cases()}) >= 15
    for name, layout, path in cases():
        assert path.is_file(), path
        assert (CORPUS / "src" / f"{name}.txt").is_file()


@pytest.fixture(scope="module")
def office():
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.fail("LibreOffice (soffice) chưa cài: python3 tests/run.py cài gói libreoffice-writer "
                    "(tests/system-packages.txt)")


@pytest.mark.parametrize("name,layout,path", CASES, ids=[f"{n}:{lay}" for n, lay, _ in CASES])
def test_corpus_file(name, layout, path, request):
    if layout == ".doc":
        request.getfixturevalue("office")
    plan, extra = import_with_extras(path)
    assert check_plan(plan) == []
    assert all(w.startswith("dòng ") for w in plan["warnings"])
    scored = fields(plan, expected(name, layout))
    wrong = [f"{f.path}: {f.got!r} (cần {f.want!r})" for f in scored if not f.ok]
    assert len(wrong) <= len(scored) // 100, wrong
    warned = warned_fields(plan)
    assert [f.path for f in scored if is_silent_wrong(f, warned)] == []
    content = to_content(plan, extra)
    missing = _missing_sentences(name, layout, content)
    assert missing == [], missing[:5]
    assert _number_line_problem(name, content) is None


def _number_line_problem(name: str, content: str) -> str | None:
    """The number line the outputs print (the content file's `number_line`, else the standard
    form of its number) is a line, or a column of a line, of the plan as its source types it."""
    fm = yaml.safe_load(content.split("---\n", 2)[1])
    if not fm.get("number"):
        return None
    shown = fm.get("number_line") or standard_number_line(fm["number"], fm["system"])
    src = (CORPUS / "src" / f"{name}.txt").read_text(encoding="utf-8")
    cells = {" ".join(cell.split()) for ln in src.splitlines() for cell in re.split(r"\t+|\s{3,}", ln)}
    return None if shown in cells else f"“{shown}” không có trong văn bản"


# ---------------------------------------------------------------- the text, word for word


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("*", "")      # emphasis marks, not words
    text = re.sub(r"[–—]", "-", text)
    text = re.sub(r"\s*([-/])\s*", r"\1", text)
    text = re.sub(r"\s+([.,;:!?)])", r"\1", text)
    return " ".join(text.split())


def _source_body(name: str, layout: str) -> list[str]:
    """The sentences of the plan between its title and "Nơi nhận", as the source types them."""
    if layout == "text" and name.startswith("seed-"):
        lines = (CORPUS / "files" / f"{name}.txt").read_text(encoding="utf-8").split("\n")
        start = next(i for i, ln in enumerate(lines) if ln.strip() == "KẾ HOẠCH")
        # The seed's title runs to its separator line or to "Thực hiện"/"Căn cứ".
        body_at = next(i for i in range(start + 1, len(lines))
                       if re.match(r"^\s*(-{3,}|Thực hiện|Căn cứ)", lines[i]))
        if lines[body_at].strip().startswith("---"):
            body_at += 1
    else:
        lines = (CORPUS / "src" / f"{name}.txt").read_text(encoding="utf-8").split("\n")
        lines = [ln for ln in lines if not ln.startswith("#!")]
        start = next(i for i, ln in enumerate(lines) if ln.strip() == "KẾ HOẠCH")
        body_at = next(i for i in range(start + 1, len(lines))
                       if re.match(r"^\s*(-{3,}|Thực hiện|Căn cứ|Số:)", lines[i]))
        if lines[body_at].strip().startswith("---"):
            body_at += 1
    end = next(i for i, ln in enumerate(lines) if ln.strip().startswith("Nơi nhận"))
    out = []
    for ln in lines[body_at:end]:
        cells = ln.strip().strip("|").split("|") if ln.startswith("|") else re.split(r"\t+|\s{3,}", ln)
        for cell in (c for cell in cells for c in cell.split(" // ")):
            for piece in re.split(r"(?<=[.;!?])\s+", cell):
                piece = _norm(piece)
                if re.search(r"\w", piece):
                    out.append(piece)
    return out


def _missing_sentences(name: str, layout: str, content: str) -> list[str]:
    body = content.split("---\n", 2)[2]
    blocks = parse(body)
    # An item's dash is its marker in the content file; the text as printed has it in front.
    text = _norm(" ".join((b.marker + " " if b.kind == "item" else "") + plain(b.text) for b in blocks))
    at, missing = 0, []
    for s in _source_body(name, layout):
        found = text.find(s, at)
        if found < 0:
            missing.append(s)
        else:
            at = found + len(s)
    return missing


def test_layouts_are_the_six_the_issue_names():
    assert list(LAYOUTS) == ["text", "Word, header table", "Word, automatic numbering", "Word, Restart at 1",
                             "PDF", ".doc"]
