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
