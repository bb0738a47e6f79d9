"""A question read once: its intent, the references it names ("Res 57 resolves 3") and its topic.
Pure functions."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from retrieval.core.models import Body, Reference, Revision
from retrieval.core.text import norm_hyphens
from retrieval.indexing.lexical import lexical_tokens
from retrieval.parsing.references import later_reading

Intent = Literal["cite", "sector", "find", "ask"]

_SECTOR_RE = re.compile(
    r"\b(?:which|what)\s+(?:ITU\s+)?sectors?\b|\bwho\s+(?:handles|deals\s+with|is\s+responsible|is\s+in\s+charge"
    r"|works\s+on|coordinates|leads|covers|looks\s+after)\b|\bsectors?\s+(?:handles?|deals?|responsible)\b",
    re.IGNORECASE,
)
_FIND_RE = re.compile(
    r"\b(?:which|what|list|find|show)\s+(?:the\s+)?(?:resolutions|documents|clauses|contributions|texts)\b"
    r"|\bresolutions\s+(?:on|about|dealing|deal|that)\b",
    re.IGNORECASE,
)
_TOPIC_STRIP = re.compile(
    r"^\s*(?:which|what|list|find|show)\s+(?:the\s+)?(?:resolutions|documents|clauses|contributions|texts)\s+"
    r"(?:deal\s+with|dealing\s+with|are\s+about|about|on|cover|mention|that\s+\w+(?:\s+with)?)\s*"
    r"|^\s*(?:which|what|who)\s+(?:ITU\s+)?(?:sectors?\s+)?(?:of\s+ITU\s+)?(?:handles?|deals?\s+with|is\s+responsible\s+for"
    r"|are\s+responsible\s+for|is\s+in\s+charge\s+of|(?:share|do|does)?\s*(?:the\s+)?works?\s+(?:together\s+)?on"
    r"|shares?\s+(?:the\s+)?(?:work|responsibility|responsibilities)\s+(?:on|for)|(?:is|are)\s+(?:involved|active)\s+in"
    r"|studies|study|coordinates|leads|covers|looks\s+after)?\s*|\?\s*$",
    re.IGNORECASE,
)


# Words that ask for an instrument's text rather than about it: "What does Resolution 57 say?"
_CITE_WORDS = frozenset(lexical_tokens(
    "say says said text texts show quote read reads full give me tell wording exact content contents cite "
    "resolution resolutions res rev revised version latest adopted"))
_REF_SPAN = re.compile(
    r"\b(?:WTSA|WTDC|PP|RA|WRC|Plenipotentiary|ITU-[RTD])?[-\s]*(?:\d{2}\s+)?"
    r"(?:Resolution|Res\.?)\s*(?:ITU-R\s*)?\d+(?:\s*\((?:Rev\.?\s*)?[^)]*\))?"
    r"|\(?Rev\.?\s+[A-Z][\w\s-]*,\s*\d{4}\)?|\b(?:WTSA|WTDC|PP|RA)(?:-\d{2})?\b",
    re.IGNORECASE)


def asks_about_more_than(question: str) -> bool:
    """True when a question names a whole instrument but asks something about it ("What is the purpose
    of the RCC contribution on Resolution 57?"): that wants search within it, not all its clauses."""
    rest = _REF_SPAN.sub(" ", norm_hyphens(question).replace("\u00a0", " "))
    return any(t not in _CITE_WORDS and not t.isdigit() for t in lexical_tokens(rest))


def detect(question: str) -> tuple[Intent, Reference | None]:
    """The intent, and for "cite" the reference to look up. Other intents carry no reference: the
    answerer scopes their search by every resolution the question names."""
    ref = parse_reference(question)
    if ref is not None and (ref.symbol or ref.part or ref.label):
        return "cite", ref
    if ref is not None and ref.number and not asks_about_more_than(question):
        return "cite", ref
    if _SECTOR_RE.search(question):
        return "sector", None
    if _FIND_RE.search(question):
        return "find", None
    return "ask", None


def topic_of(question: str) -> str:
    topic = _TOPIC_STRIP.sub("", question).strip()
    return topic or question


class Query(BaseModel):
    """A question read once; everything below works from this, never from the raw text again."""

    text: str
    intent: Intent
    reference: Reference | None = None  # what a "cite" looks up
    references: list[Reference] = Field(default_factory=list)  # every instrument the question names
    topic: str = ""  # the question without its question words ("emergency telecommunications")
    language: str = "en"

    @property
    def search_text(self) -> str:
        """What the retrievers get: the whole question for "ask", the topic for the others."""
        return self.text if self.intent == "ask" else self.topic


def read_query(question: str) -> Query:
    text = question.strip()
    intent, ref = detect(text)
    return Query(text=text, intent=intent, reference=ref, references=references_named(text),
                 topic=topic_of(text))


# ---- references people type ---------------------------------------------------------------------

_BODY_WORDS: dict[str, Body] = {
    "wtsa": "WTSA", "pp": "PP", "wtdc": "WTDC", "ra": "RA", "wrc": "WRC", "plenipotentiary": "PP",
}
_PART_WORDS = (
    "resolves further", "noting further", "considering further", "recognizing further",
    "instructs the director of tsb", "instructs the director of bdt", "instructs the director of br",
    "instructs the secretary-general", "instructs", "invites", "requests", "encourages", "urges",
    "taking into account", "bearing in mind", "noting", "considering", "recognizing", "recalling",
    "resolves", "decides",
)
_SYMBOL_RE = re.compile(r"\b([A-Z][A-Za-z]{1,9})/(\d+[A-Z]?\d*)(?:/(\d+))?\b")
_RES_RE = re.compile(
    r"\b(?:(?P<body>WTSA|PP|WTDC|RA|WRC)(?:-?(?P<yy>\d{2}))?\s+)?"
    r"(?:Res(?:olution)?s?\.?)\s*(?:No\.?\s*)?(?P<num>ITU-R\s*\d+(?:-\d+)?|\d+)"
    r"(?:\s*\((?P<rev>[^()]*\d{4})\))?",
    re.IGNORECASE,
)
_LABEL_AFTER_PART = re.compile(r"^\s*(?P<label>\d+(?:\.\d+)*\s?(?:bis|ter)?|[a-z]\)\s?(?:bis|ter)?|[a-z]\b)",
                               re.IGNORECASE)
_SECTION_RE = re.compile(r"(?:\bsection|§|\bclause|\bpara(?:graph)?\.?)\s*(?P<label>\d+(?:\.\d+)*(?:\s?bis)?)",
                         re.IGNORECASE)
_PREFIX_BODY_RE = re.compile(r"\b(WTSA|PP|WTDC|RA|WRC)(?:-?\d{2})?\b")


def references_named(question: str) -> list[Reference]:
    """Every resolution a question names, in order: "WTDC Resolution 59 … according to Res 57"."""
    q = norm_hyphens(question).replace("\u00a0", " ")
    out = []
    for m in _RES_RE.finditer(q):
        ref = parse_reference(m.group(0))
        if ref is not None and ref.number:
            out.append(ref)
    return out


def parse_reference(query: str) -> Reference | None:
    """Parse "Res 57 resolves 3", "Resolution 1 section 4.2", "RCC/47A4/1" … or return None."""
    q = norm_hyphens(query).replace("\u00a0", " ").strip()
    sym = _SYMBOL_RE.search(q)
    if sym and not re.match(r"^(?:ITU|Rev)$", sym.group(1), re.IGNORECASE):
        return Reference(symbol=f"{sym.group(1).upper()}/{sym.group(2).upper()}",
                         proposal=int(sym.group(3)) if sym.group(3) else None, text=query)
    m = _RES_RE.search(q)
    if not m:
        return None
    num = re.sub(r"\s+", " ", m.group("num")).upper().replace("ITU-R", "ITU-R")
    if num.startswith("ITU-R") and not num.startswith("ITU-R "):
        num = "ITU-R " + num[5:]
    body: Body | None = None
    if m.group("body"):
        body = _BODY_WORDS[m.group("body").lower()]
    else:
        pb = _PREFIX_BODY_RE.search(q[: m.start()]) or re.search(
            r"\bof (?:the )?(WTSA|PP|WTDC|RA|Plenipotentiary)\b", q[m.end():], re.IGNORECASE)
        if pb:
            body = _BODY_WORDS.get(pb.group(1).lower())
    if num.startswith("ITU-R"):
        body = "RA"
    revision = later_reading(m.group("rev")) if m.group("rev") else None
    ref = Reference(body=body, number=num, revision=revision, text=query)
    if m.group("yy"):  # "WTSA-16" names the assembly year; matched against revision years
        ref.revision = Revision(place="", year=2000 + int(m.group("yy")))
    rest = q[m.end():]
    sec = _SECTION_RE.search(rest)
    if sec:
        ref.part, ref.label = "section", sec.group("label").replace(" ", "")
        return ref
    low = rest.lower()
    for word in _PART_WORDS:
        i = low.find(word)
        if i >= 0:
            ref.part = word
            lab = _LABEL_AFTER_PART.match(rest[i + len(word):])
            if lab:
                ref.label = canonical_label(lab.group("label"))
            break
    else:
        bare = re.match(r"^\s*,?\s*(\d+(?:\.\d+)+)\b", rest)
        if bare:
            ref.part, ref.label = "section", bare.group(1)
    return ref


def canonical_label(label: str) -> str:
    """"b) bis" → "b)bis", "b" → "b)", "2 bis" → "2bis"."""
    s = re.sub(r"\s+", "", label.strip()).lower()
    if re.fullmatch(r"[a-z]", s):
        return s + ")"
    return s
