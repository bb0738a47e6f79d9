"""Answer a question into a Slack thread: post a placeholder, compute, replace it with the answer.
Whatever fails, the placeholder never stays: it becomes a short apology."""

from __future__ import annotations

import logging
import time
from typing import Any, Literal, Protocol

from pydantic import BaseModel

from retrieval import Answer, Clause

from .blocks import HELP_TEXT, answer_blocks, fallback_text

log = logging.getLogger("sectorbot.slack")
SEARCHING = ":mag: Searching the corpus…"
SORRY = "Sorry, I could not answer that just now. Please try again in a minute."
REST_MISSING = "Sorry, the rest of this answer could not be posted."


class Backend(Protocol):
    """What the listeners need from sectorbot: retrieval.Service is one; tests pass fakes."""

    def answer(self, question: str) -> Answer: ...
    def clause(self, clause_id: str) -> Clause | None: ...


class SlackQuestion(BaseModel):
    """A question as it arrives from Slack, whatever the surface."""

    text: str
    user: str
    channel: str
    thread_ts: str | None = None
    source: Literal["mention", "dm", "command"]
    response_url: str | None = None  # a slash command's: answers when the bot may not post in the channel


def _respond(q: SlackQuestion, text: str, blocks: list[dict[str, Any]] | None = None) -> bool:
    """Through a slash command's response_url (no channel membership needed); False when there is none
    or it fails."""
    if not q.response_url:
        return False
    from slack_sdk.webhook import WebhookClient

    try:
        resp = WebhookClient(q.response_url).send(text=text, blocks=blocks, response_type="in_channel")
        return bool(resp.status_code < 400)
    except Exception as e:
        log.error("posting through the response_url failed: %s", type(e).__name__)
        return False


def answer_into_thread(client: Any, backend: Backend, q: SlackQuestion) -> None:
    started = time.perf_counter()
    try:
        placeholder = client.chat_postMessage(channel=q.channel, thread_ts=q.thread_ts, text=SEARCHING)
    except Exception as e:
        # "not_in_channel" for a slash command in a channel the bot has not joined, or a rate limit left
        # after the client's retries: a slash command still gets its answer through its response_url.
        log.error("could not post the placeholder (source=%s): %s", q.source, type(e).__name__)
        if q.response_url:
            try:
                answer = backend.answer(q.text) if q.text else None
            except Exception as failed:
                log.error("answering failed (source=%s): %s", q.source, type(failed).__name__)
                _respond(q, SORRY)
                return
            if answer is None:
                _respond(q, HELP_TEXT)
                return
            chunks = answer_blocks(answer)
            # every part of a long answer; refused with its blocks, the plain text; else the apology
            if not all(_respond(q, fallback_text(answer) if n == 0 else "(continued)", blocks)
                       for n, blocks in enumerate(chunks)):
                _respond(q, fallback_text(answer)) or _respond(q, SORRY)
        return
    ts = placeholder["ts"]
    try:
        answer = backend.answer(q.text) if q.text else None
        if answer is None:
            client.chat_update(channel=q.channel, ts=ts, text=HELP_TEXT)
            return
        messages = answer_blocks(answer)
    except Exception as e:
        # Never the question text or the exception message: both can carry what users typed.
        log.error("answering failed (source=%s): %s", q.source, type(e).__name__)
        _replace(client, q, ts, SORRY, [])
        return
    if not _replace(client, q, ts, fallback_text(answer), messages[0]):
        return
    for more in messages[1:]:
        try:
            client.chat_postMessage(channel=q.channel, thread_ts=q.thread_ts or ts, text="(continued)", blocks=more)
        except Exception as e:  # the answer's start is posted and stays; say the rest is missing
            log.error("posting the rest of an answer failed (source=%s): %s", q.source, type(e).__name__)
            try:
                client.chat_postMessage(channel=q.channel, thread_ts=q.thread_ts or ts, text=REST_MISSING)
            except Exception as again:
                log.error("could not say so either: %s", type(again).__name__)
            break
    _log_answered(q, answer, started)


def _replace(client: Any, q: SlackQuestion, ts: str, text: str, blocks: list[dict[str, Any]]) -> bool:
    """The placeholder becomes `text`; refused (its blocks, say), it becomes the apology; refused again,
    `text` is posted in the thread as plain text and the placeholder deleted, so it never stays alone.
    False when nothing could be posted."""
    try:
        client.chat_update(channel=q.channel, ts=ts, text=text, blocks=blocks)
        return True
    except Exception as e:
        log.error("could not replace the placeholder (source=%s): %s", q.source, type(e).__name__)
    if text != SORRY:
        try:
            client.chat_update(channel=q.channel, ts=ts, text=SORRY, blocks=[])
            return False
        except Exception as e:
            log.error("could not put the apology in its place either: %s", type(e).__name__)
    try:
        # beside the placeholder, not under it: it is deleted next, and a reply in its thread would hide
        client.chat_postMessage(channel=q.channel, thread_ts=q.thread_ts, text=text)
    except Exception as e:
        log.error("could not post the reply either (source=%s): %s", q.source, type(e).__name__)
        return False
    try:
        client.chat_delete(channel=q.channel, ts=ts)
    except Exception as e:
        log.warning("the placeholder stays beside the reply: %s", type(e).__name__)
    return True


def _log_answered(q: SlackQuestion, answer: Answer, started: float) -> None:
    fields = {"source": q.source, "channel": q.channel, "citations": len(answer.citations), "mode": answer.mode,
              "abstained": answer.abstained, "latency_ms": round((time.perf_counter() - started) * 1000, 1)}
    log.info("answered source=%(source)s citations=%(citations)d mode=%(mode)s abstained=%(abstained)s", fields,
             extra=fields)
