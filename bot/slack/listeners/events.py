"""@mentions in channels and direct messages: acknowledged at once, answered in the thread."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import App

from bot.slack.reply import Backend, SlackQuestion, answer_into_thread

_USER_MENTION_RE = re.compile(r"<@[UW][A-Z0-9]+(\|[^>]*)?>")


def clean_question(text: str) -> str:
    """The question without the bot's own @mention."""
    return " ".join(_USER_MENTION_RE.sub("", text).split())


def ack_at_once(ack: Any) -> None:
    ack()


def on_mention(event: dict[str, Any], client: Any, backend: Backend) -> None:
    q = SlackQuestion(text=clean_question(event.get("text", "")), user=event.get("user", ""),
                      channel=event["channel"], thread_ts=event.get("thread_ts") or event.get("ts"), source="mention")
    answer_into_thread(client, backend, q)


def on_direct_message(event: dict[str, Any], client: Any, backend: Backend) -> None:
    if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
        return
    q = SlackQuestion(text=clean_question(event.get("text", "")), user=event.get("user", ""),
                      channel=event["channel"], thread_ts=event.get("thread_ts"), source="dm")
    answer_into_thread(client, backend, q)


def register(app: App, backend: Backend) -> None:
    app.event("app_mention")(ack=ack_at_once,
                             lazy=[lambda event, client: on_mention(event, client, backend)])
    app.event("message")(ack=ack_at_once,
                         lazy=[lambda event, client: on_direct_message(event, client, backend)])
