"""Debian's Chromium through Playwright, and a live server for it to visit."""

from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer

from .chromium import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture
def server():
    """The site on 127.0.0.1 and a free port, stopped after the test."""
    live = LiveServer("127.0.0.1:0")
    yield live
    live.stop()


@pytest.fixture
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (CI installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
