"""What kind of question is this? Pure functions."""

from __future__ import annotations

import re
from typing import Literal

from .lexical import lexical_tokens
from .references import Reference, parse_reference
from .text import norm_hyphens

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
    r"|are\s+responsible\s+for|is\s+in\s+charge\s+of|(?:share|do|does)?\s*(?:the\s+)?works?\s+(?:together\s+)?on"
    r"|shares?\s+(?:the\s+)?(?:work|responsibility|responsibilities)\s+(?:on|for)|(?:is|are)\s+(?:involved|active)\s+in"
    r"|studies|study|coordinates|leads|covers|looks\s+after)?\s*|\?\s*$",
    re.IGNORECASE,
)


# Words that ask for an instrument's text rather than about it: "What does Resolution 57 say?"
_CITE_WORDS = frozenset(lexical_tokens(
    "say says said text texts show quote read reads full give me tell wording exact content contents cite "
    "resolution resolutions res rev revised version latest adopted"))
_REF_SPAN = re.compile(
    r"\b(?:WTSA|WTDC|PP|RA|WRC|Plenipotentiary|ITU-[RTD])?[-\s]*(?:\d{2}\s+)?"
    r"(?:Resolution|Res\.?)\s*(?:ITU-R\s*)?\d+(?:\s*\((?:Rev\.?\s*)?[^)]*\))?"
    r"|\(?Rev\.?\s+[A-Z][\w\s-]*,\s*\d{4}\)?|\b(?:WTSA|WTDC|PP|RA)(?:-\d{2})?\b",
    re.IGNORECASE)


def asks_about_more_than(question: str) -> bool:
    """True when a question names a whole instrument but asks something about it ("What is the purpose
    of the RCC contribution on Resolution 57?"): that wants search within it, not all its clauses."""
    rest = _REF_SPAN.sub(" ", norm_hyphens(question).replace("\u00a0", " "))
    return any(t not in _CITE_WORDS and not t.isdigit() for t in lexical_tokens(rest))


def detect(question: str) -> tuple[Intent, Reference | None]:
    """The intent, and for "cite" the reference to look up. Other intents carry no reference: the
    answerer scopes their search by every resolution the question names."""
    ref = parse_reference(question)
    if ref is not None and (ref.symbol or ref.part or ref.label):
        return "cite", ref
    if ref is not None and ref.number and not asks_about_more_than(question):
        return "cite", ref
    if _SECTOR_RE.search(question):
        return "sector", None
    if _FIND_RE.search(question):
        return "find", None
    return "ask", None


def topic_of(question: str) -> str:
    topic = _TOPIC_STRIP.sub("", question).strip()
    return topic or question
