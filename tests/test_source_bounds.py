"""daihoi.model.source: what could hang a build or hide words is refused with file and line, before
anything walks the data (YAML aliases, deep nesting, huge lists, bidirectional controls); zero-width
characters leave front matter values."""
import time

from daihoi.model import source

BOMB = ('title: "Bom"\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")))


def read(tmp_path, text, name="x.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return source.read(path, f"content/{name}")


def test_a_billion_laughs_is_refused_at_once_at_the_first_alias(tmp_path):
    start = time.monotonic()
    src, problems = read(tmp_path, f"---\n{BOMB}---\nThân bài\n")
    assert time.monotonic() - start < 5        # not a speed target: the walk was 10^9 values
    assert src is None
    [p] = problems
    assert (p.path, p.line, p.code) == ("content/x.md", 4, "yaml-alias")
    assert "tham chiếu “*…”" in p.what and "ngoặc kép" in p.fix


def test_an_alias_in_a_data_file_is_refused_too(tmp_path):
    src, [p] = read(tmp_path, "a: &x\n  name: \"Đại hội\"\nb: *x\n", "dai-hoi.yml")
    assert src is None and (p.line, p.code) == (3, "yaml-alias")


def test_nesting_deeper_than_the_limit_is_refused_without_crashing(tmp_path):
    # 100,000 levels crashed libyaml's composer (segmentation fault): refused by scanning tokens.
    src, [p] = read(tmp_path, "---\ntitle: x\na: " + "[" * 100_000 + "]" * 100_000 + "\n---\nb\n")
    assert src is None and (p.line, p.code) == (3, "yaml-limit")
    src, [p] = read(tmp_path, "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(60)) + "---\n")
    assert src is None and p.code == "yaml-limit" and p.line == 2 + source.MAX_DEPTH


def test_a_list_longer_than_the_limit_is_refused_with_its_name(tmp_path):
    slogans = "".join(f'  - "Khẩu hiệu {n}"\n' for n in range(3000))
    src, [p] = read(tmp_path, f"---\ntitle: x\nslogans:\n{slogans}---\n")
    assert src is None and (p.line, p.code) == (3, "yaml-limit")      # the line of “slogans:”
    assert p.what == "Mục “slogans” có 3.000 phần tử (giới hạn 500)"


def test_bidi_controls_are_errors_at_their_lines_anywhere_in_a_file(tmp_path):
    src, problems = read(tmp_path, '---\ntitle: "Kế hoạch \u202eabc"\n---\n\nThân \u2066bài\u2069\n')
    assert [(p.line, p.code, p.is_error) for p in problems] == [(2, "bidi", True), (5, "bidi", True)]
    assert "U+202E (RIGHT-TO-LEFT OVERRIDE)" in problems[0].what


def test_zero_width_characters_leave_values_and_keys_but_not_the_body(tmp_path):
    src, problems = read(tmp_path, '---\ntitle\u200b: "Đại\u200b hội\ufeff"\ntags: ["a\u200d"]\n---\nThân\u200b bài\n')
    assert problems == []
    assert src.data == {"title": "Đại hội", "tags": ["a"]}
    assert src.body == "Thân\u200b bài\n"


def test_the_engine_reads_the_same_front_matter():
    text = '---\ntitle: "Đại\u200b hội"\n---\nThân\u200b bài\x01\n'
    assert source.engine_text(text) == '---\ntitle: "Đại hội"\n---\nThân\u200b bài\n'
    assert source.engine_text("Không có phần đầu\u200b\n") == "Không có phần đầu\u200b\n"


def test_characters_no_file_can_carry_leave_every_value(tmp_path):
    src, problems = read(tmp_path, '---\ntitle: "Đại\\uD800 hội\\x85XIV\\u0085\\x9b"\n---\nThân\u2028bài\x85\n')
    assert problems == []
    assert src.data == {"title": "Đại hội\nXIV\n"}
    assert src.body == "Thân\nbài\n\n"


def test_a_value_that_shows_nothing_is_empty(tmp_path):
    src, problems = read(tmp_path, '---\nslogans: ["\u0306\u033d", "a\u0306", " "]\n---\n')
    assert src.data == {"slogans": ["", "\u0103", " "]}      # NFC: a + breve is ă


def test_the_engine_meta_is_cleaned_as_ours():
    meta = {"title": "Đại\u200b hội\x9a", "template": "post.html", "tags": ["a\u200b", "b"], "n": 3, "x": "\u0301"}
    assert source.engine_meta(meta) == {"title": "Đại hội", "tags": ["a", "b"], "x": ""}


def test_a_bidi_control_written_as_an_escape_is_refused_too(tmp_path):
    src, problems = read(tmp_path, '---\ntitle: "ok"\nsummary: "Kế hoạch \\u202Eabc"\n---\n')
    assert src is None and [(p.line, p.code) for p in problems] == [(3, "bidi")]


def test_printable_nfc_is_printable_of_nfc_on_every_kind_of_character():
    """The quick way (a text with nothing to change is searched once) gives what the long way does:
    every control, break, surrogate and non-character, decomposed and composed Vietnamese."""
    import random

    from daihoi.text.vntext import nfc

    rng = random.Random(15)
    alphabet = ([chr(c) for c in range(0, 0xA0)] + list("\\u2028\\u2029\\ufffe\\uffff\\ud800\\udfff\\u200b\\u0301\\u0323")
                + list("aăâđêôơưĐẠỆỮ ") + ["a\\u0306", "e\\u0302\\u0301", "\\ufeff"])
    texts = ["", "Đại hội đại biểu", "Đai\\u0323 hội", "Dòng 1\\u2028dòng 2", "\\x85", "a\\r\\nb\\tc"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        assert source.printable_nfc(text) == source.printable(nfc(text)), repr(text)


def test_strip_zero_width_removes_exactly_the_zero_width_characters():
    from daihoi.text import invisible

    every = "".join(chr(c) for c in range(0x3000)) + "\ufeff\ufffd"
    assert invisible.strip_zero_width(every) == "".join(ch for ch in every if ch not in invisible.ZERO_WIDTH)
    assert invisible.strip_zero_width("Đại\u200b hội\ufeff") == "Đại hội"
