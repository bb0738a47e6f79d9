"""Start the Slack app: Socket Mode (default, no public URL) or HTTP mode; both serve health endpoints."""

from __future__ import annotations

import logging
import threading

from slack_bolt import App

from retrieval import SectorbotError, Settings

from ..logs import setup_logging
from .app import build_app, production_backend
from .server import Readiness, make_http_server

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
        serve_http(app, settings, port, backend.ready)
    else:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        # Health endpoints only: Socket Mode requests are not signed, so no /slack/events here.
        health = make_http_server(None, settings, port, ready=backend.ready)
        threading.Thread(target=health.serve_forever, name="health", daemon=True).start()
        log.info("starting Socket Mode (health on port %d)", health.server_address[1])
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()  # type: ignore[union-attr]


def serve_http(app: App, settings: Settings, port: int | None = None, ready: Readiness | None = None) -> None:
    server = make_http_server(app, settings, port, ready=ready)
    host, bound = server.server_address
    log.info("HTTP mode on %s:%d: POST /slack/events, GET /healthz, GET /readyz", host, bound)
    try:
        server.serve_forever()
    finally:
        server.server_close()
