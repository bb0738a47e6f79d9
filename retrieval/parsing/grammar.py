"""The shared grammar of ITU texts (headings, labels, parts) and the working records the document
kind parsers share: lines, drafts of clauses, the parse context. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from retrieval.core.models import Body, Instrument
from retrieval.parsing.source import SourceText

# ---- grammar ------------------------------------------------------------------------------------

HEADING_RE = re.compile(
    r"^\s*RESOLUTION\s+(?P<num>ITU[-\u2011]R\s+\d+(?:-\d+)?|\d+[A-Z]?)\s*(?:\((?P<rev>[^()]*)\))?"
    r"[\s\d,\u00b9\u00b2\u00b3\u2070-\u2079*]*(?:bis)?\s*$",
    re.IGNORECASE,
)
HISTORY_RE = re.compile(r"^\s*\((?P<hist>[^()]*\d{4}[^()]*)\)")
PREAMBLE_RE = re.compile(
    r"^\s*The\s+(?P<who>World Telecommunication Standardi[sz]ation Assembly|Plenipotentiary Conference"
    r"|World Telecommunication Development Conference|Radiocommunication Assembly"
    r"|World Radiocommunication Conference|Council)\b",
)
BODY_OF: dict[str, Body] = {
    "World Telecommunication Standardization Assembly": "WTSA",
    "World Telecommunication Standardisation Assembly": "WTSA",
    "Plenipotentiary Conference": "PP",
    "World Telecommunication Development Conference": "WTDC",
    "Radiocommunication Assembly": "RA",
    "World Radiocommunication Conference": "WRC",
    "Council": "Council",
}
VERB_RE = re.compile(
    r"^(?:further\s+|deeply\s+)?(?:noting|considering|recognizing|recognising|recalling|bearing in mind|taking into account"
    r"|having regard|having (?:noted|considered|examined|reviewed)|aware|conscious|cognizant|emphasizing|mindful"
    r"|observing|convinced|resolves|decides|instructs|invites|requests|encourages|urges|calls upon|calls on"
    r"|appeals|reaffirms|reaffirming|affirming|stressing|underlining|appreciating|expressing|believing|realizing"
    r"|keeping in mind|recommends|authorizes|approves|endorses|charges|noting further|considering further"
    r"|recognizing further|resolves further|acknowledging|welcoming|highlighting|concerned|taking note)\b"
    r"(?:[^;.]|\.(?=\d)){0,160}$"
)
LABEL_RE = re.compile(
    r"^(?P<label>(?:[a-z]\)|[ivx]+\)|\d+(?:bis)?(?:\.\d+)+|\d+)(?:\s?(?:bis|ter|quater))?)"
    r"(?P<sep>[ \u00a0]*\t[ \t]*)"
)
# In PDFs and pasted text tabs turn into spaces; accept "a) text" and "1.2 text" there.
LOOSE_LABEL_RE = re.compile(r"^(?P<label>(?:[a-z]\)|[ivx]+\)|\d+\.\d+(?:\.\d+)*)(?:\s?bis)?)(?P<sep>[ \u00a0]+)(?=\S)")
BULLET_RE = re.compile(r"^[•\-–—·▪]\s*\t?")
SECTION_RE = re.compile(r"^\s*SECTION\s+(?P<n>\d+(?:bis)?)\s*$", re.IGNORECASE)
# "ANNEX 2", and as printed resolutions head them: "ANNEX 1 TO RESOLUTION 71 (REV. DUBAI, 2018)".
ANNEX_RE = re.compile(
    r"^\s*(?P<kind>ANNEX|APPENDIX|Annex|Appendix|ATTACHMENT|Attachment)\s*(?P<n>[A-Z0-9IVX]{0,5})\s*"
    r"(?:(?:TO|to)\s+(?:THE\s+|the\s+)?(?:RESOLUTION|DECISION|RECOMMENDATION|Resolution|Decision|Recommendation)"
    r"\b[^.;]{0,80})?$"
)
PROPOSAL_RE = re.compile(r"^\s*(?P<action>MOD|ADD|SUP)\s*\t?\s*(?P<id>[A-Z][A-Za-z]*/\d+[A-Z0-9]*/\d+)\s*$")
REASONS_RE = re.compile(r"^\s*Reasons?\s*:", re.IGNORECASE)
INLINE_FOOTNOTE_RE = re.compile(r"\[(?P<id>\d+):[ \t]*(?P<body>[^\]]*)\]")
INLINE_REF_RE = re.compile(r"\[footnoteRef:(?P<id>\d+)\]\d*")
SYMBOL_RE = re.compile(
    r"^\s*(?P<sym>(?:TSAG|TDAG|RAG|ISCG|ISC-TF|CWG|SG\d+)[-\u2011 ]?(?:R|TD|LS|C|REP)?[-\u2011]?\d+(?:/\d+)?)\b"
)
REC_FILE_RE = re.compile(r"T-REC-(?P<num>[A-Z]\.[A-Za-z0-9.]+?)-(?P<y>\d{4})(?P<m>\d{2})", re.IGNORECASE)
RES_FILE_RE = re.compile(r"(?P<body>WTSA|PP|WTDC|RA)-RES-(?P<num>\d+)(?:-(?P<y>\d{4}))?", re.IGNORECASE)

PART_ALIASES = {
    "telecommunication standardization bureau": "TSB",
    "radiocommunication bureau": "BR",
    "telecommunication development bureau": "BDT",
}


@dataclass
class Line:
    start: int
    end: int
    text: str


@dataclass
class Draft:
    part: str
    label: str
    start: int  # offset where the clause text begins (after its label)
    end: int
    line_ranges: list[tuple[int, int]] = field(default_factory=list)
    instrument: Instrument | None = None
    proposal: str | None = None
    prefix: str = ""  # "proposal.1/" for text inside a contribution's proposal


@dataclass
class Context:
    src: SourceText
    lines: list[Line]
    excluded: list[tuple[int, int]]
    footnotes: dict[str, str]
    refs: list[tuple[int, str]]
    warnings: list[str] = field(default_factory=list)
    source: str = ""  # the file's name, for kinds recognised by it (T-REC-A.1-201610-E.docx)



def make_context(src: SourceText, source: str = "") -> Context:
    text = src.text
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    footnotes = dict(src.footnotes)
    refs = list(src.footnote_refs)
    excluded: list[tuple[int, int]] = []
    for m in INLINE_FOOTNOTE_RE.finditer(text):
        footnotes.setdefault(m.group("id"), f"{m.group('body').strip()}")
        excluded.append((m.start(), m.end()))
    for m in INLINE_REF_RE.finditer(text):
        refs.append((m.start(), m.group("id")))
    lines = [ln for ln in lines if ln.text.strip() and not _is_excluded_line(ln, excluded)]
    return Context(src=src, lines=lines, excluded=excluded, footnotes=footnotes, refs=sorted(refs),
                   warnings=list(src.warnings), source=source)


def _is_excluded_line(ln: Line, excluded: list[tuple[int, int]]) -> bool:
    stripped_start = ln.start + (len(ln.text) - len(ln.text.lstrip()))
    return any(s <= stripped_start and ln.end <= e + 1 for s, e in excluded)


