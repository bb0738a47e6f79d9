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


def answer_into_thread(client: Any, backend: Backend, q: SlackQuestion) -> None:
    started = time.perf_counter()
    placeholder = client.chat_postMessage(channel=q.channel, thread_ts=q.thread_ts, text=SEARCHING)
    ts = placeholder["ts"]
    try:
        answer = backend.answer(q.text) if q.text else None
        if answer is None:
            client.chat_update(channel=q.channel, ts=ts, text=HELP_TEXT)
            return
        messages = answer_blocks(answer)
        client.chat_update(channel=q.channel, ts=ts, text=fallback_text(answer), blocks=messages[0])
    except Exception as e:
        # Never the question text or the exception message: both can carry what users typed.
        log.error("answering failed (source=%s): %s", q.source, type(e).__name__)
        try:
            client.chat_update(channel=q.channel, ts=ts, text=SORRY, blocks=[])
        except Exception as again:
            log.error("could not replace the placeholder either: %s", type(again).__name__)
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
    fields = {"source": q.source, "channel": q.channel, "citations": len(answer.citations), "mode": answer.mode,
              "abstained": answer.abstained, "latency_ms": round((time.perf_counter() - started) * 1000, 1)}
    log.info("answered source=%(source)s citations=%(citations)d mode=%(mode)s abstained=%(abstained)s", fields,
             extra=fields)
