"""What hooks/mkdocs_adapter.py remembers of MkDocs' own work between builds (in memory for the
preview, in a file between builds) is exactly what MkDocs gives: each page's front matter as it
reads it (_FrontMatter), the theme's files as it lists them (_theme_files_once)."""
import importlib.util

from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data

from helpers import ROOT

spec = importlib.util.spec_from_file_location("adapter_for_front_matter_test", ROOT / "hooks" / "mkdocs_adapter.py")
adapter = importlib.util.module_from_spec(spec)
spec.loader.exec_module(adapter)

PAGES = [
    "---\ntitle: \"Đại hội\"\ndate: 2025-05-15\ntags: [a, b]\n---\n\nThân bài.\n",
    "---\ntitle: Không đóng\nThân bài không có phần đầu đóng.\n",
    "Title: Kiểu MultiMarkdown\nAuthor: Ban Tuyên giáo\n\nThân bài.\n",
    "---\n- danh sách\n- không phải từ điển\n---\nThân.\n",
    "---\ntitle: [sai\n---\nYAML hỏng.\n",
    "",
    "Chỉ có thân bài.\n",
]


def test_readings_are_mkdocs_own_from_memory_and_from_the_file(tmp_path):
    file = tmp_path / "nguon-mkdocs" / "x.pickle"
    first = adapter._FrontMatter(get_data, file)
    for page in PAGES:
        assert first(page) == get_data(page), page
    read = first(PAGES[0])[1]
    read["template"] = "post.html"          # the hooks add to a page's meta
    assert "template" not in first(PAGES[0])[1]
    first.save()

    calls = []

    def counting(source):
        calls.append(source)
        return get_data(source)
    second = adapter._FrontMatter(counting, file)
    for page in PAGES:
        assert second(page) == get_data(page), page
    assert calls == []                      # all from the file
    assert second("---\ntitle: Mới\n---\nMới.\n") == get_data("---\ntitle: Mới\n---\nMới.\n")
    assert len(calls) == 1


def test_a_reading_kept_by_its_key_without_reading_the_page_stays_for_the_next_build(tmp_path):
    """A page this build did not read (SiteBuild.known_page) keeps MkDocs' reading of its front matter
    (`keep` with the key it is read under, _front_matter_key): a later build that must read it again does
    not parse it again."""
    file = tmp_path / "x.pickle"
    first = adapter._FrontMatter(get_data, file)
    first(PAGES[0])
    key = adapter._front_matter_key(PAGES[0])
    first(PAGES[2])
    first.save()

    second = adapter._FrontMatter(get_data, file)
    second.keep(key)                    # PAGES[0] known, not read; PAGES[2] neither read nor known
    second.keep(b"no such key")
    second.save()

    calls = []
    third = adapter._FrontMatter(lambda source: calls.append(source) or get_data(source), file)
    assert third(PAGES[0]) == get_data(PAGES[0]) and calls == []
    assert third(PAGES[2]) == get_data(PAGES[2]) and calls == [PAGES[2]]


def test_a_file_of_another_version_or_broken_is_read_again(tmp_path):
    file = tmp_path / "x.pickle"
    file.write_bytes(b"not a pickle")
    reader = adapter._FrontMatter(get_data, file)
    assert reader(PAGES[0]) == get_data(PAGES[0])
    reader.save()
    reader.version = ("khác",)
    reader.save()
    assert adapter._FrontMatter(get_data, file).found == {}


def _listed(files) -> list:
    return [(f.src_uri, f.abs_src_path, f.abs_dest_path, f.url) for f in files]


def test_theme_files_are_mkdocs_own_list_from_memory_and_from_the_file(tmp_path):
    config = adapter._config(ROOT / "content", site_dir=str(tmp_path / "site"))
    env = config.theme.get_env()
    own = Files([])
    Files.add_files_from_theme(own, env, config)
    assert own.get_file_from_path("assets/favicon.svg") is not None       # the project's theme and Material's
    file = tmp_path / "giao-dien.pickle"
    first = Files([])
    adapter._theme_files_once(Files.add_files_from_theme, file)(first, env, config)
    assert _listed(first) == _listed(own)
    calls = []

    def counting(files, env, config):
        calls.append(1)
        Files.add_files_from_theme(files, env, config)
    second = Files([])
    adapter._theme_files_once(counting, file)(second, env, config)
    assert calls == [] and _listed(second) == _listed(own)
    # Another place to build into: the same list, at the new place.
    config.site_dir = str(tmp_path / "site2")
    third = Files([])
    adapter._theme_files_once(counting, file)(third, env, config)
    assert calls == [] and all(f.abs_dest_path.startswith(str(tmp_path / "site2")) for f in third)


def test_a_change_to_the_projects_theme_lists_the_files_again(tmp_path):
    import shutil

    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    config = adapter._config(ROOT / "content", site_dir=str(tmp_path / "site"))
    config.theme.dirs[0] = str(theme)
    env = config.theme.get_env()
    file = tmp_path / "giao-dien.pickle"
    adapter._theme_files_once(Files.add_files_from_theme, file)(Files([]), env, config)
    (theme / "assets" / "moi.svg").write_text("<svg/>", encoding="utf-8")
    again = Files([])
    adapter._theme_files_once(Files.add_files_from_theme, file)(again, env, config)
    assert again.get_file_from_path("assets/moi.svg") is not None


def test_the_theme_key_is_the_same_in_every_process(tmp_path):
    """Python hashes strings differently in each process (PYTHONHASHSEED), which orders sets: the
    key the list is kept under must not depend on it, or the next build never finds it."""
    import os
    import subprocess
    import sys

    script = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('a', {str(ROOT / 'hooks' / 'mkdocs_adapter.py')!r})\n"
        "a = importlib.util.module_from_spec(spec); spec.loader.exec_module(a)\n"
        f"config = a._config(a.Path({str(ROOT / 'content')!r}), site_dir={str(tmp_path / 'site')!r})\n"
        "print(a._theme_key(config))\n"
    )
    keys = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED=str(seed))).stdout.strip()
            for seed in (1, 2, 3, 4)}
    assert len(keys) == 1 and len(next(iter(keys))) == 64


def test_compiled_templates_live_with_the_installation_unless_python_is_told_not_to(tmp_path, monkeypatch):
    """As Python keeps its modules compiled in the environment it runs in, the theme's compiled
    templates are kept there (a first build of any site finds them); PYTHONDONTWRITEBYTECODE, or an
    environment that is not a virtual one, sends them to the build cache with the rest."""
    venv, cache = tmp_path / "venv", tmp_path / "cache"
    venv.mkdir()
    monkeypatch.setenv("DAIHOI_CACHE", str(cache))
    monkeypatch.setattr(adapter.sys, "prefix", str(venv))
    monkeypatch.setattr(adapter.sys, "base_prefix", str(tmp_path / "python"))
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
    assert adapter._compiled_templates() == venv / "daihoi-jinja"
    assert (venv / "daihoi-jinja").is_dir()

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    assert adapter._compiled_templates() == cache / "jinja"

    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE")
    monkeypatch.setattr(adapter.sys, "base_prefix", str(venv))        # Python itself, no virtual environment
    assert adapter._compiled_templates() == cache / "jinja"
    assert (cache / "jinja").is_dir()


def test_a_pages_text_is_read_as_mkdocs_reads_it(tmp_path):
    """_content_string: MkDocs' File.content_string (UTF-8 with or without its BOM, every line end as
    "\\n", an error for what is not UTF-8), made of the bytes the build read (source.file_bytes)."""
    import pytest
    from mkdocs.structure.files import File

    for name, raw in [("bom.md", "\ufeff---\ntitle: Đại hội\n---\nThân bài.\n".encode()),
                      ("crlf.md", "Dòng một\r\nDòng hai\rDòng ba\n\r\n".encode()),
                      ("nfd.md", "Đa\u0323i ho\u0323\u0302i\n".encode())]:
        (tmp_path / name).write_bytes(raw)
        file = File(name, str(tmp_path), str(tmp_path / "site"), True)
        assert adapter._content_string(file) == file.content_string, name
    (tmp_path / "latin1.md").write_bytes("Đại hội".encode("utf-16"))
    file = File("latin1.md", str(tmp_path), str(tmp_path / "site"), True)
    with pytest.raises(ValueError):
        file.content_string
    with pytest.raises(ValueError):
        adapter._content_string(file)
    made = File("lam-ra.md", str(tmp_path), str(tmp_path / "site"), True)
    made.content_string = "Trang làm ra."                # a page made from text, not a file
    assert adapter._content_string(made) == "Trang làm ra."


COMPOSED = PAGES + [
    "---\nngay: 2025-05-15\ndang: yes\nso: 0x1F\nrong:\nds: [1, 2.5, ~, 'a']\n---\nThân.\n",
    "---\na: 1\n<<: {b: 2}\n---\nKhóa gộp.\n",
    "---\n\n---\nPhần đầu rỗng.\n",
    "---\n\"chuỗi\"\n---\nKhông phải từ điển.\n",
]


def test_front_matter_from_the_checks_nodes_is_mkdocs_own_reading():
    """The engine's reading of a front matter the check composed (_front_matter_from_check) is what
    MkDocs' get_data gives for it, without parsing the text again; a merge key "<<" is MkDocs' own."""
    from daihoi.model import source

    calls = []
    reading = adapter._front_matter_from_check(lambda doc: calls.append(doc) or get_data(doc))
    for page in COMPOSED:
        found = adapter.mkdocs.utils.meta.YAML_RE.match(page)
        if found:
            try:
                source._compose(found.group(1))
            except Exception:
                pass                    # broken YAML: the check composes nothing, MkDocs reads it
        calls.clear()
        assert reading(page) == get_data(page), page
        composed = found is not None and source.composed(found.group(1)) is not None
        parsed_again = bool(calls)
        if composed and "<<" not in page and isinstance(get_data(page)[1], dict) and get_data(page)[1]:
            assert not parsed_again, page
        if "<<" in page:
            assert parsed_again
    merged = COMPOSED[-3]
    assert reading(merged) == ("Khóa gộp.\n", {"a": 1, "b": 2}) and reading(merged) == get_data(merged)
