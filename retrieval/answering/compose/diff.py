"""What changed between two versions of a text, as an Answer: a summary line, the sections added,
removed and changed, then each changed clause with its word-level changes ([-deleted-]{+inserted+}),
each side cited verbatim. Also what a proposal changes, aligned with its base text when that is
indexed (retrieval/answering/changes.py). Pure functions over the catalog's clauses."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.answering.changes import align, describe_seams, render_seams, seams
from retrieval.answering.compose import item, lead, note, ordered_sectors
from retrieval.answering.diff import ClauseChange, TextDiff, diff_clauses, render_words
from retrieval.answering.query import parse_reference
from retrieval.answering.versions import Pick, Version, document_versions, pick, resolution_versions
from retrieval.core.citations import citation, part_display
from retrieval.core.models import Answer, AnswerLine, Citation, Clause, Reference
from retrieval.core.text import fold_space, readable, strip_footnote_marks

MAX_ITEMS = 40  # changes listed in one answer; the summary counts them all
MAX_DIFF_CITATIONS = 10
_CHANGED_WORDS = re.compile(
    r"\b(?:what|which)\s+(?:has\s+|have\s+|was\s+|were\s+)?(?:changed|changes|differences|differs?)\b"
    r"|\bchanges?\s+(?:in|to|between|from)\b|\bdifferences?\s+between\b|\bcompare\b|\bdiff\b"
    r"|\bhow\s+(?:does|did|has|have)\b.*\b(?:differ|change)d?\b|\bwhat\s+is\s+new\s+in\b",
    re.IGNORECASE)


def asks_what_changed(question: str) -> bool:
    return bool(_CHANGED_WORDS.search(question))


def versions_for(ref_text: str, clauses: Sequence[Clause],
                 dates: dict[str, str] | None = None) -> tuple[str, list[Version], Reference | None]:
    """What a diff reference names and its versions: a resolution ("Res 57"), a proposal
    ("RCC/47A4/1": the resolution it changes), or documents by id, symbol or title word."""
    ref = parse_reference(ref_text)
    if ref is not None and ref.symbol:
        props = [c for c in clauses if c.proposal and c.proposal.upper().split()[-1].startswith(ref.symbol.upper())]
        if ref.proposal is not None:
            props = [c for c in props if c.proposal and c.proposal.upper().endswith(f"/{ref.proposal}")]
        if props:
            inst = props[0].instrument
            return (props[0].proposal or ref.symbol,
                    resolution_versions(Reference(body=inst.body, number=inst.number), clauses), ref)
    if ref is not None and ref.number and ref.kind in (None, "resolution"):
        what = f"{ref.body + ' ' if ref.body else ''}Resolution {ref.number}"
        return what, resolution_versions(ref.model_copy(update={"revision": None}), clauses), ref
    return ref_text.strip(), document_versions(ref_text, clauses, dates), ref


def diff_answer(question: str, ref_text: str, clauses: Sequence[Clause], from_rev: str | None = None,
                to_rev: str | None = None, max_items: int = MAX_ITEMS, dates: dict[str, str] | None = None) -> Answer:
    what, versions, ref = versions_for(ref_text, clauses, dates)
    if ref is None or (ref.kind not in (None, "resolution") and not ref.symbol):
        # documents: the ones --from/--to name are versions too ("TD2484" → "C823")
        ref = None
        extra = [v for r in (from_rev, to_rev) if r for v in document_versions(r, clauses, dates)]
        versions = sorted({v.key: v for v in versions + extra}.values(), key=lambda v: (v.year, v.order, v.key))
    if ref is not None and ref.symbol and not to_rev:
        to_rev = next((v.proposal for v in versions if v.proposal and v.proposal.upper().split()[-1]
                       .startswith(ref.symbol.upper())), None)
    if ref is not None and ref.revision is not None and not to_rev:
        to_rev = ref.revision.place or str(ref.revision.year)
    chosen = pick(versions, what, from_rev, to_rev)
    if chosen.old is None or chosen.new is None:
        return _proposal_without_base(question, what, versions, chosen, parse_reference(question))
    return compose_diff(question, what, chosen, max_items)


def compose_diff(question: str, what: str, chosen: Pick, max_items: int = MAX_ITEMS) -> Answer:
    old, new = chosen.old, chosen.new
    assert old is not None and new is not None
    proposal = new.proposal is not None
    diff = diff_clauses(old.clauses, new.clauses, old.name, new.name, word_diff=align if proposal else None)
    head = (f"{what}: what {new.proposal} changes in {old.name}" if proposal
            else f"{what}: changes from {old.name} to {new.name}")
    lines: list[AnswerLine] = [lead(f"{head}: {diff.summary}.")]
    lines.extend(_section_lines(diff))
    shown = [c for c in diff.changes if c.kind != "unchanged"]
    for ch in shown[:max_items]:
        lines.append(_change_line(ch))
    if len(shown) > max_items:
        lines.append(note(f"… and {len(shown) - max_items} more changes (`sectorbot diff --all` lists them all)."))
    if not shown:
        lines.append(lead("The two versions have the same clauses, word for word."))
    if proposal:
        lines.append(note("Read from a text with merged revision marks: a replaced passage is shown as a deletion "
                          "and an insertion; a passage deleted without replacement leaves no trace in such a text."))
    if chosen.others:
        lines.append(note("Also indexed: " + "; ".join(chosen.others) + "."))
    return Answer(question=question, intent="diff", lines=lines, citations=_citations(shown),
                  sectors=ordered_sectors(s for ch in shown for c in (ch.new, ch.old) if c for s in c.sectors))


def all_changes(diff: TextDiff) -> list[ClauseChange]:
    return [c for c in diff.changes if c.kind != "unchanged"]


def _where(c: Clause) -> str:
    return part_display(c.part, c.label)


def _change_line(ch: ClauseChange) -> AnswerLine:
    if ch.kind == "added":
        assert ch.new is not None
        return item(f"added {_where(ch.new)}: {_short(ch.new.text)}")
    if ch.kind == "removed":
        assert ch.old is not None
        return item(f"removed {_where(ch.old)}: {_short(ch.old.text)}")
    assert ch.old is not None and ch.new is not None
    place = _where(ch.new) if not ch.renumbered else f"{_where(ch.old)} → {_where(ch.new)}"
    if ch.kind == "moved":
        return item(f"moved {place}")
    return item(f"changed {place}: {_short(render_words(ch.words), 600)}")


def _short(text: str, limit: int = 240) -> str:
    t = fold_space(text)
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"


def section_of(c: Clause) -> str:
    """The section a clause sits in, for the summary: "§4.2.1" for numbered sections, else its part
    (without page numbers a table of contents left in a heading)."""
    if c.part.startswith("section ") and c.label:
        return f"§{c.label}"
    last = c.part.split(" > ")[-1]
    return fold_space(re.sub(r"\s+\d+\s*$", "", last)) or c.part


def section_summary(diff: TextDiff) -> dict[str, list[str]]:
    """Sections of the new text wholly added, sections of the old text wholly removed, and sections
    with anything changed, moved, added or removed inside (named as the new text numbers them)."""
    new_kinds: dict[str, set[str]] = {}
    old_kinds: dict[str, set[str]] = {}
    for ch in diff.changes:
        if ch.new is not None:
            new_kinds.setdefault(section_of(ch.new), set()).add(ch.kind)
        if ch.old is not None:
            old_kinds.setdefault(section_of(ch.old), set()).add(ch.kind)
    added = [s for s, k in new_kinds.items() if k == {"added"}]
    removed = [s for s, k in old_kinds.items() if k == {"removed"}]
    changed = [s for s, k in new_kinds.items() if s not in added and k != {"unchanged"}]
    changed += [s for s, k in old_kinds.items() if s not in removed and s not in changed and "removed" in k]
    return {"added": added, "removed": removed, "changed": changed}


def _section_lines(diff: TextDiff) -> list[AnswerLine]:
    summary = section_summary(diff)
    if sum(len(v) for v in summary.values()) < 2:
        return []
    lines = []
    for kind in ("added", "removed", "changed"):
        if summary[kind]:
            lines.append(lead(f"Parts {kind} ({len(summary[kind])}): " + "; ".join(summary[kind][:25])
                              + ("; …" if len(summary[kind]) > 25 else "") + "."))
    return lines


def _citations(changes: list[ClauseChange]) -> list[Citation]:
    out: list[Citation] = []
    for ch in changes:
        for c in (ch.old, ch.new):
            if c is not None and all(x.clause_id != c.clause_id for x in out):
                out.append(citation(c, c.text))
        if len(out) >= MAX_DIFF_CITATIONS:
            break
    return out[:MAX_DIFF_CITATIONS]


def _proposal_without_base(question: str, what: str, versions: list[Version], chosen: Pick,
                           asked: Reference | None = None) -> Answer:
    """A proposal whose base text is not indexed: show where its merged marks join two readings. A
    question about one clause ("… in resolves 3 of Res 57") is answered for that clause."""
    props = [v for v in versions if v.proposal]
    if not props or any(v.proposal is None for v in versions):
        # One version only, or nothing named: nothing to compare is no answer, and says why.
        return Answer(question=question, intent="diff", abstained=True,
                      lines=[lead(chosen.message or f"Nothing to compare for {what}.")])
    v = props[-1]
    named: list[Clause] = []
    if asked is not None and asked.part and asked.label:
        named = [c for c in v.clauses if c.part.lower() == asked.part.lower()
                 and re.sub(r"\s", "", c.label) == re.sub(r"\s", "", asked.label)]
        if named and not any(seams(c.text) for c in named):
            c = named[0]
            return Answer(question=question, intent="diff", lines=[
                lead(f"{v.proposal} shows no change to {_where(c)}: its text carries no revision marks there. "
                     f"As proposed: “{_short(readable(c.text), 400)}”"),
                note("The base text it changes is not indexed; index it to compare word by word.")],
                citations=[citation(c, c.text)])
    lines = [lead(f"{v.proposal} proposes changes to {v.name.split(' (as proposed')[0]}, but the base text it "
                  "changes is not indexed, so what it deletes and inserts cannot be told apart. Where its merged "
                  "revision marks join two readings, the change is shown as old → new when its shape tells "
                  "(a venue and year), else marked ⟦|⟧, with both readings after it:")]
    cited: list[Clause] = []
    for c in named or v.clauses:
        if seams(c.text):
            plain = strip_footnote_marks(c.text)
            shown = readable(c.text)
            text = shown if shown != fold_space(plain) else render_seams(plain)
            lines.append(item(f"{_where(c)}: {_short(text, 400)} — " + "; ".join(describe_seams(c.text))))
            cited.append(c)
    if not cited:
        lines.append(lead("No merged revision marks were found in its text."))
    lines.append(note("Index the base text (the version in force before the assembly the proposal is for) "
                      "to see the proposal as deletions and insertions."))
    return Answer(question=question, intent="diff", lines=lines,
                  citations=[citation(c, c.text) for c in cited[:MAX_DIFF_CITATIONS]])


def revisions_named(question: str, versions: list[Version]) -> list[str]:
    """Versions a question names by place or year ("in the Dubai text", "since 2012"), in order."""
    found: list[tuple[int, str]] = []
    for v in versions:
        r = v.clauses[0].instrument.revision
        for word in ([r.place, str(r.year)] if r else []) + ([v.proposal.split()[-1]] if v.proposal else []):
            m = re.search(r"(?<![\w/])" + re.escape(word) + r"(?![\w/])", question, re.IGNORECASE) if word else None
            if m:
                found.append((m.start(), word))
                break
    return list(dict.fromkeys(w for _, w in sorted(found)))


def diff_for_question(question: str, clauses: Sequence[Clause], ref_text: str) -> Answer:
    """The "what changed in …" intent: the versions the question names, else the latest two."""
    _, versions, _ = versions_for(ref_text, clauses)
    named = revisions_named(question, versions)
    if len(named) >= 2:
        return diff_answer(question, ref_text, clauses, named[0], named[-1])
    if len(named) == 1:
        return diff_answer(question, ref_text, clauses, None, named[0])
    return diff_answer(question, ref_text, clauses)
