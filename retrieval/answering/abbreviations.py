"""Abbreviations as the texts define them: "the ICT Price Basket (IPB)", "Master International Frequency
Register (MIFR)". A question in one form ("who publishes the ICT price basket?") searches the other too
("… IPB"), since the operative clause often uses only the short form ("to publish annually the IPB and the
IDI"). Candidates are read off the question; the corpus is asked only for "(ABBR)" strings, so a question
costs one scan of the stored bytes, never a parse of every clause. Pure functions plus that lookup."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_WORD_RE = re.compile(r"[A-Za-z][\w-]*")
_SMALL = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "an", "with"})
# "MIFR", "IXPs"; with a small word's letter inside, "IoT", "MoU"
_ABBR_RE = re.compile(r"\b([A-Z][A-Z0-9]{1,5}|[A-Z]{1,3}[a-z][A-Z]{1,3})(s?)\b")
# Short forms a question uses that are ITU's own names, never defined in brackets worth reading.
_COMMON = frozenset({"ITU", "TSB", "BDT", "BR", "TSAG", "TDAG", "RAG", "WTSA", "WTDC", "WRC", "PP", "RA", "SG",
                     "ICT", "ICTS", "UN", "US", "EU", "OK", "FYI", "ASAP"})
MAX_WORDS = 6
RARE_USES = 5  # a short form used in at most this many clauses is searched in its long form too


def initials(words: list[str]) -> str:
    """"ICT Development Index" → "IDI"; small words count only when capitalised ("Internet Of Things")."""
    return "".join(w[0].upper() for w in words if w.lower() not in _SMALL or w[0].isupper())


def _mixed_initials(words: list[str]) -> str:
    """… or as a small letter inside ("Internet of Things" → "IoT", "terms of reference" → "ToR")."""
    return "".join(w[0].lower() if w.lower() in _SMALL else w[0].upper() for w in words)


def long_form_candidates(text: str, lowercase: bool = False) -> dict[str, str]:
    """The abbreviations the question's phrases would have ({"IDI": "ICT Development Index"}), for phrases
    of two to six words; the texts decide which are real."""
    words = _WORD_RE.findall(text)
    out: dict[str, str] = {}
    for i in range(len(words)):
        if words[i].lower() in _SMALL:
            continue
        for j in range(i + 2, min(len(words), i + MAX_WORDS) + 1):
            if words[j - 1].lower() in _SMALL:
                continue
            # A name has a capital beyond the question's first word ("ICT price basket", "Master
            # International Frequency Register"); "Who reports on cybersecurity" is no name of WRC.
            # … or, with `lowercase`, three words or more as chat types a name ("human resources strategic
            # plan", which Res 48 defines as HRSP): the texts must still define it word for word.
            if not any(w[0].isupper() for w in words[max(i, 1):j]) and (not lowercase or j - i < 3):
                continue
            for abbr in (initials(words[i:j]), _mixed_initials(words[i:j])):
                if 2 <= len(abbr) <= 6:  # ITU's own names too: "Telecommunication Standardization Advisory Group"
                    out.setdefault(abbr, " ".join(words[i:j]))
    return out


def short_forms_in(text: str) -> list[str]:
    """The abbreviations a question uses ("MIFR", "IXPs" → "IXP"), ITU's own names aside."""
    return [m.group(1) for m in _ABBR_RE.finditer(text) if m.group(1) not in _COMMON and not m.group(1).isdigit()]


def defined_long_form(abbr: str, text: str) -> str | None:
    """The words a clause defines `abbr` with ("… Master International Frequency Register (MIFR)"): the
    words before the bracket whose initials make it."""
    m = re.search(rf"((?:[\w-]+\s+){{1,{MAX_WORDS + 3}}})\({re.escape(abbr)}s?\)", text)
    if not m:
        return None
    words = _WORD_RE.findall(m.group(1))
    spans = range(2, min(len(words), MAX_WORDS + 3) + 1)
    # one word to a letter first: "alternative approval process (AAP)", not "approval process" ("approval"
    # holds an A and a P); then words giving more letters ("Intersector Coordination Group (ISCG)")
    for k in spans:
        if "".join(w[0] for w in words[-k:] if w.lower() not in _SMALL).upper() == abbr.upper():
            return " ".join(words[-k:])
    for k in spans:
        if _spells(abbr, words[-k:]):
            return " ".join(words[-k:])
    return None


def _spells(abbr: str, words: list[str]) -> bool:
    """Each word, in order, gives the abbreviation its first letter and maybe a few more of its letters
    ("Intersector Coordination Group" → "IS" + "C" + "G"); small words may give nothing."""
    if not words:
        return not abbr
    w, rest, abbr = words[0].upper(), words[1:], abbr.upper()  # "IoT" is spelt by "Internet of Things"
    if w.lower() in _SMALL and _spells(abbr, rest):
        return True
    return bool(abbr) and abbr[0] == w[0] and any(
        _subsequence(abbr[1:n], w[1:]) and _spells(abbr[n:], rest) for n in range(1, len(abbr) + 1))


def _subsequence(part: str, word: str) -> bool:
    letters = iter(word)
    return all(ch in letters for ch in part)


def expansions(question: str, find: Callable[[list[bytes]], Iterable[str]],
               uses: Callable[[str], int] | None = None) -> list[str]:
    """The other forms to search besides the question (see `expansion_pairs`)."""
    return list(dict.fromkeys(other for _typed, other in expansion_pairs(question, find, uses)))


def expansion_pairs(question: str, find: Callable[[list[bytes]], Iterable[str]],
                    uses: Callable[[str], int] | None = None, lowercase: bool = False,
                    max_uses: int = RARE_USES) -> list[tuple[str, str]]:
    """(the form the question uses, the other form) for each long form it spells out and each short form
    it uses, when a text defines them. `find(needles)` gives the texts holding
    any of the needles (the catalog's byte scan); `uses(abbr)`, how many clauses use a short form: a form
    no clause uses is never looked up (the look-up is a scan), and one the texts use freely ("IMT",
    "TAP", "JCA") already finds them, so its long form would only add noise."""
    longs = {a: f for a, f in long_form_candidates(question, lowercase).items() if uses is None or uses(a) > 0}
    shorts = [a for a in short_forms_in(question) if uses is None or 0 < uses(a) <= max_uses]
    wanted = set(longs) | set(shorts)
    if not wanted:
        return []
    texts = list(find([f"({a})".encode() for a in sorted(wanted)] + [f"({a}s)".encode() for a in sorted(wanted)]))
    out: list[tuple[str, str]] = []
    for abbr in sorted(wanted):
        for t in texts:
            defined = defined_long_form(abbr, t)
            if defined is None:
                continue
            if abbr in longs and defined.lower() == longs[abbr].lower() and abbr not in question:
                out.append((longs[abbr], abbr))
            elif abbr in shorts and defined.lower() not in question.lower():
                out.append((abbr, defined))
            break
    return list(dict.fromkeys(out))


# A capitalised name of two to six words, small words inside ("Universal Postal Union", "Council Working Group
# on Child Online Protection"); a sentence's first word is no part of one ("The Union").
_NAME_RE = re.compile(r"\b(?!(?:The|A|An|This|That|These|In|For|On|At|By|To|Its|Their|Each|All|Any)\b)[A-Z][a-z]+"
                      r"(?:(?:\s+(?:of|and|for|on|in|the)){0,2}\s+[A-Z][a-z]+){1,5}\b")


def names_by_initials(texts: Iterable[str]) -> dict[str, str]:
    """{initials: name} for the capitalised names the texts use ("UPU": "Universal Postal Union"), where the
    initials give one name only: what a short form the texts never write stands for ("what does ITU do
    with the UPU?")."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for m in _NAME_RE.finditer(text):
            words = m.group(0).split()
            # each run of it from one capitalised word to another: "Universal Postal Union and the World Health
            # Organization" holds two names
            caps = [i for i, w in enumerate(words) if w[0].isupper()]
            for i in caps:
                for j in (j for j in caps if 1 <= j - i <= MAX_WORDS - 1):
                    run = words[i: j + 1]
                    for abbr in {initials(run), _mixed_initials(run)}:
                        if 3 <= len(abbr) <= 6:
                            found.setdefault(abbr, set()).add(" ".join(run))
    # (the names must agree, case aside)
    return {abbr: min(names) for abbr, names in found.items() if len({n.lower() for n in names}) == 1}
