"""daihoi.model.content.load: the plans are read again when one of their files changes, not when a
post is saved (the preview rebuilds after every save); a post that cannot be read is still an
error; the result is what a fresh reading gives."""
import os
import shutil
import time
from pathlib import Path

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


def _new_process():
    """What a new build starts with: nothing read, nothing taken up."""
    content._last.clear()
    content._kept.update(before=None, made=None)


def test_the_next_build_takes_up_the_plans_as_read_and_reads_them_again_when_changed(tmp_path, monkeypatch):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    kept = tmp_path / "ke-hoach.pickle"
    _new_process()
    content.remember(kept, "v1")                    # nothing kept yet: read
    first = content.load(folder)
    content.keep(kept, "v1")
    assert kept.is_file()

    reads = []
    real = content._load_plans
    monkeypatch.setattr(content, "_load_plans", lambda d: reads.append(d) or real(d))

    _new_process()
    content.remember(kept, "v1")
    assert content.load(folder) == first and reads == []        # taken up, equal to a fresh reading
    content.keep(kept, "v1")                                    # nothing new: the file is left

    _new_process()
    content.remember(kept, "v2")                                # other code: read again
    assert content.load(folder) == first and len(reads) == 1

    # A plan changed without changing its size or its time (a clock's coarse grain, a copy that
    # keeps times): told by its bytes, read again.
    plan = [f for f in sorted((folder / "ke-hoach").glob("*.md")) if f.name != "index.md"][0]
    text, stat = plan.read_text(encoding="utf-8"), plan.stat()
    head, year, tail = text.rpartition("2016")                 # a date in the plan's last line
    assert year
    plan.write_text(head + "2015" + tail, encoding="utf-8")
    os.utime(plan, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert plan.stat().st_size == stat.st_size and plan.stat().st_mtime_ns == stat.st_mtime_ns
    _new_process()
    content.remember(kept, "v1")
    changed = content.load(folder)
    assert len(reads) == 2 and changed != first

    kept.write_bytes(b"not a pickle")                           # unreadable: read again
    _new_process()
    content.remember(kept, "v1")
    assert content.load(folder) == changed and len(reads) == 3
    _new_process()


def test_the_folder_named_as_typed_or_by_its_full_path_is_read_once(tmp_path, monkeypatch):
    """The check names the folder as the editor typed it ("noi-dung"), the engine by its full path:
    one reading of the plans serves both, and the next build takes it up (each took the other's
    name for a change, and every build read the plans twice)."""
    folder = tmp_path / "noi-dung"
    shutil.copytree(ROOT / "content", folder)
    kept = tmp_path / "ke-hoach.pickle"
    reads = []
    real = content._load_plans
    monkeypatch.setattr(content, "_load_plans", lambda d: reads.append(d) or real(d))
    monkeypatch.chdir(tmp_path)
    _new_process()
    content.remember(kept, "v1")
    first = content.load(Path("noi-dung"))
    assert content.load(folder.resolve()) == first and len(reads) == 1
    content.keep(kept, "v1")

    _new_process()
    content.remember(kept, "v1")
    assert content.load(folder.resolve()) == first and content.load(Path("./noi-dung")) == first
    assert len(reads) == 1
    _new_process()


def test_plans_read_is_called_once_the_plans_are_read_before_the_other_pages(tmp_path, monkeypatch):
    """A build begins the plans' documents from `plans_read`, while the posts are still being read;
    a post's error still makes the site None, and a plan's error calls nothing."""
    from daihoi.model import content, source

    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    posts = sorted((folder / "tin-tuc").glob("*.md"))
    order: list = []
    real = source.read
    monkeypatch.setattr(source, "read", lambda file, shown: order.append(shown) or real(file, shown))
    seen: list = []
    site, _ = content.load(folder, lambda site: seen.append((len(order), [p.path for p in site.plans])))
    assert site is not None and len(seen) == 1
    read_before, plans = seen[0]
    assert plans == [p.path for p in site.plans]
    assert not [name for name in order[:read_before] if "tin-tuc/" in name]      # no post read yet
    assert [name for name in order[read_before:] if "tin-tuc/" in name]

    posts[0].write_text("---\ntitle: [không đóng\n---\n", encoding="utf-8")       # a post with an error
    seen.clear()
    site, problems = content.load(folder, lambda site: seen.append(site))
    assert site is None and len(seen) == 1

    plan = sorted((folder / "ke-hoach").glob("*.md"))[0]
    plan.write_text(plan.read_text(encoding="utf-8").replace("\n---\n", "\nngay_ban_hanh: [\n---\n", 1),
                    encoding="utf-8")                                             # a plan with an error
    seen.clear()
    site, problems = content.load(folder, lambda site: seen.append(site))
    assert site is None and seen == []
