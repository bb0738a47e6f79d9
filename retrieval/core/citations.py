"""Every form in which a citation is shown: an instrument, a clause, text "as proposed in" a
contribution. Pure functions; the one place that knows how ITU people write references."""

from __future__ import annotations

import re

from retrieval.core.models import Citation, Clause, Instrument
from retrieval.core.text import readable

# Part of the index fingerprint: the embedded text carries these display forms, so changing them
# must re-index instead of mixing old and new vectors.
DISPLAY_VERSION = "2"


def instrument_display(inst: Instrument) -> str:
    assembly_rec = inst.kind == "recommendation" and inst.body in ("PP", "WTDC", "WTSA", "WRC", "Council")
    if (inst.kind in ("resolution", "decision") and inst.number) or assembly_rec:
        name = f"{inst.kind.capitalize()} {inst.number}"
        rev = "Rev. " if inst.revised else ""
        if inst.body == "WRC" and inst.revision:  # ITU-R's own form: Resolution 95 (Rev.WRC-19)
            return f"{name} ({rev.strip()}WRC-{inst.revision.year % 100:02d})"
        if inst.body not in ("other", "RA") or not (inst.number or "").startswith("ITU-R"):
            name = f"{inst.body} {name}" if inst.body != "other" else name
        if inst.revision:
            where = f"{inst.revision.place}, " if inst.revision.place else ""
            name += f" ({rev}{where}{inst.revision.year})"
        return name
    if inst.kind in ("recommendation", "supplement") and inst.number:
        sector = inst.body if inst.body.startswith("ITU-") else "ITU-T"
        date = f" ({inst.revision.place})" if inst.revision and inst.revision.place else ""
        sup = re.fullmatch(r"(?P<series>[A-Z]+)\.Sup(?P<n>\d+)", inst.number)
        if sup:  # "ITU-T A-series Supplement 5 (07/2016)", as ITU titles them
            return f"{sector} {sup.group('series')}-series Supplement {sup.group('n')}{date}"
        return f"Recommendation {sector} {inst.number}{date}"
    if inst.symbol:
        if re.match(r"(?:SG\d+|TSAG|TDAG|RAG)-", inst.symbol):
            return inst.symbol  # a meeting document is known by its symbol alone: "SG17-C823"
        what = {"contribution": "Contribution", "report": "Report", "liaison": "Liaison statement"}.get(
            inst.kind, "Document")
        return f"{what} {inst.symbol}"
    return inst.title or "Document"


def part_display(part: str, label: str) -> str:
    if part.startswith("section "):
        return f"§{label}" if label else part.capitalize()
    if part.startswith(("figure ", "table ")) and not label:
        return part.capitalize()  # "Figure 9.1", as the texts caption it
    if not label:
        return part
    if label.startswith("p") and label[1:].isdigit():
        return f"{part}, para. {label[1:]}"
    if part == "cover page":
        return f"{part}, {label}"  # "SG17-C823, cover page, Source"
    return f"{part} {label}"


def proposed_in(proposal: str | None) -> str:
    """The one wording for text a contribution proposes: " (as proposed in MOD RCC/47A4/1)"."""
    return f" (as proposed in {proposal})" if proposal else ""


def version_display(clause: Clause) -> str:
    """The instrument in the version this clause belongs to: adopted, or as a contribution proposes it."""
    return instrument_display(clause.instrument) + proposed_in(clause.proposal)


def display(clause: Clause) -> str:
    """WTSA Resolution 57 (Rev. Hammamet, 2016), resolves 3 — the form delegates use in a meeting."""
    if clause.instrument.symbol and clause.part.startswith("section ") and clause.label \
            and clause.instrument.kind in ("contribution", "td", "report"):
        return f"{instrument_display(clause.instrument)} §{clause.label}"  # "SG17-C823 §2.2.1"
    return f"{instrument_display(clause.instrument)}, {part_display(clause.part, clause.label)}" \
        + proposed_in(clause.proposal)


def citation(clause: Clause, quote: str, url: str | None = None) -> Citation:
    """The one JSON shape of a cited clause, shared by search, cite and ask."""
    full, q = clause.text.strip(), quote.strip()
    at = full.find(q) if q else 0
    return Citation(clause_id=clause.clause_id, display=display(clause), doc_id=clause.doc_id,
                    part=clause.part, label=clause.label, quote=quote, url=url,
                    truncated=len(q) < len(full), cut_start=at > 0, cut_end=at >= 0 and at + len(q) < len(full))


def quote_display(c: Citation) -> str:
    """A quote as shown: seams readable, footnote marks dropped, "…" where the slice cuts the clause.
    The Citation's quote itself stays the verbatim slice that verification checks."""
    text = readable(c.quote)
    if c.cut_start:
        text = "…" + text
    if c.cut_end:
        text = text.rstrip(" ,;:") + "…"
    return text
