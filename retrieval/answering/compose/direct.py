"""The one sentence that answers, built from the span that answers: a number, a deadline, a frequency, an
actor, a yes/no with its condition. Pure functions; the quote beside it stays a verbatim slice."""

from __future__ import annotations

import re
from typing import cast

from retrieval.answering.compose import EXCEPTING
from retrieval.answering.compose.evidence import MONTHS, asks_amount, asks_when, gives_amount
from retrieval.answering.quotes import segments
from retrieval.core.models import THREE, Clause, Sector
from retrieval.core.text import norm_hyphens, readable
from retrieval.indexing.lexical import CHAT_STEMS, LOOSE_SUFFIXES, STOPWORDS, SYNONYMS, holds, lexical_tokens
from retrieval.parsing.mandates import Actor, actors_in, document_sector, gives_task

_I = re.IGNORECASE
_WHO = re.compile(r"^\s*(?:who|which\s+(?:body|group|organ|committee|official))\b"
                  # asked later in the sentence: "IDNs - who at ITU is supposed to …", "which parts of ITU …"
                  r"|\bwho(?:'s|\s+is|\s+are)?\s+(?:at\s+ITU|in\s+ITU|supposed|meant|expected|responsible|in\s+charge|"
                  r"on\s+the\s+hook|tasked|told|asked|instructed|required|requested|invited|charged)\b"
                  # "Under the C&I resolution, who carries out …": "who" opening a sentence or clause
                  r"|(?:^|[:;,.!?\u2013\u2014]\s*|\s-\s*)who\s+(?!(?:reports?|is\s+the|are\s+the)\b)[a-z]+s\b"
                  # "… - who facilitate them?" (a verb as corrected from "facilitats")
                  r"|(?:[:;,.!?\u2013\u2014]\s*|\s-\s*)who\s+(?!(?:reports?|report|is|are|was|were|the)\b)[a-z]+\s+(?:them|it|this|that|these|those)\b"
                  # "C&I: who's doing the conformity pilots …?"
                  r"|(?:^|[:;,.!?\u2013\u2014]\s*|\s-\s*)who(?:'s|\s+is|\s+are)\s+(?:actually\s+|really\s+)?[a-z]+ing\b"
                  r"|\bwhich\s+(?:two\s+|three\s+|2\s+|3\s+)?(?:parts?\s+of\s+(?:the\s+)?ITU|bureau(?:'s)?\s+directors?|directors?|"
                  r"bureau(?:x|s)?|bodies|body|organs?|officials?|(?:sector\s+)?advisory\s+(?:groups?|bodies))\b|\bwhose\s+(?:job|task|responsibility|remit)\b"
                  # "In the RCC proposal, who would have to report …": a modal after "who" mid-sentence
                  r"|\bwho\s+(?:would|will|must|should|shall|has\s+to|have\s+to|needs?\s+to|is\s+to|are\s+to)\b", _I)
# "… report to?", "to whom", "who does X report to every year": the body reported to is asked for (a
# capital after "report to" names it already: "who reports to TSAG").
_TO_WHOM = re.compile(r"(?i:\breport\w*\s+to\s*\?|\bto\s+whom\b|\bwho\b.*\breport\w*\s+to\b"
                      # "who receives the annual report on …?": whom it goes to
                      r"|\bwho\s+(?:receives|gets|is\s+sent|is\s+given)\b[^?]*\breports?\b)(?!\s+(?:the\s+)?[A-Z])")
_WHO_REPORTS = re.compile(r"\bwho(?:'s|\s+is|\s+has\s+to|\s+must|\s+should|\s+will|\s+is\s+to)?\s+(?:\w+\s+)?report(?:s|ing)?\b", _I)
# "which study group handles …", "what ITU-T SG works on …": a group by its number answers.
_WHICH_GROUP_Q = re.compile(r"\b(?:which|what)\s+(?:ITU-[RTD]\s+)?(?:study\s+groups?|SGs?)\b(?!\s*\d)", _I)
_SECTOR_GROUPS = re.compile(r"\b(ITU-[RTD])\s+study\s+groups\b")
_GROUP_NAMED = re.compile(r"\b(?:ITU-[RTD]\s+)?(?:Study\s+Groups?|SG)\s*\d+(?:\s*(?:,|and)\s*\d+)*\b")
# "which question in SG17 hosts the incubation queue?": a Question of a study group, named "Q4", "Q4/17",
# "Question 4/17" (not "which Questions does Res 1 say …", nor a question number already given)
# ("which SG Question …", "which ITU-D study group Question …")
_WHICH_QUESTION_Q = re.compile(r"\b(?:which|what)\s+(?:(?:ITU-[RTD]\s+)?(?:SG\s?\d*|study\s+group(?:\s+\d+)?)\s+)?"
                               r"(?:Question|Q)\b(?!\s*\d)(?!s\b)", _I)
# the one named was not chosen, or is not the one asked: "if Q4 hadn't been picked", "which was next in line?"
_NOT_CHOSEN_Q = re.compile(r"\bif\b[^?]*\b(?:hadn't|had\s+not|wasn't|was\s+not|weren't|were\s+not)\b|\binstead\s+of\b"
                           r"|\bnext\s+in\s+line\b|\bsecond\s+(?:choice|best)\b|\bbackup\b|\brunner-?up\b", _I)
_QUESTION_NAMED = re.compile(r"\b(?:Q\d{1,2}(?:/\d{1,2})?|Questions?\s+\d{1,2}/\d{1,2})\b")
_YESNO = re.compile(r"^\s*(?:can|may|must|is|are|does|do|should|shall|will|could)\b", _I)
# "when" asks for a time at the start or before its verb, not inside a clause ("when a Question goes to
# consultation, what is needed …" asks what, not when).
_QUANT_Q = re.compile(r"\b(?:latest|earliest)\s+(?:date|day|time)\b|\bhow\s+(?:often|frequently|many|much|long|soon|early|far\s+ahead)\b|\b(?:longest|shortest)\b|^\W*when\b(?![^?]*,\s*(?:what|who|which|how)\b)|\bby\s+when\b"
                      r"|\bwhen(?:'s|\s+(?:is|was|will|does|do|did|must|should|are|can|shall))\b|\bdeadline\b|\bwhat\s+date\b"
                      r"|\bhow\s+many\s+days\b|\bmax(?:imum)?\b|\bmin(?:imum)?\b"
                      r"|\bwhat(?:'s|\s+is)?\s+(?:the\s+)?(?:share|fraction|proportion|percentage|per\s*cent|majority)\b"
                      r"|\bwhat(?:'s|\s+is|\s+are)\s+the\s+(?:[\w-]+\s+){0,2}(?:amount|value|unit|fees?|price|cost|rate|"
                      r"budget|ceiling)\b"
                      # "what fee does an SME pay", "what does a developing-country SME pay"
                      r"|\bwhat\s+(?:[\w-]+\s+){0,2}(?:fees?|price|cost|rate|amount)\s+(?:does|do|did|is|are|will|would|must)\b"
                      r"|\bwhat\s+(?:does|do|did|would|will)\b[^?]*\b(?:pay|paid|charged?)\b", _I)
_NUM_WORD = r"(?:\d[\d\s,.]*\d|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|thirty)"
_SPAN = re.compile(
    # a time fixed by an event: "no later than the contribution deadline (of the meeting …)"
    r"(?:no|not)\s+later\s+than\s+the\s+(?:[\w\u2011-]+\s+){0,3}?(?:deadline|meeting|session|assembly|conference|"
    r"opening|closing|end|start)\b|"
    r"(?:(?:normally\s+)?(?:at\s+least|not\s+later\s+than|no\s+later\s+than|within|up\s+to|at\s+most|(?:no|not)\s+more\s+than|(?:no|not)\s+less\s+than|more\s+than|less\s+than|"
    r"an\s+objective\s+of|every|each)\s+)?"
    r"(?:once\s+a\s+(?:year|month)|twice\s+a\s+year|annually|quarterly|monthly|on\s+an\s+ad\s+hoc\s+basis|"
    r"in\s+advance(?:\s+of\s+(?:the\s+|each\s+)?\w+)?|"
    r"(?:CHF|USD|EUR)\s*" + _NUM_WORD + r"(?:\s+(?:million|billion))?|"
    # (a range too: "every three to four years")
    + _NUM_WORD + r"(?:(?:\s+(?:to|or)\s+|\s*[-\u2013]\s*)" + _NUM_WORD + r")?"
    r"(?:\s+|-)(?:calendar\s+|working\s+)?(?:days?|weeks?|months?|years?|seconds?|minutes?|hours?|"
    r"milliseconds?|ms|pages?|"
    r"replies|Member\s+States|"
    r"(?:consecutive\s+)?terms?(?:\s+of\s+office)?)\b"
    # ("4 months before the ITU‑T study group": the name whole, whatever its hyphen)
    r"(?:\s+(?:before|after)\s+the\s+\w+(?:[\u2010\u2011-]\w+)?(?:\s+of\s+(?:the\s+)?\w+)?)?|"
    r"(?:first|second|third|fourth|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday)\s+of\s+\w+|"
    # a time a text fixes: "the last quarter of 2022", "from 28 October to 22 November 2019", "1 April 2019"
    r"(?:(?:first|second|third|fourth|last)\s+quarter|(?:first|second)\s+half)\s+of\s+(?:19|20)\d\d|"
    rf"(?:from\s+\d{{1,2}}\s+{MONTHS}?\s*to\s+)?\d{{1,2}}\s+{MONTHS}\s+(?:19|20)\d\d|"
    # shares: "70 per cent", "10%", "one-sixteenth", "two-thirds", "a simple majority"
    r"\d+(?:[.,]\d+)?\s*(?:per\s*cent|%)|(?:one|two|three)[-\s](?:half|third|thirds|quarter|quarters|fifth|eighth|"
    r"sixteenth|tenth|thirty[-\s]?second|sixty[-\s]?fourth)s?|(?:simple|absolute|two-thirds|qualified)\s+majority|"
    r"(?:normally\s+)?at\s+least\s+" + _NUM_WORD + r"\b)",
    _I)
_BRACKETED_COUNT = re.compile(r"\(\s*(?:normally\s+|usually\s+|generally\s+)?(?:at\s+least\s+|at\s+most\s+|up\s+to\s+|"
                              r"not\s+more\s+than\s+|no\s+more\s+than\s+)?" + _NUM_WORD + r"\s*\)", _I)
# ("the four-week time period": a count of weeks too; "one-way circuits" counts no circuits)
_COUNT = re.compile(r"\b" + _NUM_WORD + r"(?:\s+(?:hundred|thousand|million|billion))?"
                    r"(?:\s+|-(?=(?:minute|hour|day|week|month|year|page|word)s?\b))(?P<noun>(?:[\w-]+\s+)?[\w-]+)", _I)
_NEG = re.compile(r"\b(?:shall|may|must|can|should)\s+not\b|\bcannot\b|\bno\s+\w+\s+shall\b", _I)
_POS = re.compile(r"\b(?:may|can|shall|must|should|is\s+authorized|are\s+authorized)\b", _I)
_COND = re.compile(r"\b(?:if|provided\s+that|provided|subject\s+to|unless|when|where)\b[^;.]*", _I)


# A time a sentence fixes relative to an event or by a date: "no later than the contribution deadline",
# "before the assembly", "at the end of the study period", "by 1 April 2019"
_TIMED = re.compile(r"\b(?:(?:no|not)\s+later\s+than|before|after|prior\s+to|until|by\s+the\s+(?:end|start|time)|"
                    rf"at\s+the\s+(?:end|start|beginning|close|opening)\s+of|deadline)\b|\b{MONTHS}\s+(?:19|20)\d\d\b", _I)


def best_segment(text: str, question: str, quantity: bool = False) -> str:
    """The sentence-like piece of the clause sharing most words with the question. `quantity`: the one
    giving the kind of quantity the question asks for first ("how long must we wait …" is answered by
    "… at least two years", though the sentence before it shares more of the question's words)."""
    q = set(lexical_tokens(question))
    # "when should a correspondence activity wrap up?": the sentence that says when ("… no later than the
    # contribution deadline of the meeting"), though another shares more of the question's words
    timed = quantity and asks_when(question)
    quantity = quantity and asks_quantity(question)
    best, score = text, -1.0
    for s, e in segments(text):
        piece = text[s:e]
        words = set(lexical_tokens(piece))
        sc = len(q & words) / (1 + 0.003 * len(piece)) + (len(q) if quantity and holds_quantity(question, piece) else 0)
        sc += len(q) if timed and _TIMED.search(piece) else 0
        if sc > score:
            best, score = piece, sc
    return best


SEGMENT_COVERAGE = 0.75  # share of the question's content words the answering sentence must hold
SUM_ELSEWHERE_COVERAGE = 0.25  # … and a clause giving only a sum, of the question's words


_SHAPE = frozenset(lexical_tokens("long often many much soon far ahead early late need needed must deadline max "
                                  "maximum min minimum next upcoming forthcoming frequently frequency longest "
                                  "shortest ms millisecond milliseconds sec secs seconds"))


# A clause giving a sum is about what the question asks the sum of when it holds SUM_ELSEWHERE_COVERAGE of the
# question's words other than the currency ("Swiss francs" is in the EWCF's reserve and in no university's
# fee) and chat ("hey quick one").
_NOT_WHAT_A_SUM_IS_OF = frozenset(lexical_tokens("swiss franc francs chf usd dollar dollars euro euros eur")) | CHAT_STEMS


def covers(question: str, segment: str, context: str = "", share: float = SEGMENT_COVERAGE,
           ignore: frozenset[str] = frozenset()) -> bool:
    """The sentence (with its part heading as context) speaks of what the question asks about: a
    number or a yes from a sentence about something else is a confident wrong answer. Every word
    counts here, "Sector" too: "Sector Members" are not "Member States" (but those in `ignore`)."""
    terms = [t for t in dict.fromkeys(lexical_tokens(question)) if t not in _SHAPE and t not in ignore and not t.isdigit()]
    if not terms:
        return True
    have = set(lexical_tokens(f"{context} {segment}"))
    have |= {alt for t in have for alt in SYNONYMS.get(t, ())}  # "contribs" is in "Contributions"
    return sum(t in have for t in terms) >= share * len(terms)


def answer_sentence(question: str, clause: Clause, share: float = SEGMENT_COVERAGE) -> str | None:
    """One sentence that answers from this clause, or None when the question wants no short answer.
    `share`: how much of the question the sentence must hold (less for a clause the question cites)."""
    found = answer_with_actor(question, clause, share)
    return found[0] if found else None


# "which advisory groups should …?", "which director is on the hook …?": the answer is an actor of that kind,
# not the first actor a clause names.
# "which two bureau directors …": a count and the bureau may come before the kind asked
_WHICH_SOME = r"\bwhich\s+(?:(?:bureau(?:'s)?|two|three|2|3)\s+){0,2}"
_ACTOR_KINDS = [
    (re.compile(r"\bwhich\s+(?:sector\s+)?advisory\s+(?:groups?|bodies)\b", _I),
     re.compile(r"\b(?:RAG|TSAG|TDAG)\b|\bAdvisory\s+(?:Groups?|bod)", _I)),
    (re.compile(_WHICH_SOME + r"directors?\b", _I), re.compile(r"\bDirectors?\b")),
    # "which bureau must find the money?": a Bureau or its Director, not the Secretary-General
    (re.compile(r"\bwhich\s+bureau(?:x|s)?\b", _I), re.compile(r"\bDirectors?\b|\b(?:BR|TSB|BDT)\b|\bBureau")),
]


# "which two bureau directors …?", "which bodies …?": more than one is expected
_PLURAL_KIND = re.compile(_WHICH_SOME + r"(?:directors|bureaux|bodies|organs|officials)\b", _I)


# The membership takes part in everything; naming it says whose procedure nothing about
MEMBERS = frozenset({"Member States", "Sector Members", "Associates", "Academia"})


def _of_another_body(question: str, text: str) -> bool:
    """The question asks about a body ("how often does WTSA meet?") and the text names bodies, but not that
    one: what the text says is someone else's."""
    from retrieval.answering.query import without_references

    asked = {a.name for _s, a in actors_in(without_references(question))} - MEMBERS
    named = {a.name for _s, a in actors_in(text)}
    # "BDT" asked, "the Director of BDT" named: the same body
    return bool(asked) and bool(named) and not any(x in y or y in x for x in asked for y in named)


def asks_actor_kind(question: str) -> bool:
    return any(asks.search(question) for asks, _want in _ACTOR_KINDS)


def of_kind_asked(question: str, actor: str) -> bool:
    """The actor is of the kind a "which <kind> …?" question asks for (any actor when it asks none)."""
    kind = next((want for asks, want in _ACTOR_KINDS if asks.search(question)), None)
    return kind is None or bool(kind.search(actor))


def _group_with_sector(text: str, m: re.Match[str], clause: Clause) -> tuple[str, list[Sector]]:
    """A study group named in `text`, with its Sector: the one its name gives ("ITU-D Study Group 1"), or the
    Sector whose study groups the sentence has just named ("the ITU-T study groups, particularly Study
    Groups 2 and 3"), or the one the clause's mandate for it gives, or the text's own (a WTSA text's study
    groups are ITU-T's)."""
    name = " ".join(m.group(0).split())
    if (sector := re.match(r"ITU-[RTD]", name)) is not None:
        return name, [cast(Sector, sector.group(0))]
    # ("… Development Sector (ITU-D) Study Group 2": the Sector's name in brackets just before)
    bracketed = re.search(r"\((ITU-[RTD])\)\s*$", text[: m.start()])
    if bracketed is not None:
        return f"{bracketed.group(1)} {name}", [cast(Sector, bracketed.group(1))]
    just_named = re.search(r"\b(ITU-[RTD])\s+study\s+groups?\b[^.;:]{0,40}$", text[: m.start()])
    number = re.search(r"\d+", name)
    of = [cast(Sector, just_named.group(1))] if just_named else _three(
        [next((x.sector for x in clause.mandates if number and x.actor == f"SG{number.group(0)}"
               and _three([x.sector])), None) or document_sector(clause.instrument)])
    return " ".join([*of, name]), of


def answer_with_actor(question: str, clause: Clause, share: float = SEGMENT_COVERAGE,
                      best: bool = False) -> tuple[str, list[Sector]] | None:
    """`answer_sentence`, with the Sectors of the actors it names when it answers "who does this" (`best`:
    the clause is the search's first, so a sentence giving the kind of quantity asked answers); a
    "who" question answered by the Director of BDT is answered by ITU-D, one answered by the Directors
    of the three Bureaux by all three. None for the body reported to ("who does X report to?" asks
    where the work goes, not who leads it)."""
    q = norm_hyphens(question)
    seg = best_segment(clause.text, q)
    # "what is the budget cap …?": a sum asked for is answered as a quantity is
    amount = asks_amount(q)
    quant = asks_quantity(q) or amount
    if quant and not covers(q, seg, clause.part, share=share):
        # "how many replies …?" and the best clause's list ends "– at least ten replies are received": the
        # segment giving that very kind of quantity answers, though it repeats few of the question's words.
        # (`best`: the search ranked this clause first; any other clause must speak of the question itself.)
        sums = [(a, b) for a, b in segments(clause.text) if amount and gives_amount(clause.text[a:b])]
        kind = [(a, b) for a, b in segments(clause.text) if holds_quantity(q, clause.text[a:b]) or (a, b) in sums]
        # (a sum among the first clauses found answers: the judge has checked that one of them speaks of it;
        # not a sum in a clause about something else, "the CHF 5 million reserve" of ITU Telecom's fund for
        # "how much in CHF does a university pay to join ITU-T?")
        about = covers(q, clause.text, clause.part, share=SUM_ELSEWHERE_COVERAGE, ignore=_NOT_WHAT_A_SUM_IS_OF)
        if not kind or not (best or (sums and about)):
            return None
        if sums and not about and all(ab in sums for ab in kind):
            # … the best clause's either: "How many Swiss francs does a university pay to join?" is not the EWCF's
            # reserve of 5 million Swiss francs, found first for its francs
            return None
        # … the one of them sharing most of the question's words (a table's rows each give a share: "no more
        # than 3% of average monthly income" answers the affordability target, not the first row's "65%")
        q_words = set(lexical_tokens(q))
        a, b = max(kind, key=lambda ab: (len(q_words & set(lexical_tokens(clause.text[ab[0]:ab[1]]))), -ab[0]))
        seg = clause.text[a:b]
    if _YESNO.search(q) and not covers(q, seg, clause.part, share=1.0):
        return None  # a yes or no must come from a sentence about exactly what was asked
    if quant and _of_another_body(q, f"{clause.part}\n{clause.lead_in}\n{clause.text}"):
        # "how often does WTSA meet?" and "TSAG shall hold regular meetings … at least once a year": that is
        # TSAG's time, not the one asked
        return None
    if quant:
        spans = [m.group(0).strip() for m in _SPAN.finditer(seg)
                 if not _lead_time_for_length(q, seg, m) and not _frequency_for_length(q, m)]
        if not spans:
            # The span is in another sentence of the clause: quote that sentence, which holds it.
            elsewhere = [m for m in _SPAN.finditer(clause.text)
                         if not _lead_time_for_length(q, clause.text, m) and not _frequency_for_length(q, m)]
            spans = [m.group(0).strip() for m in elsewhere]
            if elsewhere:
                at = elsewhere[0].start()
                seg = next((clause.text[a:b] for a, b in segments(clause.text) if a <= at < b), seg)
        if spans and _of_kind_asked(spans, q):
            return f"{_cap(_pick(spans, q, seg))}: “{readable(seg)}”", []
        # "how many official languages does ITU have?": "the six official languages of the Union", a count of
        # the very noun asked, in the sentence that gives it
        for a, b in [(0, 0), *segments(clause.text)]:
            piece = seg if (a, b) == (0, 0) else clause.text[a:b]
            count = _count_of(q, piece)
            if count:
                return f"{_cap(count)}: “{readable(piece)}”", []
    if (named_q := question_named(q, clause.text)) is not None:
        return f"{named_q[0]}: “{readable(named_q[1])}”", []
    if _WHICH_GROUP_Q.search(q):
        # "Which SG does security in ITU-T?": the study group the clause names is the answer, in the
        # sentence that names it.
        named_at = next((m for m in _GROUP_NAMED.finditer(seg)), None)
        if named_at is None and best:
            named_at = next((m for m in _GROUP_NAMED.finditer(clause.text)), None)
            if named_at is not None:
                seg = next((clause.text[a:b] for a, b in segments(clause.text) if a <= named_at.start() < b), seg)
        if named_at is not None:
            # every group the sentence names ("ITU-T Study Groups 2 and 3, and ITU-D Study Group 1"), each with
            # its Sector
            groups = [_group_with_sector(seg, m, clause) for m in _GROUP_NAMED.finditer(seg)]
            leads = _three([x for _n, of in groups for x in of])
            return f"{and_joined(list(dict.fromkeys(n for n, _of in groups)))}: “{readable(seg)}”", leads
        # "to propose to the ITU-T study groups to continue cooperation …": a Sector's study groups, unnumbered
        if (generic := _SECTOR_GROUPS.search(seg)) is not None:
            return f"{generic.group(1)} study groups: “{readable(seg)}”", [cast(Sector, generic.group(1))]
    if _WHO.search(q) and not _TO_WHOM.search(q):
        # "Who appoints the TSAG chairman?" answered by "WTSA shall appoint the chairman …": the subject
        # of the question's own verb in the clause, before anyone the clause's heading tasks.
        done = doer(q, clause)
        if done is not None and of_kind_asked(q, done[0].name):
            actor, where = done
            return f"{with_sectors(actor.name)}: “{readable(where)}”", _three([actor.sector])
    if _WHO_REPORTS.search(q) and not _TO_WHOM.search(q):
        # "… who reports every year to TSAG on …?": the one the clause has report to the body named
        bodies = {a.name for _s, a in actors_in(q)}
        reporters = [m for m in clause.mandates if m.role == "reports" and m.to in bodies and m.actor not in bodies]
        if reporters:
            return f"{with_sectors(reporters[0].actor)}: “{readable(seg)}”", _three([reporters[0].sector])
    if _WHO.search(q) or _TO_WHOM.search(q):
        named = {a.name for _s, a in actors_in(q)}
        if _TO_WHOM.search(q):
            # "Who does the Director of TSB report to?": the body reported to, not the one reporting.
            to = [m.to for m in clause.mandates if m.role == "reports" and m.to and m.to not in named]
            if to:
                return f"{with_sectors(to[0])}: “{readable(seg)}”", []
            # … and never the one tasked: "the Secretary-General: to work closely with MSAG" is not whom
            # MSAG reports to
            return None
        # The actor the clause tasks (often named only in its part heading: "instructs the Secretary-General").
        tasked = list({m.actor: m for m in clause.mandates
                       if gives_task(m) and m.actor not in named and of_kind_asked(q, m.actor)}.values())
        if tasked:
            # "the Directors of the three Bureaux and ISC-TF to report …": all of them, and a lead Sector
            # only when they are of one Sector.
            who = and_joined([m.actor for m in tasked[:4]])
            return f"{with_sectors(who)}: “{readable(seg)}”", _three([m.sector for m in tasked])
        actors = [a for _s, a in actors_in(seg, document_sector(clause.instrument)) if of_kind_asked(q, a.name)]
        found = [a for a in actors if a.name not in named] or actors
        if found and _does_what_is_asked(q, seg):
            # "which two bureau directors …?": every one of the kind asked the sentence names
            some = list({a.name: a for a in found}.values())[:4] if _PLURAL_KIND.search(q) else found[:1]
            return f"{with_sectors(and_joined([a.name for a in some]))}: “{readable(seg)}”", _three([a.sector for a in some])
    if _YESNO.search(q) and not re.match(r"^\s*(?:what|which)\b", q, _I):
        verdict = "No" if _NEG.search(seg) else "Yes" if _POS.search(seg) else None
        if verdict:
            cond = _COND.search(seg)
            return f"{verdict}{', ' + cond.group(0).strip() if cond and verdict == 'Yes' else ''}: “{readable(seg)}”", []
    return None


_NAMED_UNITS = 3  # the first entries of _UNIT_OF: a unit the question names, which alone then counts
# How often something happens: the unit "how often" is answered in, and what never answers "how long".
_FREQUENCY_WORDS = r"once|twice|annually|every|each|quarterly|monthly|weekly"
_UNIT_OF = [
    # a unit the question names comes first: "max delay in ms" is not "3 seconds"
    (re.compile(r"\b(?:in\s+)?(?:ms|milliseconds?)\b", _I), re.compile(r"\bms\b|milliseconds?", _I)),
    (re.compile(r"\b(?:how\s+many|in)\s+(?:secs?|seconds)\b", _I), re.compile(r"\bseconds?\b", _I)),
    # "max page length for a contribution": pages, not "one year"
    (re.compile(r"\bpages?\b", _I), re.compile(r"\bpages?\b", _I)),
    (re.compile(r"\bhow\s+(?:often|frequently)\b|\bfrequency\b", _I),
     re.compile(_FREQUENCY_WORDS + r"|ad\s+hoc", _I)),
    # "the longest repayment schedule", "max length of a plenipot": a length of time, not a date ("held in
    # the last quarter of 2022" is no length)
    (re.compile(r"\b(?:longest|shortest)\b|\b(?:max(?:imum)?|min(?:imum)?)\b[^?]{0,30}\b(?:schedules?|periods?|"
                r"duration|length|time|delay|notice)\b|\b(?:duration|length)\s+of\b"
                # "how long can a plenipotentiary conference last?": a length of time, not when it is held
                r"|\bhow\s+long\s+(?:can|may|does|do|should|will|is|are|must)\b[^?]*\b(?:last|run|take|sit|meet)\b", _I),
     re.compile(r"\b(?:milliseconds?|ms|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", _I)),
    # "when do member states have to pay?": "in advance" (not for "how long", which it does not answer)
    (re.compile(r"\bwhen\b|\bby\s+when\b", _I), re.compile(r"\badvance\b", _I)),
    (re.compile(r"\bhow\s+(?:long(?!\s+(?:can|may|does|do|should|will|is|are|must)\b[^?]*\b(?:last|run|take|sit|meet)\b)|"
                r"soon|early|far\s+ahead)\b|\bwhen\b|\bdeadline\b|\bwhat\s+(?:date|year)\b", _I),
     # ("how long are incoming calls refused?": "a guard delay of 1 second")
     re.compile(r"milliseconds?|\bms\b|seconds?|minutes?|hours?|days?|weeks?|months?|years?|before|after|later\s+than|Monday|Tuesday|"
                r"Wednesday|Thursday|Friday|quarter|half|(?:19|20)\d\d", _I)),
    (re.compile(r"\bhow\s+much\b", _I), re.compile(r"CHF|USD|EUR|million|billion|per\s*cent|%", _I)),
    # a fee or a contribution is often a share of the contributory unit ("one-thirty second")
    # a spending ceiling or a budget is a sum of money
    (re.compile(r"\b(?:budgets?|ceilings?|spend(?:ing)?|spent|expenses|expenditures?|revenues?|income)\b", _I),
     re.compile(r"CHF|USD|EUR|million|billion", _I)),
    (re.compile(r"\b(?:fees?|price|cost|amount|pay|paid|charged?)\b", _I),
     re.compile(r"CHF|USD|EUR|million|billion|half|third|quarter|fifth|eighth|sixteenth|tenth|second|fourth", _I)),
    (re.compile(r"\b(?:share|fraction|proportion|percentage|per\s*cent|majority)\b", _I),
     re.compile(r"per\s*cent|%|half|third|quarter|fifth|eighth|sixteenth|tenth|majority", _I)),
]


# "what's the deadline for …", "what is the maximum term …": the noun asked for.
_ASKED_NOUN = re.compile(r"^\W*(?:so\s+)?what(?:'s|\s+is|\s+are|s)\s+(?:the\s+)?(?:(?:max(?:imum)?|min(?:imum)?|firm|final|"
                         r"official|usual|current)\s+)?(?P<noun>[a-z]+)\b", _I)
_NEAR = 12  # words before a span that say what it is ("the submission deadline … shall be not later than")


# A time asked on one side of an event ("how long after the meeting …?") and a span on the other ("4 months
# before the study group meeting"): not the time asked.
_TIME_Q = re.compile(r"\bhow\s+(?:long|soon|fast|quickly|early|far\s+ahead|many\s+(?:days|weeks|months))\b|\bby\s+when\b"
                     r"|\bwithin\s+(?:how|what)\b", _I)
_BEFORE = re.compile(r"\bbefore\b|\bprior\s+to\b|\bin\s+advance\b|\bahead\b|\bbeforehand\b", _I)
_AFTER = re.compile(r"\bafter\b", _I)


# "how long is a study group meeting?" asks what it lasts: "announced at least four weeks in advance" is a notice
_LENGTH_Q = re.compile(r"\bhow\s+long\s+(?:(?:is|are|was|were|will\s+be)\s+(?!there\b|it\s+before\b)"
                       r"|(?:does|do|did|will|would|can|could|should)\s+(?:\w+\s+){1,6}?(?:last|take|run)\b)", _I)
_LEAD_TIME_AFTER = re.compile(r"\s*(?:in\s+advance|before|prior\b|beforehand|ahead|earlier|after|following|from)\b", _I)


def _lead_time_for_length(question: str, text: str, span: re.Match[str]) -> bool:
    """A span giving a time before or after something, when the question asks how long a thing lasts."""
    return bool(_LENGTH_Q.search(question)) and not _BEFORE.search(question) and not _AFTER.search(question) \
        and not re.search(r"\bnotice\b", question, _I) and bool(
            _LEAD_TIME_AFTER.match(text[span.end():]) or _BEFORE.search(span.group(0)) or _AFTER.search(span.group(0))
            or re.search(r"\bwithin\s+(?:the\s+)?(?:next\s+)?$|\bin\s+advance\s*\(\s*$", text[: span.start()], _I))


def _frequency_for_length(question: str, span: re.Match[str]) -> bool:
    """A frequency ("at least once a year") for a question asking how long ("how long can TSAG chairs
    serve?"): how often something happens is no length of time."""
    return bool(re.search(r"\bhow\s+long\b", question, _I)) and not re.search(r"\bhow\s+(?:often|frequently)\b", question, _I) \
        and bool(re.search(rf"\b(?:{_FREQUENCY_WORDS})\b|\btimes\s+a\b", span.group(0), _I))


def _facing(spans: list[str], question: str) -> list[str]:
    """The spans on the side of the event the question asks about (all of them when it names no side)."""
    if not _TIME_Q.search(question):
        return spans
    after, before = bool(_AFTER.search(question)), bool(_BEFORE.search(question))
    if after == before:
        return spans
    wrong = _BEFORE if after else _AFTER
    return [s for s in spans if not wrong.search(s)]


def _of_kind_asked(spans: list[str], question: str) -> bool:
    """Some span is of a kind the question asks for, when it asks for one: "how long can a conference
    last?" is not answered by "the last quarter of 2022" (when it is held), nor "how long after the
    meeting …?" by "4 months before the meeting"."""
    spans = _facing(spans, question)
    if re.search(r"\bhow\s+many\b", question, _I):
        return bool(spans)  # a count of the noun asked (`_pick` prefers it); "when …, how many replies" is no date
    kinds = _kinds_asked(question)
    return not kinds or any(unit.search(s) for unit in kinds for s in spans)


def _kinds_asked(question: str) -> list[re.Pattern[str]]:
    """The units a question asks a span in: a unit it names alone ("max delay in ms": milliseconds, not any
    length of time), else every kind it asks for ("how much does an SME pay": a sum or a share)."""
    named = [unit for asks, unit in _UNIT_OF[:_NAMED_UNITS] if asks.search(question)]
    return named or [unit for asks, unit in _UNIT_OF if asks.search(question)]


def _pick(spans: list[str], question: str, text: str = "") -> str:
    """The span of the unit the question asks for: "how many replies" → "ten replies". Of several of
    that unit in `text` ("should be submitted not later than one month …, and at any event the
    submission deadline … not later than 14 calendar days"), the one the noun asked for introduces."""
    spans = _facing(spans, question) or spans
    if re.search(r"\blatest\b", question, _I):
        # "latest date to send the names?": "preferably three months, but no later than two weeks, before …"
        spans = [s for s in spans if re.match(r"(?:no|not)\s+later\s+than\b", s, _I)] or spans
    many = re.search(r"\bhow\s+many\s+(\w+)", question, _I)
    if many:
        noun = lexical_tokens(many.group(1))
        hit = [s for s in spans if noun and noun[0] in lexical_tokens(s)]
        if hit:
            return hit[0]
    for asks, unit in _UNIT_OF:
        if asks.search(question):
            hit = [s for s in spans if unit.search(s)]
            if len(hit) > 1 and text and (m := _ASKED_NOUN.search(question)):
                asked = lexical_tokens(m.group("noun"))
                named = [s for s in hit if asked and asked[0] in _before(text, s)]
                if len(named) == 1:
                    return named[0]
            if len(hit) > 1 and text and (paired := _respectively(hit, question, text)):
                return paired
            if len(hit) > 1 and text and (qualified := _qualified(hit, question, text)):
                return qualified
            if hit:
                return hit[0]
    return spans[0]


def _typed_words(text: str, shortest: int) -> set[str]:
    """The words as typed, lower-cased, of at least `shortest` letters, stopwords left out (stems would join
    "developed" and "developing")."""
    return {w for w in re.findall(rf"[a-z]{{{shortest},}}", text.lower()) if w not in STOPWORDS}


_RESPECTIVELY_RE = re.compile(r",?\s+respectively\b", _I)
_ITEMS_AFTER_RE = re.compile(r"\b(?:by|for|to|from|of|in)\s+(?=\S)", _I)


def _respectively(spans: list[str], question: str, text: str) -> str | None:
    """"CHF 10 million and CHF 5 million … committed by Saudi Arabia and the United Arab Emirates,
    respectively": the span in the place of the item the question names ("how much did Saudi Arabia pledge?"
    → CHF 10 million), not the one nearest to it."""
    asked = _typed_words(question, 3)
    starts = sorted((at, s) for s in spans if (at := text.find(s)) >= 0)
    for m in _RESPECTIVELY_RE.finditer(text):
        head = re.split(r"[.;:()]", text[:m.start()])[-1]
        found = list(_ITEMS_AFTER_RE.finditer(head))
        if not found:
            continue
        last = found[-1]
        listed = [at_s for at_s in starts if at_s[0] < m.start()]
        items = [i for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", head[last.end():]) if i.strip()]
        if len(items) != len(listed) or len(items) < 2:
            continue
        named = [n for n, i in enumerate(items) if asked & _typed_words(i, 3)]
        if len(named) == 1:
            return listed[named[0]][1]
    return None


def _qualified(spans: list[str], question: str, text: str) -> str | None:
    """Of several spans, the one whose qualifier (the words after it, up to the next span) holds most of
    the question's words as typed: "one-sixteenth … for SMEs from developed countries, and one-thirty
    second … from developing countries" asked about a developing country → "one-thirty second".
    Words as typed, since stems join "developed" and "developing"."""
    asked = _typed_words(question, 4)
    starts = sorted((text.find(s), s) for s in spans if text.find(s) >= 0)
    scores = []
    for n, (at, s) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(text)
        after = re.split(r"[.;:]\s", text[at + len(s):end])[0]
        scores.append((len(asked & _typed_words(" ".join(after.split()[:25]), 4)), s))
    best = max((sc for sc, _s in scores), default=0)
    top = [s for sc, s in scores if sc == best]
    return top[0] if best and len(top) == 1 else None


def _before(text: str, span: str) -> set[str]:
    """The words of the sentence just before the span's first occurrence in `text`, from the last ", and"
    on: in "one-sixteenth … for SMEs from developed countries, and one-thirty second …" the SMEs before the
    second share qualify the first."""
    at = text.find(span)
    if at < 0:
        return set()
    head = re.split(r"[.;:]\s|,\s+(?:and|or)\s+", text[:at])[-1]
    return set(lexical_tokens(" ".join(head.split()[-_NEAR:])))


# "what's the deadline for contributions …", "how far ahead …", "how long before the meeting …", "by when …"
_DEADLINE_Q = re.compile(r"\bdeadlines?\b|\bhow\s+(?:far|long|many\s+\w+)\s+(?:ahead|in\s+advance|before|prior)\b"
                         r"|\bby\s+when\b|\b(?:latest|last)\s+(?:date|day|moment|we\s+can|you\s+can|one\s+can)\b"
                         r"|\bcut-?off\b|\blead\s+time\b", _I)
# "shall reach TSB at least 12 calendar days before the meeting", "no later than two weeks prior to …"
_DEADLINE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                       r"forty|sixty|ninety)(?:[\s-]+\w+)?\s+(?:calendar\s+|working\s+)?(?:days?|weeks?|months?|years?)"
                       r"\s+(?:before|prior\s+to|in\s+advance\s+of|ahead\s+of|preceding)\b"
                       r"|\bin\s+advance\s+\((?:one|two|three|six|\d+)\s+(?:days?|weeks?|months?|years?)\)"
                       r"|\b(?:no|not)\s+later\s+than\b", _I)


# "… leaving aside disaster or conflict cases?", "except for LDCs": what the answer must not be about
_SET_ASIDE_RE = re.compile(EXCEPTING + r"(?P<x>[^,.;:?()]+)", _I)


def set_aside(question: str) -> set[str]:
    """The words of what the question sets aside ("disaster", "conflict" in "leaving aside disaster or
    conflict cases"), the generic nouns aside."""
    out: set[str] = set()
    for m in _SET_ASIDE_RE.finditer(norm_hyphens(question)):
        out |= {t for t in lexical_tokens(m.group("x")) if t not in _ASIDE_GENERIC}
    return out


_ASIDE_GENERIC = frozenset(lexical_tokens("case cases situation situations kind kinds type types thing things one ones "
                                          "special the a an any"))


# "what is the incubation mechanism?", "what's a JCA?", "what does TAP stand for?": the term to define
# (after a chat opening, "sorry basic q - what's an accounting rate in the D-series sense?")
_DEFINE_Q = re.compile(r"^\W*(?:[^?]{1,60}?\s[-\u2013\u2014:]\s+)?(?:so\s+)?(?:"
                       # "what counts as a 'Question' in ITU-T speak?", "what's the definition of a Question?"
                       r"(?:what\s+counts\s+as|what(?:'s|\s+is|s)\s+the\s+definition\s+of|define)\s+(?:an?\s+|the\s+)?"
                       r"['\"\u2018\u201c]?(?P<named>[\w.-]+(?:\s+[\w.-]+){0,3}?)['\"\u2019\u201d]?"
                       r"(?:\s+(?:in|under|per|for)\s+(?:ITU(?:-[RTD])?|the\s+ITU)(?:\s+(?:speak|terms|parlance|jargon|texts?))?)?"
                       r"|what(?:'s|\s+is|\s+are|s)\s+(?:an?\s+|the\s+)?(?P<term>[\w.-]+(?:\s+[\w.-]+){0,3}?)"
                       r"|what\s+does\s+(?:an?\s+|the\s+)?(?P<abbr>[\w.-]+(?:\s+[\w.-]+){0,2}?)\s+(?:stand\s+for|mean))"
                       # (a text named after it, taken out by the caller, leaves its preposition: "… in A.Sup5?")
                       r"(?:\s+(?:in|under|per|of|from|according\s+to))?"
                       # "… in the D-series sense", "… in ITU speak", "… in the D-series"
                       r"(?:\s+(?:in|under)\s+(?:the\s+)?(?:[\w.-]+(?:\s+[\w.-]+)?\s+(?:sense|speak|terms|parlance|jargon|lingo|context)"
                       r"|[A-Z]{1,2}-series(?:\s+Recs?|\s+Recommendations)?))?"
                       r"\s*\??\s*$", _I)


def defined_term(question: str) -> str | None:
    """The term a "what is X?" question asks to define (a few words, nothing else asked), or None."""
    m = _DEFINE_Q.match(norm_hyphens(question))
    if m is None:
        return None
    term = (m.group("term") or m.group("abbr") or m.group("named") or "").strip()
    return term if term and term.lower() not in ("it", "this", "that", "there") else None


def defines(text: str, term: str) -> bool:
    """The text defines the term: "X is/means/refers to …", "X: …", "… X (ABBR)" or an abbreviation list's
    "ABBR Expanded Name"."""
    t = norm_hyphens(text)
    x = re.escape(term).replace(r"\ ", r"\s+")
    plural = r"s?"  # "JCAs are …"
    # "… is a mechanism …", not "JCAs are open" or "the ISCG is scheduled"
    return bool(re.search(rf"(?:^|[.;:]\s+|\bThe\s+|\bAn?\s+){x}{plural}(?:\s*\([A-Z][\w-]*\))?\s+(?:(?:is|are)\s+(?:an?|the|"
                          rf"defined|described|known|composed|made\s+up)\b|means|refers\s+to|denotes|consists)\b", t, _I)
                or re.search(rf"(?:^|\n)\s*{x}\s*:", t, _I)
                # a glossary's entry: the term alone on its line, its definition below ("Accounting rate\nThe rate …")
                or re.match(rf"\s*{x}\s*\n", t, _I)
                or re.search(rf"\(\s*{x}\s*\)", t)
                or (term.isupper() and re.search(rf"\b{x}\s+[A-Z][a-z]+(?:\s+[A-Za-z][a-z]+){{1,6}}", t)))


def asks_deadline(question: str) -> bool:
    return bool(_DEADLINE_Q.search(norm_hyphens(question)))


# What must be done in time: "the deadline for submitting contributions to …", "how far ahead must the
# timetable … be communicated"
_DEADLINE_OF = re.compile(r"\bdeadlines?\s+(?:for|to|of|on)\s+(?P<what>[\w\s-]+?)(?:\s+(?:to|for|at|before|in|of|under|with)\b|[?,]|$)"
                          # (the words up to its verb: "how far ahead should the SG meeting timetable be sent out")
                          r"|\bhow\s+far\s+(?:ahead|in\s+advance)\s+(?:must|should|do|does|is|are|has|have)\s+(?:the\s+)?"
                          r"(?P<thing>[\w-]+(?:\s+(?!(?:be|been|to|get|go)\b)[\w-]+){0,3})", _I)


def gives_deadline(text: str, question: str = "") -> bool:
    """The text sets a time limit before an event, not merely a length of time; for "the deadline for X", a
    limit on X (a convening letter's "two months prior" is no deadline for contributions)."""
    text = norm_hyphens(text)
    limits = list(_DEADLINE.finditer(text))
    m = _DEADLINE_OF.search(norm_hyphens(question))
    what = set(lexical_tokens(m.group("what"))) if m and m.group("what") else \
        set(lexical_tokens(_head_noun(m.group("thing")))) if m else set()
    if not limits or not what:
        return bool(limits)
    # named before the limit, in its sentence: "Contributions … shall reach TSB at least 12 calendar days
    # before"; not "the timetable … well in advance (one year), to give them time to … submit contributions"
    return any(what & set(lexical_tokens(_sentence_before(text, x.start()))) for x in limits)


def _head_noun(phrase: str) -> str:
    """The noun a phrase is about: "SG meeting timetable" → "timetable", "timetable of study group meetings" →
    "timetable", "invitation announcing it need" → "invitation"."""
    words: list[str] = []
    for w in phrase.split():
        if re.fullmatch(r"of|for|to|in|on|at|with|from|by|need|needs|must|has|have|(?!meeting|briefing|funding)\w+ing", w, _I):
            break
        words.append(w)
    return words[-1] if words else phrase


def _sentence_before(text: str, at: int) -> str:
    return text[max(text.rfind(". ", 0, at), text.rfind("; ", 0, at)) + 1:at]


_MIN_MAX = re.compile(r"^(?:max|maximum|min|minimum)$", _I)


def asks_quantity(question: str) -> bool:
    """"How many terms …", "how long …", "what share …": a number, a time or a share is the answer. Not
    "which SG produces the minimum QoS guidelines?": an actor asked for, whatever "minimum" qualifies."""
    q = norm_hyphens(question)
    found = [m.group(0) for m in _QUANT_Q.finditer(q)]
    if found and all(_MIN_MAX.match(f) for f in found) and (_WHO.search(q) or _WHICH_GROUP_Q.search(q)):
        return False
    return bool(found)


_ENUM_NOUN = r"(?:ways|modes|options|types|kinds|methods|means|categories|forms|mechanisms|routes|approaches|models)"
# "what are the ways ITU-T can collaborate …", "is a liaison the only option or are there others?"
_ENUM_Q = re.compile(r"\b(?:what|which)\s+(?:are\s+)?(?:the\s+)?(?:\w+\s+)?" + _ENUM_NOUN + r"\b"
                     r"|\bother\s+(?:ways|options|modes)\b|\bonly\s+(?:option|way|mode)\b"
                     r"|\bhow\s+many\s+(?:different\s+)?" + _ENUM_NOUN + r"\b", _I)
# "can be carried out in one of three ways: …", "these three modes of collaboration"
_ENUMERATES = re.compile(r"\b(?:two|three|four|five|six|seven|eight|[2-9])\s+(?:[\w-]+\s+){0,2}?" + _ENUM_NOUN + r"\b", _I)


def asks_enumeration(question: str) -> bool:
    """"What are the ways …?": the answer is a clause that counts and names them."""
    return bool(_ENUM_Q.search(question))


def enumerates(text: str) -> bool:
    """The text counts the ways, modes or types it then names ("in one of three ways: by means of …")."""
    return bool(_ENUMERATES.search(text))


_DIRECTOR_OF_RE = re.compile(r"\bDirectors?\s+of\s+(?:the\s+)?(?:BR|TSB|BDT)\b(?!\s*\()")


def with_sectors(who: str) -> str:
    """"Director of BR (ITU-R)": the Sector a Bureau's Director stands for, which delegates ask about more
    often than the Bureau's initials."""
    def sector_added(m: re.Match[str]) -> str:
        sector = next((a.sector for _p, a in actors_in(m.group(0)) if a.sector), None)
        return f"{m.group(0)} ({sector})" if sector else m.group(0)

    return _DIRECTOR_OF_RE.sub(sector_added, who)


def holds_quantity(question: str, text: str) -> bool:
    """The text holds a span of the kind the question asks for ("two terms of office" for "how many
    terms", "annually" for "how often"), not just any number."""
    q = norm_hyphens(question)
    many = re.search(r"\b(?:how\s+many|number\s+of)\s+(\w+)", q, _I)
    if many:
        noun = lexical_tokens(many.group(1))
        if not noun:
            return False
        # "how many people …": "1 billion persons", "three Member States" — a count of that noun (or the
        # texts' word for it), one qualifier between at most; or, the first word being a compound's first
        # part, of the head of the phrase asked ("how many vice-chair candidates …": "two candidates")
        same = {noun[0]} | SYNONYMS.get(noun[0], frozenset())
        if re.match(r"\w+-", q[many.start(1):]) and (phrase := _HOW_MANY_PHRASE_RE.search(q)) \
                and _modifiers_held(phrase.group("mods"), text):
            head = lexical_tokens(phrase.group("head"))
            same |= set(head) | (SYNONYMS.get(head[0], frozenset()) if head else frozenset())
        if any(set(lexical_tokens(m.group("noun"))) & same for m in _COUNT.finditer(text)):
            return True
        # … or the count in brackets after them: "some Member States and Sector Members (normally at least four)"
        return any(set(lexical_tokens(" ".join(text[: m.start()].split()[-6:]))) & same
                   for m in _BRACKETED_COUNT.finditer(text))
    spans = _facing([m.group(0) for m in _SPAN.finditer(text)], q)
    if not spans:
        return False
    # Every kind the question asks for counts: "how much does an SME pay" is an amount in CHF or a share
    # of the contributory unit ("one-thirty second").
    kinds = _kinds_asked(q)
    return any(unit.search(s) for unit in kinds for s in spans)  # no kind known ("max delay in ms"): a guess


# The noun phrase "how many …" asks for: its modifiers and its head ("official languages", "vice-chair candidates").
_HOW_MANY_PHRASE_RE = re.compile(r"\bhow\s+many\s+(?P<mods>(?:[\w-]+\s+){0,2}?)(?P<head>[\w-]+)"
                                 r"(?=\s+(?:does|do|did|is|are|was|were|can|could|has|have|had|must|should|will|would|"
                                 r"shall|may|in|of|for|at|on|per|to)\b|\s*[?,.;]|\s*$)", _I)


def _asked_count_noun(question: str) -> list[str]:
    """The head of the noun phrase a "how many …" question asks for, stemmed: "official languages" →
    [languag], not "official"; [] when none is read."""
    many = _HOW_MANY_PHRASE_RE.search(norm_hyphens(question))
    return lexical_tokens(many.group("head")) if many else []


def _modifiers_held(modifiers: str, text: str) -> bool:
    """The words before the head of the phrase "how many …" asks for are in the text, a compound's parts
    counting ("vice-chair" in "vice-chairmen"; "OTT-related" needs OTT): a count of the head noun alone
    ("four Recommendations") is no count of "OTT-related recs"."""
    have = set(lexical_tokens(text))
    return all(holds(have, w) or all(holds(have, p) for p in w.split("-") if len(p) > 2 and p.lower() not in LOOSE_SUFFIXES)
               for w in modifiers.split())


def _count_of(question: str, text: str) -> str | None:
    """The count of the noun a "how many <noun>" question asks for, as the text gives it ("six official
    languages"), or None."""
    noun = _asked_count_noun(question)
    if not noun:
        return None
    same = {noun[0]} | SYNONYMS.get(noun[0], frozenset())
    for m in _COUNT.finditer(text):
        words = m.group(0).split()
        # … ending at that noun: "four States", not "four States have"
        at = next((n for n, w in enumerate(words) if n and set(lexical_tokens(w)) & same), None)
        if at is not None:
            return " ".join(words[: at + 1])
    return None


# "how long does the AAP Last Call comment period run?": what the span is asked of
_SPAN_SUBJECT_RE = re.compile(r"\bhow\s+(?:long|often|soon|far\s+ahead)\s+(?:does|do|is|are|will|can|must|should|may)\s+"
                              r"(?P<subject>[^?,(]+?)(?:\s+(?:run|last|take|stay|remain|be\s+open|go\s+on))?\s*(?:[?,(]|$)", _I)


# "how long before WTSA does TSAG meet …?": a doer named by its acronym, and what it does
_DOER_TIME_RE = re.compile(r"\bhow\s+(?:long|soon|far\s+ahead|many\s+(?:days|weeks|months))\s+(?:before|after|prior\s+to|ahead\s+of)"
                           r"\s+[^?]{1,50}?\s+(?:does|do|must|should|will|has\s+to|have\s+to)\s+(?:the\s+)?"
                           r"(?P<who>[A-Z][A-Z0-9-]{1,6})\s+(?:have\s+to\s+|need\s+to\s+)?(?P<verb>[a-z]{3,})\b")
_NAMED_FIRST_RE = re.compile(r"^\W*(?P<thing>[^?:]{3,60}?)\s*(?:[:\u2013\u2014]|\s-\s)\s*how\b", _I)


def asks_doers_time(question: str) -> bool:
    """"How long before WTSA does TSAG meet …?": the time of one doer's own step."""
    return _DOER_TIME_RE.search(norm_hyphens(question)) is not None


def states_quantity_of(question: str, text: str) -> bool:
    """The sentence that gives the span asked for is about what the question asks it of: "The last call
    encompasses the four-week time period" for the Last Call, not "The additional review encompasses a
    three-week time period …" (a clause on another step that mentions the last call further on)."""
    m = _SPAN_SUBJECT_RE.search(norm_hyphens(question))
    if m is None and (doing := _DOER_TIME_RE.search(norm_hyphens(question))) is not None:
        # "how long before WTSA does TSAG meet …?": "At least two months prior to WTSA, TSAG shall meet …", not
        # "At least one month before WTSA, the Director shall inform …" (another's step before the same event)
        # (the doer then its verb, a modal between: "TSAG shall meet", not "the TSAG meeting")
        does = re.compile(rf"\b{re.escape(doing.group('who'))}\s+(?:\w+\s+){{0,2}}?{re.escape(doing.group('verb'))}\b", _I)
        return any(holds_quantity(question, text[a:b]) and does.search(text[a:b]) for a, b in segments(text))
    # a thing named ("the AAP last call"), not a doer and its task ("the Director have to send out …")
    if not m or len(m.group("subject").split()) > 6 or re.search(r"\b(?:to|have|has|get|gets|need|needs)\b",
                                                                  m.group("subject"), _I):
        return False
    wanted = {t for t in lexical_tokens(m.group("subject")) if t not in STOPWORDS}
    # "U.1 guard delay - how long are incoming calls refused …?": the thing is named first, chat style
    if (first := _NAMED_FIRST_RE.match(norm_hyphens(question))) is not None:
        wanted |= {t for t in lexical_tokens(first.group("thing")) if not any(ch.isdigit() for ch in t)}
    for a, b in segments(text):
        piece = text[a:b]
        if holds_quantity(question, piece):
            span = _SPAN.search(piece)
            before = piece[: span.start()] if span else piece
            if wanted & set(lexical_tokens(" ".join(before.split()[:8]))):
                return True
    return False


def question_named(question: str, text: str) -> tuple[str, str] | None:
    """For "which Question … ?", (the Question, the sentence) of the sentence naming one that shares most
    of the question's other words ("We therefore proposed Q4 to host the incubation role …" for "which
    question hosts the incubation queue?"); None when no such sentence shares any."""
    if not _WHICH_QUESTION_Q.search(question):
        return None
    best = _question_sentence(text, _words_beside_question(question), _questions_aside(question))
    return (best[1], best[2]) if best else None


def _words_beside_question(question: str) -> set[str]:
    """The question's words other than those asking for a Question: what the sentence naming it must share."""
    return set(lexical_tokens(question)) - set(lexical_tokens("question questions sg17 study group"))


def _questions_aside(question: str) -> set[str]:
    """"if Q4 hadn't been picked, which question was next in line?", "other than Q4": the Question set aside
    is not the answer."""
    aside = set(_QUESTION_NAMED.findall(question)) if _NOT_CHOSEN_Q.search(question) else set()
    return aside | {q for m in _SET_ASIDE_RE.finditer(question) for q in _QUESTION_NAMED.findall(m.group("x"))}


def _question_sentence(text: str, wanted: set[str], aside: set[str]) -> tuple[int, str, str] | None:
    """(words shared, the Question, the sentence) of the sentence naming one Question that shares most."""
    best: tuple[int, str, str] | None = None
    for a, b in segments(text):
        piece = text[a:b]
        # (not one the sentence says did not get it: "… didn't come in Q1 because the experts were not there")
        denied = {m.group(0) for m in _QUESTION_NAMED.finditer(piece)
                  if re.search(r"\b(?:not|never)\b|n['\u2019]t\b", piece[max(0, m.start() - 40): m.start()], _I)}
        named = [m.group(0) for m in _QUESTION_NAMED.finditer(piece) if m.group(0) not in aside | denied]
        shared = len(wanted & set(lexical_tokens(piece)))
        if len(set(named)) == 1 and shared and (best is None or shared > best[0]):
            best = (shared, named[0], piece)
    return best


def asks_to_whom(question: str) -> bool:
    """"Who does the Director report to?": the body reported to is the answer."""
    return bool(_TO_WHOM.search(question))


def asks_which_question(question: str) -> bool:
    return bool(_WHICH_QUESTION_Q.search(question))


def naming_question(question: str, clauses: list[Clause]) -> Clause | None:
    """For "which Question … ?", the clause whose sentence naming a Question shares most of the question's
    words (the first of equals): "Q4 hosts the incubation management part of the incubation mechanism" for
    "which SG17 Question hosts the incubation mechanism?", which the mechanism's description outranks."""
    if not _WHICH_QUESTION_Q.search(question):
        return None
    wanted, aside = _words_beside_question(question), _questions_aside(question)
    scored = [(found[0], -n, c) for n, c in enumerate(clauses) if (found := _question_sentence(c.text, wanted, aside))]
    return max(scored, key=lambda x: x[:2])[2] if scored else None


# … as what is asked, not inside it ("how long do admins have to say which SGs they want to join?")
_ASKS_GROUP = re.compile(r"(?:^|[:;\u2013\u2014?]|\s-)\W*(?:so\s+)?" + _WHICH_GROUP_Q.pattern, _I)


def group_named(question: str, text: str) -> bool:
    """For "which study group …?", the text names one ("ITU-T, in particular Study Group 3, …")."""
    return bool(_ASKS_GROUP.search(question) and _GROUP_NAMED.search(text))


_WHO_DOES = (r"who(?:'s|\s+is|\s+are)?\s+(?:supposed\s+to\s+|meant\s+to\s+|has\s+to\s+|have\s+to\s+|must\s+|"
             r"should\s+|can\s+|will\s+|does\s+|do\s+|gets?\s+to\s+)?"
             # "who actually appoints …": the verb after the chat adverb
             r"(?:(?:actually|really|usually|normally|formally|officially|ultimately|finally|then)\s+)?"
             r"(?P<verb>[a-z]+)\b")
# … first in the question, or after the scene it is asked in ("during TAP, who tells …?")
# (… or the topic first, then a dash: "joint SG that WTSA sets up with the radio side - who manages it?")
_WHO_VERB = re.compile(r"^\s*(?:(?:during|under|in|for|at|after|before|once|when)\s+[^,?]{1,40},\s*"
                       r"|[^?]{3,120}?\s[-\u2013\u2014]\s+)?" + _WHO_DOES, _I)
_MODAL = re.compile(r"\b(?:shall|will|may|should|must|is\s+to|are\s+to)\s+(?:(?:also|then|normally|not|be)\s+)?"
                    r"(?P<verb>[a-z]+)\b", _I)


_NOT_DOING = frozenset(lexical_tokens("is are was were be has have had does do did handles handle leads lead deals "
                                     "chairs chair heads head reports report presides convenes "
                                     "looks takes gets runs"))


_WHO_VERB_ANYWHERE = re.compile(r"\b" + _WHO_DOES, _I)


def _does_what_is_asked(question: str, segment: str) -> bool:
    """An actor merely mentioned in a sentence answers "who prepares the agenda?" only if the sentence
    speaks of that doing ("Given the growing size of SG17 …" names SG17, which prepares nothing)."""
    wm = _WHO_VERB_ANYWHERE.search(question)
    verb = lexical_tokens(wm.group("verb")) if wm else []
    if not verb or verb[0] in _NOT_DOING:
        return True
    return verb[0] in set(lexical_tokens(segment))


def asks_doer(question: str) -> bool:
    """"Who decides …?", "who appoints …?": the answer is whoever a clause says does that verb."""
    wm = _WHO_VERB.match(question)
    verb = lexical_tokens(wm.group("verb")) if wm else []
    return bool(verb) and verb[0] not in _SHAPE and verb[0] not in _NOT_DOING


# Verbs of telling that the texts use for one another ("who tells BR …?": "The Director of TSB shall advise …").
_VERB_KIN = [frozenset(lexical_tokens("tell inform advise notify")),
             # "who writes up the report?": "a report … shall be prepared by TSB"
             frozenset(lexical_tokens("write prepare draft")),
             # "who fixes the exact dates?": "the precise dates and places will be set by the Council"
             frozenset(lexical_tokens("fix set determine"))]


def _same_verb(word: str, stemmed: str) -> bool:
    """The typed `word` is the verb `stemmed`, or one of its kin."""
    a = next(iter(lexical_tokens(word)), "")
    return a == stemmed or any(a in kin and stemmed in kin for kin in _VERB_KIN)


def doer(question: str, clause: Clause) -> tuple[Actor, str] | None:
    """The actor a clause says does what a "who <verb>s …?" question asks ("WTSA shall appoint …" for
    "who appoints …"), with the sentence saying so; None when no sentence has that verb after a modal
    with an actor just before it."""
    wm = _WHO_VERB.match(question)
    verb = lexical_tokens(wm.group("verb")) if wm else []
    if not verb or verb[0] in _SHAPE:
        return None
    for a, b in segments(clause.text):
        sentence = clause.text[a:b]
        for m in _MODAL.finditer(sentence):
            # "ITU-T shall be responsible for the management of this study group" for "who manages it?"
            held = _RESPONSIBLE_FOR_RE.match(sentence, m.end()) if m.group("verb").lower() == "responsible" else None
            if not _same_verb(held.group("noun") if held else m.group("verb"), verb[0]):
                continue
            if re.search(r"\bbe\s+\w+$", m.group(0)) and re.match(r"\s+by\b", sentence[m.end():]):
                continue  # "a report … shall be prepared by TSB": the one before is what is done, the agent follows
            before = actors_in(sentence[max(0, m.start() - 80): m.start()], document_sector(clause.instrument))
            if before:
                return before[-1][1], sentence
        # "the audit of ITU Telecom accounts shall be carried out by the External Auditor of the Union" for
        # "who audits …": the verb asked named as a noun, done by the agent after "by" (a name the actor
        # list need not know)
        for m in _DONE_BY_RE.finditer(sentence):
            if _same_verb(m.group("noun"), verb[0]):
                named = actors_in(m.group("agent"), document_sector(clause.instrument))
                return (named[0][1] if named else Actor(m.group("agent"), None)), sentence
        # "New or revised Questions may be approved by a study group if …": the agent of the passive
        for m in _PASSIVE_RE.finditer(sentence):
            if not _same_verb(m.group("verb"), verb[0]):
                continue
            after = actors_in(sentence[m.end(): m.end() + 60], document_sector(clause.instrument))
            if after:
                return after[0][1], sentence
    return None


def tasked_to(question: str, clause: Clause) -> bool:
    """The clause gives someone the task a "who <verb>s …?" question asks: "instructs the ITU Council: to
    review and approve the balanced biennial budgets" for "who approves the biennial budget?"."""
    wm = _WHO_VERB.match(question)
    verb = lexical_tokens(wm.group("verb")) if wm else []
    return bool(verb) and verb[0] not in _SHAPE and verb[0] not in _BEING_TASKED and any(
        gives_task(m) and verb[0] in lexical_tokens(m.what) for m in clause.mandates)


# "who is tasked with …", "who is asked to …": the words of being given a task, not the task ("Task Force")
_BEING_TASKED = frozenset(lexical_tokens("tasked asked told instructed invited requested responsible meant supposed "
                                         "expected required allowed entitled charged mandated called"))


_RESPONSIBLE_FOR_RE = re.compile(r"\s+for\s+(?:the\s+)?(?P<noun>[a-z]+)\b", _I)
_DONE_BY_RE = re.compile(r"\b(?:the|an?)\s+(?P<noun>[a-z]+)\b[^.;]{0,80}?\b(?:be|is|are)\s+(?:carried\s+out|undertaken|"
                         r"performed|conducted|done)\s+by\s+(?:the\s+)?"
                         r"(?P<agent>[A-Z][\w-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w-]*){0,5})")
# "… may be approved by a study group", "Rapporteurs may be appointed (…) at any time with the agreement of the
# competent working party, or of the study group"
_PASSIVE_RE = re.compile(r"\b(?:be|is|are|been|being)\s+(?P<verb>[a-z]+(?:ed|en)|set|put|held|made|sent|kept|run)\b"
                         r"(?:\s+by\s+|[^.;]{0,80}?\bwith\s+the\s+(?:agreement|approval|consent|endorsement)\s+of\s+)", _I)


def _three(sectors: list[Sector | None]) -> list[Sector]:
    """The Sectors among ITU-R, ITU-T, ITU-D (the General Secretariat is not a Sector), in that order."""
    return [x for x in THREE if x in sectors]


def and_joined(names: list[str]) -> str:
    """"a", "a and b", "a, b and c" (empty names left out; none is "")."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return names[0] if names else ""
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
