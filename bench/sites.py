"""The sites the budget benchmarks measure: the sample (content/) and the synthetic one
(bench/synth.py), built with `python build.py`, and the pages the issue names in each."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2025-05-15"


def build(content: Path, site: Path, cache: Path) -> Path:
    r = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content-dir", str(content),
                        "--site-dir", str(site), "--today", TODAY], capture_output=True, text=True,
                       env=dict(os.environ, DAIHOI_CACHE=str(cache), NO_MKDOCS_2_WARNING="1"))
    if r.returncode != 0:
        sys.exit(f"Dựng {content} không được:\n{r.stderr[-3000:]}")
    return site


def newest_post(content: Path, site: Path) -> str | None:
    """The newest post's page (posts are tin-tuc/<date>-<slug>.md -> tin-tuc/<date>-<slug>/)."""
    for f in sorted((content / "tin-tuc").glob("*.md"), reverse=True):
        if (site / "tin-tuc" / f.stem / "index.html").is_file():
            return f"tin-tuc/{f.stem}/"
    return None


def named_pages(content: Path, site: Path) -> dict[str, str]:
    """{'trang chủ': '', 'kế hoạch': 'ke-hoach/<số>/', 'tin bài': 'tin-tuc/<bài>/'} as built."""
    pages = {"trang chủ": ""}
    plans = sorted(p.parent.name for p in (site / "ke-hoach").glob("*/index.html"))
    if plans:
        pages["kế hoạch"] = f"ke-hoach/{plans[0]}/"
    post = newest_post(content, site)
    if post:
        pages["tin bài"] = post
    return pages
