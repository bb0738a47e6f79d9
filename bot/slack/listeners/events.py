"""@mentions in channels and direct messages: acknowledged at once, answered in the thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.slack.blocks import clean_question
from bot.slack.reply import Backend, SlackQuestion, answer_into_thread

log = logging.getLogger("sectorbot.slack")

def ack_at_once(ack: Any) -> None:
    ack()


FirstDelivery = Callable[[str], bool]


def _first(body: dict[str, Any], first: FirstDelivery | None) -> bool:
    """Checked after the ack, on the answering thread: the shared record (replicas) costs a round trip
    to the store, which Slack's 3-second ack must not wait for. The in-process record already ran."""
    if first is None or first(str(body.get("event_id") or "")):
        return True
    log.info("ignored an event another replica is answering")
    return False


def on_mention(body: dict[str, Any], event: dict[str, Any], client: Any, backend: Backend,
               first: FirstDelivery | None = None) -> None:
    if not _first(body, first):
        return
    q = SlackQuestion(text=clean_question(event.get("text", "")), user=event.get("user", ""),
                      channel=event["channel"], thread_ts=event.get("thread_ts") or event.get("ts"), source="mention")
    answer_into_thread(client, backend, q)


def on_direct_message(body: dict[str, Any], event: dict[str, Any], client: Any, backend: Backend,
                      first: FirstDelivery | None = None) -> None:
    if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
        return
    if not _first(body, first):
        return
    q = SlackQuestion(text=clean_question(event.get("text", "")), user=event.get("user", ""),
                      channel=event["channel"], thread_ts=event.get("thread_ts"), source="dm")
    answer_into_thread(client, backend, q)


def register(app: App, backend: Backend) -> None:
    # retrieval.Service shares its record of handled deliveries between replicas; test backends may not.
    first: FirstDelivery | None = getattr(backend, "first_delivery", None)
    app.event("app_mention")(ack=ack_at_once,
                             lazy=[lambda body, event, client: on_mention(body, event, client, backend, first)])
    app.event("message")(ack=ack_at_once,
                         lazy=[lambda body, event, client: on_direct_message(body, event, client, backend, first)])
