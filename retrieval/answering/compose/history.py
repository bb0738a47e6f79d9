"""When a Recommendation was approved, by which group, and its editions: from the history table ITU's
Recommendations carry after their summary ("4.0 | ITU-T A.12 | 2016-11-02 | TSAG | 11.1002/1000/13164").
"When was A.12 approved?" is answered from that row, quoted as printed, never from a clause that only
says how Recommendations are approved."""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.answering.compose import lead, note
from retrieval.core.citations import citation, display, instrument_display
from retrieval.core.models import THREE, Answer, Clause, Instrument
from retrieval.core.text import quoted
from retrieval.parsing.mandates import document_sector

_I = re.IGNORECASE
_APPROVAL = r"(?:approv|adopt|agree|publish|revis|updat|amend|issu|releas|produc)\w*"
# past: "who approved A.8?" asks its history, "who approves Recommendations under A.8?" the procedure
_APPROVED = r"(?:approved|adopted|agreed|published|revised|updated|amended|issued|released|produced)\b"
_HISTORY_Q_RE = re.compile(
    rf"\bwhen\s+(?:was|were|did|is|has)\b[^?]*\b{_APPROVAL}"
    rf"|\b(?:approval|adoption|publication|release)\s+dates?\b|\bdates?\s+of\s+(?:its\s+)?(?:approval|adoption|publication)\b"
    rf"|\b(?:which|what)\s+(?:study\s+group|SG|group|body)\s+(?:(?:has\s+|first\s+)?{_APPROVED}|is\s+responsible\s+for|"
    r"owns|maintains|looks\s+after|is\s+in\s+charge\s+of)\b"
    rf"|\bwho\s+(?:(?:has|had|first)\s+)?{_APPROVED}"
    # "who drafted A.8?": the group that prepared it, which its summary or history names
    r"|\bwho\s+(?:(?:has|had|first|originally)\s+)?(?:drafted|prepared|wrote|developed|authored)\b"
    # "e.119 – which SG did it come out of?", "from which study group is A.1?"
    r"|\b(?:which|what)\s+(?:study\s+group|SG|group)\b[^?]*\b(?:come\s+(?:out\s+)?(?:of|from)|came\s+(?:out\s+)?(?:of|from)|"
    r"produced|developed|wrote|written|drafted|prepared)\b|\bfrom\s+which\s+(?:study\s+group|SG|group)\b"
    # "which study group, and which Sector, approved E.119?", "which ITU-T study group produced it?", "which sector
    # and SG own E.119?", "U.1 - which sector/SG revised it?"
    r"|\b(?:which|what)\s+(?:ITU-[RTD]\s+)?(?:(?:sector|bureau)\s*(?:,|and|&|/|n)?\s*(?:which\s+|what\s+)?)?(?:study\s+group|SG)\b"
    r"[^?]{0,40}?\b(?:approved|adopted|produced|developed|revised|owns?|looked\s+after|looks?\s+after|maintains?|"
    r"came\s+up\s+with|wrote|drafted)\b"
    r"|\bhow\s+many\s+(?:editions|versions|revisions)\b|\b(?:latest|current|last|newest|first|original)\s+"
    r"(?:edition|version|revision)\b|\b(?:edition|version|revision)\s+history\b|\bhow\s+old\s+is\b", _I)
_GROUP_Q_RE = re.compile(r"\b(?:which|what)\s+(?:study\s+group|SG|group|body|sector|bureau)\b|\bwho\b", _I)
_FIRST_Q_RE = re.compile(r"\bfirst\b|\boriginal(?:ly)?\b|\binitial(?:ly)?\b", _I)
_ROW_RE = re.compile(r"(?<![\d.])(?P<edition>\d{1,2}\.\d)\s*\|\s*(?P<rec>[^|]+?)\s*\|\s*"
                     r"(?P<date>(?:19|20)\d\d-\d\d-\d\d|\d\d-\d\d-(?:19|20)\d\d)")


@dataclass(frozen=True)
class Edition:
    edition: str
    recommendation: str
    date: str  # as printed: "2016-11-02" (the French table writes "07-04-2017")
    group: str  # "TSAG", "2", "III" or "" where the table leaves it empty
    row: str  # the row as it stands in the clause, for the quote

    @property
    def iso(self) -> str:
        d = self.date
        return d if d[:4].isdigit() else f"{d[6:]}-{d[3:5]}-{d[:2]}"

    @property
    def by(self) -> str:
        g = self.group
        return f"Study Group {g}" if re.fullmatch(r"\d+|[IVXL]+", g) else g


def asks_approval_history(question: str) -> bool:
    """"When was A.12 approved?", "which study group approved E.119?", "latest edition of A.1?"."""
    return bool(_HISTORY_Q_RE.search(question))


def editions(text: str) -> list[Edition]:
    """The rows of a history table, in the table's order."""
    found = list(_ROW_RE.finditer(text))
    out = []
    for n, m in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(text)
        fields = [f.strip() for f in text[m.end():end].split("|")]
        group = next((f for f in fields if f and not f.startswith("11.1002")), "")
        out.append(Edition(m.group("edition"), " ".join(m.group("rec").split()), m.group("date"), group,
                           text[m.start():end].strip()))
    return out


# "when is A.12 next due for revision?", "when will E.119 be updated?": a date to come, which a table of
# past editions cannot give
_FUTURE_Q_RE = re.compile(r"\bnext\b(?!\s+to\b)|\bdue\s+(?:for|to)\b|\bwill\b|\bupcoming\b|\bplanned\b|\bscheduled\b|\bgoing\s+to\b", _I)


def _no_future_date(question: str, name: str, latest: Edition | None) -> Answer:
    known = f"; its latest edition, {latest.edition}, was approved on {latest.date}" if latest else ""
    text = (f"I found no clause in the corpus that answers this. No text in the corpus says when {name} will next be "
            f"revised{known}.")
    return Answer(question=question, intent="ask", abstained=True, lines=[lead(text)], missing=["a future revision date"])


_AMENDMENT_Q_RE = re.compile(r"\b(?:amendments?|amended|corrigend(?:um|a)|errat(?:um|a))\b", _I)
_AMENDMENT_ROW_RE = re.compile(r"\b(?:Amend|Amd|Cor|Corr|Corrigendum|Erratum)\b\.?", _I)


def compose_history(question: str, clause: Clause) -> Answer | None:
    """The edition asked about (the latest, or the first when asked), when and by whom it was approved, and
    how many editions the table lists; None when the clause holds no such table. Asked for an amendment or
    corrigendum the table does not list, it says so and answers nothing."""
    rows = editions(clause.text)
    if not rows:
        return None
    if _FUTURE_Q_RE.search(question):
        return _no_future_date(question, instrument_display(clause.instrument), max(rows, key=lambda e: e.iso))
    asks_amendment = bool(_AMENDMENT_Q_RE.search(question))
    if asks_amendment:
        amended = [e for e in rows if _AMENDMENT_ROW_RE.search(e.recommendation)]
        if not amended:
            latest = max(rows, key=lambda e: e.iso)
            text = (f"I found no clause in the corpus that answers this. The history of {instrument_display(clause.instrument)} "
                    f"lists no amendment or corrigendum; its latest edition, {latest.edition}, was approved on "
                    f"{latest.date}.")
            return Answer(question=question, intent="ask", abstained=True, lines=[lead(text)],
                          missing=["an amendment"])
        rows = amended
    ordered = sorted(rows, key=lambda e: e.iso)
    asked = ordered[0] if _FIRST_Q_RE.search(question) else ordered[-1]
    which = "first" if asked is ordered[0] and len(rows) > 1 else "latest" if len(rows) > 1 else "only"
    by = f" by {asked.by}" if asked.by else ""
    kind = "amendments and corrigenda" if asks_amendment else "editions"
    short = f"{asked.recommendation}, edition {asked.edition} (the {which} of {len(rows)} {kind}), was approved on " \
            f"{asked.date}{by}"
    if len(rows) == 1:
        only = "amendment or corrigendum" if asks_amendment else "edition"
        short = f"{asked.recommendation}, edition {asked.edition} (its only {only}), was approved on {asked.date}{by}"
    lines = [lead(f"{short}: {quoted(asked.row)} — {display(clause)}.")]
    if len(rows) > 1:
        lines.append(note("Editions: " + "; ".join(f"{e.edition} ({e.date}{', ' + e.by if e.by else ''})" for e in rows)
                          + "."))
    # "which SG did E.119 come out of?": the group that approved it is of the Recommendation's own Sector
    own = document_sector(clause.instrument)
    leads = [own] if own in THREE and asked.by and _GROUP_Q_RE.search(question) else []
    return Answer(question=question, intent="ask", lines=lines, citations=[citation(clause, asked.row)],
                  lead_sectors=leads, sectors=leads)


# "Recommendation ITU-T A.8 was prepared by TSAG (2005-2008) and approved by the World Telecommunication
# Standardization Assembly (Johannesburg, 21-30 October 2008).": a Recommendation without a history table
_APPROVED_RE = re.compile(r"\b(?:was|were|has\s+been)\s+(?:\S+\s+){0,8}?(?:approved|adopted)\s+(?:by|on|at|in)\b", _I)


def compose_approval(question: str, clauses: list[Clause]) -> Answer | None:
    """For a Recommendation without a history table: the sentence of its summary or foreword saying it was
    approved, quoted; None when none says so."""
    if clauses and _FUTURE_Q_RE.search(question):
        return _no_future_date(question, instrument_display(clauses[0].instrument), None)
    for c in clauses:
        for sentence in re.split(r"(?<=[.;])\s+", c.text):
            if _APPROVED_RE.search(sentence) and re.search(r"\bRecommendation\b", sentence, _I):
                quote = sentence.strip()
                # ("U.1 - which sector/SG revised it?": the group is of the Recommendation's own Sector)
                own = document_sector(c.instrument)
                leads = [own] if own in THREE and _GROUP_Q_RE.search(question) else []
                return Answer(question=question, intent="ask", lines=[lead(f"{quoted(quote)} — {display(c)}.")],
                              citations=[citation(c, quote)], lead_sectors=leads, sectors=leads)
    return None


# "when was Res 130 last revised?", "which conference adopted Resolution 191?"
_ADOPTION_Q_RE = re.compile(
    r"\bwhen\s+(?:was|were|did)\b[^?]*\b(?:adopt|approv|revis|updat|amend|agree|pass)\w*"
    r"|\b(?:which|what)\s+(?:conference|assembly|meeting|plenipotentiary|PP|WTSA|WTDC|WRC|RA)\s+(?:first\s+)?"
    r"(?:adopted|approved|revised|agreed|passed|updated|amended)\b|\bhow\s+(?:old|recent)\s+is\b"
    r"|\blast\s+(?:revised|updated|amended)\b|\b(?:latest|current)\s+(?:revision|version)\b", _I)


def asks_adoption(question: str) -> bool:
    return bool(_ADOPTION_Q_RE.search(question))


def adoption_sentence(inst: Instrument) -> str | None:
    """"PP Resolution 130 (Rev. Dubai, 2018) was last revised by the Plenipotentiary Conference (Dubai,
    2018)": what the instrument's own heading says of its version; None for a text without one."""
    from retrieval.answering.compose.evidence import EVENT_NAMES

    conference = EVENT_NAMES.get(inst.body)
    if inst.kind not in ("resolution", "decision", "recommendation") or conference is None or inst.revision is None \
            or not inst.revision.place:
        return None
    verb = "last revised" if inst.revised else "adopted"
    return (f"{instrument_display(inst)} was {verb} by the {conference} ({inst.revision.place}, "
            f"{inst.revision.year}), as its heading says")

