"""Who is given what to do by a clause: the mandate model, built at ingest. Pure functions.

An operative part names its addressee in its heading ("instructs the Director of the
Telecommunication Development Bureau", "invites Member States") or in each clause ("resolves … to
invite RAG, TSAG and TDAG to …", "invites 1 RAG, TSAG and TDAG to continue …"). Any clause may also
assign responsibility in its text ("… shall be responsible for …", "… headed by the Deputy
Secretary-General", "… to report annually to TSAG …"). Recitals (considering, noting …) only mention
actors: role "noted". Each actor carries its Sector, so "instructs the Directors of the three Bureaux"
gives one mandate for each of BR, TSB and BDT."""

from __future__ import annotations

import re
from typing import NamedTuple

from retrieval.core.models import Clause, Instrument, Mandate, MandateRole, Sector
from retrieval.core.text import norm_hyphens

_I = re.IGNORECASE


class Actor(NamedTuple):
    name: str
    sector: Sector | None


# Canonical actors with the wording ITU texts use for them. Order matters: longer, more specific
# names first (the Deputy Secretary-General before the Secretary-General).
_ACTOR_PATTERNS: list[tuple[re.Pattern[str], tuple[Actor, ...]]] = [
    (re.compile(r"\bDirectors of the (?:three )?Bureaux\b|\bthree Directors\b|\bDirectors of the three\b", _I),
     (Actor("Director of BR", "ITU-R"), Actor("Director of TSB", "ITU-T"), Actor("Director of BDT", "ITU-D"))),
    (re.compile(r"\bDirector of (?:the )?(?:Radiocommunication Bureau|BR)\b", _I), (Actor("Director of BR", "ITU-R"),)),
    (re.compile(r"\bDirector of (?:the )?(?:Telecommunication Standardi[sz]ation Bureau|TSB)\b", _I),
     (Actor("Director of TSB", "ITU-T"),)),
    (re.compile(r"\bDirector of (?:the )?(?:Telecommunication Development Bureau|BDT)\b", _I),
     (Actor("Director of BDT", "ITU-D"),)),
    (re.compile(r"\bDeputy Secretary-General\b", _I), (Actor("Deputy Secretary-General", "GS"),)),
    (re.compile(r"\b(?<!Deputy )Secretary-General\b(?! of the United Nations)", _I), (Actor("Secretary-General", "GS"),)),
    (re.compile(r"\bGeneral Secretariat\b", _I), (Actor("General Secretariat", "GS"),)),
    (re.compile(r"\b(?:three|Sector) advisory (?:groups|bodies)\b|\badvisory groups of the (?:three )?Sectors\b", _I),
     (Actor("RAG", "ITU-R"), Actor("TSAG", "ITU-T"), Actor("TDAG", "ITU-D"))),
    (re.compile(r"\bRAG\b|\bRadiocommunication Advisory Group\b", _I), (Actor("RAG", "ITU-R"),)),
    (re.compile(r"\bTSAG\b|\bTelecommunication Standardi[sz]ation Advisory Group\b", _I), (Actor("TSAG", "ITU-T"),)),
    (re.compile(r"\bTDAG\b|\bTelecommunication Development Advisory Group\b", _I), (Actor("TDAG", "ITU-D"),)),
    (re.compile(r"\bISC-TF\b|\bInter-?Sector(?:al)? Coordination Task Force\b", _I), (Actor("ISC-TF", "GS"),)),
    (re.compile(r"\bISCG\b|\bInter-?Sector(?:al)? Coordination Group\b", _I), (Actor("ISCG", None),)),
    (re.compile(r"\bIRG-AVA\b", _I), (Actor("IRG-AVA", "ITU-T"),)),
    (re.compile(r"\bJCA-[A-Z]+\b"), (Actor("JCA", "ITU-T"),)),
    (re.compile(r"\bRadiocommunication Bureau\b|\bBR\b"), (Actor("BR", "ITU-R"),)),
    (re.compile(r"\bTelecommunication Standardi[sz]ation Bureau\b|\bTSB\b"), (Actor("TSB", "ITU-T"),)),
    (re.compile(r"\bTelecommunication Development Bureau\b|\bBDT\b"), (Actor("BDT", "ITU-D"),)),
    # "the relevant study groups of the ITU Telecommunication Standardization Sector" too
    (re.compile(r"\bITU-R study groups?\b|\bstudy groups? of (?:the )?(?:ITU-R|(?:ITU )?Radiocommunication Sector)\b"
                r"|\bRadiocommunication study groups\b", _I),
     (Actor("ITU-R study groups", "ITU-R"),)),
    (re.compile(r"\bITU-T study groups?\b|\bstudy groups? of (?:the )?(?:ITU-T|(?:ITU )?Telecommunication Standardi[sz]ation "
                r"Sector)\b", _I), (Actor("ITU-T study groups", "ITU-T"),)),
    (re.compile(r"\bITU-D study groups?\b|\bstudy groups? of (?:the )?(?:ITU-D|(?:ITU )?Telecommunication Development "
                r"Sector)\b", _I), (Actor("ITU-D study groups", "ITU-D"),)),
    (re.compile(r"\bthree Sectors\b|\ball (?:three )?Sectors\b|\bITU-R, ITU-T and ITU-D\b", _I),
     (Actor("ITU-R", "ITU-R"), Actor("ITU-T", "ITU-T"), Actor("ITU-D", "ITU-D"))),
    (re.compile(r"\bITU-R\b|\bRadiocommunication Sector\b", _I), (Actor("ITU-R", "ITU-R"),)),
    (re.compile(r"\bITU-T\b|\bTelecommunication Standardi[sz]ation Sector\b", _I), (Actor("ITU-T", "ITU-T"),)),
    (re.compile(r"\bITU-D\b|\bTelecommunication Development Sector\b", _I), (Actor("ITU-D", "ITU-D"),)),
    # United Nations bodies reported to ("to report annually to ECOSOC"): not the ITU Council.
    (re.compile(r"\bECOSOC\b|\b(?:United Nations |UN )?Economic and Social Council\b"), (Actor("ECOSOC", None),)),
    (re.compile(r"\b(?:United Nations|UN) General Assembly\b|\bUNGA\b"), (Actor("UN General Assembly", None),)),
    (re.compile(r"\b(?:ITU )?Council\b(?!\s+[Ww]orking\s+[Gg]roup)"), (Actor("Council", "GS"),)),
    (re.compile(r"\bCouncil\s+[Ww]orking\s+[Gg]roups?\b|\bCWGs?(?:-[A-Z]+)?\b"), (Actor("Council Working Group", "GS"),)),
    (re.compile(r"\bPlenipotentiary Conference\b|\bPP-\d\d\b", _I), (Actor("Plenipotentiary Conference", None),)),
    (re.compile(r"\bWorld Telecommunication Standardi[sz]ation Assembly\b|\bWTSA(?:-\d\d)?\b", _I),
     (Actor("WTSA", "ITU-T"),)),
    (re.compile(r"\bWorld Telecommunication Development Conference\b|\bWTDC(?:-\d\d)?\b", _I),
     (Actor("WTDC", "ITU-D"),)),
    (re.compile(r"\bRadiocommunication Assembly\b|\bRA(?:-\d\d)?\b"), (Actor("RA", "ITU-R"),)),
    (re.compile(r"\bWorld Radiocommunication Conferences?\b|\bWRC(?:-\d\d)?\b"), (Actor("WRC", "ITU-R"),)),
    (re.compile(r"\b(?:study group chairm[ae]n|chairm[ae]n of (?:the |a |each )?study groups?)\b", _I),
     (Actor("study group chairmen", None),)),
    (re.compile(r"\bMember States\b", _I), (Actor("Member States", None),)),
    (re.compile(r"\bSector Members\b", _I), (Actor("Sector Members", None),)),
    (re.compile(r"\bAssociates\b"), (Actor("Associates", None),)),
    (re.compile(r"\bAcademia\b"), (Actor("Academia", None),)),
    (re.compile(r"\bregional offices\b", _I), (Actor("regional offices", "ITU-D"),)),
]
# A body named in capitals that the list above does not know: "Member States Advisory Group",
# "Independent Management Advisory Committee", "Coordination Committee".
_NAMED_BODY_RE = re.compile(r"\b(?:[A-Z][\w-]*\s+){1,5}?(?:Advisory\s+(?:Group|Committee|Board)|Committee|Board"
                            r"|Task\s+Force|Expert\s+Group|Group\s+of\s+Experts|Panel)\b")
# Groups whose Sector comes from the document or their own name: SG17, Study Group 2, Question 3/2.
_SG_RE = re.compile(r"\b(?:ITU-([RTD]) )?(?:Study Group|SG) ?(\d{1,2})\b", _I)
_SECTOR_JUST_BEFORE_RE = re.compile(r"\bITU-([RTD])\b(?:'s)?,?\s+(?:in\s+particular|especially|notably|through|and\s+its)\s+(?:its\s+)?$")
_QUESTION_RE = re.compile(r"\bQ(?:uestion)? ?(\d{1,2})/(\d{1,2})\b")
_BARE_DIRECTOR_RE = re.compile(r"\b[Tt]he Director\b(?!s| of| -General)")
_BARE_SG_RE = re.compile(r"\b(?:the |each |all |a )?study groups?\b(?! (?:of|chairm))", _I)
_BUREAU_DIRECTOR: dict[str, str] = {"ITU-R": "Director of BR", "ITU-T": "Director of TSB", "ITU-D": "Director of BDT"}
_SECTOR_OF_BODY: dict[str, Sector] = {"WTSA": "ITU-T", "TSAG": "ITU-T", "ITU-T": "ITU-T", "WTDC": "ITU-D",
                                      "TDAG": "ITU-D", "RA": "ITU-R", "WRC": "ITU-R", "RAG": "ITU-R"}

# Operative part headings → the role they give; recitals give "noted". Each may open with "further" ("further
# instructs the Director of TSB and the Director of BDT, …": PP Res 130's second list of tasks).
_OPERATIVE_HEADS: list[tuple[str, MandateRole]] = [
    # "resolves to instruct the Secretary-General and the Directors of the three Bureaux": the heading's
    # addressees are instructed, as under "instructs".
    (r"(?:resolves|decides) to instruct", "instructed"),
    (r"(?:resolves|decides) to invite", "invited"),
    (r"(?:resolves|decides) to (?:request|ask)", "requested"),
    (r"(?:resolves|decides) to (?:encourage|urge)", "encouraged"),
    (r"instructs?", "instructed"),
    (r"invites?", "invited"),
    (r"requests?|calls upon|appeals", "requested"),
    (r"encourages?|urges?", "encouraged"),
    (r"resolves|decides", "resolved"),
]
_OPERATIVE = [(re.compile(rf"^(?:further )?(?:{head})\b", _I), role) for head, role in _OPERATIVE_HEADS]
# Inside a "resolves"/"decides" clause: "to invite X to …", "to instruct the Director of TSB to …".
_VERB_IN_TEXT: list[tuple[re.Pattern[str], MandateRole]] = [
    (re.compile(r"\bto instruct\b|\binstructs?\b", _I), "instructed"),
    (re.compile(r"\bto invite\b|\binvites?\b", _I), "invited"),
    (re.compile(r"\bto (?:request|propose to|ask|call (?:up)?on)\b|\brequests?\b", _I), "requested"),
    (re.compile(r"\bto (?:encourage|urge)\b", _I), "encouraged"),
]
_WITH = r"(?:close\s+)?(?:coordination|collaboration|consultation|cooperation|liaison)"
_ASSISTING_RE = re.compile(rf"\b(?:in\s+{_WITH}(?:\s+and\s+{_WITH})?|in\s+conjunction|jointly)\s+with\b", _I)
_PASSIVE_BY_RE = re.compile(r"\b(?:be|is|are|being)\s+(?:\w+ly\s+)?(?:initiated|undertaken|carried\s+out|conducted|"
                            r"implemented|coordinated|organi[sz]ed|provided|prepared|managed|pursued|continued|"
                            r"taken|launched|led)\s+by\s+", _I)
_AGENT_END_RE = re.compile(r",|;|\.\s|\bto\s+\w|\bin\s+order\b|\bwhich\b|\bresulting\b", _I)
_ASSISTANCE_FROM_RE = re.compile(r",?\s*with\s+(?:\w+\s+)?(?:assistance|support|help|contributions?)\s+from\s+", _I)
_DESIGNATED_BY_RE = re.compile(r"\b(?:designated|appointed|chosen|selected|named)\s+by\b[^.;]{0,80}?\bas\s+(?:the\s+|a\s+)?$",
                               re.IGNORECASE)
DUTIES_RE = re.compile(r"['\u2019]s\s+(?:principal\s+|main\s+|primary\s+|core\s+)?(?:duties|functions|tasks|"
                        r"responsibilities|role|mandate)\s+(?:are|is|shall\s+be|include|includes)\b")
# Who heads or chairs a body: "the ISC-TF, headed by the Deputy Secretary-General", "presided over by the chairman"
HEADED_BY_RE = re.compile(r"\b(?:headed|chaired|led|presided(?:\s+over)?|convened)\s+by\b", _I)
_RESPONSIBLE_RE = re.compile(
    r"\b(?:shall|will|should)\s+(?:be\s+responsible|take\s+the\s+lead|lead|coordinate|be\s+in\s+charge|study)"
    r"|\bcontinue\s+to\s+(?:lead|take\s+the\s+lead|be\s+responsible)\b|\b(?:lead|leading)\s+(?:the\s+)?work\b"
    r"|\b(?:is|are)\s+responsible\b|\bresponsibility\s+of\b|\bha(?:s|ve)\s+(?:the\s+)?(?:lead\s+)?responsibility\s+for\b|\bheaded\s+by\b|\bchaired\s+by\b|\bled\s+by\b"
    r"|\blead\s+(?:role|Sector|study group)\b|\bunder the (?:responsibility|leadership|coordination) of\b",
    _I,
)
_REPORT_RE = re.compile(
    r"\b(?:report|reporting|reports|submit[a-z]*\s+(?:an?\s+)?(?:annual\s+|written\s+|progress\s+)*reports?"
    r"|present[a-z]*\s+(?:an?\s+)?reports?)\b(?P<gap>[^;.]{0,90}?)\bto\s+(?:the\s+)?(?:respective\s+)?(?P<to>[A-Z][^;.,]{0,80})",
)
# "to present annually to the Council and to CWG-LANG a report": the body reported to comes first.
_REPORT_TO_FIRST_RE = re.compile(
    r"\b(?:present|submit)[a-z]*\s+(?:annually\s+|each\s+year\s+|every\s+year\s+|regularly\s+)?to\s+(?:the\s+)?"
    r"(?P<to>[A-Z][^;.]{0,80}?)\s+(?:an?|its|their|the)\s+(?:[\w-]+\s+){0,2}?reports?\b",
)
# "The report of each study group to WTSA": the study group reports to WTSA.
_REPORT_OF_RE = re.compile(r"\breports?\s+of\s+(?P<from>[^;.]{3,60}?)\s+to\s+(?:the\s+)?(?P<to>[A-Z][^;.,]{0,60})")
_RECITALS = re.compile(
    r"^(?:further\s+)?(?:noting|considering|recognizing|recognising|recalling|bearing in mind|taking into account"
    r"|having regard|aware|emphasizing|mindful|observing|convinced|acknowledging|welcoming|highlighting"
    r"|concerned|taking note|reaffirms)", _I)


_BUREAU_NAME = r"(?:Radiocommunication|Telecommunication\s+Standardi[sz]ation|Telecommunication\s+Development|BR|TSB|BDT)"
_DIRECTORS_OF_RE = re.compile(r"\bDirectors\s+of\s+(?:the\s+)?(?P<list>" + _BUREAU_NAME + r"(?:\s*\((?:BR|TSB|BDT)\))?"
                              r"(?:\s*(?:,|and|,\s*and)\s*(?:the\s+)?" + _BUREAU_NAME + r"(?:\s*\((?:BR|TSB|BDT)\))?){1,2})"
                              r"(?:\s+Bureaux|\s+Bureaus)?", _I)
_BUREAU_DIRECTORS = (
    (re.compile(r"Radiocommunication|\bBR\b", _I), Actor("Director of BR", "ITU-R")),
    (re.compile(r"Standardi[sz]ation|\bTSB\b", _I), Actor("Director of TSB", "ITU-T")),
    (re.compile(r"Development|\bBDT\b", _I), Actor("Director of BDT", "ITU-D")),
)

# "the study groups of the ITU Radiocommunication Sector (ITU-R) and the ITU Telecommunication Standardization
# Sector (ITU-T)": the study groups of each Sector listed (the second Sector was read as a bare mention)
_SECTOR_NAME = (r"(?:the\s+)?(?:ITU-[RTD]|(?:ITU\s+)?(?:Radiocommunication|Telecommunication\s+Standardi[sz]ation|"
                r"Telecommunication\s+Development)\s+Sector(?:\s*\(ITU-[RTD]\))?)")
_STUDY_GROUPS_OF_RE = re.compile(rf"\bstudy\s+groups\s+of\s+(?P<list>{_SECTOR_NAME}(?:\s*,\s*{_SECTOR_NAME})*\s*,?\s+and\s+"
                                 rf"{_SECTOR_NAME})", _I)
_SECTOR_STUDY_GROUPS = (
    (re.compile(r"Radiocommunication|ITU-R", _I), Actor("ITU-R study groups", "ITU-R")),
    (re.compile(r"Standardi[sz]ation|ITU-T", _I), Actor("ITU-T study groups", "ITU-T")),
    (re.compile(r"Development|ITU-D", _I), Actor("ITU-D study groups", "ITU-D")),
)


def actors_in(text: str, default_sector: Sector | None = None) -> list[tuple[int, Actor]]:
    """Every actor named in the text with the offset of its mention, in order; a mention inside a
    longer one ("Director of TSB" holds "TSB") counts once, as the longer."""
    t = norm_hyphens(text)
    found: list[tuple[int, int, Actor]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _DIRECTORS_OF_RE.finditer(t):
        # "the Directors of the Telecommunication Standardization and Telecommunication Development Bureaux":
        # a Director for each Bureau listed, and only those
        named = [(bureau, director) for bureau, director in _BUREAU_DIRECTORS if bureau.search(m.group("list"))]
        if len(named) >= 2:
            taken.append((m.start(), m.end()))
            found.extend((m.start(), m.end(), director) for _b, director in named)
    for m in _STUDY_GROUPS_OF_RE.finditer(t):
        taken.append((m.start(), m.end()))
        found.extend((m.start(), m.end(), groups) for rx, groups in _SECTOR_STUDY_GROUPS if rx.search(m.group("list")))
    for m in _SG_RE.finditer(t):
        if free(m.start(), m.end()):
            letter: dict[str, Sector] = {"R": "ITU-R", "T": "ITU-T", "D": "ITU-D"}
            sector: Sector | None = letter.get((m.group(1) or "").upper(), default_sector)
            near = _SECTOR_JUST_BEFORE_RE.search(t[max(0, m.start() - 40):m.start()])
            if not m.group(1) and near:  # "to call upon ITU-T, in particular Study Group 3"
                sector = letter[near.group(1).upper()]
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), Actor(f"SG{int(m.group(2))}", sector)))
    for pattern, actors in _ACTOR_PATTERNS:
        for m in pattern.finditer(t):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.extend((m.start(), m.end(), a) for a in actors)
        if actors[0].name == "Council Working Group":
            # Any other named body ("Member States Advisory Group", "Coordination Committee") before
            # the plain "Member States" would take part of its name.
            for b in _NAMED_BODY_RE.finditer(t):
                name = re.sub(r"^(?:The|the|ITU)\s+", "", b.group(0))
                start = b.end() - len(name)
                if free(start, b.end()):
                    taken.append((start, b.end()))
                    found.append((start, b.end(), Actor(name, None)))
    if default_sector in _BUREAU_DIRECTOR:
        # In a Sector's own texts "the Director" is its Bureau's, "study groups" its study groups.
        for m in _BARE_DIRECTOR_RE.finditer(t):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end(), Actor(_BUREAU_DIRECTOR[default_sector], default_sector)))
    for m in _QUESTION_RE.finditer(t):
        if free(m.start(), m.end()):
            sg = int(m.group(2))
            # ITU-D has two study groups: Question n/1 and n/2 are ITU-D's unless the document says otherwise.
            sector = default_sector if default_sector in ("ITU-R", "ITU-T") else ("ITU-D" if sg <= 2 else "ITU-T")
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), Actor(f"Question {m.group(1)}/{sg}", sector)))
    if default_sector in _BUREAU_DIRECTOR:
        for m in _BARE_SG_RE.finditer(t):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end(), Actor(f"{default_sector} study groups", default_sector)))
    found = [x for x in found if not (x[2].name in _ASSEMBLY_NAMES and _names_an_instrument(t, x[0], x[1]))]
    found.sort(key=lambda x: x[0])
    return [(s, a) for s, _e, a in found]


_ASSEMBLY_NAMES = frozenset({"Plenipotentiary Conference", "WTSA", "WTDC", "RA", "WRC"})
# "PP-14 Resolution 191", "WTSA-16 Res. 2": the assembly names the instrument it adopted
_INSTRUMENT_AFTER_RE = re.compile(r"^\s*(?:Resolutions?|Decisions?|Recommendations?|Res\.?|Dec\.?)\s*\d", _I)
# "Resolution 191 (Rev. Dubai, 2018) of the Plenipotentiary Conference", "Resolution 5 of WTDC"
_INSTRUMENT_BEFORE_RE = re.compile(r"\b(?:Resolutions?|Decisions?|Recommendations?|Res\.?|Dec\.?)\s*\d+[A-Z]?"
                                   r"(?:\s*\([^()]{0,40}\))?\s+of\s+(?:the\s+)?$", _I)


def _names_an_instrument(text: str, start: int, end: int) -> bool:
    """The assembly is named as the author of an instrument, not as one that acts: "in line with PP-14
    Resolution 191" asks nothing of the Plenipotentiary Conference."""
    return bool(_INSTRUMENT_AFTER_RE.match(text[end:end + 20]) or _INSTRUMENT_BEFORE_RE.search(text[max(0, start - 70):start]))


def document_sector(inst: Instrument) -> Sector | None:
    """The Sector an instrument belongs to: WTSA and ITU-T texts → ITU-T, WTDC → ITU-D, RA/WRC → ITU-R, a
    meeting document → the Sector its header names."""
    if inst.sector is not None:
        return inst.sector
    if inst.body in _SECTOR_OF_BODY:
        return _SECTOR_OF_BODY[inst.body]
    if inst.kind == "recommendation":
        return "ITU-T"
    return None


_FRONT_MATTER = frozenset({"foreword", "summary", "keywords", "history", "preamble"})


def is_front_matter(clause: Clause) -> bool:
    """A Recommendation's foreword, summary, keywords or history: publisher's context, the foreword the
    same words in every ITU-T Recommendation."""
    return clause.instrument.kind in ("recommendation", "supplement") and clause.part.lower() in _FRONT_MATTER


def is_recital(clause: Clause) -> bool:
    """A clause of a resolution's or decision's preamble (considering, recalling, noting …), or of a
    Recommendation's front matter (its foreword is the same boilerplate in every ITU-T Recommendation):
    context, not what the text decides."""
    if is_front_matter(clause):
        return True
    return clause.instrument.kind in ("resolution", "decision") and _role_of_part(norm_hyphens(clause.part)) == "noted"


def gives_task(m: Mandate) -> bool:
    """The mandate gives its actor something to do (not merely naming it, nor assisting another)."""
    return m.role not in ("noted", "assists")


def _role_of_part(part: str) -> MandateRole | None:
    head = part.split(">")[-1].strip()
    for pattern, role in _OPERATIVE:
        if pattern.search(head):
            return role
    if _RECITALS.search(head):
        return "noted"
    return None


def _what(text: str, start: int) -> str:
    """A verbatim slice of the clause from `start` to the end of its sentence (≤ 300 characters)."""
    end = len(text)
    # A sentence ends at ";" or ".", not at the dot of "(Rev. Dubai, 2014)", "No. 141", "e.g." or "i.e.".
    for m in re.finditer(r"(?<!\bRev)(?<!\bNo)(?<!\bArt)(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)[;.](?=\s|$)", text[start:]):
        end = start + m.end()
        break
    what = text[start:end].strip()
    if len(what) > 300:
        cut = text.rfind(" ", start, start + 300)
        what = text[start:cut if cut > start else start + 300].strip()
    return what


def _dedupe(ms: list[Mandate]) -> list[Mandate]:
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for m in ms:
        key = (m.actor, m.role, m.to)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def mandates_of(clause: Clause) -> list[Mandate]:
    """The mandates a clause gives (pure; called at ingest for every clause)."""
    text = clause.text
    default = document_sector(clause.instrument)
    part = norm_hyphens(clause.part)
    role = _role_of_part(part)
    head = part.split(">")[-1].strip()
    out: list[Mandate] = []
    mentions = actors_in(text, default)

    if role in ("instructed", "invited", "requested", "encouraged"):
        # "instructs the Director of BDT, in coordination with the Directors of BR and TSB": those after
        # "in coordination with" assist; the addressee before it is the one instructed.
        joint = _ASSISTING_RE.search(head)
        heading_actors = [a for _s, a in actors_in(head[:joint.start()] if joint else head, default)]
        helpers = [a for _s, a in actors_in(head[joint.end():], default)] if joint else []
        if heading_actors:
            out += [Mandate(actor=a.name, sector=a.sector, role=role, what=_what(text, 0)) for a in heading_actors]
            out += [Mandate(actor=a.name, sector=a.sector, role="assists", what=_what(text, 0)) for a in helpers
                    if a.name not in {h.name for h in heading_actors}]
        else:
            # "invites 1 RAG, TSAG and TDAG to continue …": the addressees open the clause.
            first_to = re.search(r"\bto\s+\w", text)
            limit = first_to.start() if first_to else 120
            out += [Mandate(actor=a.name, sector=a.sector, role=role, what=_what(text, 0))
                    for s, a in mentions if s < limit]
    elif role == "resolved":
        for verb, vrole in _VERB_IN_TEXT:
            for vm in verb.finditer(text):
                nxt = re.search(r"\bto\s+(?!the\b)\w", text[vm.end():])
                limit = vm.end() + (nxt.start() if nxt else 160)
                out += [Mandate(actor=a.name, sector=a.sector, role=vrole, what=_what(text, vm.start()))
                        for s, a in mentions if vm.end() <= s < limit]
        # "that special action be initiated by the Secretary-General and the Director of BDT, with specialized
        # assistance from ITU-R and ITU-T": the agents of the passive are given it, those assisting assist.
        for pv in _PASSIVE_BY_RE.finditer(text):
            end = _AGENT_END_RE.search(text, pv.end())
            stop = end.start() if end else min(len(text), pv.end() + 160)
            out += [Mandate(actor=a.name, sector=a.sector, role="resolved", what=_what(text, 0))
                    for s, a in mentions if pv.end() <= s < stop]
            aid = _ASSISTANCE_FROM_RE.match(text, stop) if end else None
            if aid:
                aid_end = _AGENT_END_RE.search(text, aid.end())
                limit = aid_end.start() if aid_end else aid.end() + 160
                out += [Mandate(actor=a.name, sector=a.sector, role="assists", what=_what(text, 0))
                        for s, a in mentions if aid.end() <= s < limit]
        # "that RAG, TSAG and TDAG … shall continue to consider …": the subject is given the task.
        subj = re.match(r"^\s*that\s+(?P<subj>[^;]{0,200}?)\s+(?:shall|should|will|is|are|must)\b", text)
        if subj:
            out += [Mandate(actor=a.name, sector=a.sector, role="resolved", what=_what(text, 0))
                    for s, a in mentions if s < subj.end("subj")]
    elif role == "noted":
        out += [Mandate(actor=a.name, sector=a.sector, role="noted", what=_what(text, max(0, s - 60)))
                for s, a in mentions]

    for rm in _RESPONSIBLE_RE.finditer(text):
        # The responsible actor is named just before ("TSAG shall be responsible") or just after
        # ("headed by the Deputy Secretary-General", "under the responsibility of BDT").
        after = rm.group(0).lower().endswith(("by", "of"))
        sentence = max(text.rfind(". ", 0, rm.start()), text.rfind("; ", 0, rm.start()), 0)
        near = [(s, a) for s, a in mentions if (rm.end() <= s < rm.end() + 40) if after] or \
               [(s, a) for s, a in mentions if max(sentence, rm.start() - 160) <= s < rm.start() and not after]
        if not after:
            # "A study group may be designated by WTSA or TSAG as the lead study group": those after "by" designate,
            # the one designated is before them
            by = _DESIGNATED_BY_RE.search(text[max(sentence, rm.start() - 160): rm.start()])
            if by:
                cut = max(sentence, rm.start() - 160) + by.start()
                near = [(s, a) for s, a in near if s < cut]
        if near:
            pick = near[:1] if after else near[-1:]
            # "… the ISCG, and of the ISC-TF, headed by the Deputy Secretary-General": what is headed is the body
            # named just before, and the task read from there (not the ISCG further back)
            heads = after and HEADED_BY_RE.match(rm.group(0)) is not None
            headed = [(s, a) for s, a in mentions if max(sentence, rm.start() - 80) <= s < rm.start()] if heads else []
            # (its first mention there: "the Inter-Sectoral Coordination Task Force (ISC-TF)", not "(ISC-TF)")
            start = min(s for s, a in headed if a == headed[-1][1]) if headed else rm.start()
            out += [Mandate(actor=a.name, sector=a.sector, role="responsible", what=_what(text, min(s, start)))
                    for s, a in pick]
    for dm in DUTIES_RE.finditer(text):
        # "TSAG's principal duties are to review priorities, programmes …": its responsibilities, said as such
        owner = [(s, a) for s, a in mentions if dm.start() - 60 <= s < dm.start()]
        out += [Mandate(actor=a.name, sector=a.sector, role="responsible", what=_what(text, s)) for s, a in owner[-1:]]

    for rp in _REPORT_OF_RE.finditer(text):
        targets = [a for _s, a in actors_in(rp.group("to"), default)][:1]
        for _s, who in actors_in(rp.group("from"), default)[:1]:
            out += [Mandate(actor=who.name, sector=who.sector, role="reports", to=t.name, what=_what(text, rp.start()))
                    for t in targets if t.name != who.name]
    for rp in [*_REPORT_RE.finditer(text), *_REPORT_TO_FIRST_RE.finditer(text)]:
        targets = [a for _s, a in actors_in(rp.group("to"), default)]
        if not targets:
            continue
        # The reporter is named earlier in the same sentence ("The Director shall … and report to TSAG").
        sentence = max(text.rfind(". ", 0, rp.start()), text.rfind("; ", 0, rp.start()), 0)
        before = [(s, a) for s, a in mentions if sentence <= s < rp.start()
                  and a.name not in {t.name for t in targets}]
        reporters = [a for _s, a in before[-1:]]
        if not reporters or role in ("instructed", "invited", "requested", "encouraged"):
            # Those the heading instructs report, not those who assist them ("in close collaboration with …").
            tasked = [m for m in out if m.role not in ("noted", "reports")]
            reporters = [Actor(m.actor, m.sector) for m in tasked if m.role != "assists"] or \
                [Actor(m.actor, m.sector) for m in tasked] or reporters
        if role == "noted":
            continue
        # "the Directors … to report to the respective Sector advisory groups": each to its own Sector's.
        respective = "respective" in rp.group(0).lower()
        for reporter in reporters:
            out += [Mandate(actor=reporter.name, sector=reporter.sector, role="reports", to=t.name,
                            what=_what(text, rp.start())) for t in targets if t.name != reporter.name
                    and not (respective and reporter.sector and t.sector and reporter.sector != t.sector)]
    return _dedupe(out)
