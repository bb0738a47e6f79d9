"""The official address of a cited clause, set in one place for answers, cite and search: the
manifest entry of the same instrument and revision, or ITU's document page computed from a meeting
document's symbol (SG17-C823 → https://www.itu.int/md/T17-SG17-C-0823/en). No address is guessed
for a version the manifest does not list."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from retrieval.core.models import Answer, Citation, Clause, Instrument
from retrieval.indexing.manifest import Manifest, load_cached, meeting_url


class Linker:
    def __init__(self, manifest: Manifest | None) -> None:
        self.manifest = manifest

    @classmethod
    def from_corpus(cls, corpus_dir: Path) -> Linker:
        return cls(load_cached(str(corpus_dir / "manifest.json")))

    def url(self, clause: Clause) -> str | None:
        inst = clause.instrument
        if clause.proposal:
            # Text a contribution proposes links to the contribution, not to the adopted text.
            symbol = "/".join(clause.proposal.split()[-1].split("/")[:2])
            inst = Instrument(kind="contribution", body=inst.body, symbol=symbol)
        if self.manifest is not None:
            found = self.manifest.url_for(inst)
            if found:
                return found
        if inst.symbol:
            return meeting_url(inst.symbol)
        return None

    def citations(self, cits: list[Citation], clauses: Mapping[str, Clause]) -> list[Citation]:
        out = []
        for c in cits:
            clause = clauses.get(c.clause_id)
            url = c.url or (self.url(clause) if clause else None)
            out.append(c if url == c.url else c.model_copy(update={"url": url}))
        return out

    def answer(self, answer: Answer, clauses: Mapping[str, Clause]) -> Answer:
        if not answer.citations:
            return answer
        return answer.model_copy(update={"citations": self.citations(answer.citations, clauses)})
