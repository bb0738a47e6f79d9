"""Mandate questions: "Who reports to TSAG?", "Who does TSAG report to?", "What is BDT instructed to do on
gender equality?", "Who heads ISC-TF?". Answered from the mandates built at ingest
(retrieval/parsing/mandates.py), respecting direction: the clause where TSAG reports to WTSA does not
answer who reports to TSAG. Pure functions over clauses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from retrieval.answering.compose import MAX_CITATIONS, item, lead, note, ordered_sectors
from retrieval.answering.compose.direct import and_joined, asks_quantity
from retrieval.answering.compose.topic import SUPPORT
from retrieval.core.citations import citation, display, instrument_display
from retrieval.core.models import THREE, Answer, AnswerLine, Citation, Clause, Mandate
from retrieval.core.text import norm_hyphens
from retrieval.parsing.mandates import DUTIES_RE, HEADED_BY_RE, actors_in, document_sector, gives_task, is_recital

_I = re.IGNORECASE
_ACTOR = r"(?P<actor>[A-Z][\w\s,.'()-]{1,80}?)"
_REPORTS_TO = re.compile(r"\bwho\s+(?:\w+\s+){0,3}?(?:reports?|report(?:ing)?)\s+(?:\w+\s+)?to\s+(?P<target>.+?)\s*\??$", _I)
_REPORTS_FROM = re.compile(
    r"\b(?:to\s+whom|who|whom)\s+(?:does|do|must|should|shall)\s+(?P<actor>.+?)\s+(?:have\s+to\s+)?report(?:\s+to)?\b"
    r"|\bwhat\s+(?:does|do|must|should|shall)\s+(?P<actor2>.+?)\s+(?:have\s+to\s+|need\s+to\s+)?report\b"
    r"|^(?P<actor3>.+?)\s+reports?\s+to\s+whom\b"
    # "what is the SG meant to keep Council updated on?", "what is the SG's annual report … to cover?"
    r"|\bwhat\s+(?:is|are|does|do|must|should|shall)\s+(?P<actor4>.+?)\s+(?:meant|supposed|expected|required|"
    r"obliged|asked|told)\s+to\s+(?:keep\s+\S+\s+(?:updated|informed|posted)|report|inform|update)\b"
    r"|\bwhat\s+(?:is|are|must|should|shall)\s+(?:the\s+)?(?P<actor5>.+?)['\u2019]s\s+(?:\w+\s+){0,2}?reports?\b", _I)
# "who has to report on options for closer cooperation, and to whom?": the reporters on a topic
_REPORTS_ON = re.compile(r"^\W*who(?:'s|\s+is|\s+are)?\s+(?:(?:meant|supposed|required|expected|obliged|tasked|asked)\s+to\s+"
                         r"|(?:has|have|needs?)\s+to\s+|must\s+|should\s+|shall\s+)?report(?:s|ing)?\s+(?:back\s+)?"
                         r"(?:\w+ly\s+)?(?:on|about|regarding)\s+(?P<topic>.+?)"
                         r"(?:\s*,?\s*(?:and\s+)?(?:to\s+whom|(?:and\s+)?who\s+(?:do|does|did|must|should)\s+\w+\s+report\s+to)\b.*)?\s*\??$",
                         _I)
# "… to do every year?": how often is no topic; the tasks that say so are among those listed
_HOW_OFTEN = r"(?:\s+(?:every|each|per)\s+(?:year|session|meeting|study\s+period)|\s+annually|\s+yearly)?"
# what a task is asked about or under: "… to do on gender", "… under / per / according to res 151" (a role
# or job also "concerning" it)
_WHERE_WORDS = r"on|about|for|regarding|under|in|per|as\s+per|according\s+to"
_WHERE = rf"(?:{_WHERE_WORDS})"
_ROLE_WHERE = rf"(?:{_WHERE_WORDS}|concerning)"
_TASKED = re.compile(
    r"\bwhat(?:'s|\u2019s|\s+is|\s+are|\s+has|\s+have)\s+(?:the\s+)?(?P<actor>.+?)\s+(?:been\s+)?(?P<role>instructed|invited|requested|asked"
    r"|encouraged|required|told|tasked|called upon|meant|supposed|expected)\s+to\s+do\b(?:\s+" + _WHERE + r"\s+(?P<topic>.+?))?" + _HOW_OFTEN + r"\s*\??$"
    r"|\b(?:mandates?|tasks?|duties|instructions)\s+(?:of|for|given\s+to)\s+(?:the\s+)?(?P<actor2>.+?)"
    r"(?:\s+(?:on|about|for|regarding)\s+(?P<topic2>.+?))?" + _HOW_OFTEN + r"\s*\??$"
    # "what does the plenipot recommendation on human trafficking ask the SG to do?": the text asks, the SG is
    # tasked, and what the text is about is the topic
    r"|\bwhat\s+(?:does|do|did|will|would)\s+(?:the\s+)?(?P<source6>[^?]+?)\s+(?:ask|instruct|tell|want|require|"
    r"request|invite|direct|expect|call\s+(?:on|upon))\s+(?:the\s+)?(?P<actor6>[^?]+?)\s+to\s+do\b"
    r"(?:\s+" + _WHERE + r"\s+(?P<topic6>.+?))?" + _HOW_OFTEN + r"\s*\??$"
    r"|\bwhat\s+(?:must|should|shall|does|do)\s+(?:the\s+)?(?P<actor3>.+?)\s+(?:have\s+to\s+)?do\b"
    r"(?:\s+" + _WHERE + r"\s+(?P<topic3>.+?))?" + _HOW_OFTEN + r"\s*\??$"
    # "what is council's job on the HR strategic plan?", "what role does TSAG play in …?"
    r"|\bwhat(?:'s|\s+is|\s+are)\s+(?:the\s+)?(?P<actor4>[^?]+?)['\u2019]s?\s+(?:job|role|tasks?|responsibilit(?:y|ies)|"
    r"part|dut(?:y|ies)|remit)\s+" + _ROLE_WHERE + r"\s+(?P<topic4>.+?)" + _HOW_OFTEN + r"\s*\??$"
    r"|\bwhat\s+(?:role|part)\s+(?:does|do|should|must)\s+(?:the\s+)?(?P<actor5>.+?)\s+(?:have|play|take)\s+"
    + _ROLE_WHERE + r"\s+(?P<topic5>.+?)" + _HOW_OFTEN + r"\s*\??$", _I)
_REPORTED_RE = re.compile(r"\s+(?!(?:to|on|about|back|annually|every|each|according)\b)(?P<topic>[\w&/-]+(?:\s+[\w&/-]+){0,5}?)\s+to\b", _I)
# "which director leads, and what are BR and TSB expected to do?" asks two things; "when the SG chair asks for
# AAP, what does TSB have to do?" asks what is done in a case, which the search finds (the case's words are
# in the procedure, not in a mandate)
_ASKED_BEFORE_RE = re.compile(r"\b(?:which|who|whom|whose|what|how|why|when|where|if|once|unless)\b", _I)
_LEADING_MATTER_RE = re.compile(r"^\W*(?P<topic>[^:?,]{8,120}?)\s*(?:[:,\u2013\u2014]|\s-\s)", _I)
# "… about the external auditor, and for what term?": a second question, no part of the topic as shown
_SECOND_QUESTION_RE = re.compile(r",?\s+and\s+(?:(?:for|in|on|by|to|with)\s+)?(?:what|which|who|whom|when|how|where|why)\b.*$", _I)
# "the recommendation on ICTs against human trafficking": what the text asking is about
_SOURCE_ABOUT_RE = re.compile(r"\b(?:on|about|regarding|concerning|against|for)\s+(?P<topic>.+)$", _I)
_ABOUT_RE = re.compile(r"\b(?:on|about|regarding|concerning)\s+(?P<topic>[^?,;]+?)(?:\s+and\s+to\s+whom\b|\s*[?,;]|$)", _I)
_HEADS = re.compile(r"\bwho\s+(?P<verb>heads|leads|chairs|runs|is\s+at\s+the\s+head\s+of)\s+(?:the\s+)?(?P<target>.+?)\s*\??$", _I)
# "asked" and "told" are how people say any task ("what is BDT asked to do under Res 177?" means its part's
# instructions), not the texts' "requests".
ROLE_OF_WORD = {"instructed": "instructed", "invited": "invited", "requested": "requested", "asked": None,
                "encouraged": "encouraged", "required": None, "told": None, "tasked": None, "called upon": "requested",
                "meant": None, "supposed": None, "expected": None}
# A Bureau and its Director answer for each other: "What is BDT instructed to do" means its Director.
_FAMILY = {"BDT": "Director of BDT", "TSB": "Director of TSB", "BR": "Director of BR"}


@dataclass
class MandateAsk:
    kind: str  # "reports_to" (who reports to X), "reports_from" (X reports to whom), "reports_on" (who reports
    # on a topic, and to whom), "tasked", "heads"
    actors: list[str]  # canonical names of X
    role: str | None = None
    topic: str = ""


_NAMES_TEXT_RE = re.compile(r"\b(?:res(?:olution)?s?|reso|contrib\w*|decisions?|dec|rec(?:ommendation)?s?|documents?|TD|"
                            r"reading|proposals?)\b|\d", re.IGNORECASE)


# "The secretariat" of a question is the Secretary-General's and the Bureaux': the texts task them together.
_SECRETARIAT_RE = re.compile(r"\b(?:the\s+)?(?:ITU\s+)?secretariat\b", _I)
_SECRETARIAT = ["Secretary-General", "Director of BR", "Director of TSB", "Director of BDT"]


# How chat types the bodies the texts capitalise: "what is council's job …", "what is bdt told to do"
_CHAT_CASE_RE = re.compile(r"\b(?:council|bdt|tsb|br)\b")


# A named body typed in lower case ("the member states advisory group"): the texts capitalise it, and the
# plain "Member States" inside its name is another actor.
_LOWER_BODY_RE = re.compile(r"\b(?:(?!(?:the|a|an|what|which|who|whom|is|are|was|were|does|do|did|of|on|for|to|and|in|"
                            r"with|by|its|their)\b)[a-z][\w-]*\s+){1,4}(?:advisory\s+(?:group|committee|board)|"
                            r"committee|board|task\s+force|expert\s+group|panel)\b")


def _actor_names(text: str) -> list[str]:
    text = _LOWER_BODY_RE.sub(lambda m: m.group(0).title(), text)
    names = list(dict.fromkeys(a.name for _s, a in actors_in(text))) or list(dict.fromkeys(
        a.name for _s, a in actors_in(_CHAT_CASE_RE.sub(lambda m: m.group(0).title() if m.group(0) == "council"
                                                        else m.group(0).upper(), text))))
    if not names and _SECRETARIAT_RE.search(text):
        return list(_SECRETARIAT)
    out: list[str] = []
    for n in names:
        out.append(n)
        if n in _FAMILY:
            out.append(_FAMILY[n])
    return list(dict.fromkeys(out))


def read_mandate_question(question: str) -> MandateAsk | None:
    """A mandate question and its parts, or None."""
    q = norm_hyphens(question).strip()
    m = _REPORTS_FROM.search(q)
    if m:
        who = next((g for g in m.group("actor", "actor2", "actor3", "actor4", "actor5") if g), "")
        names = _actor_names(who)
        if names:
            # "what must the SG report to the Council on gender?": reports about gender only; "on
            # e-meetings, what is the SG meant to keep Council updated on?" names it first.
            about = _ABOUT_RE.search(q[m.end():]) or _ABOUT_RE.search(q[:m.start()])
            # "languages: what is the SG's annual report … to cover?": a subject put first, chat style
            first = re.fullmatch(r"\s*(?P<topic>[^:?]{3,60}?)\s*[:\u2013\u2014-]\s*", q[:m.start()])
            # "who does the SG report WSIS progress to?": what is reported, put before "to"
            reported = _REPORTED_RE.match(q[m.end():]) if m.group("actor") and not m.group(0).endswith("to") else None
            topic = next((x.group("topic").strip() for x in (about, first, reported) if x), "")
            return MandateAsk(kind="reports_from", actors=names, topic=topic)
    m = _REPORTS_TO.search(q)
    if m:
        # "who reports to Council on the ITU Journal": Council is the target, the ITU Journal the topic.
        target, _, topic = [*re.split(r"\s+(on|about|for|regarding|under)\s+", m.group("target"), maxsplit=1),
                            "", ""][:3]
        names = _actor_names(target)
        if names:
            return MandateAsk(kind="reports_to", actors=names, topic=topic.strip(" ?"))
    m = _REPORTS_ON.search(q)
    # "… and how often?" asks a span too: the search answers both
    if m and len(m.group("topic").split()) >= 2 and not re.search(r"\b(?:how|when)\b", m.group("topic"), _I):
        return MandateAsk(kind="reports_on", actors=[], topic=m.group("topic").strip(" ,?"))
    # "how long is the mandate of the external auditor?" asks for a term, not a list of tasks.
    m = None if asks_quantity(q) else _TASKED.search(q)
    if m and _ASKED_BEFORE_RE.search(q[:m.start()]):
        m = None  # "which director is in the driving seat, and what are BR and TSB expected to do?": two questions
    if m:
        who = next((g for g in m.group("actor", "actor2", "actor6", "actor3", "actor4", "actor5") if g), "")
        # "WTSA's Budget Control Committee" asks about the committee, not WTSA; "BDT's director" is
        # the Director of BDT.
        owner, _s, owned = who.rpartition("'s ")
        names = _actor_names(who) if not owner else _actor_names(owned) or (
            _actor_names(f"{owned} of {owner}") if re.fullmatch(r"(?:the\s+)?director", owned.strip(), _I) else [])
        if names:
            role = ROLE_OF_WORD.get((m.group("role") or "").lower()) if m.group("role") else None
            topic = next((t for t in m.group("topic", "topic2", "topic6", "topic3", "topic4", "topic5") if t), "")
            about = _SOURCE_ABOUT_RE.search(m.group("source6") or "")
            topic = topic or (about.group("topic") if about else "")
            # "youth delegates in national delegations – what are member states asked to do?": the subject
            # put first, chat style
            first = re.fullmatch(r"\s*(?P<topic>[^:?]{3,80}?)\s*[:\u2013\u2014-]\s*", q[:m.start()])
            # (not a document set first: "reading the RCC contrib 47A4 that modifies Res 57 - …" says where)
            if first and not _NAMES_TEXT_RE.search(first.group("topic")):
                topic = topic or first.group("topic")
            elif first and (about := _SOURCE_ABOUT_RE.search(first.group("topic"))):
                # "the PP-18 recommendation on ICTs against human trafficking - what does it ask …?": the
                # text set first is named by its subject, which is the topic
                topic = topic or about.group("topic")
            if not topic and not first:
                # "the regional offices, what are BR and TSB expected to do?": the matter is set first
                before = _LEADING_MATTER_RE.match(q[:m.start()])
                if before and not _NAMES_TEXT_RE.search(before.group("topic")):
                    topic = before.group("topic")
            return MandateAsk(kind="tasked", actors=names, role=role, topic=topic.strip(" ?"))
    m = _HEADS.search(q)
    if m:
        target = m.group("target")
        if m.group("verb").lower() in ("leads", "runs"):
            # "who runs TSAG" asks for its head; "who runs the pilot projects on ITU-T Recs" asks who does
            # a task, which the body at the start of what is run must be for this reading.
            starts = [pos for pos, _a in actors_in(target)]
            target = target if starts and starts[0] == 0 else ""
        names = _actor_names(target) if target else []
        if names:
            return MandateAsk(kind="heads", actors=names)
    return None


def find_mandates(ask: MandateAsk, clauses: Iterable[Clause],
                  coverage: Callable[[str], float] | None = None) -> list[tuple[Clause, Mandate]]:
    """The (clause, mandate) pairs that answer, in corpus order."""
    wanted = set(ask.actors)
    out: list[tuple[Clause, Mandate]] = []
    by_title: dict[str, float] = {}  # one instrument's clauses share its title: score it once
    for c in clauses:
        if not c.mandates:
            continue
        if coverage is not None and ask.topic:
            title = c.instrument.title
            if title not in by_title:
                by_title[title] = coverage(title)
            if by_title[title] < SUPPORT and coverage(c.text) < SUPPORT:
                continue
        for m in c.mandates:
            if (ask.kind == "reports_on" and m.role == "reports") or \
                    (ask.kind == "reports_to" and m.role == "reports" and m.to in wanted) or (ask.kind == "reports_from" and m.role == "reports" and m.actor in wanted) or (ask.kind == "tasked" and m.actor in wanted and m.role != "noted" and \
                    (ask.role is None or m.role == ask.role or m.role in ("resolved", "responsible", "reports"))) or (ask.kind == "heads" and m.role == "responsible" and m.actor not in wanted and \
                    bool(wanted & _headed(c, m))):
                out.append((c, m))
    return out


def _headed(c: Clause, m: Mandate) -> set[str]:
    """The bodies a "responsible" mandate is over: those its task names ("the ISC-TF, headed by the Deputy
    Secretary-General" is over the ISC-TF, not the ISCG named before it), else those of the clause."""
    # (what comes after "headed by the Deputy Secretary-General" is no body it heads: "…, an Intersector
    # Coordination Group …")
    by = HEADED_BY_RE.search(m.what)
    named = {x.name for _s, x in actors_in(m.what[: by.start()] if by else m.what)} - {m.actor}
    return named or {x.name for _s, x in actors_in(c.text)}


_DIRECT_REPORT = re.compile(r"report\w*\s+(?:\w+ly\s+)?(?:back\s+)?to\b", re.IGNORECASE)


def _rank(pairs: list[tuple[Clause, Mandate]], ask: MandateAsk,
          coverage: Callable[[str], float] | None = None) -> list[tuple[Clause, Mandate]]:
    """Operative clauses before recitals; for "tasked", the actor's own part (its heading) first; with a
    topic, an instrument about it (its title) before one that only mentions it."""
    # A Sector's own texts speak with authority about its own bodies: for TSAG, WTSA's texts first.
    home = {a.sector for name in ask.actors for _s, a in actors_in(name) if a.sector in THREE}

    def key(p: tuple[Clause, Mandate]) -> tuple[int, int, int, int, int, int, int, int, int, float]:
        c, m = p
        on_topic = 0 if coverage is None or not ask.topic or coverage(c.instrument.title or "") >= SUPPORT else 1
        # … and a clause holding nearly all of it before one holding just enough ("the four-year HRSP" for
        # "the human resources strategic plan", before "consistent with the financial and strategic plans")
        in_text = 0 if coverage is None or not ask.topic or coverage(c.text) >= CLOSE_COVERAGE else 1
        own = 0 if any(a.lower() in c.part.lower() for a in ask.actors) else 1
        # "TSAG's principal duties are …" says what the actor is for: before any one task of it
        duties = 0 if m.role == "responsible" and _states_duties(c.text, m.actor) else 1
        # The actor's own task before one it only assists ("… BDT, in collaboration with … TSB").
        assisting = 0 if gives_task(m) else 1
        at_home = 0 if home and document_sector(c.instrument) in home else 1
        # "… and report to TSAG on these efforts" says it outright; "the progress report as presented to
        # TSAG" only implies it.
        direct = 0 if m.role != "reports" or _DIRECT_REPORT.match(m.what) else 1
        # Adopted text before text a contribution only proposes.
        # … and, all else equal, the one holding more of the topic ("IPv6 support in home routers": Res 180
        # invites Member States 4 before 1, which promotes initiatives in general)
        held = -round(coverage(c.text), 2) if coverage is not None and ask.topic else 0.0
        return (assisting, on_topic, in_text, duties, own if ask.kind == "tasked" else 0, at_home, direct,
                1 if c.proposal else 0, 0 if m.role != "resolved" else 1, held)

    return sorted(pairs, key=key)


def _states_duties(text: str, actor: str) -> bool:
    """The text says what the actor's duties are ("TSAG's principal duties are …")."""
    return any(actor in {a.name for _s, a in actors_in(text[max(0, d.start() - 60): d.start()])}
               for d in DUTIES_RE.finditer(text))


def compose_mandate(question: str, ask: MandateAsk, pairs: list[tuple[Clause, Mandate]],
                    coverage: Callable[[str], float] | None = None, scoped: bool = False) -> Answer | None:
    """None when no mandate answers (the caller falls back to search). `scoped`: the question named the
    instruments searched, so counts are of mandates in them, not in the corpus."""
    if not pairs:
        return None
    pairs = _rank(pairs, ask, coverage)
    if ask.kind == "reports_on":
        # the clause that speaks most of the topic; its reporters and those they report to
        def weight(c: Clause) -> tuple[bool, bool, float]:
            cov = coverage(c.text) if coverage is not None else 0.0
            # an operative clause before an annex (a strategic plan's table) or a recital
            return cov >= REPORTS_ON_COVERAGE, not is_recital(c) and not c.part.lower().startswith("annex"), cov

        best = max((c for c, _m in pairs), key=weight)
        if coverage is not None and coverage(best.text) < REPORTS_ON_COVERAGE:
            return None
        pairs = [p for p in pairs if p[0].clause_id == best.clause_id] + \
            [p for p in pairs if p[0].clause_id != best.clause_id and coverage is not None
             and coverage(p[0].text) >= REPORTS_ON_COVERAGE]
    target = ask.actors[0] if ask.actors else ""
    lines: list[AnswerLine] = []
    if ask.kind == "reports_on":
        first = [m for c, m in pairs if c.clause_id == pairs[0][0].clause_id]
        who = list(dict.fromkeys(m.actor for m in first))
        to = list(dict.fromkeys(m.to or "" for m in first if m.to))
        lines.append(lead(f"{and_joined(who)} {'report' if len(who) > 1 else 'reports'}{' to ' + and_joined(to) if to else ''} "
                          f"on it, per {display(pairs[0][0])}."))
    elif ask.kind == "reports_to":
        who = list(dict.fromkeys(m.actor for _c, m in pairs))
        lines.append(lead(f"{and_joined(who)} {'report' if len(who) > 1 else 'reports'} to {target}, "
                          f"per {display(pairs[0][0])}."))
    elif ask.kind == "reports_from":
        to = list(dict.fromkeys(m.to or "" for _c, m in pairs))
        lines.append(lead(f"{target} reports to {and_joined(to)}, per {display(pairs[0][0])}."))
    elif ask.kind == "heads":
        who = list(dict.fromkeys(m.actor for _c, m in pairs))
        lines.append(lead(f"{and_joined(who)} — {display(pairs[0][0])}: {pairs[0][1].what}"))
    else:
        n = len({c.clause_id for c, _m in pairs})
        about = f" on {_SECOND_QUESTION_RE.sub('', ask.topic)}" if ask.topic else ""
        # "what are the TSB and BDT directors instructed to do …?": both, when the mandates found are of both
        tasked = list(dict.fromkeys(m.actor for _c, m in pairs))
        if len(tasked) > 1 and len({_bureau_of(a) for a in ask.actors} - {""}) > 1:
            target = and_joined(tasked[:3])
        verb = "have" if re.search(r"(?:States|Members|groups|Groups|Bureaux|Directors|Sectors)$", target) \
            or " and " in target else "has"
        where = ", ".join(dict.fromkeys(instrument_display(c.instrument) for c, _m in pairs)) if scoped else "the corpus"
        lines.append(lead(f"{target} {verb} {n} mandate{'s' if n != 1 else ''}{about} in {where}; the first: "
                          f"{pairs[0][1].what} ({display(pairs[0][0])})."))
    seen: set[str] = set()
    cits: list[Citation] = []
    for c, m in pairs:
        if c.clause_id in seen:
            continue
        seen.add(c.clause_id)
        extra = f" → {m.to}" if m.to else ""
        # a part addressed to several ("instructs the Directors of BDT and TSB"): each of them it tasks
        alike = list(dict.fromkeys(x.actor for y, x in pairs if y.clause_id == c.clause_id and x.role == m.role))
        lines.append(item(f"{and_joined(alike) if ask.kind == 'tasked' else m.actor} ({m.role}{extra}) — {display(c)}"))
        if len(cits) < MAX_CITATIONS:
            cits.append(citation(c, m.what if m.what and m.what in c.text else c.text))
    sectors = ordered_sectors(m.sector for _c, m in pairs if m.sector)
    # "Who reports to ISCG …?" is answered by actors; their Sectors lead, as in any "who" answer.
    leads = [x for x in sectors if x in THREE] if ask.kind in ("reports_to", "reports_on") else []
    shown = 1 + 2 * MAX_CITATIONS
    more = len(lines) - shown
    lines = lines[:shown]
    if more > 0:  # never cut a list silently
        # scoped to the instruments the question named: the listing is of them, not of the whole corpus
        docs = list(dict.fromkeys(instrument_display(c.instrument) for c, _m in pairs))
        what = f"{docs[0]} {target}" if scoped and len(docs) == 1 else target
        lines.append(note(f"… and {more} more; `sectorbot mandates \"{what}\"` lists them all."))
    return Answer(question=question, intent="mandate", lines=lines, citations=cits, sectors=sectors,
                  lead_sectors=leads)


def _bureau_of(actor: str) -> str:
    """"TSB" for "TSB" and "Director of TSB": the two names of one actor count once."""
    m = re.search(r"\b(BR|TSB|BDT)\b", actor)
    return m.group(1) if m else actor


CLOSE_COVERAGE = 0.85  # a clause holding this share of the topic's words speaks of it, not just near it
REPORTS_ON_COVERAGE = 0.5  # "who reports on X": the clause must hold at least this share of X's words
LIST_LIMIT = 40  # mandates listed by default: a Director of BDT has hundreds in the PP-18 texts


def list_mandates(text: str, clauses: Iterable[Clause], coverage: Callable[[str], float],
                  limit: int | None = LIST_LIMIT, shown_as: str | None = None) -> Answer:
    """`sectorbot mandates ACTOR-or-TOPIC`: the operative mandates of an actor (its own before those it
    shares), or about a topic, instruments in numeric order; the first `limit` (None: all) listed, the rest counted. With no actor or topic (the
    clauses of one instrument, `mandates "Res 191"`), all of them."""
    names = _actor_names(text)
    everything = not text.strip()
    pairs: list[tuple[Clause, Mandate]] = []
    for c in clauses:
        for m in c.mandates:
            if m.role == "noted":
                continue
            if everything or (names and (m.actor in names or m.to in names)) or (
                    not names and (coverage(c.text) >= SUPPORT or coverage(c.instrument.title) >= SUPPORT)):
                pairs.append((c, m))
    text = shown_as or text
    if not pairs:
        return Answer(question=text, intent="mandate", abstained=True,
                      lines=[lead(f"No mandate in the corpus names {text}.")])
    # An actor's own tasks before those it shares ("instructs the Director of BR" before "the Directors of
    # the three Bureaux"); instruments in their numbers' order (Res 11 before Res 102), clauses in theirs.
    def own(c: Clause) -> int:
        others = {m.actor for m in c.mandates if m.role != "noted"} - set(names)
        return 1 if names and others else 0

    pairs.sort(key=lambda p: (own(p[0]), _natural(p[0].doc_id), p[0].span[0]))
    shown = pairs if limit is None else pairs[:limit]
    lines = [lead(f"{len(pairs)} mandate(s) for {text}" + (f" (the first {len(shown)} listed)" if len(shown) < len(pairs)
                                                           else "") + ":")]
    cits: list[Citation] = []
    for c, m in shown:
        extra = f" → {m.to}" if m.to else ""
        lines.append(item(f"{m.actor} [{m.sector or '-'}] {m.role}{extra}: {display(c)} — {m.what[:160]}"))
        if len(cits) < 20 and all(x.clause_id != c.clause_id for x in cits):
            cits.append(citation(c, m.what if m.what and m.what in c.text else c.text))
    if len(shown) < len(pairs):
        lines.append(note(f"{len(pairs) - len(shown)} more not listed: `sectorbot mandates --all {text}` lists them all, "
                          "or name a topic with the actor to narrow them."))
    return Answer(question=text, intent="mandate", lines=lines, citations=cits,
                  sectors=ordered_sectors(m.sector for _c, m in pairs if m.sector))


def _natural(doc_id: str) -> tuple[tuple[int, str], ...]:
    """"pp-res-11@…" before "pp-res-102@…": the numbers in an id compared as numbers."""
    return tuple((int(x), "") if x.isdigit() else (-1, x) for x in re.findall(r"\d+|\D+", doc_id))


