"""Stable readable ids and the ITU display form of a citation. Pure functions."""

from __future__ import annotations

import re

from .models import Clause, Instrument

_SLUG_RE = re.compile(r"[^a-z0-9.]+")


def slug(text: str) -> str:
    return _SLUG_RE.sub("-", text.lower().replace("\u2011", "-")).strip("-")


def label_slug(label: str) -> str:
    return re.sub(r"[)\s]+", "-", label.lower()).strip("-")


def instrument_id(inst: Instrument) -> str:
    """wtsa-res-57@hammamet-2016, itu-t-rec-a.1@2016-10 …"""
    kind = {"resolution": "res", "recommendation": "rec"}.get(inst.kind, inst.kind)
    base = f"{slug(inst.body)}-{kind}-{slug(inst.number or 'x')}"
    return f"{base}@{inst.revision.slug}" if inst.revision else base


def fragment(part: str, label: str) -> str:
    """resolves.3, considering.b-bis, s4.2, appendix-i.p2"""
    m = re.fullmatch(r"section (\S+)", part)
    if m:
        return f"s{label}" if label else f"s{m.group(1)}"
    p = slug(part)
    return f"{p}.{label_slug(label)}" if label else p


def instrument_display(inst: Instrument) -> str:
    if inst.kind == "resolution" and inst.number:
        name = f"Resolution {inst.number}"
        if inst.body not in ("other", "RA") or not inst.number.startswith("ITU-R"):
            name = f"{inst.body} {name}" if inst.body != "other" else name
        if inst.revision:
            rev = "Rev. " if inst.revised else ""
            name += f" ({rev}{inst.revision.place}, {inst.revision.year})"
        return name
    if inst.kind == "recommendation" and inst.number:
        sector = inst.body if inst.body.startswith("ITU-") else "ITU-T"
        date = f" ({inst.revision.place})" if inst.revision and inst.revision.place else ""
        return f"Recommendation {sector} {inst.number}{date}"
    if inst.symbol:
        what = {"contribution": "Contribution", "report": "Report", "liaison": "Liaison statement"}.get(
            inst.kind, "Document")
        return f"{what} {inst.symbol}"
    return inst.title or "Document"


def part_display(part: str, label: str) -> str:
    if part.startswith("section "):
        return f"§{label}" if label else part.capitalize()
    if not label:
        return part
    if label.startswith("p") and label[1:].isdigit():
        return f"{part}, para. {label[1:]}"
    return f"{part} {label}"


def display(clause: Clause) -> str:
    """WTSA Resolution 57 (Rev. Hammamet, 2016), resolves 3 — the form delegates use in a meeting."""
    out = f"{instrument_display(clause.instrument)}, {part_display(clause.part, clause.label)}"
    if clause.proposal:
        out += f" (as proposed in {clause.proposal})"
    return out
