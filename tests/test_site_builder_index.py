"""SiteBuild.finish: the search index kept in the page cache is taken again only for the same pages
made by the same code; other code (another version of the tool) makes it again."""
from datetime import date

from helpers import ROOT, SITE_FIXTURE
from daihoi.cli import atomic, kept
from daihoi.site import pagecache, search_index
from daihoi.site.builder import SiteBuild

BUILD = search_index.build
PAGES = [{"url": f"tin-tuc/tin-{i}/", "title": f"Tin {i}", "text": f"Đại hội chi bộ lần thứ {i}.", "lead": "",
          "summary": ""} for i in range(5)]


def _finish(tmp_path, code: str, made: list, monkeypatch) -> dict:
    pagecache._open.clear()
    build = SiteBuild(SITE_FIXTURE, ROOT / "theme", date(2025, 5, 15), tmp_path / "cache", "<article>")
    build.code_digest = code
    build.search_pages = [dict(p, terms=search_index.packed_terms(p)) for p in PAGES]
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


def _finish_entries(cache, site, pages: list) -> dict:
    """finish() of a build whose pages come from the page cache, each under its own entry key:
    [(entry key, page)]; the files written."""
    pagecache._open.clear()
    build = SiteBuild(SITE_FIXTURE, ROOT / "theme", date(2025, 5, 15), cache, "<article>")
    build.code_digest = "ma"
    for key, page in pages:
        build.page_cache.put(key, {"html": b"", "problems": [], "search": [dict(page, terms=search_index.packed_terms(page))]})
        build.cached(key)
    build.finish(site, lambda data, path: atomic.write_file(path, data))
    return {f.relative_to(site).as_posix(): f.read_bytes() for f in (site / search_index.INDEX_DIR).rglob("*.json")}


def test_after_one_page_changed_the_index_is_made_from_the_last_one(tmp_path, monkeypatch):
    """Pages at the same addresses, one of them from another entry: the index is made from the last
    one (search_index.rebuild), the same files as made from nothing; other pages: made from nothing."""
    calls: list = []
    rebuild = search_index.rebuild
    monkeypatch.setattr(search_index, "build", lambda *a, **k: calls.append("build") or BUILD(*a, **k))
    monkeypatch.setattr(search_index, "rebuild", lambda *a, **k: calls.append("rebuild") or rebuild(*a, **k))
    pages = [(f"khoa-{i}", p) for i, p in enumerate(PAGES)]
    _finish_entries(tmp_path / "cache", tmp_path / "site", pages)
    assert calls == ["build"]

    pages[2] = ("khoa-2-moi", dict(PAGES[2], text="Đại hội chi bộ lần thứ 2. Xuân quyết thắng."))
    again = _finish_entries(tmp_path / "cache", tmp_path / "site", pages)
    assert calls == ["build", "rebuild"]
    assert again == _finish_entries(tmp_path / "sach", tmp_path / "site-sach", pages)     # as from nothing
    assert calls[-1] == "build"

    calls.clear()
    pages.append(("khoa-moi", dict(PAGES[0], url="tin-tuc/tin-moi/")))     # another page: ids move
    _finish_entries(tmp_path / "cache", tmp_path / "site", pages)
    assert calls == ["build"]


def test_without_the_groups_a_shard_was_made_of_the_index_is_made_from_every_page(tmp_path, monkeypatch):
    """What each shard was made of is kept with the index for the next rebuild; a cache that lost it
    (damaged, cleaned by hand) makes the index from every page instead: the same files."""
    calls: list = []
    monkeypatch.setattr(search_index, "build", lambda *a, **k: calls.append("build") or BUILD(*a, **k))
    pages = [(f"khoa-{i}", p) for i, p in enumerate(PAGES)]
    _finish_entries(tmp_path / "cache", tmp_path / "site", pages)
    for pack in (tmp_path / "cache" / "trang").rglob("*.pickle"):
        entries = kept.read(pack, pagecache.VERSION)
        kept.write(pack, pagecache.VERSION, {k: v for k, v in entries.items() if not k.startswith("chi-muc-nhom:")})
    pages[2] = ("khoa-2-moi", dict(PAGES[2], text="Đại hội chi bộ lần thứ 2. Xuân quyết thắng."))
    calls.clear()
    again = _finish_entries(tmp_path / "cache", tmp_path / "site", pages)
    assert calls == ["build"]
    assert again == _finish_entries(tmp_path / "sach", tmp_path / "site-sach", pages)
