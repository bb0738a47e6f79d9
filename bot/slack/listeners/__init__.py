"""Listeners by kind (events, the /sector command, buttons), each a plain function of the arguments it
needs; `register` wires them to the app, as the Bolt starter template does."""

from __future__ import annotations

from slack_bolt import App

from bot.common.feedback import FeedbackStore
from bot.slack.reply import Backend

from . import actions, commands, events


def register(app: App, backend: Backend, feedback: FeedbackStore) -> None:
    events.register(app, backend)
    commands.register(app, backend)
    actions.register(app, backend, feedback)
