"""Debian's Chromium and how the browser tests drive it."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # The machine has no network: keep Chromium from trying to reach one.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def console_errors(message):
    """Errors a page logs (a refused script or style shows up here), but for the
    browser's own request for /favicon.ico, which the site does not serve."""
    if message.type != "error" or message.location["url"].endswith("/favicon.ico"):
        return []
    return [f"{message.text} at {message.location['url']}"]


def open_page(browser, problems, **context_options):
    """A page in a new context whose console errors and page errors go to ``problems``."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("console", lambda message: problems.extend(console_errors(message)))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return page


EDITOR, PASSWORD = "eddie", "a-long-password"


def make_editor():
    """A staff account in the Editors group (database work: before Playwright starts)."""
    from django.contrib.auth.models import Group, User

    editor = User.objects.create_user(EDITOR, password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def log_in(page, server, next_path):
    """Sign in to the admin as ``make_editor``'s editor, landing on ``next_path``."""
    page.goto(f"{server.url}/admin/login/?next={next_path}")
    page.fill("#id_username", EDITOR)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
