"""daihoi/site/pagecache.py: entries in 256 packs by key, read when asked for, written when made;
what a build did not use is gone after it; an unreadable or foreign pack or entry is missing."""
from __future__ import annotations

import pickle

from daihoi.site import pagecache
from daihoi.site.pagecache import PageCache
from helpers import ROOT


def _fresh(folder):
    pagecache._open.clear()         # as a new process would: nothing in memory
    return PageCache.open(folder)


def _pack(key):
    return pagecache._pack_name(pagecache._bucket(key))


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_entries_are_read_back_by_a_new_process_and_unused_ones_are_dropped(tmp_path):
    folder = tmp_path / "trang" / "abc"
    cache = _fresh(folder)
    cache.put("page1", {"html": "<p>Một</p>"})
    cache.put("tu:xyz", ["đại", "hội"])
    cache.count(False)
    cache.save()
    assert _files(folder) == sorted({"counts.json", _pack("page1"), _pack("tu:xyz")})
    assert pagecache.last_counts(folder) == {"hits": 0, "misses": 1}

    again = _fresh(folder)
    assert again.get("page1") == {"html": "<p>Một</p>"}
    assert again.get("missing") is None
    again.count(True)
    again.save()                    # "tu:xyz" was not used by this build
    assert _files(folder) == sorted(["counts.json", _pack("page1")])
    assert pagecache.last_counts(folder) == {"hits": 1, "misses": 0}
    assert _fresh(folder).get("tu:xyz") is None and _fresh(folder).get("page1") == {"html": "<p>Một</p>"}


def test_many_entries_share_a_few_packs_and_an_entry_kept_unread_stays(tmp_path):
    # 1,000 entries: at most 256 files, not 1,000. A key kept without being read (a search shard
    # of an unchanged index) stays with the entries of its pack that the build made again.
    folder = tmp_path / "c"
    cache = _fresh(folder)
    for i in range(1000):
        cache.put(f"trang:{i}", {"html": f"<p>{i}</p>"})
    cache.save()
    assert len(list(folder.glob("*.pickle"))) <= pagecache.BUCKETS
    by_pack: dict = {}
    for i in range(1000):
        by_pack.setdefault(_pack(f"trang:{i}"), []).append(f"trang:{i}")
    kept, edited, dropped = next(keys for keys in by_pack.values() if len(keys) >= 3)[:3]
    again = _fresh(folder)
    again.keep(kept)
    again.put(edited, {"html": "<p>sửa</p>"})
    again.save()
    assert len(list(folder.glob("*.pickle"))) == 1          # the others held nothing this build used
    third = _fresh(folder)
    assert third.get(kept) == {"html": f"<p>{kept[6:]}</p>"}
    assert third.get(edited) == {"html": "<p>sửa</p>"}
    assert third.get(dropped) is None                         # in the same pack, not used: dropped


def test_a_build_that_makes_nothing_or_the_same_writes_no_pack(tmp_path):
    folder = tmp_path / "c"
    cache = _fresh(folder)
    cache.put("k", "v")
    cache.save()
    stamp = (folder / _pack("k")).stat().st_mtime_ns
    again = _fresh(folder)
    assert again.get("k") == "v"
    again.save()
    again = _fresh(folder)
    again.put("k", "v")             # made again, the same
    again.save()
    assert (folder / _pack("k")).stat().st_mtime_ns == stamp


def test_unreadable_other_version_or_other_key_is_a_missing_entry(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / _pack("a")).write_bytes(b"not a pickle")
    (folder / _pack("b")).write_bytes(pickle.dumps((pagecache.VERSION - 1, {"b": pickle.dumps("old shape")})))
    (folder / _pack("c")).write_bytes(pickle.dumps((pagecache.VERSION, {"other": pickle.dumps("someone else's")})))
    assert len({_pack("a"), _pack("b"), _pack("c")}) == 3
    cache = _fresh(folder)
    assert cache.get("a") is None and cache.get("b") is None and cache.get("c") is None
    if _pack("d") not in {_pack("a"), _pack("b"), _pack("c")}:
        (folder / _pack("d")).write_bytes(pickle.dumps((pagecache.VERSION, {"d": b"broken entry"})))
        assert _fresh(folder).get("d") is None


def test_entry_files_of_earlier_versions_are_removed(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / ("ab" * 32 + ".pickle")).write_bytes(pickle.dumps((8, "k", "v")))
    cache = _fresh(folder)
    cache.put("k", "v")
    cache.save()
    assert _files(folder) == sorted(["counts.json", _pack("k")])


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
