"""The address a request comes from, as the throttles per address count it.

Behind QUIZGEN_PROXY_COUNT proxies that each append the address they got the request from to
X-Forwarded-For, the client is that many entries from the right; entries further left were
written by the client itself and could be anything, so they are never read.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address (an IPv6 address as its /64 network, which one client usually has)."""
    address = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.QUIZGEN_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
