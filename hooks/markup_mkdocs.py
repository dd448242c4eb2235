"""Valid HTML where Material's base template has no block to override (checked by
tests/quality/test_quality_html.py with the Nu Html Checker).

- Material writes `autocomplete="off"` on its two toggle checkboxes (drawer, search): the
  attribute is not allowed on a checkbox. It only kept Firefox from restoring a toggle's
  state on reload; the drawer starts closed either way.
- Material's table of contents has `<label for="__toc">` whose checkbox exists only on
  pages in the navigation; on a page outside it (the editors' guide) the label points at
  nothing. Without Material's JavaScript the label toggles nothing anyway.
"""
from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                     r'id="__(?:drawer|search)") autocomplete="off">')


def valid_markup(html: str) -> str:
    html = _TOGGLE.sub(r"\1>", html)
    if 'for="__toc"' in html and 'id="__toc"' not in html:
        html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return html


def on_post_page(output, page, config):
    return valid_markup(output)


def on_post_template(output_content, template_name, config):
    return valid_markup(output_content) if template_name.endswith(".html") else output_content
