"""daihoi.model.content.load: the plans are read again when one of their files changes, not when a
post is saved (the preview rebuilds after every save); a post that cannot be read is still an
error; the result is what a fresh reading gives."""
import os
import shutil
import time

from helpers import ROOT
from daihoi.model import content
from daihoi.model.problems import errors


def _save(path, text):
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5         # a newer time than the file had, whatever the clock's grain
    os.utime(path, (later, later))


def test_saving_a_post_does_not_read_the_plans_again_and_saving_a_plan_does(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    site, _ = content.load(folder)
    post = sorted((folder / "tin-tuc").glob("*.md"))[0]

    _save(post, post.read_text(encoding="utf-8") + "\nMột câu thêm.\n")
    again, _ = content.load(folder)
    assert again.plans[0] is site.plans[0]

    _save(post, "---\ntitle: [chưa đóng\n---\n")            # YAML that cannot be read
    broken, problems = content.load(folder)
    assert broken is None and any(p.path.endswith(post.name) for p in errors(problems))

    _save(post, "---\ntitle: \"Tin\"\ndate: 2020-09-01\n---\nNội dung.\n")
    plan = [f for f in sorted((folder / "ke-hoach").glob("*.md")) if f.name != "index.md"][-1]
    _save(plan, plan.read_text(encoding="utf-8") + "\nMột dòng thêm vào kế hoạch.\n")
    fresh, problems = content.load(folder)
    (edited,) = [p for p in fresh.plans if p.path.endswith(plan.name)]
    assert "Một dòng thêm vào kế hoạch." in edited.data["body"]
    content._last.clear()
    assert content.load(folder) == (fresh, problems)        # the same as reading from nothing
