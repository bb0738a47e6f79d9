"""Citation checks: a citation stands only if its clause was given and its quote is verbatim; a
language model's claim stands only if its quote is long enough to carry it and shares its words."""

from __future__ import annotations

import re

from retrieval.core.models import Citation, Clause
from retrieval.core.text import normalize, strip_footnote_marks, tokens
from retrieval.indexing.lexical import STOPWORDS, stem

MIN_QUOTE_WORDS = 4  # "the" or "ITU-T" is verbatim in almost any clause and proves nothing
MIN_SHARED_WORDS = 2  # content words (stemmed) a claim must share with its quote
MAX_CLAIM_CHARS = 500  # one plain sentence; longer claims say more than one quote can back


def quote_in(quote: str, text: str) -> bool:
    """Verbatim after folding whitespace, hyphen variants and curly quotes; never fuzzier."""
    q = normalize(quote)
    if len(q) < 3:
        return False
    t = normalize(text)
    return q in t or normalize(strip_footnote_marks(quote)) in normalize(strip_footnote_marks(text))


def verify(citation: Citation, given: dict[str, Clause]) -> bool:
    clause = given.get(citation.clause_id)
    return clause is not None and quote_in(citation.quote, clause.text)


def keep_verified(citations: list[Citation], given: dict[str, Clause]) -> tuple[list[Citation], int]:
    kept = [c for c in citations if verify(c, given)]
    return kept, len(citations) - len(kept)


def _content_words(text: str) -> list[str]:
    """The stemmed content words of a text, in order, repeats kept."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS and (len(t) > 2 or any(ch.isdigit() for ch in t))]


def _content(text: str) -> set[str]:
    return set(_content_words(text))


# Text a claim puts in quotation marks, and the instruments it names: both must be the cited clause's.
# (double quotation marks only: an apostrophe is as often a possessive, "ITU-T's … TSB's")
_QUOTED_RE = re.compile(r"[\u201c\"]([^\u201d\"]{12,})[\u201d\"]")
_NAMED_RE = re.compile(r"\b(?:Resolution|Res\.|Decision|Dec\.|Recommendation)\s+(?:ITU-[RTD]\s+)?"
                       r"(?P<num>[A-Z]{0,2}\.?\d+(?:[.-]\d+)*)\b", re.IGNORECASE)
UNSUPPORTED_SHARE = 0.5  # at most this share of a claim's content words may be absent from its clause


def claim_supported(claim: str, quote: str, clause_text: str, clause: Clause | None = None) -> bool:
    """Whether a (verbatim) quote can back a claim: the claim is one bounded sentence, the quote has
    at least MIN_QUOTE_WORDS words (or is the whole clause), and the two share content words — a
    quote of "the" or of an unrelated phrase cannot make any claim "cited". The claim's own text is held
    to the clause too: whatever it puts in quotation marks is verbatim there, an instrument it names is
    the clause's or one the clause names ("WTSA Resolution 99 (Rev. Geneva, 2030), resolves 7 says …"
    around a real quote is not), and most of its words are the clause's (ten appended sentences are not)."""
    if not claim.strip() or len(claim) > MAX_CLAIM_CHARS:
        return False
    whole = normalize(quote).strip(" .;,") == normalize(clause_text).strip(" .;,")
    if len(tokens(quote)) < MIN_QUOTE_WORDS and not whole:
        return False
    quoted_words = _content(quote)
    if len(_content(claim) & quoted_words) < min(MIN_SHARED_WORDS, max(1, len(quoted_words))):
        return False
    if any(not quote_in(q, clause_text) for q in _QUOTED_RE.findall(claim)):
        return False
    # "ITU-R 9" is stored with its Sector; a claim names it "Resolution ITU-R 9"
    own = {re.sub(r"^itu-[rtd]\s*", "", (clause.instrument.number or "").lower())} if clause is not None else set()
    for m in _NAMED_RE.finditer(claim):
        num = m.group("num").lower()
        if num not in own and not re.search(rf"(?<![\w.]){re.escape(num)}(?![\w.]*\d)", clause_text, re.IGNORECASE):
            return False
    said = _content(clause_text) | (_content(clause.instrument.title or "") if clause is not None else set())
    # counted with repeats: the same unsupported sentence appended ten times is ten times unsupported
    words = _content_words(claim)
    return not words or sum(w not in said for w in words) / len(words) <= UNSUPPORTED_SHARE
