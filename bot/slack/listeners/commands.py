"""`/sector …`: help is the ack itself; a question is answered in the channel."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.slack.blocks import HELP_TEXT, clean_question
from bot.slack.commands import parse_command
from bot.slack.reply import Backend, SlackQuestion, answer_into_thread


def ack_command(ack: Any, command: dict[str, Any]) -> None:
    if parse_command(command.get("text") or "").is_help:
        ack(text=HELP_TEXT)
    else:
        ack()


def on_command(command: dict[str, Any], client: Any, backend: Backend) -> None:
    parsed = parse_command(command.get("text") or "")
    if parsed.question is None:
        return
    q = SlackQuestion(text=clean_question(parsed.question), user=command.get("user_id", ""), channel=command["channel_id"],
                      source="command", response_url=command.get("response_url"))
    answer_into_thread(client, backend, q)


def register(app: App, backend: Backend) -> None:
    app.command("/sector")(ack=ack_command, lazy=[lambda command, client: on_command(command, client, backend)])
