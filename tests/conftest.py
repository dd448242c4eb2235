"""Fixtures shared by all tests (helpers are in helpers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SITE_FIXTURE, run_cli


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The fixture site built once for 2025-05-15 (inside Đợt 2 of 12-KH/ĐU)."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_cli("build", "--content-dir", SITE_FIXTURE, "--site-dir", out, "--today", "2025-05-15")
    assert result.returncode == 0, result.stderr
    return out
