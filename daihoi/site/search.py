"""Site search: which pages are indexed, and how their text is marked for the index.

The index itself is made by search_index.py from the finished pages and read by
theme/components/search/search-ui.mjs, which the reader's browser loads only once
they start to search: the first view of a page downloads nothing of search.
"""
from __future__ import annotations

SEARCH_PAGE = "tim-kiem.md"
BODY_MARK = "data-pagefind-body"     # Pagefind's attribute names, kept so either indexer can read our pages
# Pages that only list other pages would crowd the results with the same titles.
NOT_INDEXED_KINDS = {"list", "month", "category", "phase", "archive", "search"}
ARTICLE = '<article class="md-content__inner md-typeset">'


def indexed(kind: str | None) -> bool:
    return kind not in NOT_INDEXED_KINDS


def mark_body(html: str) -> str:
    """Mark the page's main text for the index (the header, menus and footer stay out)."""
    return html.replace(ARTICLE, f'<article class="md-content__inner md-typeset" {BODY_MARK}>', 1)
