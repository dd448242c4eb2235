"""Helpers for the editors' tests: a writable copy of the fixture site."""
from __future__ import annotations

import shutil
from pathlib import Path

from helpers import SITE_FIXTURE

SEEDS = SITE_FIXTURE.parent / "seeds"
TODAY = "2025-05-15"        # inside Đợt 2 of 12-KH/ĐU, 26 days before the opening of phuong-v


def site_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(SITE_FIXTURE, target)
    return target
