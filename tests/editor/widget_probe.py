"""Open the built widget in Chromium, with a fixed clock per day; print what it shows as JSON.

    python widget_probe.py SITE_DIR DAY [DAY ...]

Run in its own process by test_editor_widget.py: Playwright's sync API runs
once per process, and tests/browser/ already holds that one for the session.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "bench"))
sys.path.insert(0, str(HERE.parent / "browser"))

from _serve import serve  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, PHONE  # noqa: E402  (tests/browser/conftest.py)


def main(site_dir: str, days: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    portal = Path(site_dir).parent / "portal-widget"
    portal.mkdir(exist_ok=True)
    mount = portal / "huong-toi-dai-hoi"
    if not mount.exists():
        mount.symlink_to(Path(site_dir).resolve(), target_is_directory=True)
    out = {"days": {}}
    with serve(portal) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        section = base + "huong-toi-dai-hoi/"
        for day in days:
            context = browser.new_context(viewport=PHONE, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
            page = context.new_page()
            errors, requests = [], []
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.clock.set_fixed_time(f"{day}T08:00:00+07:00")
            page.goto(section + "widget/")
            out["days"][day] = {
                "countdown": page.inner_text("[data-dhw-countdown]").strip(),
                "pick": page.get_attribute("[data-dhw-phase]", "data-pick"),
                "link": page.inner_text("[data-dhw-link]").strip() if page.is_visible("[data-dhw-link]") else None,
                "href": page.get_attribute("[data-dhw-link]", "href"),
                "range": page.inner_text("[data-dhw-range]").strip() if page.is_visible("[data-dhw-range]") else None,
                "errors": errors, "outside": [u for u in requests if not u.startswith(base)],
            }
            context.close()
        # In a portal's iframe: the phase link opens the plan in the whole window.
        context = browser.new_context(viewport=PHONE, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
        page = context.new_page()
        page.clock.set_fixed_time(f"{days[0]}T08:00:00+07:00")
        page.goto(base)
        page.set_content(f'<iframe src="{section}widget/" title="Hướng tới Đại hội" width="320" height="300"></iframe>')
        page.frame_locator("iframe").locator("[data-dhw-link]").click()
        page.wait_for_load_state()
        page.wait_for_function("() => !document.querySelector('iframe')")
        out["iframe_click"] = page.url[len(section):]
        context.close()
        browser.close()
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2:]), ensure_ascii=False))
