"""Banner lines of the sample slogans never end inside a word (daihoi.text.linebreak and the
banner fitting in daihoi.documents.banners).

SEGMENTED is each sample slogan segmented by hand into words (syllables of one word joined
by "_", as Vietnamese word segmentation corpora write them); it was written from the
slogans' meaning, not from the compound list, so it checks the list as well as the rule.
"""
from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from helpers import ROOT
from daihoi.documents.banners import BANNER_FORMATS, PT, fit_text
from daihoi.text import linebreak

SEGMENTED = """
Nhiệt_liệt chào_mừng Đại_hội đại_biểu toàn_quốc lần_thứ XII Đảng Cộng_sản Việt_Nam!
Phát_triển kinh_tế là nhiệm_vụ trung_tâm, xây_dựng Đảng là nhiệm_vụ then_chốt, xây_dựng văn_hóa là nền_tảng tinh_thần của xã_hội!
Tiếp_tục đẩy_mạnh toàn_diện, đồng_bộ công_cuộc đổi_mới, xây_dựng thành_công và bảo_vệ vững_chắc Tổ_quốc Việt_Nam xã_hội_chủ_nghĩa!
Đảng_bộ và nhân_dân Thủ_đô phát_huy truyền_thống văn_hiến - anh_hùng, thi_đua lập thành_tích chào_mừng Đại_hội lần_thứ XII của Đảng!
Quyết_tâm thực_hiện tốt việc “Học_tập và làm theo tấm_gương đạo_đức Hồ_Chí_Minh”!
Phát_huy truyền_thống văn_hiến - anh_hùng và thành_tựu đổi_mới, quyết_tâm xây_dựng và phát_triển Thủ_đô ngày_càng giàu_đẹp, văn_minh, hiện_đại!
Phát_huy sức_mạnh đại_đoàn_kết toàn dân_tộc, đẩy_mạnh toàn_diện công_cuộc đổi_mới, thực_hiện thắng_lợi mục_tiêu dân giàu, nước mạnh, dân_chủ, công_bằng, văn_minh!
Đảng Cộng_sản Việt_Nam - Người lãnh_đạo, tổ_chức mọi thắng_lợi của cách_mạng Việt_Nam muôn_năm!
Sống, chiến_đấu, lao_động và học_tập theo gương Bác_Hồ vĩ_đại!
Đảng Cộng_sản Việt_Nam quang_vinh muôn_năm!
Nước Cộng_hòa xã_hội_chủ_nghĩa Việt_Nam muôn_năm!
Chủ_tịch Hồ_Chí_Minh vĩ_đại sống mãi trong sự_nghiệp của chúng_ta!
Mừng Đảng quang_vinh, mừng Xuân Canh_Tý, mừng đất_nước đổi_mới!
Nhiệt_liệt chào_mừng đại_hội đảng_bộ các cấp nhiệm_kỳ 2020 - 2025!
Nhiệt_liệt chào_mừng Đại_hội đại_biểu Đảng_bộ Khối các Cơ_quan và Doanh_nghiệp tỉnh Bắc_Ninh lần_thứ IX!
Nhiệt_liệt chào_mừng Đại_hội đại_biểu Đảng_bộ tỉnh Bắc_Ninh lần_thứ XX!
Nhiệt_liệt chào_mừng Đại_hội đại_biểu toàn_quốc lần_thứ XIII Đảng Cộng_sản Việt_Nam!
Thi_đua lập thành_tích chào_mừng đại_hội đảng_bộ các cấp và Đại_hội đại_biểu toàn_quốc lần_thứ XIII của Đảng!
Nhiệt_liệt chào_mừng thành_công đại_hội đảng_bộ các cấp và Đại_hội đại_biểu toàn_quốc lần_thứ XIII của Đảng!
Đẩy_mạnh toàn_diện, đồng_bộ công_cuộc đổi_mới đất_nước!
Xây_dựng, chỉnh_đốn Đảng và hệ_thống chính_trị trong_sạch, vững_mạnh!
Kết_hợp phát_huy sức_mạnh dân_tộc với sức_mạnh thời_đại, xây_dựng và bảo_vệ vững_chắc Tổ_quốc Việt_Nam xã_hội_chủ_nghĩa!
Đảng Cộng_sản Việt_Nam - Người lãnh_đạo, tổ_chức mọi thắng_lợi của cách_mạng Việt_Nam!
Cán_bộ, đảng_viên, người lao_động trong Đảng_bộ Khối các Cơ_quan và Doanh_nghiệp tỉnh quyết_tâm thực_hiện thắng_lợi nghị_quyết đại_hội đảng_bộ các cấp và Nghị_quyết Đại_hội XIII của Đảng!
Tất_cả vì mục_tiêu dân giàu, nước mạnh, dân_chủ, công_bằng, văn_minh!
Nhiệt_liệt chào_mừng Đại_hội đại_biểu Đảng_bộ Văn_phòng Chính_phủ lần_thứ XXVI, nhiệm_kỳ 2020 - 2025!
Nhiệt_liệt chào_mừng thành_công đại_hội đảng_bộ các cấp tiến_tới Đại_hội đại_biểu toàn_quốc lần_thứ XIII của Đảng!
Thi_đua lập thành_tích chào_mừng Đại_hội đại_biểu Đảng_bộ Khối các cơ_quan Trung_ương lần_thứ XIII, nhiệm_kỳ 2020 - 2025!
Thi_đua lập thành_tích chào_mừng thành_công đại_hội đảng_bộ các cấp và Đại_hội đại_biểu toàn_quốc lần_thứ XIII của Đảng!
Đảng Cộng_sản Việt_Nam - Người lãnh_đạo, tổ_chức mọi thắng_lợi của Cách_mạng Việt_Nam muôn_năm!
Toàn_Đảng, toàn_dân, toàn_quân quyết_tâm thực_hiện thắng_lợi nghị_quyết đại_hội đảng_bộ các cấp và Nghị_quyết Đại_hội lần_thứ XIII của Đảng!
""".strip().splitlines()


def sample_slogans() -> list[str]:
    out = []
    for f in sorted((ROOT / "content" / "ke-hoach").glob("*.md")):
        front = f.read_text(encoding="utf-8").split("\n---", 1)[0].lstrip("-\n")
        for s in yaml.safe_load(front).get("slogans") or []:
            text = unicodedata.normalize("NFC", s if isinstance(s, str) else s["text"])
            if text not in out:
                out.append(text)
    return out


def word_starts(segmented: str) -> set[int]:
    """Indexes of the syllables that begin a word (a line may start only there)."""
    starts, i = set(), 0
    for word in segmented.split(" "):
        starts.add(i)
        i += len(word.split("_"))
    return starts


ORACLE = {unicodedata.normalize("NFC", s.replace("_", " ")): word_starts(s) for s in SEGMENTED}


def test_the_oracle_covers_every_sample_slogan():
    assert sorted(ORACLE) == sorted(sample_slogans())


def line_starts(lines) -> list[int]:
    out, i = [], 0
    for line in lines:
        out.append(i)
        i += len(line.split(" "))
    return out


@pytest.mark.parametrize("slogan", sorted(ORACLE))
def test_units_never_split_a_word(slogan):
    starts = line_starts(linebreak.units(slogan))           # each piece is a run of whole words
    assert set(starts) <= ORACLE[slogan], (slogan, linebreak.units(slogan))


@pytest.mark.parametrize("fmt", sorted(BANNER_FORMATS))
def test_no_banner_line_ends_inside_a_word(fmt):
    f = BANNER_FORMATS[fmt]
    margin = f.height_mm * f.margin_ratio
    width, height = f.width_mm - 2 * margin, f.height_mm - 2 * margin
    bad = []
    for slogan, starts in ORACLE.items():
        fitted = fit_text(slogan, width, height, max_lines=f.max_lines, max_size_pt=f.height_mm / PT * 0.5)
        assert " ".join(fitted.lines) == slogan                     # nothing lost, nothing added
        if not set(line_starts(fitted.lines)) <= starts:
            bad.append(" / ".join(fitted.lines))
    assert bad == []


def test_the_issues_cases_stay_whole():
    for text, word in [("Đảng bộ và nhân dân Thủ đô", "Đảng bộ"), ("sức mạnh đại đoàn kết toàn dân tộc,", "dân tộc,"),
                       ("Đại hội đại biểu toàn quốc lần thứ XIII", "toàn quốc")]:
        assert any(word in unit for unit in linebreak.units(text)), linebreak.units(text)
    assert "lần thứ XIII" in linebreak.units("Đại hội lần thứ XIII của Đảng")
    assert "nhiệm kỳ 2020 - 2025!" in linebreak.units("các cấp nhiệm kỳ 2020 - 2025!")
    assert "Hồ Chí Minh" in linebreak.units("Chủ tịch Hồ Chí Minh vĩ đại")
    assert re.search(r"hòa|hoà", " ".join(u for u in linebreak.units("Nước Cộng hoà xã hội") if " " in u))
