"""One plan, one set of facts: every dated phase has the same name, start and end in every
output the site publishes (plan page, plan PDF, plan Word file, calendar, widget data, plan
JSON, search index), and no output prints "None", "null" or a lone "*".

Two real builds through the command line: the sample site plus a hand-written plan with a
title of more than 400 characters and no issuer (sample plans: parallel tracks, phases bound
to a congress with and without dates, plans without issuer), and the test fixture site.
"""
from __future__ import annotations

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docx import Document
from icalendar import Calendar
from pypdf import PdfReader

from helpers import FIXTURES, ROOT, SITE_FIXTURE, run_cli
from daihoi.documents.layout import ADDED_TITLE
from daihoi.model import content
from daihoi.site import search_index
from daihoi.text.vntext import slugify

DAY = re.compile(r"(\d\d)/(\d\d)/(\d{4})")


def _d(text: str) -> date:
    d, m, y = DAY.fullmatch(text).groups()
    return date(int(y), int(m), int(d))


def ws(text: str) -> str:
    return " ".join(text.split())


def _range(text: str) -> tuple[date | None, date | None]:
    """"Từ 04/01/2016 đến 20/01/2016" / "Từ 04/01/2016" / "Đến …" / "Ngày …" -> (start, end)."""
    m = re.match(r"(?:Từ (\S+)(?: đến (\S+))?|Đến (\S+)|Ngày (\S+))", text)
    assert m, text
    if m.group(4):
        return _d(m.group(4)), _d(m.group(4))
    return (_d(m.group(1)) if m.group(1) else None,
            _d(m.group(2)) if m.group(2) else (_d(m.group(3)) if m.group(3) else None))


def _build(tmp: Path, source: Path, extra: Path | None, today: str) -> tuple[Path, object]:
    folder = tmp / "content"
    shutil.copytree(source, folder)
    if extra:
        shutil.copytree(extra, folder, dirs_exist_ok=True)
    out = tmp / "site"
    result = run_cli("build", "--content-dir", folder, "--site-dir", out, "--today", today)
    assert result.returncode == 0, result.stderr
    site, problems = content.load(folder)
    assert site is not None, problems
    return out, site


@pytest.fixture(scope="module")
def sample_built(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("consistency-mau"), ROOT / "content", FIXTURES / "consistency", "2020-09-15")


@pytest.fixture(scope="module", params=["mau", "fixture"])
def built(request, sample_built, tmp_path_factory):
    if request.param == "mau":
        return sample_built
    return _build(tmp_path_factory.mktemp("consistency-fixture"), SITE_FIXTURE, None, "2025-05-15")


def _files(out: Path, plan, kind: str) -> Path:
    folder = out / "tai-lieu" / plan.slug
    names = {"pdf": f"ke-hoach-{plan.slug}.pdf", "docx": f"ke-hoach-{plan.slug}.docx", "ics": f"lich-{plan.slug}.ics"}
    hits = sorted(folder.glob(names[kind].replace(plan.slug, "*", 1)))
    assert len(hits) == 1, (kind, list(folder.iterdir()))
    return hits[0]


def _added_page(text: str) -> str:
    assert ADDED_TITLE in text
    return ws(text[text.index(ADDED_TITLE):])


def _from_added(text: str, phase) -> tuple[str, tuple]:
    heading = ws(f"{phase.name}: {phase.title}" if phase.title else phase.name)
    at = text.find(heading)
    assert at >= 0, heading
    rest = text[at + len(heading):].strip()
    return phase.name, _range(rest)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _docx_text(path: Path) -> str:
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_every_dated_phase_is_the_same_in_every_output(built):
    out, site = built
    widget = json.loads((out / "widget" / "du-lieu.json").read_text(encoding="utf-8"))
    checked = 0
    for plan in site.plans:
        dated = [p for p in plan.phases if p.start and p.end]
        expected = {p.key: (p.name, (p.start, p.end)) for p in dated}
        seen: dict[str, dict] = {key: {} for key in expected}

        page = BeautifulSoup((out / "ke-hoach" / plan.slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        timeline = page.select("#cac-dot [data-dh-phase]")
        assert len(timeline) == len(plan.phases)
        for li, phase in zip(timeline, plan.phases):
            if phase.key in seen:
                seen[phase.key]["page"] = (li.select_one(".dh-phase__label").get_text(strip=True),
                                           (date.fromisoformat(li["data-start"]), date.fromisoformat(li["data-end"])))
        pdf = _added_page(_pdf_text(_files(out, plan, "pdf")))
        docx = _added_page(_docx_text(_files(out, plan, "docx")))
        for phase in dated:
            seen[phase.key]["pdf"] = _from_added(pdf, phase)
            seen[phase.key]["docx"] = _from_added(docx, phase)

        events = {str(e["UID"]).split("@")[0]: e for e in Calendar.from_ical(_files(out, plan, "ics").read_bytes()).walk("VEVENT")}
        for phase in dated:
            event = events[f"{slugify(plan.number)}.giai-doan.{slugify(phase.track or '0')}.{slugify(phase.label)}"]
            summary = str(event["SUMMARY"]).removeprefix(f"[{plan.number}] ")
            name = summary.split(": ", 1)[0]
            last = event["DTEND"].dt - timedelta(days=1)           # DTEND of an all-day event is exclusive
            seen[phase.key]["calendar"] = (name, (event["DTSTART"].dt, last))

        for row in widget["phases"]:
            if row["plan"] == plan.number and row["key"] in seen:
                seen[row["key"]]["widget"] = (row["name"], (date.fromisoformat(row["start"]), date.fromisoformat(row["end"])))

        data = json.loads((out / "ke-hoach" / f"{plan.slug}.json").read_text(encoding="utf-8"))
        for row in data["phases"]:
            if row["key"] in seen:
                seen[row["key"]]["json"] = (row["name"], (date.fromisoformat(row["resolved"]["start"]),
                                                          date.fromisoformat(row["resolved"]["end"])))

        # The search index is built from the page text its reader extracts (search_index.page_text):
        # the timeline's part of it gives each phase's name and dates, in order.
        found = search_index.page_text((out / "ke-hoach" / plan.slug / "index.html").read_text(encoding="utf-8"))
        indexed = ws(found[1]) if found else ""
        at = indexed.find("Các đợt tuyên truyền và thời gian")
        assert at >= 0, plan.number
        for phase in plan.phases:
            at = indexed.find(ws(phase.name), at)
            assert at >= 0, (plan.number, phase.name)
            m = re.compile(r"(Từ \d\d/\d\d/\d{4}(?: đến \d\d/\d\d/\d{4})?|Ngày \d\d/\d\d/\d{4}|Đến \d\d/\d\d/\d{4})").search(
                indexed, at)
            if phase.key in seen:
                seen[phase.key]["search"] = (phase.name, _range(m.group(1)))
            at += len(phase.name)

        for key, want in expected.items():
            outputs = seen[key]
            assert set(outputs) == {"page", "pdf", "docx", "calendar", "widget", "json", "search"}, (plan.number, key, outputs)
            for where, got in outputs.items():
                assert got == want, (plan.number, key, where, got, want)
            checked += 1
    assert checked == sum(1 for p in site.plans for ph in p.phases if ph.start and ph.end) > 0


def _check_lines(lines: list[str], plan_issuers: set[str], where: str) -> None:
    for i, line in enumerate(lines):
        assert "None" not in line.split() and "null" not in line.split(), (where, line)
        if line.strip() == "*":
            before = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
            assert before in plan_issuers, (where, "lone *", before)


def test_no_output_prints_none_null_or_a_lone_star(built):
    out, site = built
    issuers = {p.issuer.upper() for p in site.plans if p.issuer}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(out).as_posix()
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for tag in soup(["script", "style"]):
                tag.decompose()
            _check_lines([ln for ln in soup.get_text("\n").splitlines() if ln.strip()], issuers, rel)
        elif path.suffix == ".pdf" and "/bang-ron/" not in rel:
            _check_lines(_pdf_text(path).splitlines(), issuers, rel)
        elif path.suffix == ".docx":
            _check_lines(_docx_text(path).splitlines(), issuers, rel)
        elif path.suffix in (".ics", ".txt", ".xml"):
            _check_lines(path.read_text(encoding="utf-8").splitlines(), issuers, rel)
        elif path.suffix == ".json":
            def walk(value):
                if isinstance(value, dict):
                    for v in value.values():
                        walk(v)
                elif isinstance(value, list):
                    for v in value:
                        walk(v)
                elif isinstance(value, str):
                    assert value not in ("None", "null", "*") and "None" not in value.split(), (rel, value)
            walk(json.loads(path.read_text(encoding="utf-8")))


def test_a_title_of_any_length_reaches_every_output(sample_built):
    out, site = sample_built
    (plan,) = [p for p in site.plans if len(p.title) >= 400]
    assert ws(plan.title) in ws(_pdf_text(_files(out, plan, "pdf")))
    assert ws(plan.title) in ws(_docx_text(_files(out, plan, "docx")))
    doc = Document(_files(out, plan, "docx"))
    assert len(doc.core_properties.title) <= 255 and doc.core_properties.title.endswith("…")
    page = BeautifulSoup((out / "ke-hoach" / plan.slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert ws(plan.title) in ws(page.select_one(".dh-doc-title").get_text(" "))
