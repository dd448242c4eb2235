from daihoi.model.congress_match import match, ordinal

CONGRESSES = {
    "xii-toan-quoc": {"id": "xii-toan-quoc", "name": "Đại hội đại biểu toàn quốc lần thứ XII của Đảng",
                      "unit": "Đảng Cộng sản Việt Nam", "ordinal": "XII", "level": "toàn quốc"},
    "xiii-toan-quoc": {"id": "xiii-toan-quoc", "name": "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
                       "unit": "Đảng Cộng sản Việt Nam", "ordinal": "XIII", "level": "toàn quốc"},
    "xiii-khoi": {"id": "xiii-khoi", "name": "Đại hội đại biểu Đảng bộ Khối các cơ quan Trung ương lần thứ XIII",
                  "unit": "Đảng bộ Khối các cơ quan Trung ương", "ordinal": "XIII", "level": "cấp trên cơ sở"},
    "xiii-tinh": {"id": "xiii-tinh", "name": "Đại hội đại biểu Đảng bộ tỉnh lần thứ XIII",
                  "unit": "Đảng bộ tỉnh", "ordinal": "XIII", "level": "tỉnh/thành"},
}


def test_ordinal_found_after_lan_thu_or_dai_hoi():
    assert ordinal("bế mạc Đại hội lần thứ XIII Đảng bộ Khối") == "XIII"
    assert ordinal("Trong thời gian diễn ra Đại hội XII của Đảng") == "XII"
    assert ordinal("Sau bầu cử") is None


def test_same_ordinal_disambiguated_by_unit_words():
    assert match("bế mạc Đại hội lần thứ XIII Đảng bộ Khối", CONGRESSES) == ("xiii-khoi", [])
    assert match("khai mạc Đại hội lần thứ XIII của Đảng", CONGRESSES) == ("xiii-toan-quoc", [])
    assert match("Đại hội Đảng bộ tỉnh lần thứ XIII", CONGRESSES) == ("xiii-tinh", [])


def test_single_candidate_and_none():
    assert match("Đại hội đại biểu toàn quốc lần thứ XII của Đảng", CONGRESSES) == ("xii-toan-quoc", [])
    assert match("Đại hội lần thứ IX Đảng bộ Khối", CONGRESSES) == (None, [])


def test_tie_is_reported_not_guessed():
    assert match("Đại hội lần thứ XIII", CONGRESSES) == (None, ["xiii-khoi", "xiii-tinh", "xiii-toan-quoc"])
