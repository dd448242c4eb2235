"""daihoi.cli.atomic: staging folders carry their build's process id; what killed builds left is
removed by the next build, and a published site caught between two renames is put back."""
import os
import subprocess
import sys

from daihoi.cli import atomic


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_staging_folders_left_by_dead_builds_are_removed_and_live_ones_kept(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("cũ", encoding="utf-8")
    dead = tmp_path / f".site.new-{dead_pid()}-abc"
    older = tmp_path / ".site.new-k2j3h4"           # named before process ids were written
    live = tmp_path / f".site.new-{os.getppid()}-xyz"
    other = tmp_path / ".khac.new-1-a"              # another target's folder
    for folder in (dead, older, live, other):
        folder.mkdir()
        (folder / "a.html").write_text("x", encoding="utf-8")
    staged = atomic.staging_dir(target)
    assert staged.name.startswith(f".site.new-{os.getpid()}-") and staged.is_dir()
    assert not dead.exists() and not older.exists()
    assert live.exists() and other.exists()
    assert (target / "index.html").read_text(encoding="utf-8") == "cũ"


def test_a_site_moved_aside_by_a_killed_swap_is_put_back(tmp_path):
    target = tmp_path / "site"
    old = tmp_path / f".site.old-{dead_pid()}-abc"
    old.mkdir()
    (old / "index.html").write_text("trang đã đăng", encoding="utf-8")
    assert atomic.remove_stale(target) == []
    assert (target / "index.html").read_text(encoding="utf-8") == "trang đã đăng"
    assert not old.exists()


def test_swap_in_replaces_the_site_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    staged = atomic.staging_dir(target)
    (staged / "index.html").write_text("mới", encoding="utf-8")
    atomic.swap_in(staged, target)
    assert (target / "index.html").read_text(encoding="utf-8") == "mới"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_site_before_last_is_kept_aside_and_becomes_the_next_staging_folder(tmp_path):
    target, kept = tmp_path / "site", tmp_path / "cache" / "ban-truoc" / "abc"
    for n in (1, 2):
        staged = atomic.staging_dir(target, reuse=kept)
        (staged / f"{n}.html").write_text(str(n), encoding="utf-8")
        atomic.swap_in(staged, target, keep=kept)
    assert sorted(p.name for p in target.iterdir()) == ["2.html"]
    assert sorted(p.name for p in kept.iterdir()) == ["1.html"]        # the site before, moved aside
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "site"]
    staged = atomic.staging_dir(target, reuse=kept)                     # the next build writes into it
    assert staged.parent == tmp_path and sorted(p.name for p in staged.iterdir()) == ["1.html"]
    assert not kept.exists()


def test_a_staging_folder_starts_empty_when_nothing_was_kept(tmp_path):
    target = tmp_path / "site"
    staged = atomic.staging_dir(target, reuse=tmp_path / "cache" / "khong-co")
    assert staged.is_dir() and list(staged.iterdir()) == []


def test_holds_is_true_only_for_exactly_the_same_bytes(tmp_path):
    path = tmp_path / "a.html"
    assert not atomic.holds(path, b"A")                 # no file
    path.write_bytes(b"AB")
    assert atomic.holds(path, b"AB")
    assert not atomic.holds(path, b"A") and not atomic.holds(path, b"ABC") and not atomic.holds(path, b"AC")
