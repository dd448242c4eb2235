"""hooks/mkdocs_adapter.py renders the pages' Markdown with one Markdown instance for the build
(render_shared), where MkDocs makes one for each page: every page, rendered one after another
(so that what one page leaves in the instance would show in the next), gets what MkDocs' own
Page.render gives it: HTML, table of contents, title, anchors and links to anchors."""
import importlib.util
import logging

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from helpers import ROOT

spec = importlib.util.spec_from_file_location("adapter_for_render_test", ROOT / "hooks" / "mkdocs_adapter.py")
adapter = importlib.util.module_from_spec(spec)
spec.loader.exec_module(adapter)

PAGES = {
    "index.md": "# Trang chủ\n\nXem [kế hoạch](ke-hoach/a.md#muc-dich) và [tin](tin-tuc/b.md).\n",
    "ke-hoach/a.md": ("# Kế hoạch\n\n## Mục đích {#muc-dich}\n\nĐoạn có chú thích[^1] và *nhấn*.\n\n"
                      "## Mục đích\n\nTrùng tên mục: mã thứ hai khác.\n\n| Cột | Cột 2 |\n|---|---|\n| a | b |\n\n"
                      "Thuật ngữ\n:   Định nghĩa.\n\n<a name=\"neo-tho\"></a><div id=\"khoi\">HTML</div>\n"),
    "tin-tuc/b.md": ("Không có tiêu đề cấp 1.\n\n## Mục đích\n\n[Lên](../index.md) [neo](../ke-hoach/a.md#khoi) "
                     "[mất](khong-co.md) [ngoài](https://example.org/).\n\n### Con {: .lop }\n\n- một\n- hai\n"),
    "tin-tuc/c.md": "# Đầu\n\n[Chú thích tham chiếu][r] và `mã <b>`.\n\n[r]: ../index.md \"Tiêu đề\"\n",
    "tin-tuc/d.md": "# Đầu\n\nMột tham chiếu [r] của trang trước không còn ở đây.\n",
}


def _rendered(config, files, render) -> list:
    out = []
    for src, text in PAGES.items():
        page = Page(None, files.get_file_from_path(src), config)
        page.markdown = text
        render(page, config, files)
        out.append((src, page.content, [(i.title, i.id, i.level) for i in page.toc], page._title_from_render,
                    page.present_anchor_ids, {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()}))
    return out


def test_one_markdown_for_the_build_gives_what_mkdocs_gives(tmp_path, caplog):
    docs = tmp_path / "content"
    for src, text in PAGES.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
    config = adapter._config(docs, site_dir=str(tmp_path / "site"))
    files = Files([File(src, config.docs_dir, config.site_dir, config.use_directory_urls) for src in PAGES])
    logging.getLogger("mkdocs.structure.pages").setLevel(logging.INFO)     # links to anchors are kept at INFO
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        mkdocs_own = _rendered(config, files, lambda page, c, f: Page.render(page, c, f))
        said = [r.getMessage() for r in caplog.records]
        caplog.clear()
        shared = _rendered(config, files, adapter.render_shared)
        assert [r.getMessage() for r in caplog.records] == said
    assert shared == mkdocs_own
    assert len(adapter._markdown) == 1          # one instance for every page
    # What the pages hold is what the comparison is about.
    by_src = {row[0]: row for row in shared}
    assert 'id="muc-dich"' in by_src["ke-hoach/a.md"][1] and 'id="muc-ich"' in by_src["ke-hoach/a.md"][1]
    assert '<h2 id="muc-ich">' in by_src["tin-tuc/b.md"][1]     # the ids of the page before are not kept
    assert by_src["ke-hoach/a.md"][3] == "Kế hoạch" and by_src["tin-tuc/b.md"][3] is None
    assert {"neo-tho", "khoi", "muc-dich"} <= by_src["ke-hoach/a.md"][4]
    assert by_src["index.md"][5] == {"ke-hoach/a.md": {"muc-dich": "ke-hoach/a.md#muc-dich"}}
    assert 'href="../../index.md"' not in by_src["tin-tuc/b.md"][1] and "<table>" in by_src["ke-hoach/a.md"][1]
    assert "[r]" in by_src["tin-tuc/d.md"][1]       # the reference of the page before is not kept
    assert any("khong-co.md" in message for message in said)


def test_a_dict_in_a_template_reads_as_jinja_reads_it():
    # _quick_dict_lookup takes a plain dict's item without Jinja's attribute-first try; every
    # template expression gives what Jinja's own getattr gives, methods' names and objects included.
    import jinja2

    class Items(dict):
        colour = "đỏ"

    values = {"d": {"name": "Đợt 1", "items": "mục", "get": 1}, "s": Items(colour2="xanh"),
              "o": Page, "n": None, "l": [1, 2]}
    expressions = ["d.name", "d.missing", "d.items is callable", "d.get is callable", "d['items']",
                   "d.missing is undefined", "s.colour", "s.colour2", "o.__name__", "n.x is undefined",
                   "l.count is callable", "d.name.upper()", "(d.missing or 'trống')"]
    source = "|".join("{{ %s }}" % e for e in expressions)
    plain = jinja2.Environment().from_string(source).render(values)
    env = jinja2.Environment()
    adapter._quick_dict_lookup(env)
    adapter._quick_dict_lookup(env)          # an environment used again: wrapped once
    assert env.getattr.dh_quick and env.from_string(source).render(values) == plain
    assert plain.split("|")[:4] == ["Đợt 1", "", "True", "True"]
    strict = jinja2.Environment(undefined=jinja2.StrictUndefined)
    adapter._quick_dict_lookup(strict)
    try:
        strict.from_string("{{ d.missing }}").render(values)
    except jinja2.UndefinedError as exc:
        assert "'dict object' has no attribute 'missing'" in str(exc)
    else:
        raise AssertionError("StrictUndefined did not raise")
