"""Build the Bolt app: settings in, listeners registered, nothing started."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient

from retrieval.config import Settings

from .feedback import FeedbackStore
from .listeners import Backend, register


class _QuietTokenWarning(logging.Filter):
    # Bolt reads SLACK_BOT_TOKEN from the environment itself and then warns that our client (which
    # carries the same token and the configurable API URL) wins; true, expected, and alarming in ops logs.
    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


_QUIET = _QuietTokenWarning()  # one instance, so adding it on every build is a no-op


def build_app(settings: Settings, backend: Backend, process_before_response: bool = False) -> App:
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    client = WebClient(token=token, base_url=settings.slack_api_url)
    logging.getLogger("slack_bolt.App").addFilter(_QUIET)
    app = App(client=client, signing_secret=secret or "socket-mode-does-not-sign",
              process_before_response=process_before_response, token_verification_enabled=bool(token))
    register(app, backend, settings, FeedbackStore(settings.feedback_db))
    return app


def engine_backend(settings: Settings) -> Backend:
    from retrieval.answer import Answerer
    from retrieval.search import Engine

    engine = Engine(settings)
    answerer = Answerer(engine)
    engine.catalog()  # load the index and model before the first question, not during it
    return Backend(answer=answerer.answer, clause=lambda cid: engine.catalog().by_id.get(cid),
                   ready=lambda: {"documents": len(engine.index.registry())})
