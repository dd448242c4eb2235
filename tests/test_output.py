"""The site folder written file by file (daihoi/site/output.py): a file is written only when its
bytes change, and what a build no longer makes is removed, whoever made the folder before."""
import os
import shutil
import time

from daihoi.site import output


def _write(content: bytes, path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(content)


def _age(path, seconds=10):
    """Make a file look written `seconds` ago (as the previous build's files are)."""
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_folder_writes_changed_bytes_only_and_removes_what_a_build_no_longer_makes(tmp_path):
    site = tmp_path / "site"
    folder = output.Folder(spared=("tim-kiem/chi-muc",))
    folder.start(str(site))
    for name, text in [("a/index.html", b"A"), ("b/index.html", b"B"), ("c/index.html", b"C")]:
        folder.write(text, str(site / name), _write)
    _write(b"{}", str(site / "tim-kiem/chi-muc/index.json"))
    folder.finish()
    for path in site.rglob("*"):
        if path.is_file():
            _age(path)
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}

    # Next build: a unchanged, b changed, c no longer made (a deleted post).
    folder.start(str(site))
    folder.write(b"A", str(site / "a/index.html"), _write)
    folder.write(b"B2", str(site / "b/index.html"), _write)
    folder.finish()

    assert (site / "a/index.html").stat().st_mtime_ns == before[site / "a/index.html"]     # not written again
    assert (site / "b/index.html").read_bytes() == b"B2"
    assert not (site / "c").exists()                                                        # file and its folder
    assert (site / "tim-kiem/chi-muc/index.json").read_bytes() == b"{}"                     # left to its writer


def test_folder_writes_again_a_file_removed_behind_its_back(tmp_path):
    site = tmp_path / "site"
    folder = output.Folder()
    folder.start(str(site))
    folder.write(b"A", str(site / "a.html"), _write)
    folder.finish()
    (site / "a.html").unlink()
    folder.start(str(site))
    folder.write(b"A", str(site / "a.html"), _write)
    folder.finish()
    assert (site / "a.html").read_bytes() == b"A"


def test_folder_copies_a_source_again_only_when_it_changed(tmp_path):
    site, source = tmp_path / "site", tmp_path / "anh.jpg"
    source.write_bytes(b"jpeg-1")
    calls = []

    def copy(src, dest):
        calls.append(dest)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(src, dest)

    folder = output.Folder()
    for _ in range(2):
        folder.start(str(site))
        folder.copy(str(source), str(site / "anh/anh.jpg"), copy)
        folder.finish()
    assert len(calls) == 1 and (site / "anh/anh.jpg").read_bytes() == b"jpeg-1"
    source.write_bytes(b"jpeg-2, longer")
    folder.start(str(site))
    folder.copy(str(source), str(site / "anh/anh.jpg"), copy)
    folder.finish()
    assert len(calls) == 2 and (site / "anh/anh.jpg").read_bytes() == b"jpeg-2, longer"


def test_a_folder_left_by_another_build_ends_as_a_fresh_build_would_leave_it(tmp_path):
    """The site before last, written into by a new Folder (nothing remembered): what is there is
    compared by its bytes, stale pages and emptied folders go, and no marker file is left."""
    site = tmp_path / "site"
    for name, text in [("a/index.html", b"A"), ("b/index.html", b"B-old"), ("cu/index.html", b"C"),
                       ("anh/x.jpg", b"jpeg-old")]:
        _write(text, str(site / name))
        _age(site / name)
    before = (site / "a/index.html").stat().st_mtime_ns
    source = tmp_path / "x.jpg"
    source.write_bytes(b"jpeg-new")
    folder = output.Folder()
    folder.start(str(site))
    folder.write(b"A", str(site / "a/index.html"), _write)
    folder.write(b"B", str(site / "b/index.html"), _write)        # shorter than what is there
    folder.copy(str(source), str(site / "anh/x.jpg"), lambda s, d: shutil.copyfile(s, d))
    current = folder.current()                  # before finish: what it will leave, stale pages still there
    assert (site / "cu/index.html").is_file()
    folder.finish()
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == ["a/index.html", "anh/x.jpg", "b/index.html"] == current
    assert (site / "a/index.html").stat().st_mtime_ns == before
    assert (site / "b/index.html").read_bytes() == b"B" and (site / "anh/x.jpg").read_bytes() == b"jpeg-new"
    assert not (site / "cu").exists()


def test_an_empty_folder_is_written_without_looking_for_each_file_first(tmp_path, monkeypatch):
    """A first build's folder is empty: nothing is read to compare (a file written twice in it is
    written twice); the next build of the same folder compares again."""
    site = tmp_path / "site"
    looked = []
    real = output.holds
    monkeypatch.setattr(output, "holds", lambda path, data: looked.append(path) or real(path, data))
    folder = output.Folder()
    folder.start(str(site))
    folder.write(b"A", str(site / "a/index.html"), _write)
    folder.write(b"A", str(site / "a/index.html"), _write)
    folder.finish()
    assert looked == [] and (site / "a/index.html").read_bytes() == b"A"

    folder.start(str(site))
    folder.write(b"A", str(site / "a/index.html"), _write)
    folder.finish()
    assert len(looked) == 1 and (site / "a/index.html").read_bytes() == b"A"


def test_a_first_build_ends_without_walking_its_folder_and_without_its_mark(tmp_path, monkeypatch):
    """A folder empty when the build started holds only what this build made: `finish` walks nothing
    and removes nothing but the build's mark; `current` lists every file without asking its time."""
    site = tmp_path / "site"
    folder = output.Folder()
    folder.start(str(site))
    for name in ("a/index.html", "b/c/index.html"):
        folder.write(b"x", str(site / name), _write)
    monkeypatch.setattr(output.os, "stat", lambda *a, **k: (_ for _ in ()).throw(AssertionError("stat")))
    assert folder.current() == ["a/index.html", "b/c/index.html"]
    monkeypatch.setattr(output.os, "walk", lambda *a, **k: (_ for _ in ()).throw(AssertionError("walk")))
    folder.finish()
    monkeypatch.undo()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == \
        ["a/index.html", "b/c/index.html"]


def test_only_folders_left_empty_go_the_deepest_first(tmp_path):
    """finish: a folder goes when no file of it stays and all its folders went (nested stale pages take
    their folders with them); a folder that still holds a file stays, and so do its parents; an empty
    folder left from before goes; a spared folder is left to its writer."""
    site = tmp_path / "site"
    for name in ("x/y/z/cu.html", "p/q/cu.html", "p/giu.html", "tim-kiem/chi-muc/s/da.json"):
        _write(b"old", str(site / name))
        _age(site / name)
    (site / "rong" / "rong-nua").mkdir(parents=True)
    (site / "tim-kiem" / "chi-muc" / "trong").mkdir()
    folder = output.Folder(spared=("tim-kiem/chi-muc",))
    folder.start(str(site))
    folder.write(b"old", str(site / "p/giu.html"), _write)       # kept as it is
    folder.finish()
    left = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    assert left == ["p", "p/giu.html", "tim-kiem", "tim-kiem/chi-muc", "tim-kiem/chi-muc/s",
                    "tim-kiem/chi-muc/s/da.json", "tim-kiem/chi-muc/trong"]
