"""One composer per intent (cite, sector, find, ask): evidence in, a format-neutral Answer out.
Pure functions over clauses and hits; no store, no model. Shared line builders live here."""

from __future__ import annotations

import re
from collections.abc import Iterable

from retrieval.core.models import SECTORS, AnswerLine, Span

MAX_CITATIONS = 5


def em(text: str) -> Span:
    return Span(text=text, emphasis=True)


def _spans(parts: tuple[str | Span, ...]) -> list[Span]:
    return [p if isinstance(p, Span) else Span(text=p) for p in parts if (p.text if isinstance(p, Span) else p)]


def lead(*parts: str | Span) -> AnswerLine:
    return AnswerLine(kind="lead", spans=_spans(parts))


def item(*parts: str | Span) -> AnswerLine:
    return AnswerLine(kind="item", spans=_spans(parts))


def note(*parts: str | Span) -> AnswerLine:
    return AnswerLine(kind="note", spans=_spans(parts))


# The words that set something aside in a question: "apart from BDT", "leaving aside disaster cases".
EXCEPTING = (r"\b(?:leaving\s+aside|setting\s+aside|leave\s+aside|aside\s+from|apart\s+from|except(?:\s+for)?|"
             r"excluding|not\s+counting|ignoring|other\s+than|outside\s+of|besides)\s+")

# A Sector's own texts by kind: its Recommendations and Supplements, its groups' meeting documents.
OWN_TEXT_KINDS = ("recommendation", "supplement", "contribution", "td")
_WHO_RE = re.compile(r"^\s*who\b", re.IGNORECASE)


def asks_who(question: str) -> bool:
    """"Who …?": the answer is an actor before anything else."""
    return bool(_WHO_RE.match(question))


def ordered_sectors(sectors: Iterable[str]) -> list[str]:
    seen = set(sectors)
    return [s for s in SECTORS if s in seen]
