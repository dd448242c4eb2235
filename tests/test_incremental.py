"""Rebuilding only what changed (daihoi/site/pagecache.py): after one post is edited, a build that
takes the other pages from the cache gives byte for byte the site a clean build of the edited
content gives, and it did take them from the cache; written into the site before last
(daihoi/site/output.py), it leaves unchanged files alone and removes a deleted post's page."""
from __future__ import annotations

import pickle
import shutil

import pytest
from pathlib import Path

from helpers import ROOT, run_cli, tree_digest
from daihoi.site import pagecache


def _build(content: Path, site: Path, cache: Path) -> None:
    result = run_cli("build", "--content-dir", content, "--site-dir", site, "--today", "2020-09-15",
                     env={"DAIHOI_CACHE": str(cache)})
    assert result.returncode == 0, result.stderr


def _counts(cache: Path) -> dict:
    (folder,) = (cache / "trang").iterdir()
    return pagecache.last_counts(folder)


def _files(site: Path) -> dict:
    return {f.relative_to(site).as_posix(): (f.stat().st_mtime_ns, f.read_bytes()) for f in site.rglob("*") if f.is_file()}


def _entries(folder: Path) -> dict:
    return {f.name: (f.stat().st_mtime_ns, f.read_bytes()) for f in folder.iterdir() if f.name != pagecache.COUNTS}


def _assert_mkdocs_own_order(site: Path) -> None:
    """The build reads the posts first (the plans' files are made meanwhile), then puts MkDocs' own
    order back: the sitemap starts with the home page and lists the plans before the posts."""
    import re

    paths = [re.sub(r"^https?://[^/]+(/[^/]+)?/", "", u) for u in
             re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))]
    posts = [i for i, p in enumerate(paths) if re.match(r"tin-tuc/\d{4}-", p)]
    plans = [i for i, p in enumerate(paths) if p.startswith("ke-hoach/") and p != "ke-hoach/"]
    assert posts and plans and paths[0] == "", paths[:5]
    assert max(plans) < min(posts), paths[:10]


def test_one_post_edited_rebuilds_to_the_same_bytes_as_a_clean_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    warm = tmp_path / "cache-am"
    _build(content, tmp_path / "site", warm)
    first = _counts(warm)
    assert first["hits"] == 0 and first["misses"] > 20
    _assert_mkdocs_own_order(tmp_path / "site")

    (kept,) = (warm / "trang").iterdir()
    stamp = _entries(kept)
    _build(content, tmp_path / "site", warm)               # nothing changed: every page from the cache
    assert _counts(warm) == {"hits": first["misses"], "misses": 0}
    assert _entries(kept) == stamp          # and no entry is written again
    built_second = _files(tmp_path / "site")

    # Only a post's text changed: the other pages' contexts are the same (SiteBuild.page_entry),
    # and only that post is made again.
    post = sorted((content / "tin-tuc").glob("2020-*.md"))[0]
    text = post.read_text(encoding="utf-8")
    post.write_text(text + "\nMột câu viết thêm.\n", encoding="utf-8")
    _build(content, tmp_path / "site", warm)
    assert _counts(warm) == {"hits": first["misses"] - 1, "misses": 1}
    _build(content, tmp_path / "clean", tmp_path / "cache-sach")
    assert tree_digest(tmp_path / "site") == tree_digest(tmp_path / "clean")
    shutil.rmtree(tmp_path / "clean")

    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("title: \"", "title: \"(Cập nhật) ", 1) + "\nMột đoạn viết thêm.\n", encoding="utf-8")
    _build(content, tmp_path / "site", warm)
    again = _counts(warm)
    # The post, the lists and pages that show its title, its neighbours' links: not every page.
    assert 1 <= again["misses"] < first["misses"] // 2 and again["hits"] > 0

    _build(content, tmp_path / "clean", tmp_path / "cache-sach")
    assert tree_digest(tmp_path / "site") == tree_digest(tmp_path / "clean")
    # That build wrote into the second build's folder (daihoi/cli/atomic.py keeps the site before
    # last): a file whose bytes did not change was left as it was, time and all.
    now = _files(tmp_path / "site")
    untouched = [p for p, (time, data) in now.items() if built_second.get(p) == (time, data)]
    assert len(untouched) > len(now) // 2 and any(p.endswith(".html") for p in untouched)
    assert [p for p in now if p.endswith(".html") and now[p][0] == built_second.get(p, (None,))[0]
            and now[p][1] != built_second[p][1]] == []

    # A post deleted: its page goes from the folder written into (the second build's).
    post.unlink()
    _build(content, tmp_path / "site", warm)
    shutil.rmtree(tmp_path / "clean")
    _build(content, tmp_path / "clean", tmp_path / "cache-sach")
    assert tree_digest(tmp_path / "site") == tree_digest(tmp_path / "clean")
    assert not (tmp_path / "site" / "tin-tuc" / post.stem).exists()


def test_pages_whose_file_and_data_did_not_change_are_not_read_again(tmp_path, monkeypatch):
    """SiteBuild.known_page: a rebuild reads (SiteBuild.page) only the pages whose file changed, and
    the pages that list the plans' files (their sizes come from code the data leaves out)."""
    from daihoi.site.builder import SiteBuild
    from hooks import mkdocs_adapter

    monkeypatch.setenv("DAIHOI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("DAIHOI_WORKERS", "1")
    monkeypatch.setenv("DAIHOI_TODAY", "2020-09-15")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    read: list = []
    real = SiteBuild.page
    monkeypatch.setattr(SiteBuild, "page", lambda self, src, *args: read.append(src) or real(self, src, *args))
    mkdocs_adapter.build_site(content, tmp_path / "site")
    assert len(read) > 20
    pages = len(read)
    always = sorted(str(p.relative_to(content).as_posix()) for p in (content / "ke-hoach").glob("*.md")
                    if p.name != "index.md") + ["tai-lieu.md"]
    read.clear()
    mkdocs_adapter.build_site(content, tmp_path / "site-2")
    assert sorted(read) == always
    # MkDocs' readings of the front matter of the pages not read are still kept, for a later build.
    (parts,) = (tmp_path / "cache" / "nguon-mkdocs").iterdir()         # kept in parts (daihoi/cli/kept.py)
    kept_readings = {key: value for part in parts.iterdir() for key, value in pickle.loads(part.read_bytes())[1].items()}
    assert len(kept_readings) == pages
    assert tree_digest(tmp_path / "site-2") == tree_digest(tmp_path / "site")

    post = sorted((content / "tin-tuc").glob("2020-*.md"))[0]
    post.write_text(post.read_text(encoding="utf-8") + "\nMột câu viết thêm.\n", encoding="utf-8")
    read.clear()
    mkdocs_adapter.build_site(content, tmp_path / "site-3")
    assert sorted(read) == sorted(always + [post.relative_to(content).as_posix()])


def test_the_engine_takes_the_checks_reading_of_the_site_and_the_posts(tmp_path, monkeypatch):
    """build.py's check reads the site and the posts without error, and the engine's build takes that
    reading (build_site's `checked`) instead of reading every page again: the same site as a build
    that reads them itself. A reading of another folder is not taken."""
    import build
    from daihoi.model import content as content_model
    from daihoi.model import news
    from hooks import mkdocs_adapter

    monkeypatch.setenv("DAIHOI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("DAIHOI_WORKERS", "1")
    monkeypatch.setenv("DAIHOI_TODAY", "2020-09-15")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    mkdocs_adapter.build_site(content, tmp_path / "site")

    check = build.ContentCheck(build.parser().parse_args(["build", "--content-dir", str(content)]), aside=True)
    folder, site, posts = check.checked
    assert folder == content and site is check.site and posts
    class ReadAgain(Exception):
        pass

    def read_again(*args, **kwargs):
        raise ReadAgain(args[0])
    for module in (content_model, news):
        monkeypatch.setattr(module, "load", read_again)
    mkdocs_adapter.build_site(content, tmp_path / "site-2", checked=check.checked)
    assert tree_digest(tmp_path / "site-2") == tree_digest(tmp_path / "site")

    other = tmp_path / "other"
    shutil.copytree(content, other)
    with pytest.raises(ReadAgain, match="other"):
        mkdocs_adapter.build_site(other, tmp_path / "site-3", checked=check.checked)
