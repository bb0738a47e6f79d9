"""Misspelled question words read as the corpus word they were meant to be ("cybersecurty" →
"cybersecurity"). Only a word the corpus does not know is corrected, to a word the corpus uses (or a
question word), within one edit for short words and two for long ones; a known word is never touched.

The surface vocabulary (words as written in the clauses) is built once per catalog, and only when a
question first holds an unknown word: correctly spelled questions never pay for it."""

from __future__ import annotations

import re
import threading
import weakref
from collections import Counter

from retrieval.answering.query import edit_distance
from retrieval.core.text import split_merged
from retrieval.indexing.catalog import Catalog
from retrieval.indexing.lexical import STOPWORDS, stem

_WORD_RE = re.compile(r"[A-Za-z]+")
_SURFACE_RE = re.compile(r"[a-z]{3,}")
# Question words people mistype that the clause vocabulary may lack ("wich", "waht", "whos").
_QUESTION_STARTS = frozenset({"which", "what", "who", "whose", "where", "when", "how", "why"})
_QUESTION_WORDS = frozenset(STOPWORDS | {"which", "what", "who", "whose", "where", "when", "how", "handles",
                                         "handle", "sector", "sectors", "reports", "responsible"})


def max_edits(word: str) -> int:
    return 1 if len(word) <= 7 else 2


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class Speller:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._lock = threading.Lock()
        self._counts: Counter[str] | None = None
        self._index: dict[str, list[str]] | None = None

    def knows(self, word: str) -> bool:
        w = word.lower()
        return w in _QUESTION_WORDS or self.catalog.lexical.knows(stem(w))

    def _build(self) -> tuple[Counter[str], dict[str, list[str]]]:
        with self._lock:
            if self._counts is None or self._index is None:
                counts: Counter[str] = Counter()
                for c in self.catalog.clauses:
                    # Merged revision seams split as the BM25 tokens split them ("ICTscybersecurity").
                    counts.update(_SURFACE_RE.findall(split_merged(c.text).lower()))
                    counts.update(_SURFACE_RE.findall(c.instrument.title.lower()))
                counts.update({w: 1 for w in _QUESTION_WORDS if len(w) >= 3})
                # Delete-one index (SymSpell): a word and a typo of it within two edits share a key.
                index: dict[str, list[str]] = {}
                for w in counts:
                    if len(w) >= 3:
                        for key in _deletes(w) | {w}:
                            index.setdefault(key, []).append(w)
                self._counts, self._index = counts, index
            return self._counts, self._index

    def suggest(self, word: str, first: bool = False) -> str | None:
        """The corpus word meant by an unknown word, or None (known word, or nothing close enough).
        A question's first word is most likely a question word ("wich" → "which", not "with")."""
        w = word.lower()
        if len(w) < 4 or not w.isalpha() or self.knows(w):
            return None
        counts, index = self._build()
        if w in counts:
            return None
        candidates = {c for key in _deletes(w) | {w} for c in index.get(key, ())}
        scored = [(edit_distance(w, c), -counts[c], c) for c in candidates if c[0] == w[0]]
        scored = [s for s in scored if s[0] <= max_edits(w)]
        if first:
            scored = [s for s in scored if s[2] in _QUESTION_STARTS] or scored
        return min(scored)[2] if scored else None

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The text with unknown words corrected, and each correction as (typed, read as)."""
        fixes: list[tuple[str, str]] = []

        def repl(m: re.Match[str]) -> str:
            word = m.group(0)
            if len(word) > 1 and word.isupper():  # an acronym (TSAG, ISCG): a name, not a typo
                return word
            right = self.suggest(word, first=not text[: m.start()].strip())
            if right is None:
                return word
            fixes.append((word, right))
            return right.capitalize() if word[0].isupper() else right

        return _WORD_RE.sub(repl, text), fixes


_SPELLERS: weakref.WeakKeyDictionary[Catalog, Speller] = weakref.WeakKeyDictionary()
_SPELLERS_LOCK = threading.Lock()


def speller_for(catalog: Catalog) -> Speller:
    """One speller per catalog: a refreshed catalog gets a new vocabulary."""
    with _SPELLERS_LOCK:
        sp = _SPELLERS.get(catalog)
        if sp is None:
            sp = _SPELLERS[catalog] = Speller(catalog)
        return sp
