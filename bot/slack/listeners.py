"""Slack listeners. Each parses the payload into a typed question, calls the backend once, renders.
Slow work runs in Bolt lazy listeners so Slack's 3-second ack is always met."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict, defaultdict, deque
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel
from slack_bolt import App

from retrieval.config import Settings
from retrieval.ids import display
from retrieval.models import Answer, Clause

from .blocks import HELP_TEXT, answer_blocks, clause_modal, clean_question, fallback_text
from .feedback import FeedbackStore, Vote

log = logging.getLogger("sectorbot.slack")
SEARCHING = ":mag: Searching the corpus…"
SORRY = "Sorry, I could not answer that just now. Please try again in a minute."


class SlackQuestion(BaseModel):
    """A question as it arrives from Slack, whatever the surface."""

    text: str
    user: str
    channel: str
    thread_ts: str | None = None
    source: Literal["mention", "dm", "command"]


class Backend:
    """What handlers need from the engine; tests pass fakes, production passes the real thing."""

    def __init__(self, answer: Callable[[str], Answer], clause: Callable[[str], Clause | None],
                 ready: Callable[[], dict[str, Any]] | None = None) -> None:
        self.answer = answer
        self.clause = clause
        self.ready = ready


class Guard:
    """Channel allow-list, per-user rate limit, and event de-duplication for Slack's retries."""

    def __init__(self, settings: Settings) -> None:
        self.allowed = set(settings.allowed_channels)
        self.per_minute = settings.rate_limit_per_minute
        self.calls: dict[str, deque[float]] = defaultdict(deque)
        self.seen: OrderedDict[str, None] = OrderedDict()
        self.lock = threading.Lock()

    def channel_ok(self, channel: str) -> bool:
        return not self.allowed or channel in self.allowed or channel.startswith("D")

    def rate_ok(self, user: str) -> bool:
        now = time.monotonic()
        with self.lock:
            q = self.calls[user]
            while q and now - q[0] > 60:
                q.popleft()
            if self.per_minute and len(q) >= self.per_minute:
                return False
            q.append(now)
            return True

    def first_time(self, event_id: str | None) -> bool:
        if not event_id:
            return True
        with self.lock:
            if event_id in self.seen:
                return False
            self.seen[event_id] = None
            if len(self.seen) > 5000:
                self.seen.popitem(last=False)
            return True


def answer_into_thread(client: Any, backend: Backend, guard: Guard, q: SlackQuestion) -> None:
    """Post "searching…", then replace it with the answer (extra messages if it needs more blocks)."""
    if not guard.channel_ok(q.channel):
        log.info("ignored question in a channel outside the allow-list")
        return
    if not guard.rate_ok(q.user):
        client.chat_postEphemeral(channel=q.channel, user=q.user, thread_ts=q.thread_ts,
                                  text="You're asking faster than I can read. Please wait a minute.")
        return
    started = time.perf_counter()
    placeholder = client.chat_postMessage(channel=q.channel, thread_ts=q.thread_ts, text=SEARCHING)
    ts = placeholder["ts"]
    try:
        answer = backend.answer(q.text) if q.text else None
    except Exception:
        log.exception("answering failed (source=%s)", q.source)
        client.chat_update(channel=q.channel, ts=ts, text=SORRY)
        return
    if answer is None:
        client.chat_update(channel=q.channel, ts=ts, text=HELP_TEXT)
        return
    messages = answer_blocks(answer)
    client.chat_update(channel=q.channel, ts=ts, text=fallback_text(answer), blocks=messages[0])
    for more in messages[1:]:
        client.chat_postMessage(channel=q.channel, thread_ts=q.thread_ts or ts, text="(continued)", blocks=more)
    fields = {"source": q.source, "channel": q.channel, "citations": len(answer.citations), "mode": answer.mode,
              "abstained": answer.abstained, "latency_ms": round((time.perf_counter() - started) * 1000, 1)}
    log.info("answered source=%(source)s citations=%(citations)d mode=%(mode)s abstained=%(abstained)s", fields,
             extra=fields)


def register(app: App, backend: Backend, settings: Settings, feedback: FeedbackStore) -> None:
    guard = Guard(settings)

    def ack_event(ack: Any) -> None:
        ack()

    def skip_retry(body: dict[str, Any], request: Any) -> bool:
        retry = request.headers.get("x-slack-retry-num") if request is not None else None
        first = guard.first_time(body.get("event_id"))
        if retry and not first:
            log.info("ignored Slack retry %s of an event already handled", retry)
        return not first

    # ---- @mentions and DMs ----------------------------------------------------------------------
    def on_mention(body: dict[str, Any], event: dict[str, Any], client: Any, request: Any = None) -> None:
        if skip_retry(body, request):
            return
        q = SlackQuestion(text=clean_question(event.get("text", "")), user=event.get("user", ""),
                          channel=event["channel"], thread_ts=event.get("thread_ts") or event.get("ts"),
                          source="mention")
        answer_into_thread(client, backend, guard, q)

    def on_message(body: dict[str, Any], event: dict[str, Any], client: Any, request: Any = None) -> None:
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
            return
        if skip_retry(body, request):
            return
        q = SlackQuestion(text=clean_question(event.get("text", "")), user=event.get("user", ""),
                          channel=event["channel"], thread_ts=event.get("thread_ts"), source="dm")
        answer_into_thread(client, backend, guard, q)

    app.event("app_mention")(ack=ack_event, lazy=[on_mention])
    app.event("message")(ack=ack_event, lazy=[on_message])

    # ---- /sector ----------------------------------------------------------------------------------
    def ack_command(ack: Any, command: dict[str, Any]) -> None:
        verb, _, rest = (command.get("text") or "").strip().partition(" ")
        if verb.lower() in ("", "help") or (not rest.strip() and verb.lower() in ("ask", "cite", "sector")):
            ack(text=HELP_TEXT)
        else:
            ack()

    def on_command(command: dict[str, Any], client: Any) -> None:
        verb, _, rest = (command.get("text") or "").strip().partition(" ")
        verb, rest = verb.lower(), rest.strip()
        if verb in ("", "help") or (verb in ("ask", "cite", "sector") and not rest):
            return
        if verb == "sector":
            question = f"Which Sector handles {rest}?"
        elif verb in ("ask", "cite"):
            question = rest
        else:
            question = f"{verb} {rest}".strip()  # "/sector what is ISCG?" reads as a question
        q = SlackQuestion(text=question, user=command.get("user_id", ""), channel=command["channel_id"],
                          source="command")
        answer_into_thread(client, backend, guard, q)

    app.command("/sector")(ack=ack_command, lazy=[on_command])

    # ---- buttons -------------------------------------------------------------------------------------
    def show_clause(ack: Any, body: dict[str, Any], client: Any) -> None:
        ack()
        clause_id = body["actions"][0]["value"]
        clause = backend.clause(clause_id)
        if clause is None:
            client.chat_postEphemeral(channel=body["channel"]["id"], user=body["user"]["id"],
                                      text="That clause is no longer in the index.")
            return
        client.views_open(trigger_id=body["trigger_id"], view=clause_modal(clause, display(clause)))

    def vote(ack: Any, body: dict[str, Any], client: Any) -> None:
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

    app.action("show_clause")(show_clause)
    app.action("feedback_helpful")(vote)
    app.action("feedback_not_helpful")(vote)

    @app.error
    def on_error(error: Exception) -> None:
        log.error("Slack listener error: %s", type(error).__name__)
