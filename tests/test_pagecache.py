"""daihoi/site/pagecache.py: one file per entry, read when asked for, written when made; what a
build did not use is gone after it; an unreadable or foreign file is a missing entry."""
from __future__ import annotations

import pickle

from daihoi.site import pagecache
from daihoi.site.pagecache import PageCache
from helpers import ROOT


def _fresh(folder):
    pagecache._open.clear()         # as a new process would: nothing in memory
    return PageCache.open(folder)


def test_entries_are_read_back_by_a_new_process_and_unused_ones_are_dropped(tmp_path):
    folder = tmp_path / "trang" / "abc"
    cache = _fresh(folder)
    cache.put("page1", {"html": "<p>Một</p>"})
    cache.put("tu:xyz", ["đại", "hội"])
    cache.count(False)
    cache.save()
    assert sorted(p.name for p in folder.iterdir()) == ["counts.json", "page1.pickle", "tu_xyz.pickle"]
    assert pagecache.last_counts(folder) == {"hits": 0, "misses": 1}

    again = _fresh(folder)
    assert again.get("page1") == {"html": "<p>Một</p>"}
    assert again.get("missing") is None
    again.count(True)
    again.save()                    # "tu:xyz" was not used by this build
    assert sorted(p.name for p in folder.iterdir()) == ["counts.json", "page1.pickle"]
    assert pagecache.last_counts(folder) == {"hits": 1, "misses": 0}


def test_a_build_that_makes_nothing_writes_no_entry(tmp_path):
    folder = tmp_path / "c"
    cache = _fresh(folder)
    cache.put("k", "v")
    cache.save()
    stamp = (folder / "k.pickle").stat().st_mtime_ns
    again = _fresh(folder)
    assert again.get("k") == "v"
    again.save()
    assert (folder / "k.pickle").stat().st_mtime_ns == stamp


def test_unreadable_other_version_or_other_key_is_a_missing_entry(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.pickle").write_bytes(b"not a pickle")
    (folder / "b.pickle").write_bytes(pickle.dumps((pagecache.VERSION - 1, "b", "old shape")))
    (folder / "c.pickle").write_bytes(pickle.dumps((pagecache.VERSION, "other", "someone else's")))
    cache = _fresh(folder)
    assert cache.get("a") is None and cache.get("b") is None and cache.get("c") is None


def test_the_one_file_cache_of_earlier_versions_is_removed(tmp_path):
    (tmp_path / "abc.pickle").write_bytes(b"x" * 100)
    (tmp_path / "abc.counts.json").write_text("{}")
    cache = _fresh(tmp_path / "abc")
    cache.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["abc"]


def test_digest_is_of_values_not_of_the_objects_that_hold_them():
    from datetime import date

    from daihoi.site.pagecache import digest

    shared = "Đại hội " * 20
    one = {"dh_news": [{"title": shared, "date": date(2025, 5, 15)}, {"title": shared, "date": date(2025, 5, 15)}]}
    other = {"dh_news": [{"title": "".join(["Đại hội "] * 20), "date": date(2025, 5, 15)},
                         {"title": ("Đại hội " * 20)[:], "date": date.fromisoformat("2025-05-15")}]}
    assert one["dh_news"][0]["title"] is one["dh_news"][1]["title"]       # one object met twice: pickle's memo
    assert digest("k", one) == digest("k", other)
    # Different values, or the same values cut into other parts, differ.
    assert len({digest("ab", "c"), digest("a", "bc"), digest(b"ab", "c"), digest("1"), digest(1), digest(True),
                digest([1, 2]), digest((1, 2)), digest({"a": 1, "b": 2}), digest({"b": 2, "a": 1}),
                digest(None), digest(""), digest()}) == 13
    # What pickle cannot write is taken by its repr, without failing.
    assert digest(["x", len]) == digest(["x", len])


def test_digest_is_the_same_in_another_process():
    """Keys must be found again by the next build: no string hashing or object identity in them."""
    import os
    import subprocess
    import sys

    script = ("import sys; sys.path.insert(0, {root!r})\n"
              "from datetime import date\n"
              "from daihoi.site.pagecache import digest\n"
              "print(digest('trang', {{'dh': [{{'t': 'Đại hội', 'd': date(2025, 5, 15), 'n': 3, 'x': None}}] * 3, "
              "'ok': (True, 1.5)}}))\n").format(root=str(ROOT))
    seen = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "2", "3")}
    assert len(seen) == 1 and len(next(iter(seen)).strip()) == 64
