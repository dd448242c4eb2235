"""Fixtures for the documents tests: the plans in fixtures/ (written by hand from the
seed plans, never read from /work/shared) and their documents, generated once."""

from __future__ import annotations

import pytest

from docs_helpers import PLAN_NAMES, generate, load_plan


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """{plan name: (plan, out_dir, downloads)}, generated once with a cache."""
    root = tmp_path_factory.mktemp("documents")
    result = {}
    for name in PLAN_NAMES:
        out = root / "site"
        result[name] = (load_plan(name), out, generate(name, out, root / "cache"))
    return result
