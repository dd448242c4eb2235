"""axe-core (npm, injected into the page) finds no WCAG 2.2 A/AA violation on any kind of page,
with the page's scripts running and without them, in Chromium on a 360x800 phone screen."""
from __future__ import annotations

import json
import sys
from urllib.parse import urlparse

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "tests" / "quality"))   # shared with tests/quality
from quality_pages import AXE_JS, NPM_HINT, one_page_per_kind  # noqa: E402

# Every A and AA rule of WCAG 2.0, 2.1 and 2.2 (axe tags each rule with the version that added it).
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[dict]:
    assert AXE_JS.is_file(), f"Thiếu axe-core ({AXE_JS}). {NPM_HINT}"
    # Through the DevTools protocol: no request of the page's, and the page's strict
    # Content-Security-Policy (no inline script) stays on.
    page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;void 0")
    assert page.evaluate("typeof axe") == "object"
    return page.evaluate(
        # target-size (2.5.8, WCAG 2.2 AA) is off by default in axe 4.x: turned on by name.
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, rules: {'target-size': {enabled: true}},
                                      resultTypes: ['violations']})
             .then(r => r.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
               where: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))""", WCAG_22_AA)


@pytest.mark.parametrize("scripts", ["with-js", "without-js"])
def test_quality_no_wcag22_aa_violation_on_any_kind_of_page(phone, server, built_site, scripts):
    pages = one_page_per_kind(built_site)
    assert {"", "khau-hieu/", "tai-lieu/", "ke-hoach/"} <= set(pages)
    found = {}
    p = phone(clock="2025-05-15T10:00:00+07:00")
    if scripts == "without-js":
        # The page as a reader with JavaScript off gets it: none of its scripts run. (axe runs in
        # the page's JS engine, so the page's scripts are refused instead of JS being turned off.)
        p.page.route("**/*.js", lambda route: route.abort())
    for path in pages:
        page = p.open(path)
        page.wait_for_load_state("load")
        violations = axe_violations(page)
        # Every kind of page also renders with no script error, nothing from another host,
        # nothing wider than the phone.
        if p.errors and scripts == "with-js":     # refused scripts log errors by design
            violations.append({"rule": "console-error", "where": p.errors[:]})
        outside = sorted({urlparse(u).netloc for u in p.requests} - {urlparse(server).netloc})
        if outside:
            violations.append({"rule": "outside-host", "where": outside})
        if page.evaluate("document.documentElement.scrollWidth") > 360:
            violations.append({"rule": "wider-than-phone", "where": [path]})
        if violations:
            found[path or "/"] = violations
        p.errors.clear()
        p.requests.clear()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
