"""References inside clause text, and revisions with merged revision marks. Pure functions."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from retrieval.core.citations import instrument_display
from retrieval.core.models import Body, Instrument, Kind, Revision
from retrieval.core.text import norm_hyphens

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

# Where and when each assembly met, so that "(Rev. Busan, 2014)" or "PP-14" names its body.
VENUES: dict[str, dict[int, str]] = {
    "PP": {1994: "Kyoto", 1998: "Minneapolis", 2002: "Marrakesh", 2006: "Antalya", 2010: "Guadalajara",
           2014: "Busan", 2018: "Dubai", 2022: "Bucharest"},
    "WTSA": {1993: "Helsinki", 1996: "Geneva", 2000: "Montreal", 2004: "Florianópolis", 2008: "Johannesburg",
             2012: "Dubai", 2016: "Hammamet", 2022: "Geneva", 2024: "New Delhi"},
    "WTDC": {1994: "Buenos Aires", 1998: "Valletta", 2002: "Istanbul", 2006: "Doha", 2010: "Hyderabad",
             2014: "Dubai", 2017: "Buenos Aires", 2022: "Kigali"},
    "RA": {2000: "Istanbul", 2003: "Geneva", 2007: "Geneva", 2012: "Geneva", 2015: "Geneva",
           2019: "Sharm el-Sheikh", 2023: "Dubai"},
    "WRC": {2000: "Istanbul", 2003: "Geneva", 2007: "Geneva", 2012: "Geneva", 2015: "Geneva",
            2019: "Sharm el-Sheikh", 2023: "Dubai"},
}
# An assembly named by its year: "WTSA-20" met in 2022.
_MEETING_YEAR = {("WTSA", 20): 2022, ("WTDC", 21): 2022, ("WTDC", 22): 2022}
_OF_BODY: dict[str, Body] = {
    "plenipotentiary conference": "PP", "world telecommunication development conference": "WTDC",
    "world telecommunication standardization assembly": "WTSA", "radiocommunication assembly": "RA",
    "world radiocommunication conference": "WRC", "council": "Council", "itu council": "Council",
    "pp": "PP", "wtdc": "WTDC", "wtsa": "WTSA", "ra": "RA", "wrc": "WRC",
}
_BODY_WORD = r"(?:WTSA|PP|WTDC|RA|WRC)"
_REV = r"\((?P<rev>(?:Rev\.?\s*)?(?:[A-Za-zÀ-ÿ][^()]{1,40}?\d{4}|" + _BODY_WORD + r"-\d{2}|(?:19|20)\d{2}))\)"
_HEAD_RE = re.compile(
    r"\b(?:(?P<pre>" + _BODY_WORD + r"|Council)(?:-(?P<preyy>\d{2}))?\s+)?"
    r"(?:(?P<sec1>ITU-[RTD])\s+)?(?P<kind>Resolution|Decision|Recommendation)(?P<plural>s)?\s+"
    r"(?:(?P<sec>ITU-[RTD])\s+)?"
)
_ITEM_RE = re.compile(
    r"(?P<num>[A-Z]{1,3}\.\d+(?:\.\d+)*(?:\.[A-Za-z0-9]+)?|\d+[A-Z]?(?:-\d+)?)(?![/\w.-]*\d)"
    r"(?:\s*" + _REV + r")?"
)
_SEP_RE = re.compile(r"\s*(?:,\s*and|,|and|or)\s+")
_OF_RE = re.compile(
    r"\s*,?\s+of\s+(?:the\s+)?(?P<of>Plenipotentiary Conference|World Telecommunication Development Conference"
    r"|World Telecommunication Standardization Assembly|World Radiocommunication Conference"
    r"|Radiocommunication Assembly|ITU Council|Council|WTDC|WTSA|PP|RA|WRC|this (?:conference|assembly))\b"
    r"(?:\s*\((?:WTDC|WTSA|PP|RA|WRC)\))?(?:\s*" + _REV.replace("rev>", "rev2>") + r")?"
)


class CitedInstrument(BaseModel):
    """An instrument named in clause text, in the form the reference graph resolves."""

    model_config = ConfigDict(frozen=True)
    body: Body | None = None  # None when the text does not say and the revision does not tell
    kind: Kind = "resolution"
    number: str  # "191", "ITU-R 6", "A.1"
    edition: str | None = None  # Resolution ITU-R 6-2 → "2"
    sector: str | None = None  # ITU-T/ITU-R for Recommendations and Resolutions ITU-R
    revision: Revision | None = None
    revised: bool = False

    @property
    def display(self) -> str:
        """The same form a clause of the cited instrument is displayed with, so the two can be matched."""
        if self.kind == "recommendation" and self.sector:
            return f"Recommendation {self.sector} {self.number}"
        number = f"{self.number}-{self.edition}" if self.edition else self.number
        return instrument_display(Instrument(body=self.body or "other", kind=self.kind, number=number,
                                             revision=self.revision, revised=self.revised))


def _revision(raw: str | None) -> tuple[Revision | None, bool, Body | None]:
    """"Rev. Busan, 2014" → (Busan 2014, revised, PP); "Rev. WTSA-16" → (Hammamet 2016, revised, WTSA)."""
    if not raw:
        return None, False, None
    revised = revision_is_rev(raw)
    m = re.search(r"\b(" + _BODY_WORD + r")-(\d{2})\b", raw)
    if m:
        body: Body = m.group(1)  # type: ignore[assignment]
        year = _MEETING_YEAR.get((body, int(m.group(2))), 2000 + int(m.group(2)))
        return Revision(place=VENUES.get(body, {}).get(year, ""), year=year), revised, body
    rev = later_reading(raw)
    year_only = re.fullmatch(r"\s*(?:Rev\.?\s*)?((?:19|20)\d{2})\s*", raw)
    if rev is None and year_only:  # Resolution ITU-R 75 (2023)
        return Revision(place="", year=int(year_only.group(1))), revised, None
    if rev is None:
        return None, revised, None
    hits = [b for b, v in VENUES.items() if v.get(rev.year, "").lower() == rev.place.lower() and b != "WRC"]
    return rev, revised, hits[0] if len(hits) == 1 else None  # type: ignore[return-value]


def instruments_in(text: str, this_body: Body | None = None) -> list[CitedInstrument]:
    """Instruments a clause cites, in order of first mention: "Resolutions 18 and 45 (Rev. Hammamet,
    2016) of WTSA" gives two. `this_body` is what "of this conference" means in the citing text."""
    t = norm_hyphens(text).replace("\u00a0", " ")
    out: dict[CitedInstrument, None] = {}
    pos = 0
    while True:
        h = _HEAD_RE.search(t, pos)
        if not h:
            break
        pos = h.end()
        kind: Kind = h.group("kind").lower()  # type: ignore[assignment]
        sector = h.group("sec") or h.group("sec1")
        items: list[tuple[str, str | None]] = []
        while True:
            m = _ITEM_RE.match(t, pos)
            if not m or (kind == "recommendation" and sector and not re.match(r"[A-Z]", m.group("num"))):
                break
            if (kind != "recommendation" or not sector) and not re.fullmatch(r"\d+[A-Z]?(?:-\d+)?", m.group("num")):
                break
            items.append((m.group("num"), m.group("rev")))
            pos = m.end()
            if not h.group("plural"):
                break
            sep = _SEP_RE.match(t, pos)
            nxt = _ITEM_RE.match(t, sep.end()) if sep else None
            if not sep or not nxt:
                break
            pos = sep.end()
        if not items:
            continue
        of = _OF_RE.match(t, pos)
        body: Body | None = None
        if h.group("pre"):
            body = h.group("pre")  # type: ignore[assignment]
        if of:
            pos = of.end()
            word = of.group("of").lower()
            body = this_body if word.startswith("this ") else _OF_BODY.get(word, body)
        shared_rev = of.group("rev2") if of else None
        last_rev = items[-1][1]
        for num, raw in items:
            # "Resolutions 18 and 45 (Rev. Hammamet, 2016)": the one revision after the list is everyone's.
            rev, revised, rev_body = _revision(raw or shared_rev or (last_rev if h.group("plural") else None))
            b = body or rev_body
            if h.group("preyy") and rev is None and b:
                rev, _, _ = _revision(f"{b}-{h.group('preyy')}")
            edition = None
            if kind == "resolution" and (sector == "ITU-R" or b == "RA"):
                b = "RA"  # the Radiocommunication Assembly numbers its resolutions "ITU-R n"
                if "-" in num:
                    num, edition = num.split("-", 1)
                num = f"ITU-R {num}"
            if kind == "recommendation" and sector:
                out.setdefault(CitedInstrument(kind=kind, number=num, sector=sector), None)
                continue
            out.setdefault(CitedInstrument(body=b, kind=kind, number=num, edition=edition, sector=sector,
                                           revision=rev, revised=revised), None)
    return list(out)


def references_in(text: str, this_body: Body | None = None) -> list[str]:
    """Instruments a clause cites, in a readable normal form, in order of first mention."""
    return list(dict.fromkeys(c.display for c in instruments_in(text, this_body)))
