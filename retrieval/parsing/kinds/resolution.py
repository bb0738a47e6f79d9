"""Resolutions of PP, WTSA, WTDC, RA and WRC: heading, history, preamble, then parts (considering,
resolves …) of labelled clauses, sections and annexes."""

from __future__ import annotations

import re

from retrieval.core.ids import instrument_id
from retrieval.core.models import Body, DocumentMeta, Instrument, Kind, Revision
from retrieval.core.text import norm_hyphens
from retrieval.parsing.grammar import (
    ANNEX_RE,
    BODY_OF,
    BULLET_RE,
    HEADING_RE,
    HISTORY_RE,
    LABEL_RE,
    LOOSE_LABEL_RE,
    PART_ALIASES,
    PREAMBLE_RE,
    RES_FILE_RE,
    SECTION_RE,
    VERB_RE,
    Context,
    Draft,
    Line,
)
from retrieval.parsing.kinds.generic import generic_drafts
from retrieval.parsing.kinds.numbered import CAPTION_RE
from retrieval.parsing.references import later_reading, revision_is_rev

# ---- resolutions ----------------------------------------------------------------------------------

# Decisions and assembly Recommendations are laid out like resolutions: "DECISION 5 (REV. DUBAI, 2018)",
# "RECOMMENDATION 7 (DUBAI, 2018)". A venue and year in brackets tells them from "Recommendation ITU-T A.1".
OTHER_HEADING_RE = re.compile(
    r"^\s*(?P<kind>DECISION|RECOMMENDATION|Decision|Recommendation)\s+(?P<num>\d+)\s*"
    r"\((?P<rev>(?:Rev\.?\s*)?[A-Za-zÀ-ÿ][^()]*\d{4}|(?:REV\.?\s*)?[A-Z][^()]*\d{4})\)[\s\d*\u00b9\u00b2\u00b3]*$"
)
_RA_PREAMBLE_RE = re.compile(r"^\s*The\s+ITU\s+Radiocommunication\s+Assembly\b")
_BODY_YEAR_RE = re.compile(r"\b(?P<body>WRC|RA|WTSA|WTDC|PP)[-\u2011](?P<yy>\d{2})\b")


def is_heading(text: str) -> bool:
    return bool(HEADING_RE.match(text) or OTHER_HEADING_RE.match(text))


def _heading(text: str) -> tuple[Kind, str, str]:
    """(kind, number, raw revision) of an instrument heading line."""
    m = HEADING_RE.match(text)
    if m:
        return "resolution", norm_hyphens(m.group("num")).upper(), m.group("rev") or ""
    o = OTHER_HEADING_RE.match(text)
    assert o
    return o.group("kind").lower(), o.group("num"), o.group("rev")  # type: ignore[return-value]


def _revision(raw: str) -> tuple[Revision | None, Body | None]:
    """"REV. DUBAI, 2012HAMMAMET, 2016" → Hammamet 2016; "REV.WRC-19" → 2019 at WRC; "2023" → 2023."""
    by = _BODY_YEAR_RE.search(raw)
    if by:
        return Revision(place="", year=2000 + int(by.group("yy"))), by.group("body")  # type: ignore[return-value]
    rev = later_reading(raw)
    if rev is None and not re.search(r"[A-Za-z]{3}", raw):
        # ITU-R histories give years only: "(1990-1993-2000-2003-2007-2012-2015)"
        years = re.findall(r"(?:19|20)\d{2}", raw)
        rev = Revision(place="", year=int(years[-1])) if years else None
    return rev, None


def resolution_header(ctx: Context, i: int, end: int, hint_body: Body | None) -> tuple[Instrument, int]:
    """Read heading, title, adoption history and preamble from line i; return where the parts begin."""
    lines = ctx.lines
    kind, number, raw_rev = _heading(lines[i].text)
    revision, body = _revision(raw_rev) if raw_rev else (None, None)
    revised = revision_is_rev(raw_rev)
    title_parts: list[str] = []
    body = body or hint_body
    if number.startswith("ITU-R"):
        body = "RA"
    j = i + 1
    while j < end and j < i + 8:
        t = lines[j].text.strip()
        h = HISTORY_RE.match(t)
        p = PREAMBLE_RE.match(t)
        if p or _RA_PREAMBLE_RE.match(t):
            body = BODY_OF.get(p.group("who"), body) if p else "RA"
            if revision is None:
                pr = re.search(r"\(([^()]*\d{4})\)", t)
                revision = _revision(pr.group(1))[0] if pr else None
            j += 1
            break
        if h:
            hist = [x for x in re.split(r";", h.group("hist")) if re.search(r"\d{4}", x)]
            if revision is None and hist:
                revision, by_body = _revision(hist[-1])
                body = body or by_body
            revised = revised or len(hist) > 1
        elif VERB_RE.match(t) or LABEL_RE.match(t):
            break
        else:
            title_parts.append(t)
        j += 1
    inst = Instrument(
        body=body or "other", kind=kind, number=number, revision=revision, revised=revised,
        title=" ".join(" ".join(title_parts).split()),
    )
    return inst, j


def _canonical_part(line: str) -> str:
    part = " ".join(line.strip().rstrip(",:;").split())
    part = norm_hyphens(part)
    low = part.lower()
    for long, short in PART_ALIASES.items():
        if long in low:
            i = low.index(long)
            part = part[:i] + short + part[i + len(long):]
            part = re.sub(r"\bthe (TSB|BR|BDT)\b", r"\1", part)
            low = part.lower()
    return part[:1].lower() + part[1:]


def _label_style(label: str) -> str:
    if re.match(r"^[ivx]+\)", label) and label not in ("i)", "v)", "x)"):
        return "roman"
    if re.match(r"^[a-z]\)", label):
        return "letter"
    if "." in label:
        return "dotted"
    return "number"


def resolution_body(ctx: Context, start: int, end: int, inst: Instrument, proposal: str | None,
                     prefix: str) -> list[Draft]:
    drafts: list[Draft] = []
    part = "preamble"
    style: str | None = None
    current: Draft | None = None
    para = 0
    in_annex = False
    section: str | None = None

    def new(label: str, ln: Line, content_start: int) -> Draft:
        d = Draft(part=part, label=label, start=content_start, end=ln.end, line_ranges=[(ln.start, ln.end)],
                  instrument=inst, proposal=proposal, prefix=prefix)
        drafts.append(d)
        return d

    j = start
    while j < end:
        ln = ctx.lines[j]
        t = ln.text.strip()
        lead = len(ln.text) - len(ln.text.lstrip())
        sec = SECTION_RE.match(t)
        annex = ANNEX_RE.match(t)
        if sec:
            section = sec.group("n")
            part, style, current, in_annex = f"section {section}", "section", None, False
            # The next line is the section title; keep it as the section's own clause.
            if j + 1 < end and not LABEL_RE.match(ctx.lines[j + 1].text):
                j += 1
                nxt = ctx.lines[j]
                new("", nxt, nxt.start + len(nxt.text) - len(nxt.text.lstrip()))
            j += 1
            continue
        if annex and (j + 1 >= end or not LABEL_RE.match(ctx.lines[j + 1].text) or annex.group("n")):
            part = f"{annex.group('kind').lower()} {annex.group('n')}".strip()
            style, current, in_annex, para = "annex", None, True, 0
            j += 1
            continue
        if not in_annex and VERB_RE.match(t) and not LABEL_RE.match(ln.text):
            part, style, current = _canonical_part(t), None, None
            j += 1
            continue
        cap = CAPTION_RE.match(t)
        if cap and current is not None and (fig := _figure_notes(ctx, j, current)) is not None:
            # "NOTE 1 – …" to "NOTE 10 – …" then "Figure 9.1 – …": the notes are the figure's, not the
            # last clause's (WTSA Res 1 §9.8.2.2 used to end with the notes of the TAP flow chart).
            first = fig[0]
            current.line_ranges = current.line_ranges[: len(current.line_ranges) - len(fig)]
            current.end = current.line_ranges[-1][1]
            d = Draft(part=f"{cap.group('what').lower()} {cap.group('n')}", label="", start=first[0], end=ln.end,
                      line_ranges=[*fig, (ln.start, ln.end)], instrument=inst, proposal=proposal, prefix=prefix)
            drafts.append(d)
            current = d  # a caption's second line ("– Sequence of events") is the figure's too
            j += 1
            continue
        lab = LABEL_RE.match(ln.text.lstrip()) or LOOSE_LABEL_RE.match(ln.text.lstrip()) \
            or _next_number(ln.text.lstrip(), style, current, part)
        if lab:
            label = re.sub(r"\s+", "", lab.group("label"))
            lstyle = _label_style(label)
            content = ln.start + lead + lab.end()
            starts_clause = False
            if style in ("section", "annex"):
                starts_clause = lstyle in ("dotted", "number") and (
                    style == "annex" or section is None or label.split(".")[0] == section
                    or lstyle == "number")
            elif style is None:
                style, starts_clause = lstyle, lstyle != "roman"
            else:
                # "1.1" under "1" in an operative part (Decision 5 decides 1.1) is a clause of its own
                starts_clause = lstyle == style or (
                    style == "number" and lstyle == "dotted" and current is not None and current.part == part
                    and label.split(".")[0] == _leading_number(current.label))
            if starts_clause:
                current = new(label, ln, content)
                j += 1
                continue
        if current is None or (style == "annex" and not BULLET_RE.match(t) and not lab):
            if style == "annex":
                para += 1
                current = new(f"p{para}", ln, ln.start + lead)
            else:
                current = new("", ln, ln.start + lead)
        else:
            current.end = ln.end
            current.line_ranges.append((ln.start, ln.end))
        j += 1
    return drafts


# In PDFs and pasted text the tab after an operative clause's number is a space ("1 to collaborate …").
# A bare number is too common in text to be a label on its own; it is one when it is the number the
# part expects next.
_BARE_NUMBER_RE = re.compile(r"^(?P<label>\d{1,3}(?:\s?(?:bis|ter|quater))?)(?P<sep>[ \u00a0]+)(?=[^\W\d]|[(\u201c\"'])")


def _next_number(text: str, style: str | None, current: Draft | None, part: str) -> re.Match[str] | None:
    m = _BARE_NUMBER_RE.match(text)
    if not m or style not in (None, "number"):
        return None
    n = int(re.match(r"\d+", m.group("label")).group())  # type: ignore[union-attr]
    last = current.label if current is not None and current.part == part else ""
    if not _leading_number(last):
        return m if n == 1 and style is None else None
    prev = int(_leading_number(last))
    return m if n == prev + 1 or (n == prev and m.group("label") != last and "." not in last) else None


def _leading_number(label: str) -> str:
    """"4" of "4", "4bis" and "4.2"; "" for "a)"."""
    m = re.match(r"(\d+)(?:\s?(?:bis|ter|quater))?(?:\.\d+)*$", label or "")
    return m.group(1) if m else ""


_NUMBERED_NOTE_RE = re.compile(r"^\s*NOTE\s+\d+\b")


def _figure_notes(ctx: Context, j: int, current: Draft) -> list[tuple[int, int]] | None:
    """The numbered notes that end the current clause right before a caption at line j, or None."""
    notes: list[tuple[int, int]] = []
    k = j - 1
    ranges = current.line_ranges
    while k >= 0 and len(notes) < len(ranges) - 1 and _NUMBERED_NOTE_RE.match(ctx.lines[k].text) \
            and ranges[len(ranges) - 1 - len(notes)] == (ctx.lines[k].start, ctx.lines[k].end):
        notes.insert(0, ranges[len(ranges) - 1 - len(notes)])
        k -= 1
    return notes or None


def parse_resolution(ctx: Context, headings: list[int], source: str) -> tuple[DocumentMeta, list[Draft]]:
    hint = _body_hint(source)
    first = headings[0]
    drafts = generic_drafts(ctx, 0, first, Instrument(kind="other", title=source), "") if first else []
    inst: Instrument | None = None
    for n, h in enumerate(headings):
        end = headings[n + 1] if n + 1 < len(headings) else len(ctx.lines)
        this, body_start = resolution_header(ctx, h, end, hint)
        inst = inst or this
        prefix = "" if n == 0 else f"{instrument_id(this)}/"
        drafts += resolution_body(ctx, body_start, end, this, None, prefix)
    assert inst is not None
    for d in drafts:
        if d.instrument is not None and d.instrument.kind == "other":
            d.instrument = inst
            d.part = f"cover > {d.part}" if d.part else "cover"
    meta = DocumentMeta(doc_id=instrument_id(inst), body=inst.body, kind=inst.kind, number=inst.number,
                        revision=inst.revision, title=inst.title, source=source)
    return meta, drafts


def _body_hint(source: str) -> Body | None:
    m = RES_FILE_RE.search(source)
    return m.group("body").upper() if m else None  # type: ignore[return-value]




def detect(ctx: Context) -> bool:
    return any(is_heading(ln.text) for ln in ctx.lines)


def parse(ctx: Context, source: str) -> tuple[DocumentMeta, list[Draft]]:
    return parse_resolution(ctx, [i for i, ln in enumerate(ctx.lines) if is_heading(ln.text)], source)
