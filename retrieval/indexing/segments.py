"""A document's share of the catalog, stored in Chroma beside its clause records: the clauses' JSON,
the columns the catalog looks up by, and the BM25 tokens numbered against the document's own
vocabulary. A replica rebuilds its catalog by reading one compressed record per document instead of
100k clause records' metadata (Chroma keeps metadata as key/value rows: 27–58 s at 100k clauses) and
numbers the tokens without touching each one."""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from retrieval.core.models import Clause
from retrieval.indexing.catalog import CatalogRecord, lexical_text, search_text
from retrieval.indexing.lexical import TOKENIZER_VERSION, LexicalIndex, lexical_tokens, number_tokens

if TYPE_CHECKING:  # numpy only when a catalog is rebuilt from segments, never for `cite` from the cache
    import numpy as np

FORMAT = 1
PER_RECORD = 500  # clauses per stored record: one huge document never becomes one huge request


@dataclass
class Segment:
    records: list[CatalogRecord]  # tokens left empty: they live in vocab/tok/lens
    vocab: list[str]
    tok: np.ndarray  # int32 indexes into vocab, clause after clause
    lens: np.ndarray  # int64 tokens per clause

    @classmethod
    def from_records(cls, records: Sequence[CatalogRecord]) -> Segment:
        """From records that carry their tokens (a store written before segments existed)."""
        vocab, tok, lens = number_tokens([r.tokens for r in records])
        return cls([r._replace(tokens=[]) for r in records], vocab, tok, lens)


class Forms(NamedTuple):
    """What writing a clause needs of it, worked out once: its JSON, its search text and its BM25 tokens."""

    json: str
    text: str
    tokens: list[str]

    @classmethod
    def of(cls, c: Clause) -> Forms:
        return cls(c.model_dump_json(), search_text(c), lexical_tokens(lexical_text(c)))


def segment_ids(doc_id: str, gen: str, clauses: int) -> list[str]:
    return [f"{doc_id}|{gen}|{k}" for k in range(max(1, -(-clauses // PER_RECORD)))]


def encode(clauses: Sequence[Clause], forms: Mapping[str, Forms] | None = None) -> list[str]:
    """The stored records of one document (its clauses in catalog order), PER_RECORD clauses each;
    `forms` by clause id when the caller has them."""
    ordered = sorted(clauses, key=lambda c: c.span[0])
    got = forms or {}
    out = []
    for b in range(0, max(1, len(ordered)), PER_RECORD):
        chunk = ordered[b : b + PER_RECORD]
        fs = [got.get(c.clause_id) or Forms.of(c) for c in chunk]
        vocab, tok, lens = number_tokens([f.tokens for f in fs])
        head = {
            "format": FORMAT, "lex_v": TOKENIZER_VERSION, "vocab": vocab,
            "lens": lens.tolist(), "tok": base64.b64encode(tok.tobytes()).decode("ascii"),
            "cols": [[c.clause_id, c.doc_id, c.span[0], c.instrument.number, c.instrument.kind,
                      c.instrument.symbol, c.proposal] for c in chunk],
        }
        body = "\n".join([json.dumps(head), *(f.json for f in fs)])
        out.append(base64.b64encode(zlib.compress(body.encode("utf-8"), 1)).decode("ascii"))
    return out


def decode(stored: str) -> Segment | None:
    """None when the record was written by another format or tokenizer, or cannot be read: the caller
    reads the clause records instead."""
    try:
        lines = zlib.decompress(base64.b64decode(stored)).decode("utf-8").split("\n")
        head = json.loads(lines[0])
    except (ValueError, zlib.error):  # binascii.Error and JSONDecodeError are ValueErrors
        return None
    if head.get("format") != FORMAT or head.get("lex_v") != TOKENIZER_VERSION:
        return None
    import numpy as np

    make = CatalogRecord._make
    records = [make((cid, doc, line, pos, [], number, kind, symbol, proposal))
               for (cid, doc, pos, number, kind, symbol, proposal), line in zip(head["cols"], lines[1:], strict=True)]
    tok = np.frombuffer(base64.b64decode(head["tok"]), dtype=np.int32)
    return Segment(records, head["vocab"], tok, np.asarray(head["lens"], dtype=np.int64))


def merge(segments: Sequence[Segment]) -> tuple[list[CatalogRecord], LexicalIndex]:
    """All segments as one catalog's records (in the order given) and their BM25 index: each
    document's vocabulary is mapped to the shared one once, its token ids through an array."""
    import numpy as np

    vocab: dict[str, int] = {}
    records: list[CatalogRecord] = []
    toks, lens = [], []
    for seg in segments:
        local = np.fromiter((vocab.setdefault(t, len(vocab)) for t in seg.vocab), dtype=np.int32,
                            count=len(seg.vocab))
        toks.append(local[seg.tok] if len(seg.tok) else seg.tok)
        lens.append(seg.lens)
        records.extend(seg.records)
    ids = [r.clause_id for r in records]
    if not records:
        return [], LexicalIndex([], [])
    return records, LexicalIndex.from_token_ids(ids, list(vocab), np.concatenate(toks), np.concatenate(lens))
