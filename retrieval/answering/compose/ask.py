"""Any other question: one sentence that answers when the clause holds a short answer, then the best
clauses, each with the part of it that answers."""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.answering.compose import OWN_TEXT_KINDS, asks_who, lead, note, ordered_sectors
from retrieval.answering.compose.direct import (
    MEMBERS,
    and_joined,
    answer_with_actor,
    asks_actor_kind,
    asks_doers_time,
    doer,
    group_named,
    of_kind_asked,
    question_named,
    states_quantity_of,
    tasked_to,
)
from retrieval.answering.query import JOB_WORDS as _JOB
from retrieval.answering.query import Query, without_alternatives
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, display, instrument_display
from retrieval.core.models import THREE, Answer, Clause, Mandate, SearchHit, Sector
from retrieval.core.text import quoted
from retrieval.parsing.mandates import actors_in, document_sector, gives_task

_LIGHT_VERB_RE = re.compile(r"^\W*who(?:'s|\s+is|\s+are)?\s+(?:(?:supposed|meant|expected)\s+to\s+|(?:has|have|needs?)\s+to\s+|"
                            r"must\s+|should\s+|does\s+|do\s+|will\s+|can\s+)?(?:actually\s+|really\s+)?"
                            r"(?:takes?|makes?|gets?|keeps?|puts?|gives?|goes|go|runs?|handles?|deals?|"
                            r"looks?|organi[sz]es?|owes?|sets?|brings?|holds?|works?)\b", re.IGNORECASE)


def compose_ask(query: Query, hits: list[SearchHit]) -> Answer:
    top = hits[:3]
    lines = []
    cits = []
    # "…, BDT or the Secretary-General?": the actors offered are candidates, not actors the answer excludes.
    asked = without_alternatives(query.text)
    if asks_actor_kind(asked):
        # "which advisory groups should help …?": unless the best clause names one, the first of the best five
        # tasking an actor of that kind
        if top and not any(of_kind_asked(asked, a.name) for _s, a in actors_in(top[0].clause.text)):
            top = _promoted(top, hits[:5], lambda c: any(gives_task(m) and of_kind_asked(asked, m.actor)
                                                         for m in c.mandates))
    elif asks_who(query.text):
        # "Who appoints …?": a clause saying who does that verb answers before one that only mentions it.
        # (from the first five when the verb says much: "who has to reconvene …" names one task; "who takes
        # part …", "who keeps an eye …" have light verbs any clause may use)
        # (a clause saying who does it, "the audit … shall be carried out by the External Auditor", before one
        # giving someone a task that merely uses the verb, "to ensure that … audits … are carried out")
        pool = hits[:5] if not _LIGHT_VERB_RE.match(asked) else top
        doing = {h.clause.clause_id for h in pool if doer(asked, h.clause) is not None}
        top = _promoted(top, pool, (lambda c: c.clause_id in doing) if doing else (lambda c: tasked_to(asked, c)))
        if _AT_ITU_RE.search(query.text):
            # "who at ITU follows the IDN discussions?": the asker wants a part of ITU, not the Member States
            # a clause invites to do the same
            top = _promoted(top, top, _tasks_itu)
    elif (naming := _promoted(top, hits[:5], lambda c: question_named(asked, c.text) is not None
                              or group_named(asked, c.text))) is not top:
        # "which question in SG17 hosts the incubation queue?": the clause naming the Question that does it
        # (from the first five: the general description of the mechanism ranks above it on meaning)
        top = naming
    else:
        # "How long does the Last Call run?": a clause whose span is about the thing asked ("The last call
        # encompasses the four-week time period") answers before one giving another step's span that
        # mentions it ("The additional review encompasses a three-week time period … comments from the last call").
        # (from the first five for one doer's own step: "… prior to WTSA, TSAG shall meet" is found fourth)
        top = _promoted(top, hits[:5] if asks_doers_time(asked) else top, lambda c: states_quantity_of(asked, c.text))
    found = answer_with_actor(asked, top[0].clause, best=True) if top else None
    if found is None:
        # "Who has to …?": the best clause may only describe the task; the next that gives it to someone
        # answers, and leads. "How often …?": the next that gives a frequency about the same thing.
        who = asks_who(query.text)
        for h in top[1:]:
            if not who or any(gives_task(m) for m in h.clause.mandates):
                found = answer_with_actor(asked, h.clause)
                if found:
                    top = [h, *[x for x in top if x is not h]]
                    break
    short, leads = found or (None, [])
    involved: list[Sector] = []
    if not leads and top and offers_sector(query.text):
        # "is BR doing that alone or with BDT?": the Bureau offered is to be confirmed or corrected by the
        # clause that gives the task, the first of the best few that gives it to a Sector's actor
        tasking = next((h for h in top if tasked_sectors(h.clause)[0]), None)
        if tasking is not None:
            leads, involved = tasked_sectors(tasking.clause)
            top = [tasking, *[x for x in top if x is not tasking]]
            short = _tasked_sentence(tasking.clause)
        elif (own := document_sector(top[0].clause.instrument)) in THREE and \
                top[0].clause.instrument.kind in ("recommendation", "supplement"):
            # "safety-confirmation requirements – is that an ITU-R spec or someone else's?": a Recommendation
            # is its Sector's own text
            leads = [own]
            short = f"{own}'s own text: {instrument_display(top[0].clause.instrument)}"
    if not leads and top and _WHICH_BODY_RE.search(query.text) and \
            not (short and short.startswith(_MEMBERSHIP)):
        # "who can name one SG as the lead for a work programme?" answered by WTSA Res 1 ("… designated by WTSA
        # or TSAG"), "which rapporteur group collects hot topics?" by an SG17 document: the bodies a Sector's own
        # text gives such work are that Sector's (not the membership's)
        own = document_sector(top[0].clause.instrument)
        if own in THREE and _own_text(top[0].clause):
            leads = [own]
    if short:
        lines.append(lead(f"{short} — {display(top[0].clause)}."))
    for h in top:
        q = best_quote(h.clause.text, query.text)
        lines.append(lead(f"{display(h.clause)}: {quoted(q)}"))
        cits.append(citation(h.clause, q))
    # "Who runs the forums, TSB or BDT?" answered by the Director of BDT: ITU-D leads, as a Sector answer would say.
    return Answer(question=query.text, intent=query.intent, lines=lines, citations=cits, lead_sectors=leads,
                  involved_sectors=[x for x in ordered_sectors(involved) if x not in leads],
                  sectors=ordered_sectors([*leads, *involved, *(s for h in top[:1] for s in h.clause.sectors)]))


# "which rapporteur group …", "whose instrument …", "… — who can name one SG as the lead?": a body asked for
_WHICH_BODY_RE = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:group|body|committee|bureau|director|rapporteur)s?\b"
                            r"|\bwhose\b|(?:^|[-\u2013\u2014:;,]\s*)(?:so\s+)?who(?:'s|\s)", re.IGNORECASE)
_MEMBERSHIP = (*MEMBERS, "Administrations")


def _own_text(c: Clause) -> bool:
    """A Sector's own text: its assembly's resolutions, its Recommendations, its groups' meeting documents."""
    return c.instrument.kind in OWN_TEXT_KINDS or \
        c.instrument.body in ("WTSA", "WTDC", "RA")


_ROLE_SAID = {"resolved": "tasked", "reports": "to report"}
_OFFERED = r"(?:ITU-[RTD]|BR|TSB|BDT)"
# The asker offers a Bureau to confirm or correct: "is it only BDT that …, or are BR/TSB in it too?", "is BR
# doing that alone or with BDT?", "is that purely on BDT?", "… - TSB or BDT?", "BDT, TSB or both?"
_OFFERS_RE = re.compile(
    r"\b(?:is|was|are)\s+(?:it|that|this|they)\s+(?:only|just|purely|solely|mainly|all)?\s*(?:on\s+|down\s+to\s+|up\s+to\s+)?"
    r"(?:the\s+)?" + _OFFERED + r"\b"
    r"|\b(?:is|does)\s+(?:the\s+)?" + _OFFERED + r"\b[^?]{0,120}?\b(?:alone|on\s+(?:its|their)\s+own|by\s+itself)\b"
    r"|\bor\s+(?:are|is|do|does)\s+(?:the\s+)?(?:other\s+(?:bureaux|bureaus|sectors|two)|" + _OFFERED
    + r"(?:\s*(?:/|,|and)\s*" + _OFFERED + r")*)\s+(?:in\s+(?:on\s+)?it|involved|part\s+of\s+it|helping)\b"
    r"|\b(?:only|just|purely|solely)\s+(?:on\s+)?(?:the\s+|an?\s+)?" + _OFFERED + r"\b"
    # "a TSB-only job?", "is that put on BR and TSB, or on BDT?"
    r"|\b" + _OFFERED + r"[-\s]only\b"
    r"|\b(?:put|placed|left|landed)\s+on\s+(?:the\s+)?" + _OFFERED + r"\b"
    # "… recognised as a centre of excellence, who do we call?": which Bureau to ask, as the tasked clause says
    r"|\bwho\s+(?:do|should|can|could|would|shall)\s+(?:we|i|they|our\s+\w+)\s+(?:call|contact|ask|talk\s+to|speak\s+to|"
    r"go\s+to|approach|write\s+to|reach\s+out\s+to)\b"
    # "does ITU-R deal with making the MIFR easier to use?": one Sector offered for a yes or no
    r"|^\W*(?:so\s+)?(?:does|do|is|are|will|should)\s+(?:the\s+)?" + _OFFERED + r"\s+(?:actually\s+|really\s+)?(?:deal|handle|do|"
    r"cover|work|look|take|run|lead|manage|oversee|coordinate|responsible|in\s+charge)\b"
    # "is that run by BDT?", "is that studied in T or in D?", "an ITU-R spec or someone else's?"
    r"|\b(?:is|was|are)\s+(?:that|this|it|they)\s+(?:\w+\s+){0,2}(?:by|in|at|with|from|under)\s+(?:the\s+)?"
    r"(?:" + _OFFERED + r"|[RTD](?=\s+or\b))\b"
    r"|\b" + _OFFERED + r"(?:'s)?\s+(?:\w+\s+)?or\s+(?:someone|somebody|another|some\s+other)\b"
    r"|\b" + _OFFERED + r"(?:'s)?(?:\s+" + _JOB + r")?(?:\s*,\s*" + _OFFERED + r")*\s*(?:,?\s*or|/)\s*(?:the\s+|an?\s+)?"
    r"(?:" + _OFFERED + r"|both|all\s+(?:three|3))\b"
    # "is that D's job or T's?": a Sector by its letter
    r"|\b(?:is|was|are)\s+(?:that|this|it)\s+(?:\w+\s+)?[RTD]['\u2019]s\b|\b[RTD]['\u2019]s\s+(?:\w+\s+)?or\s+[RTD]['\u2019]s\b",
    re.IGNORECASE)


_AT_ITU_RE = re.compile(r"^\W*who\s+(?:at|in|within|inside)\s+(?:the\s+)?ITU\b|\bwho\b[^?]{3,80}?\b(?:at|in|within)\s+(?:the\s+)?ITU\s*\?",
                        re.IGNORECASE)


def _tasks_itu(c: Clause) -> bool:
    """The first actor the clause gives a task is a part of ITU (its secretariat, a Sector's Bureau or group)."""
    first = next((m for m in c.mandates if gives_task(m)), None)
    return first is not None and first.sector is not None


def offers_sector(question: str) -> bool:
    return bool(_OFFERS_RE.search(question))


def tasked_sectors(c: Clause) -> tuple[list[Sector], list[Sector]]:
    """The Sectors whose actors the clause gives the task (they lead), and those it names beside them
    (assisting, or named in its text)."""
    leads = [x for x in THREE if any(m.sector == x and gives_task(m) for m in c.mandates)]
    beside = [x for x in THREE if x in c.sectors or any(m.sector == x and m.role == "assists" for m in c.mandates)]
    return leads, [x for x in beside if x not in leads]


def _tasked_sentence(c: Clause) -> str:
    """"The Director of BDT (ITU-D) is instructed, in coordination with the Director of BR (ITU-R)"."""
    def shown(m: Mandate) -> str:
        group = re.fullmatch(r"SG(\d+)", m.actor)
        return f"{m.sector} Study Group {group.group(1)}" if group else m.actor if m.actor == m.sector else \
            f"the {m.actor} ({m.sector})" if m.actor.startswith("Director") else f"{m.actor} ({m.sector})"

    def who(ms: list[Mandate]) -> str:
        return and_joined(list(dict.fromkeys(shown(m) for m in ms)))  # "SG3 requested" and "SG3 responsible": one SG3
    doing = [m for m in c.mandates if gives_task(m) and m.sector in THREE]
    helping = [m for m in c.mandates if m.role == "assists" and m.sector in THREE]
    verb = "are" if len({shown(m) for m in doing}) > 1 else "is"
    told = who(doing)
    # "instructs the Director of BR: to implement actions, in coordination with the Director of the
    # Telecommunication Development Bureau": a Sector named in the task's text, not as an actor of its own
    named = [x for x in tasked_sectors(c)[1] if not any(m.sector == x for m in helping)]
    return (f"{told[0].upper()}{told[1:]} {verb} {_ROLE_SAID.get(doing[0].role, doing[0].role)}"
            + (f", in coordination with {who(helping)}" if helping else "")
            + (f"; the clause also names {' and '.join(named)}" if named else ""))


def _promoted(top: list[SearchHit], candidates: list[SearchHit], ok: Callable[[Clause], bool]) -> list[SearchHit]:
    """`top` led by the first of `candidates` whose clause is `ok`, three at most; `top` itself when that is
    already its first, or none is."""
    chosen = next((h for h in candidates if ok(h.clause)), None)
    if chosen is None or chosen is top[0]:
        return top
    return [chosen, *[x for x in top if x is not chosen]][:3]


def compose_abstain(query: Query, coverage: str, reason: str = "", missing: list[str] | None = None) -> Answer:
    """No answer: say what is missing first, then what the corpus does cover."""
    lines = [lead(f"I found no clause in the corpus that answers this. {reason}".strip())]
    lines.append(note(coverage))
    return Answer(question=query.text, intent=query.intent, abstained=True, lines=lines,
                  missing=list(missing or []))


def thin_note(uncovered: list[str]) -> str:
    if not uncovered:
        return "Thin evidence: the clauses below match only part of the question; check them before relying on this."
    words = ", ".join(f"“{w}”" for w in uncovered)
    return f"Thin evidence: the clauses below do not mention {words}; check them before relying on this."
