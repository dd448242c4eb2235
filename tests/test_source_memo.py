"""daihoi/model/source.py remember/keep: front matter parsed by the last run is taken up by the
next, by the digest of each file's bytes; a changed file, or other code, is read again."""
from __future__ import annotations

from daihoi.cli import kept
from daihoi.model import source


def _write(path, title):
    path.write_text(f'---\ntitle: "{title}"\n---\n\nNội dung.\n', encoding="utf-8")


def test_a_file_read_before_is_not_parsed_again_and_a_changed_one_is(tmp_path, monkeypatch):
    page, memo = tmp_path / "bai.md", tmp_path / "cache" / "nguon.pickle"
    _write(page, "Đại hội")
    source._read.clear()
    source.remember(memo, "code-1")
    assert source.read(page, "bai.md")[0].data == {"title": "Đại hội"}
    source.keep(memo, "code-1")
    (part,) = [p for p in kept._parts(memo) if p.is_file()]    # daihoi/cli/kept.py: one reading, one part

    source._read.clear()                # a new run
    parsed = []
    real = source._read_bytes
    monkeypatch.setattr(source, "_read_bytes", lambda *a: parsed.append(a[2]) or real(*a))
    source.remember(memo, "code-1")
    assert source.read(page, "bai.md")[0].data == {"title": "Đại hội"}
    assert parsed == []
    stamp = part.stat().st_mtime_ns
    source.keep(memo, "code-1")
    assert part.stat().st_mtime_ns == stamp      # nothing new: not written again

    _write(page, "Đại hội XIV")
    assert source.read(page, "bai.md")[0].data == {"title": "Đại hội XIV"}
    assert parsed == ["bai.md"]


def test_what_other_code_wrote_is_not_taken_up(tmp_path, monkeypatch):
    page, memo = tmp_path / "bai.md", tmp_path / "nguon.pickle"
    _write(page, "Một")
    source._read.clear()
    source.remember(memo, "code-1")
    source.read(page, "bai.md")
    source.keep(memo, "code-1")
    source._read.clear()
    parsed = []
    real = source._read_bytes
    monkeypatch.setattr(source, "_read_bytes", lambda *a: parsed.append(a[2]) or real(*a))
    source.remember(memo, "code-2")
    source.read(page, "bai.md")
    assert parsed == ["bai.md"]


def test_an_unreadable_memo_is_ignored(tmp_path):
    memo = tmp_path / "nguon.pickle"
    for part in kept._parts(memo):
        part.parent.mkdir(exist_ok=True)
        part.write_bytes(b"\x80not a pickle")
    source.remember(memo, "code-1")     # no error
    page = tmp_path / "a.md"
    _write(page, "Hai")
    assert source.read(page, "a.md")[0].data == {"title": "Hai"}


def test_the_content_checks_worker_parses_no_page_the_build_read(tmp_path, monkeypatch):
    """after_plans in a worker is handed the build's readings (source.known), pickled as a pool does:
    it parses none of those pages again, and finds the same problems as a check that parses them."""
    import pickle
    import shutil
    from pathlib import Path

    from daihoi.model import content
    from daihoi.site import content_check

    root = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", root)     # the sample: plans and posts
    source._read.clear()
    site, _ = content.load(root)
    handed = pickle.loads(pickle.dumps(source.known()))
    assert len(handed) >= 4
    expected = content_check.after_plans(root, site.plans, site.congresses)

    source._read.clear()                # the worker process starts without them
    parsed = []
    real = source._read_bytes
    monkeypatch.setattr(source, "_read_bytes", lambda *a: parsed.append(a[2]) or real(*a))
    assert content_check.after_plans(root, site.plans, site.congresses, handed) == expected
    assert not [name for name in parsed if name.endswith(".md")]


def test_the_posts_are_checked_once_for_the_check_and_the_build(tmp_path, monkeypatch):
    """The build's check reads the posts against the plans in the build's own process
    (content_check.posts_problems, the folder as the editor typed it), and the engine's reading of
    them (news.load, by the folder's full path) takes that up: no post is modelled twice. The check
    without the posts (the worker's part) and posts_problems together find what the whole check finds."""
    import shutil
    from pathlib import Path

    from daihoi.model import content, news
    from daihoi.site import content_check

    root = tmp_path / "noi-dung"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", root)
    monkeypatch.chdir(tmp_path)
    news._read.clear()
    site, _ = content.load(Path("noi-dung"))
    modelled = []
    real = news.read_post
    monkeypatch.setattr(news, "read_post", lambda file, *a: modelled.append(file.name) or real(file, *a))
    found = content_check.posts_problems(Path("noi-dung"), site.plans, site.congresses)
    assert modelled
    first = list(modelled)
    posts, again = news.load(root.resolve(), site.plans, site.congresses)
    assert posts and again == found and modelled == first
    whole = content_check.after_plans(Path("noi-dung"), site.plans, site.congresses)
    rest = content_check.after_plans(Path("noi-dung"), site.plans, site.congresses, posts=False)
    assert sorted(found + rest) == sorted(whole)


def test_within_one_reading_a_file_is_read_once_and_every_reader_takes_those_bytes(tmp_path, monkeypatch):
    """source.one_reading (a build's own process): a file is read from the disk once; what is saved
    after that is read by the next build, as is every file outside it (the preview, the desk)."""
    import hashlib
    from pathlib import Path

    page = tmp_path / "bai.md"
    _write(page, "Một")
    first = page.read_bytes()
    opened: list = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self.name) or real(self))
    with source.one_reading():
        assert source.file_bytes(page) == (first, hashlib.sha256(first).digest())
        _write(page, "Hai")                                  # saved while the build runs
        assert source.file_bytes(str(page))[0] == first       # the same file, however it is named
        assert source.read(page, "bai.md")[0].data == {"title": "Một"}
        assert opened == ["bai.md"]
    assert source.file_bytes(page)[0] == page.read_bytes() != first
    assert source.read(page, "bai.md")[0].data == {"title": "Hai"}
