"""The address of the client that sent a request.

Behind a proxy, ``REMOTE_ADDR`` is the proxy's address and the client's is in
``X-Forwarded-For``, which each proxy extends with the address it saw. Anyone
can send that header, so only the entries our own proxies wrote are believed:
with ``TRUSTED_PROXY_COUNT`` = N (env ``DJANGO_TRUSTED_PROXIES``), the Nth entry
from the right. With 0 (the default) the header is ignored. Whatever the client
puts further left cannot change the answer.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The client's IP address, normalised; ``REMOTE_ADDR`` unless proxies are trusted."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted < 1:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(forwarded) < trusted:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-trusted].strip()))
    except ValueError:
        # Our proxy wrote no usable address (e.g. no header at all): trust the socket.
        return remote
