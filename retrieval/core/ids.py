"""Stable readable ids for documents and clauses. Pure functions."""

from __future__ import annotations

import re

from retrieval.core.models import Instrument

_SLUG_RE = re.compile(r"[^a-z0-9.]+")


def slug(text: str) -> str:
    return _SLUG_RE.sub("-", text.lower().replace("\u2011", "-")).strip("-")


def label_slug(label: str) -> str:
    return re.sub(r"[)\s]+", "-", label.lower()).strip("-")


def instrument_id(inst: Instrument) -> str:
    """wtsa-res-57@hammamet-2016, itu-t-rec-a.1@2016-10 …"""
    kind = {"resolution": "res", "decision": "dec", "recommendation": "rec"}.get(inst.kind, inst.kind)
    base = f"{slug(inst.body)}-{kind}-{slug(inst.number or 'x')}"
    return f"{base}@{inst.revision.slug}" if inst.revision else base


def fragment(part: str, label: str) -> str:
    """resolves.3, considering.b-bis, s4.2, appendix-i.p2"""
    m = re.fullmatch(r"section (\S+)", part)
    if m:
        return f"s{label}" if label else f"s{m.group(1)}"
    p = slug(part)
    return f"{p}.{label_slug(label)}" if label else p
