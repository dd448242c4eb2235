"""The published plan is the signed plan: the text read back from the published PDF and Word
file of each sample plan contains every sentence of the received file (tests/fixtures/seeds,
copied from the real plans), in order, with the document's own headings and numbering.

A "sentence" is a piece of a received line between column gaps (the .txt of a Word file puts
a table's cells on one line, separated by tabs or runs of spaces) and sentence ends (. ; ! ?
followed by a space). Text is compared with white space collapsed, the emphasis marks of
the .txt (*) removed and spaces around "-" and "/" in document numbers ignored. Only the
receipt stamp ("ĐẾN … Ngày: …", with the receiving office above it) may be left out.

Order: the running text, from "KẾ HOẠCH" to "Nơi nhận", must come in the received order.
The header above it and the recipients and signer below it are two-column tables in the
official layout; the order in which a .txt or a PDF reader lists their cells depends on the
layout, not on the document, so those must only all be there.
"""
from __future__ import annotations

import re
import shutil
import unicodedata

import pytest
from docx import Document
from pypdf import PdfReader

from helpers import FIXTURES, ROOT, run_cli

SEEDS = {"000_0d28b69577a8885f": "07-kh-duk", "001_b06b9d2ace5aae9c": "38-kh-du", "004_f6e3a05446b93d4a": "20-kh-duk"}
GAP = re.compile(r"\t+|\s{3,}")
ENDS = re.compile(r"(?<=[.;!?])\s+")


def unstar(text: str) -> str:
    """The .txt's emphasis marks (*) removed: "(*kỷ niệm*)" and "“*Tăng cường*”" are italic words
    inside brackets and quotes, printed "(kỷ niệm)", so a mark next to a bracket, a quote or a
    closing punctuation mark leaves no space; elsewhere ("- * *Sau", a lone "*") it does."""
    text = re.sub(r"\s*\*+(?=[,.;:!?)\]”’\"])", "", text)
    text = re.sub(r"(?<=[(\[“‘\"])\*+", "", text)
    return text.replace("*", " ")


def norm(text: str) -> str:
    text = unstar(unicodedata.normalize("NFC", text))
    text = re.sub(r"[–—]", "-", text)
    text = re.sub(r"\s*([-/])\s*", r"\1", text)
    text = re.sub(r"\s+([.,;:!?)])", r"\1", text)
    return " ".join(text.split())


def stamp_lines(lines: list[str]) -> set[int]:
    """The receipt stamp: "ĐẾN" with its "Giờ:"/"Ngày:"/"Số:" lines and the office above it."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if re.match(r"^\s*ĐẾN\b", line):
            out.add(i)
            j = i - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            if j >= 0:
                out.add(j)
            k = i + 1
            while k < len(lines) and (not lines[k].strip() or re.match(r"^\s*(Ngày|Giờ|Số)\s*:", lines[k])):
                out.add(k)
                k += 1
    return out


def sentences(received: str) -> tuple[list[str], list[str], list[str]]:
    """(header, running text, closing) sentences of a received plan."""
    lines = received.splitlines()
    skip = stamp_lines(lines)
    title = next(i for i, ln in enumerate(lines) if ln.strip() == "KẾ HOẠCH")
    closing = next(i for i, ln in enumerate(lines) if ln.strip().startswith("Nơi nhận"))
    parts: tuple[list[str], list[str], list[str]] = ([], [], [])
    for i, line in enumerate(lines):
        if i in skip:
            continue
        part = parts[0] if i < title else parts[2] if i >= closing else parts[1]
        for cell in GAP.split(line):
            for piece in ENDS.split(cell):
                piece = norm(piece)
                if re.search(r"\w", piece):
                    part.append(piece)
    return parts


def missing_sentences(received: str, published: str) -> tuple[int, list[str]]:
    """(number of sentences, those not found): the running text in order, header and closing anywhere."""
    header, running, closing = sentences(received)
    text, at, missing = norm(published), 0, []
    for s in running:
        found = text.find(s, at)
        if found < 0:
            missing.append(s)
        else:
            at = found + len(s)
    missing += [s for s in header + closing if s not in text]
    return len(header) + len(running) + len(closing), missing


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("round-trip")
    folder = tmp / "content"
    shutil.copytree(ROOT / "content", folder)
    out = tmp / "site"
    result = run_cli("build", "--content-dir", folder, "--site-dir", out, "--today", "2020-09-15")
    assert result.returncode == 0, result.stderr
    return out


def pdf_text(path) -> str:
    pages = []
    for i, page in enumerate(PdfReader(path).pages, 1):
        lines = page.extract_text().splitlines()
        if i > 1 and lines and lines[0].strip() == str(i):      # the page number printed at the top
            lines = lines[1:]
        pages.append("\n".join(lines))
    return "\n".join(pages)


def docx_text(path) -> str:
    doc = Document(path)
    parts = []
    body = doc.element.body
    for child in body.iterchildren():               # paragraphs and tables in document order
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for cell in child.iter():
                if cell.tag.endswith("}tc"):
                    parts.append(" ".join("".join(t.text or "" for t in p.iter() if t.tag.endswith("}t"))
                                          for p in cell.iter() if p.tag.endswith("}p")))
    return "\n".join(parts)


@pytest.mark.parametrize("seed,slug", SEEDS.items())
@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_published_file_keeps_every_received_sentence_in_order(published, seed, slug, kind):
    received = (FIXTURES / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
    path = published / "tai-lieu" / slug / f"ke-hoach-{slug}.{kind}"
    text = pdf_text(path) if kind == "pdf" else docx_text(path)
    total, missing = missing_sentences(received, text)
    assert total > 40
    assert not missing, f"{1 - len(missing) / total:.1%} của {total} câu; thiếu: {missing[:8]}"
