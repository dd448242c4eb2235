"""Every page of the built site is valid HTML for the Nu Html Checker (vnu.jar from npm vnu-jar,
run with Debian's Java), and every internal link and resource resolves to a file of the site."""
from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from quality_pages import NPM_HINT, VNU_JAR, html_pages

JAVA = shutil.which("java")
SITE_URL = "http://portal.invalid/huong-toi-dai-hoi/"    # the sub-path the site is built for


def vnu_errors(site: Path) -> list[str]:
    assert VNU_JAR.is_file(), f"Thiếu Nu Html Checker ({VNU_JAR}). {NPM_HINT}"
    assert JAVA, "Thiếu Java. Cài gói Debian: sudo apt-get install default-jre-headless"
    r = subprocess.run([JAVA, "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only",
                        "--skip-non-html", str(site)], capture_output=True, text=True, timeout=300)
    messages = json.loads(r.stderr or r.stdout)["messages"]
    return [f"{Path(urlparse(m.get('url', '')).path).relative_to(site)}:{m.get('lastLine', '?')}: {m['message']}"
            for m in messages]


def test_quality_every_page_is_valid_html(built_site):
    assert vnu_errors(built_site) == []


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for name in ("href", "src"):
            if a.get(name) and not (tag == "link" and a.get("rel") in ("canonical", "alternate")):
                self.urls.append(a[name])


def parse(file: Path) -> _Links:
    p = _Links()
    p.feed(file.read_text(encoding="utf-8"))
    return p


def broken_links(site: Path) -> list[str]:
    """Links from each page to a file of the site that is missing, or to an id not on the page."""
    root = urlparse(SITE_URL)
    parsed = {path: parse(site / (path + "index.html" if path.endswith("/") or not path else path))
              for path in html_pages(site)}
    broken = []
    for path, links in parsed.items():
        for link in links.urls:
            url = urlparse(urljoin(SITE_URL + path, link))
            if url.scheme not in ("http", "https") or url.netloc != root.netloc:
                continue                      # mailto:, tel:, data:, other hosts: not ours to check
            if not url.path.startswith(root.path):
                broken.append(f"/{path}: {link} (ra ngoài thư mục của chuyên mục)")
                continue
            target = unquote(url.path[len(root.path):])
            file = site / target / "index.html" if target.endswith("/") or not target else site / target
            if not file.is_file():
                broken.append(f"/{path}: {link} (không có tệp {target or 'index.html'})")
            elif url.fragment and file.suffix == ".html":
                page = target[:-len("index.html")] if target.endswith("index.html") else target
                ids = parsed.get(page, None) or parse(file)
                if unquote(url.fragment) not in ids.ids:
                    broken.append(f"/{path}: {link} (không có id “{url.fragment}” trên trang)")
    return broken


def test_quality_every_internal_link_resolves(built_site):
    assert len(html_pages(built_site)) >= 6
    assert broken_links(built_site) == []


def test_quality_link_checker_finds_a_missing_page_and_anchor(built_site, tmp_path):
    # The checker itself: a copy of the site with one page removed and one bad anchor.
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, symlinks=False)
    shutil.rmtree(copy / "khau-hieu")
    home = copy / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</main>", '<a href="#khong-co">x</a></main>', 1),
                    encoding="utf-8")
    broken = broken_links(copy)
    assert any("khau-hieu/" in b and "không có tệp" in b for b in broken)
    assert any(b.startswith("/: #khong-co") for b in broken)
