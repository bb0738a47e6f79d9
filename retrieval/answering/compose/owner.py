"""Whose Recommendation is it: "X.1255 - whose rec is that?", "F.791 on accessibility terms - is that an R
text or a T text?". A Recommendation's Sector is part of its designation ("Recommendation ITU-T X.1255"),
which the texts citing it print, so the answer needs neither its text nor a mandate: the clause that
prints the designation is the evidence, and the Recommendation itself when it is indexed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from retrieval.answering.compose import lead
from retrieval.answering.query import asks_owner
from retrieval.answering.quotes import best_quote
from retrieval.core.citations import citation, display
from retrieval.core.models import Answer, Clause
from retrieval.parsing.mandates import document_sector
from retrieval.parsing.sectors import SECTOR_NAMES

# "X.1255", "ITU-T F.791", "A.Sup5" (a Recommendation or Supplement by its designation)
_DESIGNATION_RE = re.compile(r"\b(?:ITU-[RTD]\s+)?(?P<rec>[A-Z]{1,2}\.(?:Sup)?\d{1,4}(?:\.\d+)?)\b")
# How a citing text prints a designation with its Sector: "Recommendation ITU-T X.1255", "ITU-R M.1042"
_PRINTED = r"\bITU-(?P<s>[RTD])\s+(?:Recommendation\s+)?{rec}(?![\d.])"


def owner_asked(question: str) -> str | None:
    """The one Recommendation whose Sector a question asks ("X.1255 … whose rec is that?"), or None."""
    if not asks_owner(question):
        return None
    recs = list(dict.fromkeys(m.group("rec") for m in _DESIGNATION_RE.finditer(question)))
    return recs[0] if len(recs) == 1 else None


def owner_of(rec: str, clauses: Iterable[Clause]) -> tuple[str, Clause] | None:
    """The Sector a Recommendation belongs to and the clause that shows it: the Recommendation's own text
    when indexed, else the first clause printing its designation with a Sector."""
    printed = re.compile(_PRINTED.format(rec=re.escape(rec)))
    seen: list[tuple[str, Clause]] = []
    for c in clauses:
        if c.instrument.kind in ("recommendation", "supplement") and c.instrument.number == rec \
                and (sector := document_sector(c.instrument)) is not None:
            return sector, c
        if (m := printed.search(c.text)) is not None:
            seen.append((f"ITU-{m.group('s')}", c))
    return seen[0] if seen else None


def compose_owner(question: str, rec: str, sector: str, c: Clause) -> Answer:
    own = c.instrument.number == rec
    how = f"{display(c)} is its own text" if own else f"{display(c)} cites it as an {sector} Recommendation"
    return Answer(question=question, intent="sector", lines=[lead(f"{SECTOR_NAMES[sector]}: {rec} is an {sector} "
                                                                  f"Recommendation ({how}).")],
                  citations=[citation(c, best_quote(c.text, question))], sectors=[sector], lead_sectors=[sector])


# A named thing of one Sector ("the Global Network Planning initiatives (GNPi) of ITU-D", "CPM in ITU-R",
# "Question 20/1 of ITU-D Study Group 1"): "GNPi - is that R's, T's or D's programme?" asks whose it is, which
# the texts print beside its name, not who is tasked in the clause that mentions it.
# ("IRG-AVA", "JCA-AHF"; not "IP-based", nor "TP" of "TP.inno")
_ACRONYM_RE = re.compile(r"(?<![\w.-])(?=[A-Za-z]*[A-Z][a-z]*[A-Z])[A-Za-z]{2,8}(?:-[A-Z]{2,8})?(?![\w-]|\.\w)")
_QUESTION_RE = re.compile(r"\b(?:Q|Question\s+)(\d{1,2})/(\d{1,2})\b", re.IGNORECASE)
# the Sectors, their Bureaux and conferences, and words too common to be a named thing of one Sector
_NOT_NAMES = frozenset([
    "ITU", "ITU-R", "ITU-T", "ITU-D", "BR", "TSB", "BDT", "SG", "SGS", "PP", "WTSA", "WTDC", "WRC", "RA", "TSAG",
    "TDAG", "RAG", "CWG", "CWGS", "ICT", "ICTS", "UN", "LDC", "LDCS", "SIDS", "LLDCS", "MOU", "MOUS", "SDO", "SDOS",
    "NGO", "NGOS", "SME", "SMES", "ITRS", "DG", "DSG", "SMS", "MS", "MSS", "CPS", "GS"])
_SECTOR_WORDS = {"Radiocommunication": "ITU-R", "Telecommunication Standardization": "ITU-T",
                 "Telecommunication Development": "ITU-D"}
_OF_SECTOR = (r"(?:ITU-(?P<{g}>[RTD])\b|ITU\s+(?P<{g}n>Radiocommunication|Telecommunication\s+Standardization|"
              r"Telecommunication\s+Development)\s+Sector\b)")


def owned_names(topic: str, question: str = "") -> list[str]:
    """The names in a Sector question's topic that may be one Sector's: an acronym ("GNPi", "CPM",
    "IRG-AVA") or a Question number ("Q20/1"), as the texts write them. Only a name the question is about:
    the topic opens with it ("GNPi - is that R's, T's or D's?") or the question asks of it ("is the CPM …");
    one in a list ("future networks (IMT-2020, 2030 networks, GNPi) - which sector owns that?") is not."""
    found = [f"Question {m.group(1)}/{m.group(2)}" for m in _QUESTION_RE.finditer(topic)]
    found += [w for w in _ACRONYM_RE.findall(_QUESTION_RE.sub(" ", topic)) if w.upper() not in _NOT_NAMES]
    opening = " ".join(re.sub(r"^(?:the|a|an|so|and|but)\s+", "", topic.strip(), flags=re.IGNORECASE).split()[:2])

    def asked(name: str) -> bool:
        typed = "|".join(re.escape(f) for f in name_forms(name))
        if re.search(rf"\b(?:with|alongside)\s+(?:the\s+)?(?:{typed})(?![\w-])", question, re.IGNORECASE):
            return False  # "which Sector is asked to keep working with ISOC …": a partner, not what is owned
        return bool(re.search(rf"(?<![\w-])(?:{typed})(?![\w-])", opening)
                    or re.search(rf"\bis\s+(?:the\s+)?(?:{typed})(?![\w-])", question))

    return [n for n in dict.fromkeys(found) if asked(n)]


def name_forms(name: str) -> list[str]:
    """How the texts write a name: "Question 20/1" also as "Q20/1"."""
    q = _QUESTION_RE.fullmatch(name)
    return [name, f"Q{q.group(1)}/{q.group(2)}"] if q else [name]


def thing_owner(name: str, clauses: Iterable[Clause]) -> tuple[str, list[Clause]] | None:
    """The one Sector the texts tie a named thing to ("(GNPi) of ITU-D", "CPM in ITU-R", "ITU-D's GNPi"), and
    the clauses that do, in order; None when none does or they tie it to different Sectors."""
    typed = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in name_forms(name))
    after = re.compile(rf"(?<![\w-])(?:{typed})\)?\s*,?\s*(?:of|in|within|under)\s+(?:the\s+)?{_OF_SECTOR.format(g='a')}")
    before = re.compile(rf"{_OF_SECTOR.format(g='b')}(?:'s)?\s+(?:[\w-]+\s+)?(?:{typed})(?![\w-])")
    ties: dict[str, list[Clause]] = {}
    for c in clauses:
        for rx in (after, before):
            for m in rx.finditer(c.text):
                letter = m.group("a") if rx is after else m.group("b")
                full = m.group("an") if rx is after else m.group("bn")
                sector = f"ITU-{letter}" if letter else _SECTOR_WORDS[" ".join(full.split())]
                if c not in (tied := ties.setdefault(sector, [])):
                    tied.append(c)
    return next(iter(ties.items())) if len(ties) == 1 else None


def compose_thing_owner(question: str, name: str, sector: str, clauses: list[Clause]) -> Answer:
    more = f" (and {len(clauses) - 1} more)" if len(clauses) > 1 else ""
    return Answer(question=question, intent="sector",
                  lines=[lead(f"{SECTOR_NAMES[sector]}: {display(clauses[0])}{more} names {name} as {sector}'s.")],
                  citations=[citation(c, best_quote(c.text, name)) for c in clauses[:3]], sectors=[sector],
                  lead_sectors=[sector])
