"""A reference looked up: the clause verbatim, or the clauses of a part or a range in order under the
part's heading, or what a proposal changes."""

from __future__ import annotations

import re

from retrieval.answering.cite import CiteResult
from retrieval.answering.compose import MAX_CITATIONS, asks_who, item, lead, note, ordered_sectors
from retrieval.answering.compose.direct import answer_sentence, answer_with_actor, asks_quantity, best_segment
from retrieval.answering.query import SAY_WORDS, Query, asks_about_more_than, in_texts_words, without_references
from retrieval.core.citations import citation, display, instrument_display, part_display, quote_display
from retrieval.core.models import Answer, AnswerLine, Citation, Clause, Reference
from retrieval.core.text import quoted, readable
from retrieval.indexing.lexical import lexical_tokens
from retrieval.parsing.mandates import is_recital

MAX_PART_CLAUSES = 12  # a whole part is listed (and cited) up to this many clauses; the rest are counted
CITED_SHARE = 0.5  # the question names the clause: half its other words in the answering sentence will do
MAX_DIRECT = 40  # clauses of a cited part or proposal searched for a short answer
ITEM_CHARS = 300  # a clause listed within a part is shortened to this for display, marked with "…"


def compose_cite(query: Query, res: CiteResult, coverage: str) -> Answer:
    ref = query.reference
    assert ref is not None
    if not res.clauses:
        text = res.message or "That reference is not in the corpus."
        return Answer(question=query.text, intent="cite", abstained=True,
                      lines=[lead(f"{text} {coverage}".strip())])
    clauses = res.clauses
    cits = [citation(c, c.text) for c in clauses[:MAX_CITATIONS]]
    whole = whole_instrument(ref) and asks_overview(query.text, query.asked)
    lines: list[AnswerLine]
    if ref.symbol and not ref.part:
        lines = proposal_summary(clauses, ref)
    elif len(clauses) == 1:
        c = clauses[0]
        # One line, as ITU cites: "WTSA Resolution 57 (…), resolves 3: “to propose …”" (the answer's first
        # line is what a reader, or a Slack preview, sees).
        lines = [lead(f"{display(c)}: {quoted(readable(c.text))}")]
        if c.previous_text:
            lines.append(lead(f"Before the tracked changes it read: {quoted(readable(c.previous_text))}"))
    elif whole:
        lines, cits = overview(clauses)
    else:
        lines, cits = part_listing(clauses, ref)
    if res.message:
        lines.append(note(res.message))
    asked = asks_about_more_than(query.text) and asks_of_the_text(query.text) and not whole
    direct = direct_answer(query.text, clauses) if asked else None
    if direct is not None:
        # "Res 165 resolves 1 - contribution deadline?": the span that answers first, then the text.
        short, c = direct
        lines.insert(0, lead(f"{short} — {display(c)}."))
        # The clause that answers is cited first, also when a listing of the part cites it further down.
        cits = [citation(c, c.text), *[x for x in cits if x.clause_id != c.clause_id]]
    elif asked and not (ref.symbol and not ref.part):
        # "Dec 5 decides 7 - what level must the reserve stay above?" asks something no span type
        # captures: the sentence of the cited text that speaks most of it answers, verbatim, first.
        c, seg = answering_segment(query.text, clauses)
        lines.insert(0, lead(f"{display(c)}: {quoted(readable(seg))}"))
        if len(clauses) == 1 and " ".join(seg.split()) == " ".join(c.text.split()):
            del lines[1:2]  # the clause line it repeats
        cits = [citation(c, seg), *[x for x in cits if x.clause_id != c.clause_id]]
    return Answer(question=query.text, intent="cite", lines=lines, citations=cits,
                  sectors=ordered_sectors(s for c in clauses for s in c.sectors))


# What names the cited clause rather than asks about it: "A.1 clause 3.1.8", "decides 1.1", "resolves 4",
# "7.2.3:", "(Dubai)", "PP-18". The answering sentence need not hold these words.
_REF_WORDS = re.compile(
    r"\b(?:Rec(?:ommendation)?|Res(?:olution)?|Dec(?:ision)?|clauses?|cl|sections?|sec|para(?:graph)?|annex|"
    r"resolves|decides|instructs|invites|requests|considering|recognizing|noting|recalling|further)\b\.?"
    r"|§+|\b(?:ITU-[RTD]\s+)?[A-Z]{1,2}\.(?:Sup\s?)?\d+(?:\.\d+)*\b|\b\d+(?:\.\d+)+\b|\b\d+\s*[a-z]?\)"
    # a recital's letter: "considering b)", "b) bis"
    r"|(?<![\w)])[a-z]\)(?:\s?(?:bis|ter)\b)?"
    # "PP-18", "WTSA Res 1": the body of a reference; "the PP" alone is the conference asked about
    r"|\b(?:PP|WTSA|WTDC|RA|WRC)(?:-\d{2}\b|(?=\s+(?:Res(?:olution)?|Dec(?:ision)?|Rec(?:ommendation)?)\b))|\([^)]*\)|\b[A-Z][A-Za-z]{1,9}/\d+[A-Z]?\d*(?:/\d+)?", re.IGNORECASE)


def asks_of_the_text(question: str) -> bool:
    """"Dec 5 decides 7 - what level?" asks something of the cited text; "Res 57 resolves 3" and
    "what does resolves 3 of Res 57 say" ask for the text itself."""
    rest = _REF_WORDS.sub(" ", without_references(question))
    # "resolves 4.5 res77 wtdc when??": the question word alone asks for a span of the text.
    return bool(_ASKS_RE.search(rest)) or any(t not in _SAY and not t.isdigit() for t in lexical_tokens(rest))


_ASKS_RE = re.compile(r"\b(?:when|who|whom|whose|where|how\s+(?:long|many|much|often|soon))\b", re.IGNORECASE)


# "RCC/47A4 - which study groups are asked to keep cooperating …?": something inside a contribution, asked
# by who or which; "what did RCC/47A4/1 propose to change?" asks for the proposal itself.
_WHICH_RE = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(?:study\s+groups?|SGs?|groups?|bodies|body|bureaux?|"
                       r"directors?|sectors?|advisory\s+groups?)\b", re.IGNORECASE)
_OF_THE_PROPOSAL = frozenset(lexical_tokens("propose proposal proposing change changes modify modification amend "
                                            "suggest want wants add delete summary summarise purpose aim about"))


def asks_inside(question: str) -> bool:
    """A question naming a contribution as a whole asks who, which group or when of something in it, not
    what it proposes: it is searched within the contribution."""
    rest = _REF_WORDS.sub(" ", without_references(question))
    return bool(_ASKS_RE.search(rest) or _WHICH_RE.search(rest)) and \
        not _OF_THE_PROPOSAL & set(lexical_tokens(rest))


_SAY = SAY_WORDS | frozenset(lexical_tokens("what does do verbatim the of in please"))


def answering_segment(question: str, clauses: list[Clause]) -> tuple[Clause, str]:
    """The cited clause, and the sentence of it, sharing most words with what the question asks (in the
    texts' words: "change its mind" is what they say may be "revoked")."""
    asked = _REF_WORDS.sub(" ", without_references(in_texts_words(question)))
    words = set(lexical_tokens(asked))
    best = max(clauses[:MAX_DIRECT], key=lambda c: len(words & set(lexical_tokens(best_segment(c.text, asked)))))
    return best, best_segment(best.text, asked, quantity=True)


def direct_answer(question: str, clauses: list[Clause]) -> tuple[str, Clause] | None:
    """The short answer a question about the cited clauses asks for (a deadline, a share, an actor),
    from the clause that speaks most of what it asks; None when it wants the text itself."""
    asked = _REF_WORDS.sub(" ", without_references(question))
    words = set(lexical_tokens(asked))

    def overlap(c: Clause) -> int:
        return len(words & set(lexical_tokens(f"{c.part} {best_segment(c.text, asked)}")))

    for c in sorted(clauses[:MAX_DIRECT], key=overlap, reverse=True)[:3]:
        short = answer_sentence(asked, c, share=CITED_SHARE)
        if short is not None:
            return short, c
    if clauses and (asks_quantity(asked) or asks_who(asked)) and \
            (found := answer_with_actor(asked, clauses[0], best=True)) is not None:
        # "wtsa res1 9.3.9 - how long b4 u can amend a rec again?": the clause named gives the kind of span
        # (or the actor) asked, though the rest of the question is in the asker's words, not the clause's
        return found[0], clauses[0]
    return None


# "what is Res 191 about?", "purpose of Resolution 57", "summary of Res 57", "what does Res 136 do?",
# "Res 70 in a nutshell": the instrument as a whole, when nothing else is asked of it.
_OVERVIEW_RE = re.compile(r"\b(?:purpose|aims?|objectives?|goals?|gist|summary|summari[sz]e|overview|tl;?\s?dr|"
                          r"nutshell|in\s+short|in\s+brief|about)\b|\bwhat\s+(?:does|did)\b.*\b(?:do|cover)\s*\??\s*$"
                          r"|\bwhat(?:'s|\s+is)\b.*\bfor\s*\??\s*$", re.IGNORECASE)
_OVERVIEW_WORDS = frozenset(lexical_tokens(
    "purpose aim aims objective objectives goal goals gist summary summarize summarise overview tldr tl dr "
    "nutshell short brief about what does did do cover for is whats main key in a an the of its it this that "
    "please pls plz thx thanks cheers quick quickly give me tell us explain briefly overall general"))


def whole_instrument(ref: Reference | None) -> bool:
    return (ref is not None and bool(ref.number) and not ref.part and not ref.label and not ref.symbol
            and ref.kind in (None, "resolution", "decision"))


def asks_overview(*questions: str) -> bool:
    """The question (as read, or as typed: "Res 70 in a nutshell" is read as "Res 70") asks what an
    instrument it names is about, and nothing else of it."""
    def one(question: str) -> bool:
        if not _OVERVIEW_RE.search(question):
            return False
        rest = _REF_WORDS.sub(" ", without_references(question))
        return all(t in _OVERVIEW_WORDS or t.isdigit() or len(t) < 2 for t in lexical_tokens(rest))

    return any(one(q) for q in questions if q)


def overview(clauses: list[Clause]) -> tuple[list[AnswerLine], list[Citation]]:
    """An instrument asked about as a whole: its title, then what it decides (its operative part) in order;
    the preamble only when it has nothing else. Listed and cited as a part is."""
    first = clauses[0]
    inst = first.instrument
    body = [c for c in clauses if not c.part.lower().startswith(("cover", "foreword", "summary", "history", "keywords",
                                                                 "contents", "title"))]
    operative = [c for c in body if not is_recital(c) and not c.part.lower().startswith("annex")] or body or clauses
    title = f", “{' '.join(inst.title.split())}”" if inst.title else ""
    held = f" (held here as proposed in {first.proposal})" if first.proposal else ""
    what = "what it decides" if len(operative) < len(body) else "its text"
    return listing(f"{instrument_display(inst)}{title}{held}: {what}, ", operative,
                   "operative clause(s) are not listed; cite one by its part and label.")


def listing(head: str, clauses: list[Clause], more_note: str, order: str = "") -> tuple[list[AnswerLine], list[Citation]]:
    """"<head>N clauses<order> (the first 12 shown):" then one item per clause under its label, shortened for
    display if long, each cited (so verified) with the slice shown; the rest counted."""
    shown = clauses[:MAX_PART_CLAUSES]
    more = len(clauses) - len(shown)
    lines = [lead(f"{head}{len(clauses)} clauses{order}" + (f" (the first {len(shown)} shown)" if more else "") + ":")]
    cits: list[Citation] = []
    for c in shown:
        text = c.text.strip()
        if len(text) > ITEM_CHARS:
            cut = text.rfind(" ", 0, ITEM_CHARS)
            text = text[: cut if cut > 0 else ITEM_CHARS]
        cit = citation(c, text)
        cits.append(cit)
        label = part_display(c.part, c.label) if c.label else c.part.capitalize()
        lines.append(item(f"{label}: {quoted(quote_display(cit))}"))
    if more:
        lines.append(note(f"{more} more {more_note}"))
    return lines, cits


def part_heading(clauses: list[Clause], ref: Reference) -> str:
    """"WTSA Resolution 1 (Rev. Hammamet, 2016), Section 4 (Telecommunication Standardization Advisory
    Group)", "… resolves 3 to 5": what was asked for, as the text heads it."""
    first = clauses[0]
    name = instrument_display(first.instrument)
    parts = list(dict.fromkeys(c.part for c in clauses))
    numbered = next((c for c in clauses if c.label == ref.label), None) if ref.label and not ref.label_to else None
    if numbered is not None and ref.label and (ref.part != "section" or "." in ref.label):
        # "Res 1 §9.3", "A.1 clause 2.3": the numbered clause asked for and what it holds, headed by its own
        # title ("Prerequisites", "The roles of rapporteurs")
        title = f" ({' '.join(numbered.text.split())})" if len(numbered.text) < 150 else ""
        where = f"§{ref.label}{title}" if ref.part == "section" else f"{ref.part or numbered.part} {ref.label}{title}"
    elif ref.part == "section" and len(parts) == 1:
        head = next((c for c in clauses if not c.label), None)  # a section's heading is its own clause
        title = f" ({' '.join(head.text.split())})" if head and len(head.text) < 150 else ""
        where = parts[0].capitalize() + title
    elif ref.label and ref.label_to and ref.part:
        where = f"{ref.part} {ref.label} to {ref.label_to}" if ref.part != "section" else \
            f"§{ref.label} to §{ref.label_to}"
    else:
        where = ", ".join(parts)
    return f"{name}, {where}"


def part_listing(clauses: list[Clause], ref: Reference) -> tuple[list[AnswerLine], list[Citation]]:
    """Every clause of a part or range in document order, each shortened for display if long; each
    listed clause is cited (so verified) with the slice shown."""
    return listing(f"{part_heading(clauses, ref)}: ", clauses,
                   "clause(s) of this part are not listed; cite one of them by its label.", ", in order")


def proposal_summary(clauses: list[Clause], ref: Reference) -> list[AnswerLine]:
    props = list(dict.fromkeys(c.proposal for c in clauses if c.proposal))
    lines = []
    for p in props:
        inst = next(c.instrument for c in clauses if c.proposal == p)
        action = {"MOD": "modify", "ADD": "add", "SUP": "suppress"}[p.split()[0]]
        parts = list(dict.fromkeys(c.part for c in clauses if c.proposal == p))
        lines.append(lead(f"{p} proposes to {action} {instrument_display(inst)}"
                          + (f" ({inst.title})" if inst.title else "")
                          + (f", with text under {', '.join(parts)}." if parts else ".")))
    if not lines:
        return [lead(f"{ref.symbol}: {len(clauses)} clauses in the corpus.")]
    return lines
