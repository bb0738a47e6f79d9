"""Text normalisation shared by parsing, search and citation checks. Pure functions."""

from __future__ import annotations

import re
import unicodedata

# Every hyphen-like character Word and PDFs produce; "ITU‑T" with U+2011 must match "ITU-T".
HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad\ufe63\uff0d"
_HYPHEN_RE = re.compile(f"[{HYPHENS}]")
_SPACE_RE = re.compile(r"\s+")
FOOTNOTE_MARK_RE = re.compile(r"\[footnoteRef:\d+\]\d*|[\u00b9\u00b2\u00b3\u2070-\u2079]+")


def fold_space(text: str) -> str:
    return _SPACE_RE.sub(" ", text.replace("\u00a0", " ")).strip()


def unaccented(text: str) -> str:
    """The text with its accents off ("Dubaï" → "Dubai"), case kept."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def norm_hyphens(text: str) -> str:
    # The soft hyphen is invisible: drop it rather than turn it into a visible hyphen.
    return _HYPHEN_RE.sub(lambda m: "" if m.group() == "\u00ad" else "-", text)


def normalize(text: str) -> str:
    """The form used to compare a quote with its source: hyphens, quotes and whitespace folded."""
    text = unicodedata.normalize("NFKC", text)
    text = norm_hyphens(text)
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    return fold_space(text)


def display_text(text: str) -> str:
    """Clause text as shown to people: whitespace folded, nothing else changed."""
    return fold_space(text)


def quoted(text: str) -> str:
    """Display text between quotation marks, unless it already opens with one (a clause that quotes
    another text): “…” then, not ““…”,”."""
    t = display_text(text)
    return t if t[:1] in "“\"«" else f"“{t}”"


def strip_footnote_marks(text: str) -> str:
    return FOOTNOTE_MARK_RE.sub("", text)


_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# Tracked changes exported as plain text run the deleted word into the inserted one: "ICTscybersecurity",
# "2012HAMMAMET". Where the case changes it shows the seam, so split there (queries get the same split).
_MERGED_SEAMS = re.compile(r"(?<=[A-Z]{2}s)(?=[a-z]{4,})|(?<=[a-z]{3})(?=[A-Z][a-z]{2,})|(?<=\d{4})(?=[A-Z]{3,})")


def split_merged(text: str) -> str:
    return _MERGED_SEAMS.sub(" ", text)


# "ccTLDs", "LDCs", "JCAs": an acronym's plural is the acronym, which the stemmer cannot see once lower-cased
# ("cctlds" has no vowel to strip an "s" after).
_ACRONYM_PLURAL = re.compile(r"\b([a-z]{0,3}[A-Z]{2,}\d*)s\b")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens for lexical search; keeps ITU-T, ISC-TF, 2bis as one token."""
    return _TOKEN_RE.findall(_ACRONYM_PLURAL.sub(r"\1", split_merged(normalize(strip_footnote_marks(text)))).lower())


# Display only (the stored text stays verbatim for verification): merged revision seams shown as the
# change they are, footnote marks dropped.
_PLACE_YEAR_SEAM = re.compile(
    r"\b([A-Z][A-Za-z\u00c0-\u017f-]+(?: [A-Z][A-Za-z\u00c0-\u017f-]+)*), ((?:19|20)\d{2})"
    r"([A-Z][A-Za-z\u00c0-\u017f-]+(?: [A-Z][A-Za-z\u00c0-\u017f-]+)*), ((?:19|20)\d{2})\b")
_PLACES_YEARS_SEAM = re.compile(r"\b([A-Z][a-z\u00e0-\u017f]{2,})([A-Z][a-z\u00e0-\u017f]{2,}), ((?:19|20)\d{2})((?:19|20)\d{2})\b")
_WORD_SEAM = re.compile(r"(?<=[A-Z]{2}s)(?=[a-z]{4,})|(?<=[a-z]{3})(?=[A-Z][a-z]{2,})")


def readable(text: str) -> str:
    """How a clause is shown to people: "REV. DUBAI, 2012HAMMAMET, 2016" → "REV. DUBAI, 2012 → HAMMAMET,
    2016", "HyderabadDubai, 20102014" → "Hyderabad, 2010 → Dubai, 2014", "security in ICTscybersecurity"
    → "security in ICTs⟦|⟧cybersecurity", "[footnoteRef:1]1" removed; whitespace folded. A venue and a year
    show which reading came first; two words run together do not (the proposal replaced "security in ICTs"
    by "cybersecurity", not "ICTs" by it), so their seam is marked, not turned into a change."""
    t = strip_footnote_marks(text)
    t = _PLACES_YEARS_SEAM.sub(r"\1, \3 → \2, \4", t)
    t = _PLACE_YEAR_SEAM.sub(r"\1, \2 → \3, \4", t)
    t = _WORD_SEAM.sub("⟦|⟧", t)
    return fold_space(t)
