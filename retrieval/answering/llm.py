"""The optional LLM: any OpenAI-compatible chat endpoint. Returns claims; checking them is not its job."""

from __future__ import annotations

import json
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from html import escape

from pydantic import BaseModel, Field, ValidationError

from retrieval.answering.prompts import load, render
from retrieval.core.config import Settings
from retrieval.core.errors import LLMError
from retrieval.core.models import Clause

log = logging.getLogger(__name__)


class Claim(BaseModel):
    text: str
    clause_id: str
    quote: str


class LLMReply(BaseModel):
    claims: list[Claim] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)


def format_clauses(clauses: list[Clause], display: dict[str, str]) -> str:
    # Clause text is escaped so it cannot close its own tag and pose as prompt structure.
    return "\n".join(
        f'<clause id="{escape(c.clause_id)}" cite="{escape(display[c.clause_id])}">{escape(c.text, quote=False)}</clause>'
        for c in clauses
    )


def build_messages(question: str, clauses: list[Clause], display: dict[str, str]) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": load("answer_system")},
        {"role": "user", "content": render("answer_user", question=question,
                                           clauses=format_clauses(clauses, display))},
    ]


def parse_reply(content: str) -> LLMReply:
    m = re.search(r"\{.*\}", content or "", re.DOTALL)
    if not m:
        raise LLMError("the model's reply held no JSON object")
    try:
        return LLMReply.model_validate(json.loads(m.group(0)))
    except (json.JSONDecodeError, ValidationError, RecursionError) as e:
        raise LLMError(f"the model's reply was not the expected JSON ({type(e).__name__})") from e


MAX_REPLY_BYTES = 1_000_000  # a chat completion of 800 tokens is a few KB


LLM_RETRY_AFTER = 30.0  # seconds an endpoint that failed is left alone


class EndpointDown(LLMError):
    """The endpoint itself failed (no connection, a timeout, HTTP 429 or 5xx), not one request: the
    questions right after it are answered without waiting for it."""


class ChatLLM:
    """One POST to `{base_url}/chat/completions`, read under a total deadline: SECTORBOT_LLM_TIMEOUT
    bounds the whole exchange, so an endpoint trickling its reply a byte at a time is cut off like a
    silent one. Anything but a chat completion holding a JSON object is an LLMError (the answer then
    falls back to the extractive one, with a note)."""

    def __init__(self, settings: Settings) -> None:
        self.key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
        self.url = (settings.openai_base_url or "https://api.openai.com/v1").rstrip("/") + "/chat/completions"
        self.timeout = settings.llm_timeout
        self.model = settings.llm_model
        self._down_until = 0.0  # an endpoint that just failed is not tried again before this (monotonic)
        # one worker per answering thread, so no request waits in a queue while its deadline runs
        self._pool = ThreadPoolExecutor(max_workers=max(2, settings.answer_workers), thread_name_prefix="llm")

    def ask(self, question: str, clauses: list[Clause], display: dict[str, str]) -> LLMReply:
        # A dead endpoint would make every question wait its timeout in turn (four Slack questions behind
        # one answer worker: the last waited four timeouts): after a failure of the endpoint itself, the
        # next questions within LLM_RETRY_AFTER seconds are answered extractively at once.
        wait = self._down_until - time.monotonic()
        if wait > 0:
            raise LLMError(f"the language model failed moments ago; retried in {wait:.0f} s")
        payload = {"model": self.model, "messages": build_messages(question, clauses, display),
                   "temperature": 0, "max_tokens": 800}
        try:
            raw = self._bounded_post(payload)
        except EndpointDown:
            self._down_until = time.monotonic() + LLM_RETRY_AFTER
            raise
        self._down_until = 0.0
        return parse_reply(completion_content(raw))

    def _bounded_post(self, payload: dict[str, object]) -> bytes:
        """`_post` under one deadline for the whole exchange: httpx's timeout is per read, so a reply
        trickled in chunks just under it could take twice the setting."""
        future = self._pool.submit(self._post, payload)
        try:
            return future.result(timeout=self.timeout + 0.5)
        except FutureTimeout:
            future.cancel()  # not started yet: never sent; started: httpx's own timeout ends it
            raise EndpointDown("the language model timed out") from None

    def _post(self, payload: dict[str, object]) -> bytes:
        import httpx

        deadline = time.monotonic() + self.timeout
        headers = {"Authorization": f"Bearer {self.key}", "Accept": "application/json"}
        body = bytearray()
        try:
            with httpx.Client(timeout=self.timeout) as client, \
                    client.stream("POST", self.url, json=payload, headers=headers) as resp:
                if resp.status_code >= 400:
                    down = resp.status_code == 429 or resp.status_code >= 500
                    raise (EndpointDown if down else LLMError)(
                        f"the language model endpoint returned HTTP {resp.status_code}")
                for chunk in resp.iter_raw():
                    body += chunk
                    if time.monotonic() > deadline:
                        raise EndpointDown("the language model timed out")
                    if len(body) > MAX_REPLY_BYTES:
                        raise LLMError("the language model's reply was too large")
                ctype = resp.headers.get("content-type", "")
        except httpx.TimeoutException as e:
            raise EndpointDown("the language model timed out") from e
        except httpx.HTTPError as e:
            raise EndpointDown(f"the language model endpoint failed ({type(e).__name__})") from e
        if "json" not in ctype.lower():
            raise LLMError(f"the language model endpoint did not reply with JSON ({ctype.split(';')[0] or 'no type'})")
        return bytes(body)


def completion_content(raw: bytes) -> str:
    """The assistant's content of an OpenAI chat completion; LLMError for any other shape."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise LLMError("the language model endpoint's reply was not JSON") from e
    choices = data.get("choices") if isinstance(data, dict) else None
    first = choices[0] if isinstance(choices, list) and choices else None
    message = first.get("message") if isinstance(first, dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str):
        raise LLMError("the language model endpoint's reply was not a chat completion")
    return content
