"""The real HTTP mode on 127.0.0.1 under hostile clients (issue 14, items 7, 10, 12): slow-loris
connections, lying Content-Length headers, oversized and malformed bodies, unsigned bodies that must
not reach the logs. The Bolt app is the real one; the Slack Web API is the recording local server."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.slack.app import build_app
from bot.slack.server import HttpServer, make_http_server
from harness.fakes import FakeBackend
from harness.servers import FakeSlack, mention, running, signed_headers
from retrieval.core.models import Answer
from tests.conftest import make_settings

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
MARKER = "PRIVATE-MESSAGE-TEXT-7f3a"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


def _settings(tmp_path: Path, slack: FakeSlack, **kw: Any):  # type: ignore[no-untyped-def]
    return make_settings(tmp_path, slack_api_url=slack.base_url, SLACK_BOT_TOKEN="xoxb-test-token",
                         SLACK_SIGNING_SECRET=SECRET, rate_limit_per_minute=0, **kw)


@pytest.fixture
def serve(tmp_path: Path, slack: FakeSlack):  # type: ignore[no-untyped-def]
    """Start the real HTTP mode with the given settings overrides; yields (port, slack)."""
    stack: list[Any] = []

    def start(**kw: Any) -> int:
        settings = _settings(tmp_path, slack, **kw)
        app = build_app(settings, FakeBackend(answer=lambda q: Answer(question=q, text=f"answer to {q}")))
        ctx = running(make_http_server(app, settings, 0))
        stack.append(ctx)
        return ctx.__enter__()

    yield start
    for ctx in reversed(stack):
        ctx.__exit__(None, None, None)


def _post(port: int, body: bytes, headers: dict[str, str], timeout: float = 5) -> tuple[int, str]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def _signed_post(port: int, body: str | bytes, content_type: str = "application/json") -> tuple[int, str]:
    """Signed over the exact bytes, so bodies that are not UTF-8 can be signed too."""
    raw = body.encode() if isinstance(body, str) else body
    stamp = str(int(time.time()))
    mac = hmac.new(SECRET.encode(), b"v0:" + stamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
    return _post(port, raw, {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={mac}",
                             "Content-Type": content_type})


def _health(port: int, timeout: float = 3) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout) as r:
        return int(r.status)


def _raw(port: int, data: bytes, timeout: float = 5) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        got = b""
        while b"\r\n\r\n" not in got:
            chunk = s.recv(4096)
            if not chunk:
                break
            got += chunk
        return got


# ---- item 7: slow clients, lying headers, limits ----------------------------------------------------

def test_slow_loris_does_not_starve_health_or_events(serve, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    """32 connections trickling their headers a byte at a time used to hold all 32 handler threads."""
    port = serve(http_read_timeout=3)
    stop = threading.Event()
    socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(32)]
    closed: list[int] = []

    def trickle(i: int, s: socket.socket) -> None:
        s.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")
        while not stop.is_set():
            try:
                s.sendall(b"X")
            except OSError:
                closed.append(i)
                return
            stop.wait(0.5)

    threads = [threading.Thread(target=trickle, args=(i, s), daemon=True) for i, s in enumerate(socks)]
    for t in threads:
        t.start()
    try:
        time.sleep(0.5)
        started = time.monotonic()
        assert _health(port) == 200
        body = mention("Which Sector handles IMT?", event_id="EvLoris")
        assert _signed_post(port, body)[0] == 200
        assert time.monotonic() - started < 2.5
        assert "answer to Which Sector handles IMT?" in slack.wait_for("chat.update")[0]["text"]
        # The read deadline ends the slow requests themselves.
        deadline = time.monotonic() + 10
        while len(closed) < 32 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(closed) == 32, f"{32 - len(closed)} slow connections still open after the read timeout"
    finally:
        stop.set()
        for s in socks:
            s.close()


@pytest.mark.parametrize("length,status", [("abc", 400), (str(10**12), 413), ("-1", 400), ("1e3", 400)])
def test_lying_content_length_is_refused_at_once(serve, length: str, status: int) -> None:  # type: ignore[no-untyped-def]
    port = serve()
    started = time.monotonic()
    head = _raw(port, f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n{{}}".encode())
    assert head.startswith(f"HTTP/1.1 {status} ".encode()), head[:80]
    assert time.monotonic() - started < 2
    assert _health(port) == 200


def test_body_over_the_cap_is_413(serve, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    port = serve(http_max_body_kb=8)
    body = mention("x" * 9000, event_id="EvBig")
    assert _signed_post(port, body)[0] == 413
    assert _signed_post(port, mention("small", event_id="EvSmall"))[0] == 200


def test_connections_per_client_are_bounded(serve) -> None:  # type: ignore[no-untyped-def]
    port = serve(http_max_connections_per_client=4, http_read_timeout=2)
    held = [socket.create_connection(("127.0.0.1", port)) for _ in range(4)]
    try:
        time.sleep(0.3)
        extra = socket.create_connection(("127.0.0.1", port), timeout=3)
        extra.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        with contextlib.suppress(ConnectionResetError):
            assert extra.recv(100) == b"", "a fifth connection from one client was served"
        extra.close()
        # Silent connections count against the read deadline too; then the client may connect again.
        time.sleep(3.5)
        assert _health(port) == 200
    finally:
        for s in held:
            s.close()


def test_binds_loopback_unless_told(tmp_path: Path, slack: FakeSlack) -> None:
    settings = _settings(tmp_path, slack)
    assert settings.http_host == "127.0.0.1"
    server: HttpServer = make_http_server(None, settings, 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
        server.server.close()


# ---- item 12: malformed signed bodies ---------------------------------------------------------------

@pytest.mark.parametrize("body,ctype", [
    ("{not json", "application/json"),
    ('[{"type": "event_callback"}]', "application/json"),
    (b'{"type": "event_callback", "event": {"text": "\xff\xfe"}}', "application/json"),
    ("payload=%7Bbroken", "application/x-www-form-urlencoded"),
    ("payload=%5B1%5D", "application/x-www-form-urlencoded"),
])
def test_malformed_signed_bodies_are_400(serve, caplog: pytest.LogCaptureFixture, body: str | bytes,  # type: ignore[no-untyped-def]
                                         ctype: str) -> None:
    port = serve()
    caplog.set_level(logging.DEBUG)
    status, _ = _signed_post(port, body, ctype)
    assert status == 400
    assert not any(r.exc_info for r in caplog.records), "a traceback was logged"
    assert _health(port) == 200


# ---- item 10: rejected bodies never reach the logs --------------------------------------------------

def test_rejected_bodies_are_not_logged(serve, caplog: pytest.LogCaptureFixture, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        slack: FakeSlack) -> None:
    port = serve()
    caplog.set_level(logging.DEBUG)
    body = mention(f"{MARKER} " + "y" * 200_000, event_id="EvUnsigned")
    headers = signed_headers(body, "some-other-secret")
    assert _post(port, body.encode(), headers)[0] == 401
    stale = signed_headers(body, SECRET, ts=int(time.time()) - 3600)
    assert _post(port, body.encode(), stale)[0] == 401
    # Bolt's own verification (app.dispatch, as Socket Mode code paths reach it) logs the body at INFO.
    from slack_bolt import BoltRequest

    app = build_app(_settings(tmp_path / "direct", slack), FakeBackend(answer=lambda q: Answer(question=q, text="")))
    forged = BoltRequest(body=body, headers={k.lower(): [v] for k, v in headers.items()})
    assert app.dispatch(forged).status == 401
    assert MARKER not in caplog.text
    assert max((len(r.getMessage()) for r in caplog.records), default=0) < 2000


def test_signed_json_is_still_answered(serve, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    port = serve()
    assert _signed_post(port, mention("Res 57 resolves 4", event_id="EvOk"))[0] == 200
    assert "answer to Res 57 resolves 4" in json.dumps(slack.wait_for("chat.update")[0])
