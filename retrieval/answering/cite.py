"""Resolve a typed reference ("Res 57 resolves 3") against the indexed clauses. Pure functions."""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, Field

from retrieval.answering.query import canonical_label
from retrieval.core.citations import version_display
from retrieval.core.models import Clause, Reference


class CiteResult(BaseModel):
    clauses: list[Clause] = Field(default_factory=list)
    found_instrument: bool = False
    message: str = ""  # what to tell the user beside the clauses (other versions, not found …)
    alternatives: list[str] = Field(default_factory=list)


def _version_key(c: Clause) -> tuple[int, int]:
    # Adopted text beats text a contribution proposes; then the latest revision.
    year = c.instrument.revision.year if c.instrument.revision else 0
    return (0 if c.proposal else 1, year)


def _version_name(c: Clause) -> str:
    return version_display(c)


def _part_matches(want: str, part: str) -> bool:
    want, part = want.lower(), part.lower()
    if want == "section":
        return part.startswith("section ")
    return part == want or part.startswith(want + " ")


def resolve(ref: Reference, clauses: list[Clause]) -> CiteResult:
    if ref.symbol:
        return _resolve_symbol(ref, clauses)
    candidates = [
        c for c in clauses
        if c.instrument.number and c.instrument.number.upper() == (ref.number or "").upper()
        and c.instrument.kind == "resolution"
        and (ref.body is None or c.instrument.body == ref.body)
        and (ref.revision is None or (c.instrument.revision is not None
             and c.instrument.revision.year == ref.revision.year
             and (not ref.revision.place or c.instrument.revision.place.lower() == ref.revision.place.lower())))
    ]
    if not candidates:
        return CiteResult(message=f"{_describe(ref)} is not in the corpus.")
    versions: dict[str, list[Clause]] = defaultdict(list)
    for c in candidates:
        versions[_version_name(c)].append(c)
    ordered = sorted(versions.values(), key=lambda cs: _version_key(cs[0]), reverse=True)
    best = ordered[0]
    others = [_version_name(cs[0]) for cs in ordered[1:]]
    chosen = best
    if ref.part:
        label = canonical_label(ref.label) if ref.label and ref.part != "section" else ref.label
        chosen = [c for c in best if _part_matches(ref.part, c.part) and (label is None or c.label == label)]
        if not chosen:
            # The clause may exist only in another version.
            for cs in ordered[1:]:
                alt = [c for c in cs if _part_matches(ref.part, c.part) and (label is None or c.label == label)]
                if alt:
                    chosen = alt
                    others = [n for n in others if n != _version_name(alt[0])] + [_version_name(best[0])]
                    break
        if not chosen:
            where = f"{ref.part} {ref.label or ''}".strip()
            return CiteResult(found_instrument=True, alternatives=others,
                              message=f"{_version_name(best[0])} is in the corpus, but it has no {where}.")
    msg = ""
    if others:
        msg = f"Showing {_version_name(chosen[0])}; also indexed: " + "; ".join(others) + "."
    elif chosen[0].proposal:
        msg = f"The corpus holds this text only as proposed in {chosen[0].proposal}, not as adopted."
    return CiteResult(clauses=chosen, found_instrument=True, alternatives=others, message=msg)


def _resolve_symbol(ref: Reference, clauses: list[Clause]) -> CiteResult:
    sym = (ref.symbol or "").upper()
    in_doc = [c for c in clauses if (c.instrument.symbol or "").upper() == sym or
              (c.proposal or "").upper().endswith(" " + sym + f"/{ref.proposal}")
              or (c.proposal or "").upper().split(" ")[-1].startswith(sym + "/")]
    if not in_doc:
        return CiteResult(message=f"Document {sym} is not in the corpus.")
    if ref.proposal is not None:
        pid = f"{sym}/{ref.proposal}"
        chosen = [c for c in in_doc if c.proposal and c.proposal.upper().split(" ")[-1] == pid]
        if not chosen:
            return CiteResult(found_instrument=True, message=f"{sym} is in the corpus, but it has no proposal {pid}.")
        return CiteResult(clauses=chosen, found_instrument=True)
    return CiteResult(clauses=in_doc, found_instrument=True)


def _describe(ref: Reference) -> str:
    out = f"{ref.body + ' ' if ref.body else ''}Resolution {ref.number}"
    if ref.revision and ref.revision.place:
        out += f" ({ref.revision.place}, {ref.revision.year})"
    elif ref.revision:
        out += f" ({ref.revision.year})"
    return out
