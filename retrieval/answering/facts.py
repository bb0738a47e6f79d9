"""What the corpus knows, worked out once per catalog: its words (for typo-tolerant "does the corpus use
this word?"), its text (for "does it mention WRC-23?"), its clauses that carry mandates, and its
instruments' titles. Rebuilt when the catalog changes."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable

from retrieval.core.models import Clause
from retrieval.core.text import norm_hyphens
from retrieval.indexing.catalog import Catalog

OPERATIVE = frozenset({"instructed", "invited", "requested", "encouraged", "resolved", "responsible", "reports"})


class CorpusFacts:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._text: str | None = None
        self._vocab: set[str] | None = None
        self._by_prefix: dict[str, list[str]] | None = None
        self.with_mandates: list[Clause] = [c for c in catalog.clauses if c.mandates]
        titles: dict[str, list[Clause]] = defaultdict(list)
        for c in self.with_mandates:
            if c.instrument.title and any(m.role in OPERATIVE for m in c.mandates):
                titles[c.instrument.title].append(c)
        self._titles = dict(titles)
        by_doc: dict[str, list[Clause]] = defaultdict(list)
        for c in self.with_mandates:
            if any(m.role in OPERATIVE for m in c.mandates):
                by_doc[c.doc_id].append(c)
        self.operative_by_doc = dict(by_doc)
        sizes: dict[str, int] = defaultdict(int)
        for c in catalog.clauses:
            sizes[c.doc_id] += 1
        self.size_by_doc = dict(sizes)

    def mentions(self, s: str) -> bool:
        """The corpus text holds `s` (hyphens normalised; metadata such as titles and numbers too)."""
        if self._text is None:
            parts = [c.text for c in self.catalog.clauses]
            parts += list({f"{c.instrument.title} {c.instrument.number or ''} {c.doc_id}"
                           for c in self.catalog.clauses})
            self._text = norm_hyphens("\n".join(parts))
        return norm_hyphens(s) in self._text

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
        if stem in self._vocab:
            return True
        if len(stem) < 5 or self._by_prefix is None:
            return False
        near = [w for w in self._by_prefix.get(stem[:1], []) if abs(len(w) - len(stem)) <= 2]
        # One edit in a five-letter word is a ratio of 0.8; "coffe" and "confer" (0.73) are different words.
        return bool(difflib.get_close_matches(stem, near, n=1, cutoff=0.8))

    def by_title(self, coverage: Callable[[str], float], floor: float) -> list[Clause]:
        """Clauses with operative mandates in every instrument whose title covers the topic."""
        return [c for title, cs in self._titles.items() if coverage(title) >= floor for c in cs]
