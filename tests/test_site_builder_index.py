"""SiteBuild.finish: the search index kept in the page cache is taken again only for the same pages
made by the same code; other code (another version of the tool) makes it again."""
from datetime import date

from helpers import ROOT, SITE_FIXTURE
from daihoi.cli import atomic
from daihoi.site import pagecache, search_index
from daihoi.site.builder import SiteBuild

BUILD = search_index.build
PAGES = [{"url": f"tin-tuc/tin-{i}/", "title": f"Tin {i}", "text": f"Đại hội chi bộ lần thứ {i}.", "lead": "",
          "summary": ""} for i in range(5)]


def _finish(tmp_path, code: str, made: list, monkeypatch) -> dict:
    pagecache._open.clear()
    build = SiteBuild(SITE_FIXTURE, ROOT / "theme", date(2025, 5, 15), tmp_path / "cache", "<article>")
    build.code_digest = code
    build.search_pages = [dict(p, terms=search_index.terms(p)) for p in PAGES]
    monkeypatch.setattr(search_index, "build", lambda *a, **k: made.append(code) or BUILD(*a, **k))
    build.finish(tmp_path / "site", lambda data, path: atomic.write_file(path, data))
    return {f.name: f.read_bytes() for f in (tmp_path / "site" / search_index.INDEX_DIR).rglob("*.json")}


def test_the_kept_index_is_for_the_same_code_only(tmp_path, monkeypatch):
    made: list = []
    first = _finish(tmp_path, "ma-1", made, monkeypatch)
    again = _finish(tmp_path, "ma-1", made, monkeypatch)
    assert made == ["ma-1"] and again == first              # the same pages, the same code: taken again
    _finish(tmp_path, "ma-2", made, monkeypatch)
    assert made == ["ma-1", "ma-2"]                          # other code: made again
