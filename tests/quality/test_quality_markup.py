"""hooks/mkdocs_adapter.py: the fixes to Material's base markup, on the markup itself."""
from __future__ import annotations

import importlib.util

from helpers import ROOT

spec = importlib.util.spec_from_file_location("mkdocs_adapter", ROOT / "hooks" / "mkdocs_adapter.py")
markup = importlib.util.module_from_spec(spec)
spec.loader.exec_module(markup)

TOGGLES = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
           '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
           '<input type="text" autocomplete="off">')


def test_quality_markup_drops_autocomplete_from_toggles_only():
    out = markup.valid_markup(TOGGLES)
    assert 'id="__drawer">' in out and 'id="__search">' in out
    assert out.count('autocomplete="off"') == 1                  # the text box keeps it


def test_quality_markup_unlinks_toc_label_only_without_its_checkbox():
    label = '<label class="md-nav__title" for="__toc">'
    assert 'for="__toc"' not in markup.valid_markup(label)
    with_box = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + label
    assert markup.valid_markup(with_box) == with_box
