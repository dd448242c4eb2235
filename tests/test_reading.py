"""daihoi.site.reading: finished pages read in the worker processes (the last safety check and the
search text) give what reading them in the build's own process gives, and an unsafe page still
stops the build, at its end, naming the page's file, with nothing kept."""
from datetime import date

import pytest

from helpers import ROOT, SITE_FIXTURE
from daihoi.cli import atomic
from daihoi.model.problems import ContentError
from daihoi.site import reading
from daihoi.site.builder import Page, SiteBuild

ARTICLE = '<article class="md-content__inner md-typeset">'
PAGE = ('<html><head><title>{0}</title></head><body><nav>Trang chủ</nav>' + ARTICLE +
        '<h1>{0}</h1><p>{1} <a href="https://tinhuy.example.gov.vn/">Tỉnh ủy</a></p></article></body></html>')


def new_build(tmp_path, monkeypatch, workers: str) -> SiteBuild:
    monkeypatch.setenv("DAIHOI_WORKERS", workers)
    return SiteBuild(SITE_FIXTURE, ROOT / "theme", date(2025, 5, 15), tmp_path / "cache", ARTICLE)


def finish_pages(build: SiteBuild, count: int, tmp_path, unsafe: int | None = None) -> list:
    outputs = []
    for i in range(count):
        page = Page(src=f"trang-{i}.md", url=f"trang-{i}/", canonical_url=None, is_homepage=False,
                    title=f"Trang {i}", meta={})
        body = f"Đại hội đại biểu lần thứ {i}, nhiệm kỳ 2025 – 2030."
        if i == unsafe:
            body += '<img src="https://anh.example.com/a.png">'
        search_from = len(build.search_pages)          # as the adapter asks: before the page is finished
        outputs.append(build.finished(page, PAGE.format(f"Trang số {i}", body), f"content/trang-{i}.md"))
        build.keep(f"khoa-{i}", outputs[-1], 0, search_from, warnings=[], anchors=[], links={})
    build.finish(tmp_path / "site", lambda data, path: atomic.write_file(path, data))
    return outputs


def test_pages_read_in_other_processes_give_what_reading_them_here_gives(tmp_path, monkeypatch):
    count = reading.BATCH * 2 + 7       # full batches and a last part
    here = new_build(tmp_path / "a", monkeypatch, "1")
    assert here._reader is None
    pages_here = finish_pages(here, count, tmp_path / "a")
    there = new_build(tmp_path / "b", monkeypatch, "2")
    assert there._reader is not None
    pages_there = finish_pages(there, count, tmp_path / "b")
    assert pages_there == pages_here
    assert 'rel="noopener noreferrer"' in pages_here[0]
    assert [p["url"] for p in there.search_pages] == [f"trang-{i}/" for i in range(count)]
    assert there.search_pages == here.search_pages
    assert there.search_pages[3]["title"] == "Trang số 3" and "lần thứ 3" in there.search_pages[3]["text"]
    for i in (0, count - 1):            # each page kept with its own search text
        assert there.page_cache.get(f"khoa-{i}")["search"] == here.page_cache.get(f"khoa-{i}")["search"] == \
            [here.search_pages[i]]
    index = sorted(p.relative_to(tmp_path / "a" / "site") for p in (tmp_path / "a" / "site").rglob("*") if p.is_file())
    assert index and index == sorted(p.relative_to(tmp_path / "b" / "site")
                                     for p in (tmp_path / "b" / "site").rglob("*") if p.is_file())


def test_an_unsafe_page_read_in_another_process_stops_the_build_at_its_end(tmp_path, monkeypatch):
    build = new_build(tmp_path, monkeypatch, "2")
    with pytest.raises(ContentError) as err:
        finish_pages(build, 60, tmp_path, unsafe=55)
    assert "content/trang-55.md: Trang dựng ra có nội dung không an toàn" in str(err.value)
    assert "tải tệp từ máy chủ bên ngoài" in str(err.value)
    assert build.page_cache.get("khoa-0") is None           # nothing of this build is kept
    assert not (tmp_path / "site").exists()                 # nor its search index written


def test_an_unsafe_page_read_here_stops_the_build_at_the_page(tmp_path, monkeypatch):
    build = new_build(tmp_path, monkeypatch, "1")
    with pytest.raises(ContentError) as err:
        finish_pages(build, 5, tmp_path, unsafe=2)
    assert "content/trang-2.md: Trang dựng ra có nội dung không an toàn" in str(err.value)
