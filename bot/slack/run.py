"""Start the Slack app: Socket Mode (default, no public URL) or HTTP mode with a health endpoint."""

from __future__ import annotations

import json
import logging
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from slack_bolt import App, BoltRequest

from retrieval.config import Settings
from retrieval.errors import SectorbotError

from ..logs import setup_logging
from .app import build_app, engine_backend

log = logging.getLogger("sectorbot.slack")


def run(settings: Settings, http_mode: bool, port: int | None = None) -> None:
    setup_logging(settings)
    if not settings.slack_bot_token:
        raise SectorbotError("SLACK_BOT_TOKEN is not set (it starts with xoxb-); see README, 'Slack app'")
    if http_mode and not settings.slack_signing_secret:
        raise SectorbotError("HTTP mode needs SLACK_SIGNING_SECRET (Basic Information → App Credentials)")
    if not http_mode and not settings.slack_app_token:
        raise SectorbotError("Socket Mode needs SLACK_APP_TOKEN (xapp-…); or use --http with SLACK_SIGNING_SECRET")
    app = build_app(settings, engine_backend(settings))
    if http_mode:
        serve_http(app, port or settings.http_port)
    else:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.info("starting Socket Mode")
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()  # type: ignore[union-attr]


def make_http_server(app: App, port: int, host: str = "0.0.0.0") -> ThreadingHTTPServer:
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
            else:
                self._send(404, "not found")

        def do_POST(self) -> None:
            if self.path != "/slack/events":
                self._send(404, "not found")
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            req = BoltRequest(body=body, headers={k.lower(): [v] for k, v in self.headers.items()})
            resp = app.dispatch(req)
            self._send(resp.status, resp.body, resp.headers)

    return ThreadingHTTPServer((host, port), Handler)


def serve_http(app: App, port: int) -> None:
    server = make_http_server(app, port)
    log.info("HTTP mode on port %d: POST /slack/events, GET /healthz", port)
    try:
        server.serve_forever()
    finally:
        server.server_close()
