""""Which Sector handles X?" from the mandates of the instruments that speak of X.

1. The search (dense + BM25 on the topic) ranks clauses; each instrument is scored by its best clauses
   (the best, half the second, a third of the third) and by how much of the topic its title holds.
2. The instruments within reach of the best one are read. One *about* the topic (its title holds
   most of the topic, or several of its clauses name it) lends every operative clause to the evidence;
   any other lends only the clauses that name the topic themselves.
3. Each evidence clause gives its Sectors a weight: the role of the mandate (responsible 4; instructed,
   requested, resolved 3; invited, encouraged 2; reports 1; assisting "in coordination with" 0.7; a
   Sector only named beside the topic 1, in a recital 0.5) times the clause's relevance. A mandate
   given to all three Sectors at once counts 0.7. Within one instrument a Sector's clauses add up with
   diminishing weight (1, 1/2, 1/3 …), so many small tasks do not swamp one central mandate; each
   instrument counts by its own score. In an instrument about the topic, a part addressed to one or two
   Sectors' Directors counts at least 0.7 (each Sector's own share of the work leads with it); Sectors its
   resolves say only assist ("with the specialized assistance of") keep half their weight there; a Sector
   said to "have most of the work" weighs as responsible.
   When no clause on the topic ties a Sector to it, the Sectors named anywhere in those clauses count,
   then the mandates of their instrument that hold most of the topic (`widen`), and the answer says so.
4. Lead: every Sector within 60 % of the best. A topic only *listed* among matters of mutual interest
   gives no lead. Operative evidence is cited first, recitals after."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from retrieval.answering.compose import EXCEPTING, MAX_CITATIONS, OWN_TEXT_KINDS, asks_who, em, item, lead, note
from retrieval.answering.compose.topic import item_names, listed, segment_at, topic_position
from retrieval.answering.query import Query
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, display
from retrieval.core.models import THREE, Answer, AnswerLine, Citation, Clause, SearchHit
from retrieval.indexing.lexical import holds, lexical_tokens
from retrieval.parsing.mandates import actors_in, document_sector, is_front_matter, is_recital
from retrieval.parsing.sectors import SECTOR_NAMES, assisting_sectors, mechanisms_in, sector_of_body, sectors_in

OPERATIVE = frozenset({"instructed", "invited", "requested", "encouraged", "resolved", "responsible", "reports"})
ROLE_WEIGHT = {"responsible": 4.0, "instructed": 3.0, "requested": 3.0, "resolved": 3.0, "invited": 2.0,
               "encouraged": 2.0, "reports": 1.0, "assists": 0.7}
LEAD_SHARE = 0.6
# A clause tasking all three Sectors alike says little about which leads: each counts it at half weight,
# so a Sector with its own instruction on the topic ("instructs the Director of TSB") stands out from it.
JOINT_SHARE = 0.5
FRONT_MATTER = 0.25  # a Sector named in a Recommendation's foreword or summary (a preamble counts 0.5)
ASSISTING_NAMED = 0.3  # a Sector named "with the assistance of" counts this share of one named as doing the work
REACH = 0.75  # instruments scoring at least this share of the best one are read
MAX_DOCS = 3
ABOUT_TITLE = 0.5  # share of the topic's idf mass a title must hold for its instrument to be about it
ABOUT_SHARE = 0.15  # … or this share of its clauses must name it
NAMES_TOPIC = 0.5  # … that a clause must hold to speak of the topic itself
# … or less when the best clause holds less than NAMES_TOPIC / NAMES_RELATIVE (a topic in the asker's words,
# not the texts'): this share of what the best of them holds, never under NAMES_FLOOR.
NAMES_RELATIVE, NAMES_FLOOR = 0.8, 0.25
LONG_CLAUSE = 3000  # characters: longer than 99.9 % of the realistic corpus's clauses (tables, whole annexes)
# What a resolution resolves about roles: "with the specialized assistance of ITU-R and ITU-T" (helping,
# not the looser "in collaboration with", which partners say of each other).
_ASSISTED_BY_RE = re.compile(r"\bwith\s+(?:the\s+)?(?:\w+\s+)?(?:assistance|support|help)\s+(?:of|from)\b", re.IGNORECASE)
HELPER_SHARE = 0.5  # weight kept by a Sector's tasks in an instrument that says it only assists
DEDICATED = 0.7  # relevance floor, in an instrument about the topic, of a part addressed to one or two Sectors
WIDEN_SHARE = 0.8  # … and the instrument's mandates holding at least this share of the most any holds
WIDEN_CLAUSES = 3  # clauses on the topic whose whole text is read for Sectors when none is tied to it
# "areas of mutual interest (including accessibility, …)", "subjects common to the three Sectors"; not every
# clause naming the three Sectors ("the initiatives of its three Sectors", "a database to include all ITU Sectors")
MUTUAL_RE = re.compile(r"\bmutual\s+interest\b|\b(?:common|of\s+interest|relevant)\s+to\s+(?:all\s+)?(?:the\s+)?(?:three\s+)?"
                       r"(?:ITU\s+)?Sectors\b", re.IGNORECASE)
_ROLE_WORDS = {"instructed": "instructed", "invited": "invited", "requested": "asked", "encouraged": "encouraged",
               "resolved": "given the task", "responsible": "responsible", "reports": "reports",
               "assists": "works in coordination"}


@dataclass
class _Evidence:
    # sector → doc → contributions (weight × relevance, clause, how)
    parts: dict[str, dict[str, list[tuple[float, Clause, str]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    doc_weight: dict[str, float] = field(default_factory=dict)
    listings: list[Clause] = field(default_factory=list)  # clauses listing the topic as of mutual interest
    supporting: list[Clause] = field(default_factory=list)  # clauses that name the topic
    # Set when no clause on the topic names a Sector and the Sectors come from the rest of its instrument.
    by_instrument: Clause | None = None
    # A Sector's objective in a strategic plan whose heading is the topic: (Sector, clause)
    remits: list[tuple[str, Clause]] = field(default_factory=list)

    @property
    def listing(self) -> Clause | None:
        """The listing cited first: an adopted text before one a contribution only proposes."""
        return next((c for c in self.listings if not c.proposal), None) or next(iter(self.listings), None)

    def lists_topic(self, c: Clause, terms: list[str]) -> None:
        """Note a clause listing the topic among matters of mutual interest, when one of the list's items
        names it (a list whose items only share words with the topic does not)."""
        if item_names(c.text, terms) and all(x.clause_id != c.clause_id for x in self.listings):
            self.listings.append(c)

    def add(self, sector: str, w: float, c: Clause, how: str) -> None:
        self.parts[sector][c.doc_id].append((w, c, how))

    def score(self, sector: str) -> float:
        total = 0.0
        for doc, contribs in self.parts.get(sector, {}).items():
            ws = sorted((w for w, _c, _h in contribs), reverse=True)
            total += self.doc_weight.get(doc, 0.0) * sum(w / n for n, w in enumerate(ws, 1))
        return total

    def best(self, sector: str) -> tuple[float, Clause, str]:
        return max((x for cs in self.parts[sector].values() for x in cs), key=lambda x: x[0])

    def all(self) -> list[tuple[float, Clause, str]]:
        return [x for s in self.parts for cs in self.parts[s].values() for x in cs]


def relevance(hits: list[SearchHit], coverage: Callable[[str], float]) -> dict[str, float]:
    """A hit's share of the best score, discounted when the clause holds little of the topic's words:
    a resolution on coordination is close to "satellite orbit coordination" in meaning without being
    about satellites."""
    top = max((h.score for h in hits), default=0.0) or 1.0
    return {h.clause.clause_id: max(0.0, h.score / top) * (0.3 + 0.7 * min(1.0, coverage(h.clause.text) / 0.6))
            for h in hits}


def _doc_scores(hits: list[SearchHit], rel: dict[str, float], title_cov: Callable[[str], float]) -> dict[str, float]:
    by_doc: dict[str, list[float]] = defaultdict(list)
    title: dict[str, str] = {}
    for h in hits:
        by_doc[h.clause.doc_id].append(rel[h.clause.clause_id])
        title[h.clause.doc_id] = h.clause.instrument.title or ""
    out = {}
    for d, scores in by_doc.items():
        s = sorted(scores, reverse=True)[:3]
        out[d] = sum(x / n for n, x in enumerate(s, 1)) + 0.5 * title_cov(title[d])
    return out


def weigh(hits: list[SearchHit], operative_by_doc: Mapping[str, list[Clause]], terms: list[str],
          coverage: Callable[[str], float], size_by_doc: Mapping[str, int] | None = None) -> _Evidence:
    ev = _Evidence()
    if not hits:
        return ev
    # Every clause's coverage is asked for several times below (relevance, naming, listing): once each.
    coverage = functools.lru_cache(maxsize=None)(coverage)
    rel = relevance(hits, coverage)
    docs = _doc_scores(hits, rel, coverage)
    best = max(docs.values())
    reached = [d for d, s in sorted(docs.items(), key=lambda kv: -kv[1]) if s >= REACH * best][:MAX_DOCS]
    ev.doc_weight = {d: docs[d] / best for d in reached}
    by_id: dict[str, Clause] = {h.clause.clause_id: h.clause for h in hits}
    # A strategic plan's 10,000-character table holds most words of any topic: the bar for naming the topic
    # is set by clauses of ordinary length.
    best_cov = max((coverage(h.clause.text) for h in hits[:10] if len(h.clause.text) <= LONG_CLAUSE),
                   default=max(coverage(h.clause.text) for h in hits[:10]))
    # (continuous: with the best at 0.58 a task holding 0.47 names the topic as well as one holding 0.49 does
    # when the best holds 0.49)
    names_at = max(NAMES_FLOOR, min(NAMES_TOPIC, NAMES_RELATIVE * best_cov))
    # A clause listing the topic among matters of mutual interest counts wherever it stands.
    for h in hits:
        c = h.clause
        if rel[c.clause_id] >= 0.5 and MUTUAL_RE.search(c.text) and coverage(c.text) >= names_at:
            pos = topic_position(c.text, terms)
            if pos is not None and listed(c.text, pos):
                ev.lists_topic(c, terms)
    for d in reached:
        named = [c for c in by_id.values() if c.doc_id == d and coverage(c.text) >= names_at]
        title = next(c.instrument.title for c in by_id.values() if c.doc_id == d) or ""
        # About the topic: its title says so, or the topic runs through it (a broad resolution that
        # names the topic twice among forty clauses is not about it).
        size = (size_by_doc or {}).get(d, len(named))
        about = coverage(title) >= ABOUT_TITLE or (len(named) >= 2 and len(named) >= ABOUT_SHARE * size)
        pool = {c.clause_id: c for c in by_id.values() if c.doc_id == d}
        if about:
            pool.update({c.clause_id: c for c in operative_by_doc.get(d, [])})
        own = document_sector(next(iter(pool.values())).instrument) if pool else None
        if own in THREE and about:
            # A Sector's own text (an ITU-T Recommendation, a WTDC resolution) treating the topic.
            first = max((c for c in pool.values()), key=lambda c: rel.get(c.clause_id, 0.0))
            ev.add(own, 2.0 * max(rel.get(first.clause_id, 0.0), 0.4), first, f"treated in {own}'s own text")
        for c in pool.values():
            names = coverage(c.text) >= names_at
            if not (about or names):
                continue
            if names:
                ev.supporting.append(c)
            floor = (DEDICATED if _dedicated(c) else 0.4) if about else 0.0
            _weigh_clause(ev, c, max(rel.get(c.clause_id, 0.0), floor), terms, names, floor)
        if about:
            # The instrument says who only assists ("within ITU-D, with the specialized assistance of ITU-R
            # and ITU-T"): their other tasks in it are that assistance.
            helpers = {x for c in pool.values() if c.part.startswith("resolves") and _ASSISTED_BY_RE.search(c.text)
                       for x in assisting_sectors(c.text)}
            for x in helpers & set(ev.parts):
                if d in ev.parts[x]:
                    ev.parts[x][d] = [(w * HELPER_SHARE, c, h) for w, c, h in ev.parts[x][d]]
    # Beyond the instruments read, a clause among the hits that names the topic still speaks for the
    # Sectors it names or tasks, at half weight ("… technical, operating and tariff questions …" in the
    # rules of ITU-T, when a glossary of tariff terms ranks first).
    for c in by_id.values():
        if c.doc_id in ev.doc_weight or rel[c.clause_id] < 0.3 or coverage(c.text) < names_at:
            continue
        ev.doc_weight[c.doc_id] = docs[c.doc_id] / best
        ev.supporting.append(c)
        _weigh_clause(ev, c, 0.5 * rel[c.clause_id], terms, True)
    return ev


def _dedicated(c: Clause) -> bool:
    """An operative clause under a part addressed to one Sector's actors alone ("instructs the Director of
    TSB"): in an instrument about the topic, that Sector's own share of the work."""
    sectors = {m.sector for m in c.mandates if m.role in OPERATIVE}
    return 1 <= len(sectors) <= 2 and sectors <= set(THREE) and not is_recital(c)


def widen(ev: _Evidence, hits: list[SearchHit], operative_by_doc: Mapping[str, list[Clause]],
          coverage: Callable[[str], float]) -> None:
    """When no clause on the topic ties a Sector to it where it names it: first the Sectors named anywhere
    in the text of the clauses that hold most of it ("… digital terrestrial television … with ITU-R and
    ITU-D"), then the mandates of the instrument that speaks of it, whose resolves names no actor ("to
    urgently enable … the transition to digital terrestrial television" is carried out by the Directors the
    same resolution instructs)."""
    if not ev.supporting or ev.listing is not None:
        return  # a topic listed among matters of mutual interest has no lead to find
    # … also when the instrument that speaks most of the topic tied no Sector to it, though another did in
    # passing ("IPv6 capacity building": PP Res 180, whose BDT instructions do not repeat the words, against a
    # line of the strategic plan's annex).
    top_doc = ev.supporting[0].doc_id

    def settled() -> bool:
        return any(top_doc in ev.parts[s] for s in list(ev.parts))

    if settled():
        return
    docs = {c.doc_id for c in ev.supporting}
    near = sorted({h.clause.clause_id: h.clause for h in hits if h.clause.doc_id in docs
                   and coverage(h.clause.text) >= NAMES_FLOOR}.values(), key=lambda c: -coverage(c.text))
    for c in near[:WIDEN_CLAUSES]:
        helping = set(assisting_sectors(c.text))
        context = FRONT_MATTER if is_front_matter(c) else 0.5 if is_recital(c) else 1.0
        for s in sectors_in(c.text):
            if s in THREE:
                ev.doc_weight.setdefault(c.doc_id, 1.0)
                ev.add(s, (ASSISTING_NAMED if s in helping else 1.0) * 0.5 * context, c,
                       "named in a clause that speaks of it")
    if settled():
        return
    first = ev.supporting[0]
    ops = [c for c in operative_by_doc.get(first.doc_id, []) if any(m.sector in THREE for m in c.mandates)]
    held = {c.clause_id: coverage(c.text) for c in ops}
    top = max(held.values(), default=0.0)
    for c in ops:
        # Those of its mandates that hold most of the topic speak for it; with none holding any, all do.
        if held[c.clause_id] >= WIDEN_SHARE * top:
            _weigh_clause(ev, c, 0.4, [], False)
    if ev.parts:
        ev.doc_weight.setdefault(first.doc_id, 1.0)
        ev.by_instrument = first


_MOST_WORK_RE = re.compile(r"\b(?:has|have|carries|carry|does|do|bears|bear)\s+(?:out\s+)?(?:most|the\s+bulk|the\s+main\s+part)"
                           r"\s+of\s+the\s+work\b|\bhas\s+(?:the\s+)?(?:primary|main|lead)\s+(?:responsibility|role)\b",
                           re.IGNORECASE)


def _weigh_clause(ev: _Evidence, c: Clause, r: float, terms: list[str], names: bool, floor: float = 0.0) -> None:
    pos = topic_position(c.text, terms) if names else None
    is_listed = pos is not None and listed(c.text, pos)
    ops = [m for m in c.mandates if (m.role in OPERATIVE or m.role == "assists") and m.sector in THREE]
    # A preamble restating a mandate ("ITU-T shall study … tariff questions") counts half; a
    # Recommendation's foreword, the same boilerplate in every ITU-T Recommendation, a quarter.
    context = FRONT_MATTER if is_front_matter(c) else 0.5 if is_recital(c) else 1.0
    # "… initiated by the Director of BDT, with specialized assistance from ITU-R and ITU-T": in the text
    # of a resolves clause, those two help.
    helping = set(assisting_sectors(c.text)) if ops else set()
    ops = [m.model_copy(update={"role": "assists"}) if m.sector in helping and m.role != "assists" else m
           for m in ops]
    # "… recognizing that ITU-T has most of the work relevant to the ITRs": the text names who carries it.
    for mw in _MOST_WORK_RE.finditer(c.text):
        for s in sectors_in(c.text[max(0, mw.start() - 90): mw.start()])[-1:]:
            if s in THREE:
                ev.add(s, ROLE_WEIGHT["responsible"] * r * context, c, "said to have most of the work")
    lead_roles = {m.sector for m in ops if m.role in OPERATIVE}
    with_sg = not lead_roles and len({m.sector for m in ops}) == 1 and any(
        m.role in OPERATIVE and m.sector == "GS" for m in c.mandates)
    if with_sg:
        # "resolves to instruct the Secretary-General, in close collaboration with the Director of BDT, to
        # implement regional initiatives": the one Bureau the Secretary-General works with carries the
        # Sector's share of the task (the Secretary-General is no Sector)
        ops = [m.model_copy(update={"role": "requested"}) for m in ops]
        lead_roles = {m.sector for m in ops}
    joint = len(lead_roles) >= 3
    if ops:
        for s in {m.sector for m in ops if m.sector}:
            m = max((m for m in ops if m.sector == s), key=lambda m: ROLE_WEIGHT[m.role])
            # One item of a list counts less; in an instrument about the topic, never less than the clauses
            # that do not name it at all (`floor`): naming the topic is no reason to rank below them.
            w = ROLE_WEIGHT[m.role] * (JOINT_SHARE if joint and m.role != "assists" else 1.0)
            ev.add(s, w * max(r * (0.4 if is_listed else 1.0), floor) * context, c,
                   f"{_actor_shown(m.actor, s, c)} {'works with the Secretary-General' if with_sg else _ROLE_WORDS[m.role]}")
        return
    if pos is None:
        return
    remit = sector_objective(c, terms)
    if remit is not None:
        sector, objective = remit
        ev.remits.append((sector, c))
        ev.add(sector, ROLE_WEIGHT["responsible"] * r * context, c, f"{sector}'s objective {objective}")
        return
    if MUTUAL_RE.search(c.text) and is_listed:
        ev.lists_topic(c, terms)
        return
    s0, e0 = segment_at(c.text, pos)
    piece = c.text[s0:e0]
    helping = set(assisting_sectors(piece))
    # "CCV of the ITU Radiocommunication Sector, and the SCV of ITU-T": the Sector the body belongs to,
    # not every Sector of the sentence.
    own = sector_of_body(c.text, pos, lambda w: bool(set(lexical_tokens(w)) & set(terms)))
    if own is None:
        # "SCV, the vocab committee": placed by its acronym ("… (SCV) of ITU-T") when the words found first
        # name another body ("the Coordination Committee for Vocabulary (CCV) of ITU-R")
        own = next((o for m in re.finditer(r"\b[A-Z][A-Z0-9&-]{1,7}\b", c.text)
                    if set(lexical_tokens(m.group(0))) & set(terms)
                    and (o := sector_of_body(c.text, m.start(), m.group(0).__eq__)) is not None), None)
    # … unless the body is the study groups of several Sectors listed ("the study groups of ITU-R and ITU-T")
    several = sorted({m.sector for m in c.mandates if m.actor.endswith("study groups") and m.sector in THREE})
    for s in several if own in several and len(several) > 1 else [own] if own in THREE else sectors_in(piece):
        if s in THREE:
            w = (context if context < 1.0 else 0.5 if is_listed else 1.0) * r
            if s in helping:
                ev.add(s, ASSISTING_NAMED * w, c, "named as assisting")
            else:
                ev.add(s, w, c, f"{_body_named(piece, s, c)} named".lstrip())


# A strategic plan states each Sector's remit as numbered objectives ("ITU-R objectives: • R.1 Spectrum/orbit
# regulation and management: Meet …", "ITU-T objectives T.1 Development of standards"); their outputs
# ("D.4-4: Products and services on …") are sub-items, not the remit.
_OBJECTIVE_RE = re.compile(r"(?<![\w.-])(?P<letter>[RTD])\.(?P<n>\d)\s+(?P<head>[^:•\n]{3,90}?)\s*(?=:|•|$|\s[RTD]\.\d\b)")
_PLAN_RE = re.compile(r"\bstrategic\s+plan\b|\bobjectives\b", re.IGNORECASE)


def sector_objective(c: Clause, terms: list[str]) -> tuple[str, str] | None:
    """(Sector, "R.1 Spectrum/orbit regulation and management") when the heading of one Sector's objective in
    a strategic plan holds the whole topic: the plan says whose remit it is, though it tasks no one by name."""
    if not terms or not (_PLAN_RE.search(c.instrument.title or "") or _PLAN_RE.search(c.text)):
        return None
    for m in _OBJECTIVE_RE.finditer(c.text):
        head = m.group("head")
        if len(head.split()) <= 10 and all(holds(set(lexical_tokens(head)), t) for t in terms):
            return f"ITU-{m.group('letter')}", f"{m.group('letter')}.{m.group('n')} {head.strip()}"
    return _objective_entry(c, terms)


# An objective's entry in the plan's tables: "T.3 Telecommunication resources: Ensure effective allocation …
# T.3-a: … T.3-1: …" up to the next objective ("I.3 Telecommunication/ICT accessibility: …" is inter-sectoral).
_ENTRY_RE = re.compile(r"(?<![\w.-])(?P<letter>[RTDI])\.(?P<n>\d)\s+(?P<head>[A-Z][^:•\n]{2,90}?):\s")
_FRAMING = frozenset(lexical_tokens("strategic plan objective objectives outcome outcomes output outputs target targets "
                                    "sit sits fall falls belong belongs come comes under sector sectors"))
ENTRY_SHARE = 0.75  # of the topic's words an objective's entry must hold to be the topic's objective


def _objective_entry(c: Clause, terms: list[str]) -> tuple[str, str] | None:
    """(Sector, objective) for a topic described in one objective's entry rather than in its heading ("allocating
    international numbering, naming, addressing and identification resources" is T.3's, "Telecommunication
    resources"): the entry holding most of the topic's words, when it is one Sector's and holds most of them."""
    title = set(lexical_tokens(c.instrument.title or ""))
    asked = [t for t in terms if t not in _FRAMING and t not in title]
    entries = list(_ENTRY_RE.finditer(c.text))
    if len(asked) < 2 or not entries:
        return None
    scored = []
    for i, m in enumerate(entries):
        end = entries[i + 1].start() if i + 1 < len(entries) else len(c.text)
        have = set(lexical_tokens(c.text[m.start():end]))
        scored.append((sum(holds(have, t) for t in asked) / len(asked), m))
    best = max(x for x, _m in scored)
    top = {m.group("letter") for x, m in scored if x == best}
    if best < ENTRY_SHARE or len(top) != 1 or top == {"I"}:
        return None
    m = next(m for x, m in scored if x == best)
    return f"ITU-{m.group('letter')}", f"{m.group('letter')}.{m.group('n')} {m.group('head').strip()}"


_SG_NAME_RE = re.compile(r"^SG(\d+)$")
INVOLVED_SHARE = 0.1  # of the lead's weight, below which another Sector is not listed as involved …
BESIDE_SHARE = 0.25  # … unless named in a document that gives the lead at least this share of its best weight
# "the appropriate ITU-T study groups, particularly Study Groups 2 and 3": the groups a clause singles out
_SINGLED_OUT_RE = re.compile(r"\b(?:particularly|in\s+particular|notably|especially|including)\s+"
                             r"(?P<g>Study\s+Groups?\s+\d+(?:\s*(?:,|and)\s*\d+)*)", re.IGNORECASE)


def _actor_shown(actor: str, sector: str, c: Clause) -> str:
    """The actor as a reader names it: "SG1" of ITU-D is "ITU-D Study Group 1"; "ITU-T study groups
    (Study Groups 2 and 3)" when the clause (or the sentence it completes) singles out some of them."""
    sg = _SG_NAME_RE.match(actor)
    if sg:
        return f"{sector} Study Group {sg.group(1)}"
    m = _SINGLED_OUT_RE.search(f"{c.lead_in or ''} {c.text}") if actor.lower().endswith("study groups") else None
    return f"{actor} ({' '.join(m.group('g').split())})" if m else actor


def _body_named(piece: str, sector: str, c: Clause) -> str:
    """The group or Bureau of the Sector the sentence names ("ITU-T, in particular Study Group 3" →
    "ITU-T Study Group 3", "… is done by TSB" → "TSB"), or "" when it names the Sector alone: the
    answer then says who, not only which Sector."""
    only = [x for x in sectors_in(piece) if x in THREE] == [sector]
    named = [a for _pos, a in actors_in(piece, document_sector(c.instrument))
             if a.name not in SECTOR_NAMES and a.name not in _ASSEMBLIES
             and (a.sector == sector or (a.sector is None and only and _SG_NAME_RE.match(a.name)))]
    # a study group before a Bureau: it does the work the sentence speaks of
    named.sort(key=lambda a: not _SG_NAME_RE.match(a.name))
    for a in named:
        sg = _SG_NAME_RE.match(a.name)
        return f"{sector} Study Group {sg.group(1)}" if sg else a.name
    return ""


def owner_sectors(topic: str, clauses: list[Clause]) -> list[str]:
    """The Sectors whose own the topic is, as the clauses naming it say: "ITU-T's <topic>", or a
    Recommendation of a Sector the topic names by number ("E.164" in "Recommendation ITU-T E.164")."""
    terms = set(lexical_tokens(topic))
    numbers = set(re.findall(r"\b[A-Z]\.\d+(?:\.\d+)*\b", topic))

    def topic_follows(text: str, at: int) -> bool:
        # the noun phrase after `at` is the topic ("ITU-T's Bridging the Standardization Gap programme"), not
        # a word about it ("ITU-D's efforts on cybersecurity")
        phrase = _NOUN_PHRASE_END.split(text[at:at + 100], maxsplit=1)[0]
        return bool(terms) and len(terms & set(lexical_tokens(phrase))) >= min(2, len(terms))

    owners: list[str] = []
    for c in clauses:
        owners += [m.group(1) for m in _OWNED_RE.finditer(c.text) if topic_follows(c.text, m.end())]
        # "… Recommendation ITU-T E.164 numbering plans": asked by its number, or by what follows it
        owners += [m.group(1) for m in _REC_OF_RE.finditer(c.text)
                   if m.group(2) in numbers or topic_follows(c.text, m.end())]
    return list(dict.fromkeys(owners))


# Where the noun phrase after a possessive ends: "ITU-D's efforts | on cybersecurity".
_NOUN_PHRASE_END = re.compile(r"[,;:.]|\s(?:on|in|for|to|of|with|at|by|from|that|which|and|as|under|within)\s")
_OWNED_RE = re.compile(r"\b(ITU-[RTD])['\u2019]s\s+")
_REC_OF_RE = re.compile(r"\bRecommendations?\s+(ITU-[RTD])\s+([A-Z]\.\d+(?:\.\d+)*)")


# Who decides, not who does the work a Sector is named for.
_ASSEMBLIES = frozenset({"WTSA", "WTDC", "RA", "WRC", "PP", "Council", "Plenipotentiary Conference"})
_ASSEMBLY_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(_ASSEMBLIES))) + r")(?:-\d+)?\b")


def compose_sector(query: Query, hits: list[SearchHit], operative_by_doc: Mapping[str, list[Clause]], terms: list[str],
                   coverage: Callable[[str], float], topic: str, size_by_doc: Mapping[str, int] | None = None
                   ) -> Answer | None:
    """None when no clause speaks of the topic (the caller abstains, naming it)."""
    ev = weigh(hits, operative_by_doc, terms, coverage, size_by_doc)
    if not ev.supporting and not ev.parts:
        return None
    widen(ev, hits, operative_by_doc, coverage)
    # "Apart from BDT, which bureaux …": the Sector set aside is not the answer.
    excluded = set(excluded_sectors(query.text))
    scores = {s: ev.score(s) for s in THREE if s in ev.parts and s not in excluded}
    best = max(scores.values(), default=0.0)
    # A topic listed as of mutual interest, with no mandate about it, gives no lead.
    floor = 1.2 if ev.listing is not None else 0.25
    lead_s = [s for s in THREE if best >= floor and scores.get(s, 0) >= LEAD_SHARE * best]
    own_text: Clause | None = None  # the document whose own Sector leads, when no clause names one
    # A Sector the question itself names ("… set up jointly with ITU-T") is the partner, not the answer.
    # (an assembly named is where texts come from, not a partner: "… recalls WTSA resolutions on ccTLDs")
    partners = [s for s in sectors_in(_ASSEMBLY_RE.sub(" ", topic)) if s in lead_s]
    if partners and len(partners) < len(lead_s):
        lead_s = [s for s in lead_s if s not in partners]
    # The clause that decides the lead for "which Bureaux …" or "which sector organises …", cited first.
    deciding = _jointly_tasked(query.text, hits, coverage, excluded) or \
        _tasked_with_the_action(query.text, hits, coverage, excluded)
    if deciding is not None:
        lead_s = [s for s in THREE if s in sectors_doing(deciding) and s not in excluded]
    remit = [s for s in THREE if any(x == s for x, _c in ev.remits) and s not in excluded]
    if deciding is None and remit:
        # The strategic plan names the topic as a Sector's objective: its remit, whoever else is tasked
        # with pieces of it elsewhere (BDT's assistance projects that include spectrum management).
        # A question asking which Sectors (plural) share it keeps the others the texts task beside it.
        lead_s = [s for s in THREE if s in remit or (s in lead_s and _PLURAL_ASK_RE.search(query.text))]
    if len(lead_s) > 1 and not _PLURAL_ASK_RE.search(query.text):
        # Tasked jointly, the topic is still one Sector's own: "ITU-T's Bridging the Standardization Gap
        # programme", "Recommendation ITU-T E.164 numbering plans".
        owners = owner_sectors(topic, [*ev.supporting, *(c for _w, c, _how in ev.all())])
        if len(owners) == 1 and owners[0] in lead_s:
            lead_s = [s for s in lead_s if s == owners[0]]
    if not lead_s and ev.listing is None and ev.supporting and all(
            c.instrument.kind in OWN_TEXT_KINDS for c in ev.supporting):
        # "E.119 (safety confirmation …) - which sector is that from?": a Recommendation is its Sector's own,
        # and so is a study group's meeting document ("the incubation mechanism" of SG17-C823)
        own = {document_sector(c.instrument) for c in ev.supporting}
        if len(own) == 1 and (sector := own.pop()) in THREE:
            lead_s = [sector]
            own_text = ev.supporting[0]
    if len(lead_s) > 1 and _WHOSE_SGS_RE.search(query.text):
        # "whose study groups are on the hook for DFS standards?": the Sector whose study groups the texts task
        # (Res 204 instructs ITU-T's; the Directors of TSB and BDT have other tasks there)
        tasked = [s for s in lead_s if any(m.sector == s and m.role in OPERATIVE and (
            m.actor.endswith("study groups") or _SG_NAME_RE.match(m.actor)) for _w, c, _how in ev.all() for m in c.mandates)]
        lead_s = tasked or lead_s
    # Beside a lead, a Sector the evidence barely weighs is no part of the answer: tariffs are ITU-T's, and
    # "assistance to Palestine … spectrum management, tariff …" (ITU-D with ITU-R) is not ITU-R on tariffs.
    # Named in an instrument that gives the lead ("ITU-D, with the assistance of ITU-R and ITU-T"), it stays.
    least = INVOLVED_SHARE * max((scores.get(s, 0) for s in lead_s), default=0.0)
    beside = {doc for s in lead_s if s in ev.parts for doc, cs in ev.parts[s].items()
              if max(w for w, _c, _how in cs) >= BESIDE_SHARE * ev.best(s)[0]}
    involved = [s for s in THREE if s not in lead_s and scores.get(s, 0) > 0 and (
        scores[s] > least or any(doc in beside for doc in ev.parts.get(s, {})))]
    if ev.listing is not None and not lead_s:
        involved = list(THREE)
    who = asks_who(query.text)
    if who and not lead_s and not involved and ev.listing is None:
        return None  # "Who coordinates …?" with no Sector in sight: the evidence's actor answers it
    lines: list[AnswerLine] = []
    lead_clause: Clause | None = None
    first: list[Clause] = [deciding] if deciding is not None else \
        [c for x, c in ev.remits if x in lead_s][:1] if remit else []
    if who:
        # "Who is responsible for …?" names the actor before the Sector, and cites that clause first.
        # … not the topic itself: "who is responsible for strengthening the regional offices?" is not
        # answered by "… under the coordination of the regional offices".
        subject = set(lexical_tokens(topic))
        resp = [(c, md) for c in ev.supporting for md in c.mandates if md.role == "responsible"
                and not set(lexical_tokens(md.actor)) <= subject]
        if resp:
            rc, rm = resp[0]
            lines.append(lead(f"{rm.actor}: {rm.what} ({display(rc)})."))
            first.append(rc)
    if lead_s:
        full = [SECTOR_NAMES[s] for s in lead_s]
        names = full[0] if len(full) == 1 else f"{', '.join(full[:-1])} and {full[-1]}"
        if deciding is not None:
            c = deciding
            how = _tasked_how(c, lead_s[0])
        elif lead_s[0] in remit:
            _w, c, how = max((x for x in ev.all() if (lead_s[0], x[1]) in ev.remits), key=lambda x: x[0])
        elif own_text is not None and lead_s[0] not in ev.parts:
            # a meeting document names no Sector in its text: it is one of its study group's documents
            c = own_text
            group = (c.instrument.symbol or "").split("-")[0]
            how = f"described by {lead_s[0]} Study Group {group[2:]}" if re.fullmatch(r"SG\d+", group) \
                else f"{lead_s[0]}'s own text"
        else:
            _w, c, how = ev.best(lead_s[0])
        verb = "lead" if len(lead_s) > 1 else "leads"
        lead_clause = c
        # (the clause giving the lead may be in another instrument than the one read for the Sectors)
        if ev.by_instrument is not None and c.doc_id == ev.by_instrument.doc_id:
            lines.append(lead(names, f" {verb} on ", em(topic), f": {display(ev.by_instrument)} speaks of it "
                              f"without naming a Sector; in the same instrument, {how} ({display(c)})."))
        elif ev.by_instrument is not None:
            lines.append(lead(names, f" {verb} on ", em(topic), f": {display(ev.by_instrument)} speaks of it "
                              f"without naming a Sector; {how} in {display(c)}."))
        else:
            lines.append(lead(names, f" {verb} on ", em(topic), f": {how} in {display(c)}."))
    elif ev.listing is not None:
        lines.append(lead(em(topic[:1].upper() + topic[1:]), " is listed as a matter of mutual interest to all three Sectors "
                          f"(ITU-R, ITU-T, ITU-D) in {display(ev.listing)}; no text found gives one Sector the lead."))
    elif involved:
        where = display(max((ev.best(s) for s in involved), key=lambda x: x[0])[1])
        lines.append(lead(em(topic[:1].upper() + topic[1:]), f" is named with {', '.join(involved)} in {where}; "
                          "no text found gives one Sector the lead."))
    else:
        lines.append(lead("The corpus speaks of ", em(topic), f" in {display(ev.supporting[0])}, "
                          "but names no Sector for it."))
    for s in lead_s + involved:
        if s not in ev.parts and not (deciding is not None and s in lead_s):
            continue
        if deciding is not None and s in lead_s:
            c = deciding
            how = _tasked_how(c, s)
        elif s in remit and s in lead_s:
            _w, c, how = max((x for x in ev.all() if (s, x[1]) in ev.remits), key=lambda x: x[0])
        else:
            _w, c, how = ev.best(s)
        role = "lead" if s in lead_s else "involved"
        lines.append(item(f"{s} ({role}): {how} — {display(c)}"))
    if ev.listing is not None:
        lines.append(item(f"Listed as a matter of mutual interest to all three Sectors: {display(ev.listing)}"))
    mechs: dict[str, Clause] = {}
    for c in ev.supporting + [c for _w, c, _h in ev.all()]:
        for mech in mechanisms_in(c.text):
            if mech != "liaison":
                mechs.setdefault(mech, c)
    if mechs:
        lines.append(note("Coordination: " + "; ".join(f"{m} ({display(c)})" for m, c in mechs.items()) + "."))
    # Evidence for the lead first (operative before recitals, then by weight), then the others', then
    # listings and the clauses that only name the topic.
    ranked = [(-neg_w, c) for _lead, _rec, neg_w, c in sorted(
        ((s not in lead_s, is_recital(c) or _helping(h), -w, c) for s in lead_s + involved if s in ev.parts
         for cs in ev.parts[s].values() for w, c, h in cs),
        # equal weights (clauses lent by an instrument about the topic): the one holding more of it first
        key=lambda x: (*x[:3], -coverage(x[3].text)))]
    listings = sorted(ev.listings, key=lambda c: c is not ev.listing)
    ranked += [(0.0, c) for c in listings + ev.supporting]
    if ev.listing is not None and not lead_s:
        first += listings  # the texts listing it say most: each (adopted first)
    if ev.by_instrument is not None:
        # The clauses that speak of the topic come before the instrument's mandates read for it, except the
        # one the lead is given by: the answer's first sentence cites it.
        first += [*([lead_clause] if lead_clause is not None else []), *ev.supporting[:WIDEN_CLAUSES]]
    ranked = [(0.0, c) for c in first] + ranked
    cits: list[Citation] = []
    seen_text: set[str] = set()
    for _w, c in ranked:
        # The same boilerplate (every ITU-T Recommendation's foreword) is cited once.
        same = " ".join(c.text.split()).lower()
        if all(x.clause_id != c.clause_id for x in cits) and same not in seen_text:
            seen_text.add(same)
            cits.append(citation(c, best_quote(c.text, topic)))
        if len(cits) >= MAX_CITATIONS:
            break
    return Answer(question=query.text, intent="sector", lines=lines, citations=cits,
                  sectors=lead_s + involved, lead_sectors=lead_s, involved_sectors=involved)


_EXCEPT_RE = re.compile(EXCEPTING + r"(?:the\s+)?(?P<who>[\w-]+(?:\s+of\s+[\w-]+)?)", re.IGNORECASE)


# "Which Bureaux have to help …", "which Bureau Directors are made responsible …": several are expected.
# "which sectors …", "which sector(s) …", "BDT, TSB or both?": the asker expects more than one may be tasked
_WHOSE_SGS_RE = re.compile(r"\b(?:whose|which\s+sector(?:'s|s')?|what\s+sector(?:'s|s')?)\s+(?:study\s+groups?|SGs?)\b"
                           # "the SGs of which Sector …", "is that the T or the D sector's SGs?", "T or D SGs?"
                           r"|\b(?:study\s+groups?|SGs?)\s+of\s+(?:which|what)\s+sector\b|\bsector(?:'s|s')\s+(?:study\s+groups?|SGs?)\b"
                           r"|\b(?:ITU-[RTD]|[RTD])(?:'s)?\s+or\s+(?:the\s+)?(?:ITU-[RTD]|[RTD])(?:'s)?\s+(?:study\s+groups?|SGs?)\b", re.I)
_PLURAL_ASK_RE = re.compile(r"\bwhich\s+(?:ITU\s+)?(?:bureaux|bureaus|bureau\s+directors|directors|sectors|sector\(s\)|"
                            r"bureau\(x\)|bureau\(s\))(?!\w)|\bor\s+both\s*\??\s*$"
                            # "… purely a TSB thing or do all the bureaux have a part?", "… or all three?"
                            r"|\bor\s+(?:(?:do|does|are|is|have)\s+)?(?:all|each)\s+(?:of\s+)?(?:the\s+)?(?:three|3)?\s*"
                            r"(?:bureaux|bureaus|sectors|of\s+them)?\b", re.I)
JOINT_COVERAGE = 0.3  # the clause tasking them together must speak of the question this much
JOINT_HITS = 5  # … and be among the best few found


def _jointly_tasked(question: str, hits: list[SearchHit], coverage: Callable[[str], float],
                    excluded: set[str]) -> Clause | None:
    """For a question asking which Bureaux (plural), the Sectors whose actors one of the best few
    operative clauses tasks together ("to instruct the Director of BR and the Director of BDT to ensure
    that this resolution is implemented"): they share the lead, whatever else each does alone."""
    if not _PLURAL_ASK_RE.search(question):
        return None
    for h in hits[:JOINT_HITS]:
        c = h.clause
        # The instrument's title says what its clauses are about ("… to Palestine for rebuilding its networks").
        if is_recital(c) or coverage(f"{c.instrument.title or ''} {c.text}") < JOINT_COVERAGE:
            continue
        tasked = sectors_doing(c) - excluded
        if len(tasked) >= 2:
            return c
    return None


def _tasked_how(c: Clause, sector: str) -> str:
    """How the clause tasks the Sector's actor ("Director of BDT instructed"), or has it work with the
    Secretary-General it tasks."""
    m = next(m for m in sorted(c.mandates, key=lambda m: m.role not in OPERATIVE)
             if m.sector == sector and (m.role in OPERATIVE or m.role == "assists"))
    return f"{_actor_shown(m.actor, sector, c)} {_ROLE_WORDS[m.role]}"


def sectors_doing(c: Clause) -> set[str]:
    """The Sectors whose actors the clause tasks; for "instructs the Secretary-General, in close cooperation
    with the Directors of the three Bureaux", those Bureaux' (the Secretariat is no Sector: the Sectors
    doing the work with it are the ones it names)."""
    tasked = {m.sector for m in c.mandates if m.role in OPERATIVE and m.sector in THREE}
    if tasked or not any(m.role in OPERATIVE and m.sector == "GS" for m in c.mandates):
        return {s for s in tasked if s}
    return {m.sector for m in c.mandates if m.role == "assists" and m.sector in THREE and m.sector}


# "Which sector organises it?", "which Bureau is supposed to publish …": the action asked about.
_ACTION_ASK_RE = re.compile(r"\b(?:(?:which|what)\s+(?:ITU\s+)?(?:sectors?|bureau[sx]?|part\s+of\s+(?:the\s+)?ITU|"
                            r"(?:bureau\s+)?directors?)"
                            # "whose Director has to keep promoting it …"
                            r"|whose\s+(?:ITU\s+)?(?:bureau\s+)?(?:director|bureau|sector))"
                            # "which Sector's director is told to …"
                            r"(?:'s\s+(?:director|bureau|study\s+groups?))?\s+"
                            # "in charge of organising …" takes a gerund; "in charge of telecommunication resources" no verb
                            # ("tasked with taking part in …", read as "participate" by _PHRASAL_RE)
                            r"(?:is\s+|are\s+)?(?:(?:in\s+charge\s+of|tasked\s+with|responsible\s+for)\s+(?:(?P<gerund>[a-z]+ing|participate)\b)?"
                            r"|(?:supposed\s+to\s+|meant\s+to\s+|has\s+to\s+|have\s+to\s+|must\s+|"
                            r"should\s+|will\s+|actually\s+|told\s+to\s+|asked\s+to\s+|instructed\s+to\s+)?"
                            r"(?:keep\s+(?:on\s+)?|continue\s+(?:to\s+)?)?(?P<verb>[a-z]+)\b)", re.I)
# "take part in" is what the texts call "participate in"
# … and so is representing ITU in something ("which Bureau represents ITU in the WHO EMF project?")
_PHRASAL_RE = re.compile(r"\btak(?:e|es|ing)\s+part\b|\brepresent(?:s|ing)?\s+(?:ITU|the\s+Union)(?=\s+(?:in|at|on)\b)", re.I)
_BROAD_VERBS = frozenset(lexical_tokens("handles handle leads lead deals is are does do covers cover takes take looks look "
                                        "runs run responsible has have gets get works work owns own in charge tasked"))


def _tasked_with_the_action(question: str, hits: list[SearchHit], coverage: Callable[[str], float],
                            excluded: set[str]) -> Clause | None:
    """"Kaleidoscope - which sector organises it?": among the best few operative clauses, the first that
    gives one Sector's actors that very action on the question's topic ("instructs the Director of
    TSB to continue to organize the Kaleidoscope event") leads, before tasks all three share."""
    m = _ACTION_ASK_RE.search(_PHRASAL_RE.sub("participate", question))
    said = (m.group("verb") or m.group("gerund") or "") if m else ""
    verb = lexical_tokens(said)
    if not verb or verb[0] in _BROAD_VERBS:
        return None
    found: list[tuple[float, Clause]] = []
    for h in hits[:JOINT_HITS]:
        c = h.clause
        covers = coverage(f"{c.instrument.title or ''} {c.text}")
        if is_recital(c) or not holds(set(lexical_tokens(c.text)), said) or covers < JOINT_COVERAGE:
            continue
        tasked = {x.sector for x in c.mandates if x.role in OPERATIVE and x.sector in THREE} - excluded
        if len(tasked) == 1:
            found.append((covers, c))
    # Two Bureaux given the same action ("report annually to the Council, TSAG and WTSA", "… TDAG and
    # WTDC"): the one whose clause holds more of the question ("… and the dev conference") is meant.
    return max(found, key=lambda x: x[0])[1] if found else None


def excluded_sectors(question: str) -> list[str]:
    """The Sectors a question sets aside: "apart from BDT" → ITU-D, "other than ITU-T" → ITU-T, "which other
    bureaux does BDT work with …?" → ITU-D."""
    return [a.sector for m in [*_EXCEPT_RE.finditer(question), *_OTHERS_OF_RE.finditer(question)]
            for _s, a in actors_in(m.group("who")) if a.sector in THREE]


# "which other bureaux does BDT work with on …?": the Bureau named asks for its partners
_OTHERS_OF_RE = re.compile(r"\bwhich\s+other\s+(?:sectors?|bureau[sx]?)\s+(?:does|do|did|will|should|must)\s+"
                           r"(?P<who>(?:the\s+)?(?:ITU-[RTD]|BR|TSB|BDT|Director\s+of\s+(?:BR|TSB|BDT)))\b", re.IGNORECASE)


def _helping(how: str) -> bool:
    """Evidence that the Sector only assists ("named as assisting", "… works in coordination")."""
    return how.endswith(("as assisting", _ROLE_WORDS["assists"]))


def topic_terms(topic: str) -> list[str]:
    from retrieval.answering.compose.evidence import GENERIC

    return [t for t in dict.fromkeys(lexical_tokens(topic)) if t not in GENERIC]
