"""Every download link of the documents page answers 200, with the content type of its
extension, and the file really is of that type (its first bytes)."""
from __future__ import annotations

import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin

# extension -> (Content-Type a web server sends, what the file starts with / contains)
TYPES = {
    ".pdf": ("application/pdf", lambda b: b.startswith(b"%PDF-")),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              lambda b: b.startswith(b"PK\x03\x04") and b"word/" in b),
    ".ics": ("text/calendar", lambda b: b.lstrip(b"\xef\xbb\xbf").startswith(b"BEGIN:VCALENDAR")),
    ".svg": ("image/svg+xml", lambda b: b"<svg" in b[:500]),
    ".txt": ("text/plain", lambda b: b.decode("utf-8") != ""),
    ".json": ("application/json", lambda b: b.lstrip().startswith((b"{", b"["))),
    ".png": ("image/png", lambda b: b.startswith(b"\x89PNG")),
    ".jpg": ("image/jpeg", lambda b: b.startswith(b"\xff\xd8")),
}


class _Downloads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href") and ("download" in a or a["href"].rsplit(".", 1)[-1] in
                                             {t[1:] for t in TYPES}):
            self.links.append(a["href"])


def test_quality_every_download_answers_200_with_its_type(server, built_site):
    parser = _Downloads()
    parser.feed((built_site / "tai-lieu" / "index.html").read_text(encoding="utf-8"))
    links = sorted(set(parser.links))
    assert sum(1 for link in links if link.endswith(".pdf")) >= 2
    wrong = []
    for link in links:
        url = urljoin(server + "tai-lieu/", link)
        ext = "." + url.rsplit(".", 1)[-1].lower()
        assert ext in TYPES, f"{link}: loại tệp chưa biết"
        with urllib.request.urlopen(url, timeout=30) as r:
            body, ctype, status = r.read(), r.headers.get_content_type(), r.status
        mime, looks_right = TYPES[ext]
        if status != 200 or ctype != mime or not looks_right(body):
            wrong.append(f"{link}: {status} {ctype} {body[:8]!r}")
    assert wrong == []
