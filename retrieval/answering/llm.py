"""The optional LLM: any OpenAI-compatible chat endpoint. Returns claims; checking them is not its job."""

from __future__ import annotations

import json
import logging
import re
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
    except (json.JSONDecodeError, ValidationError) as e:
        raise LLMError(f"the model's reply was not the expected JSON ({type(e).__name__})") from e


class ChatLLM:
    def __init__(self, settings: Settings) -> None:
        from openai import OpenAI

        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
        self.client = OpenAI(api_key=key, base_url=settings.openai_base_url, timeout=settings.llm_timeout,
                             max_retries=0)
        self.model = settings.llm_model

    def ask(self, question: str, clauses: list[Clause], display: dict[str, str]) -> LLMReply:
        import openai

        try:
            resp = self.client.chat.completions.create(
                model=self.model, messages=build_messages(question, clauses, display),  # type: ignore[arg-type]
                temperature=0, max_tokens=800,
            )
        except openai.APITimeoutError as e:
            raise LLMError("the language model timed out") from e
        except openai.APIStatusError as e:
            raise LLMError(f"the language model endpoint returned HTTP {e.status_code}") from e
        except openai.APIError as e:
            raise LLMError(f"the language model endpoint failed ({type(e).__name__})") from e
        content = resp.choices[0].message.content if resp.choices else None
        return parse_reply(content or "")
