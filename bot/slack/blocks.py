"""Block Kit rendering and Slack text safety. Pure functions."""

from __future__ import annotations

import json
import re
from typing import Any

from retrieval.models import Answer, Clause
from retrieval.text import display_text

SECTION_LIMIT = 2900  # Slack allows 3000 characters in a section's text; keep a margin
BLOCKS_PER_MESSAGE = 50
_BROADCAST_RE = re.compile(r"<!(channel|here|everyone)(\|[^>]*)?>|(?<![\w<])@(channel|here|everyone)\b", re.IGNORECASE)
_USER_MENTION_RE = re.compile(r"<@[UW][A-Z0-9]+(\|[^>]*)?>")


def disarm(text: str) -> str:
    """Echoed text must never ping a whole channel: `<!here>` and `@channel` become inert."""
    return _BROADCAST_RE.sub(lambda m: "@\u200b" + (m.group(1) or m.group(3)).lower(), text)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clean_question(text: str) -> str:
    """The question without the bot's own @mention."""
    return " ".join(_USER_MENTION_RE.sub("", text).split())


def _split(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:cut])
            line = line[cut:].lstrip()
        if len(current) + len(line) + 1 > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks or [""]


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def feedback_value(answer: Answer) -> str:
    ids = [c.clause_id for c in answer.citations]
    raw = json.dumps({"q": disarm(answer.question)[:600], "c": ids})
    while len(raw) > 1900 and ids:  # a button value holds at most 2000 characters
        ids = ids[:-1]
        raw = json.dumps({"q": disarm(answer.question)[:600], "c": ids})
    return raw


def answer_blocks(answer: Answer) -> list[list[dict[str, Any]]]:
    """One or more messages' worth of blocks: answer, citations with quotes, feedback buttons."""
    blocks: list[dict[str, Any]] = [_section(escape(disarm(chunk))) for chunk in _split(answer.text)]
    for n, c in enumerate(answer.citations, 1):
        ref = f"<{c.url}|{escape(c.display)}>" if c.url else f"*{escape(c.display)}*"
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"[{n}] {ref}"}]})
        quote_chunks = _split(escape(disarm(display_text(c.quote))), SECTION_LIMIT - 10)
        for i, chunk in enumerate(quote_chunks):
            block = _section("> " + chunk.replace("\n", "\n> "))
            if i == 0:
                block["accessory"] = {"type": "button", "action_id": "show_clause",
                                      "text": {"type": "plain_text", "text": "Show clause"},
                                      "value": c.clause_id[:2000]}
            blocks.append(block)
    footer = [escape(n) for n in answer.notes]
    footer.append("extractive answer" if answer.mode == "extractive" else "answer phrased by a language model; "
                  "citations checked")
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": " · ".join(footer)}]})
    if not answer.abstained or answer.citations:
        value = feedback_value(answer)
        blocks.append({"type": "actions", "block_id": "feedback", "elements": [
            {"type": "button", "action_id": "feedback_helpful", "text": {"type": "plain_text", "text": "👍 Helpful"},
             "value": value},
            {"type": "button", "action_id": "feedback_not_helpful",
             "text": {"type": "plain_text", "text": "👎 Not helpful"}, "value": value},
        ]})
    return [blocks[i : i + BLOCKS_PER_MESSAGE] for i in range(0, len(blocks), BLOCKS_PER_MESSAGE)]


def fallback_text(answer: Answer) -> str:
    """Plain text for notifications and clients without Block Kit."""
    return disarm(answer.text)[:3000]


def clause_modal(clause: Clause, display: str) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = [_section(f"*{escape(display)}*")]
    blocks += [_section(escape(disarm(chunk))) for chunk in _split(display_text(clause.text))][:40]
    for note in clause.footnotes[:5]:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(display_text(note))[:2900]}]})
    if clause.previous_text:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "Before tracked changes: "
                                                        + escape(display_text(clause.previous_text))[:2800]}]})
    return {"type": "modal", "title": {"type": "plain_text", "text": "Clause"},
            "close": {"type": "plain_text", "text": "Close"}, "blocks": blocks[:100]}


HELP_TEXT = (
    "*sectorbot* answers from ITU resolutions and contributions, citing the clauses.\n"
    "• `/sector ask Which Sector handles emergency telecommunications?`\n"
    "• `/sector cite Res 57 resolves 3`\n"
    "• `/sector sector IMT` — which Sector(s) handle a topic\n"
    "• Mention me in a channel or DM me with a question; I answer in the thread."
)
