"""A post's phase in a plan with parallel tracks (the sample plan 38-KH/ĐU has "Đợt 2" in both
of its tracks), and posts dated after the build day. On the sample content folder."""
from datetime import date
from pathlib import Path

import pytest

from helpers import ROOT, run_cli
from daihoi.model import content, news

SAMPLE = ROOT / "content"


@pytest.fixture(scope="module")
def site():
    s, problems = content.load(SAMPLE)
    assert s is not None, [str(p) for p in problems]
    return s


def plan(site, number):
    return next(p for p in site.plans if p.number == number)


def read(site, tmp_path, front: str):
    (tmp_path / "tin-tuc").mkdir(exist_ok=True)
    f = tmp_path / "tin-tuc" / "bai.md"
    f.write_text(f'---\ntitle: "Tin"\ndate: "2020-07-15"\nplan: "38-KH/ĐU"\n{front}\n---\nNội dung.\n', encoding="utf-8")
    return news.read_post(f, "content/tin-tuc/bai.md", site.plans, site.congresses)


def test_the_sample_plan_has_two_phases_named_dot_2(site):
    twos = [ph for ph in plan(site, "38-KH/ĐU").phases if ph.label == "Đợt 2"]
    assert len(twos) == 2 and twos[0].track != twos[1].track and twos[0].key != twos[1].key


def test_track_and_label_name_one_phase(site, tmp_path):
    post, problems = read(site, tmp_path, 'phase: "Đợt 2"\ntrack: "2"')
    assert post is not None and not [p for p in problems if p.is_error]
    ph = next(ph for ph in plan(site, "38-KH/ĐU").phases if ph.key == post["phase_key"])
    assert (ph.track, ph.label) == ("2", "Đợt 2") and "Trong thời gian" in ph.title


def test_a_label_in_two_tracks_without_track_is_refused_with_the_choices(site, tmp_path):
    post, problems = read(site, tmp_path, 'phase: "Đợt 2"')
    assert post is None
    [p] = [p for p in problems if p.is_error]
    assert p.code == "news-phase-ambiguous" and p.line == 5           # the phase: line
    text = str(p)
    assert text.startswith("content/tin-tuc/bai.md:5: Kế hoạch 38-KH/ĐU có 2 đợt tên “Đợt 2”")
    assert 'track: "1" và phase: "Đợt 2"' in text and 'track: "2" và phase: "Đợt 2"' in text   # how to fix
    assert "Từ tháng 7/2020" in text and "Trong thời gian diễn ra Đại hội lần thứ XIII" in text
    assert text.endswith("docs/huong-dan-bien-tap.md#loi-news-phase-ambiguous")


@pytest.mark.parametrize("front, key, fix", [
    ('phase: "Đợt 2"\ntrack: "5"', "track", 'track: "1" và phase: "Đợt 2"'),     # no such track
    ('phase: "Đợt 9"', "phase", 'track: "2" và phase: "Đợt 3"'),                  # no such phase: every phase listed
])
def test_unknown_track_or_phase_lists_what_can_be_written(site, tmp_path, front, key, fix):
    post, problems = read(site, tmp_path, front)
    assert post is None
    [p] = [p for p in problems if p.is_error]
    assert p.code == "news-phase" and fix in p.fix
    assert p.line == (6 if key == "track" else 5)


def test_an_unambiguous_label_needs_no_track(site, tmp_path):
    # 07-KH/ĐUK has no tracks: the old form (plan + phase) keeps working, by label or by the shown name.
    for label in ("2", "Giai đoạn 2"):
        f = tmp_path / "tin-tuc" / "bai.md"
        f.parent.mkdir(exist_ok=True)
        f.write_text(f'---\ntitle: "Tin"\ndate: "2016-01-22"\nplan: "07-KH/ĐUK"\nphase: "{label}"\n---\n', encoding="utf-8")
        post, problems = news.read_post(f, "content/tin-tuc/bai.md", site.plans, site.congresses)
        assert post is not None and post["phase"] == "2", (label, [str(p) for p in problems])


def test_each_tracks_phase_has_its_own_news_page(site):
    posts, problems = news.load(SAMPLE, site.plans, site.congresses)
    assert not [p for p in problems if p.is_error]
    nw = news.build(posts, site.plans, date(2021, 3, 1))
    pages = {k: v for k, v in nw.phases.items() if k[0] == "38-KH/ĐU"}
    track_one_dot_2 = next(ph for ph in plan(site, "38-KH/ĐU").phases if (ph.track, ph.label) == ("1", "Đợt 2"))
    track_two_dot_2 = next(ph for ph in plan(site, "38-KH/ĐU").phases if (ph.track, ph.label) == ("2", "Đợt 2"))
    assert pages[("38-KH/ĐU", track_one_dot_2.key)]["count"] == 2                  # the July and August 2020 posts
    assert ("38-KH/ĐU", track_two_dot_2.key) not in pages                          # the congress's own Đợt 2: none
    view = nw.pages[news.phase_page("38-KH/ĐU", track_one_dot_2.key)]
    assert "Từ tháng 7/2020" in view["heading"]


def test_posts_after_the_build_day_wait_for_their_day(site):
    posts, _ = news.load(SAMPLE, site.plans, site.congresses)
    later = [p for p in posts if p["date"] > date(2020, 9, 15)]
    assert [p["slug"] for p in later] == ["2020-10-05-gop-y-van-kien"]
    nw = news.build(posts, site.plans, date(2020, 9, 15))
    assert nw.later == later and later[0] not in nw.posts
    listed = [p for v in nw.pages.values() for p in v["posts"]]
    assert later[0] not in listed and "thang/2020-10" not in " ".join(nw.pages)
    assert later[0] in news.build(posts, site.plans, date(2020, 10, 5)).posts        # on its day


def test_categories_in_vietnamese_order(site):
    posts, _ = news.load(SAMPLE, site.plans, site.congresses)
    names = [c["name"] for c in news.build(posts, site.plans).categories]
    assert names.index("Đại hội cơ sở") < names.index("Góp ý văn kiện") < names.index("Tuyên truyền trực quan")


def test_check_reports_an_ambiguous_post_with_file_and_line(tmp_path):
    import shutil
    copy = tmp_path / "content"
    shutil.copytree(SAMPLE, copy)
    post = copy / "tin-tuc" / "2020-07-15-bang-ron-khau-hieu.md"
    post.write_text(post.read_text(encoding="utf-8").replace('track: "1"\n', ""), encoding="utf-8")
    result = run_cli("check", "--content-dir", copy)
    assert result.returncode == 1
    assert "tin-tuc/2020-07-15-bang-ron-khau-hieu.md:10: Kế hoạch 38-KH/ĐU có 2 đợt tên “Đợt 2”" in result.stderr
    assert 'track: "1" và phase: "Đợt 2"' in result.stderr
