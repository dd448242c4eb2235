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
    assert kept.readings(file, "v1") == {}                # not there
    kept.write(file, "v1", ["not", "readings"])
    assert kept.readings(file, "v1") == {}                # another shape
    kept.keep_readings(file, "v1", {"a": 1}, set())
    assert kept.readings(file, "v1") == {"a": 1}
    stamp = file.stat().st_mtime_ns
    kept.keep_readings(file, "v1", {"a": 1}, {"a"})       # just what was taken up: left as it is
    assert file.stat().st_mtime_ns == stamp
    kept.keep_readings(file, "v1", {"b": 2}, {"a"})       # others read: replaced
    assert kept.readings(file, "v1") == {"b": 2}
    file.unlink()
    kept.keep_readings(file, "v1", {"b": 2}, {"b"})       # taken up, but the file has gone: written
    assert kept.readings(file, "v1") == {"b": 2}
