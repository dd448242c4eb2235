"""hooks/mkdocs_adapter.py's _FrontMatter: MkDocs' reading of each page's front matter, remembered
by the page's text (in memory for the preview, in a file between builds), is exactly MkDocs' own."""
import importlib.util

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


def test_a_file_of_another_version_or_broken_is_read_again(tmp_path):
    file = tmp_path / "x.pickle"
    file.write_bytes(b"not a pickle")
    reader = adapter._FrontMatter(get_data, file)
    assert reader(PAGES[0]) == get_data(PAGES[0])
    reader.save()
    reader.version = ("khác",)
    reader.save()
    assert adapter._FrontMatter(get_data, file).found == {}
