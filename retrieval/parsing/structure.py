"""Extracted text → typed clauses. Tries each document kind in order, then turns its drafts into
clauses with stable ids. Pure functions: no I/O, no store, no model."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from retrieval.core.ids import fragment
from retrieval.core.models import Clause, DocumentMeta, Instrument, ParsedDocument
from retrieval.parsing.grammar import Context, Draft, make_context
from retrieval.parsing.kinds import contribution, generic, meeting, recommendation, resolution
from retrieval.parsing.language import language_of
from retrieval.parsing.mandates import gives_task, mandates_of
from retrieval.parsing.references import references_in
from retrieval.parsing.sectors import sectors_in
from retrieval.parsing.source import SourceText

# ---- entry point ----------------------------------------------------------------------------------

class Kind(NamedTuple):
    name: str
    detect: Callable[[Context], bool]
    parse: Callable[[Context, str], tuple[DocumentMeta, list[Draft]]]


# Tried in order; the first whose detect() says yes parses the document. The generic parser takes
# anything, so it comes last.
KINDS: list[Kind] = [
    Kind("contribution", contribution.detect, contribution.parse),
    Kind("meeting", meeting.detect, meeting.parse),
    Kind("recommendation", recommendation.detect, recommendation.parse),
    Kind("resolution", resolution.detect, resolution.parse),
    Kind("generic", lambda ctx: True, generic.parse),
]


def parse(src: SourceText, source: str, sha256: str = "", url: str | None = None) -> ParsedDocument:
    ctx = make_context(src, source)
    kind = next(k for k in KINDS if k.detect(ctx))
    meta, drafts = kind.parse(ctx, source)
    if meta.language == "en":  # kinds that do not read it themselves
        meta.language = language_of(source, src.text)
        if meta.language != "en" and kind.name != "generic" and "~" not in meta.doc_id:
            meta.doc_id += f"~{meta.language}"  # one document per language, as for Recommendations
    meta.sha256 = sha256
    meta.url = url
    meta.format = src.format
    clauses = _finish(ctx, meta, drafts)
    if not clauses:
        ctx.warnings.append("no clauses found")
    return ParsedDocument(meta=meta, clauses=clauses, warnings=ctx.warnings)


def from_drafts(ctx: Context, meta: DocumentMeta, drafts: list[Draft]) -> ParsedDocument:
    """A document whose format already gave its structure (Akoma Ntoso): drafts → clauses."""
    ctx.warnings = []
    clauses = _finish(ctx, meta, drafts)
    if not clauses:
        ctx.warnings.append("no clauses found")
    return ParsedDocument(meta=meta, clauses=clauses, warnings=ctx.warnings)


# ---- drafts → clauses ------------------------------------------------------------------------------

def _finish(ctx: Context, meta: DocumentMeta, drafts: list[Draft]) -> list[Clause]:
    text = ctx.src.text
    clauses: list[Clause] = []
    seen: dict[str, int] = {}
    for d in drafts:
        s, e = d.start, d.end
        for xs, xe in ctx.excluded:
            if s <= xs < e and not text[xe:e].strip():
                e = xs  # a footnote body written inline at the end of the clause
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        body = text[s:e]
        fid = d.prefix + fragment(d.part, d.label)
        if fid in seen:
            seen[fid] += 1
            fid = f"{fid}~{seen[fid]}"
        else:
            seen[fid] = 1
        notes = [ctx.footnotes[i] for off, i in ctx.refs if s <= off <= d.end and i in ctx.footnotes]
        inst = d.instrument or Instrument()
        clauses.append(Clause(
            clause_id=f"{meta.doc_id}#{fid}", doc_id=meta.doc_id, instrument=inst, proposal=d.proposal,
            part=d.part, label=d.label, text=body, previous_text=_previous(ctx, d, s, e),
            footnotes=list(dict.fromkeys(notes)), span=(s, e), sectors=sectors_in(body),
            references=references_in(body, inst.body if inst.body != "other" else None),
        ))
        clauses[-1].mandates = mandates_of(clauses[-1])
    return inherit_heading(inherit_lead_in(clauses))


# "2 vii)", "2-vii", "1 a)": an item under a numbered clause (not "4.6", a clause of its own)
_ITEM_LABEL = re.compile(r"^(?P<parent>\S+?)[\s-]+\(?(?:[ivxlc]+|[a-z])\)?$")


def inherit_lead_in(clauses: list[Clause]) -> list[Clause]:
    """"resolves 2 that the BDT shall:" then items i) to viii): each item is a task of the BDT, though
    it names nobody. An item or numbered sub-clause whose parent (same part, the label before its own)
    is a lead-in ending in a colon carries the lead-in's text; an item also takes the parent's tasks
    when it gives none of its own."""
    by_label = {(c.part, c.label): c for c in clauses}
    for c in clauses:
        item = _ITEM_LABEL.match(c.label)
        parent_label = item.group("parent") if item else c.label.rsplit(".", 1)[0] if "." in c.label else None
        parent = by_label.get((c.part, parent_label)) if parent_label else None
        if parent is None or not parent.text.rstrip().endswith(":"):
            continue
        c.lead_in = parent.text.strip()
        # Tasks pass to lettered or roman items only: "4.6 the Plenipotentiary Conference shall be held …"
        # is a clause of its own, whoever its lead-in names.
        if item is not None and not any(gives_task(m) for m in c.mandates):
            tasks = [m.model_copy(update={"what": c.text.strip()[:300]}) for m in parent.mandates
                     if gives_task(m) or m.role == "assists"]
            c.mandates = [*tasks, *c.mandates]
    return clauses


# A section heading: a few words, no sentence ("Processing of contributions", "Participation in meetings")
_HEADING_TEXT = re.compile(r"^[A-Z][^.:;!?]{2,90}$")
_VERB = re.compile(r"\b(?:shall|should|may|must|will|is|are|was|were|has|have)\b")


def _is_section_heading(text: str) -> bool:
    t = " ".join(text.split())
    return bool(_HEADING_TEXT.match(t)) and len(t.split()) <= 14 and not _VERB.search(t)


def inherit_heading(clauses: list[Clause]) -> list[Clause]:
    """A numbered clause ("2.3.1", "3.2.5") takes the headings of the sections above it ("2.3 Participation
    in meetings"): the words a reader asks with are often only there."""
    by_label = {(c.part, c.label): c for c in clauses if c.label}
    for c in clauses:
        if "." not in c.label or " " in c.label:
            continue
        heads = []
        label = c.label
        while "." in label:
            label = label.rsplit(".", 1)[0]
            parent = by_label.get((c.part, label))
            if parent is not None and _is_section_heading(parent.text):
                heads.append(parent.text.strip())
        if heads:
            c.heading = " / ".join(reversed(heads[:2]))
    return clauses


def _previous(ctx: Context, d: Draft, s: int, e: int) -> str | None:
    changed = {(cs, ce): prev for cs, ce, prev in ctx.src.changes}
    if not changed or not any((ls, le) in changed for ls, le in d.line_ranges):
        return None
    pieces = []
    for ls, le in d.line_ranges:
        piece = changed.get((ls, le), ctx.src.text[ls:le])
        pieces.append(piece)
    prev = "\n".join(pieces)
    if d.label:
        prev = re.sub(r"^\s*" + re.escape(d.label) + r"[ \u00a0]*\t?\s*", "", prev)
    prev = prev.strip()
    return prev if prev != ctx.src.text[s:e] else None
