"""daihoi.text.invisible: bidirectional controls found by line, zero-width characters dropped, names shown visibly."""
from daihoi.text import invisible


def test_bidi_controls_are_found_once_per_line():
    text = "dòng 1\nKế hoạch \u202eabc\u202c\nthân \u2067bài\u2069 và \u2066x\n"
    assert invisible.bidi_lines(text) == [(2, "\u202e"), (3, "\u2067")]
    assert invisible.has_bidi(text) and not invisible.has_bidi("Đại hội XIV \u200b")


def test_zero_width_characters_are_dropped_and_nothing_else():
    assert invisible.strip_zero_width("Đại\u200b hội\u200d\ufeff \u2060XIV\u00a0!") == "Đại hội XIV\u00a0!"


def test_visible_names_every_hidden_character():
    assert invisible.visible("a\u202eb\u200bc\x07d\udcff.md") == "a<U+202E>b<U+200B>c<U+0007>d<U+DCFF>.md"
    assert invisible.visible("Đại hội.md") == "Đại hội.md"
    assert invisible.name_of("\u202e") == "U+202E (RIGHT-TO-LEFT OVERRIDE)"


def test_visible_text_has_a_letter_digit_punctuation_or_symbol():
    assert invisible.has_visible("Đại hội") and invisible.has_visible("!") and invisible.has_visible("😀")
    assert not invisible.has_visible("\u0306\u033d") and not invisible.has_visible(" \u00a0\u3000\u200b")
    assert not invisible.has_visible("\U000f3bc6")      # private use: no font has it
