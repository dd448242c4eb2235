"""daihoi.model.source.printable: invisible control characters never reach pages, DOCX or XML."""
from daihoi.model import source


def test_control_characters_are_dropped_and_word_breaks_become_line_breaks():
    assert source.printable("Đại\x01 hội\x7f\ufffe") == "Đại hội"
    assert source.printable("dòng 1\x0bdòng 2\x0cdòng 3\tcột") == "dòng 1\ndòng 2\ndòng 3\tcột"


def test_front_matter_escapes_and_raw_bytes_are_both_cleaned():
    src, problems = source.parse_yaml('title: "Kế hoạch\\x01 số 1\\x0bđợt 2"\n', "x.md", 2)
    assert problems == [] and src.data == {"title": "Kế hoạch số 1\nđợt 2"}
    text, problems = source.decode("Đoạn\x02 văn\x0b".encode("utf-8"), "x.md")
    assert problems == [] and text == "Đoạn văn\n"
