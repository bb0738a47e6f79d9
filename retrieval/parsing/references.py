"""References inside clause text, and revisions with merged revision marks. Pure functions."""

from __future__ import annotations

import re

from retrieval.core.models import Revision
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
