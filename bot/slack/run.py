"""Start the Slack app: Socket Mode (default, no public URL) or HTTP mode; both serve health endpoints."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from slack_bolt import App, BoltRequest

from retrieval import SectorbotError, Settings

from ..logs import setup_logging
from .app import build_app, production_backend

log = logging.getLogger("sectorbot.slack")


def run(settings: Settings, http_mode: bool | None = None, port: int | None = None) -> None:
    setup_logging(settings)
    if http_mode is None:
        http_mode = settings.slack_mode == "http"
    if not settings.slack_bot_token:
        raise SectorbotError("SLACK_BOT_TOKEN is not set (it starts with xoxb-); see README, 'Slack app'")
    if http_mode and not settings.slack_signing_secret:
        raise SectorbotError("HTTP mode needs SLACK_SIGNING_SECRET (Basic Information → App Credentials)")
    if not http_mode and not settings.slack_app_token:
        raise SectorbotError("Socket Mode needs SLACK_APP_TOKEN (xapp-…); or use --http with SLACK_SIGNING_SECRET")
    backend = production_backend(settings)
    try:
        app = build_app(settings, backend)  # Bolt calls auth.test here to check the bot token
    except Exception as e:  # URLError, BoltError, SlackApiError: all mean "Slack did not accept us"
        raise SectorbotError(f"could not verify SLACK_BOT_TOKEN with the Slack Web API at {settings.slack_api_url} "
                             f"({type(e).__name__}: {str(e)[:160]}); check the token, the network, "
                             "or SECTORBOT_SLACK_API_URL") from e
    if http_mode:
        serve_http(app, port or settings.http_port, backend.ready)
    else:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        # Health endpoints only: Socket Mode requests are not signed, so no /slack/events here.
        health = make_http_server(None, port or settings.http_port, ready=backend.ready)
        threading.Thread(target=health.serve_forever, name="health", daemon=True).start()
        log.info("starting Socket Mode (health on port %d)", health.server_address[1])
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()  # type: ignore[union-attr]


Readiness = Callable[[], dict[str, Any]]


class _Server(ThreadingHTTPServer):
    """Requests go to a pool of threads started up front. The stock server starts a thread per
    request, and Thread.start() waits for the new thread to get the GIL, which an answer being
    computed holds for up to a switch interval: 50 requests at once then queued behind each other in
    the accept loop (measured with py-spy; bench/slack_bench.py)."""

    request_queue_size = 128  # the default 5 resets connections when many events arrive at once
    daemon_threads = True
    POOL = 32

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._pool = ThreadPoolExecutor(max_workers=self.POOL, thread_name_prefix="http")
        started = threading.Barrier(self.POOL + 1)
        for _ in range(self.POOL):
            self._pool.submit(started.wait)
        started.wait()

    def process_request(self, request: Any, client_address: Any) -> None:
        self._pool.submit(self.process_request_thread, request, client_address)

    def server_close(self) -> None:
        super().server_close()
        self._pool.shutdown(wait=False, cancel_futures=True)


def make_http_server(app: App | None, port: int, host: str = "0.0.0.0", ready: Readiness | None = None) -> ThreadingHTTPServer:
    """POST /slack/events for Bolt; GET /healthz (liveness: the process answers) and GET /readyz
    (readiness: the store answers), so a load balancer only routes to replicas that can search."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass  # request lines can carry nothing useful and we log no payloads

        def _send(self, status: int, body: str, headers: dict[str, Any] | None = None) -> None:
            data = body.encode()
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v[0] if isinstance(v, list) else v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path in ("/healthz", "/health"):
                self._send(200, json.dumps({"ok": True}), {"Content-Type": "application/json"})
            elif self.path == "/readyz":
                status, body = _readiness(ready)
                self._send(status, json.dumps(body), {"Content-Type": "application/json"})
            else:
                self._send(404, "not found")

        def do_POST(self) -> None:
            if app is None or self.path != "/slack/events":
                self._send(404, "not found")
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            req = BoltRequest(body=body, headers={k.lower(): [v] for k, v in self.headers.items()})
            resp = app.dispatch(req)
            self._send(resp.status, resp.body, resp.headers)

    return _Server((host, port), Handler)


def _readiness(ready: Readiness | None) -> tuple[int, dict[str, Any]]:
    if ready is None:
        return 200, {"ok": True}
    try:
        return 200, {"ok": True, **ready()}
    except Exception as e:  # the store is down or unreachable: not ready, the reason goes to the log
        log.warning("not ready: %s", type(e).__name__)
        return 503, {"ok": False, "error": type(e).__name__}


def serve_http(app: App, port: int, ready: Readiness | None = None) -> None:
    server = make_http_server(app, port, ready=ready)
    log.info("HTTP mode on port %d: POST /slack/events, GET /healthz, GET /readyz", port)
    try:
        server.serve_forever()
    finally:
        server.server_close()
