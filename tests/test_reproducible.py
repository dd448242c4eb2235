"""Reproducible builds: the same content and the same day give byte-identical sites.

Everything the build writes is compared (pages, JSON, sitemap and its gzip
header, and whatever documents the build makes: PDF, DOCX, ICS, pictures),
from two copies of the content in different folders into different site
folders, each with an empty documents cache, once with --today and once with
SOURCE_DATE_EPOCH alone.
"""
import gzip
import os
import shutil
import struct
import subprocess
import sys
from datetime import date, datetime, timezone

from helpers import ROOT, SITE_FIXTURE, tree_digest

import build


def build_with(env: dict, *args) -> subprocess.CompletedProcess:
    """run_cli, with our own documents cache (run_cli fixes the shared one)."""
    full = {k: v for k, v in os.environ.items() if k not in ("DAIHOI_TODAY", "SOURCE_DATE_EPOCH")}
    full.update(NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", env=full, timeout=300)


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path):
    day = date(2025, 5, 15)
    epoch = build.source_date_epoch(day)
    sites = []
    for name, args, env in [("a", ["--today", day.isoformat()], {}),
                            ("b", [], {"SOURCE_DATE_EPOCH": str(epoch)})]:
        # An empty documents cache each time: PDF, DOCX, ICS are made afresh, not copied.
        env["DAIHOI_CACHE"] = str(tmp_path / name / "cache")
        content = tmp_path / name / "noi-dung"
        shutil.copytree(SITE_FIXTURE, content)
        site = tmp_path / name / f"site-{name}"
        r = build_with(env, "build", "--content-dir", content, "--site-dir", site, *args)
        assert r.returncode == 0, r.stderr
        sites.append(site)
    first, second = (tree_digest(s) for s in sites)
    kinds = {name.rsplit(".", 1)[-1] for name in first}
    assert {"html", "json", "xml", "gz"} <= kinds
    print("determinism: compared", len(first), "files of kinds", sorted(kinds))
    assert sorted(first) == sorted(second)
    assert [n for n in first if first[n] != second[n]] == []

    # The engine's own dates follow the day: sitemap <lastmod> and the gzip header's mtime.
    sitemap = (sites[0] / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2025-05-15</lastmod>" in sitemap
    raw = (sites[0] / "sitemap.xml.gz").read_bytes()
    midnight = datetime(2025, 5, 15, tzinfo=timezone.utc).timestamp()    # MkDocs keeps the date only
    assert struct.unpack("<I", raw[4:8])[0] == midnight
    assert gzip.decompress(raw).decode("utf-8") == sitemap
    # No trace of where it was built.
    for site in sites:
        for file in site.rglob("*"):
            if file.is_file() and file.suffix in (".html", ".json", ".xml", ".ics", ".js", ".css"):
                assert str(tmp_path) not in file.read_text(encoding="utf-8", errors="replace"), file


def test_epoch_is_the_same_day_everywhere():
    from datetime import timedelta

    for day in (date(2016, 1, 4), date(2025, 12, 31)):
        epoch = build.source_date_epoch(day)
        for hours in range(-11, 12):
            assert datetime.fromtimestamp(epoch, timezone(timedelta(hours=hours))).date() == day
