"""daihoi/cli/kept.py: a value kept for the next run is read back only under the tag it was kept
under; a missing, broken or foreign file reads as nothing; a file that cannot be written is left."""
import pickle

from daihoi.cli import kept


def test_a_value_is_read_back_under_its_tag_only(tmp_path):
    file = tmp_path / "cache" / "x.pickle"
    assert kept.read(file, "v1") is None                 # not there yet
    kept.write(file, "v1", {"Đại hội": [1, 2]})
    assert kept.read(file, "v1") == {"Đại hội": [1, 2]}
    assert kept.read(file, "v2") is None                  # other code made it
    kept.write(file, ("v", 2), [3])                       # replaced whole
    assert kept.read(file, ("v", 2)) == [3] and kept.read(file, "v1") is None


def test_a_broken_or_foreign_file_reads_as_nothing_and_an_unwritable_one_is_left(tmp_path):
    file = tmp_path / "x.pickle"
    file.write_bytes(b"not a pickle")
    assert kept.read(file, "v1") is None
    file.write_bytes(pickle.dumps(("v1", "value", "a third part")))     # another shape (an older version)
    assert kept.read(file, "v1") is None
    blocked = tmp_path / "a-file"
    blocked.write_text("x", encoding="utf-8")
    kept.write(blocked / "x.pickle", "v1", 1)             # its folder is a file: nothing written, no error
    assert kept.read(blocked / "x.pickle", "v1") is None


def test_readings_are_kept_only_when_this_run_read_others(tmp_path):
    file = tmp_path / "readings.pickle"
    parts = kept._parts(file)
    assert kept.readings(file, "v1") == {}                # not there
    kept.write(parts[0], "v1", ["not", "readings"])
    assert kept.readings(file, "v1") == {}                # another shape
    kept.keep_readings(file, "v1", {"a": 1}, set())
    assert kept.readings(file, "v1") == {"a": 1}
    (part,) = [p for p in parts if p.is_file()]
    stamp = part.stat().st_mtime_ns
    kept.keep_readings(file, "v1", {"a": 1}, {"a"})       # just what was taken up: left as it is
    assert part.stat().st_mtime_ns == stamp
    kept.keep_readings(file, "v1", {"b": 2}, {"a"})       # others read: replaced
    assert kept.readings(file, "v1") == {"b": 2}
    for p in parts:
        p.unlink(missing_ok=True)
    kept.keep_readings(file, "v1", {"b": 2}, {"b"})       # taken up, but the file has gone: written
    assert kept.readings(file, "v1") == {"b": 2}


def test_readings_are_kept_in_parts_and_an_edit_writes_only_its_own(tmp_path):
    """Each reading in the part its key's digest names: after one file changed (one key gone, one
    come), only the parts of those two keys are written again; the one file of earlier versions goes."""
    file = tmp_path / "readings.pickle"
    kept.write(file, "v1", {"cũ": 0})                     # as earlier versions kept them
    entries = {("tin", f"{i:04d}.md", bytes([i % 256]) * 32): {"số": i} for i in range(200)}
    kept.keep_readings(file, "v1", entries, set())
    assert not file.exists()
    assert kept.readings(file, "v1") == entries
    inodes = {p: p.stat().st_ino for p in kept._parts(file) if p.is_file()}     # a part written is a new file
    assert len(inodes) == kept.PARTS                      # 200 keys fill every part
    gone, come = ("tin", "0007.md", bytes([7]) * 32), ("tin", "0007.md", b"\xff" * 32)
    changed = {k: v for k, v in entries.items() if k != gone}
    changed[come] = {"số": 7}
    kept.keep_readings(file, "v1", changed, set(entries))
    assert kept.readings(file, "v1") == changed
    written = {p for p, inode in inodes.items() if p.stat().st_ino != inode}
    assert written == {kept._parts(file)[kept._part(gone)], kept._parts(file)[kept._part(come)]}
