"""Akoma Ntoso XML (OASIS LegalDocML, the UN's AKN4UN profile) → one SourceText for the file and, per
instrument, its metadata and clause drafts with offsets into that text.

The markup already gives the structure (`recitals` and `hcontainer`s are parts, `recital`,
`paragraph` and `point` are items), so no kind parser has to guess it back from lines. The text is
rendered from the XML's text nodes (whitespace collapsed, one line per `<p>`, a label from `<num>`
followed by a tab), and every clause is a slice of that one string, so quotes stay verbatim.

Files converted from PDF carry the PDF's faults, repaired here without changing the text:
- a part heading run into the end of the previous paragraph ("…, instructs the Director of the
  Telecommunication Standardization Bureau") is cut from the clause and starts the next part;
- a first label written inside the text ("a) the strategic plan …", "1 to continue …") instead of
  `<num>` becomes the item's label;
- footnote text inline ("____________________ 1 These include …") becomes a footnote of the clause
  whose text carries its marker ("developing countries1"), never clause text;
- sub-clauses run together in one paragraph ("…: 1.1 that …; 1.2 that …") become their own items;
- an annex heading run into the last paragraph ("… ANNEX 1 TO RESOLUTION 71 (REV. DUBAI, 2018) …")
  ends the clause; what follows is kept under the annex.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from pydantic import ConfigDict, Field

from retrieval.core.errors import DocumentError
from retrieval.core.ids import instrument_id
from retrieval.core.models import Body, DocumentMeta, Instrument, Kind, Revision
from retrieval.parsing.grammar import PART_ALIASES, Draft
from retrieval.parsing.references import later_reading, revision_is_rev
from retrieval.parsing.source import SourceText

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"

# ---- records handed to read.py ---------------------------------------------------------------------


@dataclass
class AknInstrument:
    """One instrument of the file: its metadata and its clause drafts (offsets into AknSource.text)."""

    meta: DocumentMeta
    drafts: list[Draft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0


class AknSource(SourceText):
    """The whole file's text, with the instruments found in it."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    instruments: list[AknInstrument] = Field(default_factory=list)


# ---- grammar of the converted text ---------------------------------------------------------------

_PART_VERB = (
    r"(?:further\s+)?(?:instructs|invites|resolves|decides|requests|encourages|urges|calls\s+upon|appeals"
    r"|recommends|authorizes|authorises|reaffirms|noting|considering|recognizing|recognising|recalling"
    r"|bearing\s+in\s+mind|taking\s+into\s+account|having\s+noted|having\s+considered|highlighting"
    r"|emphasizing|aware|mindful|convinced|welcoming|concerned|stressing|observing|appreciating)"
    r"(?:\s+further)?"
)
# A heading run into the end of a paragraph: after the paragraph's last comma or semicolon, a part
# verb and a phrase without a full stop, at the very end of a text that lacks closing punctuation.
_RUN_IN_RE = re.compile(r"[,;]\s+(?=" + _PART_VERB + r"\b(?:[^;.:]|\.(?=\d)){0,300}$)")
# Whole operative parts run into a paragraph: "…, resolves to instruct the Secretary-General and the
# Directors of the three Bureaux 1 to work closely …; 2 to maintain …, invites Member States and Sector
# Members to make voluntary contributions …" (PP-18 Res 123, 136, 151 …). A heading is an operative verb
# after a comma or semicolon, followed by item 1; once one is found, later headings may be unnumbered.
_OPERATIVE_VERB = r"(?:further\s+)?(?:resolves|decides|instructs|invites|requests|encourages|urges|calls\s+upon)\b"
_MID_HEAD_NUM_RE = re.compile(r"[,;.]\s+(?P<head>" + _OPERATIVE_VERB + r"[^;:]{0,200}?)\s+1\s+(?=(?:to|that)\b)")
# A heading may hold a comma before "in collaboration with …" ("instructs the Director of BDT, in
# collaboration with the Directors of BR and TSB 1 to …").
_MID_HEAD_RE = re.compile(r"[,;]\s+(?P<head>" + _OPERATIVE_VERB + r"(?:[^;:,]|,(?=\s+in\s+(?:close\s+)?"
                          r"(?:collaboration|coordination|consultation|cooperation)\b)){0,250}?)"
                          r"\s+(?=(?:1\s+)?(?:to|that)\s+[a-z])")
# … or run into a recital: "…, requests the ITU Telecommunication Standardization Sector to continue …" (PP-18
# Res 101), "…, resolves to instruct the Director of the Telecommunication Development Bureau, in coordination
# with the Directors of the other two Bureaux to provide …" (Res 211).
_MID_HEAD_ADDRESSEE_RE = re.compile(
    r"[,;]\s+(?P<head>(?:further\s+)?(?:resolves\s+to\s+instruct|instructs|invites|requests|encourages|urges)\s+"
    r"(?:the\s+)?(?:ITU\s+)?(?:Secretary-General|Director|Directors|Council|Member\s+States|Sector\s+Members|"
    r"Radiocommunication|Telecommunication|three\s+Sectors)"
    r"(?:[^;:,]|,(?=\s+in\s+(?:close\s+)?(?:collaboration|coordination|consultation|cooperation)\b)){0,200}?)"
    r"\s+(?=to\s+[a-z])")
_LEAD_LABEL_RE = re.compile(r"^(?P<label>[a-z]\)(?:\s?bis)?|[ivx]+\)|\d{1,2}(?:\.\d{1,2})*(?:\s?bis)?)\s+(?=\S)")
_FOOTNOTE_RE = re.compile(r"\s*_{5,}\s*(?P<body>.*)$", re.DOTALL)
_FOOTNOTE_NUM_RE = re.compile(r"^(?P<n>\d{1,2})\s+(?=\S)")
# The text after a page's footnotes, run into the same paragraph by the PDF conversion: "… 3 kHz to 300
# GHz. resolves to instruct the Directors of the three Bureaux 1 to collect …" (PP-18 Res 176). Without
# this, whole operative parts were read as footnote text.
# The body text resumes with an operative heading (numbered items, one unnumbered item, or the heading
# alone closing the paragraph), or with the next item of the list the footnotes interrupted ("2 to
# coordinate …", "10 that ITU-D shall …"). Footnote text itself never starts "to …" or "that …".
FOOTNOTES_MAX = 1500  # characters of footnote text one page can hold
_AFTER_FOOTNOTES_NUM_RE = re.compile(
    r"[.;,]\s+(?P<head>" + _OPERATIVE_VERB + r"(?:[^;:.]|\.(?=\d)){0,200}?)\s+(?P<num>1)\s+(?=(?:to|that)\s)")
_AFTER_FOOTNOTES_RE = re.compile(
    # "resolves to instruct X 1 to …" is the numbered form above; here "to instruct" is not the item.
    r"[.;,]\s+(?:(?P<head>" + _OPERATIVE_VERB + r"(?:[^;:.]|\.(?=\d)){0,200}?)"
    r"(?:\s+(?=(?:to|that)\s+(?!instruct|invite|request|ask|encourage|urge)[a-z])|\s*$)"
    r"|(?P<item>\d{1,2})\s+(?=(?:to|that)\s+[a-z]))")
_ANNEX_RE = re.compile(
    r"\s(?P<head>(?:ANNEX|APPENDIX|ATTACHMENT)(?:\s+(?P<n>[A-Z0-9]{1,3}))?\s+TO\s+(?:RESOLUTION|DECISION"
    r"|RECOMMENDATION)\s+\d+\b)"
)
# Where the Final Acts move on to their next part ("489 PART VI - SIGNATORIES …", "PART III -
# RESOLUTIONS"): what follows belongs to no instrument.
_NEXT_PART_RE = re.compile(r"(?:^|\s)(?:\d{1,4}\s+)?PART\s+[IVX]+\s+-\s+[A-Z]")
# The declarations and reservations that follow the last instrument begin "Original: English For …".
_DECLARATION_RE = re.compile(r"^Original:\s+(?:English|French|Spanish|Arabic|Chinese|Russian)\b")
_BODY_OF_AUTHOR: dict[str, Body] = {
    "itu-pp": "PP", "itu-wtsa": "WTSA", "itu-wtdc": "WTDC", "itu-ra": "RA", "itu-wrc": "WRC",
    "itu-council": "Council",
}
_KIND_OF: dict[str, Kind] = {"resolution": "resolution", "decision": "decision", "recommendation": "recommendation"}


def _text(e: ET.Element | None) -> str:
    return " ".join("".join(e.itertext()).split()) if e is not None else ""


def _kids(e: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in e if c.tag == NS + name]


def _first(e: ET.Element, path: str) -> ET.Element | None:
    return e.find(path.replace("{ns}", NS))


def canonical_part(head: str) -> str:
    """The part name as the rest of the parser writes it: "instructs the Director of TSB"."""
    part = " ".join(head.strip().rstrip(",:;").split())
    for long, short in PART_ALIASES.items():
        # "the Telecommunication Development Bureau", not "… Development Bureaux"
        part = re.sub(r"\b" + re.escape(long) + r"\b", short, part, flags=re.IGNORECASE)
    part = re.sub(r"\bthe (TSB|BR|BDT)\b", r"\1", part)
    return part[:1].lower() + part[1:]


# ---- the writer: text out, offsets remembered -------------------------------------------------------

class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def line(self, text: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(text + "\n")
        self.pos += len(text) + 1
        return start, start + len(text)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Item:
    """One recital/paragraph/point as written: where its label and text are."""

    label: str
    text: str
    start: int  # offset of the text (after the label)
    parent_label: str = ""
    has_num: bool = False
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, marker, text) of authorialNotes
    heading: str | None = None  # a part heading that opens this item (text resuming after footnotes)


# ---- reading ----------------------------------------------------------------------------------------

def read(name: str, data: bytes) -> AknSource:
    """Raises DocumentError naming the file when the XML is not well-formed or not Akoma Ntoso."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise DocumentError(name, f"not well-formed XML ({e})") from e
    if root.tag != NS + "akomaNtoso":
        raise DocumentError(name, "XML but not Akoma Ntoso (no akomaNtoso root element); cannot read it")
    statements = [e for e in root.iter() if e.tag in (NS + "statement", NS + "act", NS + "bill", NS + "doc")
                  and _first(e, "{ns}preface") is not None]
    w = _Writer()
    footnotes: dict[str, str] = {}
    refs: list[tuple[int, str]] = []
    instruments: list[AknInstrument] = []
    for st in statements:
        inst = _read_statement(st, name, w, footnotes, refs)
        if inst is not None:
            instruments.append(inst)
    return AknSource(text=w.text(), format="akn", footnotes=footnotes, footnote_refs=sorted(refs),
                     instruments=instruments)


def _metadata(st: ET.Element, name: str) -> tuple[Instrument, str]:
    doc_type = _text(_first(st, "{ns}preface/{ns}longTitle//{ns}docType"))
    doc_number = _text(_first(st, "{ns}preface/{ns}longTitle//{ns}docNumber"))
    frbr = _first(st, "{ns}meta//{ns}FRBRWork/{ns}FRBRnumber")
    author = _first(st, "{ns}meta//{ns}FRBRWork/{ns}FRBRauthor")
    kind = _KIND_OF.get((st.get("name") or doc_type).lower(), "other")
    m = re.match(r"^\s*(?P<num>(?:ITU-R\s+)?\d+(?:[-/]\d+)?[A-Z]?)\s*(?:\((?P<rev>[^()]*)\))?", doc_number)
    if not m and frbr is not None:
        m = re.search(r"(?P<num>\d+)\s*(?:\((?P<rev>[^()]*)\))?", frbr.get("showAs") or frbr.get("value") or "")
    number = m.group("num") if m else None
    raw_rev = (m.group("rev") or "") if m else ""
    revision: Revision | None = later_reading(raw_rev) if raw_rev else None
    body: Body = _BODY_OF_AUTHOR.get((author.get("href") or "").lstrip("#"), "other") if author is not None else "other"
    if body == "other":
        formula = _text(_first(st, "{ns}preamble/{ns}formula"))
        for words, b in (("Plenipotentiary Conference", "PP"), ("Standardization Assembly", "WTSA"),
                         ("Development Conference", "WTDC"), ("Radiocommunication Assembly", "RA"),
                         ("Radiocommunication Conference", "WRC"), ("Council", "Council")):
            if words in formula:
                body = b  # type: ignore[assignment]
                break
    title = _text(_first(st, "{ns}preface/{ns}container"))
    inst = Instrument(body=body, kind=kind, number=number, revision=revision, revised=revision_is_rev(raw_rev),
                      title=title or f"{doc_type.title()} {doc_number}".strip() or name)
    return inst, f"{doc_type} {doc_number}".strip()


def _read_statement(st: ET.Element, name: str, w: _Writer, footnotes: dict[str, str],
                    refs: list[tuple[int, str]]) -> AknInstrument | None:
    inst, heading = _metadata(st, name)
    doc_id = instrument_id(inst)
    meta = DocumentMeta(doc_id=doc_id, body=inst.body, kind=inst.kind, number=inst.number,
                        revision=inst.revision, title=inst.title, source=name)
    out = AknInstrument(meta=meta, start=w.pos)
    w.line(heading)
    if inst.title:
        w.line(inst.title)
    formula = _first(st, "{ns}preamble/{ns}formula")
    if formula is not None:
        w.line(_text(formula))
    # Each group: (part heading from the markup, items). Run-in headings split groups further below.
    groups: list[tuple[str, list[_Item]]] = []
    preamble = _first(st, "{ns}preamble")
    if preamble is not None:
        _walk(preamble, "preamble", None, w, groups)
    body = _first(st, "{ns}mainBody") or _first(st, "{ns}body")
    if body is not None:
        _walk(body, "operative part", None, w, groups)
    for _, items in groups:
        for it in items:
            for off, marker, note in it.notes:
                key = f"{doc_id}:{marker or len(footnotes) + 1}"
                while key in footnotes:
                    key += "'"
                footnotes[key] = note
                refs.append((off, key))
    out.drafts = _drafts(groups, inst, w.text(), doc_id, footnotes, refs, out.start, out.warnings)
    out.end = w.pos
    return out


# Elements that make a part of their own (named by their heading), and elements that are items.
_PART_TAGS = {"hcontainer", "part", "chapter", "title", "book", "tome", "division", "subdivision", "subchapter",
              "subpart", "subtitle", "recitals", "citations"}
_ITEM_TAGS = {"paragraph", "subparagraph", "point", "recital", "citation", "article", "section", "subsection",
              "clause", "subclause", "alinea", "indent", "level", "rule", "subrule", "item"}
_SKIP_TAGS = {"num", "heading", "subheading", "intro", "wrapUp", "content", "p", "formula", "longTitle",
              "authorialNote", "meta", "componentRef"}


def _tag(e: ET.Element) -> str:
    return e.tag.rsplit("}", 1)[-1]


def _walk(e: ET.Element, part: str, parent: _Item | None, w: _Writer,
          groups: list[tuple[str, list[_Item]]]) -> None:
    """Write the text under `e` in reading order, collecting items into groups by part."""
    current: list[_Item] | None = None
    for child in e:
        tag = _tag(child)
        if tag == "formula":
            w.line(_text(child))
            continue
        if tag in _SKIP_TAGS:
            continue
        heading = _first(child, "{ns}heading") if tag != "recitals" else _first(child, "{ns}intro")
        if tag in _PART_TAGS or (heading is not None and tag not in ("paragraph", "point", "recital")):
            head = _text(heading)
            num = _text(_first(child, "{ns}num"))
            if num and tag not in ("hcontainer", "recitals") and not head.startswith(num):
                head = f"{tag.capitalize()} {num} {head}".strip()
            if head:
                w.line(head)
            sub: list[tuple[str, list[_Item]]] = []
            if _own_text(child) and tag != "recitals":  # the intro of recitals is their heading
                own = _write_item(child, w, None, label=False)
                sub.append((head or part, [own]))
            _walk(child, head or part, None, w, sub)
            groups.extend(sub if sub else [(head or part, [])])
            current = None
            continue
        if tag in _ITEM_TAGS or _own_text(child):
            item = _write_item(child, w, parent)
            if current is None:
                current = []
                groups.append((part, current))
            current.append(item)
            nested: list[tuple[str, list[_Item]]] = []
            _walk(child, part, item, w, nested)
            for _, items in nested:
                current.extend(items)
            continue
        # A wrapper (list, blockList, components …): its items belong to the same part.
        nested = []
        _walk(child, part, parent, w, nested)
        for head, items in nested:
            if head == part and current is not None:
                current.extend(items)
            else:
                groups.append((head, items))
                current = items if head == part else None


def _own_text(e: ET.Element) -> bool:
    return any(_tag(c) in ("content", "p", "intro") for c in e)


def _paragraphs(e: ET.Element) -> list[ET.Element]:
    """The <p> elements that carry e's own text: not those of items nested in it."""
    out: list[ET.Element] = []
    for c in e:
        tag = _tag(c)
        if tag == "p":
            out.append(c)
        elif tag in ("num", "heading", "subheading", "authorialNote") or tag in _ITEM_TAGS or tag in _PART_TAGS:
            continue
        else:
            out.extend(_paragraphs(c))
    return out


_NOTE = "\ue000"


def _p_text(p: ET.Element, notes: list[tuple[str, str]]) -> str:
    """A <p>'s text, whitespace collapsed; an <authorialNote> (AKN's footnote) leaves a mark where it
    stood and its text goes to `notes`, so it never becomes clause text."""
    parts: list[str] = [p.text or ""]
    for c in p:
        if _tag(c) == "authorialNote":
            notes.append((c.get("marker") or "", _text(c)))
            parts.append(_NOTE)
        else:
            parts.append(_p_text(c, notes))
        parts.append(c.tail or "")
    return "".join(parts)


def _write_item(e: ET.Element, w: _Writer, parent: _Item | None = None, label: bool = True) -> _Item:
    num = _text(_first(e, "{ns}num")) if label else ""
    raw_notes: list[tuple[str, str]] = []
    body = " ".join(" ".join(_p_text(p, raw_notes).split()) for p in _paragraphs(e))
    body = " ".join(body.split())
    # Where each note stood, once the marks are taken out of the text.
    marks: list[int] = []
    while _NOTE in body:
        at = body.index(_NOTE)
        marks.append(at)
        body = body[:at] + body[at + 1:]
    lead = len(num) + 1 if num else 0
    start, _ = w.line(f"{num}\t{body}" if num else body)
    start += lead
    notes = [(start + at, marker, text) for at, (marker, text) in zip(marks, raw_notes, strict=False)]
    return _Item(label=num.replace(" ", ""), text=body, start=start,
                 parent_label=parent.label if parent else "", has_num=bool(num), notes=notes)


# ---- items → drafts, repairing the conversion faults ---------------------------------------------------

def _next_label(prev: str) -> str | None:
    """The label expected after `prev` in the same sequence ("a)" → "b)", "3" → "4")."""
    if re.fullmatch(r"[a-z]\)", prev):
        return chr(ord(prev[0]) + 1) + ")"
    if re.fullmatch(r"\d+", prev):
        return str(int(prev) + 1)
    return None


def _drafts(groups: list[tuple[str, list[_Item]]], inst: Instrument, text: str, doc_id: str,
            footnotes: dict[str, str], refs: list[tuple[int, str]], doc_start: int,
            warnings: list[str]) -> list[Draft]:
    groups = [(head, _split_after_footnotes(items)) for head, items in groups]
    drafts: list[Draft] = []
    notes: list[tuple[int, str, str, Draft]] = []  # (position, number, body, clause it was written into)
    run_in: str | None = None
    annex: str | None = None
    for head, items in groups:
        part = canonical_part(head)
        if annex:
            part = annex
        run_in = None
        prev_label = ""
        letter, roman = "", False
        for n, it in enumerate(items):
            if _DECLARATION_RE.match(it.text):
                rest = sum(len(i) for _, i in groups[groups.index((head, items)) + 1:]) + len(items) - n
                warnings.append(f"{rest} paragraphs after the instrument's last clause (declarations and "
                                "reservations of the Final Acts) are not indexed as its clauses")
                break
            if not re.search(r"[^\W\d_]", it.text) and not it.heading:
                continue  # a table cell the converter made an item ("0", "5")
            if run_in:
                part = run_in
                prev_label = ""
            run_in = None
            if it.heading:
                part, prev_label = canonical_part(it.heading), ""
                letter, roman = "", False
                if not it.text.strip():
                    run_in = part  # the heading closed the paragraph: its items follow
                    continue
            s, e = it.start, it.start + len(it.text)
            body = it.text
            label = it.label
            # First labels inside the text: "a) the strategic plan …", "1 to continue …".
            if not it.has_num:
                lead = _LEAD_LABEL_RE.match(body)
                if lead and _plausible_lead(lead.group("label"), prev_label, items[n + 1:]):
                    label = lead.group("label").replace(" ", "")
                    s += lead.end()
                    body = body[lead.end():]
            if (annex and not re.fullmatch(r"[a-z]\)|\d+(?:\.\d+)*", label or "-")) or label == "0":
                label = ""  # table numbers the converter took for labels
            if it.parent_label and not label.startswith(it.parent_label + "."):
                label = f"{it.parent_label} {label}" if label else it.parent_label
            # Roman items after a letter are its sub-items ("considering a) i)"), unless "i)" simply
            # follows "h)".
            if re.fullmatch(r"[a-z]\)", letter) and label[:-1] in _ROMAN and label.endswith(")") and (
                    roman or (label == "i)" and letter != "h)")):
                roman, label = True, f"{letter} {label}"
            elif re.fullmatch(r"[a-z]\)", label):
                letter, roman = label, False
            # Footnote text inline: the clause stops where the footnote separator begins.
            fn = _FOOTNOTE_RE.search(body)
            if fn:
                e = s + fn.start()
                body = body[: fn.start()]
            # Operative parts run into the middle of the paragraph: each becomes its part, its items clauses.
            pieces = _run_in_parts(body)
            for seg_start, seg_end, heading, seg_label in pieces[:-1]:
                if heading is None and not re.search(r"[^\W\d_]", body[seg_start:seg_end]):
                    continue  # only the stop that closed the footnotes before the part
                if heading is not None:
                    part, label, prev_label = canonical_part(heading), seg_label, seg_label
                seg = Draft(part=part or "preamble", label=label, start=s + seg_start, end=s + seg_end,
                            line_ranges=[(s + seg_start, s + seg_end)], instrument=inst)
                drafts.append(seg)
                drafts.extend(_inline_sublabels(seg, text, None))
            if len(pieces) > 1:
                seg_start, _seg_end, heading, seg_label = pieces[-1]
                part, label, prev_label = canonical_part(heading or part), seg_label, seg_label
                s, body = s + seg_start, body[seg_start:]
            # A part heading run into the end of the paragraph (which then lacks closing punctuation).
            # The last verb after a comma starts it: in "…, taking into account the best practices …,
            # invites Member States" only "invites Member States" is the heading.
            ri = next(reversed(list(_RUN_IN_RE.finditer(body))), None)
            if ri and not re.search(r"[,;.:)\"”]\s*$", body):
                run_in = canonical_part(body[ri.end():])
                e = s + ri.start() + 1  # keep the comma or semicolon that closed the clause
                body = body[: ri.start() + 1]
            nxt = _NEXT_PART_RE.search(body)
            if nxt:
                cut = body[nxt.start():].strip()
                e = s + nxt.start()
                body = body[: nxt.start()]
                warnings.append(f"'{cut[:45]}…' ({len(cut)} characters) opens the next part of the collection, "
                                "not a clause of this instrument; not indexed")
            # An annex heading run into the paragraph: the clause ends there, the rest is the annex.
            ax = _ANNEX_RE.search(body)
            body_end = e
            if ax:
                annex = f"annex {ax.group('n') or ''}".strip().lower()
                e = s + ax.start()
            d = Draft(part=part or "preamble", label=label, start=s, end=e, line_ranges=[(s, e)],
                      instrument=inst)
            drafts.append(d)
            if fn and fn.group("body").strip():
                fbody = fn.group("body").strip()
                fnum = _FOOTNOTE_NUM_RE.match(fbody)
                notes.append((s + fn.start(), fnum.group("n") if fnum else "", fbody, d))
            limit = next((i.label for i in items[n + 1:] if i.has_num), "")
            # A next number that does not continue this list ("9 …; 10 …; 11 …, further instructs …" then
            # "1 …") belongs to the part run in at the end: it bounds nothing here.
            bound = int(limit) if limit.isdigit() and not run_in and (
                not label.isdigit() or int(limit) > int(label)) else None
            drafts.extend(_inline_sublabels(d, text, bound))
            if ax and annex:
                rest_start = s + ax.start() + 1
                drafts.append(Draft(part=annex, label="", start=rest_start, end=body_end,
                                    line_ranges=[(rest_start, body_end)], instrument=inst))
                part = annex
            if label:
                prev_label = label
    for pos, num, fbody, where in notes:
        key = f"{doc_id}:{num or len(footnotes) + 1}"
        if key in footnotes:
            key = f"{key}~{len(footnotes)}"
        footnotes[key] = fbody
        refs.append((_marker(text, doc_start, pos, num, drafts, where), key))
    return drafts


def _split_after_footnotes(items: list[_Item]) -> list[_Item]:
    """A paragraph holding footnote text followed by operative parts becomes two: the clause with its
    footnotes, and the parts that resume after them (from the stop that ends the footnotes)."""
    out: list[_Item] = []
    for it in items:
        fn = _FOOTNOTE_RE.search(it.text)
        found = [m for rx in (_AFTER_FOOTNOTES_NUM_RE, _AFTER_FOOTNOTES_RE)
                 if fn and (m := rx.search(it.text, fn.start() + 5))]
        # The earliest place the body resumes; at one place the numbered heading reads it whole.
        resume = min(found, key=lambda m: m.start()) if found else None
        if fn is not None and resume is None and len(fn.group("body")) > FOOTNOTES_MAX:
            # Pages of body text swallowed after the separator (PP-18 Res 71's annex): no footnote is
            # that long, and text hidden in a footnote is text nobody can find. Index it as a clause.
            bar = re.search(r"_{5,}\s*", it.text[fn.start():])
            cut = fn.start() + (bar.end() if bar else 0)
            out.append(dataclasses.replace(it, text=it.text[:cut]))
            out += [_Item(label="", text=it.text[a:b], start=it.start + a) for a, b in _sentence_chunks(it.text, cut)]
            continue
        if fn is None or resume is None:
            out.append(it)
            continue
        out.append(dataclasses.replace(it, text=it.text[: resume.start()]))
        groups = resume.groupdict()
        head, num, item = groups.get("head"), groups.get("num"), groups.get("item")
        rest = resume.end()
        while rest < len(it.text) and it.text[rest].isspace():
            rest += 1
        label = num or item or ""
        out.append(_Item(label=label, text=it.text[rest:], start=it.start + rest, has_num=bool(label),
                         heading=head.strip() if head else None))
    return out


def _sentence_chunks(text: str, start: int, size: int = FOOTNOTES_MAX) -> list[tuple[int, int]]:
    """(start, end) pieces of text[start:] of about `size` characters, cut after a sentence's stop."""
    out: list[tuple[int, int]] = []
    while start < len(text):
        end = len(text) if len(text) - start <= size else text.rfind(". ", start + size // 2, start + size) + 1
        if end <= start:
            end = min(len(text), start + size)
        out.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    return out


def _run_in_parts(body: str) -> list[tuple[int, int, str | None, str]]:
    """(start, end, heading or None for the text before it, first label) of each piece of a paragraph
    into which whole operative parts were run; one piece when there are none."""
    first = _MID_HEAD_NUM_RE.search(body)
    label = "1"
    if first is None:
        # One unnumbered part addressed to someone: "…, instructs the Director of the Radiocommunication
        # Bureau to ensure that ITU-R continues …" (PP-18 Res 125).
        first = _MID_HEAD_ADDRESSEE_RE.search(body)
        label = ""
    if first is None:
        return [(0, len(body), None, "")]
    pieces: list[tuple[int, int, str | None, str]] = [(0, first.start() + 1, None, "")]
    start, head = first.end(), first.group("head")
    pos = first.end()
    while True:
        m = _MID_HEAD_RE.search(body, pos)
        if m is None:
            pieces.append((start, len(body), head, label))
            return pieces
        pieces.append((start, m.start() + 1, head, label))
        numbered = body[m.end():].startswith("1 ")
        start = m.end() + (2 if numbered else 0)
        head, label, pos = m.group("head"), "1" if numbered else "", m.end()


def _plausible_lead(label: str, prev: str, following: list[_Item]) -> bool:
    """A label at the start of the text is only taken when it fits the sequence around it."""
    if label.endswith(")") or "bis" in label:
        return True  # "a) the …" never starts a sentence of ITU text otherwise
    if "." in label:
        return False
    expected = _next_label(prev) if re.fullmatch(r"\d+", prev or "") else "1"
    nxt = next((i.label for i in following if i.has_num), "")
    return label == expected and (not nxt or nxt == str(int(label) + 1) or not nxt.isdigit())


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


def _successors(label: str) -> list[str]:
    """"b)" → ["c)"]; "v)" → ["w)", "vi)"]: a letter or a roman numeral, whichever the text continues with."""
    out = []
    if re.fullmatch(r"[a-y]\)", label):
        out.append(chr(ord(label[0]) + 1) + ")")
    r = label[:-1]
    if r in _ROMAN[:-1]:
        out.append(_ROMAN[_ROMAN.index(r) + 1] + ")")
    return out


def _inline_items(d: Draft, text: str) -> list[Draft]:
    """Split "… ; vi) to solicit …; vii) to provide …" (items of one list run together) into items."""
    prefix, _, last = d.label.rpartition(" ")
    out: list[Draft] = []
    cur, end, pos = d, d.end, 0
    body = text[d.start:end]
    while True:
        found = [m for nxt in _successors(last)
                 if (m := re.compile(r"[;:,]\s+(" + re.escape(nxt) + r")\s+(?=\S)").search(body, pos))]
        if not found:
            return out
        m = min(found, key=lambda x: x.start())
        last = m.group(1)
        cur.end = d.start + m.start() + 1
        cur.line_ranges = [(cur.start, cur.end)]
        nd = Draft(part=d.part, label=f"{prefix} {last}".strip(), start=d.start + m.end(), end=end,
                   line_ranges=[(d.start + m.end(), end)], instrument=d.instrument)
        out.append(nd)
        cur, pos = nd, m.end()


def _inline_sublabels(d: Draft, text: str, limit: int | None) -> list[Draft]:
    """Split "1 that …: 1.1 that …; 1.2 that …; 2 that …" into 1, 1.1, 1.2, 2 when the numbers run in
    sequence (and stay below the next paragraph's own number)."""
    if d.label.endswith(")"):
        # Only inside a list ("1 v)", "a) ii)"): a recital's own text often quotes a list of its own
        # ("… (Article 34): a) …; b) …; c) …"), which must stay its text.
        return _inline_items(d, text) if " " in d.label else []
    if not re.fullmatch(r"\d+", d.label):
        return []
    out: list[Draft] = []
    top, sub = int(d.label), 0
    cur, end = d, d.end
    body = text[d.start:end]
    pos = 0
    while True:
        child = re.compile(r"[;:,.]\s+(" + re.escape(f"{top}.{sub + 1}") + r")\s+(?=\S)").search(body, pos)
        sibling = None
        if limit is None or top + 1 < limit:
            # the next number in sequence after a stop, then a word: "…; 18 by strengthening …" (Res 131)
            sibling = re.compile(r"[;:.]\s+(" + str(top + 1) + r")\s+(?=(?:that|to|the|in|on|a|an|[a-z]{2,})\b)"
                                 r"(?!(?:per\s*cent|percent|days?|weeks?|months?|years?|hours?|countries|members|million|"
                                 r"billion|times)\b)").search(body, pos)
        m = min((x for x in (child, sibling) if x), key=lambda x: x.start(), default=None)
        if m is None:
            break
        if m is child:
            sub += 1
        else:
            top, sub = top + 1, 0
        cur.end = d.start + m.start() + 1
        cur.line_ranges = [(cur.start, cur.end)]
        nd = Draft(part=d.part, label=m.group(1), start=d.start + m.end(), end=end,
                   line_ranges=[(d.start + m.end(), end)], instrument=d.instrument)
        out.append(nd)
        cur, pos = nd, m.end()
    return out


def _marker(text: str, doc_start: int, pos: int, num: str, drafts: list[Draft], where: Draft) -> int:
    """Where a footnote's marker ("countries1") is: the last one before the footnote that lies inside
    a clause; else the end of the clause the footnote text was written into."""
    if num:
        pat = re.compile(r"(?<=[a-z)])" + re.escape(num) + r"(?=[\s,;:.)])")
        hits = [m.start() for m in pat.finditer(text, doc_start, pos)]
        for h in reversed(hits):
            if any(d.start <= h <= d.end for d in drafts):
                return h
    return where.end
