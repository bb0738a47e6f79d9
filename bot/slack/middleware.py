"""Bolt middleware, in the shape of bolt-python's own `ignoring_self_events`: what decides whether a
request is answered at all runs before any listener. Redelivered events are dropped, channels outside
the allow-list are ignored, users over the rate limit are told so; each then acks and stops."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt.middleware.middleware import Middleware
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

from bot.common.guard import Guard

log = logging.getLogger("sectorbot.slack")
SLOW_DOWN = "You're asking faster than I can read. Please wait a minute."


def _question_kind(req: BoltRequest) -> str | None:
    """'event' or 'command' for the requests that ask a question; None for buttons and the rest."""
    body = req.body
    if body.get("type") == "event_callback" and (body.get("event") or {}).get("type") in ("app_mention", "message"):
        return "event"
    if body.get("command"):
        return "command"
    return None


class SkipRedeliveries(Middleware):
    """Slack redelivers an event it thinks was not acknowledged; an event id seen before is not answered
    again."""

    def __init__(self, guard: Guard) -> None:
        self.guard = guard

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        if _question_kind(req) == "event" and not self.guard.first_time(req.body.get("event_id")):
            retry = (req.headers.get("x-slack-retry-num") or ["none"])[0]
            log.info("ignored a redelivery (retry %s) of an event already handled", retry)
            return req.context.ack()
        return next()


class AllowedChannels(Middleware):
    def __init__(self, guard: Guard) -> None:
        self.guard = guard

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        channel = req.context.channel_id
        if _question_kind(req) and channel and not self.guard.channel_ok(channel):
            log.info("ignored a question in a channel outside the allow-list")
            return req.context.ack()
        return next()


class RateLimit(Middleware):
    def __init__(self, guard: Guard) -> None:
        self.guard = guard

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        kind = _question_kind(req)
        user = req.context.user_id
        channel = req.context.channel_id
        if not kind or not user or not channel or self.guard.rate_ok(user):
            return next()
        if kind == "command":
            return req.context.ack(text=SLOW_DOWN)  # shown to the user alone
        event: dict[str, Any] = req.body.get("event") or {}
        try:
            req.context.client.chat_postEphemeral(channel=channel, user=user, text=SLOW_DOWN,
                                                  thread_ts=event.get("thread_ts") or event.get("ts"))
        except Exception as e:  # telling them is a courtesy; the ack matters more
            log.warning("could not tell a user about the rate limit: %s", type(e).__name__)
        return req.context.ack()
