"""References: revisions with merged revision marks, references inside clause text, and the
references people type ("Res 57 resolves 3"). Pure functions."""

from __future__ import annotations

import re

from pydantic import BaseModel

from .models import Body, Revision
from .text import norm_hyphens

_YEAR_SEAM = re.compile(r"(?<=\d{4})(?=[A-Za-z])")
_PLACE_YEAR = re.compile(r"([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'\-]*?),?\s*(\d{4,})\s*$")
_CAMEL_SEAM = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")


def later_reading(raw: str) -> Revision | None:
    """The revision a heading gives, taking the later reading where tracked changes merged two.

    "REV. DUBAI, 2012HAMMAMET, 2016" → Hammamet 2016; "Rev. HyderabadDubai, 20102014" → Dubai 2014.
    """
    text = re.sub(r"^\s*\(?\s*(?:Rev\.?\s*)", "", raw.strip(), flags=re.IGNORECASE).rstrip(") ")
    text = _YEAR_SEAM.split(text)[-1].strip()
    m = _PLACE_YEAR.search(text)
    if not m:
        return None
    place, digits = m.group(1).strip(" ,"), m.group(2)
    # Two years run together ("20102014"): the later one was inserted.
    year = int(digits[-4:])
    place = _CAMEL_SEAM.split(place)[-1].strip()
    if place.isupper() or place.islower():
        place = " ".join(w.capitalize() if w.lower() not in ("del", "de", "la") else w.lower()
                         for w in place.split())
    return Revision(place=place, year=year)


def revision_is_rev(raw: str) -> bool:
    return bool(re.match(r"^\s*\(?\s*Rev\b", raw, re.IGNORECASE))


# ---- references inside clause text ------------------------------------------------------------

_REF_IN_TEXT = re.compile(
    r"\bResolution\s+(?P<num>ITU-R\s+\d+(?:-\d+)?|\d+)"
    r"(?:\s*\((?P<rev>(?:Rev\.\s*)?[^()]{2,40}?\d{4})\))?"
    r"(?:\s+of\s+the\s+(?P<of>Plenipotentiary Conference|World Telecommunication Development Conference|"
    r"World Telecommunication Standardization Assembly|Radiocommunication Assembly)|\s+of\s+(?P<ofa>WTDC|WTSA|PP))?"
    r"(?:\s*\((?P<rev2>(?:Rev\.\s*)?[^()]{2,40}?\d{4})\))?"
    r"|\b(?P<rec>Recommendations?\s+ITU-[RTD]\s+[A-Z]{1,3}\.\d+(?:\.\d+)?)"
)
_OF_BODY = {
    "Plenipotentiary Conference": "PP", "World Telecommunication Development Conference": "WTDC",
    "World Telecommunication Standardization Assembly": "WTSA", "Radiocommunication Assembly": "RA",
}


def references_in(text: str) -> list[str]:
    """Instruments a clause cites, in a readable normal form, in order of first mention."""
    out: dict[str, None] = {}
    t = norm_hyphens(text).replace("\u00a0", " ")
    for m in _REF_IN_TEXT.finditer(t):
        if m.group("rec"):
            out.setdefault(re.sub(r"\s+", " ", m.group("rec")), None)
            continue
        num = re.sub(r"\s+", " ", m.group("num"))
        ref = f"Resolution {num}"
        raw = m.group("rev") or m.group("rev2")
        if raw:
            rev = later_reading(raw)
            if rev:
                ref += f" ({'Rev. ' if revision_is_rev(raw) else ''}{rev.place}, {rev.year})"
        body = _OF_BODY.get(m.group("of") or "") or m.group("ofa")
        if body and not num.startswith("ITU-R"):
            ref = f"{body} {ref}"
        out.setdefault(ref, None)
    return list(out)


# ---- references people type ---------------------------------------------------------------------

class Reference(BaseModel):
    """A parsed user reference. Any field may be missing; search fills the gaps from the index."""

    body: Body | None = None
    number: str | None = None
    revision: Revision | None = None
    part: str | None = None
    label: str | None = None
    symbol: str | None = None  # contribution symbol "RCC/47A4"
    proposal: int | None = None  # proposal number within the contribution
    text: str = ""


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
