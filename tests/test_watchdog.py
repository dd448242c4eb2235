"""daihoi.cli.watchdog: a page that renders too long interrupts the build and is named; only when armed."""
import threading
import time

import pytest

from daihoi.cli import watchdog


def busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_page_over_its_limit_is_interrupted_and_named():
    watchdog.enable(page_seconds=0.2, total_seconds=100)
    try:
        with pytest.raises(KeyboardInterrupt):
            watchdog.start("content/tin-tuc/cham.md")
            busy(10)
        assert watchdog.expired() == ("content/tin-tuc/cham.md", False)
        what, fix = watchdog.message()
        assert "hơn 0.2 giây để chuyển thành HTML" in what and fix
    finally:
        watchdog.disable()


def test_pages_within_their_limit_are_left_alone_and_the_total_is_bounded():
    watchdog.enable(page_seconds=5, total_seconds=0.5)
    try:
        for n in range(3):
            watchdog.start(f"content/trang-{n}.md")
            busy(0.1)
            watchdog.stop()
        assert watchdog.expired() is None
        with pytest.raises(KeyboardInterrupt):
            watchdog.start("content/trang-cuoi.md")
            busy(10)
        assert watchdog.expired() == ("content/trang-cuoi.md", True)
        assert "cho tất cả các trang" in watchdog.message()[0]
    finally:
        watchdog.disable()


def test_not_armed_outside_a_build_nor_in_another_thread():
    watchdog.disable()
    watchdog.start("content/a.md")
    assert watchdog._state["deadline"] is None
    watchdog.enable(page_seconds=0.1)
    try:
        thread = threading.Thread(target=watchdog.start, args=("content/b.md",))
        thread.start()
        thread.join()
        assert watchdog._state["deadline"] is None
    finally:
        watchdog.disable()


def test_a_stop_asked_from_another_thread_stops_at_the_next_page_only():
    """The content check, done in a worker while the engine builds, stops it between two pages:
    raised in the build's own thread when the next page begins, once, and not once withdrawn."""
    asker = threading.Thread(target=watchdog.stop_at_next_page)
    asker.start()
    asker.join()
    seen = []
    elsewhere = threading.Thread(target=lambda: seen.append(watchdog.start("tin-tuc/a.md")))
    elsewhere.start()
    elsewhere.join()
    assert seen == [None]           # another thread (the preview's) is not stopped
    with pytest.raises(watchdog.Stopped):
        watchdog.start("tin-tuc/b.md")
    assert issubclass(watchdog.Stopped, KeyboardInterrupt)  # build.py cleans up as after Ctrl+C
    watchdog.start("tin-tuc/c.md")  # once only
    watchdog.stop()
    watchdog.stop_at_next_page()
    watchdog.stop_at_next_page(False)
    watchdog.start("tin-tuc/d.md")  # withdrawn
    watchdog.stop()
