"""What a meeting document's cover page says about it: who submitted it (Source), its title, purpose,
Question(s) and meeting, and keywords. "Who submitted C823?" is answered from the row that says so,
cited as "SG17-C823, cover page, Source", never from a clause that happens to say "submit"."""

from __future__ import annotations

import re

from retrieval.answering.compose import lead
from retrieval.core.citations import citation, display
from retrieval.core.models import Answer, Clause
from retrieval.core.text import quoted

# Each cover row and the ways a question asks for it. "Questions" also holds the meeting (place, dates).
_ROW_ASKS: dict[str, re.Pattern[str]] = {
    "Source": re.compile(
        r"\bwho\s+(?:(?:has|had|did)\s+)?(?:submit{1,2}(?:ed)?|sen[dt]|wr[io]te|authou?red|contributed|tabled|"
        r"brought|presented|proposed|is\s+behind|was\s+behind|put\s+(?:in|forward))\b"
        r"|\bwho(?:'s|\s+is|\s+was)\s+(?:it|this|that)\s+from\b|\bfrom\s+whom\b|\bwhose\s+(?:contribution|document|TD)\b"
        r"|\bwho(?:'s|\s+is|\s+was|\s+are|\s+were)\s+behind\b"
        r"|\b(?:source|author|authors|submitter|originator)\b"
        r"|\b(?:which|what)\s+(?:company|companies|organi[sz]ation|member|administration|entity|rapporteur)\b",
        re.IGNORECASE),
    # ("the name of the Q4/17 rapporteur" is a person's, which no cover row gives)
    "Title": re.compile(r"\btitled?\b|\bwhat\s+is\s+\S+(?:\s+\S+)?\s+called\b|\b(?:full\s+)?name\s+of\b"
                        r"(?!\s+(?:the\s+)?(?:[\w/.-]+\s+){0,2}?(?:(?:co-)?rapporteur|editor|chair\w*|convenor|author|"
                        r"director|secretary|head|person|delegate|contact)s?\b)", re.IGNORECASE),
    "Purpose": re.compile(r"\bpurpose\b|\bfor\s+(?:discussion|approval|information|decision|agreement)\b",
                          re.IGNORECASE),
    "Questions": re.compile(
        r"\b(?:which|what)\s+(?:ITU-T\s+)?(?:study\s+)?questions?\b|\bunder\s+(?:which|what)\s+question\b"
        r"|\b(?:which|what)\s+meeting\b|\bwhen\s+and\s+where\b"
        r"|\b(?:when|where)\s+(?:was|is|were)\b.*\b(?:submitted|presented|held|discussed|considered|issued|meeting)\b",
        re.IGNORECASE),
    "Keywords": re.compile(r"\bkey\s?words?\b", re.IGNORECASE),
    # The document as a whole: its abstract (after the title). "What does C823 propose about the queue?"
    # asks something inside it and is searched.
    "Abstract": re.compile(
        r"\b(?:abstract|summary|summari[sz]e|gist|overview|tl;?dr)\b"
        # ("what's that short for?", "what does it stand for?" ask for a long form, not an abstract)
        r"|\bwhat(?:\s+is|\s+was|'s|s)\s+(?:\S+\s+){0,3}(?:about|(?<!\bshort\s)(?<!\bstand\s)(?<!\bstands\s)for)\s*\??\s*$"
        # "what did Broadcom propose in C823?": the document named after its source
        r"|\bwhat\s+(?:does|did)\s+(?:\S+\s+){0,3}(?:propose|say|cover|contain|do)(?:\s+in\s+\S+)?\s*\??\s*$"
        # "what's the SG17 contribution C823 actually proposing?"
        r"|\bwhat(?:\s+is|\s+was|'s|s)\s+(?:\S+\s+){0,5}(?:proposing|suggesting|asking\s+for)\s*\??\s*$"
        # "what's D.000?", "what is Recommendation ITU-T E.119?", "tell me about A.12": the whole text, named alone
        r"|^\W*(?:(?:what(?:\s+is|'s|s)|tell\s+me\s+about|explain)\s+)?(?:the\s+)?(?:ITU-T\s+)?(?:Rec(?:ommendation)?\.?\s+)?"
        r"(?:ITU-T\s+)?[A-Z]{1,2}\.(?:Sup\s?)?\d+(?:\.\d+)?\s*\??\s*$",
        re.IGNORECASE),
}
# A question about a meeting document it does not name: "who submitted the contribution on incubation?"
_DOCUMENT_RE = re.compile(r"\b(?:contributions?|TDs?|temporary\s+documents?|input\s+documents?|documents?|papers?)\b",
                          re.IGNORECASE)


_SUBMIT_RE = re.compile(r"\b(?:submit{1,2}(?:s|ed)?|sen[dt]|wr[io]te|written|authored|presented|tabled|brought|contributed)\b",
                        re.IGNORECASE)


def about_a_document(question: str) -> str | None:
    """What a question says of the meeting document it asks about, without the cover words and the noun
    ("who submitted the contribution on incubation?" → "who the on incubation?", whose key word is
    "incubation"), or None when it asks of none."""
    if not _DOCUMENT_RE.search(question):
        return None
    rest = _SUBMIT_RE.sub(" ", _DOCUMENT_RE.sub(" ", question))
    for pat in _ROW_ASKS.values():
        rest = pat.sub(" ", rest)
    return " ".join(rest.split())


# "What is the scope of E.119?", "what's A.1 about?", "summary of D.000": a Recommendation as a whole.
_SCOPE_RE = re.compile(r"\bscope\b", re.IGNORECASE)
_REC_NAMED_RE = re.compile(r"(?<![\w.])([A-Z]{1,2}\.(?:Sup\s?)?\d+(?:\.\d+)?)(?![\w.]*\d)")


def recommendation_about(question: str) -> tuple[str, bool] | None:
    """The Recommendation a question asks about as a whole, and whether it asks for its scope:
    ("E.119", True) for "what is the scope of E.119?"; None when it asks something inside it."""
    named = list(dict.fromkeys(_REC_NAMED_RE.findall(question)))
    scope = bool(_SCOPE_RE.search(question))
    if len(named) != 1 or not (scope or _ROW_ASKS["Abstract"].search(question)):
        return None
    asked = _WHAT_DOES_RE.search(question)
    if not scope and asked and named[0] not in asked.group("what") and not _ITSELF_RE.fullmatch(asked.group("what")):
        # "Rec A.12 - what does the D series cover?" asks about something inside it
        return None
    return named[0].replace(" ", ""), scope


_WHAT_DOES_RE = re.compile(r"\bwhat\s+(?:does|did)\s+(?P<what>.*?)\s+(?:propose|say|cover|contain|do)\b", re.IGNORECASE)
_ITSELF_RE = re.compile(r"(?:it|this|that|(?:the|this|that)\s+(?:rec(?:ommendation)?|text|document|one))", re.IGNORECASE)


def recommendation_named(question: str) -> str | None:
    """The one Recommendation a question names ("A.12", "A.Sup5"), or None."""
    # typed in lower case in chat ("e.119 … which SG did it come out of")
    typed = re.sub(r"(?i)\.sup\s?(?=\d)", ".Sup", question)
    typed = re.sub(r"(?<![\w.])[a-z]{1,2}(?=\.(?:Sup)?\d)", lambda m: m.group(0).upper(), typed)
    named = list(dict.fromkeys(_REC_NAMED_RE.findall(typed)))
    return named[0].replace(" ", "") if len(named) == 1 else None


def cover_rows_asked(question: str) -> list[str]:
    """The cover rows a question asks for ("who submitted …" → ["Source"]), in the rows' order."""
    return [row for row, pat in _ROW_ASKS.items() if pat.search(question)]


def compose_cover(question: str, rows: list[Clause]) -> Answer:
    """Each row, verbatim, under its citation."""
    lines = [lead(f"{display(c)}: {quoted(c.text.strip())}") for c in rows]
    return Answer(question=question, intent="ask", lines=lines,
                  citations=[citation(c, c.text) for c in rows])
