"""The catalog: every live clause in memory, for exact lookups by id or by reference, with the
BM25 index beside it, and its on-disk cache (a restart reads it instead of scanning the store)."""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import shutil
import threading
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple, overload

from retrieval.core.citations import display, version_display
from retrieval.core.models import Clause, Reference
from retrieval.indexing.lexical import LexicalIndex, lexical_tokens

log = logging.getLogger(__name__)


def search_text(clause: Clause) -> str:
    """What gets embedded and indexed: the citation form gives context the bare clause lacks. A
    Recommendation's title is not repeated in each of its hundreds of clauses: "Alternative approval process
    for new and revised ITU-T Recommendations" in every clause of A.8 made them all alike (measured: hit@3
    93.7 → 92.4 on the evaluation); a resolution's title says what its few dozen clauses are about."""
    inst = clause.instrument
    title = inst.number or "" if inst.kind in ("recommendation", "supplement") else inst.title
    parts = [display(clause), title, clause.lead_in, clause.text, *clause.footnotes]
    return "\n".join(p for p in parts if p)


def lexical_text(clause: Clause) -> str:
    """What BM25 indexes: the embedded text and the headings of the sections the clause sits in (A.1 §3.2.5
    under "Submission and processing of contributions / Processing of contributions"): a reader's words are
    sometimes only in the heading. Not embedded: embedded too, the headings moved 28 evaluation results
    either way for no net gain."""
    return f"{search_text(clause)}\n{clause.heading}" if clause.heading else search_text(clause)


def text_key(text: str) -> str:
    """The key under which a clause's vector is reused: a hash of exactly what was embedded (one
    collection has one embedder, so the text alone decides)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]



def number_keys(number: str | None, kind: str) -> list[str]:
    """What a cite by number looks up: "57"; a contribution or TD also by its short form ("C823")."""
    if not number:
        return []
    keys = [number.upper()]
    if kind in ("contribution", "td") and "-" in number:
        keys.append(number.upper().split("-", 1)[1])
    return keys


def hyphen_forms(texts: Sequence[str]) -> list[bytes]:
    """The byte strings to look for: each text with its hyphens as typed and in the forms ITU documents
    store them ("ISC‑TF" with a non-breaking hyphen, "‐", "–")."""
    forms = {t.replace("-", h) for t in texts for h in ("-", "\u2011", "\u2010", "\u2013")}
    return [f.encode("utf-8") for f in sorted(forms)]


class CatalogRecord(NamedTuple):
    """One clause as the store hands it over for a catalog: its JSON unparsed, its BM25 tokens."""

    clause_id: str
    doc_id: str
    json: str
    pos: int
    tokens: list[str]
    number: str | None
    kind: str
    symbol: str | None
    proposal: str | None


class Catalog:
    """Live clauses: exact lookups by id and by reference, and the BM25 index.

    Built from clauses (after ingest or a store scan), or loaded from its cache without parsing them:
    the cache keeps every clause as a JSON line, memory-mapped, with the ids, the reference lookup
    tables and the BM25 index beside it, so a process answers after reading a few columns; a clause
    becomes a `Clause` when a search or a cite first touches it (100k pydantic parses took 2.8 s).
    The BM25 index and the position of each id are made on first use too: a `cite` by reference needs
    neither (at 100k clauses they were a fifth of its process time)."""

    def __init__(self, clauses: list[Clause], lexical: LexicalIndex | None = None) -> None:
        self.ids = [c.clause_id for c in clauses]
        self._raw: _Lines | _Strings | None = None
        self._parsed: dict[int, Clause] = dict(enumerate(clauses))
        self._pos_map: dict[str, int] | None = None
        self._lexical: LexicalIndex | None = lexical or LexicalIndex(self.ids, [lexical_tokens(lexical_text(c)) for c in clauses])
        self._load_lexical: Callable[[], LexicalIndex] | None = None
        self._lazy_lock = threading.Lock()
        self._lookup: dict[str, dict[str, list[int]]] | None = None
        self._heads: list[int] | None = None
        self._head_candidates: list[int] | None = None
        self._docs: dict[str, list[int]] | None = None
        self.clauses = _ClauseList(self)
        self.by_id = _ById(self)

    @classmethod
    def _lazy(cls, ids: list[str], raw: _Lines | _Strings, lexical: LexicalIndex | Callable[[], LexicalIndex],
              lookup: dict[str, dict[str, list[int]]], heads: list[int]) -> Catalog:
        obj = cls.__new__(cls)
        obj.ids, obj._raw, obj._parsed = ids, raw, {}
        obj._pos_map = None
        obj._lexical, obj._load_lexical = (None, lexical) if callable(lexical) else (lexical, None)
        obj._lazy_lock = threading.Lock()
        obj._lookup, obj._heads, obj._head_candidates = lookup, heads, None
        obj._docs = None
        obj.clauses = _ClauseList(obj)
        obj.by_id = _ById(obj)
        return obj

    @classmethod
    def from_records(cls, records: list[CatalogRecord], lexical: LexicalIndex | None = None) -> Catalog:
        """A catalog straight from store records: BM25 from their stored tokens (or given, built from
        segments), lookups from their columns, clauses parsed only when touched."""
        ids = [r.clause_id for r in records]
        by_number: dict[str, list[int]] = {}
        by_symbol: dict[str, list[int]] = {}
        heads: dict[tuple[str, str | None], int] = {}
        for i, r in enumerate(records):
            for key in number_keys(r.number, r.kind):
                by_number.setdefault(key, []).append(i)
            keys = {r.symbol.upper()} if r.symbol else set()
            if r.proposal:
                parts = r.proposal.upper().split(" ")[-1].split("/")
                keys |= {"/".join(parts[:n]) for n in range(1, len(parts) + 1)}
            for key in keys:
                by_symbol.setdefault(key, []).append(i)
            heads.setdefault((r.doc_id, r.proposal), i)
        lexical = lexical or LexicalIndex(ids, [r.tokens for r in records])
        obj = cls._lazy(ids, _Strings([r.json for r in records]), lexical,
                        {"number": by_number, "symbol": by_symbol}, [])
        # Candidates for version_heads: one per document and proposal; deduplicated by name when asked.
        obj._head_candidates = sorted(heads.values())
        obj._heads = None
        return obj

    @property
    def lexical(self) -> LexicalIndex:
        if self._lexical is None:
            with self._lazy_lock:  # two questions at once load it once
                if self._lexical is None:
                    assert self._load_lexical is not None
                    self._lexical = self._load_lexical()
        return self._lexical

    @property
    def _pos(self) -> dict[str, int]:
        if self._pos_map is None:
            self._pos_map = {cid: i for i, cid in enumerate(self.ids)}  # one assignment: a racing thread builds the same
        return self._pos_map

    def raw_line(self, i: int) -> bytes:
        if self._raw is not None:
            return self._raw.line(i)
        return self.clause_at(i).model_dump_json().encode("utf-8")

    def clause_at(self, i: int) -> Clause:
        c = self._parsed.get(i)
        if c is None:
            assert self._raw is not None
            c = self._parsed[i] = Clause.model_validate_json(self._raw.line(i))
        return c

    def doc_positions(self) -> dict[str, list[int]]:
        """Where each document's clauses are, from the ids alone (a clause id is "<doc_id>#<fragment>")."""
        if self._docs is None:
            docs: dict[str, list[int]] = {}
            for i, cid in enumerate(self.ids):
                docs.setdefault(cid.partition("#")[0], []).append(i)
            self._docs = docs
        return self._docs

    def lines_containing(self, needles: Sequence[bytes]) -> list[int]:
        """Positions of the clauses whose stored JSON holds any of the byte strings, found by scanning
        the memory-mapped cache rather than parsing 100k clauses."""
        if self._raw is None:
            return [i for i in range(len(self.ids))
                    if any(n in self.raw_line(i) for n in needles)]
        return sorted(self._raw.find_lines(needles))

    def contains(self, text: str) -> bool:
        """Some clause's stored JSON holds `text` (clause text, titles, numbers, ids); hyphens in any
        of the forms the documents use."""
        needles = hyphen_forms([text])
        if self._raw is None:
            return bool(self.lines_containing(needles))
        return self._raw.holds(needles)

    def _tables(self) -> dict[str, dict[str, list[int]]]:
        if self._lookup is None:
            by_number: dict[str, list[int]] = {}
            by_symbol: dict[str, list[int]] = {}
            for i in range(len(self.ids)):
                c = self.clause_at(i)
                for key in number_keys(c.instrument.number, c.instrument.kind):
                    by_number.setdefault(key, []).append(i)
                keys = {c.instrument.symbol.upper()} if c.instrument.symbol else set()
                if c.proposal:
                    parts = c.proposal.upper().split(" ")[-1].split("/")
                    keys |= {"/".join(parts[:n]) for n in range(1, len(parts) + 1)}
                for key in keys:
                    by_symbol.setdefault(key, []).append(i)
            self._lookup = {"number": by_number, "symbol": by_symbol}
        return self._lookup

    def has_number(self, number: str) -> bool:
        """Some indexed instrument has this number ("A.8", "57"): it is in the corpus, not only cited."""
        return bool(self._tables()["number"].get(number.upper()))

    def cite_candidates(self, ref: Reference) -> list[Clause]:
        """The clauses a reference could resolve to (a superset; cite.resolve decides), so a cite
        costs a dictionary lookup instead of a scan of every clause."""
        tables = self._tables()
        if ref.symbol:
            hits = tables["symbol"].get(ref.symbol.upper(), [])
        else:
            hits = tables["number"].get((ref.number or "").upper(), [])
        return [self.clause_at(i) for i in hits]

    def version_heads(self) -> list[Clause]:
        """One clause per instrument version in the catalog (what "the corpus covers" lists)."""
        if self._heads is None:
            seen: dict[str, int] = {}
            for i in self._head_candidates if self._head_candidates is not None else range(len(self.ids)):
                seen.setdefault(version_display(self.clause_at(i)), i)
            self._heads = sorted(seen.values())
        return [self.clause_at(i) for i in self._heads]


class _Lines:
    """The lines of a file by number, through a memory map and an offsets array."""

    def __init__(self, path: Path, offsets: Sequence[int]) -> None:
        import mmap

        self._file = path.open("rb")
        size = path.stat().st_size
        self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self._offsets = offsets

    def line(self, i: int) -> bytes:
        return bytes(self._map[int(self._offsets[i]) : int(self._offsets[i + 1])])

    def holds(self, needles: Sequence[bytes]) -> bool:
        return any(self._map.find(n) >= 0 for n in needles)

    def find_lines(self, needles: Sequence[bytes]) -> set[int]:
        found: set[int] = set()
        for n in needles:
            at = self._map.find(n)
            while at >= 0:
                line = bisect.bisect_right(self._offsets, at) - 1
                found.add(line)
                # Go on from the next line: one hit per line is enough.
                at = self._map.find(n, int(self._offsets[line + 1]))
        return found


class _Strings:
    """Clause JSON held as text (a catalog just read from the store)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    def line(self, i: int) -> bytes:
        return self._lines[i].encode("utf-8")

    def holds(self, needles: Sequence[bytes]) -> bool:
        texts = [n.decode("utf-8") for n in needles]
        return any(t in line for line in self._lines for t in texts)

    def find_lines(self, needles: Sequence[bytes]) -> set[int]:
        texts = [n.decode("utf-8") for n in needles]
        return {i for i, line in enumerate(self._lines) if any(t in line for t in texts)}


class _ClauseList(Sequence[Clause]):
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def __len__(self) -> int:
        return len(self._catalog.ids)

    @overload
    def __getitem__(self, i: int) -> Clause: ...
    @overload
    def __getitem__(self, i: slice) -> list[Clause]: ...

    def __getitem__(self, i: int | slice) -> Clause | list[Clause]:
        if isinstance(i, slice):
            return [self._catalog.clause_at(j) for j in range(*i.indices(len(self)))]
        return self._catalog.clause_at(i if i >= 0 else len(self) + i)

    def __iter__(self) -> Iterator[Clause]:
        return (self._catalog.clause_at(i) for i in range(len(self)))

    def __bool__(self) -> bool:
        return bool(self._catalog.ids)


class _ById(Mapping[str, Clause]):
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def __getitem__(self, clause_id: str) -> Clause:
        if "#" not in clause_id:  # not a clause id ("Res 57 resolves 3" tried as one): no need to map 100k ids
            raise KeyError(clause_id)
        return self._catalog.clause_at(self._catalog._pos[clause_id])

    def __contains__(self, clause_id: object) -> bool:
        return isinstance(clause_id, str) and "#" in clause_id and clause_id in self._catalog._pos

    def __iter__(self) -> Iterator[str]:
        return iter(self._catalog.ids)

    def __len__(self) -> int:
        return len(self._catalog.ids)


# 3: ids in ids.txt, read once for the catalog and its BM25 index (json parsed them twice); 4: line offsets as
# raw int64 in this machine's byte order, read without numpy (0.1 s of every `cite` was importing it)
CACHE_FORMAT = "4"


def load_cached(cache_dir: Path) -> Catalog | None:
    done = cache_dir / "complete"
    if not done.exists():
        return None
    try:
        if done.read_text() != CACHE_FORMAT:
            return None
        meta = json.loads((cache_dir / "catalog.json").read_text())
        # 100k ids split from text in a few ms; as a JSON list they took 30 ms, twice.
        text = (cache_dir / "ids.txt").read_text(encoding="utf-8")
        ids = text.split("\n") if text else []
        offsets = array("q")
        offsets.frombytes((cache_dir / "offsets.i64").read_bytes())
        if len(offsets) != len(ids) + 1:
            raise ValueError("ids and offsets disagree")
        raw = _Lines(cache_dir / "clauses.jsonl", offsets)
        shared = ids if meta.get("lexical_ids") == "catalog" else None
        return Catalog._lazy(ids, raw, lambda: LexicalIndex.load(cache_dir / "lexical", shared), meta["lookup"],
                             meta["heads"])
    except Exception:  # a damaged or old-format cache is only a cache: rebuild it
        log.warning("catalog cache at %s unreadable; rebuilding", cache_dir)
        return None


def save_cache(cache_dir: Path, catalog: Catalog) -> None:
    root = cache_dir.parent
    if any("\n" in cid for cid in catalog.ids):
        log.warning("a clause id holds a line break: catalog not cached")  # ids are stored one a line
        return
    try:
        if root.exists():
            for old in root.iterdir():
                if old != cache_dir:
                    shutil.rmtree(old, ignore_errors=True)
        cache_dir.mkdir(parents=True, exist_ok=True)
        lines = [catalog.raw_line(i).rstrip(b"\n") + b"\n" for i in range(len(catalog.ids))]
        (cache_dir / "clauses.jsonl").write_bytes(b"".join(lines))  # one write, not 100k
        offsets = array("q", [0])
        for x in lines:
            offsets.append(offsets[-1] + len(x))
        (cache_dir / "offsets.i64").write_bytes(offsets.tobytes())
        (cache_dir / "ids.txt").write_text("\n".join(catalog.ids), encoding="utf-8")
        catalog.version_heads()
        shared = "catalog" if catalog.lexical.ids == catalog.ids else "own"  # BM25 reads its own ids only if they differ
        (cache_dir / "catalog.json").write_text(json.dumps({"lookup": catalog._tables(), "heads": catalog._heads,
                                                            "lexical_ids": shared}))
        catalog.lexical.save(cache_dir / "lexical")
        (cache_dir / "complete").write_text(CACHE_FORMAT)
    except OSError as e:
        log.warning("could not write catalog cache: %s", e)
