"""The site's guarded fetch: one deadline for the whole fetch however slowly a server sends, and
IPv4 addresses inside IPv6 ones judged as the IPv4 address they are (issue 15, findings 2, 13)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from django.test import override_settings
from django.urls import reverse

from learnsite.quizzes.models import Quiz
from learnsite.quizzes.services import text_sources
from learnsite.quizzes.services.text_sources import embedded_ipv4, is_public_address
from quizgen.errors import FetchError
from quizgen.text.fetching import fetch_article
from tests.learnsite.quiz_factories import make_teacher

pytestmark = pytest.mark.django_db

#: how long the trickling server keeps sending, one byte every 0.1 s: far past any deadline here
TRICKLE_SECONDS = 8.0


def _trickle(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    try:
        conn.recv(65536)
        conn.sendall(head)
        ends = time.monotonic() + TRICKLE_SECONDS
        while not stop.is_set() and time.monotonic() < ends:
            conn.sendall(b"x")
            time.sleep(0.1)
    except OSError:
        pass
    finally:
        conn.close()


@pytest.fixture(params=["headers", "body"])
def trickling_server(request) -> Iterator[str]:
    """A server that answers a byte every 0.1 s: in its headers (which never end), or in a body
    of 100,000 bytes; each byte comes well within any per-read timeout."""
    head = (b"HTTP/1.1 200 OK\r\nX-Slow: " if request.param == "headers" else
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    stop = threading.Event()
    threads: list[threading.Thread] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            thread = threading.Thread(target=_trickle, args=(conn, head, stop), daemon=True)
            thread.start()
            threads.append(thread)

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/artikel"
    stop.set()
    acceptor.join()
    for thread in threads:
        thread.join()
    server.close()


def test_a_server_that_trickles_its_reply_is_cut_off_at_the_deadline(client, trickling_server) -> None:
    client.force_login(make_teacher())
    started = time.monotonic()
    with override_settings(QUIZGEN_FETCH_ALLOW_PRIVATE=True, QUIZGEN_FETCH_TIMEOUT=1):
        response = client.post(reverse("quizzes:new"), {"url": trickling_server})
    elapsed = time.monotonic() - started
    assert response.status_code == 422 and "could not be fetched in time" in response.content.decode()
    # the deadline is 1 s; the server would go on for 8 s (the old per-read timeout never fired)
    assert elapsed < TRICKLE_SECONDS / 2, elapsed
    assert not Quiz.objects.exists()


def test_the_command_lines_fetch_has_the_same_deadline(trickling_server) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 0.5 seconds"):
        fetch_article(trickling_server, timeout=0.5)
    assert time.monotonic() - started < TRICKLE_SECONDS / 2


@pytest.mark.parametrize(("address", "inner"), [
    ("::ffff:127.0.0.1", "127.0.0.1"),  # IPv4-mapped
    ("::ffff:10.0.0.1", "10.0.0.1"),
    ("::127.0.0.1", "127.0.0.1"),  # IPv4-compatible (deprecated)
    ("64:ff9b::7f00:1", "127.0.0.1"),  # NAT64 well-known prefix
    ("64:ff9b::a9fe:a9fe", "169.254.169.254"),  # a cloud's metadata service through NAT64
    ("2002:c0a8:101::1", "192.168.1.1"),  # 6to4
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1"),  # Teredo (the client address, inverted)
])
def test_an_ipv4_address_inside_an_ipv6_address_is_judged_as_that_ipv4_address(address: str, inner: str) -> None:
    import ipaddress

    assert str(embedded_ipv4(ipaddress.ip_address(address))) == inner
    assert not is_public_address(address)


def test_public_ipv4_inside_ipv6_and_plain_public_addresses_stay_allowed() -> None:
    for address in ("64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8", "8.8.8.8", "2a00:1450:4001:80b::200e"):
        assert is_public_address(address), address
    assert not is_public_address("64:ff9b:1::808:808")  # local-use NAT64 prefix: inside a network only


@pytest.mark.parametrize("address", ["64:ff9b::7f00:1", "2002:7f00:1::1", "::ffff:127.0.0.1", "::127.0.0.1"])
def test_a_host_that_resolves_to_an_embedded_private_address_is_refused_before_connecting(
        client, monkeypatch, address: str) -> None:
    client.force_login(make_teacher())
    monkeypatch.setattr(text_sources, "resolve", lambda host, port, deadline: [address])

    def refuse(*args, **kwargs):
        pytest.fail(f"a connection was opened: {args}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    response = client.post(reverse("quizzes:new"), {"url": "http://nachrichten.example/artikel"})
    assert response.status_code == 422 and "public web addresses" in response.content.decode()
