"""Build the Bolt app: settings and a backend in, middleware and listeners registered, nothing started."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.common.feedback import FeedbackStore
from bot.common.guard import Guard
from retrieval import Service, Settings

from .listeners import register
from .middleware import AllowedChannels, RateLimit, SkipRedeliveries
from .reply import Backend


class _QuietTokenWarning(logging.Filter):
    # Bolt reads SLACK_BOT_TOKEN from the environment itself and then warns that our client (which
    # carries the same token and the configurable API URL) wins; true, expected, and alarming in ops logs.
    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


class _WithheldBody(logging.Filter):
    # Bolt's request verification logs a rejected request's whole body at INFO: message text, and
    # anything an attacker sends (a 20 MB body became one log line). Keep the event, drop the body.
    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Invalid request signature detected"):
            record.msg, record.args = "Invalid request signature detected (body withheld)", None
        return True


_QUIET = _QuietTokenWarning()  # one instance, so adding it on every build is a no-op
_WITHHELD = _WithheldBody()


def build_app(settings: Settings, backend: Backend) -> App:
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    client = WebClient(token=token, base_url=settings.slack_api_url)
    # HTTP 429 from the Web API is waited out (Retry-After) twice before a call gives up
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    logging.getLogger("slack_bolt.App").addFilter(_QUIET)
    logging.getLogger("slack_bolt.RequestVerification").addFilter(_WITHHELD)
    # process_before_response=True runs each (trivial) ack function on the request thread and
    # answers at once. With False, Bolt queues the ack on the same pool as the answers and polls for
    # it every 10 ms, so a burst of questions delays every ack behind the answers before it.
    # The answers (lazy listeners) run on a small pool: more threads only fight the acks for the GIL.
    executor = ThreadPoolExecutor(max_workers=settings.answer_workers, thread_name_prefix="answer")
    app = App(client=client, signing_secret=secret or "socket-mode-does-not-sign",
              process_before_response=True, token_verification_enabled=bool(token), listener_executor=executor)
    guard = Guard(settings)
    for middleware in (SkipRedeliveries(guard), AllowedChannels(guard), RateLimit(guard)):
        app.use(middleware)
    register(app, backend, FeedbackStore(settings.feedback_db))

    @app.error
    def on_error(error: Exception) -> None:
        log.error("Slack listener error: %s", type(error).__name__)

    return app


log = logging.getLogger("sectorbot.slack")


def production_backend(settings: Settings) -> Service:
    """The real backend: one Service, warmed up before the first question arrives."""
    service = Service(settings)
    service.warm_up()
    return service
