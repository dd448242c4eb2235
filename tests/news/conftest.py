"""Fixtures of the news tests: the fixture site with posts, built once."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news_helpers import news_site  # noqa: E402


@pytest.fixture(scope="session")
def news_built(tmp_path_factory) -> Path:
    return news_site(tmp_path_factory)
