"""The README's screenshots: a guide and a hub, on a phone and a desktop, from the running site.

Migrates a throwaway SQLite database, imports ``fixtures/pathways.json``,
serves the site with ``runserver`` on a free loopback port and photographs
the first screen of each page with Debian's Chromium through Playwright into
``docs/screenshots/``, as 128-colour PNGs (the four files stay well under
1 MB). Run it with ``make screenshots`` after changing how pages look.
"""

import io
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from bench.servers import ROOT, free_port

OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "guide": "/pathways/backend-developer-to-ai-engineering-manager/",
    "hub": "/become/product-manager/",
}
# Width and height of the first screen: the height crops a page thousands of pixels long.
SCREENS = {"phone": (390, 844), "desktop": (1280, 800)}
COLOURS = 128


def _run(args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def _small_png(png: bytes) -> bytes:
    """A screenshot in a palette: text and flat colours lose nothing a reader sees."""
    out = io.BytesIO()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(COLOURS).save(out, "PNG", optimize=True)
    return out.getvalue()


def photograph(base: str) -> list[Path]:
    """Each page on each screen, written to ``OUT``; returns the files."""
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for screen, (width, height) in SCREENS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, color_scheme="light"
            )
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(base + path, wait_until="networkidle")
                target = OUT / f"{name}-{screen}.png"
                target.write_bytes(_small_png(page.screenshot()))
                written.append(target)
            context.close()
        browser.close()
    return written


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        env = dict(
            os.environ,
            DATABASE_URL=f"sqlite:///{work}/screenshots.sqlite3",
            DJANGO_DEBUG="true",
            DJANGO_SETTINGS_MODULE="pathways_site.settings.dev",
        )
        _run(["migrate", "--no-input", "-v", "0"], env)
        _run(["import_pathways", "fixtures/pathways.json", "-v", "0"], env)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(base + "/healthz", server)
            files = photograph(base)
        finally:
            server.terminate()
            server.wait(timeout=10)
    total = sum(path.stat().st_size for path in files)
    for path in files:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    print(f"total: {total // 1024} KB")


if __name__ == "__main__":
    main()
