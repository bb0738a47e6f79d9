"""What kind of question is this? Pure functions."""

from __future__ import annotations

import re
from typing import Literal

from .references import Reference, parse_reference

Intent = Literal["cite", "sector", "find", "ask"]

_SECTOR_RE = re.compile(
    r"\b(?:which|what)\s+(?:ITU\s+)?sectors?\b|\bwho\s+(?:handles|deals\s+with|is\s+responsible|is\s+in\s+charge"
    r"|works\s+on|coordinates|leads|covers|looks\s+after)\b|\bsectors?\s+(?:handles?|deals?|responsible)\b",
    re.IGNORECASE,
)
_FIND_RE = re.compile(
    r"\b(?:which|what|list|find|show)\s+(?:the\s+)?(?:resolutions|documents|clauses|contributions|texts)\b"
    r"|\bresolutions\s+(?:on|about|dealing|deal|that)\b",
    re.IGNORECASE,
)
_TOPIC_STRIP = re.compile(
    r"^\s*(?:which|what|list|find|show)\s+(?:the\s+)?(?:resolutions|documents|clauses|contributions|texts)\s+"
    r"(?:deal\s+with|dealing\s+with|are\s+about|about|on|cover|mention|that\s+\w+(?:\s+with)?)\s*"
    r"|^\s*(?:which|what|who)\s+(?:ITU\s+)?(?:sectors?\s+)?(?:of\s+ITU\s+)?(?:handles?|deals?\s+with|is\s+responsible\s+for"
    r"|are\s+responsible\s+for|is\s+in\s+charge\s+of|works?\s+on|coordinates|leads|covers|looks\s+after)?\s*|\?\s*$",
    re.IGNORECASE,
)


def detect(question: str) -> tuple[Intent, Reference | None]:
    ref = parse_reference(question)
    if ref is not None and (ref.symbol or ref.number):
        return "cite", ref
    if _SECTOR_RE.search(question):
        return "sector", None
    if _FIND_RE.search(question):
        return "find", None
    return "ask", None


def topic_of(question: str) -> str:
    topic = _TOPIC_STRIP.sub("", question).strip()
    return topic or question
