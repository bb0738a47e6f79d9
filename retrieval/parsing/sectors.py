"""Which ITU Sectors a piece of text names, and which coordination mechanisms. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.core.models import SECTORS, Sector
from retrieval.core.text import norm_hyphens

_I = re.IGNORECASE
# Patterns run on hyphen-normalised text, so "ITU‑T" (U+2011) and "ITU-T" look the same.
SECTOR_PATTERNS: dict[Sector, list[re.Pattern[str]]] = {
    "ITU-R": [
        re.compile(r"\bITU[- ]?R\b"),
        re.compile(r"\bRadiocommunication\b", _I),
        re.compile(r"\b(?:BR|RAG|WRC(?:-\d+)?|RA(?:-\d+)?)\b"),
        re.compile(r"\bWP ?\d[A-Z]\b"),
    ],
    "ITU-T": [
        re.compile(r"\bITU[- ]?T\b"),
        re.compile(r"\bTelecommunication Standardi[sz]ation\b", _I),
        re.compile(r"\b(?:TSB|TSAG|WTSA(?:-\d+)?)\b"),
    ],
    "ITU-D": [
        re.compile(r"\bITU[- ]?D\b"),
        re.compile(r"\bTelecommunication Development\b", _I),
        re.compile(r"\b(?:BDT|TDAG|WTDC(?:-\d+)?)\b"),
        re.compile(r"\bQ\d+/[12]\b"),
    ],
    "GS": [
        re.compile(r"\bGeneral Secretariat\b", _I),
        re.compile(r"\b(?:Deputy )?Secretary-General\b", _I),
        re.compile(r"\bPlenipotentiary Conference\b", _I),
        re.compile(r"\b(?:ISC-TF|PP-\d+)\b"),
    ],
}

SECTOR_NAMES: dict[str, str] = {
    "ITU-R": "ITU-R (Radiocommunication Sector)",
    "ITU-T": "ITU-T (Telecommunication Standardization Sector)",
    "ITU-D": "ITU-D (Telecommunication Development Sector)",
    "GS": "General Secretariat",
}

MECHANISM_PATTERNS: dict[str, re.Pattern[str]] = {
    "ISCG": re.compile(r"\bISCG\b|Inter-?sector(?:al)? Coordination Group", _I),
    "ISC-TF": re.compile(r"\bISC-TF\b|Inter-?sector(?:al)? Coordination Task Force", _I),
    "Inter-sectoral Emergency Telecommunication Team": re.compile(
        r"Inter-?sectoral Emergency Telecommunication Team", _I
    ),
    "IRG": re.compile(r"\bIRG\b|Inter-?Sector Rapporteur Group", _I),
    "JCA": re.compile(r"\bJCA\b|joint coordination activit", _I),
    "TSAG subgroup on intra-ITU collaboration": re.compile(r"intra-ITU collaboration", _I),
    "liaison": re.compile(r"\bliaison\b", _I),
}

_GROUP_RE = re.compile(
    r"\b(?:TSAG|TDAG|RAG|ISCG|ISC-TF|TSB|BR|BDT|ITU-[RTD] [Ss]tudy [Gg]roups?(?: \d+)?|"
    r"Study Group \d+|SG ?\d+|WP ?\d[A-Z]|Q\d+/[12])\b"
)


def sectors_in(text: str) -> list[Sector]:
    t = norm_hyphens(text)
    return [s for s in SECTORS if any(p.search(t) for p in SECTOR_PATTERNS[s])]


# "the Coordination Committee for Vocabulary (CCV) of the ITU Radiocommunication Sector": a body followed by the
# Sector it belongs to. Words of the body's own name (and "for", "of", "on") may come between.
_BODY_WORD_RE = re.compile(r"[A-Za-z][\w-]*")
_JOINING = frozenset({"for", "of", "on", "the", "and"})
_BELONGS_RE = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?(?:of|in|within)\s+(?:the\s+)?(?P<head>(?:[\w-]+\s+){0,3}[\w-]+)")


def sector_of_body(text: str, pos: int, is_name_word: Callable[[str], bool]) -> Sector | None:
    """The one Sector a body at `pos` is said to belong to ("… (CCV) in the ITU Radiocommunication Sector"),
    when the words right after the body's name (`is_name_word`) say so; None otherwise."""
    end = None
    for m in _BODY_WORD_RE.finditer(text, pos):
        if is_name_word(m.group(0)):
            end = m.end()
        elif m.group(0).lower() not in _JOINING or end is None:
            break
    if end is None:
        return None
    after = _BELONGS_RE.match(text, end)
    if after is None:
        return None
    named = [s for s in sectors_in(after.group("head")) if s != "GS"]
    return named[0] if len(named) == 1 else None


# "… within the framework of ITU-D, with the specialized assistance of ITU-R and ITU-T, …": the Sectors
# inside such a phrase help; they do not carry the work.
_ASSIST_SCOPE_RE = re.compile(
    r"\b(?:with|through)\s+(?:the\s+)?(?:\w+\s+)?(?:assistance|support|help|participation|contribution|involvement|"
    r"cooperation|collaboration)\s+(?:of|from|by)\b|\bin\s+(?:close\s+)?(?:coordination|collaboration|cooperation|consultation)"
    r"\s+with\b", _I)


def assisting_sectors(text: str) -> list[Sector]:
    """Sectors named only as helpers: inside "with the assistance of …" or "in collaboration with …", up
    to the end of that phrase (a comma, semicolon or full stop outside parentheses)."""
    t = norm_hyphens(text)
    found: set[str] = set()
    for m in _ASSIST_SCOPE_RE.finditer(t):
        depth, end = 0, len(t)
        for i in range(m.end(), len(t)):
            ch = t[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and (ch in ",;:" or (ch == "." and (i + 1 == len(t) or t[i + 1].isspace()))):
                end = i
                break
        found.update(sectors_in(t[m.end():end]))
    return [s for s in SECTORS if s in found]


def mechanisms_in(text: str) -> list[str]:
    t = norm_hyphens(text)
    return [name for name, p in MECHANISM_PATTERNS.items() if p.search(t)]


def groups_in(text: str) -> list[str]:
    """Named groups and bureaux (TSAG, BDT, ITU-T study groups …), in order of first mention."""
    seen: dict[str, None] = {}
    for m in _GROUP_RE.finditer(norm_hyphens(text)):
        seen.setdefault(m.group(0), None)
    return list(seen)
