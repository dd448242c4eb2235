"""Is every file of a built site well-formed for what reads it? (browsers, PDF and Word readers,
calendar apps, feed readers, programs reading the JSON). Used by the fuzz tests on sites built
from random content: a value that breaks a page's structure or a document shows up here."""
from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import defusedxml.ElementTree as safe_xml

from daihoi.site import htmlsafety

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Characters no output may carry: C0 controls but tab and line breaks, C1 controls, non-characters,
# bidirectional controls (refused in content) and lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class _Balance(HTMLParser):
    """Every element that is opened is closed, in order (our pages write every end tag)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, self.getpos()[0]))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            opened = self.stack[-1] if self.stack else ("", 0)
            self.errors.append(f"dòng {self.getpos()[0]}: </{tag}> đóng <{opened[0]}> mở ở dòng {opened[1]}")
            if any(t == tag for t, _ in self.stack):
                while self.stack and self.stack.pop()[0] != tag:
                    pass
            return
        self.stack.pop()


def _html(path: Path, data: bytes) -> list[str]:
    text = data.decode("utf-8")
    out = []
    if not text.lstrip().lower().startswith("<!doctype html>"):
        out.append("không bắt đầu bằng <!doctype html>")
    balance = _Balance()
    balance.feed(text)
    balance.close()
    out += balance.errors[:3]
    if balance.stack:
        out.append(f"còn mở: {balance.stack[-3:]}")
    out += [f"không an toàn: {what}" for _, what in htmlsafety.page_dangers(text)]
    return out


def _docx(path: Path, data: bytes) -> list[str]:
    import docx

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if archive.testzip() is not None:
            return ["tệp nén hỏng"]
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                safe_xml.fromstring(archive.read(name))
    document = docx.Document(io.BytesIO(data))
    return [] if document.paragraphs or document.tables else ["không có đoạn nào"]


def _pdf(path: Path, data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=True)
    if not reader.pages:
        return ["không có trang nào"]
    for page in reader.pages:
        page.extract_text()
    return []


def _ics(path: Path, data: bytes) -> list[str]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    return [] if all(e.get("DTSTART") and e.get("SUMMARY") is not None for e in events) else ["sự kiện thiếu ngày"]


def _png(path: Path, data: bytes) -> list[str]:
    from PIL import Image

    Image.open(io.BytesIO(data)).verify()
    return []


READERS = {
    ".html": _html, ".json": lambda p, d: json.loads(d.decode("utf-8")) and [],
    ".xml": lambda p, d: safe_xml.fromstring(d) and [], ".svg": lambda p, d: safe_xml.fromstring(d) and [],
    ".gz": lambda p, d: safe_xml.fromstring(gzip.decompress(d)) and [], ".txt": lambda p, d: d.decode("utf-8") and [],
    ".docx": _docx, ".pdf": _pdf, ".ics": _ics, ".png": _png, ".jpg": _png,
}
TEXTS = {".html", ".json", ".xml", ".svg", ".txt", ".ics", ".css", ".js"}


def site_problems(site: Path) -> list[str]:
    """'path: what is wrong' for every file of `site` that its reader would refuse."""
    out = []
    for path in sorted(Path(site).rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        suffix = path.suffix.lower()
        try:
            if suffix in TEXTS:
                found = _FORBIDDEN.search(data.decode("utf-8"))
                if found:
                    out.append(f"{path}: ký tự U+{ord(found.group()):04X}")
            reader = READERS.get(suffix)
            for what in (reader(path, data) if reader else []) or []:
                out.append(f"{path}: {what}")
        except Exception as exc:  # noqa: BLE001 - any failure to read is the finding
            out.append(f"{path}: {type(exc).__name__}: {exc}")
    return out
