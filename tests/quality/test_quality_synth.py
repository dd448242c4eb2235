"""bench/synth.py: a full content folder, reproducible, that the real command accepts."""
from __future__ import annotations

import sys

import yaml

from helpers import ROOT, run_cli

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402


def front_and_body(path):
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def test_quality_synth_writes_settings_plans_and_posts(tmp_path):
    out = synth.generate(tmp_path / "c", posts=12, plans=2, seed=3)
    assert (out / "_du-lieu" / "cai-dat.yml").is_file() and (out / "_du-lieu" / "dai-hoi.yml").is_file()
    assert len([p for p in (out / "ke-hoach").glob("*.md") if p.name != "index.md"]) == 2
    posts = sorted((out / "tin-tuc").glob("*.md"))
    assert len(posts) == 12
    plans = dict(synth.plan_phases(sorted(p for p in (out / "ke-hoach").glob("*.md") if p.name != "index.md")))
    for post in posts:
        front, body = front_and_body(post)
        assert {"title", "date", "author", "summary", "categories"} <= set(front)
        assert post.name.startswith(front["date"])
        assert 380 <= len(body.split()) <= 480
        assert "ư" in body or "ơ" in body            # Vietnamese, with its letters
        if "plan" in front:
            assert named_phase(front) in plans[front["plan"]]


def named_phase(front: dict) -> tuple[str | None, str]:
    """(track, label) a post names, as plan_phases lists a plan's phases: a phase is named by the
    plan, its label and, in a plan with parallel tracks (two "Đợt 1"), its track."""
    return front.get("track"), front["phase"]


def test_quality_synth_names_the_track_of_a_phase_in_parallel_tracks(tmp_path):
    out = synth.generate(tmp_path / "c", posts=40, plans=3, seed=3)
    plans = dict(synth.plan_phases(sorted(p for p in (out / "ke-hoach").glob("*.md") if p.name != "index.md")))
    tracked = {n for n, phases in plans.items() if any(t for t, _ in phases)}
    assert tracked and all(len(set(phases)) == len(phases) for phases in plans.values())
    posts = [f for f in (front_and_body(p)[0] for p in sorted((out / "tin-tuc").glob("*.md"))) if "plan" in f]
    assert any(f["plan"] in tracked for f in posts)
    for front in posts:
        assert named_phase(front) in plans[front["plan"]]
        assert ("track" in front) == (front["plan"] in tracked)


def test_quality_synth_is_reproducible_from_its_seed(tmp_path):
    a = synth.generate(tmp_path / "a", posts=5, seed=7)
    b = synth.generate(tmp_path / "b", posts=5, seed=7)
    c = synth.generate(tmp_path / "c", posts=5, seed=8)
    read = lambda d: [p.read_text(encoding="utf-8") for p in sorted((d / "tin-tuc").glob("*.md"))]  # noqa: E731
    assert read(a) == read(b) != read(c)


def test_quality_synth_site_passes_the_content_check(tmp_path):
    out = synth.generate(tmp_path / "c", posts=30, seed=1)
    r = run_cli("check", "--content-dir", out)
    assert r.returncode == 0, r.stderr
