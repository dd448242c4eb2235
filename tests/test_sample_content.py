"""The bundled sample site: its plans are the importer's output for the seeds, and their
data equals the seeds' expected JSON (the plan/1 contract)."""
import json
import re

import pytest

from helpers import FIXTURES, ROOT
from daihoi.model import content, contract
from daihoi.importer.sources import import_with_extras
from daihoi.importer.writer import to_content

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def sample():
    site, problems = content.load(ROOT / "content")
    assert site is not None, [str(p) for p in problems]
    return {p.number: p for p in site.plans}


def _without_source_comment(text: str) -> str:
    # The importer's first comment names the file it read (the seed's copy here).
    return re.sub(r"^# Tệp này do trình nhập kế hoạch tạo ra.*\n", "", text, count=1, flags=re.M)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_sample_plan_is_importer_output(seed, sample):
    plan, extra = import_with_extras(seed)
    expected = to_content(plan, extra)
    path = ROOT / "content/ke-hoach" / f"{sample[plan['number']].slug}.md"
    assert _without_source_comment(path.read_text(encoding="utf-8")) == _without_source_comment(expected)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_sample_plan_data_equals_expected_json(seed, sample):
    expected = json.loads(seed.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))
    data = contract.to_json(sample[expected["number"]])
    for key, value in expected.items():
        if key == "units_count":
            assert len(data["units"]) == value
        elif key == "phases":
            got = [{k: p.get(k) for k in ("track", "label", "title", "start", "end")} for p in data["phases"]]
            assert got == value
        elif key == "bases":
            assert [{k: b.get(k) for k in ("number", "date")} for b in data["bases"]] == value
        elif key == "reporting":
            assert [{k: r.get(k) for k in ("due", "day_of_month")} for r in data["reporting"]] == value
        else:
            assert data[key] == value, key


def test_relative_phases_linked_to_congresses_from_their_words(sample):
    links = {(p.track, p.label): p.congress for p in sample["38-KH/ĐU"].phases if p.when}
    assert links == {("1", "Đợt 4"): "xiii-dang-bo-khoi-tw", ("2", "Đợt 1"): "xiii-toan-quoc",
                     ("2", "Đợt 2"): "xiii-toan-quoc", ("2", "Đợt 3"): "xiii-toan-quoc"}
