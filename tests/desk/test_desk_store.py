"""The desk's files (daihoi/desk/store.py): never written outside content/, comments kept."""
from __future__ import annotations

import shutil

import pytest

from daihoi.desk import store as S
from daihoi.model import source
from helpers import ROOT


def test_no_write_outside_the_content_folder(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    st = S.Store(content)
    for bad in (tmp_path / "x.md", content / ".." / "x.md", content / "tin-tuc" / ".." / ".." / "x.md"):
        with pytest.raises(S.Refused):
            st.write(bad, "x")
    (tmp_path / "ngoai").mkdir()
    (content / "lien-ket").symlink_to(tmp_path / "ngoai", target_is_directory=True)
    with pytest.raises(S.Refused):
        st.write(content / "lien-ket" / "x.md", "x")
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == []
    st.write(content / "tin-tuc" / "a.md", "ok")
    assert (content / "tin-tuc" / "a.md").read_text() == "ok"


def test_named_only_lists_files_that_are_there(tmp_path):
    st = S.Store(tmp_path)
    files = [tmp_path / "ke-hoach" / "07-kh-duk.md"]
    assert st.named(files, "07-kh-duk") == files[0]
    for bad in ("../07-kh-duk", "07-kh-duk/..", "", ".hidden", "khac"):
        assert st.named(files, bad) is None


def test_congress_value_changed_in_place(tmp_path):
    shutil.copy(ROOT / "content" / "_du-lieu" / "dai-hoi.yml", tmp_path / "dai-hoi.yml")
    text = (tmp_path / "dai-hoi.yml").read_text(encoding="utf-8")
    src, _ = source.parse_yaml(text, "x", 1)
    out = S.set_congress_value(text, src, "xiii-dang-bo-khoi-tw", "opening", "2020-10-14")
    src2, _ = source.parse_yaml(out, "x", 1)
    out = S.set_congress_value(out, src2, "xiii-dang-bo-khoi-tw", "closing", "2020-10-16")
    new, found = source.parse_yaml(out, "x", 1)
    assert found == []
    assert new.data["xiii-dang-bo-khoi-tw"]["opening"] == "2020-10-14"
    assert new.data["xiii-dang-bo-khoi-tw"]["closing"] == "2020-10-16"
    assert [l for l in out.splitlines() if l.lstrip().startswith("#")] == \
        [l for l in text.splitlines() if l.lstrip().startswith("#")]
    assert len(out.splitlines()) == len(text.splitlines())
    # A key the entry does not have yet is added under it.
    src3, _ = source.parse_yaml(out, "x", 1)
    lines = [l for l in out.splitlines() if not l.strip().startswith("term:")]
    out2 = "\n".join(lines)
    src3, _ = source.parse_yaml(out2, "x", 1)
    out3 = S.set_congress_value(out2, src3, "xii-toan-quoc", "term", "nhiệm kỳ 2016 - 2021")
    assert source.parse_yaml(out3, "x", 1)[0].data["xii-toan-quoc"]["term"] == "nhiệm kỳ 2016 - 2021"


def test_plan_text_keeps_the_importers_report_and_the_text():
    data = {"title": "T", "number": "1-KH/ĐU", "system": "dang", "date": "2020-01-01", "issuer": None,
            "slogans": ["A!", None], "phases": [{"label": "1", "peak": {}}]}
    text = S.plan_text(data, "\n## I. MỤC ĐÍCH\n", "# Tệp này do trình nhập tạo ra.\n")
    assert text == ('---\n# Tệp này do trình nhập tạo ra.\nnumber: "1-KH/ĐU"\nsystem: "dang"\ndate: "2020-01-01"\n'
                    'title: "T"\nphases:\n- label: "1"\nslogans:\n- "A!"\n---\n\n## I. MỤC ĐÍCH\n')
    assert S.head_comments('---\n# a\n# b\nnumber: "x"\n# c\n---\n') == "# a\n# b\n"
