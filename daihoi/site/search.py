"""Site search: which pages are indexed, how their text is marked for the index, and what a
result is called.

The index itself is made by search_index.py from the finished pages and read by
theme/components/search/search-ui.mjs, which the reader's browser loads only once
they start to search: the first view of a page downloads nothing of search.
"""
from __future__ import annotations

SEARCH_PAGE = "tim-kiem.md"
BODY_MARK = "data-pagefind-body"     # Pagefind's attribute names, kept so either indexer can read our pages
# Pages that only list other pages would crowd the results with the same titles.
NOT_INDEXED_KINDS = {"list", "month", "category", "phase", "archive", "search"}
# Pages for editors, not readers (the guide is published by `serve` only; never indexed).
EDITORS_ONLY = ("huong-dan/",)


def indexed(kind: str | None, src_path: str = "") -> bool:
    return kind not in NOT_INDEXED_KINDS and not src_path.startswith(EDITORS_ONLY)


def mark_body(html: str, article: str) -> str:
    """Mark the page's main text for the index (the header, menus and footer stay out).
    `article`: the opening tag of the theme's main article, as the engine's adapter knows it."""
    return html.replace(article, f"{article[:-1]} {BODY_MARK}>", 1)


def plan_result_title(plan_name: str, plan_title: str) -> str:
    """A plan's result: "Kế hoạch số 38-KH/ĐU: Tuyên truyền đại hội …" (its number and
    its subject, the trích yếu), not the page's heading "KẾ HOẠCH Tuyên truyền …",
    which every plan shares and which says nothing of which plan it is."""
    return f"{plan_name}: {plan_title}" if plan_title else plan_name
