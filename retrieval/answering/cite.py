"""Resolve a typed reference ("Res 57 resolves 3") against the indexed clauses. Pure functions."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from pydantic import BaseModel, Field

from retrieval.answering.query import canonical_label
from retrieval.core.citations import display, version_display
from retrieval.core.models import Clause, Reference, Revision
from retrieval.core.text import norm_hyphens, unaccented
from retrieval.indexing.lexical import lexical_tokens


class CiteResult(BaseModel):
    clauses: list[Clause] = Field(default_factory=list)
    found_instrument: bool = False
    message: str = ""  # what to tell the user beside the clauses (other versions, not found …)
    alternatives: list[str] = Field(default_factory=list)


def _version_key(c: Clause) -> tuple[int, int]:
    # Adopted text beats text a contribution proposes; then the latest revision.
    year = c.instrument.revision.year if c.instrument.revision else 0
    return (0 if c.proposal else 1, year)


def _version_name(c: Clause) -> str:
    return version_display(c)


def _part_matches(want: str, part: str) -> bool:
    want, part = want.lower(), part.lower()
    if want == "section":
        return part.startswith("section ")
    return part == want or part.startswith(want + " ")


def revision_matches(want: Revision | None, c: Clause) -> bool:
    """"(Dubai, 2012)", "the Dubai text" (no year) and "WTSA-12" (no place) each name a revision."""
    if want is None:
        return True
    have = c.instrument.revision
    if have is None:
        return False
    return (not want.year or have.year == want.year) and (not want.place or _fold(have.place) == _fold(want.place))


def _fold(s: str) -> str:
    return unaccented(s.lower())


def label_key(label: str) -> tuple[float, ...]:
    """Order of labels within a part: "3" < "3bis" < "4", "b)" < "b)bis" < "c)", "4.2" < "4.2.1" < "4.3"."""
    m = re.fullmatch(r"([a-z])\)(bis|ter|quater)?", label.lower())
    if m:
        return (ord(m.group(1)) - ord("a") + 1 + _SUFFIX.get(m.group(2) or "", 0.0),)
    m = re.fullmatch(r"(\d+(?:\.\d+)*)(bis|ter|quater)?((?:\.\d+)*)", label.lower())
    if m:
        nums = [float(n) for n in m.group(1).split(".")]
        nums[-1] += _SUFFIX.get(m.group(2) or "", 0.0)
        nums += [float(n) for n in m.group(3).split(".") if n]
        return tuple(nums)
    return ()


_SUFFIX = {"bis": 0.1, "ter": 0.2, "quater": 0.3}


def _section_label(c: Clause) -> str:
    """A section heading has no label of its own: "section 4" is §4."""
    return c.label or c.part[len("section "):].strip()


def _within(key: tuple[float, ...], lo: tuple[float, ...], hi: tuple[float, ...]) -> bool:
    """lo ≤ key ≤ hi, where a sub-clause of hi (4.2.1 of 4.2) counts as inside."""
    return bool(key) and lo <= key and (key <= hi or key[: len(hi)] == hi)


_DECIDING = {"resolves": "decides", "decides": "resolves"}


def _further_swapped(part: str) -> str | None:
    """"further resolves" ↔ "resolves further": the texts head the same part both ways."""
    m = re.fullmatch(r"further\s+(\w+)(.*)", part) or re.fullmatch(r"(\w+)\s+further(.*)", part)
    if not m:
        return None
    return f"{m.group(1)} further{m.group(2)}" if part.startswith("further") else f"further {m.group(1)}{m.group(2)}"


_ADDRESSEE_RE = re.compile(r"\b(br|radiocommunication|tsb|standardi[sz]ation|bdt|development|secretary-general|council)\b")
_ADDRESSEE = {"br": "R", "radiocommunication": "R", "tsb": "T", "standardization": "T", "standardisation": "T",
              "bdt": "D", "development": "D", "secretary-general": "SG", "council": "C"}


def _addressees(heading: str) -> set[str]:
    """The Bureaux, Secretary-General and Council a part heading names ("instructs the Director of BR" → R)."""
    return {_ADDRESSEE[m.group(1)] for m in _ADDRESSEE_RE.finditer(heading.lower())}


def select_part(ref: Reference, clauses: list[Clause]) -> list[Clause]:
    """The clauses of one version a reference names: one clause, a whole part ("resolves", "Section 4",
    "Annex A"), or a range ("resolves 3-5", "considering a) to c)"), in document order."""
    assert ref.part is not None
    part = ref.part.lower()
    if part in ("annex", "appendix"):
        head = f"{part} {(ref.label or '').lower()}".strip()
        chosen = [c for c in clauses if c.part.lower() == head or c.part.lower().startswith(head + " ")
                  or c.part.lower().startswith(head + ":") or c.part.lower().startswith(head + " >")]
    elif part == "section":
        lo = label_key(ref.label or "")
        hi = label_key(ref.label_to or ref.label or "")
        sections = [c for c in clauses if _part_matches("section", c.part)]
        exact = [c for c in sections if _section_label(c) == ref.label]
        if ref.label_to is None and exact and "." in (ref.label or ""):
            # "§4.2": the clause, and its sub-clauses (4.2.1 …) when it has any.
            chosen = [c for c in sections if _within(label_key(_section_label(c)), lo, lo)]
        else:
            chosen = [c for c in sections if _within(label_key(_section_label(c)), lo, hi)]
    else:
        in_part = [c for c in clauses if _part_matches(part, c.part)]
        if not in_part and (swapped := _further_swapped(part)):
            # "further resolves 4" where the text heads it "resolves further" (PP Res 208), and the other way
            in_part = [c for c in clauses if _part_matches(swapped, c.part)]
            part = swapped if in_part else part
        if not in_part and part in _DECIDING:
            # "what did Res 70 decide?": a resolution decides under "resolves", a decision under "decides"
            in_part = [c for c in clauses if c.part.lower() == _DECIDING[part]]
        exact = [c for c in in_part if c.part.lower() == part]
        if exact:
            # "instructs the Secretary-General 4", not "instructs the Secretary-General and the Directors … 4"
            in_part = exact
        elif not in_part and " " in part:
            # The addressee worded otherwise than the heading ("the three Bureaux" for "the Bureaux"): the
            # headings of that verb sharing most of its words.
            verb, want = part.split()[0], set(lexical_tokens(part))

            def fit(c: Clause) -> tuple[int, int]:  # most shared words, then fewest others
                have = set(lexical_tokens(c.part))
                return len(want & have), -len(have - want)

            same_verb = [c for c in clauses if c.part.lower().split()[:1] == [verb]]
            if ref.label is not None:
                # "res 25 instructs BDT 2": of the headings that fit, one that has the label asked
                label = canonical_label(ref.label)
                labelled = {c.part for c in same_verb if canonical_label(c.label) == label}
                same_verb = [c for c in same_verb if c.part in labelled] or same_verb
            # "instructs the Director of BR 3" in a resolution instructing only the Directors of TSB and BDT:
            # a heading naming other addressees is no fit, however many words it shares
            asked = _addressees(part)
            same_verb = [c for c in same_verb if asked <= _addressees(c.part)]
            best = max((fit(c) for c in same_verb), default=(0, 0))
            in_part = [c for c in same_verb if best[0] > 1 and fit(c) == best]
        if ref.label is None:
            chosen = in_part
        elif ref.label_to is None:
            # "1 iii)" as printed, "1iii)" as squashed by the reference grammar
            label = canonical_label(ref.label)
            chosen = [c for c in in_part if canonical_label(c.label) == label]
            if len(chosen) == 1 and chosen[0].text.rstrip().endswith(":"):
                # "instructs the Director of TSB 1" opens a list ("… in order to:"): its items i), ii) … too,
                # and numbered ones ("decides 1 … taking into account the following:" → 1.1, 1.2 …)
                item = re.compile(re.escape(label) + r"(?:(?:[ivx]{1,4}|[a-z])\)|\.\d{1,2})")
                chosen += [c for c in in_part if c is not chosen[0] and item.fullmatch(canonical_label(c.label))]
        else:
            lo, hi = label_key(canonical_label(ref.label)), label_key(canonical_label(ref.label_to))
            chosen = [c for c in in_part if _within(label_key(c.label), lo, hi) and len(label_key(c.label)) == 1]
    return sorted(chosen, key=lambda c: (c.doc_id, c.span[0]))


def missing_labels(ref: Reference, chosen: list[Clause]) -> list[str]:
    """Labels a range names that the text does not have ("resolves 3-6" when resolves stops at 4)."""
    if ref.label is None or ref.label_to is None:
        return []
    lo, hi = canonical_label(ref.label), canonical_label(ref.label_to)
    if lo.isdigit() and hi.isdigit():
        wanted = [str(n) for n in range(int(lo), int(hi) + 1)]
    elif re.fullmatch(r"[a-z]\)", lo) and re.fullmatch(r"[a-z]\)", hi):
        wanted = [chr(n) + ")" for n in range(ord(lo[0]), ord(hi[0]) + 1)]
    else:
        return []
    have = {(_section_label(c) if ref.part == "section" else c.label) for c in chosen}
    return [w for w in wanted if w not in have]


def _where(ref: Reference) -> str:
    if ref.part == "section":
        lab = f"§{ref.label}" + (f" to §{ref.label_to}" if ref.label_to else "")
        return lab if ref.label else "sections"
    lab = (ref.label or "") + (f" to {ref.label_to}" if ref.label_to else "")
    return f"{ref.part} {lab}".strip()


_WORD_RE = re.compile(r"[\w-]+")
# What may follow a part heading as typed: its label ("9", "1 iii)", "b)", "2 vi)"), or nothing.
_LABEL_AFTER_HEADING = re.compile(
    r"^\s*(?:(?P<label>(?:\d+(?:\.\d+)*(?:\s?(?:bis|ter|quater))?|[a-z]\))(?:\s*(?:[a-z]|[ivx]+)\))?)"
    r"(?=$|\s|[?.!,;:])|[?.!,;:]|$)", re.IGNORECASE)


def heading_part(text: str, clauses: list[Clause]) -> tuple[str, str | None] | None:
    """(part heading, label) when the typed reference holds one of the instrument's own multi-word part
    headings, whole or cut short before its label, as the answers print it: "further instructs the Director of
    TSB and the Director of BDT[, each within the scope of their responsibilities] 9", "instructs the
    Secretary-General, in consultation with the Directors of the Bureaux 14". The longest wins; headings
    the typed words fit equally well, none whole, are ambiguous (None)."""
    typed = [(m.group(0).lower(), m.end()) for m in _WORD_RE.finditer(unaccented(text))]
    best: list[tuple[int, bool, str, str | None]] = []
    for head in dict.fromkeys(c.part for c in clauses):
        words = [w.lower() for w in _WORD_RE.findall(unaccented(head))]
        if len(words) < 3:
            continue  # "resolves", "considering further": the reference grammar reads those
        for i, (w, _end) in enumerate(typed):
            if w != words[0]:
                continue
            k = 0
            while k < len(words) and i + k < len(typed) and typed[i + k][0] == words[k]:
                k += 1
            lab = _LABEL_AFTER_HEADING.match(text[typed[i + k - 1][1]:]) if k >= 3 else None
            if lab is not None:
                best.append((k, k == len(words), head, lab.group("label")))
    abridged = _abridged_heading_part(typed, text, clauses)
    if not best or (abridged is not None and abridged[2] > max(k for k, _w, _h, _l in best)):
        # "resolves to instruct 3 bureaux 1" is the three Bureaux' 1, not "resolves to instruct" 3
        return abridged[:2] if abridged is not None else None
    top = max(k for k, _whole, _h, _l in best)
    at_top = [b for b in best if b[0] == top]
    whole = [b for b in at_top if b[1]]
    if len({b[2] for b in at_top}) > 1 and not whole:
        return None
    _k, _w, head, label = (whole or at_top)[0]
    return head, label


_NUMBER_WORDS = {"2": "two", "3": "three", "4": "four"}


def _word_key(word: str) -> str:
    """"3" and "three", "bureaux" and "bureau", "directors" and "director" compare equal."""
    w = _NUMBER_WORDS.get(word, word)
    return w[:-1] if len(w) > 4 and w[-1] in "sx" else w


def _abridged_heading_part(typed: list[tuple[str, int]], text: str,
                           clauses: list[Clause]) -> tuple[str, str | None, int] | None:
    """A part heading typed short, its words in order with some left out and a label after it:
    "resolves to instruct 3 bureaux 1" for "resolves to instruct the Directors of the three Bureaux" 1.
    It must start with the heading's first two words and take at least three; ambiguity gives None."""
    found: dict[str, tuple[int, str | None]] = {}
    for head in dict.fromkeys(c.part for c in clauses):
        words = [_word_key(w.lower()) for w in _WORD_RE.findall(unaccented(head))]
        if len(words) < 3:
            continue
        for i in range(len(typed) - 1):
            if [_word_key(typed[i][0]), _word_key(typed[i + 1][0])] != words[:2]:
                continue
            k, h = i + 2, 2
            while k < len(typed) and h < len(words):
                key = _word_key(typed[k][0])
                if key not in words[h:]:
                    break
                h = words.index(key, h) + 1
                k += 1
            lab = _LABEL_AFTER_HEADING.match(text[typed[k - 1][1]:])
            if k - i >= 3 and lab is not None and lab.group("label") and k - i > found.get(head, (0, None))[0]:
                found[head] = (k - i, lab.group("label"))
    if not found:
        return None
    top = max(n for n, _l in found.values())
    heads = [h for h, (n, _l) in found.items() if n == top]
    return (heads[0], found[heads[0]][1], top) if len(heads) == 1 else None


def resolve(ref: Reference, clauses: list[Clause]) -> CiteResult:
    # (a conference's Recommendation, "PP Recommendation 7", is numbered and cited as its Resolutions are)
    if ref.kind in ("contribution", "td") or (ref.kind == "recommendation" and ref.body is None):
        return _resolve_numbered(ref, clauses)
    if ref.symbol:
        return _resolve_symbol(ref, clauses)
    same = [
        c for c in clauses
        if c.instrument.number and c.instrument.number.upper() == (ref.number or "").upper()
        and c.instrument.kind == (ref.kind or "resolution")
        and (ref.body is None or c.instrument.body == ref.body)
    ]
    candidates = [c for c in same if revision_matches(ref.revision, c)]
    if not candidates:
        indexed = _versions(same)
        if indexed:
            return CiteResult(alternatives=indexed, message=f"{describe_reference(ref)} is not in the corpus; indexed: "
                              + "; ".join(indexed) + ".")
        return CiteResult(message=f"{describe_reference(ref)} is not in the corpus.")
    ordered = _by_version(candidates)
    best = ordered[0]
    # Every other revision of the instrument, including those a named revision left out.
    others = [n for n in _versions(same) if n != _version_name(best[0])]
    chosen = best
    named = heading_part(ref.text, best) if ref.text else None
    if named is not None:
        ref = ref.model_copy(update={"part": named[0], "label": named[1], "label_to": None})
    if ref.part:
        chosen = select_part(ref, best)
        if not chosen:
            # The clause may exist only in another version.
            for cs in ordered[1:]:
                alt = select_part(ref, cs)
                if alt:
                    chosen = alt
                    others = [n for n in others if n != _version_name(alt[0])] + [_version_name(best[0])]
                    break
        if not chosen and ref.label and ref.label in ("1", "a)") and not ref.label_to:
            # "Res 191 resolves 1" when resolves is one unnumbered paragraph: that paragraph is resolves 1.
            whole = [c for c in best if c.part.lower() == (ref.part or "").lower() and not c.label]
            if len(whole) == 1:
                return CiteResult(clauses=whole, found_instrument=True, alternatives=others,
                                  message=f"{_version_name(best[0])} has one unnumbered {ref.part} paragraph; "
                                          "it is shown.")
        if not chosen and ref.part == "section" and ref.label and not ref.label_to:
            # "res 77 4.3": a bare number names a section only where the instrument has sections; in a
            # resolution it is the clause so labelled, when one part has it.
            labelled = [c for c in best if canonical_label(c.label) == canonical_label(ref.label)]
            if labelled and len({c.part for c in labelled}) == 1:
                return CiteResult(clauses=labelled, found_instrument=True, alternatives=others,
                                  message=f"{_version_name(best[0])} has no section {ref.label}; "
                                          f"its {labelled[0].part} {labelled[0].label} is shown.")
        if not chosen:
            return CiteResult(found_instrument=True, alternatives=others,
                              message=f"{_version_name(best[0])} is in the corpus, but it has no {_where(ref)}.")
    msgs = []
    missing = missing_labels(ref, chosen)
    if missing:
        msgs.append(f"{_version_name(chosen[0])} has no {ref.part} {', '.join(missing)}; "
                    f"showing the {len(chosen)} clause(s) of the range it has.")
    if others:
        msgs.append(f"Showing {_version_name(chosen[0])}; also indexed: " + "; ".join(others) + ".")
    elif chosen[0].proposal:
        msgs.append(f"The corpus holds this text only as proposed in {chosen[0].proposal}, not as adopted.")
    return CiteResult(clauses=chosen, found_instrument=True, alternatives=others, message=" ".join(msgs))


def _by_version(clauses: list[Clause]) -> list[list[Clause]]:
    versions: dict[str, list[Clause]] = defaultdict(list)
    for c in clauses:
        versions[_version_name(c)].append(c)
    return sorted(versions.values(), key=lambda cs: _version_key(cs[0]), reverse=True)


def _versions(clauses: list[Clause]) -> list[str]:
    """The versions of an instrument in the corpus, latest first."""
    return [_version_name(cs[0]) for cs in _by_version(clauses)]


def _resolve_symbol(ref: Reference, clauses: list[Clause]) -> CiteResult:
    sym = (ref.symbol or "").upper()
    in_doc = [c for c in clauses if (c.instrument.symbol or "").upper() == sym or
              (c.proposal or "").upper().endswith(" " + sym + f"/{ref.proposal}")
              or (c.proposal or "").upper().split(" ")[-1].startswith(sym + "/")]
    if not in_doc:
        return CiteResult(message=f"Document {sym} is not in the corpus.")
    if ref.proposal is not None:
        pid = f"{sym}/{ref.proposal}"
        in_doc = [c for c in in_doc if c.proposal and c.proposal.upper().split(" ")[-1] == pid]
        if not in_doc:
            return CiteResult(found_instrument=True, message=f"{sym} is in the corpus, but it has no proposal {pid}.")
    if ref.part:
        part = select_part(ref, [c for c in in_doc if c.proposal])
        if not part:
            return CiteResult(found_instrument=True, message=f"{sym} proposes no text under {ref.part} {ref.label}.")
        return CiteResult(clauses=part, found_instrument=True)
    return CiteResult(clauses=in_doc, found_instrument=True)


def _resolve_numbered(ref: Reference, clauses: list[Clause]) -> CiteResult:
    """A Recommendation's clause ("A.1 clause 3.1.8", "A.1 Annex A") or a meeting document's section
    ("SG17-C823 §2.2.1", "C823 2.2.1"): the English text of the latest edition first."""
    want = (ref.number or "").upper()
    mine = [c for c in clauses if _names(c, want)]
    name = f"Recommendation {ref.number}" if ref.kind == "recommendation" else f"Document {ref.number}"
    if not mine:
        return CiteResult(message=f"{name} is not in the corpus.")
    docs = sorted({c.doc_id for c in mine}, key=lambda d: ("~" in d, -_year(mine, d)))
    best = [c for c in mine if c.doc_id == docs[0]]
    others = [version_display(next(c for c in mine if c.doc_id == d)) + (f" [{d.split('~')[1]}]" if "~" in d else "")
              for d in docs[1:]]
    if ref.part is None:
        return CiteResult(clauses=best, found_instrument=True, alternatives=others)
    if ref.part in ("clause", "section"):
        # the clause and everything numbered under it: "clause 1.3" is its heading and 1.3.1 … 1.3.3
        chosen = [c for c in best if ref.label and (c.label == ref.label or c.label.startswith(ref.label + "."))]
        if ref.label and ref.label_to:  # "clauses 1.3 to 1.5", each with what is numbered under it
            lo, hi = label_key(ref.label), label_key(ref.label_to)
            chosen = [c for c in best if _within(label_key(c.label), lo, hi)]
    else:
        chosen = [c for c in best if c.part.lower() == ref.part.lower()
                  or c.part.lower().startswith(ref.part.lower() + " ")]
        if not chosen:  # "Annex A" also names its numbered clauses A.1, A.2 …
            letter = ref.part.split(" ")[-1]
            chosen = [c for c in best if c.label.startswith(letter + ".")]
    if not chosen:
        where = f"{ref.part} {ref.label or ''}".strip()
        return CiteResult(found_instrument=True, alternatives=others,
                          message=f"{version_display(best[0])} is in the corpus, but it has no {where}.")
    return CiteResult(clauses=chosen, found_instrument=True, alternatives=others)


def _names(c: Clause, want: str) -> bool:
    number = (c.instrument.number or "").upper()
    if c.instrument.kind in ("recommendation", "supplement"):
        return number == want
    # "C823" names SG17-C823 as well as "SG17-C823" does
    return c.instrument.kind in ("contribution", "td") and (number == want or number.endswith("-" + want))


def _year(clauses: list[Clause], doc_id: str) -> int:
    c = next(c for c in clauses if c.doc_id == doc_id)
    return c.instrument.revision.year if c.instrument.revision else 0


def describe_reference(ref: Reference) -> str:
    what = {"decision": "Decision", "recommendation": "Recommendation"}.get(ref.kind or "", "Resolution")
    # "Resolution ITU-R 1" names its assembly in its number
    body = ref.body if ref.body and not (ref.number or "").startswith("ITU-R") else ""
    out = f"{body + ' ' if body else ''}{what} {ref.number}"
    if ref.revision and ref.revision.place:
        out += f" ({ref.revision.place}{f', {ref.revision.year}' if ref.revision.year else ''})"
    elif ref.revision:
        out += f" ({ref.revision.year})"
    return out


def display_key(text: str) -> str:
    """A citation as typed or pasted, compared with how answers print it: case, spacing, hyphens and
    closing punctuation do not matter."""
    return " ".join(norm_hyphens(text).casefold().replace("\u00a7 ", "\u00a7").split()).strip(" .;:\"'\u201c\u201d")


def clauses_displayed(reference: str, docs: Iterable[tuple[str, str]], clauses_of: Callable[[str], list[Clause]],
                      also: Iterable[str] = ()) -> list[Clause]:
    """The clauses whose citation, as answers print it, is `reference` ("Recommendation ITU-T U.1 (03/1993),
    preamble, para. 10", "SG17-C823, cover page, Source"): the round trip from an answer to `cite`.
    `docs`: (document id, the name its clauses are cited under); the documents whose name starts the
    reference are read, and those in `also` (the instrument the reference names, which a contribution
    may hold as proposed text)."""
    want = display_key(reference)
    if not want:
        return []
    read = list(dict.fromkeys([d for d, name in docs if (k := display_key(name)) and want.startswith(k)] + list(also)))
    return [c for d in read for c in clauses_of(d) if display_key(display(c)) == want]
