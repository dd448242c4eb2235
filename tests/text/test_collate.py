"""daihoi.text.collate: the Vietnamese alphabet, tones, case, numbers, spaces."""
import random
import unicodedata

from daihoi.text.collate import ALPHABET, sort_key, sorted_vi

VIETNAMESE = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()


def test_letters_follow_the_vietnamese_alphabet_whatever_the_input_order():
    shuffled = VIETNAMESE[:]
    random.Random(13).shuffle(shuffled)
    assert sorted_vi(shuffled) == VIETNAMESE
    assert sorted_vi([w.upper() for w in shuffled]) == [w.upper() for w in VIETNAMESE]
    assert [c for c in ALPHABET if c not in "fjwz"] == VIETNAMESE


def test_d_before_dj_before_e_in_words():
    # The case: the news categories came out "Tuyên truyền trực quan" before "Đại hội cơ sở".
    cats = ["Tuyên truyền trực quan", "Đại hội cơ sở", "Hoạt động", "Góp ý văn kiện", "Chỉ đạo, hướng dẫn",
            "Dân vận", "Ảnh", "Bản tin", "Ý kiến", "Ơn nghĩa", "Ân tình"]
    assert sorted_vi(cats) == ["Ảnh", "Ân tình", "Bản tin", "Chỉ đạo, hướng dẫn", "Dân vận", "Đại hội cơ sở",
                               "Góp ý văn kiện", "Hoạt động", "Ơn nghĩa", "Tuyên truyền trực quan", "Ý kiến"]
    assert sort_key("Dzung") < sort_key("Đà") < sort_key("Em")


def test_tones_order_equal_letters_as_dictionaries_do():
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]            # ngang, huyền, hỏi, ngã, sắc, nặng
    assert sorted_vi(list(reversed(tones))) == tones
    # A letter difference anywhere outweighs a tone difference: "mạ" < "mai".
    assert sorted_vi(["mai", "mạ"]) == ["mạ", "mai"]


def test_case_is_the_last_difference_and_nfd_sorts_like_nfc():
    assert sorted_vi(["Đảng", "đảng"]) == ["đảng", "Đảng"]
    nfd = unicodedata.normalize("NFD", "Đợt")
    assert sort_key(nfd)[:3] == sort_key("Đợt")[:3]


def test_numbers_by_value_and_space_before_letters():
    assert sorted_vi(["Đợt 10", "Đợt 2", "Đợt 1.3"]) == ["Đợt 1.3", "Đợt 2", "Đợt 10"]
    assert sorted_vi(["Tinh", "Tin tức", "Tin"]) == ["Tin", "Tin tức", "Tinh"]


def test_digits_that_are_not_numbers_sort_as_other_characters():
    # "¹" and "½" are digits to str.isdigit but not numbers int() can read (a category named
    # "PK¹" stopped a build); decimal digits of other scripts still sort by value.
    assert sorted_vi(["PK²", "PK¹", "PK 2", "Đợt ٣", "Đợt 10"]) == ["Đợt ٣", "Đợt 10", "PK 2", "PK²", "PK¹"]  # by code point
    assert sort_key("½")[0] == ((3, ord("½")),)
