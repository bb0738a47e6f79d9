"""Whether a clause speaks of a topic, and how: as the object of a task, or as one item of a list.
Pure functions; the composers of "which Sector" and mandate questions share them."""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.core.models import Clause
from retrieval.core.text import norm_hyphens
from retrieval.indexing.lexical import holds, lexical_tokens

SUPPORT = 0.6  # share of the topic's idf mass a clause (or its instrument's title) must hold
_NOISE = re.compile(
    # where the texts come from, not what they are about: "in the PP-18 texts", "which Sectors does PP-18 task"
    r"\b(?:in|of|under|according\s+to|from|does|did|do)\s+(?:the\s+)?(?:PP|WTSA|WTDC|RA|WRC|Plenipotentiary)(?:-\d\d)?\b"
    # ("anything on AI in our texts?")
    r"(?:\s+(?:texts?|documents?|resolutions?|final\s+acts))?|(?:\b(?:in|of|from)\s+)?\b(?:the\s+|our\s+|these\s+|your\s+)?"
    r"(?:corpus|texts?|documents?)\b",
    re.IGNORECASE)
_EVERY_YEAR_RE = re.compile(r"\b(?:every|each|per|a)\s+year\b|\byearly\b", re.IGNORECASE)
_CUT = re.compile(r"[;:.](?=\s)|\n")


def clean_topic(topic: str) -> str:
    """"emergency telecommunications in the PP-18 texts" → "emergency telecommunications"."""
    t = _NOISE.sub(" ", norm_hyphens(topic)).strip(" ?.!,")
    t = _EVERY_YEAR_RE.sub("annually", t)  # as the texts say it
    return t or topic


def segment_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence-like piece (cut at ; : . and line ends) around an offset."""
    s = 0
    for m in _CUT.finditer(text):
        if m.end() <= pos:
            s = m.end()
        else:
            return s, m.start()
    return s, len(text)


def topic_position(text: str, terms: list[str]) -> int | None:
    """Offset of the first word of the text that is one of the topic's (stemmed) terms."""
    want = set(terms)
    for m in re.finditer(r"[A-Za-z][\w-]*", text):
        st = lexical_tokens(m.group(0))
        if st and st[0] in want:
            return m.start()
    return None


def listed(text: str, pos: int) -> bool:
    """True when the topic at `pos` is one item of an enumeration ("IMT; middleware; emergency
    communications; …", "a numbering plan, spectrum management, tariff and …"): three or more short
    items separated by commas or semicolons around it."""
    lo = max(0, pos - 200)
    window = text[lo:pos + 200]
    items = [x for x in re.split(r"[;,]|\band\b", window) if x.strip()]
    short = [x for x in items if len(x.split()) <= 7]
    return len(items) >= 4 and len(short) >= 3 and len(short) / len(items) >= 0.5


ITEM_SHARE = 0.5  # of the topic's terms one item of a list must hold to be that topic


def item_names(text: str, terms: list[str]) -> bool:
    """One item of the text's enumeration holds at least half the topic's terms: the list names the topic
    ("… telecommunications/ICT and climate change, …" for climate change), not words of it spread over
    other items ("international mobile telecommunications … scarce resources" is not international
    numbering resources)."""
    want = set(terms)
    if not want:
        return False
    return any(len(want & set(lexical_tokens(item))) >= ITEM_SHARE * len(want)
               for item in re.split(r"[;,:]|\band\b|\bsuch\s+as\b", text))


def speaks_of(c: Clause, coverage: Callable[[str], float]) -> tuple[bool, bool]:
    """(in its text, via its instrument's title): whether a clause may support a topic at all."""
    in_text = coverage(c.text) >= SUPPORT
    via_title = not in_text and bool(c.instrument.title) and coverage(c.instrument.title) >= SUPPORT
    return in_text, via_title


def held_by(topic: str, clauses: list[Clause]) -> str:
    """The topic's words that the best clauses hold (a synonym counts). A chatty topic ("stolen mobile
    phones helping countries handset theft") carries words the texts never use ("handset", for their
    "mobile device"); weighed against them, no clause would speak of it. The evidence check has already
    abstained when a word that matters is missing, so what is left is what the texts call the topic."""
    have: set[str] = set()
    for c in clauses:
        have.update(lexical_tokens(f"{c.instrument.title} {c.text}"))
    kept = [w for w in re.findall(r"[\w][\w'./-]*", topic) if holds(have, w)]
    return " ".join(kept) if kept else topic
