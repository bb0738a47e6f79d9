"""Buttons: "Show clause" opens the full text in a modal; helpful / not helpful stores a vote."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import App

from bot.common.feedback import FeedbackStore, Vote
from bot.slack.blocks import clause_modal
from bot.slack.reply import Backend
from retrieval.core.citations import display

log = logging.getLogger("sectorbot.slack")


def show_clause(ack: Any, body: dict[str, Any], client: Any, backend: Backend) -> None:
    ack()
    clause = backend.clause(body["actions"][0]["value"])
    if clause is None:
        client.chat_postEphemeral(channel=body["channel"]["id"], user=body["user"]["id"],
                                  text="That clause is no longer in the index.")
        return
    client.views_open(trigger_id=body["trigger_id"], view=clause_modal(clause, display(clause)))


def vote(ack: Any, body: dict[str, Any], client: Any, feedback: FeedbackStore) -> None:
    ack()
    action = body["actions"][0]
    value = json.loads(action["value"])
    kind: Vote = "helpful" if action["action_id"] == "feedback_helpful" else "not_helpful"
    citations = value.get("c", [])
    feedback.add(value.get("q", ""), citations, kind, body["user"]["id"])
    # Each replica keeps its own SQLite; the log event is the record a fleet can aggregate.
    log.info("feedback vote=%s citations=%d", kind, len(citations),
             extra={"event": "feedback", "vote": kind, "cited": citations})
    channel = (body.get("channel") or {}).get("id")
    if channel:
        client.chat_postEphemeral(channel=channel, user=body["user"]["id"], text="Thanks for the feedback.")


def register(app: App, backend: Backend, feedback: FeedbackStore) -> None:
    app.action("show_clause")(lambda ack, body, client: show_clause(ack, body, client, backend))
    for action_id in ("feedback_helpful", "feedback_not_helpful"):
        app.action(action_id)(lambda ack, body, client: vote(ack, body, client, feedback))
