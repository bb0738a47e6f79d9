"""The reference graph: which indexed instrument each clause's references (Clause.references, in
the normal form retrieval/parsing/references.py writes: "PP Resolution 191 (Rev. Dubai, 2018)",
"Resolution ITU-R 7-3 (Rev. Geneva, 2015)", "WTSA-16 Resolution 57") point to. Pure functions.

A reference resolves to the indexed document of the same body, kind and number: the revision it
names when that is indexed (exact), else the latest indexed revision (not exact: the edge says
which revision was cited). A reference without a body is read in the citing text's own body (an
ITU text's bare "Resolution 123" is its own assembly's), then in any body holding that number
alone. What resolves to nothing is kept as an unresolved edge, so `refs` can say it is not indexed."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from pydantic import BaseModel

from retrieval.core.models import Body, Clause, Instrument, Revision

_REF = re.compile(
    r"^(?:(?P<body>PP|WTSA|WTDC|RA|WRC|Council)(?:-(?P<yy>\d{2}))?\s+)?"
    r"(?P<kind>Resolution|Decision|Recommendation)s?\s+"
    r"(?P<num>ITU-R\s+\d+(?:-\d+)?|ITU-[RTD]\s+[A-Z]{1,3}\.\d+(?:\.\d+)?|\d+)"
    r"(?:\s*\((?P<rev>Rev\.\s*)?(?P<place>[^,()]+?),\s*(?P<year>\d{4})\))?",
    re.IGNORECASE)
_ASSEMBLY_YEARS = {"PP": 1994, "WTSA": 2000, "WTDC": 1994, "RA": 1995}


class Target(BaseModel):
    """An instrument as a reference names it."""

    body: Body | None = None
    kind: str = "resolution"
    number: str
    revision: Revision | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.number.upper())


class Edge(BaseModel):
    source_doc: str
    clause_id: str  # the citing clause
    text: str  # the reference as written in normal form
    target_doc: str | None = None  # the indexed document it resolves to
    exact: bool = False  # the cited revision itself is indexed


def parse_target(ref: str) -> Target | None:
    m = _REF.match(ref.strip())
    if not m:
        return None
    kind = m.group("kind").lower()
    num = re.sub(r"\s+", " ", m.group("num"))
    body: Body | None = None
    if m.group("body"):
        body = {"pp": "PP", "wtsa": "WTSA", "wtdc": "WTDC", "ra": "RA", "wrc": "WRC",
                "council": "Council"}[m.group("body").lower()]  # type: ignore[assignment]
    if num.upper().startswith("ITU-R ") and kind == "resolution":
        body, num = "RA", re.sub(r"-\d+$", "", num)  # "ITU-R 7-3": edition 3 of Resolution ITU-R 7
    if kind == "recommendation":
        body = None
        num = num.split(" ", 1)[1] if num.upper().startswith("ITU-") else num
    rev = None
    if m.group("year"):
        rev = Revision(place=m.group("place").strip(), year=int(m.group("year")))
    elif m.group("yy"):
        rev = Revision(place="", year=2000 + int(m.group("yy")))
    return Target(body=body, kind=kind, number=num, revision=rev)


class Graph:
    def __init__(self, clauses: Sequence[Clause]) -> None:
        self.instruments: dict[str, Instrument] = {}
        self.clauses_of: dict[str, list[Clause]] = defaultdict(list)
        for c in clauses:
            self.clauses_of[c.doc_id].append(c)
            if c.proposal is None:
                self.instruments.setdefault(c.doc_id, c.instrument)
        self._by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
        for doc_id, inst in self.instruments.items():
            if inst.number:
                self._by_key[(inst.kind, inst.number.upper())].append(doc_id)
        self.edges: list[Edge] = []
        for c in clauses:
            for ref in c.references:
                self.edges.append(self._edge(c, ref))

    def _edge(self, c: Clause, ref: str) -> Edge:
        target = parse_target(ref)
        edge = Edge(source_doc=c.doc_id, clause_id=c.clause_id, text=ref)
        if target is None:
            return edge
        docs = [d for d in self._by_key.get(target.key, []) if d != c.doc_id]
        if target.body is not None:
            docs = [d for d in docs if self.instruments[d].body == target.body]
        elif target.kind == "resolution":
            own = [d for d in docs if self.instruments[d].body == c.instrument.body]
            bodies = {self.instruments[d].body for d in docs}
            docs = own or (docs if len(bodies) == 1 else [])
        if not docs:
            return edge
        rev = target.revision
        exact = [d for d in docs if rev is not None and (r := self.instruments[d].revision) is not None
                 and r.year == rev.year and (not rev.place or r.place.lower() == rev.place.lower())]
        chosen = exact[0] if exact else max(docs, key=self._year)
        return edge.model_copy(update={"target_doc": chosen, "exact": bool(exact) or rev is None})

    def _year(self, doc_id: str) -> int:
        r = self.instruments[doc_id].revision
        return r.year if r else 0

    def out_edges(self, doc_id: str) -> list[Edge]:
        return [e for e in self.edges if e.source_doc == doc_id]

    def in_edges(self, doc_id: str) -> list[Edge]:
        return [e for e in self.edges if e.target_doc == doc_id]

    def documents_for(self, body: Body | None, number: str, kind: str = "resolution",
                      revision: Revision | None = None) -> list[str]:
        """Indexed documents of an instrument, latest first (the named revision only, if given)."""
        docs = [d for d in self._by_key.get((kind, number.upper()), [])
                if body is None or self.instruments[d].body == body]
        if revision is not None:
            docs = [d for d in docs if (r := self.instruments[d].revision) is not None and r.year == revision.year
                    and (not revision.place or r.place.lower() == revision.place.lower())]
        return sorted(docs, key=self._year, reverse=True)

    def targets_of(self, doc_id: str, part: str | None = None) -> list[Edge]:
        """Resolved out-edges of a document, optionally only from one part ("noting")."""
        return [e for e in self.out_edges(doc_id) if e.target_doc
                and (part is None or self.clause_part(e.clause_id).startswith(part))]

    def clause_part(self, clause_id: str) -> str:
        doc = clause_id.split("#", 1)[0]
        return next((c.part for c in self.clauses_of.get(doc, []) if c.clause_id == clause_id), "")
