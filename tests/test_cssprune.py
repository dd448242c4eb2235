"""daihoi.site.cssprune: only the CSS the pages and scripts can use, the same bytes every time."""
from __future__ import annotations

import pytest
import tinycss2

from helpers import ROOT
from daihoi.site import assets, cssprune

RUNTIME = ROOT / "theme" / "components" / "base" / "css-runtime.txt"


def used_by(html: str, script: str = "") -> cssprune.Used:
    used = cssprune.Used()
    cssprune.scan_tags(cssprune.page_tags(html.encode("utf-8")), used)
    if script:
        cssprune.scan_script(script, used)
    return used


def matches(selector: str, used: cssprune.Used) -> bool:
    (rule,) = tinycss2.parse_stylesheet(selector + "{}")
    return cssprune.can_match(rule.prelude, used)


PAGE = ('<html class="no-js" dir="ltr"><body><div class="md-grid box" id="top" data-kind="before">'
        '<a href="x/">a</a><input type="search" hidden><details open><summary>s</summary></details></div>')


@pytest.mark.parametrize("selector,kept", [
    ("a", True), ("table", False), (".box", True), (".nothing", False), ("#top", True), ("#other", False),
    (".md-grid .box a:hover", True), (".md-grid table", False), ("*", True), (":root", True),
    ("a::before", True), ("a:not(.nothing)", True), (":is(.box, .nothing) a", True), (":is(.x, .y) a", False),
    (":where(table, .nothing)", False), (".box:has(> a)", True), (".box:has(> table)", False),
    ("[hidden]", True), ("[disabled]", False), ('[dir="ltr"] a', True), ("[dir=rtl] a", False),
    ("[type^=sea]", True), ("[type$=ch]", True), ("[type*=arc]", True), ("[type^=che]", False),
    ('[class~="box"]', True), ("[data-kind|=before]", True), ("[DIR=LTR i]", True), ("[dir=LTR]", False),
    ("details[open] > summary", True), ("input[type=checkbox]", False),
])
def test_a_selector_is_kept_when_everything_it_names_occurs(selector, kept):
    assert matches(selector, used_by(PAGE)) is kept


def test_a_quoted_greater_than_sign_does_not_hide_the_attributes_after_it():
    used = used_by('<p title="a > b" class="after">x</p><p data-x=\'1>2\' id="later">y</p>')
    assert "after" in used.classes and "later" in used.ids


def test_the_words_of_scripts_and_the_runtime_list_count():
    script = 'box.innerHTML = `<ol class="dh-search__list">`; el.className = "dh-badge dh-badge--" + s;'
    used = used_by("<p>x</p>", script)
    assert matches("ol.dh-search__list", used)
    assert not matches(".dh-badge--current", used)            # made by concatenation: the list says so
    used.update(cssprune.read_runtime(RUNTIME))
    assert matches(".dh-badge--current", used)
    assert matches('[data-state="current"]', used)      # any value a script sets
    assert not matches(".md-search__overlay", used)


def test_rules_keep_only_their_selectors_that_can_match_and_empty_groups_go():
    css = ("/* note */ a , table , .box { color : red ; }\n"
           "@media screen and (min-width: 30em) { table { width: 1px } }\n"
           "@media print { .box { display: none !important } }")
    out = cssprune.prune({"s.css": css}, used_by(PAGE))["s.css"]
    assert out == "a,.box{color:red}\n@media print{.box{display:none!important}}\n"


def test_custom_properties_and_keyframes_stay_only_when_something_kept_uses_them():
    css = (":root{--a:1px;--b:var(--c);--c:red;--d:blue;--icon:url('data:image/svg+xml,<svg/>')}"
           ".box{margin:var(--a);color:var(--b);animation:spin 1s}"
           ".nothing{background:var(--icon);animation:pulse 1s}"
           "@keyframes spin{to{transform:rotate(1turn)}}@keyframes pulse{to{opacity:0}}")
    out = cssprune.prune({"s.css": css}, used_by(PAGE))["s.css"]
    assert out == (":root{--a:1px;--b:var(--c);--c:red}\n.box{margin:var(--a);color:var(--b);animation:spin 1s}\n"
                   "@keyframes spin{to{transform:rotate(1turn)}}\n")


def test_custom_properties_are_shared_between_stylesheets_and_pages():
    material = ":root{--md-x:red;--md-y:blue;--md-z:green}"
    ours = ".box{color:var(--md-x)}"
    used = used_by(PAGE + '<p style="border-color: var(--md-z)">')
    out = cssprune.prune({"material.css": material, "ours.css": ours}, used)
    assert out["material.css"] == ":root{--md-x:red;--md-z:green}\n"


def test_the_theme_keeps_the_rules_for_states_its_scripts_switch_on_a_page_that_shows_none():
    # Built on a day when no plan was current: the reader's later day makes one current.
    theme_css = assets.bundle(ROOT / "theme", "css")
    page = ('<html class="no-js"><span class="dh-badge dh-badge--past">x</span>'
            '<li class="dh-phase" data-dh-phase data-state="past"></li>')
    used = used_by(page)
    used.update(cssprune.read_runtime(RUNTIME))
    out = cssprune.prune({"daihoi.css": theme_css}, used)["daihoi.css"]
    for needed in (".dh-badge--current", '.dh-phase[data-state="current"]', ".dh-countdown__days"):
        assert needed in out, needed
    assert len(out) < len(theme_css) * 0.8


def test_the_runtime_list_refuses_a_line_it_does_not_understand(tmp_path):
    f = tmp_path / "list.txt"
    f.write_text("class a\nklass b\n", encoding="utf-8")
    with pytest.raises(ValueError, match="list.txt:2: không hiểu dòng “klass b”"):
        cssprune.read_runtime(f)


def _site(root):
    (root / "assets").mkdir(parents=True)
    (root / "tin" / "bai").mkdir(parents=True)
    (root / "assets" / "s.css").write_text('@charset "UTF-8";\n.a{color:red}.b{color:blue}table{x:y}'
                                          '.js .c{content:"…"}', encoding="utf-8")
    (root / "assets" / "khong-dung.css").write_text(".z{color:red}", encoding="utf-8")
    (root / "assets" / "s.js").write_text('document.documentElement.className = "js";', encoding="utf-8")
    (root / "index.html").write_text('<link rel="stylesheet" href="assets/s.css"><p class="a">', encoding="utf-8")
    (root / "tin" / "bai" / "index.html").write_text('<link href="../../assets/s.css" rel="stylesheet">'
                                                     '<p class="c">', encoding="utf-8")
    return root


def test_a_site_is_pruned_in_place_the_same_way_every_time(tmp_path):
    first, second = _site(tmp_path / "a"), _site(tmp_path / "b")
    report = cssprune.prune_site(first)
    assert list(report) == ["assets/s.css"]                     # a stylesheet no page links to is left alone
    css = (first / "assets" / "s.css").read_text(encoding="utf-8")
    assert css == '@charset "UTF-8";\n.a{color:red}\n.js .c{content:"…"}\n'
    assert (first / "assets" / "khong-dung.css").read_text(encoding="utf-8") == ".z{color:red}"
    cssprune.prune_site(second)
    assert (second / "assets" / "s.css").read_bytes() == (first / "assets" / "s.css").read_bytes()
    again = cssprune.prune_site(first)                           # pruning a pruned site changes nothing
    assert again["assets/s.css"][0] == again["assets/s.css"][1]
    assert (first / "assets" / "s.css").read_text(encoding="utf-8") == css


def test_a_rebuild_with_the_same_vocabulary_reuses_the_kept_result(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first, second, third = (_site(tmp_path / name) for name in "abc")
    cssprune.prune_site(first, cache_dir=cache)
    assert len(list(cache.glob("*.json"))) == 1

    def must_not_parse(*args):
        raise AssertionError("the same stylesheets and vocabulary were pruned again")
    monkeypatch.setattr(cssprune, "prune", must_not_parse)
    cssprune.prune_site(second, cache_dir=cache)
    assert (second / "assets" / "s.css").read_bytes() == (first / "assets" / "s.css").read_bytes()

    # A page that uses one more class is another vocabulary: pruned again, and .b is kept.
    monkeypatch.undo()
    (third / "index.html").write_text('<link rel="stylesheet" href="assets/s.css"><p class="a b">', encoding="utf-8")
    cssprune.prune_site(third, cache_dir=cache)
    assert ".b{color:blue}" in (third / "assets" / "s.css").read_text(encoding="utf-8")
    assert len(list(cache.glob("*.json"))) == 2


def test_a_damaged_or_full_cache_is_worked_around(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = _site(tmp_path / "a")
    cssprune.prune_site(first, cache_dir=cache)
    expected = (first / "assets" / "s.css").read_bytes()
    (entry,) = cache.glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    again = _site(tmp_path / "b")
    cssprune.prune_site(again, cache_dir=cache)
    assert (again / "assets" / "s.css").read_bytes() == expected

    monkeypatch.setattr(cssprune, "CACHE_KEEP", 2)
    for n in range(4):
        site = _site(tmp_path / f"n{n}")
        (site / "index.html").write_text(f'<link rel="stylesheet" href="assets/s.css"><p class="a x{n}">',
                                         encoding="utf-8")
        cssprune.prune_site(site, cache_dir=cache)
    assert len(list(cache.glob("*.json"))) == 2


def test_the_vocabulary_of_the_same_tags_is_read_back_and_the_same(tmp_path, monkeypatch):
    tags = {b'<a class="x y" href="../a/">', b'<div id="khung" style="color: var(--mau)">', b"<p>"}
    fresh = cssprune._vocabulary(tags, None)
    assert fresh.classes == {"x", "y"} and fresh.ids == {"khung"} and "--mau" in fresh.variables
    assert cssprune._vocabulary(tags, tmp_path) == fresh            # made, then kept
    (kept,) = tmp_path.glob("tu-vung-*.pickle")
    scanned = []
    monkeypatch.setattr(cssprune, "scan_tags", lambda *a: scanned.append(a))
    assert cssprune._vocabulary(tags, tmp_path) == fresh            # read back: nothing scanned
    assert scanned == []
    kept.write_bytes(b"not a pickle")                              # unreadable: made again
    monkeypatch.undo()
    assert cssprune._vocabulary(tags, tmp_path) == fresh


def test_pruning_begun_in_a_worker_reads_only_the_files_listed(tmp_path, monkeypatch):
    """build.py begins pruning once the engine has written the pages (cssprune.begin, in a worker
    process), while the folder still holds the site before last's pages: only the files listed (this
    build's) are read, so the result is a fresh build's. Without workers it is made when asked for."""
    monkeypatch.setenv("DAIHOI_WORKERS", "2")
    theme = tmp_path / "theme"
    (theme / cssprune.RUNTIME).parent.mkdir(parents=True)
    (theme / cssprune.RUNTIME).write_text("class js\n", encoding="utf-8")
    fresh, reused = _site(tmp_path / "fresh"), _site(tmp_path / "reused")
    (reused / "cu").mkdir()
    (reused / "cu" / "index.html").write_text('<link rel="stylesheet" href="../assets/s.css"><p class="b">',
                                              encoding="utf-8")          # a page the build no longer makes
    listed = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    expected = cssprune.prune_site(fresh, cssprune.runtime_of(theme))
    begun = cssprune.begin(reused, listed, theme, None)
    assert begun is not None                                         # handed to a worker
    assert cssprune.pruned(begun, reused, theme, None) == expected
    assert (reused / "assets" / "s.css").read_bytes() == (fresh / "assets" / "s.css").read_bytes()
    assert ".b{" not in (reused / "assets" / "s.css").read_text(encoding="utf-8")

    import build                                                     # a build that fails after beginning
    failed = _site(tmp_path / "failed")
    begun = cssprune.begin(failed, listed, theme, None)
    build._discard(failed, [begun])                                  # waited for, then the folder goes
    assert begun.done() and not failed.exists()

    monkeypatch.setenv("DAIHOI_WORKERS", "1")                       # no workers: nothing begun, made here
    again = _site(tmp_path / "again")
    assert cssprune.begin(again, listed, theme, None) is None
    assert cssprune.pruned(None, again, theme, None) == expected


def test_a_page_whose_key_was_seen_is_not_read_again_for_its_tags(tmp_path, monkeypatch):
    """A page's bytes are named by its page cache key: its tags are kept under it, and a rebuild
    reads only the pages whose keys are new (or that have none). The result is a fresh pruning's."""
    cache = tmp_path / "cache"
    keys = {"index.html": "k-home", "tin/bai/index.html": "k-post"}
    first, second, third = (_site(tmp_path / name) for name in "abc")
    expected = cssprune.prune_site(_site(tmp_path / "plain"))
    assert cssprune.prune_site(first, cache_dir=cache, keys=keys) == expected
    (kept,) = cache.glob("the-trang-*.pickle")

    read = []
    real = cssprune.page_tags
    monkeypatch.setattr(cssprune, "page_tags", lambda data: read.append(data) or real(data))
    assert cssprune.prune_site(second, cache_dir=cache, keys=keys) == expected
    assert read == []
    assert (second / "assets" / "s.css").read_bytes() == (first / "assets" / "s.css").read_bytes()

    # The post changed (a new key): only it is read, and the class it now uses keeps its rule.
    (third / "tin" / "bai" / "index.html").write_text('<link href="../../assets/s.css" rel="stylesheet">'
                                                      '<p class="c b">', encoding="utf-8")
    cssprune.prune_site(third, cache_dir=cache, keys=dict(keys, **{"tin/bai/index.html": "k-post-2"}))
    assert read == [(third / "tin" / "bai" / "index.html").read_bytes()]
    assert ".b{color:blue}" in (third / "assets" / "s.css").read_text(encoding="utf-8")
    assert sorted(cssprune.pickle.loads(kept.read_bytes())) == ["k-home", "k-post-2"]      # only this build's

    kept.write_bytes(b"not a pickle")                               # unreadable: every page is read
    read.clear()
    assert cssprune.prune_site(_site(tmp_path / "d"), cache_dir=cache, keys=keys) == expected
    assert len(read) == 2


def test_a_page_with_a_nul_in_a_tag_is_read_each_time_and_its_tags_are_whole(tmp_path):
    """Tags are kept joined by NUL: a page whose tag holds one is not kept (it would come back split)."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "a.html").write_bytes(b'<link rel="stylesheet" href="s.css"><p title="x\x00<link y">')
    (root / "b.html").write_bytes(b'<LINK rel="stylesheet" href="t.css"><p class="b">')
    keys = {"a.html": "ka", "b.html": "kb"}
    every, links = cssprune._site_tags(root, ["a.html", "b.html"], keys, tmp_path / "cache")
    assert every == {b'<link rel="stylesheet" href="s.css">', b'<p title="x\x00<link y">',
                     b'<LINK rel="stylesheet" href="t.css">', b'<p class="b">'}
    assert links == {"a.html": {b'<link rel="stylesheet" href="s.css">'}, "b.html": {b'<LINK rel="stylesheet" href="t.css">'}}
    (kept,) = (tmp_path / "cache").glob("the-trang-*.pickle")
    assert sorted(cssprune.pickle.loads(kept.read_bytes())) == ["kb"]
    assert cssprune._site_tags(root, ["a.html", "b.html"], keys, tmp_path / "cache") == (every, links)
