"""What the corpus knows, worked out lazily per catalog: its words (for typo-tolerant "does the corpus use
this word?"), its text (for "does it mention WRC-23?"), its clauses that carry mandates, and its
documents. A catalog loaded from its cache keeps clauses as memory-mapped JSON lines; these facts scan
those bytes and parse only the clauses a question needs, so one question never parses 100k clauses."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet

from retrieval.core.models import Clause
from retrieval.core.text import norm_hyphens
from retrieval.indexing.catalog import Catalog, hyphen_forms
from retrieval.indexing.lexical import SYNONYMS, lexical_tokens

OPERATIVE = frozenset({"instructed", "invited", "requested", "encouraged", "resolved", "responsible", "reports"})
_HAS_MANDATES = b'"mandates":[{'


def _operative(c: Clause) -> bool:
    return any(m.role in OPERATIVE for m in c.mandates)


class _PerDoc(Mapping[str, list[Clause]]):
    """Operative clauses of one document, parsed when that document is first asked for."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._done: dict[str, list[Clause]] = {}

    def __getitem__(self, doc_id: str) -> list[Clause]:
        if doc_id not in self._done:
            where = self.catalog.doc_positions().get(doc_id)
            if where is None:
                raise KeyError(doc_id)
            self._done[doc_id] = [c for c in (self.catalog.clause_at(i) for i in where) if c.mandates and _operative(c)]
        return self._done[doc_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.catalog.doc_positions())

    def __len__(self) -> int:
        return len(self.catalog.doc_positions())


class _Sizes(Mapping[str, int]):
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def __getitem__(self, doc_id: str) -> int:
        return len(self.catalog.doc_positions()[doc_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self.catalog.doc_positions())

    def __len__(self) -> int:
        return len(self.catalog.doc_positions())


def _hyphen_parts(stem: str) -> list[str]:
    """The stemmed parts of a hyphenated word ("staff-cost" → staff, cost); none for a plain word."""
    return [t for p in stem.split("-") if p for t in lexical_tokens(p)] if "-" in stem.strip("-") else []


class CorpusFacts:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._vocab: set[str] | None = None
        self._by_prefix: dict[str, list[str]] | None = None
        self._with_mandates: list[Clause] | None = None
        self.operative_by_doc: Mapping[str, list[Clause]] = _PerDoc(catalog)
        self.size_by_doc: Mapping[str, int] = _Sizes(catalog)

    @property
    def with_mandates(self) -> list[Clause]:
        """Every clause that gives someone something to do (parses them all: for listings)."""
        if self._with_mandates is None:
            at = self.catalog.lines_containing([_HAS_MANDATES])
            self._with_mandates = [c for c in (self.catalog.clause_at(i) for i in at) if c.mandates]
        return self._with_mandates

    def mandate_clauses(self, actors: list[str], within: AbstractSet[int] | None = None) -> list[Clause]:
        """Clauses with mandates that name any of these actors (found in the stored bytes first), among
        the catalog positions `within` when given (those that speak of the topic)."""
        if not actors:
            if within is None:
                return self.with_mandates
            at = sorted(within)
        else:
            at = self.catalog.lines_containing(hyphen_forms(actors))
            if within is not None:
                at = [i for i in at if i in within]
        return [c for c in (self.catalog.clause_at(i) for i in at) if c.mandates]

    def mentions(self, s: str) -> bool:
        """The corpus holds `s` (hyphens in any form; metadata such as titles and numbers too)."""
        return self.catalog.contains(norm_hyphens(s))

    def uses(self, stem: str) -> bool:
        """The corpus uses this stemmed word, a synonym of it, or (hyphenated) each of its parts; no typo
        tolerance."""
        if self.has_word(stem) or SYNONYMS.get(stem, frozenset()) & (self._vocab or set()):
            return True
        parts = _hyphen_parts(stem)
        return bool(parts) and all(self.uses(t) for t in parts)

    def has_word(self, stem: str) -> bool:
        """The corpus uses exactly this stemmed word."""
        self.knows(stem)
        return self._vocab is not None and stem in self._vocab

    def knows(self, stem: str) -> bool:
        """The corpus uses this stemmed word, or one within a typo of it ("cybersecurty")."""
        if self._vocab is None:
            bm25 = getattr(self.catalog.lexical, "bm25", None)
            vocab = getattr(bm25, "vocab_dict", None) or {}
            self._vocab = {str(w) for w in vocab}
            by_prefix: dict[str, list[str]] = defaultdict(list)
            for w in self._vocab:
                by_prefix[w[:1]].append(w)
            self._by_prefix = dict(by_prefix)
        if stem in self._vocab or SYNONYMS.get(stem, frozenset()) & self._vocab:  # "telecom"
            return True
        if "-" in stem.strip("-"):
            # "staff-cost" is known when the texts use "staff" and "cost" ("staff costs").
            # The compound was stemmed whole ("country-code" → "country-cod"): its last part may be cut
            # short of the texts' own stem ("code").
            parts = _hyphen_parts(stem)
            return bool(parts) and all(self.knows(t) or any(
                w.startswith(t) and len(w) - len(t) <= 2 for w in (self._by_prefix or {}).get(t[:1], [])) for t in parts)
        if len(stem) < 5 or self._by_prefix is None:
            return False
        near = [w for w in self._by_prefix.get(stem[:1], []) if abs(len(w) - len(stem)) <= 2]
        # One edit in a five-letter word is a ratio of 0.8; "coffe" and "confer" (0.73) are different words.
        return bool(difflib.get_close_matches(stem, near, n=1, cutoff=0.8))
