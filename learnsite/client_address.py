"""The address a request comes from, as the throttles per address count it.

Behind QUIZGEN_PROXY_COUNT proxies that each append the address they got the request from to
X-Forwarded-For, the client is that many entries from the right; entries further left were
written by the client itself and could be anything, so they are never read.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address, None when the request has none (a test's bare request). An IPv6
    address counts as the first address of its /64 network, which one client usually has all of;
    django-axes stores the answer in an IP address column, so it is always a single address."""
    address = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.QUIZGEN_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)
