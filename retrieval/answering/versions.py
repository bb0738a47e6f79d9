"""The versions of one text held in the index, and which two a diff compares. Pure functions over
the catalog's clauses.

A resolution's versions are its adopted revisions (one document each: `wtsa-res-57@dubai-2012`,
`wtsa-res-57@hammamet-2016`) and the texts contributions propose for it (`MOD RCC/47A4/1`). A
meeting text's versions are separate documents (TD 2484, then C 823 revising it), named by their
symbol or id, or found by a word of their title ("TP.inno"), ordered by the meeting year on their
cover."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from pydantic import BaseModel, Field

from retrieval.core.citations import version_display
from retrieval.core.models import Clause, Reference

_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
# A meeting date on a cover: "Geneva, 27 August- 5 September 2019", "17-26 March 2020"
_DATE = re.compile(r"\b\d{1,2}\s*(?:(?:January|February|March|April|May|June|July|August|September|October|November"
                   r"|December)\s*)?[-–]\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September"
                   r"|October|November|December)\s+((?:19|20)\d{2})\b|\b\d{1,2}\s+(?:January|February|March|April"
                   r"|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2})\b")
_COVER = 20  # clauses of a meeting document's cover page read for its title and date


class Version(BaseModel):
    key: str  # doc_id, or doc_id + "|" + proposal
    name: str  # "WTSA Resolution 57 (Rev. Hammamet, 2016)", "Contribution SG17-C823"
    year: int = 0
    proposal: str | None = None
    order: int = 0  # "2nd revised baseline" → 2
    clauses: list[Clause] = Field(default_factory=list)

    def matches(self, rev: str) -> bool:
        """--from/--to: "Dubai, 2012", "2012", "Dubai", "WTSA-12", a doc id, a symbol ("C823",
        "SG17-TD2484"), a proposal ("RCC/47A4/1")."""
        want = _key(rev)
        if not want:
            return False
        c = self.clauses[0]
        inst = c.instrument
        names = {_key(self.key.split("|")[0]), _key(self.name)}
        if inst.symbol:
            names |= {_key(inst.symbol), _key(inst.symbol.split("-")[-1])}
        if self.proposal:
            names |= {_key(self.proposal), _key(self.proposal.split()[-1])}
        if inst.revision:
            r = inst.revision
            names |= {str(r.year), _key(r.place), _key(f"{r.place}{r.year}"), f"{inst.body.lower()}{r.year % 100:02d}"}
        return want in names


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9/]", "", text.lower().replace("rev.", ""))


def resolution_versions(ref: Reference, clauses: Sequence[Clause]) -> list[Version]:
    """Every version of the resolution `ref` names, oldest first, adopted before proposed."""
    groups: dict[str, list[Clause]] = defaultdict(list)
    for c in clauses:
        inst = c.instrument
        if inst.kind != "resolution" or (inst.number or "").upper() != (ref.number or "").upper():
            continue
        if ref.body is not None and inst.body != ref.body:
            continue
        groups[c.doc_id + ("|" + c.proposal if c.proposal else "")].append(c)
    out = [Version(key=k, name=version_display(cs[0]), proposal=cs[0].proposal, clauses=cs,
                   year=cs[0].instrument.revision.year if cs[0].instrument.revision else 0)
           for k, cs in groups.items()]
    return sorted(out, key=lambda v: (v.proposal is not None, v.year))


_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\s+revis", re.IGNORECASE)


def document_versions(name: str, clauses: Sequence[Clause], dates: dict[str, str] | None = None) -> list[Version]:
    """Documents named by id or symbol, or whose title or cover names `name` ("TP.inno"), oldest
    first: by the meeting date on the cover (`dates`: doc id → "Geneva, 17-26 March 2020", from the
    parsed cover table), then by "1st/2nd revised" in the title."""
    by_doc: dict[str, list[Clause]] = defaultdict(list)
    for c in clauses:
        by_doc[c.doc_id].append(c)
    want = _key(name)
    word = re.compile(r"(?<![\w.])" + re.escape(name.strip()) + r"(?![\w])", re.IGNORECASE)
    out = []
    for doc_id, cs in by_doc.items():
        sym = cs[0].instrument.symbol or ""
        named = want in (_key(doc_id), _key(sym), _key(sym.split("-")[-1]))
        title = cs[0].instrument.title
        cover = " ".join([title, *(c.text for c in cs[:_COVER])])
        if named or (len(name.strip()) >= 4 and word.search(cover)):
            dated = (dates or {}).get(doc_id, "")
            date = _DATE.search(dated) or _DATE.search(cover)
            years = [int(y) for y in _YEAR.findall(dated or cover)]
            year = int(date.group(1) or date.group(2)) if date else max(years, default=0)
            ordinal = _ORDINAL.search(title)
            out.append(Version(key=doc_id, name=version_display(cs[0]), clauses=cs, year=year,
                               order=int(ordinal.group(1)) if ordinal else 0))
    return sorted(out, key=lambda v: (v.year, v.order, v.key))


class Pick(BaseModel):
    old: Version | None = None
    new: Version | None = None
    message: str = ""
    others: list[str] = Field(default_factory=list)


def pick(versions: list[Version], what: str, from_rev: str | None, to_rev: str | None) -> Pick:
    """The two versions to compare: those named, else the two latest adopted ones (or, for a
    proposal named alone, the text it would change)."""
    if not versions:
        return Pick(message=f"{what} is not in the corpus.")
    names = [v.name for v in versions]

    def find(rev: str) -> Version | None:
        # an adopted text before a proposal for the same assembly, unless the proposal is named
        return next((v for v in reversed(versions) if v.proposal is None and v.matches(rev)), None) or \
            next((v for v in reversed(versions) if v.matches(rev)), None)

    new = find(to_rev) if to_rev else None
    old = find(from_rev) if from_rev else None
    for rev, got in ((from_rev, old), (to_rev, new)):
        if rev and got is None:
            return Pick(message=f"No version '{rev}' of {what} is indexed; indexed: {'; '.join(names)}.", others=names)
    adopted = [v for v in versions if v.proposal is None]
    if new is None:
        cands = [v for v in (adopted or versions) if v is not old and (old is None or v.year >= old.year)]
        new = cands[-1] if cands else None
    if old is None and new is not None:
        # a proposal revises the text in force before the assembly it is for
        earlier = [v for v in adopted if v is not new and v.year < new.year] or \
            [v for v in adopted[: adopted.index(new) if new in adopted else len(adopted)] if v is not new]
        old = earlier[-1] if earlier else None
    if old is not None and old is new:
        return Pick(message=f"'{from_rev}' and '{to_rev}' name the same version of {what} ({old.name}).",
                    others=names)
    if old is None or new is None:
        only = names[0] if len(names) == 1 else "; ".join(names)
        return Pick(message=f"Only one version of {what} is indexed ({only}): nothing to compare it with.",
                    others=names)
    return Pick(old=old, new=new, others=[n for n in names if n not in (old.name, new.name)])
