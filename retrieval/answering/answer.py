"""Question → Answer with verified citations: read the question once, gather evidence, hand it to the
composer of its intent, let an LLM phrase it when one is configured, and check every citation before
anyone sees it."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Protocol

from retrieval.answering.abbreviations import RARE_USES, expansion_pairs, initials, names_by_initials, short_forms_in
from retrieval.answering.cite import CiteResult, describe_reference, revision_matches, select_part
from retrieval.answering.compose import MAX_CITATIONS, asks_who, lead, note
from retrieval.answering.compose.ask import compose_abstain, compose_ask, thin_note
from retrieval.answering.compose.cite import asks_inside, asks_overview, compose_cite, whole_instrument
from retrieval.answering.compose.confirm import confirmation, sectors_tasked
from retrieval.answering.compose.cover import (
    about_a_document,
    compose_cover,
    cover_rows_asked,
    recommendation_about,
    recommendation_named,
)
from retrieval.answering.compose.direct import (
    asks_deadline,
    asks_doer,
    asks_enumeration,
    asks_quantity,
    asks_to_whom,
    asks_which_question,
    defined_term,
    defines,
    doer,
    enumerates,
    gives_deadline,
    holds_quantity,
    naming_question,
    set_aside,
)
from retrieval.answering.compose.evidence import (
    Verdict,
    absent_topic_words,
    asked_as_source,
    asks_amount,
    asks_fate,
    asks_its_words,
    asks_published_form,
    asks_when,
    basic_text_asked,
    basic_text_quoted,
    content_terms,
    countries_in,
    decided_at,
    gives_amount,
    judge,
    key_text,
    meetings_in,
    mentioned,
    named_things,
    recommendations_asked,
    without_recommendations,
)
from retrieval.answering.compose.find import compose_find, names_topic
from retrieval.answering.compose.history import (
    adoption_sentence,
    asks_adoption,
    asks_approval_history,
    compose_approval,
    compose_history,
)
from retrieval.answering.compose.mandate import (
    LIST_LIMIT,
    MandateAsk,
    compose_mandate,
    find_mandates,
    list_mandates,
    read_mandate_question,
)
from retrieval.answering.compose.owner import (
    compose_owner,
    compose_thing_owner,
    name_forms,
    owned_names,
    owner_asked,
    owner_of,
    thing_owner,
)
from retrieval.answering.compose.sector import NAMES_TOPIC, compose_sector, topic_terms
from retrieval.answering.compose.series import (
    asks_which_series,
    compose_series,
    series_asked,
    series_for,
    series_line,
)
from retrieval.answering.compose.topic import SUPPORT, clean_topic, held_by
from retrieval.answering.facts import CorpusFacts
from retrieval.answering.language import LANGUAGE_NAMES, answers_in, english_only_note
from retrieval.answering.llm import ChatLLM
from retrieval.answering.query import (
    ACRONYM_RE,
    Query,
    asks_what_changed,
    asks_which_sector,
    in_texts_words,
    instruments_described,
    meeting_symbols,
    parse_reference,
    part_named,
    read_query,
    reading_notes,
    search_form,
    venue_named,
    without_alternatives,
    without_references,
    without_remark,
)
from retrieval.answering.search import Filters
from retrieval.answering.spelling import MIN_CORPUS_FIX, english_count, speller_for
from retrieval.answering.verify import claim_supported, keep_verified
from retrieval.core.citations import citation, display, instrument_display, version_display
from retrieval.core.config import Settings
from retrieval.core.errors import LLMError
from retrieval.core.models import (
    SECTORS,
    THREE,
    Answer,
    AnswerLine,
    Citation,
    Clause,
    Reference,
    SearchHit,
    Span,
    plain_text,
)
from retrieval.core.text import norm_hyphens
from retrieval.indexing.catalog import Catalog
from retrieval.indexing.lexical import holds, lexical_tokens, stem
from retrieval.parsing.mandates import actors_in, document_sector, gives_task, is_front_matter, is_recital
from retrieval.parsing.sectors import SECTOR_NAMES

log = logging.getLogger(__name__)
# A text not indexed, restated by one of the best clauses (see Answerer._restated): that clause must hold this
# share of the rest of the question, of at least this many words, among the first few hits.
RESTATED, RESTATED_TERMS, RESTATED_HITS = 0.5, 3, 5
UNKNOWN_TOPIC_SHARE = 0.3  # of a Sector question's topic words the corpus never uses: nothing speaks of it
MAX_CHANGED = 4  # resolutions shown for "what changed at <venue>?"
_PRONOUN_RE = re.compile(r"(?:it|this|that|these|those|them)\b", re.IGNORECASE)  # "… on it": a topic said before
ALIAS_CACHE = 256  # questions whose abbreviation look-ups are kept
ABBREVIATION_LINES = 20  # clauses read for the definition of an abbreviation a question uses or spells out
TITLE_COVERAGE = 0.6  # a meeting document asked about by description: its title holds this share of it …
DESCRIBED_COVERAGE = 0.75  # an instrument named by its subject: its title holds this share of the subject
TITLE_MARGIN = 0.1  # … and is within this of the best title (two revisions of one text are both shown)
MAX_COVERS = 3  # more documents than this fit the description: it is searched instead
TOPIC_DOCS = 3  # hits whose instruments a mandate question reads when no mandate clause words its topic
TOPIC_HITS = 10  # a "which Sector" topic keeps the words these best hits hold …
HELD_SHARE = 0.6  # … when they are this share of its idf mass
SCOPED_LEXICAL_KEPT = 3  # in a search within the texts named, the best this many by their words stay candidates
COVERAGE_FLOOR = 0.75  # share of the query's idf mass a clause must hold to count as lexical evidence
RESOLUTIONS_RE = re.compile(r"\bresolutions?\b", re.IGNORECASE)
RECOMMENDATIONS_RE = re.compile(r"\b(?:recommendations?|recs?)\b(?!\s+ITU)", re.IGNORECASE)


SIBLINGS_READ = 4  # numbered clauses after the best one read for the quantity it introduces but does not give
QUESTION_NAMING_DEPTH = 40  # clauses of the best few's documents read for one naming the Question asked for
RERANK_DEPTH = 15  # hits of a plain question the rerank reads before the first few are kept
EVERY_USE = 1 << 30  # "however often the texts use it": the coverage reads every short form a text defines
COVERAGE_NUDGE = 0.1  # measured 0.1/0.2/0.3 on 996 questions: 0.1 gained 3 and lost none, more lost some
RECITAL_WEIGHT = 0.9  # a preamble clause gives context; the operative part says what was decided
TASKED_WEIGHT = 1.1  # for "who …?" questions, a clause that gives someone a task names the answer
REPORTS_TO_WEIGHT = 1.5  # for "whom does X report to?", a clause having X report to someone
PLACE_COVERAGE = 0.5  # … and holding this share of the question
PLACE_HITS = 3  # clauses naming a country the question names, added when no hit names it
PLACE_WEIGHT = 1.5  # a clause naming the country the question names
ROW_HITS = 2  # table rows whose first cell is a code the question names ("C4"): both revisions of a text
ROW_SHARED = 2  # … in a document whose title or row holds this many of the question's other words
# "C4", "R12", "Q4": a short code a table's first column gives its rows (not "SG17", "5G", "G20")
_ROW_CODE_RE = re.compile(r"\b(?!SG)[A-Z]{1,2}\d{1,2}\b(?![./-]\d)")
# "what does the D series cover?", "series E": a letter series, a row of the list that gives their scope ("D\tTariff …")
# ("the A-series supplement", "which A-series rec": a text of the series, not what the series covers)
_SERIES_RE = re.compile(r"\b(?:the\s+)?([A-Z])[-\s]series\b(?!\s+(?i:supp\w*|rec\w*|documents?|texts?))"
                        # ("A.12 series letter D - covers what?")
                        r"|\bseries\s+(?:letter\s+)?([A-Z])\b(?![.-]\d)")
OPERATIVE_QUANTITY_WEIGHT = 1.1  # … and more so when an operative clause gives it
AMOUNT_BELOW_COVERAGE = 0.3  # of the question's idf mass a clause further down giving the sum asked must hold
QUANTITY_WEIGHT = 1.15  # for "how many terms …?", a clause giving "two terms" holds the answer
DOER_WEIGHT = 1.15  # for "who decides …?", a clause saying "the Council shall decide …" names the answer
NAMED_BODY_WEIGHT = 1.1  # … and one naming the body the question names ("TSAG") before one on groups in general
DEFINITION_WEIGHT = 1.3  # for "what is X?", a clause saying "X is …", "X: …" or spelling X out
SET_ASIDE_WEIGHT = 0.8  # a clause on what the question sets aside ("leaving aside disaster cases")
DEADLINE_WEIGHT = 1.2  # for "what's the deadline …", a clause setting a time before an event
MEETING_WEIGHT = 1.15  # for "when …" of a meeting, a clause giving it for that meeting
PART_CANDIDATE_SHARE = 0.8  # such a clause the search missed joins at this share of the best score
PART_VERB_WEIGHT = 1.3  # "what does Res 191 resolve about X?": its resolves before its instructions
# "what does Res 191 resolve about …", "what did Decision 5 decide on …": the verb names the part asked for
_PART_VERB_RE = re.compile(r"\bwhat\s+(?:does|did|do)\s+(?:[\w.-]+\s+){1,5}?(?P<verb>resolve|decide)\b", re.IGNORECASE)
_BODY_ACRONYM_RE = re.compile(r"\b(TSAG|TDAG|RAG|ISCG|ISC-TF|IRG-AVA|JCA-AHF|CWG-[A-Z]+)\b")  # not "SG17": every SG17 paper names it
ENUMERATION_WEIGHT = 1.15  # for "what are the ways …?", a clause counting them ("in one of three ways: …")
OFFICIAL_LANGUAGES = frozenset({"en", "fr", "es", "ru", "ar", "zh"})  # the languages ITU publishes its texts in
OTHER_LANGUAGE_WEIGHT = 0.8  # the same text in another language than the question's ("~es" versions)
DOCUMENT_ROW_WEIGHT = 0.6  # for "who …?", a table row listing a document ("TD2079 | Agenda of …") names no one
_DOCUMENT_ROW_RE = re.compile(r"^\s*(?:TD\s?\d+|C\s?\d+|[A-Z]{1,4}\d*-(?:TD|C)\d+)(?:\s*\(\w+\))?\s*\|")
_WHO_RE = re.compile(r"^(?:[^?]{0,40}?\s[-\u2013\u2014:]\s+)?\s*who\b|\bwho\s+(?:must|has\s+to|should|shall|is\s+to)\b", re.IGNORECASE)


HEADING_WEIGHT = 0.85  # a bare heading ("Participation in meetings") found for a question about its subject
_HEADING_RE = re.compile(r"^[A-Z][^.;:!?\n]{0,80}$")


def _is_heading(text: str) -> bool:
    """A bare heading, or a short line that only asks ("Central or distributed incubation queue?", a
    questionnaire's "Is the queue manageable?"): neither says anything about its subject."""
    t = " ".join(text.split())
    if (t.endswith("?") or re.match(r"(?:Is|Are|Does|Do|How|What|Why|Which|Should|Can|Could)\b", t)) \
            and len(t.split()) <= 15:
        return True
    return bool(_HEADING_RE.match(t)) and len(t.split()) <= 8 and not re.search(r"\b(?:shall|should|may|must|is|are)\b", t)


_PURPOSE_WORDS = frozenset(lexical_tokens("achieve achieving aim aims aiming purpose goal goals objective objectives "
                                          "intent intended intends"))


_BETWEEN_RE = re.compile(r"\bbetween\s+(?:two\s+|successive\s+|the\s+)?(WTSA|WTDC|WRC|RA|PP|TSAG|TDAG|RAG)s?\b",
                         re.IGNORECASE)


# "decide", "adopt", "agree", "approve": what a conference concluded, not what it changed (a diff)
_DECISION_VERB_RE = re.compile(r"\b(?:decide[ds]?|decision|adopt(?:s|ed)?|agree[ds]?|approve[ds]?|conclude[ds]?)\b",
                               re.IGNORECASE)


def _with_amount_below(query: Query, ranked: list[SearchHit], coverage: Callable[[str], float],
                         scoped: bool = False) -> list[SearchHit]:
    """"SME associate fee - developing country rate?" (scoped to Res 209) ranks three clauses saying "fees"
    above the one setting them ("one-thirty second of the contributory unit", fourth): when none of the first
    three gives the sum asked, the first one further down that does, and holds enough of
    the question's words, comes third, where the judge reads it. `scoped`: the search read only the texts the
    question names; there, the clause giving it is what was asked, however few of its words it holds, and
    comes first."""
    # "SME fee res 209 - …" is the heading "SME fee - …"
    if not asks_amount(without_references(query.text)):
        return ranked

    def gives(c: Clause) -> bool:
        # (a sum, as a sum: "fewer than 250 employees" is no fee; a count asked is no such clear kind, and
        # lifting the first clause holding some number lost more than it gained)
        return gives_amount(c.text, query.text)

    if any(gives(h.clause) for h in ranked[:3]):
        return ranked
    below = next((h for h in ranked[3:] if gives(h.clause)
                  and (scoped or coverage(h.clause.text) >= AMOUNT_BELOW_COVERAGE)), None)
    if below is None:
        return ranked
    rest = [h for h in ranked if h is not below]
    return [below, *rest] if scoped else [*rest[:2], below, *rest[2:]]


def rerank(hits: list[SearchHit], query: Query, coverage: Callable[[str], float] | None = None) -> list[SearchHit]:
    """The fused order, nudged by what ITU texts are: operative clauses before recitals, for a "who"
    question clauses that task an actor first, and for "how many terms …" clauses that give that kind of
    quantity. A nudge, not a filter: a recital that matches much better still comes first."""
    who = bool(_WHO_RE.search(query.text))
    to_whom = query.intent == "ask" and asks_to_whom(query.text)
    named_actors = {a.name for _s, a in actors_in(query.text)} if to_whom else set()
    quantity = query.intent == "ask" and asks_quantity(query.text)
    listing = query.intent == "ask" and asks_enumeration(query.text)
    amount = query.intent == "ask" and asks_amount(query.text)
    doing = query.intent == "ask" and asks_doer(query.text)
    deadline = query.intent == "ask" and asks_deadline(query.text)
    aside = set_aside(query.text) if query.intent == "ask" else set()
    # ("a sup5 - what is a common team?", "what is a common team in A.Sup5?": the text named is no word of it)
    term = defined_term(without_recommendations(without_references(query.text))) if query.intent == "ask" else None
    # A country the question names is a condition, not a word among others: "Afghanistan … which Sector"
    # is answered by the clause about Afghanistan (a long annex listing it ranks low on meaning).
    places = countries_in(query.text)
    # "who appoints the TSAG chair?": the body the question names by its acronym is named by the answer
    bodies = set(_BODY_ACRONYM_RE.findall(query.text)) if who or doing else set()
    # "who approves a Question between WTSAs?": the assembly named is when it is not sitting, not who acts
    between = {b.upper() for b in _BETWEEN_RE.findall(query.text)} if who or doing else set()
    bodies -= between
    by_between = re.compile(rf"\bby\s+(?:the\s+)?(?:{'|'.join(sorted(between))})\b") if between else None
    # "deadline for contributions before a SG meeting?": a clause giving it for that meeting before one
    # giving WTSA's
    meeting = meetings_in(without_references(query.text)) if query.intent == "ask" and asks_when(query.text) else []
    part_asked = part_verb_asked(query)

    def weight(h: SearchHit) -> float:
        c = h.clause
        w = RECITAL_WEIGHT if is_recital(c) else 1.0
        # A version in the question's language before the same text in another ("~es" in the id).
        lang = c.doc_id.rpartition("~")[2] if "~" in c.doc_id else "en"
        # a question read in English searched English; one in a language no text is in, English too
        if lang != ("en" if query.read_as or query.language not in OFFICIAL_LANGUAGES else query.language):
            w *= OTHER_LANGUAGE_WEIGHT
        if who and any(gives_task(m) for m in c.mandates):
            w *= TASKED_WEIGHT
        if to_whom and any(m.role == "reports" and m.to for m in c.mandates):
            # "who are the three Directors supposed to report to?": a clause saying whom they report to, before
            # the contribution's story of the task force
            w *= REPORTS_TO_WEIGHT if named_actors & {m.actor for m in c.mandates} else TASKED_WEIGHT
        if (who or doing) and _DOCUMENT_ROW_RE.match(c.text):
            w *= DOCUMENT_ROW_WEIGHT
        if doing and doer(query.text, c) is not None:
            w *= DOER_WEIGHT
        held = quantity and holds_quantity(query.text, c.text)
        if held:
            # The operative clause that sets the number ("shall not exceed two terms") before a recital
            # that mentions it ("a maximum time in office of two terms … provides for stability").
            w *= QUANTITY_WEIGHT * (1.0 if is_recital(c) else OPERATIVE_QUANTITY_WEIGHT)
        if amount and not held and gives_amount(c.text, query.text):
            # "what is the budget cap for the new HQ building?": the clause giving a sum ("CHF 140 million")
            w *= QUANTITY_WEIGHT
        if deadline and gives_deadline(c.text, query.text):
            # "deadline for contributions to a SG meeting?": "shall reach TSB at least 12 calendar days before
            # the meeting", not "the timetable … communicated well in advance (one year)"
            w *= DEADLINE_WEIGHT
        if term and defines(c.text, term):
            # "what is the incubation mechanism?": "The incubation mechanism is a mechanism that allows …", not
            # "Risks of the incubation mechanism"
            w *= DEFINITION_WEIGHT
        if by_between is not None and by_between.search(c.text):
            w *= SET_ASIDE_WEIGHT  # "may be approved by WTSA": what the assembly itself does
        if aside and aside & set(lexical_tokens(c.text)):
            # "longest repayment schedule, leaving aside disaster or conflict cases?": not the clause on them
            w *= SET_ASIDE_WEIGHT
        if listing and enumerates(c.text):
            w *= ENUMERATION_WEIGHT
        if bodies and all(re.search(rf"\b{re.escape(b)}\b", c.text) for b in bodies):
            w *= NAMED_BODY_WEIGHT
        if len(meeting) == 1 and meeting[0] in meetings_in(c.text):
            # (another meeting's clause is not pushed down: when nothing better comes first, the judge must see
            # it and say so, rather than let a clause on some other matter answer)
            w *= MEETING_WEIGHT
        if places and any(p in c.text for p in places):
            w *= PLACE_WEIGHT
        if query.intent == "ask" and _is_heading(c.text):
            # "Participation in meetings" names a subject; the clauses under it say something about it.
            w *= HEADING_WEIGHT
        if part_asked and c.part.lower().startswith(part_asked):
            w *= PART_VERB_WEIGHT
        if coverage is not None and query.intent == "ask":
            # A clause holding all of the question's rare words ("WTSA shall appoint the chairman and
            # vice-chairmen of TSAG") before one that is closer in meaning but lacks one of them (TSAG).
            # The document's title counts: a clause of "Alternative approval process …" is about AAP.
            w *= 1.0 - COVERAGE_NUDGE + COVERAGE_NUDGE * coverage(f"{c.instrument.title or ''} {c.part} {c.text}")
        return h.score * w

    return sorted(hits, key=weight, reverse=True)


# "in the annex of the resolution on …", "in the Res 34 annex" (not "Annex 2", a label the reference reads)
_ANNEX_ASKED_RE = re.compile(r"\b(?:in|of|from|under)\s+(?:the\s+|its\s+|that\s+)?(?:[\w.-]+\s+){0,3}?annex\b"
                             r"(?!\s+(?:\d|[A-Z]\b))", re.IGNORECASE)


def part_verb_asked(query: Query) -> str:
    """"resolves" for "what does Res 191 resolve about …?" (a question scoped by the instrument it names); "annex"
    for a question asking what is in an instrument's annex."""
    m = _PART_VERB_RE.search(query.text) if query.intent == "ask" and query.references else None
    if m is None and query.intent == "ask" and _ANNEX_ASKED_RE.search(query.text):
        # "which countries are listed in the annex of the resolution on …": the annex is the part asked for
        return "annex"
    return f"{m.group('verb').lower()}s" if m else ""


def _most_specific(subject: str, titles: dict[str, str]) -> set[str]:
    """Of titles that all hold the subject's words, the one(s) made mostly of them, when clearly more so
    than the others (its share of title words at least twice theirs); else all."""
    want = set(lexical_tokens(subject))

    def share(title: str) -> float:
        words = set(lexical_tokens(title))
        return len(words & want) / max(1, len(words))

    by_doc = {d: share(t) for d, t in titles.items()}
    top = max(by_doc.values(), default=0.0)
    best = {d for d, x in by_doc.items() if x == top}
    rest = max((x for d, x in by_doc.items() if d.split("@")[0] not in {b.split("@")[0] for b in best}), default=0.0)
    return best if top >= 2 * rest else set(titles)


def _kind_matches(ref: Reference, c: Clause) -> bool:
    """"Res 11" names PP Resolution 11, "Decision 11" PP Decision 11: the same number, two instruments. A
    Recommendation or a meeting document is named by its number or symbol alone."""
    kind = ref.kind or ("resolution" if re.search(r"\bR[eé]s", ref.text, re.IGNORECASE) else None)
    if kind not in ("resolution", "decision") or c.instrument.kind not in ("resolution", "decision"):
        return True
    return c.instrument.kind == kind



# "what happened with ISCG after WTSA-12, according to the RCC contribution?": what the document says happened
_PER_DOCUMENT_RE = re.compile(r"\b(?:according\s+to|per|in|from)\s+(?:the\s+|this\s+|that\s+)?(?:[\w/.-]+\s+){0,2}"
                              r"(?:contribution|document|TD|proposal|paper)s?\b", re.IGNORECASE)
_FATE_NOT_HERE = ("The corpus holds what meeting documents propose; what the meeting decided on them is in its "
                  "report, not in these texts.")

class Corpus(Protocol):
    """What answering needs from the index. The search Engine is the real one; tests pass an
    in-memory corpus (harness/fakes.py) so composers run without a model or a store."""

    settings: Settings

    def search(self, query: str, k: int = 5, filters: Filters | None = None) -> list[SearchHit]: ...
    def cite(self, ref: Reference) -> CiteResult: ...
    def catalog(self, fresh: bool = False) -> Catalog: ...


_SECTOR_SCOPED_RE = re.compile(r"\b(?P<s>ITU-[RTD])(?:(?:'s)?\s+(?:study\s+groups?|SGs?|working\s+part(?:y|ies)|meetings?|recs|"
                               r"Recommendations|"
                               r"assembl(?:y|ies)|conferences?|advisory\s+group|Questions?|procedures?|rules?|members?)"
                               # "ITU-R's simultaneous adoption and approval by correspondence procedure"
                               r"|'s\s+(?:[\w-]+\s+){1,6}?(?:procedures?|process|rules?|methods?))\b",
                               re.IGNORECASE)


def other_sector(query: Query, clauses: list[Clause]) -> tuple[str, str] | None:
    """("ITU-D", "ITU-T") when a question asks about one Sector's own groups or procedures ("before an ITU-D
    study group meeting") and every clause found is another Sector's own text that never names it: ITU-T's
    12-day rule in A.1 does not answer for ITU-D."""
    if query.intent in ("sector", "cite", "diff", "refs"):
        return None
    scoped = {m.group("s").upper() for m in _SECTOR_SCOPED_RE.finditer(query.text)}
    if len(scoped) != 1 or not clauses:
        return None
    asked = scoped.pop()
    owners = {document_sector(c.instrument) for c in clauses}
    if len(owners) == 1 and (found := owners.pop()) in THREE and found != asked \
            and not any(_names_scope(c.text, asked) for c in clauses) and not _names_scope(query.text, found) \
            and not re.search(rf"(?<![\w.-]){found[-1]}\s+(?:rapporteurs?|sector|study\s+groups?|SGs?|Questions?)\b",
                              query.text):
        # (… unless the question is about that Sector's own, asking how it deals with the other: "can a T
        # rapporteur be the contact point towards ITU-D study groups?")
        return asked, str(found)
    return None


def _names_scope(text: str, sector: str) -> bool:
    """The text speaks of that Sector's own groups or procedures ("ITU-R study groups", "the study groups of the
    Radiocommunication Sector", "the Radiocommunication Assembly"), not of the Sector in passing (a rapporteur's
    liaison "with ITU-R and ITU-D" is no ITU-R procedure)."""
    t = norm_hyphens(text)
    word = SECTOR_NAMES[sector].split("(", 1)[1].removesuffix(" Sector)")  # "Radiocommunication", …
    return any(m.group("s").upper() == sector for m in _SECTOR_SCOPED_RE.finditer(t)) or bool(re.search(
        rf"\b(?:study\s+groups?|working\s+part(?:y|ies)|procedures?|rules?)\s+of\s+(?:the\s+)?(?:ITU\s+)?{word}\s+Sector\b"
        rf"|\b{word}\s+(?:Assembly|Advisory\s+Group|Bureau|Sector\s+study\s+groups?)\b", t, re.IGNORECASE))


_UNION_ORGANS = frozenset({"Secretary-General", "Deputy Secretary-General", "Council", "Plenipotentiary Conference",
                           "General Secretariat", "ISCG", "ISC-TF"})


def _tasks_no_sector(c: Clause) -> bool:
    """The clause gives tasks, and only to the Union's own organs of no one Sector (the Secretary-General,
    Council): "who coordinates …" is answered by them. Member States invited to support something do not
    lead it ("who leads ITU's work on cybersecurity?")."""
    tasks = [m for m in c.mandates if gives_task(m)]
    return bool(tasks) and all(m.sector == "GS" or m.actor in _UNION_ORGANS for m in tasks)


# Nouns that name no subject of their own ("what does E.119 say about protecting contact details?")
_NO_SUBJECT = frozenset(lexical_tokens("details detail aspects aspect provisions provision things thing parts part "
                                       "requirements requirement rules rule matters matter issues issue questions "
                                       "question terms term points point information cases case kinds kind types type "
                                       "ways way means role roles"))
# An edition named as such: "the WTSA-12 version of Res 1", "Res 1 (Dubai, 2012)" (not "PP-22 under res 165")
_EDITION_NAMED_RE = re.compile(r"\b(?:version|edition|revision|text)\s+of\b|\((?:Rev\.?\s*)?[^()]*\b(?:19|20)\d\d\s*\)"
                               r"|\bRev\.?\s+[A-Z]", re.IGNORECASE)
# "what does E.119 say about X?", "does A.8 say anything on X?": what one named text is asked about
# ("states" is the Member States more often than a verb: "works with member states on …")
_SAY_ABOUT_RE = re.compile(r"\b(?:say|says|said|mention|mentions)\s+(?:anything\s+)?(?:about|on|regarding|"
                           r"concerning)\s+(?P<subject>[^?]+)", re.IGNORECASE)
# What names an instrument in `mandates "Res 130 TSB"`: the rest names the actor or topic.
_INSTRUMENT_WORDS_RE = re.compile(r"\b(?:WTSA|PP|WTDC|RA|WRC)(?:-?\d{2})?\b|\b(?:Res(?:olution)?s?\.?|Dec(?:ision)?s?\.?)\s*"
                                  r"(?:No\.?\s*)?\d+(?:\s*\([^()]*\))?|\b[A-Z][A-Za-z]{1,9}/\d+[A-Z]?\d*(?:/\d+)?\b",
                                  re.IGNORECASE)


# "… the level of financial contribution specified in resolves 2 …": a pointer to a clause of the same text
_POINTS_TO_RE = re.compile(r"\b(?:specified|referred\s+to|set\s+out|mentioned|defined|provided\s+for|stipulated|"
                           r"established|described)\s+in\s+(?P<part>resolves|decides|considering|recognizing|noting|"
                           r"instructs|invites|requests)\s+(?P<label>\d{1,2}|[a-z]\))", re.IGNORECASE)


def _with_lead(answer: Answer, line: AnswerLine) -> Answer:
    """The answer with a line put first, its plain text kept in step."""
    lines = [line, *answer.lines]
    return answer.model_copy(update={"lines": lines, "text": plain_text(lines)})


def _unread_language(query: Query, found: Answer) -> Answer:
    """A question in Russian, Arabic or Chinese (or French or Spanish the glossary cannot read) with an
    English-only embedder: what the search found matched a few shared words or numbers at best, so it is
    shown under the plain note, never as the answer ("哪个部门负责应急通信？" led with a clause about
    terminology databases)."""
    name = LANGUAGE_NAMES.get(query.language, query.language)
    if any(c.clause_id.partition("#")[0].endswith(f"~{query.language}") for c in found.citations):
        # A text in the question's own language shares its words (E.119 in Russian): real evidence, found
        # by its words alone.
        lines = [lead(f"This question looks {name}; the English-only model in use cannot read it, so below are "
                      f"the clauses of texts in {name} that share its words; ask in English for a full search."),
                 *found.lines]
        return found.model_copy(update={"lines": lines, "text": plain_text(lines), "thin_evidence": True})
    lines = [lead(f"This question looks {name}; questions are answered in English, and the English-only model "
                  "in use cannot match it to the texts: please ask it in English."),
             *([] if found.abstained else [note("What a search for its words found, not checked against the "
                                                "question:")]), *found.lines]
    return found.model_copy(update={"lines": lines, "text": plain_text(lines), "abstained": True,
                                    "thin_evidence": True,
                                    "lead_sectors": [], "involved_sectors": [],
                                    "missing": [*found.missing, "an English question"]})


class Answerer:
    def __init__(self, corpus: Corpus, llm: ChatLLM | None = None) -> None:
        self.corpus = corpus
        settings = corpus.settings
        self.llm = llm if llm is not None else (ChatLLM(settings) if settings.llm_configured else None)
        self._facts: CorpusFacts | None = None
        self._alias_cache: dict[tuple[int, str, bool, int], list[tuple[str, str]]] = {}
        self._initials_of: tuple[int, dict[str, str]] = (0, {})
        self._names_of: tuple[int, dict[str, str]] = (0, {})
        self._titles_of: tuple[Catalog, dict[str, str]] | None = None
        self._sources_of: tuple[Catalog, dict[str, set[str]]] | None = None  # contributions by their source

    def facts(self) -> CorpusFacts:
        """What the corpus knows (its words, the names it mentions, its mandates), built once per catalog."""
        catalog = self.corpus.catalog()
        facts = self._facts
        if facts is None or facts.catalog is not catalog:
            facts = self._facts = CorpusFacts(catalog)
        return facts

    # ---- entry point ----------------------------------------------------------------------------
    def answer(self, question: str) -> Answer:
        if not question.strip():
            return Answer(question="", text="Ask me a question, or give a reference such as “Res 57 resolves 3”.",
                          abstained=True)
        query = read_query(question, speller_for(self.corpus.catalog()), self.corpus.settings.embedder)
        named = self._names_spelled_out(query.text)
        if named:
            # "what does ITU do with the UPU?": the texts write only "Universal Postal Union"
            spelled = query.text
            for short, name in named:
                spelled = re.sub(rf"(?<![\w-]){re.escape(short)}(?![\w-])", name, spelled)
            query = read_query(spelled, None, self.corpus.settings.embedder).model_copy(
                update={"asked": query.asked, "corrections": [*query.corrections, *named]})
        return self.answer_query(query)

    def _names_spelled_out(self, text: str) -> list[tuple[str, str]]:
        """(short form, name) for each short form the question types that no text writes, and whose letters
        begin the words of one name the texts use ("UPU": "Universal Postal Union"). Not an English word
        typed in capitals ("WHO")."""
        catalog = self.corpus.catalog()
        unknown = [a for a in dict.fromkeys(short_forms_in(text)) if len(a) >= 3 and not english_count(a)
                   and not catalog.lexical.doc_count(a.lower())]
        if not unknown:
            return []
        if self._names_of[0] != id(catalog):  # read off every clause once per catalog, and only when needed
            self._names_of = (id(catalog), names_by_initials(c.text for c in catalog.clauses))
        return [(a, self._names_of[1][a]) for a in unknown if a in self._names_of[1]]

    def answer_query(self, query: Query) -> Answer:
        if query.language not in OFFICIAL_LANGUAGES and not answers_in(query.language, self.corpus.settings.embedder):
            # A language none of the texts is in, and an English-only model: whatever it found would be noise
            # (a German question matched E.119's French version).
            name = LANGUAGE_NAMES.get(query.language, query.language)
            return self._final_check(compose_abstain(
                query, self.coverage(), f"This question looks {name}; the texts are in ITU's official languages and "
                "questions are answered in English: please ask it in English.", ["an English question"]))
        whole = query.reference or (query.references[0] if len(query.references) == 1 else None)
        if query.intent != "cite" and whole_instrument(whole) and (asks_overview(query.text, query.asked)
                                                                  or asks_adoption(query.text)):
            # "what is the purpose of Resolution 57?": the instrument as a whole, not a search inside it
            query = query.model_copy(update={"intent": "cite", "reference": whole})
        if query.reference is None and (ref := self._cited_by_description(query)) is not None:
            # "resolves 2 of the SME participation res": a clause of an instrument named by its subject.
            query = query.model_copy(update={"intent": "cite", "reference": ref, "references": [ref]})
        if query.intent == "cite" and (ref := query.reference) is not None and ref.symbol and not ref.part \
                and asks_inside(query.text) and not asks_fate(query.text) \
                and not ((m := read_mandate_question(query.text)) is not None and m.actors):
            # "RCC/47A4 - which study groups are asked to …?": searched within the contribution, as any
            # question about something in a named text is; an actor named goes to its tasks below.
            query = query.model_copy(update={"intent": "ask", "reference": None, "references": [ref]})
        if query.intent == "cite" and query.reference is not None:
            ref = query.reference
            cited = self.corpus.cite(ref)
            ask = read_mandate_question(query.text) if ref.symbol and not ref.part else None
            scoped = self._mandate(query, ask) if ask is not None and ask.actors and cited.clauses else None
            if scoped is not None and not scoped.abstained:
                # "what does RCC/47A4 want the Director of TSB to do?": that actor's tasks in what it proposes
                result = scoped
            elif ref.symbol and cited.clauses and asks_fate(query.text):
                # The contribution is here, but not what the meeting made of it.
                sym = f"{ref.symbol}/{ref.proposal}" if ref.proposal else ref.symbol
                result = compose_abstain(query, self.coverage(), f"The corpus holds what {sym} "
                                         "proposed; what the meeting decided on it is in the meeting's records, not "
                                         "in these texts.", ["outcomes"])
            else:
                result = compose_cite(query, cited, self.coverage())
                adopted = adoption_sentence(cited.clauses[0].instrument) if cited.clauses and not ref.part \
                    and not cited.clauses[0].proposal and asks_adoption(query.text) else None
                if adopted:
                    # "when was Res 130 last revised?": the version its heading gives, then the text itself
                    result = _with_lead(result, lead(f"{adopted}."))
        elif query.intent == "diff" and asks_fate(query.text):
            # "did WTSA-16 adopt the RCC changes to Res 57?": the proposal is here, the meeting's verdict not.
            result = compose_abstain(query, self.coverage(), "The corpus holds what contributions proposed; what a "
                                     "meeting decided on them is in its records, not in these texts.", ["outcomes"])
        elif query.intent == "diff" and (held := decided_at(query.text)) and not self._adopted_texts_held(*held):
            # "what did WTSA-20 finally adopt on the RCC changes to Res 57?": that assembly's texts are not here
            result = compose_abstain(query, self.coverage(), f"The texts adopted by {held[0]} {held[1]} are not in "
                                     "the corpus; it holds what other texts say about it.", [f"{held[0]} {held[1]}"])
        elif query.intent == "diff" and query.reference is not None and (absent := self._absent(query)):
            # "What did WTSA-20 change in Resolution 1?" with no WTSA-20 text: nothing to compare.
            result = compose_abstain(query, self.coverage(), f"{', '.join(absent)} "
                                     f"{'is' if len(absent) == 1 else 'are'} not in the corpus.", absent)
        elif query.intent == "diff" and query.reference is not None:
            from retrieval.answering.compose.diff import diff_for_question

            ref = query.reference
            named = ref.symbol + (f"/{ref.proposal}" if ref.proposal else "") if ref.symbol else \
                f"{ref.body or ''} Resolution {ref.number}".strip() if ref.kind in (None, "resolution") \
                else ref.number or ref.text
            result = diff_for_question(query.text, self.corpus.catalog().clauses, named)
        elif asks_what_changed(query.text) and len(symbols := meeting_symbols(query.text)) >= 2:
            # "What changed between TD 2484 and C 823?": two revisions of one meeting text.
            from retrieval.answering.compose.diff import diff_answer

            old, new = symbols[0], symbols[1]
            typed = re.sub(r"(?<=[A-Za-z])(?=\d)", r"\\s?0*", re.escape(new))  # "TD 2484", "C0823"
            if re.search(rf"\b(?:from|since|relative\s+to|versus|vs\.?|over)\s+(?:the\s+)?(?:SG\d+-)?{typed}\b",
                         query.text, re.IGNORECASE):
                # "what did C823 change from TD2484?": the text named after "from" is the earlier one
                old, new = new, old
            result = diff_answer(query.text, old, self.corpus.catalog().clauses, old, new)
        elif query.intent == "ask" and (proposed := self._only_proposed(query)):
            # "What did WTSA-16 decide about Res 57?": the corpus has what a contribution proposed to that
            # assembly, not what it adopted; quoting the proposal would answer a question it cannot.
            result = compose_abstain(query, self.coverage(), proposed, ["the text as adopted"])
        elif query.intent in ("ask", "sector") and (absent_part := self._part_not_held(query)):
            # "What does Annex B of Rec A.8 say about voting?": A.8 has no Annex B; any other clause would be a
            # confident answer to a question about a text that does not exist
            result = compose_abstain(query, self.coverage(), absent_part, ["the part named"])
        elif query.intent == "ask" and asks_what_changed(query.text) and (revised := self._revised_at(query)):
            result = self._changes_at(query, revised)
        elif query.intent == "sector" and (owner := self._owner(query)) is not None:
            result = owner
        elif query.intent != "cite" and (cover := self._cover(query) or self._history(query) or self._about_recommendation(query)) is not None:
            result = cover
        elif query.intent != "cite" and (series := self._series(query)) is not None:
            result = series
        else:
            hits = self._with_referred(query, self._evidence(query))
            result = self._compose(query, hits)
            if self.llm is not None and not result.abstained:
                result = self._with_llm(query, hits, result)
        result = self._final_check(self._confirmed(query, result))
        if (query.language != "en" and not query.read_as and result.intent != "cite"
                and not answers_in(query.language, self.corpus.settings.embedder)):
            result = _unread_language(query, result)
        # How the question was read (typos corrected, language) goes first among the notes.
        reading = [n for n in reading_notes(query, self.corpus.settings.embedder)
                   if not (n == english_only_note(query.language) and "an English question" in result.missing)]
        return result.model_copy(update={"notes": [*reading, *result.notes]}) if reading else result

    def _compose(self, query: Query, hits: list[SearchHit]) -> Answer:
        ask = read_mandate_question(query.text)
        if ask is None or not ask.actors:
            # "who does MSAG report to?": a body named by the short form a text defines, whose mandates are
            # under its long form ("instructs the Member States Advisory Group")
            spelled = self._actors_spelled_out(query.text)
            ask = read_mandate_question(spelled) if spelled != query.text else ask
            if ask is not None and ask.actors:
                query = query.model_copy(update={"text": spelled})
        docs = self._documents_named(query) if ask is not None and ask.actors else set()
        scoped = self._mandate(query, ask, docs) if ask is not None and docs else None
        if scoped is not None and not scoped.abstained:
            # "in the RCC contribution, what is the Director of TSB asked to do?": the named text's mandates
            # of that actor, before the judge reads "RCC" and "contribution" as words the clauses lack
            return scoped
        verdict = self._judge(query, [h.clause for h in hits])
        if not hits:
            reason = verdict.reason if verdict.abstain else "The closest clauses are too far from the question."
            return compose_abstain(query, self.coverage(), reason, verdict.missing)
        if verdict.abstain:
            return compose_abstain(query, self.coverage(), verdict.reason, verdict.missing)
        answer: Answer | None = None
        if (query.intent == "sector" and asks_who(query.text) and not asks_which_sector(query.text)
                and _tasks_no_sector(hits[0].clause)):
            pass  # "Who coordinates …?" and the best clause tasks the Secretary-General: that is the answer
        elif query.intent == "sector":
            # None: no clause names the topic as the Sector reading needs it, yet the evidence has passed the
            # judge ("whose job is it to remind regulators that subscribers need to be told about prices?", a
            # paraphrase): answered from it as any other question, with its actor. Pooled, abstaining there was
            # right 0 times in 4 (the last with a coverage floor of 0.35) … unless the corpus never uses much of
            # the topic ("satellite orbit coordination" over the bundled texts alone): then nothing speaks of it.
            answer = self._sector(query)
            topic = clean_topic(query.topic)
            if answer is None and (terms := content_terms(topic)) and \
                    len(absent_topic_words(topic, self.facts().uses)) / len(terms) >= UNKNOWN_TOPIC_SHARE:
                return compose_abstain(query, self.coverage(), f"No clause in the corpus speaks of “{topic}”.", [topic])
        elif ask is not None:
            # the scoped reading was tried above; the documents named are read once
            answer = scoped if docs else self._mandate(query, ask, docs if ask.actors else None)
        if answer is None and query.intent == "find":
            topic = clean_topic(query.topic)
            topic_coverage = self.corpus.catalog().lexical.coverage_of(topic)
            if not names_topic(hits, topic_coverage):
                # Listing the nearest texts would answer "yes" to "is there a resolution on net neutrality?".
                return compose_abstain(query, self.coverage(), f"No text found speaks of “{topic}”; the closest "
                                       "share only some of its words.", [topic])
            answer = compose_find(query, hits, topic_coverage, topic)
        if answer is None:
            answer = compose_ask(query, hits)
        return self._mark_thin(answer, verdict)

    # ---- honesty ----------------------------------------------------------------------------------
    def _judge(self, query: Query, clauses: list[Clause]) -> Verdict:
        facts = self.facts()
        # "Which Sector is supposed to lead on X?": only X must be covered, not the words that ask.
        text = clean_topic(query.topic) if query.intent in ("sector", "find") else \
            without_alternatives(without_remark(query.text))
        if query.intent in ("sector", "find"):
            # "which Sector works on measuring how many people are connected?": the topic's "how many" asks
            # for no number; the Sector is the answer.
            text = re.sub(r"\bhow\s+(?:many|much|long|often)\b", " ", text, flags=re.IGNORECASE)
        catalog = self.corpus.catalog()

        def indexed(r: Reference) -> bool:
            # "WTSA Resolution 2" is not PP Resolution 2, which the number alone finds
            return bool(self._held_editions(r))

        if query.references and all(indexed(r) for r in query.references):
            # Every instrument named is indexed and the search was scoped to it: its name is not a word
            # the clauses must hold. One named but absent ("WTDC Resolution 59") stays a term to cover.
            text = without_references(text) or text
        text = self._without_described(query, self._without_document_names(query, text))
        named = [r for r in query.references if r.number and not r.symbol and r.kind in (None, "decision")]
        unindexed = [r for r in named if not indexed(r) and asked_as_source(query.text, r.text)]
        if unindexed and len(unindexed) == len(named) and query.intent not in ("cite", "find", "refs") and not (
                # (a Sector question is read from mandates, and the clause restating the text is seldom one:
                # "WTDC res 37 - which bureau follows it up?" led with ITU-R from Res 123's joint task)
                query.intent != "sector" and self._restated(text, unindexed, clauses)):
            # "What does WTSA Res 52 require?" with Res 52 only named by other texts: its own words are
            # what was asked, and a clause that merely mentions it would be a confident wrong answer.
            # ("What does Res 59 cover according to Res 57?" has its source in the corpus.)
            names = ", ".join(describe_reference(r) for r in unindexed)
            return Verdict(abstain=True, missing=[names], reason=f"{names} {'is' if len(unindexed) == 1 else 'are'} "
                           "not in the corpus.")
        # "the TAP consultation period under the WTSA-12 version of Res 1?" with only its Hammamet 2016 text: the
        # words of another edition are what was asked, and the one held may differ
        other_edition = [r for r in named if r.revision is not None and indexed(r) and asked_as_source(query.text, r.text)
                         and not any(revision_matches(r.revision, c) for c in self._held_editions(r))
                         ] if query.intent == "ask" and named and _EDITION_NAMED_RE.search(query.text) else []
        # (not when only a contribution's proposed text of it is held: it quotes the edition it changes)
        held_editions = sorted({instrument_display(c.instrument) for c in self._held_editions(other_edition[0])
                                if not c.proposal}) if len(other_edition) == len(named) and other_edition else []
        if held_editions:
            r = other_edition[0]
            return Verdict(abstain=True, missing=[describe_reference(r)],
                           reason=f"{describe_reference(r)} is not in the corpus; it holds {' and '.join(held_editions)}.")
        if query.intent == "ask" and (missing := self._not_in_named(query)):
            word, names = missing
            return Verdict(abstain=True, missing=[word], reason=f"{names} does not speak of “{word}”.")
        # (not when an indexed text is asked about them: "if Res 1 and the Constitution say different things …")
        basic = None if any(indexed(r) for r in query.references) else basic_text_asked(query.text)
        if basic and not basic_text_quoted(*basic, clauses[:RESTATED_HITS]):
            # "what does article 28 of the ITU Constitution say …?": the basic texts are cited, never held
            what = f"{basic[0]} of the {basic[1]}" if basic[0] else f"The {basic[1]}"
            are = not basic[0] and basic[1].endswith("s")  # "the Radio Regulations are"
            return Verdict(abstain=True, missing=[what], reason=f"{what[:1].upper()}{what[1:]} {'are' if are else 'is'} "
                           f"not in the corpus; its texts only refer to {'them' if are else 'it'}.")
        held = decided_at(query.text)
        if held and not self._adopted_texts_held(*held):
            # "What did PP-22 decide?" with the Dubai 2018 texts only: the later texts are not here.
            name = f"{held[0]} {held[1]}"
            return Verdict(abstain=True, missing=[name], reason=f"The texts adopted by {name} are not in the corpus; "
                           "it holds what other texts say about it.")
        recs = recommendations_asked(query.text)
        # (… unless a text named and held speaks of it: "E.1100 child online protection res179 - who should apply
        # it?" is Res 179's invitation to apply E.1100)
        if recs and query.intent != "cite" and not any(catalog.has_number(r) for r in recs) and \
                not any(indexed(r) for r in query.references):
            # "How long is the Last Call under A.8?" with A.8 only cited by other texts, never indexed.
            names = ", ".join(f"Recommendation {r}" for r in recs)
            return Verdict(abstain=True, missing=[names], reason=f"{names} {'is' if len(recs) == 1 else 'are'} not "
                           "in the corpus (other texts only refer to it).")
        if (asks_fate(query.text) and (meeting_symbols(query.text) or any(r.symbol for r in query.references))) or (
                # (a draft named by its own name, "TP.inno", is read in the meeting documents that carry it)
                asks_published_form(query.text) and clauses[:3]
                and all(c.instrument.kind in ("contribution", "td") for c in clauses[:3])):
            # "Was C823's incubation mechanism approved?": the contribution is here, the meeting's verdict not.
            return Verdict(abstain=True, missing=["outcomes"], reason=_FATE_NOT_HERE)
        if query.intent == "find" and query.language == "en":
            absent = absent_topic_words(text, facts.uses)
            if absent:
                words = ", ".join(f"“{w}”" for w in absent)
                return Verdict(abstain=True, missing=absent, reason=f"Nothing in the corpus mentions {words}.")
        other = other_sector(query, clauses[:3])
        if other is not None:
            asked, found = other
            return Verdict(abstain=True, missing=[asked], reason=f"The clauses found are {found}'s rules, not {asked}'s; "
                           f"no text in the corpus states this for {asked}.")
        # (in the texts' words: "set up" is what they call "establish")
        coverage = self._coverage(key_text(in_texts_words(text)), alias_text=text)
        # A meeting document's symbol ("C823") is no word of its clauses, yet the corpus holds it: never
        # "nothing in the corpus mentions C823".
        held_symbols = {s.lower() for s in meeting_symbols(query.text)} if self._meeting_documents_named(query) else set()

        # An English word the corpus never uses is what the asker meant ("refugees"), not a slip for a corpus
        # word a letter away ("refuse"): only a non-word is read as a typo, as the speller reads them.
        meant = {stem(w) for w in re.findall(r"[a-z]+", text.lower())
                 if len(w) >= MIN_CORPUS_FIX and english_count(w) and not facts.uses(stem(w))}

        def known(term: str) -> bool:
            return term in held_symbols or (term not in meant and facts.knows(term))

        verdict = judge(text, clauses, corpus_has=facts.mentions, known_word=known,
                        coverage=coverage, foreign=query.language != "en", exact_word=facts.has_word,
                        per_text=bool(query.references or self._described(query)),
                        together=lambda t: bool(catalog.lexical.covering(t, 1.0, self._aliases(t))))
        if not verdict.abstain and asks_fate(query.text) and not _PER_DOCUMENT_RE.search(query.text) and clauses and all(
                c.instrument.kind in ("contribution", "td") or c.proposal for c in clauses[:3]):
            # "was TP.inno finally approved by SG17?": all that was found is what meeting documents propose
            return Verdict(abstain=True, missing=["outcomes"], reason=_FATE_NOT_HERE)
        return verdict

    def _only_proposed(self, query: Query) -> str | None:
        """Why a question on what a conference decided about an instrument goes unanswered when the corpus
        holds that instrument only as a contribution's proposal to it; None otherwise."""
        held = decided_at(query.text)
        ref = query.reference or (query.references[0] if len(query.references) == 1 else None)
        if held is None or ref is None or not ref.number or not _DECISION_VERB_RE.search(query.text):
            return None
        body, year = held
        texts = [c for c in self.corpus.catalog().version_heads()
                 if c.instrument.number == ref.number and c.instrument.body == body
                 and c.instrument.kind == "resolution"]
        if not texts or any(not c.proposal for c in texts):
            return None
        symbols = ", ".join(dict.fromkeys(c.proposal.split()[-1] for c in texts if c.proposal))
        return (f"The corpus holds {body} Resolution {ref.number} only as proposed to {body}-{str(year)[2:]} "
                f"({symbols}), not the text {body}-{str(year)[2:]} adopted.")

    def _adopted_texts_held(self, body: str, year: int) -> bool:
        """The corpus holds a text adopted by that body in that year (PP 2018: yes; WTSA 2020: no)."""
        return any(c.instrument.body == body and c.instrument.revision is not None and c.instrument.revision.year == year
                   for c in self.corpus.catalog().version_heads())

    def _without_document_names(self, query: Query, text: str) -> str:
        """"What is the RCC contribution on Res 57 trying to achieve?": the words naming a meeting document
        the search was scoped to (its symbol and source, "contribution") say which text, and its clauses need
        not hold them. A resolution's title is its topic, which they must."""
        docs = self._documents_named(query)
        if not docs:
            return text
        catalog = self.corpus.catalog()
        naming: set[str] = set()
        for d in docs:
            at = catalog.doc_positions().get(d, [])
            if at:
                inst = catalog.clause_at(at[0]).instrument
                if inst.kind in ("contribution", "td") and inst.symbol:
                    naming |= set(lexical_tokens(f"{inst.kind} document {inst.symbol.replace('/', ' ')}"))
                elif inst.kind in ("recommendation", "supplement") and inst.number:
                    # "A.Sup5 synchronized approval: by when …?": the Recommendation the search was scoped to
                    naming |= set(lexical_tokens(f"{inst.kind} {inst.number} rec"))
        # "… trying to achieve?", "its purpose": what the named document is for, which all of it says.
        naming |= _PURPOSE_WORDS
        kept = [w for w in text.split() if not (lexical_tokens(w) and set(lexical_tokens(w)) <= naming)]
        return " ".join(kept) or text

    def _confirmed(self, query: Query, result: Answer) -> Answer:
        """"is it TSB that has to …?", "does BR maintain …?": yes or no, and who, first (compose/confirm.py),
        when the best clause tasks a Sector's actor and the answer's lead Sectors, if any, agree with it."""
        if result.abstained or not result.citations or result.intent == "cite":
            return result
        catalog = self.corpus.catalog()
        clause = catalog.by_id.get(result.citations[0].clause_id)
        others = [catalog.by_id[c.clause_id] for c in result.citations[1:MAX_CITATIONS] if c.clause_id in catalog.by_id]
        said = confirmation(query.text, clause, others) if clause is not None else None
        if said is None and clause is not None and not result.lead_sectors and asks_which_sector(query.text) \
                and (tasked := sectors_tasked(clause)):
            # "in the RCC text, the SGs of which Sector are asked to keep cooperating …?", read inside the
            # contribution: the Sector of whom the clause found tasks answers it
            said = (" and ".join(SECTOR_NAMES[x] for x in tasked) + ":", tasked)
        if said is None:
            return result
        line, sectors = said
        if result.lead_sectors and set(result.lead_sectors) != set(sectors) and not (
                line.startswith("Yes") and sectors[0] in result.lead_sectors):
            return result  # the clause and the Sector reading disagree: neither is confirmed
        # … in the first line, before what it said ("does the TSB director have to report back to anyone …?"
        # is answered by whom, in the clause the first line quotes)
        first = result.lines[0] if result.lines else lead("")
        lines = [first.model_copy(update={"spans": [Span(text=line + " "), *first.spans]}), *result.lines[1:]]
        update: dict[str, object] = {"lines": lines, "text": plain_text(lines)}
        if not result.lead_sectors:
            update["lead_sectors"] = sectors
        return result.model_copy(update=update)

    def _part_not_held(self, query: Query) -> str:
        """What to say when a question asks inside a part of a held text that the text does not have ("Annex
        B of Rec A.8", "resolves 9 of Res 57"); "" otherwise. Only a part named with its label or an annex."""
        ref = parse_reference(query.text)
        if ref is None or not ref.part or not (ref.number or ref.symbol) or not (
                ref.label or ref.part.lower().startswith(("annex", "appendix"))):
            return ""
        cited = self.corpus.cite(ref)
        return cited.message if cited.found_instrument and not cited.clauses and cited.message else ""

    def _revised_at(self, query: Query) -> list[str]:
        """"What changed at Hammamet?": the resolutions the corpus holds in a revision of that venue or
        year (adopted, or as proposed for it), as diff references."""
        rev = venue_named(query.text)
        if rev is None:
            return []
        out: list[str] = []
        for c in self.corpus.catalog().version_heads():
            r = c.instrument.revision
            if c.instrument.kind != "resolution" or r is None or not c.instrument.number:
                continue
            if (rev.place and r.place.lower() != rev.place.lower()) or (rev.year and r.year != rev.year):
                continue
            name = f"{c.instrument.body} Resolution {c.instrument.number}".strip()
            if name not in out:
                out.append(name)
        return out[:MAX_CHANGED]

    def _changes_at(self, query: Query, names: list[str]) -> Answer:
        from retrieval.answering.compose.diff import diff_for_question

        clauses = self.corpus.catalog().clauses
        parts = [diff_for_question(query.text, clauses, n) for n in names]
        shown = [a for a in parts if not a.abstained] or parts
        lines = [ln for a in shown for ln in a.lines]
        if len(shown) < len(parts):  # the others say why there is nothing to compare
            lines += [note(a.lines[0].plain) for a in parts if a.abstained and a.lines]
        cits = [c for a in shown for c in a.citations][:MAX_CITATIONS]
        return Answer(question=query.text, intent="diff", lines=lines, citations=cits,
                      abstained=all(a.abstained for a in parts))

    def _absent(self, query: Query) -> list[str]:
        """Events, instruments and years the question names that the corpus never mentions."""
        return [t for t in named_things(query.text) if not mentioned(t, self.facts().mentions)]

    def _mark_thin(self, answer: Answer, verdict: Verdict) -> Answer:
        if not verdict.thin or answer.abstained:
            return answer
        uncovered = verdict.uncovered
        if uncovered:
            # The note speaks of the clauses shown, which a composer may have chosen beyond the evidence
            # judged ("… rebuilding …" in the resolution a Sector answer cites).
            by_id = self.corpus.catalog().by_id
            shown = " ".join(f"{by_id[c.clause_id].part} {by_id[c.clause_id].text}" for c in answer.citations
                             if c.clause_id in by_id)
            have = set(lexical_tokens(shown))
            uncovered = [w for w in uncovered if not holds(have, w)]
            if not uncovered:
                return answer
        data = answer.model_dump()
        data.update(thin_evidence=True, missing=uncovered, text="",
                    lines=[*data["lines"], note(thin_note(uncovered)).model_dump()])
        return Answer.model_validate(data)

    # ---- "which Sector" and mandates --------------------------------------------------------------
    def _sector(self, query: Query) -> Answer | None:
        asked = clean_topic(query.topic)
        docs = self._documents_named(query)
        if docs:  # the search is scoped to the instruments named: their names are not the topic
            asked = self._without_described(query, without_references(asked) or asked)
        asked = self._without_described(query, asked, every=True) or asked
        if not docs and (placed := self._documents_naming(countries_in(query.text))):
            # "Afghanistan … which Sector does the reconstruction?": the instruments that speak of it.
            docs = placed
        filters = Filters(doc_ids=sorted(docs)) if docs else Filters()
        hits = self.corpus.search(self._with_abbreviations(asked), k=40, filters=filters)
        best = [h.clause for h in hits[:TOPIC_HITS]]
        named = self._coverage(asked)
        # Asked in the texts' own words, the topic stays whole; otherwise it is what the best clauses hold,
        # if that is most of it ("satellite orbit coordination" is not "coordination").
        topic = asked
        if not any(named(c.text) >= NAMES_TOPIC for c in best):
            held = held_by(asked, best)
            topic = held if named(held) >= HELD_SHARE else asked
        terms = topic_terms(topic)
        coverage = self._coverage(topic)
        facts = self.facts()
        return compose_sector(query, hits, facts.operative_by_doc, terms, coverage, topic,
                              facts.size_by_doc) if terms else None

    def _mandate(self, query: Query, ask: MandateAsk, docs: set[str] | None = None) -> Answer | None:
        """`docs`: the documents the question names, when the caller has them already."""
        facts = self.facts()
        lexical = self.corpus.catalog().lexical
        docs = self._documents_named(query) if docs is None else docs
        if docs and ask.topic:  # "… about the external auditor in Res 94": scoped to it, its name is no topic
            # the words joining the name to the topic go with it: "in Res 175 on accessibility" is "accessibility"
            rest = re.sub(r"\s+(?:in|under|of|per|from|by|according\s+to)$", "", without_references(ask.topic).strip(" ,.?"))
            rest = re.sub(r"^(?:on|about|regarding|concerning|re|for)\s+", "", rest, flags=re.IGNORECASE)
            ask = replace(ask, topic=rest)
        # "the human resources strategic plan" is held by "the four-year HRSP", which Res 48 defines
        aliases = self._aliases(ask.topic, lowercase=True) if ask.topic else []
        coverage = lexical.coverage_of(ask.topic, aliases) if ask.topic else None
        # A clause whose indexed text cannot cover the topic is skipped before it is parsed.
        near = lexical.covering(ask.topic, SUPPORT, aliases) if ask.topic else None
        clauses = [c for c in facts.mandate_clauses(list(ask.actors), near) if not docs or c.doc_id in docs]
        pairs = find_mandates(ask, clauses, coverage)
        if not pairs and ask.topic and not docs and not _PRONOUN_RE.match(ask.topic):
            # No mandate clause of this actor words the topic ("what must TSB report on cybersecurity?"
            # and Res 130 says "security in the use of ICTs"): the instruments the search finds about it.
            about = {h.clause.doc_id for h in self.corpus.search(ask.topic, k=TOPIC_DOCS)}
            clauses = [c for c in facts.mandate_clauses(list(ask.actors)) if c.doc_id in about]
            pairs = find_mandates(replace(ask, topic=""), clauses)
        elif not pairs and ask.topic and docs:
            # "pp rec 7 - what's the SG meant to do about using ICTs against human trafficking?": the named
            # text is about the topic, in its own words ("to combat trafficking in persons"); the actor's tasks
            # there answer
            # (when some of them speaks of it at least in part: Res 70's tasks are not "on cybersecurity")
            clauses = [c for c in facts.mandate_clauses(list(ask.actors)) if c.doc_id in docs]
            pairs = find_mandates(replace(ask, topic=""), clauses)
            if coverage is not None and not any(coverage(c.text) >= SUPPORT / 2 for c, _m in pairs):
                pairs = []
        return compose_mandate(query.text, ask, pairs, coverage, scoped=bool(docs))

    def mandates(self, actor_or_topic: str, limit: int | None = LIST_LIMIT) -> Answer:
        facts = self.facts()
        catalog = self.corpus.catalog()
        clauses = facts.with_mandates
        rest = actor_or_topic
        ref = parse_reference(actor_or_topic)
        if ref is not None and (ref.number or ref.symbol):
            # "Res 191", "Res 130 TSB": the mandates of that instrument (its latest version), of an actor in it.
            named = [c for c in catalog.cite_candidates(ref) if revision_matches(ref.revision, c)]
            # "Res 11" is PP Resolution 11, not PP Decision 11 (the same number, another instrument)
            named = [c for c in named if _kind_matches(ref, c)] or named
            if ref.body is not None:
                named = [c for c in named if c.instrument.body == ref.body] or named
            if not named:
                return self._final_check(Answer(question=actor_or_topic, intent="mandate", abstained=True, lines=[
                    note(f"{describe_reference(ref)} is not in the corpus.")]))
            latest = max(named, key=lambda c: (not c.proposal, c.instrument.revision.year
                                               if c.instrument.revision else 0)).doc_id
            clauses = [c for c in clauses if c.doc_id == latest]
            rest = " ".join(_INSTRUMENT_WORDS_RE.sub(" ", actor_or_topic).split())
        coverage = catalog.lexical.coverage_of(rest)
        return self._final_check(list_mandates(rest, clauses, coverage, limit, shown_as=actor_or_topic))

    # ---- evidence ---------------------------------------------------------------------------------
    def _evidence(self, query: Query) -> list[SearchHit]:
        """Hits that clear the evidence floor. A question naming instruments ("… according to
        Resolution 57") searches the documents that hold them first (the resolution, and contributions
        proposing to change it), and the whole corpus only if those have nothing to say."""
        find_resolutions = query.intent == "find" and RESOLUTIONS_RE.search(query.text)
        # "is there a Recommendation on disaster relief messaging?": Recommendations, not resolutions on it
        find_recommendations = query.intent == "find" and not find_resolutions and RECOMMENDATIONS_RE.search(query.text)
        filters = Filters(kind="resolution") if find_resolutions else \
            Filters(kind="recommendation") if find_recommendations else Filters()
        docs = self._documents_named(query)
        # The abbreviation look-up scans the stored clauses: once for both searches.
        searched = self._with_abbreviations(query.search_text)
        if docs:
            scoped = self._search(query, filters.model_copy(update={"doc_ids": sorted(docs)}), searched)
            if scoped:
                return scoped
        return self._search(query, filters, searched)

    def _with_referred(self, query: Query, hits: list[SearchHit]) -> list[SearchHit]:
        """"How much does academia pay?" finds "payment of the level of financial contribution specified in
        resolves 2 entitles Academia …": when no clause found gives the amount asked, a clause one of them
        points to in its own instrument ("specified in resolves 2") is read next to it."""
        if not (asks_quantity(query.text) or asks_amount(query.text)) or \
                any(holds_quantity(query.text, h.clause.text) for h in hits[:3]):
            return hits
        catalog = self.corpus.catalog()
        out = list(hits)
        for h in hits[:3]:
            pointers = list(_POINTS_TO_RE.finditer(h.clause.text))
            doc = [catalog.clause_at(i) for i in catalog.doc_positions().get(h.clause.doc_id, [])] if pointers else []
            for m in pointers:
                # read as `cite` reads "resolves 2": the part headed exactly so before "resolves to instruct … 2"
                ref = Reference(part=m.group("part").lower(), label=m.group("label"), text=m.group(0))
                target = next(iter(select_part(ref, doc)), None)
                if target is not None and holds_quantity(query.text, target.text) and \
                        all(x.clause.clause_id != target.clause_id for x in out):
                    out.insert(out.index(h) + 1, SearchHit(clause=target, score=h.score))
            if len(out) > len(hits):
                break
        return out

    def _documents_named(self, query: Query) -> set[str]:
        catalog = self.corpus.catalog()
        return {c.doc_id for r in query.references for c in catalog.cite_candidates(r)
                if (r.body is None or c.instrument.body == r.body) and revision_matches(r.revision, c)
                and _kind_matches(r, c)} \
            | self._meeting_documents_named(query) | self._recommendations_named(query) \
            | self._contributions_by_source(query) \
            | {d for _phrase, docs in self._described(query) for d in docs}

    def _described(self, query: Query) -> list[tuple[str, set[str]]]:
        """Instruments a question names by their subject ("under the outer space transparency reso" →
        PP Resolution 186, whose title holds those words), with the phrase that names them. Only when one
        instrument's title (its revisions alike) holds most of the subject: a phrase several titles fit
        names none."""
        if query.references:
            return []  # "the gender resolution (Res 70)": the number says which
        catalog = self.corpus.catalog()
        out = []
        for phrase, subject in instruments_described(query.text):
            if len(content_terms(subject)) < 2 and not ACRONYM_RE.search(subject):
                continue  # "the coordination resolution" fits several texts, some not in the corpus
            # Titles spell abbreviations out ("small and medium enterprises" for "SME"), frequent ones too.
            score = catalog.lexical.coverage_of(subject, expansion_pairs(
                subject, lambda needles: [catalog.clause_at(i).text for i in
                                          catalog.lines_containing(needles)[:ABBREVIATION_LINES]]))
            titled = [(score(t), d) for d, t in self._titles().items() if t]
            best = max((x for x, _d in titled), default=0.0)
            docs = {d for x, d in titled if x >= DESCRIBED_COVERAGE and x >= best - TITLE_MARGIN}
            if len({d.split("@")[0] for d in docs}) > 1:
                # "the broadband connectivity res": "Connectivity to broadband networks" is that title; the
                # Connect 2030 Agenda's (twenty words, "… including broadband …") merely holds the words.
                docs = _most_specific(subject, {d: self._titles()[d] for d in docs})
            if docs and len({d.split("@")[0] for d in docs}) == 1:
                out.append((phrase, docs))
        return out

    def _cited_by_description(self, query: Query) -> Reference | None:
        named = part_named(query.text)
        catalog = self.corpus.catalog()
        sent = self._contributions_by_source(query) if named and not query.references else set()
        if named and len(sent) == 1:
            # "what did the RCC propose for resolves 2?": that clause of what the one contribution sent proposes
            inst = catalog.clause_at(catalog.doc_positions()[next(iter(sent))][0]).instrument
            if inst.symbol:
                return Reference(symbol=inst.symbol, part=named[0], label=named[1], text=query.text)
        described = self._described(query) if named else []
        if not named or len(described) != 1:
            return None
        doc = sorted(described[0][1])[-1]
        inst = catalog.clause_at(catalog.doc_positions()[doc][0]).instrument
        if not inst.number:
            return None
        return Reference(body=inst.body, kind=inst.kind, number=inst.number, part=named[0], label=named[1],
                         text=query.text)

    def _without_described(self, query: Query, text: str, every: bool = False) -> str:
        """The text without the phrases naming an instrument by its subject ("under the outer space
        transparency reso"): once the search is scoped to it, its clauses need not repeat its title.
        `every`: also those that fit no single instrument's title ("the broadband connectivity res"), which
        name a text, not the topic a "which Sector" question asks about."""
        described = instruments_described(query.text)
        phrases = [p for p, _s in described] if every else [p for p, _d in self._described(query)]
        for phrase, subject in described:
            if phrase in phrases:
                # the topic as a "which Sector" question keeps it: "bit IDN resolution about …"
                text = re.sub(r"\b" + r"\s+".join(re.escape(w) for w in subject.split())
                              + r"\s+(?:resos?|resolution|res|decision)\b", " ", text, flags=re.IGNORECASE)
        for phrase in phrases:
            # The topic may have lost the phrase's leading words ("under the"): its core is matched.
            core = re.sub(r"^(?:(?:under|in|per|from|of|by|according\s+to|the|this|that)\s+)+", "", phrase, flags=re.I)
            pattern = r"(?:\b(?:under|in|per|from|of|by|according\s+to)\s+)?(?:\bthe\s+)?" + \
                r"\s+".join(re.escape(w) for w in core.split())
            text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
        return " ".join(text.split()) or text

    def _titles(self) -> dict[str, str]:
        """Each document's instrument title, read once per catalog (one clause parsed per document)."""
        catalog = self.corpus.catalog()
        if self._titles_of is None or self._titles_of[0] is not catalog:
            titles = {d: catalog.clause_at(at[0]).instrument.title or "" for d, at in catalog.doc_positions().items() if at}
            self._titles_of = (catalog, titles)
        return self._titles_of[1]

    def _held_editions(self, r: Reference) -> list[Clause]:
        """The clauses the corpus holds under the reference's number, of the body it names if it names one."""
        return [c for c in self.corpus.catalog().cite_candidates(r) if not r.body or c.instrument.body == r.body]

    def _not_in_named(self, query: Query) -> tuple[str, str] | None:
        """"What does E.119 say about using satellite phones …?": (the word, the text) when the subject asked
        about holds a word of the corpus's that no clause of the one text named uses, which then says nothing
        of it (a nearby clause on smart phones is no answer)."""
        m = _SAY_ABOUT_RE.search(query.text)
        docs = self._documents_named(query) if m else set()
        catalog = self.corpus.catalog()
        positions = catalog.doc_positions()
        named = {d for d in docs if d in positions}
        if not m or not named or len({catalog.clause_at(positions[d][0]).instrument.number for d in named}) != 1:
            return None
        words = [w for w in re.findall(r"[A-Za-z][a-z-]{4,}", m.group("subject"))
                 if lexical_tokens(w) and content_terms(w)]
        if not words:
            return None
        said = " ".join(f"{c.instrument.title} {c.part} {c.text}"
                        for c in (catalog.clause_at(i) for d in named for i in positions[d]))
        held, written = set(lexical_tokens(said)), said.lower()
        facts = self.facts()
        # (a word inside one of the text's, "phone" in "telephone", or a word naming no subject, "details", is
        # the asker's wording, not a subject the text leaves out)
        absent = [w for w in words if not holds(held, lexical_tokens(w)[0]) and facts.uses(lexical_tokens(w)[0])
                  and w.lower() not in written and lexical_tokens(w)[0] not in _NO_SUBJECT]
        if not absent:
            return None
        return absent[0], instrument_display(catalog.clause_at(positions[min(named)][0]).instrument)

    def _recommendations_named(self, query: Query) -> set[str]:
        """Recommendations and Supplements a question takes its answer from ("per A.Sup5", "under A.8",
        "U.1 guard delay"), every language version of them: the search is scoped to them first."""
        catalog = self.corpus.catalog()
        return {c.doc_id for r in recommendations_asked(query.text)
                for c in catalog.cite_candidates(Reference(kind="recommendation", number=r, text=r))
                if c.instrument.kind in ("recommendation", "supplement")}

    def _contributions_by_source(self, query: Query) -> set[str]:
        """Contributions a question names by who sent them ("the RCC proposal", "what does the RCC want …"):
        the part of a symbol before its slash, as written ("RCC" of RCC/47A4), standing as a word."""
        catalog = self.corpus.catalog()
        if self._sources_of is None or self._sources_of[0] is not catalog:
            sources: dict[str, set[str]] = {}
            for doc, at in catalog.doc_positions().items():
                inst = catalog.clause_at(at[0]).instrument if at else None
                if inst is not None and inst.kind == "contribution" and "/" in (inst.symbol or ""):
                    sources.setdefault((inst.symbol or "").split("/")[0], set()).add(doc)
            self._sources_of = (catalog, {k: v for k, v in sources.items() if len(k) >= 2})
        return {d for source, docs in self._sources_of[1].items()
                if re.search(rf"(?<![\w/]){re.escape(source)}(?![\w])", query.text) for d in docs}

    def _meeting_documents_named(self, query: Query) -> set[str]:
        """Meeting documents named bare ("C 823", "TD2484"), which are no reference on their own (a
        "C4" criterion or WSIS Action Line "C2" is not a document): only those the corpus holds."""
        catalog = self.corpus.catalog()
        out: set[str] = set()
        for sym in meeting_symbols(query.text):
            ref = Reference(number=sym, kind="td" if sym.startswith("TD") else "contribution", text=sym)
            out |= {c.doc_id for c in catalog.cite_candidates(ref) if c.instrument.kind in ("contribution", "td")}
        return out

    def _series(self, query: Query) -> Answer | None:
        """"What's the K series for?": the line of the series table that gives the letter's scope."""
        letter = series_asked(query.asked or query.text) or series_asked(query.text)  # "the L seires"
        if letter is None and not asks_which_series(query.text):
            return None
        term = defined_term(query.text)
        if term and "series" not in term.lower():
            return None  # "what's a hub in the D-series?" asks what a hub is, which D.000 defines
        catalog = self.corpus.catalog()
        candidates = [catalog.clause_at(i) for i in catalog.lines_containing([b"series", b"Series"])]
        if letter is not None:
            found = series_line(letter, candidates)
            return compose_series(query.text, letter, *found) if found else None
        # "what letter series would an IoT / smart cities Recommendation go in?"
        topic = key_text(re.sub(r"\b(?:letter|series|recommendations?|recs?|go|goes|put|fall|belong)\b"
                                r"|\b[A-Z]{1,2}\.(?:Sup)?\d+\b", " ", without_references(query.text), flags=re.IGNORECASE))
        picked = series_for(catalog.lexical.coverage_of(topic), candidates)
        return compose_series(query.text, *picked) if picked else None

    def _owner(self, query: Query) -> Answer | None:
        """"X.1255 - whose rec is that?": the Sector in its designation, from the clauses printing it (the
        Recommendation need not be indexed: the question asks whose it is, not what it says)."""
        rec = owner_asked(query.text)
        catalog = self.corpus.catalog()
        if rec is None:
            # "GNPi - is that R's, T's or D's programme?": a thing the texts name as one Sector's
            names = owned_names(query.topic, query.text)
            if len(names) != 1:
                return None
            forms = [f.encode() for f in name_forms(names[0])]
            tied = thing_owner(names[0], (catalog.clause_at(i) for i in catalog.lines_containing(forms)))
            return compose_thing_owner(query.text, names[0], *tied) if tied else None
        found = owner_of(rec, (catalog.clause_at(i) for i in catalog.lines_containing([rec.encode()])))
        return compose_owner(query.text, rec, *found) if found else None

    def _about_recommendation(self, query: Query) -> Answer | None:
        """"What is E.119 about?", "scope of A.1?": its summary, and its Scope clause (first when asked)."""
        asked = recommendation_about(query.text)
        if asked is None:
            return None
        number, scope = asked
        clauses = self._recommendation_clauses(number)
        if not clauses:
            return None
        summary = [c for c in clauses if c.part.lower() == "summary" and len(c.text.split()) > 3]
        scoped = [c for c in clauses if c.label in ("1", "1.1") and c.text.lstrip().lower().startswith("scope")]
        rows = (scoped + summary) if scope else (summary + scoped)
        if rows:
            return compose_cover(query.text, rows[:3])
        # A 1990s Recommendation has neither (U.1): its title, as the parser read it from the capitals under
        # the heading (not a quote: the print has it in capitals), and the first paragraphs of its text.
        title = clauses[0].instrument.title if clauses else ""
        if not title or title == clauses[0].instrument.number:
            return None
        body = [c for c in clauses if not is_front_matter(c) and len(c.text.split()) > 6][:2]
        if not body:
            return None
        head = lead(f"{version_display(clauses[0])} is titled {title[:1].lower() + title[1:]}; its first clauses:")
        return _with_lead(compose_cover(query.text, body), head)

    def _recommendation_clauses(self, number: str) -> list[Clause]:
        """The clauses of Recommendation `number` in the index, in order; of its English version, which
        answers are given in, when there are several."""
        catalog = self.corpus.catalog()
        ref = Reference(number=number, kind="recommendation", text=number)
        docs = sorted({c.doc_id for c in catalog.cite_candidates(ref)}, key=lambda d: ("~" in d, d))
        return [catalog.clause_at(i) for i in catalog.doc_positions().get(docs[0], [])] if docs else []

    def _history(self, query: Query) -> Answer | None:
        """"When was A.12 approved?", "which study group approved E.119?": the Recommendation's history table."""
        named = recommendation_named(query.text)
        if named is None or not asks_approval_history(query.text):
            return None
        clauses = self._recommendation_clauses(named)
        if not clauses:
            return None
        table = next((c for c in clauses if c.part.lower() == "history"), None)
        if table is not None:
            return compose_history(query.text, table)
        # without one (A.8, U.1): the summary or foreword saying when and by whom it was approved
        return compose_approval(query.text, [c for c in clauses if is_front_matter(c)])

    def _cover(self, query: Query) -> Answer | None:
        """"Who submitted C823?", "what's the title of TD 2484?", "what is C823 about?": the rows of the
        document's cover page (and its abstract); for a document described, not named, those of the
        meeting documents whose title speaks of what the question says."""
        asked = cover_rows_asked(query.text)
        if not asked:
            return None
        catalog = self.corpus.catalog()
        docs = self._meeting_documents_named(query)
        if not docs and (topic := about_a_document(query.text)) and key_text(topic).strip():
            titles = [catalog.clause_at(i) for i, cid in enumerate(catalog.ids) if cid.endswith("#cover-page.title")]
            score = catalog.lexical.coverage_of(key_text(topic))
            scored = [(score(c.text), c.doc_id) for c in titles]
            best = max((s for s, _ in scored), default=0.0)
            docs = {d for s, d in scored if s >= TITLE_COVERAGE and s >= best - TITLE_MARGIN}
        if not docs or len(docs) > MAX_COVERS:
            return None
        rows = [catalog.clause_at(i) for d in sorted(docs) for i in catalog.doc_positions().get(d, [])
                if "#cover-page." in catalog.ids[i] or ("Abstract" in asked and "#abstract." in catalog.ids[i])]
        shown = [c for c in rows if c.label in asked or (c.part == "abstract" and "Abstract" in asked)]
        if not shown:
            return None
        # What was asked first, then the title, which says which document this is.
        if "Title" not in asked:
            shown += [c for c in rows if c.label == "Title"]
        shown.sort(key=lambda c: (c.doc_id, c.label == "Title" and "Title" not in asked))
        return compose_cover(query.text, shown)

    def _search(self, query: Query, filters: Filters, searched: str | None = None) -> list[SearchHit]:
        """`searched`: the question's search text with the other form of its abbreviations, when the
        caller has it already."""
        settings = self.corpus.settings
        # The clause that answers may rank just below the first few on meaning and be lifted by the
        # rerank (a number asked for in a short clause; "WTSA shall appoint the chairman … of TSAG", 13th
        # on fused score, the only one naming TSAG): the rerank reads RERANK_DEPTH hits. Measured on the
        # 1,516 pooled questions: 5 → 10 even, 10 → 15 two more in the top 3 (four gained, two lost).
        deep = query.intent == "ask"
        k = 40 if query.intent == "find" else 10 if query.intent == "sector" else RERANK_DEPTH if deep else \
            max(settings.top_k, 5)
        text = query.search_text
        hits = self.corpus.search(searched or self._with_abbreviations(text), k=k, filters=filters)
        # (every short form the texts define, however often they use it: "the expert group on the ITRs" is
        # covered by "to reconvene an EG-ITR", and a clause of A.8, titled "Alternative approval process …",
        # holds "AAP"; the search itself reads only the rare ones, see expansion_pairs)
        coverage = self._coverage(text, max_uses=EVERY_USE)

        def covered(h: SearchHit) -> bool:
            # Short queries ("IMT") and long list-like clauses embed poorly; a clause holding the
            # query's rare words (most of its idf mass) is evidence too.
            return h.lexical_rank is not None and coverage(h.clause.text) >= COVERAGE_FLOOR

        # Within the texts the question names, the best few by their words are candidates too, however they
        # embed: "the cut-off for member contributions to a WRC or RA under res 165" is its resolves 1 ("a firm
        # submission deadline for all contributions … before the opening of conferences and assemblies").
        kept = [h for h in hits if (h.similarity or 0.0) >= settings.min_evidence or covered(h)
                or (filters.doc_ids and h.lexical_rank is not None and h.lexical_rank <= SCOPED_LEXICAL_KEPT)]
        kept += self._naming_places(query, kept, filters)
        if (part := part_verb_asked(query)) and filters.doc_ids:
            # "what does Res 191 resolve about …": its resolves clauses are candidates however far down the
            # search put them (Res 191's one resolves clause was not among the first fifteen), or however low
            # it scored them (Res 34's annex, a long list of countries, scored a third of the first)
            best = max((h.score for h in kept), default=1.0)
            floor = best * PART_CANDIDATE_SHARE
            kept = [h.model_copy(update={"score": floor}) if c.part.lower().startswith(part) and h.score < floor
                    else h for h in kept for c in [h.clause]]
            held = {h.clause.clause_id for h in kept}
            catalog = self.corpus.catalog()
            kept += [SearchHit(clause=c, score=floor) for d in filters.doc_ids
                     for c in (catalog.clause_at(i) for i in catalog.doc_positions().get(d, []))
                     if c.part.lower().startswith(part) and c.clause_id not in held]
        rows = self._rows_labelled(query, filters)
        if rows:
            kept = rows + [h for h in kept if h.clause.clause_id not in {r.clause.clause_id for r in rows}]
        ranked = rerank(kept, query, coverage)
        if deep and ranked and asks_quantity(query.text) and not holds_quantity(query.text, ranked[0].clause.text):
            ranked = self._with_sibling_quantity(query, ranked)
        if deep and ranked:
            ranked = _with_amount_below(query, ranked, coverage, scoped=bool(filters.doc_ids))
        if deep and ranked and asks_which_question(query.text):
            ranked = self._with_question_named(query, ranked)
        # The extra hits a plain question reads were only candidates for the first few places.
        return ranked[:max(settings.top_k, 5)] if deep else ranked

    def _with_question_named(self, query: Query, ranked: list[SearchHit]) -> list[SearchHit]:
        """"Which SG17 Question hosts the incubation mechanism?": the documents the first few are from are
        searched again for the sentence naming one Question that shares most of the question ("Q4 hosts the
        incubation management part …", 23rd by its words, below every clause that describes the mechanism);
        unless the first clause is that one, it comes second, for the answer to lead with."""
        # (… or when the one of the first few naming a Question shares less of the question: "Q4 Rapporteur(s) in
        # charge of incubation management" for "which SG17 Question hosts the incubation management?")
        top = [h.clause for h in ranked[:5]]
        docs = sorted({h.clause.doc_id for h in ranked[:3]})
        scoped = self.corpus.search(query.search_text, k=QUESTION_NAMING_DEPTH, filters=Filters(doc_ids=docs))
        found = naming_question(query.text, top + [h.clause for h in scoped])
        if found is None or any(c.clause_id == found.clause_id for c in top[:1]):
            return ranked
        rest = [h for h in ranked if h.clause.clause_id != found.clause_id]
        return [rest[0], SearchHit(clause=found, score=rest[0].score), *rest[1:]] if rest else ranked

    def _with_sibling_quantity(self, query: Query, ranked: list[SearchHit]) -> list[SearchHit]:
        """"telex backward busying signal for routine tests - max duration?": the best clause introduces the
        signal (U.1 §10.4.1) and the numbered clauses after it give its duration ("not more than 5 minutes",
        §10.4.2-3), which share too few words to be found: the first of those siblings giving the kind of
        quantity asked comes second."""
        top = ranked[0].clause
        # siblings: "10.4.2" after "10.4.1", or the next paragraphs under one heading ("p2" after "p1")
        parent = top.label.rpartition(".")[0] if top.label and "." in top.label else ""
        if not parent and not re.fullmatch(r"p\d+", top.label or ""):
            return ranked
        catalog = self.corpus.catalog()
        positions = catalog.doc_positions().get(top.doc_id, [])
        at = next((n for n, i in enumerate(positions) if catalog.ids[i] == top.clause_id), None)
        if at is None:
            return ranked
        held = {h.clause.clause_id for h in ranked}
        for i in positions[at + 1: at + 1 + SIBLINGS_READ]:
            c = catalog.clause_at(i)
            if c.part != top.part or (parent and not (c.label or "").startswith(parent + ".")):
                break
            if holds_quantity(query.text, c.text):
                if c.clause_id in held:
                    ranked = [h for h in ranked if h.clause.clause_id != c.clause_id]
                return [ranked[0], SearchHit(clause=c, score=ranked[0].score), *ranked[1:]]
        return ranked

    def _with_abbreviations(self, text: str) -> str:
        """The text and the other form of each abbreviation a clause defines ("ICT Development Index" →
        also "IDI"): operative clauses often use only one of them. Only forms the corpus uses are looked
        up, since the look-up scans the stored clauses. (Given to BM25 alone, the short form
        did not lift "to publish annually the IPB and the IDI" into the first ten.)"""
        extra = list(dict.fromkeys(other for _typed, other in self._aliases(text)))
        return f"{text} {' '.join(extra)}" if extra else text

    def _actors_spelled_out(self, text: str) -> str:
        """The text with each short form written out when only its long form names an actor: one a clause
        defines, or the initials of an actor the texts task ("MSAG": "instructs the Member States Advisory
        Group", which never writes "(MSAG)")."""
        short = [t for t in re.findall(r"(?<![\w-])[A-Z]{3,6}(?![\w-])", text) if not actors_in(t)]
        if not short:
            return text
        pairs = [(t, o) for t, o in self._aliases(text) if t.isupper()]
        tasked = self._tasked_by_initials()  # (read from every clause once, so only when a short form is typed)
        pairs += [(t, tasked[t]) for t in short if t in tasked]
        for typed, other in pairs:
            if not actors_in(typed) and actors_in(other):
                text = re.sub(rf"(?<![\w-]){re.escape(typed)}(?![\w-])", other, text)
        return text

    def _tasked_by_initials(self) -> dict[str, str]:
        """{initials: actor} for the actors of three or more words the texts' mandates name, once per catalog."""
        catalog = self.corpus.catalog()
        if self._initials_of[0] != id(catalog):
            names = {m.actor for c in catalog.clauses for m in c.mandates if len(m.actor.split()) >= 3}
            by: dict[str, set[str]] = defaultdict(set)
            for n in names:
                by[initials(n.split())].add(n)
            self._initials_of = (id(catalog), {k: next(iter(v)) for k, v in by.items() if len(v) == 1})
        return self._initials_of[1]

    def _aliases(self, text: str, lowercase: bool = False, max_uses: int = RARE_USES) -> list[tuple[str, str]]:
        """(form typed, other form) of the abbreviations in `text` that a clause defines, looked up once
        per text (the search, the evidence judge and the Sector composer all ask). `lowercase`: long forms
        typed in lower case count too (a mandate's topic; in the search they moved good results out)."""
        catalog = self.corpus.catalog()
        key = (id(catalog), text, lowercase, max_uses)  # a new catalog (another ingest) may define other abbreviations
        if key in self._alias_cache:
            return self._alias_cache[key]

        def find(needles: list[bytes]) -> list[str]:
            return [catalog.clause_at(i).text for i in catalog.lines_containing(needles)[:ABBREVIATION_LINES]]

        def uses(abbr: str) -> int:
            tokens = lexical_tokens(abbr)
            return catalog.lexical.doc_count(tokens[0]) if len(tokens) == 1 else 0

        pairs = expansion_pairs(text, find, uses, lowercase, max_uses)
        if len(self._alias_cache) > ALIAS_CACHE:
            self._alias_cache.clear()
        self._alias_cache[key] = pairs
        return pairs

    def _restated(self, text: str, refs: list[Reference], clauses: list[Clause]) -> bool:
        """"WTDC res 47 - which two bureau directors have to push fellowships?" with Res 47 not indexed: one
        of the best clauses names it and holds the rest of the question (PP Res 123 recalls what WTDC Res 47
        invited), so it answers from there; a clause that only names it holds little else ("what does WTSA
        Res 52 require?")."""
        if any(asks_its_words(text, r.text) for r in refs):
            return False  # "what does WTDC Res 37 itself say about …?": its own words, which no clause here holds
        rest = key_text(without_references(text))
        if len(content_terms(rest)) < RESTATED_TERMS:
            return False
        cover = self._coverage(rest)
        numbers = [re.escape(r.number) for r in refs if r.number]
        named = re.compile(r"\bResolutions?\s+(?:ITU-R\s+)?(?:No\.\s*)?(?:" + "|".join(numbers) + r")(?![\d.])")
        return any(named.search(c.text) and cover(c.text) >= RESTATED for c in clauses[:RESTATED_HITS])

    def _coverage(self, text: str, alias_text: str | None = None, max_uses: int = RARE_USES) -> Callable[[str], float]:
        """lexical.coverage_of, with either form of an abbreviation the texts define holding the other.
        `alias_text`: where to read the abbreviations when `text` is cut down from it (key_text drops
        "things" from "the Internet of Things", but "IoT" still holds "Internet"); `max_uses`: as `_aliases`."""
        return self.corpus.catalog().lexical.coverage_of(text, self._aliases(alias_text or text, max_uses=max_uses))

    def _rows_labelled(self, query: Query, filters: Filters) -> list[SearchHit]:
        """"TP.inno allocation criteria - what's C4 again?": the table row whose first cell is the code the
        question names ("C4 | SDO Dependency | …") is what it asks for, however little else it shares."""
        codes = list(dict.fromkeys(_ROW_CODE_RE.findall(query.text)))
        letters = list(dict.fromkeys(a or b for a, b in _SERIES_RE.findall(query.text)))
        if not codes and not letters:
            return []
        catalog = self.corpus.catalog()
        out: list[SearchHit] = []
        if letters:
            # (stored as JSON: the row's line break and tab are escaped)
            listed = [catalog.clause_at(i) for i in catalog.lines_containing(
                [f"\\n{x}\\t".encode() for x in letters])]
            out += [SearchHit(clause=c, score=1.0) for c in listed if "series" in c.text.lower()
                    and (not filters.doc_ids or c.doc_id in filters.doc_ids)
                    and any(line.startswith(f"{x}\t") for line in c.text.splitlines() for x in letters)]
        # The row's document must be what the question is about ("WSIS action line C2" is no "C2" criterion
        # of a contribution's table): scoped to it, or sharing the question's other words.
        rest = set(content_terms(_ROW_CODE_RE.sub(" ", query.text)))
        for i in (catalog.lines_containing([f"{code} |".encode() for code in codes]) if codes else []):
            c = catalog.clause_at(i)
            if "#table-" not in c.clause_id or not any(c.text.startswith(f"{code} |") for code in codes):
                continue
            if (c.doc_id in filters.doc_ids) if filters.doc_ids else \
                    len(rest & set(lexical_tokens(f"{c.instrument.title or ''} {c.text}"))) >= ROW_SHARED:
                out.append(SearchHit(clause=c, score=1.0))
        return out[:ROW_HITS]

    def _clauses_naming(self, places: list[str]) -> Iterator[Clause]:
        """Clauses whose text names one of the places (the stored bytes are scanned first)."""
        if not places:
            return
        catalog = self.corpus.catalog()
        for i in catalog.lines_containing([p.encode() for p in places]):
            c = catalog.clause_at(i)
            if any(p in c.text for p in places):
                yield c

    def _documents_naming(self, places: list[str]) -> set[str]:
        return {c.doc_id for c in self._clauses_naming(places)}

    def _naming_places(self, query: Query, hits: list[SearchHit], filters: Filters) -> list[SearchHit]:
        """Clauses naming the country a question names, when no hit does: a long annex listing
        "Afghanistan" among countries in special need ranks low on meaning and on BM25's length norm."""
        places = countries_in(query.text)
        if not places or any(p in h.clause.text for h in hits[:3] for p in places):
            return []
        seen = {h.clause.clause_id for h in hits}
        top = max((h.score for h in hits), default=1.0)
        # Naming the country is not enough: the clause must speak of what is asked too ("Kenya asked for
        # clarification" in an editor's note does not answer for Kenya's numbering plan).
        coverage = self.corpus.catalog().lexical.coverage_of(key_text(search_form(query.text)))
        out: list[SearchHit] = []
        for c in self._clauses_naming(places):
            if c.clause_id in seen or (filters.doc_ids and c.doc_id not in filters.doc_ids) \
                    or coverage(c.text) < PLACE_COVERAGE:
                continue
            out.append(SearchHit(clause=c, score=top))
            if len(out) >= PLACE_HITS:
                break
        return out

    def coverage(self) -> str:
        names: list[str] = []
        for c in self.corpus.catalog().version_heads():
            name = version_display(c)
            if name not in names:
                names.append(name)
        if not names:
            return "The index is empty: run `sectorbot ingest corpus/` first."
        shown = "; ".join(names[:8]) + (f"; and {len(names) - 8} more" if len(names) > 8 else "")
        return f"The corpus covers: {shown}."

    # ---- LLM mode ---------------------------------------------------------------------------------
    def _with_llm(self, query: Query, hits: list[SearchHit], extractive: Answer) -> Answer:
        assert self.llm is not None
        clauses = [h.clause for h in hits[:8]]
        given = {c.clause_id: c for c in clauses}
        shown = {c.clause_id: display(c) for c in clauses}
        try:
            reply = self.llm.ask(query.text, clauses, shown)
        except LLMError as e:
            log.warning("LLM failed, answering extractively: %s", e)
            # The reason is ours (LLMError wording), never the endpoint's raw text.
            note = f"The language model could not be used ({e}); this answer is extractive."
            return extractive.model_copy(update={"notes": [*extractive.notes, note]})
        cits: list[Citation] = []
        texts: list[str] = []
        dropped = 0
        for claim in reply.claims:
            clause = given.get(claim.clause_id)
            cit = citation(clause, claim.quote) if clause else None
            kept, bad = keep_verified([cit], given) if cit else ([], 1)
            # A verbatim quote must also carry the claim: "the" is in every clause.
            if bad or not claim_supported(claim.text, claim.quote, given[claim.clause_id].text, given[claim.clause_id]):
                dropped += 1
                continue
            texts.append(claim.text.strip())
            if all(c.clause_id != kept[0].clause_id for c in cits):
                cits.extend(kept)
        if not cits:
            note = "The language model's answer could not be verified against the clauses; this answer is extractive."
            return extractive.model_copy(update={"notes": [*extractive.notes, note]})
        notes = [f"{dropped} claim(s) from the language model were dropped: their citation did not check out."] \
            if dropped else []
        # A Sector the model names stays only when a clause it cited names that Sector.
        sectors = [s for s in reply.sectors if s in SECTORS and any(s in given[c.clause_id].sectors for c in cits)]
        # The lead and involved Sectors come from the mandate model, not the model's prose; the thin-evidence
        # flag from the evidence check.
        return Answer(question=query.text, intent=extractive.intent, mode="llm", text=" ".join(texts),
                      citations=cits[:MAX_CITATIONS], sectors=sectors or extractive.sectors, notes=notes,
                      lead_sectors=extractive.lead_sectors, involved_sectors=extractive.involved_sectors,
                      thin_evidence=extractive.thin_evidence, missing=extractive.missing)

    def _final_check(self, answer: Answer) -> Answer:
        """Last guard before any front end: every citation must name an indexed clause and quote it."""
        catalog = self.corpus.catalog()
        ids = {c.clause_id for c in answer.citations}
        given = {i: catalog.by_id[i] for i in ids if i in catalog.by_id}
        kept, dropped = keep_verified(answer.citations, given)
        if dropped:
            log.error("dropped %d citation(s) that failed verification", dropped)
            answer = answer.model_copy(update={"citations": kept})
        return answer
