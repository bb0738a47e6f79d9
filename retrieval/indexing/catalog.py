"""The catalog: every live clause in memory, for exact lookups by id or by reference, with the
BM25 index beside it, and its on-disk cache (a restart reads it instead of scanning the store)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from retrieval.core.citations import display
from retrieval.core.models import Clause, Reference
from retrieval.indexing.lexical import LexicalIndex, lexical_tokens

log = logging.getLogger(__name__)


def search_text(clause: Clause) -> str:
    """What gets embedded and indexed: the citation form gives context the bare clause lacks."""
    parts = [display(clause), clause.instrument.title, clause.text, *clause.footnotes]
    return "\n".join(p for p in parts if p)



class Catalog:
    """Live clauses in memory: exact lookups by id and the BM25 index."""

    def __init__(self, clauses: list[Clause], lexical: LexicalIndex | None = None) -> None:
        self.clauses = clauses
        self.by_id = {c.clause_id: c for c in clauses}
        self.lexical = lexical or LexicalIndex(
            [c.clause_id for c in clauses], [lexical_tokens(search_text(c)) for c in clauses]
        )
        self._by_number: dict[str, list[Clause]] | None = None
        self._by_symbol: dict[str, list[Clause]] | None = None

    def cite_candidates(self, ref: Reference) -> list[Clause]:
        """The clauses a reference could resolve to (a superset; cite.resolve decides), so a cite
        costs a dictionary lookup instead of a scan of every clause."""
        if self._by_number is None or self._by_symbol is None:
            by_number: dict[str, list[Clause]] = {}
            by_symbol: dict[str, list[Clause]] = {}
            for c in self.clauses:
                if c.instrument.number:
                    by_number.setdefault(c.instrument.number.upper(), []).append(c)
                    if c.instrument.kind in ("contribution", "td") and "-" in c.instrument.number:
                        by_number.setdefault(c.instrument.number.upper().split("-", 1)[1], []).append(c)  # "C823"
                keys = {c.instrument.symbol.upper()} if c.instrument.symbol else set()
                if c.proposal:
                    parts = c.proposal.upper().split(" ")[-1].split("/")
                    keys |= {"/".join(parts[:n]) for n in range(1, len(parts) + 1)}
                for key in keys:
                    by_symbol.setdefault(key, []).append(c)
            self._by_number, self._by_symbol = by_number, by_symbol
        if ref.symbol:
            return self._by_symbol.get(ref.symbol.upper(), [])
        return self._by_number.get((ref.number or "").upper(), [])


def load_cached(cache_dir: Path) -> Catalog | None:
    try:
        if not (cache_dir / "complete").exists():
            return None
        with (cache_dir / "clauses.jsonl").open() as f:
            clauses = [Clause.model_validate_json(line) for line in f]
        return Catalog(clauses, LexicalIndex.load(cache_dir / "lexical"))
    except Exception:  # a damaged cache is only a cache: rebuild it
        log.warning("catalog cache at %s unreadable; rebuilding", cache_dir)
        return None


def save_cache(cache_dir: Path, catalog: Catalog) -> None:
    root = cache_dir.parent
    try:
        if root.exists():
            for old in root.iterdir():
                if old != cache_dir:
                    shutil.rmtree(old, ignore_errors=True)
        cache_dir.mkdir(parents=True, exist_ok=True)
        with (cache_dir / "clauses.jsonl").open("w") as f:
            for c in catalog.clauses:
                f.write(c.model_dump_json() + "\n")
        catalog.lexical.save(cache_dir / "lexical")
        (cache_dir / "complete").write_text("ok")
    except OSError as e:
        log.warning("could not write catalog cache: %s", e)
