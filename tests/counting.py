"""Sending count requests as a visitor would, for the view-counter tests."""

from pathways.models import Pathway

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
ADDRESS = "203.0.113.7"


def count_url(pathway):
    return f"{pathway.get_absolute_url()}view"


def stored_views(pathway):
    return Pathway.objects.values_list("views", flat=True).get(pk=pathway.pk)


def visit(client, pathway, method="post", *, address=ADDRESS, agent=FIREFOX, headers=None):
    """One count request from the visitor at ``address`` with ``agent``."""
    send = getattr(client, method)
    headers = {"User-Agent": agent, **(headers or {})}
    return send(count_url(pathway), headers=headers, REMOTE_ADDR=address)
