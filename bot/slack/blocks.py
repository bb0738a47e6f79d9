"""The Block Kit rendering of an Answer, and Slack text safety. Pure functions.

Every string sent to Slack goes through `slack_text` (escape, then disarm): text from documents or a
language model can hold `<@U…>`, `<!subteam^…>` or `<https://…|…>`, which Slack would otherwise turn
into pings and disguised links. Long text is split after escaping, so a section never outgrows
Slack's limit however many `&` it holds."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.common.safety import disarm
from retrieval import Answer, Clause
from retrieval.core.citations import quote_display
from retrieval.core.models import AnswerLine
from retrieval.core.text import display_text, readable

SECTION_LIMIT = 2900  # Slack allows 3000 characters in a section's text; keep a margin
BLOCKS_PER_MESSAGE = 50
_USER_MENTION_RE = re.compile(r"<@[UW][A-Z0-9]+(\|[^>]*)?>")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_text(text: str) -> str:
    """Any text of ours or of a document, made inert for Slack: no mentions, links or broadcasts."""
    return disarm(escape(text))


def mrkdwn_line(line: AnswerLine) -> str:
    text = "".join(f"*{slack_text(s.text)}*" if s.emphasis else slack_text(s.text) for s in line.spans)
    if line.kind == "item":
        return f"• {text}"
    if line.kind == "note":
        return f"_{text}_"
    return text


_BROADCAST_RE = re.compile(r"<!(?:channel|here|everyone|subteam\^[A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL_RE = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")
_LINK_RE = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")


def clean_question(text: str) -> str:
    """The question as the asker wrote it, from Slack's markup: no @mentions or broadcasts (`<!channel>`),
    a link as its label (`<https://…|ITU>` → "ITU") or its address, a channel as "#name", and Slack's
    `&amp;` `&lt;` `&gt;` escapes undone."""
    text = _BROADCAST_RE.sub(" ", _USER_MENTION_RE.sub(" ", text))
    text = _CHANNEL_RE.sub(lambda m: "#" + m.group(1), text)
    text = _LINK_RE.sub(lambda m: m.group(2) or m.group(1), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def _split(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else _entity_safe(line, limit)
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


def _entity_safe(line: str, cut: int) -> int:
    """`cut`, moved back to the `&` when it would split an escape (`&am|p;` shows as "&amp;")."""
    amp = line.rfind("&", max(0, cut - 4), cut)
    return amp if amp > 0 and ";" not in line[amp:cut] else cut


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
    body = "\n".join(mrkdwn_line(ln) for ln in answer.lines)
    blocks: list[dict[str, Any]] = [_section(chunk) for chunk in _split(body)]
    for n, c in enumerate(answer.citations, 1):
        ref = f"<{_safe_url(c.url)}|{slack_text(c.display)}>" if c.url else f"*{slack_text(c.display)}*"
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"[{n}] {ref}"}]})
        quote_chunks = _split(slack_text(quote_display(c)), SECTION_LIMIT - 10)
        for i, chunk in enumerate(quote_chunks):
            block = _section("> " + chunk.replace("\n", "\n> "))
            if i == 0:
                block["accessory"] = {"type": "button", "action_id": "show_clause",
                                      "text": {"type": "plain_text", "text": "Show clause"},
                                      "value": c.clause_id[:2000]}
            blocks.append(block)
    footer = [slack_text(n) for n in answer.notes]
    if answer.lead_sectors:
        footer.append("lead: " + ", ".join(answer.lead_sectors)
                      + (" · involved: " + ", ".join(answer.involved_sectors) if answer.involved_sectors else ""))
    if answer.thin_evidence:
        footer.append(":warning: thin evidence")
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
    """Plain text for notifications and clients without Block Kit; escaped like everything else."""
    return slack_text(answer.text)[:3000]


def _safe_url(url: str) -> str:
    # A link target must not close the <…|…> syntax or smuggle a second link.
    return url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace(" ", "%20")


def clause_modal(clause: Clause, display: str) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = [_section(f"*{slack_text(display)}*")]
    blocks += [_section(chunk) for chunk in _split(slack_text(readable(clause.text)))][:40]
    for note in clause.footnotes[:5]:
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": _split(slack_text(display_text(note)))[0]}]})
    if clause.previous_text:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _split(
            "Before tracked changes: " + slack_text(display_text(clause.previous_text)))[0]}]})
    return {"type": "modal", "title": {"type": "plain_text", "text": "Clause"},
            "close": {"type": "plain_text", "text": "Close"}, "blocks": blocks[:100]}


HELP_TEXT = (
    "*sectorbot* answers from ITU resolutions and contributions, citing the clauses.\n"
    "• `/sector ask Which Sector handles emergency telecommunications?`\n"
    "• `/sector cite Res 57 resolves 3`\n"
    "• `/sector sector IMT` — which Sector(s) handle a topic\n"
    "• Mention me in a channel or DM me with a question; I answer in the thread."
)
