"""The HTTP front door of both modes: POST /slack/events (HTTP mode), GET /healthz and GET /readyz.

Served by waitress: one I/O thread reads every request whole before a worker thread sees it, so slow
or silent clients hold a socket, never a worker (http.server gave each connection a thread, and 32
slow-loris connections starved them all). On top of waitress's limits (body size, header size, total
connections) two of ours: a request must arrive whole within SECTORBOT_HTTP_READ_TIMEOUT of its first
byte (of the connection, for the first request), and one peer address holds at most
SECTORBOT_HTTP_MAX_CONNECTIONS_PER_CLIENT connections.

A Slack request is checked here before Bolt sees it: the signature over the raw bytes (a rejected
body is never decoded, parsed or logged), then UTF-8 and the JSON shape (a malformed body is a 400,
not a traceback)."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from slack_bolt import App, BoltRequest
from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

from retrieval import Settings

log = logging.getLogger("sectorbot.slack")
Readiness = Callable[[], dict[str, Any]]
StartResponse = Callable[[str, list[tuple[str, str]]], Any]

MAX_CONNECTIONS = 512  # all clients together; each idle one costs a socket, not a thread
WORKERS = 8  # acks take about a millisecond; more threads only contend for the GIL
KEEPALIVE_IDLE = 75  # seconds; above the usual load-balancer idle timeout (60 s), as they advise
SIGNATURE_WINDOW = 5 * 60  # Slack's own rule: reject timestamps more than five minutes off

_STATUS = {200: "200 OK", 400: "400 Bad Request", 401: "401 Unauthorized", 404: "404 Not Found",
           405: "405 Method Not Allowed", 500: "500 Internal Server Error", 503: "503 Service Unavailable"}


# ---- request checks (pure) -----------------------------------------------------------------------

def signature_ok(secret: str, raw: bytes, timestamp: str, signature: str, now: float | None = None) -> bool:
    """Slack's v0 signature over the raw bytes, within the 5-minute window; bytes, so a body that is
    not UTF-8 is simply unsigned rather than a decoding error."""
    try:
        stamp = int(timestamp)
    except ValueError:
        return False
    if abs((now if now is not None else time.time()) - stamp) > SIGNATURE_WINDOW:
        return False
    mac = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(f"v0={mac}", signature)


def body_problem(text: str, content_type: str) -> str | None:
    """Why Bolt could not read this body (None when it can): Bolt parses a JSON body, or the
    `payload` field of a form, and expects an object."""
    if "json" in content_type or text.lstrip().startswith(("{", "[")):
        return _json_object_problem(text)
    form = urllib.parse.parse_qs(text, keep_blank_values=True)
    if "payload" in form:
        return _json_object_problem(form["payload"][0])
    return None


def _json_object_problem(text: str) -> str | None:
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return "malformed JSON"
    return None if isinstance(value, dict) else "JSON that is not an object"


# ---- the WSGI application ------------------------------------------------------------------------

def wsgi_app(app: App | None, secret: str | None, ready: Readiness | None) -> Callable[..., Iterable[bytes]]:
    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        status, body, headers = route(environ)
        data = body.encode()
        start_response(_STATUS.get(status, f"{status} Status"),
                       [*headers.items(), ("Content-Length", str(len(data)))])
        return [data]

    def route(environ: dict[str, Any]) -> tuple[int, str, dict[str, str]]:
        method, path = environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")
        as_json = {"Content-Type": "application/json"}
        if method == "GET" and path in ("/healthz", "/health"):
            return 200, json.dumps({"ok": True}), as_json
        if method == "GET" and path == "/readyz":
            status, obj = _readiness(ready)
            return status, json.dumps(obj), as_json
        if app is None or secret is None or path != "/slack/events":
            return 404, "not found", {}
        if method != "POST":
            return 405, "method not allowed", {}
        return slack_event(environ)

    def slack_event(environ: dict[str, Any]) -> tuple[int, str, dict[str, str]]:
        assert app is not None and secret is not None
        length = int(environ.get("CONTENT_LENGTH") or 0)  # waitress has checked it and the size cap
        raw = environ["wsgi.input"].read(length)
        if not signature_ok(secret, raw, environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""),
                            environ.get("HTTP_X_SLACK_SIGNATURE", "")):
            log.info("refused a request without a valid Slack signature (%d bytes)", len(raw))
            return 401, json.dumps({"error": "invalid request"}), {"Content-Type": "application/json"}
        problem: str | None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text, problem = "", "a body that is not UTF-8"
        else:
            problem = body_problem(text, environ.get("CONTENT_TYPE", ""))
        if problem:
            log.warning("refused a signed request with %s", problem)
            return 400, json.dumps({"error": "bad request"}), {"Content-Type": "application/json"}
        headers: dict[str, str | Sequence[str]] = {
            k[5:].lower().replace("_", "-"): [v] for k, v in environ.items() if k.startswith("HTTP_")}
        headers["content-type"] = [environ.get("CONTENT_TYPE", "")]
        try:
            resp = app.dispatch(BoltRequest(body=text, headers=headers))
        except Exception as e:  # a signed, well-formed body Bolt still choked on: say so, not what it held
            log.error("could not handle a signed request: %s", type(e).__name__)
            return 500, json.dumps({"error": "internal error"}), {"Content-Type": "application/json"}
        out = {k: v[0] if isinstance(v, list) else str(v) for k, v in resp.headers.items()
               if k.lower() != "content-length"}
        return resp.status, resp.body, out

    return application


def _readiness(ready: Readiness | None) -> tuple[int, dict[str, Any]]:
    if ready is None:
        return 200, {"ok": True}
    try:
        return 200, {"ok": True, **ready()}
    except Exception as e:  # the store is down or unreachable: not ready, the reason goes to the log
        log.warning("not ready: %s", type(e).__name__)
        return 503, {"ok": False, "error": type(e).__name__}


# ---- waitress, with a read deadline and a per-client bound ---------------------------------------

class _Channel(HTTPChannel):
    """Remembers since when it has been waiting for the rest of a request."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.reading_since: float | None = time.time()  # the first request is due from the start

    def received(self, data: bytes) -> bool:
        if data and self.reading_since is None:
            self.reading_since = time.time()
        done = bool(super().received(data))
        if self.request is None:  # no request half-read: whatever came was complete
            self.reading_since = None
        return done


class _Server(TcpWSGIServer):
    channel_class = _Channel

    def __init__(self, *args: Any, read_timeout: float, per_client: int, **kw: Any) -> None:
        self.read_timeout = read_timeout
        self.per_client = per_client
        super().__init__(*args, **kw)

    def handle_accept(self) -> None:
        try:
            pair = self.accept()
        except OSError:
            return
        if pair is None:
            return
        conn, addr = pair
        peer = addr[0] if isinstance(addr, tuple) else addr
        if self.per_client and sum(getattr(ch, "addr", (None,))[0] == peer
                                   for ch in list(self.active_channels.values())) >= self.per_client:
            log.warning("refused a connection: its client already holds %d", self.per_client)
            conn.close()
            return
        try:
            self.set_socket_options(conn)
        except OSError:
            conn.close()
            return
        self.channel_class(self, conn, addr, self.adj, map=self._map)

    def maintenance(self, now: float) -> None:
        super().maintenance(now)  # idle keep-alive connections
        cutoff = now - self.read_timeout
        for channel in list(self.active_channels.values()):
            since = getattr(channel, "reading_since", None)
            if since is not None and since < cutoff and not channel.requests:
                channel.will_close = True


class HttpServer:
    """waitress behind the small interface tests and `run` use: serve_forever / shutdown /
    server_close / server_address, like http.server's."""

    def __init__(self, application: Callable[..., Iterable[bytes]], host: str, port: int, *,
                 max_body_bytes: int, read_timeout: float, per_client: int) -> None:
        adj = Adjustments(host=host, port=port, threads=WORKERS, connection_limit=MAX_CONNECTIONS,
                          channel_timeout=KEEPALIVE_IDLE, cleanup_interval=max(0.5, min(read_timeout / 4, 5)),
                          max_request_body_size=max_body_bytes, max_request_header_size=64 * 1024,
                          backlog=256, asyncore_use_poll=True, ident="sectorbot", expose_tracebacks=False)
        self._map: dict[int, Any] = {}
        self.dispatcher = ThreadedTaskDispatcher()
        self.dispatcher.set_thread_count(adj.threads)
        self.server = _Server(application, self._map, True, None, dispatcher=self.dispatcher, adj=adj,
                              sockinfo=adj.listen[0], read_timeout=read_timeout, per_client=per_client)
        self.server_address = (self.server.effective_host, int(self.server.effective_port))
        self._stop = threading.Event()
        self._stopped = threading.Event()

    def serve_forever(self) -> None:
        try:
            while not self._stop.is_set():
                wasyncore.loop(timeout=0.25, map=self._map, use_poll=True, count=1)
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        self._stop.set()
        self._stopped.wait(5)

    def server_close(self) -> None:
        for channel in list(self._map.values()):
            channel.close()
        self.dispatcher.shutdown(cancel_pending=True, timeout=5)


def make_http_server(app: App | None, settings: Settings, port: int | None = None,
                     ready: Readiness | None = None) -> HttpServer:
    """POST /slack/events for Bolt (when `app` is given); GET /healthz (liveness: the process
    answers) and GET /readyz (readiness: the store answers), so a load balancer only routes to
    replicas that can search."""
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    return HttpServer(wsgi_app(app, secret, ready), settings.http_host,
                      settings.http_port if port is None else port,
                      max_body_bytes=int(settings.http_max_body_kb * 1024), read_timeout=settings.http_read_timeout,
                      per_client=settings.http_max_connections_per_client)
