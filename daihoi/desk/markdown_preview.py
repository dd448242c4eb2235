"""A post's text as the page will show it: Python-Markdown with the site's extensions, then the
site's allow-list (daihoi.site.sanitize), so what the preview keeps is what the page keeps.

The extensions are read from mkdocs.yml (`markdown_extensions`) as data: the desk does not
import the engine, and the list is written once.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import markdown
import yaml

from daihoi.site import sanitize

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def _extensions() -> tuple[list, dict]:
    try:
        config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    names, options = [], {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for name, opts in entry.items():
                names.append(name)
                options[name] = opts or {}
    return names, options


def render(text: str) -> tuple[str, list]:
    """(clean HTML, what the allow-list removed) for a post body."""
    names, options = _extensions()
    html = markdown.Markdown(extensions=names, extension_configs=options).convert(text or "")
    cleaned = sanitize.clean_fragment(html)
    return cleaned.html, cleaned.removed
