"""ITU-T and ITU-R Recommendations and Supplements: the cover, contents and back cover are skipped; the
summary, keywords, history and foreword are parts; the body is numbered clauses (`clause 3.1.8`),
annexes, appendices and a bibliography; a table is one clause with its caption."""

from __future__ import annotations

import re

from retrieval.core.ids import slug
from retrieval.core.models import Body, DocumentMeta, Instrument, Kind, Revision
from retrieval.core.text import norm_hyphens
from retrieval.parsing.grammar import HEADING_RE, Context, Draft
from retrieval.parsing.kinds.numbered import NUMBER_RE, PART_RE, Walker, is_heading, is_toc, walk
from retrieval.parsing.language import language_of

# T-REC-A.1-201610-E.docx, T-REC-E.119-201704-I!!MSW-F.docx, R-REC-M.1036-6-201910-I!!PDF-E.pdf
FILE_RE = re.compile(
    r"(?P<sector>[TR])-REC-(?P<num>[A-Z]+\.(?:Sup)?[0-9][A-Za-z0-9.]*?)(?:-(?P<ed>\d{1,2}))?-(?P<y>\d{4})(?P<m>\d{2})",
    re.IGNORECASE,
)
# "Recommendation ITU-T A.1", "Recommandation UIT-T E.119", "ITU-T A-series Supplement 5"
TEXT_RE = re.compile(
    r"\b(?:Recommendation|Recommandation|Recomendación|Рекомендация)\s+(?:ITU|UIT|МСЭ)[-\u2011](?P<sector>[TR])"
    r"\s+(?P<num>[A-Z]{1,2}\.\d+(?:\.\d+)*)"
)
# Older covers: "ITU-T Recommendation U.1 was revised …", and the running header "Recommendation U.1 (03/93)"
# (a cover whose "ITU-T U.1" is in an undecodable font leaves only these).
OLD_TEXT_RE = re.compile(r"\b(?:ITU|UIT)[-\u2011](?P<sector>[TR])\s+(?:Recommendation|Recommandation)\s+"
                         r"(?P<num>[A-Z]{1,2}\.\d+(?:\.\d+)*)\s+was\s+(?:revised|approved|prepared|adopted)\b")
HEADER_RE = re.compile(r"\bRecommendation\s+(?P<num>[A-Z]{1,2}\.\d+(?:\.\d+)*)\s+\((?P<m>\d{2})/(?P<y>\d{2}|\d{4})\)")
DATE_RE = re.compile(r"\((?P<m>\d{2})/(?P<y>\d{4}|\d{2})\)|\((?P<y2>\d{4})/(?P<m2>\d{2})\)")  # "(2017/04)": Arabic covers
# The cover table: "ITU-T | A.12" (or "E.119 | ITU-T" read right to left); a Supplement's "ITU-T | Series A"
# and "OF ITU | Supplement 5 (07/2016)".
COVER_RE = re.compile(r"^\s*(?:(?:ITU|UIT)[-\u2011](?P<sector>[TR])\s*\|\s*(?P<num>[A-Z]{1,2}\.\d+(?:\.\d+)*)"
                      r"|(?P<num2>[A-Z]{1,2}\.\d+(?:\.\d+)*)\s*\|\s*(?:ITU|UIT)[-\u2011](?P<sector2>[TR]))\s*$")
SERIES_COVER_RE = re.compile(r"^\s*(?:ITU|UIT)[-\u2011](?P<sector>[TR])\s*\|\s*S[ée]ries?\s+(?P<series>[A-Z]{1,2})\s*$")
SUPPLEMENT_COVER_RE = re.compile(r"\bSuppl[ée]ment\s+(?P<n>\d+)\b")
# Front-matter headings, in English and the other languages of ITU files.
FRONT = {
    "summary": ("summary", "résumé", "resumen", "резюме", "ملخص"),
    "keywords": ("keywords", "mots clés", "mots-clés", "palabras clave", "ключевые слова", "الكلمات الأساسية"),
    "history": ("history", "historique", "historia", "история", "التاريخ", "التسلسل التاريخي"),
    "foreword": ("foreword", "avant-propos", "prefacio", "предисловие", "تمهيد"),
}
CONTENTS_RE = re.compile(r"^\s*(?:Table of Contents|CONTENTS|Contents|Table des matières|ÍNDICE|Índice|СОДЕРЖАНИЕ"
                         r"|Содержание|جدول المحتويات)(?:\s*$|\s+Recommendation)")
BACK_COVER_RE = re.compile(r"^\s*(?:SERIES OF ITU-T RECOMMENDATIONS|SÉRIES DES RECOMMANDATIONS UIT-T"
                           r"|SERIES DE RECOMENDACIONES DEL UIT-T|СЕРИИ РЕКОМЕНДАЦИЙ МСЭ-Т|سلاسل التوصيات)",
                           re.IGNORECASE)


def identify(ctx: Context, source: str) -> tuple[str, str, int | None, str | None, str] | None:
    """(sector, number, year, month, how) from the file name, else from the text's first lines."""
    name = source.rsplit("/", 1)[-1]
    m = FILE_RE.search(name)
    if m:
        return f"ITU-{m.group('sector').upper()}", m.group("num"), int(m.group("y")), m.group("m"), "file"
    head = [norm_hyphens(ln.text) for ln in ctx.lines[:60]]

    def dated(tm: re.Match[str], how: str) -> tuple[str, str, int | None, str | None, str]:
        date = next((DATE_RE.search(x) for x in head if DATE_RE.search(x)), None)
        year = month = None
        if date:
            y = int(date.group("y") or date.group("y2"))
            year, month = (y if y > 100 else 1900 + y if y > 50 else 2000 + y), date.group("m") or date.group("m2")
        groups = tm.groupdict()
        sector = groups.get("sector") or groups.get("sector2") or (
            "R" if any("RADIOCOMMUNICATION SECTOR" in x.upper() for x in head) else "T")
        number = groups.get("num") or groups.get("num2") or ""
        return f"ITU-{sector}", number, year, month, how

    for rx in (TEXT_RE, OLD_TEXT_RE, COVER_RE):
        for t in head:
            tm = rx.search(t)
            if tm:
                return dated(tm, "text")
    series = next((m for m in map(SERIES_COVER_RE.search, head) if m), None)
    sup = next((m for m in map(SUPPLEMENT_COVER_RE.search, head) if m), None) if series else None
    if series and sup:
        ident = dated(series, "text")
        return ident[0], f"{series.group('series')}.Sup{sup.group('n')}", ident[2], ident[3], "text"
    # the running header, on a cover that names the Sector: the same "Recommendation U.1 (03/93)" line
    # printed again on later pages (a reference to another Recommendation is not repeated as a line)
    if any(re.search(r"\bSTANDARDIZATION\s+SECTOR\b|\bRADIOCOMMUNICATION\s+SECTOR\b", x, re.IGNORECASE) for x in head):
        for t in head:
            tm = HEADER_RE.search(t)
            if tm and sum(tm.group(0) in norm_hyphens(ln.text) for ln in ctx.lines) >= 3:
                return dated(tm, "text")
    return None


def detect(ctx: Context) -> bool:
    ident = identify(ctx, ctx.source)
    if ident is None:
        return False
    # Named only in the text: a resolution that cites a Recommendation near its top is still a resolution.
    return ident[4] == "file" or not any(HEADING_RE.match(ln.text) for ln in ctx.lines[:60])


def parse(ctx: Context, source: str) -> tuple[DocumentMeta, list[Draft]]:
    ident = identify(ctx, source)
    assert ident
    sector, number, year, month, _how = ident
    kind: Kind = "supplement" if ".Sup" in number else "recommendation"
    revision = Revision(place=f"{month}/{year}", year=year) if year and month else None
    language = language_of(source, ctx.src.text)
    title = _title(ctx, number)
    body: Body = "ITU-T" if sector == "ITU-T" else "other"
    inst = Instrument(body=body, kind=kind, number=number, revision=revision, title=title or number)
    drafts = rec_drafts(ctx, inst, rtl=language == "ar")
    doc_id = f"{slug(sector)}-{'sup' if kind == 'supplement' else 'rec'}-{slug(number)}"
    if year and month:
        doc_id += f"@{year}-{month}"
    if language != "en":
        doc_id += f"~{language}"
    meta = DocumentMeta(doc_id=doc_id, body=body, kind=kind, number=number, revision=revision,
                        title=title or f"Recommendation {sector} {number}", source=source, language=language)
    return meta, drafts


def _title(ctx: Context, number: str) -> str:
    """The cover's "Recommendation ITU-T A.1 | Working methods …" row, or, in a 1990s print, the capitals
    under the running heading ("Recommendation U.1 (03/93)" then "SIGNALLING CONDITIONS TO BE APPLIED" /
    "IN THE INTERNATIONAL TELEX SERVICE")."""
    for ln in ctx.lines[:80]:
        t = norm_hyphens(ln.text)
        if TEXT_RE.search(t) and " | " in t and number in t:
            return " ".join(t.split(" | ", 1)[1].split())
    heading = re.compile(r"^\s*Recommendation\s+(?:ITU-T\s+)?" + re.escape(number) + r"(?:\s*\(\d{2}/\d{2,4}\))?\s*$")
    lines = [norm_hyphens(ln.text).strip() for ln in ctx.lines[:200]]
    for i, t in enumerate(lines):
        if not heading.match(t):
            continue
        title: list[str] = []
        for nxt in lines[i + 1: i + 4]:
            if heading.match(nxt) and not title:
                continue  # the heading printed twice ("Recommendation U.1", "Recommendation U.1 (03/93)")
            # The title's first line starts with a capital and is no series line ("ITU-T E-SERIES …"); a line
            # that goes on with it ("ITU-T Recommendations", "for disaster relief") is printed in its case.
            first = not title
            if len(nxt) < 3 or " | " in nxt or re.match(r"Recommendation\s+(?:ITU-T\s+)?[A-Z]{1,2}\.\w|[(\d]", nxt) \
                    or nxt.rstrip(":").lower() in _FRONT_WORDS \
                    or (first and (not re.match(r"[A-Z]", nxt) or nxt.startswith("ITU-T"))) \
                    or (not first and (nxt.upper() == nxt) != (title[0].upper() == title[0])):
                break
            title.append(nxt)
        if title:
            text = " ".join(" ".join(title).split())
            return _sentence_case(text) if text.upper() == text else text
    return ""


def _sentence_case(caps: str) -> str:
    """"SIGNALLING CONDITIONS … TELEX SERVICE" → "Signalling conditions … telex service"; short
    all-capital words (ISDN, ITU) are kept as acronyms."""
    words = [w if len(w) <= 4 and w.isalpha() and w not in _SMALL_CAPS else w.lower() for w in caps.split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


_FRONT_WORDS = frozenset({"summary", "keywords", "history", "foreword", "contents", "table of contents", "scope",
                          "introduction", "the ccitt,"})
# Short words of a capitals title that are words, not acronyms
_SMALL_CAPS = frozenset(["A", "AN", "THE", "OF", "IN", "TO", "FOR", "ON", "AND", "OR", "BY", "AT", "WITH", "FROM", "INTO", "OVER", "BE", "IS", "ARE", "AS", "ITS", "USE"])


def rec_drafts(ctx: Context, inst: Instrument, rtl: bool = False) -> list[Draft]:
    lines = ctx.lines
    w = Walker(ctx, inst, rtl=rtl)
    body = _body_start(ctx)
    pre = _preamble_start(ctx, body)
    # Front matter: only its named parts are kept; the cover and the contents are not text to cite.
    state: str | None = None
    j = 0
    while j < pre:
        ln = lines[j]
        t = ln.text.strip().replace("\u0640", "")  # Arabic tatweel stretches headings: "تمهيـد"
        j += 1
        first = t.split(" | ", 1)[0].strip().rstrip(":").lower()
        if CONTENTS_RE.match(t):
            state = None
            continue
        named = next((k for k, words in FRONT.items() if first in words), None)
        if named is not None:
            state = named
            w.start_part(named)
            if " | " in t:
                w.paragraph(ln, skip=t.index(" | ") + 3 + len(ln.text) - len(ln.text.lstrip()))
            continue
        if is_toc(ln.text):
            state = None  # the contents list ends whatever front-matter part came before it
        if state is None:
            continue
        span = w.table_at(ln)
        if state == "history" and span is not None:
            rows = [ln]
            while j < body and span[0] <= lines[j].start <= span[1]:
                rows.append(lines[j])
                j += 1
            w.block(rows)  # the edition table is one clause
            continue
        w.paragraph(ln)
    # Between the contents and clause 1: a preamble ("The CCITT, considering …"), after the title lines.
    if pre < body:
        w.start_part("preamble")
        walk(ctx, pre, body, w)
    w.start_part("text")
    walk(ctx, body, len(lines), w, stop=BACK_COVER_RE)
    return w.drafts


def _body_start(ctx: Context) -> int:
    """The line of clause 1 (not its contents entry), or of the first annex if there is no clause 1."""
    for j, ln in enumerate(ctx.lines):
        m = NUMBER_RE.match(ln.text)
        if m and m.group("num") == "1" and is_heading(m.group("rest")) and not is_toc(ln.text):
            return j
    for j, ln in enumerate(ctx.lines):
        if PART_RE.match(ln.text.strip()) and not is_toc(ln.text):
            return j
    return 0


def _preamble_start(ctx: Context, body: int) -> int:
    """After the last contents line (or front-matter part) before the body, past title lines."""
    last = -1
    for j in range(body):
        t = ctx.lines[j].text
        if is_toc(t) or CONTENTS_RE.match(t.strip()):
            last = j
    if last < 0:
        return body
    j = last + 1
    while j < body:
        t = ctx.lines[j].text.strip()
        if len(t) >= 100 or re.search(r"[.;:,]\s*$", t):
            break
        j += 1
    return j
