"""A question read once: its intent, the references it names ("Res 57 resolves 3") and its topic.
Pure functions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from retrieval.answering.compose.topic import clean_topic
from retrieval.answering.glossary import MIN_SHARE, to_english
from retrieval.answering.language import LANGUAGE_NAMES, answers_in, detect_language, english_only_note
from retrieval.core.models import Body, Reference, Revision
from retrieval.core.text import norm_hyphens, unaccented
from retrieval.indexing.lexical import CHAT_WORDS, SMALL_BUSINESS, lexical_tokens
from retrieval.parsing.mandates import actors_in
from retrieval.parsing.references import later_reading

Intent = Literal["cite", "sector", "find", "ask", "diff", "refs"]

# ("which two sectors run IRG-AVA?"; "which two bureau(x)" asks for Directors or Bureaux, which direct.py names)
_WHICH_SECTOR = (r"\b(?:which|what)\s+(?:other\s+)?(?:ITU\s+)?(?:sectors?|bureau[sx]?)\b|\b(?:which|what)\s+(?:two|2|three|3)\s+sectors\b"
                 # "which part of ITU is tasked with …", "what arm of the ITU …"
                 r"|\b(?:which|what)\s+(?:parts?|arms?|branch(?:es)?|wings?)\s+of\s+(?:the\s+)?ITU\b"
                 # "which ITU Director is tasked with taking part in …?": a Bureau's Director, and so its Sector
                 r"|\b(?:which|what)\s+(?:ITU\s+)?(?:bureau\s+)?director(?:'s)?\s+(?:is|was|has|should|must|will|does|"
                 r"represents|participates|takes|leads|handles|runs|coordinates|organi[sz]es|reports)\b"
                 # "is any bureau tasked with supporting …? which one": which Sector, asked as yes or no first
                 r"|\b(?:is|are)\s+(?:there\s+)?(?:any|a|some)\s+(?:ITU\s+)?(?:sectors?|bureau[sx]?)\s+(?:tasked|responsible|"
                 r"in\s+charge|charged|mandated|instructed|told|asked|supposed|meant|assigned)\b")
_WHOSE = (r"\bwhose\s+(?:study\s+groups?|bureau|sector|job|task|responsibility|remit|director"
          # "whose programme is the Special Voluntary Programme?": which Bureau runs it
          r"|programmes?|programs?|projects?|initiatives?|portal|database|platform"
          # "whose lead is that?", "whose studies are the IMT-2020 ones?", "whose Recommendations …"
          r"|lead|call|turf|area|domain|baby|studies|expertise|mandate|recommendations|recs|work|role"
          # "in the strategic plan, whose objective is …?": a Sector's objective
          r"|objectives?|goals?)\b")
# "… is that ITU-T or ITU-R?", "ITU-D's or ITU-T's job", "ITU-T or the development sector?" (chat's "dev sector")
_SECTOR_WORD = r"(?:radio(?:communication)?|standardi[sz]ation|development)"  # "the development sector"
_SECTOR_NAMED = r"(?:ITU-[RTD]|" + _SECTOR_WORD + r"\s+sector)(?:'s)?"
_EITHER = r"\b" + _SECTOR_NAMED + r"\s+or\s+(?:the\s+)?" + _SECTOR_NAMED + r"(?![\w-])"
_BUREAU = r"(?:ITU-[RTD]|BR|TSB|BDT)"
# "is it TSB that takes part in …?": one Bureau offered (a which-Sector question, and no words of its topic)
# One Sector offered, then the rest: "… or is it another Sector?", "owned by the D sector … or someone else?"
_OR_ANOTHER = (r"|\bor\s+(?:is\s+(?:it|that)\s+|does\s+)?(?:another|a\s+different|some\s+other)\s+(?:sector|bureau)\b"
               r"|\b(?:owned|run|led|handled|done|managed)\s+by\s+[^?]{1,60}?\bor\s+(?:by\s+)?(?:someone|somebody|anyone)\s+else\b")
_IS_IT_BUREAU = r"\b(?:is|was)\s+it\s+(?:the\s+)?" + _BUREAU + r"\s+(?:that|who)\b"
# "is that one Sector's job or all of them?", "is that a BDT thing or all three?", "BDT alone or the other
# two?": the asker weighs Sectors against each other.
_WHOSE_JOB = (r"\b(?:one|a\s+single|each)\s+(?:Sector|Bureau)(?:'s)?\s+(?:job|task|thing|responsibility|remit|matter)\b"
              r"|\b(?:a|an)\s+" + _BUREAU + r"\s+(?:job|task|thing|matter|show)\s+or\b"
              # "do we go to ITU-T study groups only, or R and D too?"
              r"|\b(?:" + _BUREAU + r"|[RTD])\s+(?:(?:study\s+groups?|SGs?)\s+)?(?:alone|only|on\s+its\s+own)\s*,?\s+or\b"
              # "… - is that on BDT?", "is this down to TSB?": one Bureau offered for a yes or no
              r"|\b(?:is|was)\s+(?:that|this|it)\s+(?:on|with|down\s+to|up\s+to)\s+(?:the\s+)?" + _BUREAU + r"\b")
# What a chat question calls a Sector's share of the work: "ITU-D or ITU-T's baby", "a BDT or TSB thing".
JOB_WORDS = _JOB = (r"(?:job|task|thing|matter|remit|responsibility|work|baby|area|domain|turf|business|lane|patch|call|role|show|topic"
                    r"|initiative|project|programme|effort)")
# "… - R or D in charge of it?": the Sectors by their letters, and what they are asked to be
_IN_CHARGE = r"(?:in\s+charge|responsible|leading|on\s+the\s+hook|on\s+point)"
# "just a T study group topic": the Sector's study groups stand for it
_SG_OF = r"(?:(?:study\s+groups?|SGs?)\s+)?"
# "… or are all 3 sectors on it?", "or do the other two work on it too?": the other side of a choice
# "… – radio or standardization sector?": the Sectors by their names
_BY_NAME = r"\b" + _SECTOR_WORD + r"\s+or\s+(?:the\s+)?" + _SECTOR_WORD + r"\s+sectors?\b"
# "do X and Y sit with one sector or are they shared?"
_ONE_OR_SHARED = r"\bsits?\s+with\s+(?:one|a\s+single|a)\s+(?:sector|bureau)\b"
# (… "or did PP-18 put all three bureaux on it?")
_ALL_SIDE = (r"\bor\s+(?:are|is|do|does|did|has|have|was|were)\s+(?:[\w-]+\s+){0,4}?(?:(?:all\s+(?:three|3)|the\s+other\s+(?:two|2))"
             r"(?:\s+(?:sectors|bureaux|bureaus|directors))?"
             # "… or are the study groups of all sectors meant to take it up?"
             r"|(?:all\s+(?:the\s+)?|every\s+|each\s+)(?:sectors?|bureaux|bureaus|bureau))\b[^?]*\?*\s*$")
# What asks for a text's owner, not for who does the work it speaks of: "whose rec is that?", "is that an R
# text or a T text?", "which sector put out F.791?", "whose standard is X.1255?"
_TEXT = r"(?:rec(?:ommendation)?s?|texts?|standards?|specs?|specifications?|documents?|docs?)"
_OWNER = (r"\bwhose\s+" + _TEXT + r"\b"
          r"|\b(?:an?\s+)?(?:ITU-)?[RTD]\s+" + _TEXT + r"\s+or\s+(?:an?\s+)?(?:ITU-)?[RTD](?:\s+" + _TEXT + r"|\s+one)?\b"
          r"|\b(?:which|what)\s+(?:ITU\s+)?(?:sector|bureau)(?:'s)?\s+(?:" + _TEXT + r"\s+is|(?:issued|published|produced|"
          r"developed|wrote|approved|owns|put\s+out|came\s+up\s+with|is\s+behind)\b)")
# A Sector as chat names it: "TSB", "the T sector", "R", "the development sector"
_SECTOR_SAID = r"(?:ITU-[RTD]|BR|TSB|BDT|(?<![\w.-])[RTD](?:\s+sector)?|" + _SECTOR_WORD + r"\s+sector)"
# "… - R sector or T sector?", "…, TSB or BDT?", "is that T sector work or D sector work?": a closing choice
# ("… is that the T or the D sector's SGs?": their study groups stand for them)
_SECTOR_CHOICE = (_SECTOR_SAID + r"(?:'s)?(?:\s+" + _JOB + r")?\s+or\s+(?:the\s+|an?\s+)?" + _SECTOR_SAID
                  + r"(?:'s)?(?:\s+(?:study\s+groups?|SGs?))?(?:\s+" + _JOB + r")?(?=\s*\?*\s*$)")
# "… - one sector or all three?"; "… - dev sector job?": one Sector offered at the end, for a yes or no
_ONE_OR_ALL = (r"\b(?:one|a\s+single)\s+(?:sector|bureau)\s+or\s+(?:all\s+(?:three|3)|several|both|more|"
               r"the\s+other\s+two|all\s+of\s+them)\b"
               r"|(?:(?<![\w.-])[RTD]|\b" + _SECTOR_WORD + r")\s+sector\s+" + _JOB
               + r"(?=\s*\?*\s*$)")
_SECTOR_RE = re.compile(
    # (not "who writes the guidance - TSB or BDT?": who does it, which names the Director instructed)
    _OWNER + r"|^(?![^?]*\bwho\b).*?" + _SECTOR_CHOICE + "|" + _ONE_OR_ALL + "|" + _WHICH_SECTOR + "|" + _WHOSE + "|" + _WHOSE_JOB + "|"
    + _EITHER + r"(?:\s*\?|\s+" + _JOB + r"\b)"
    # "is cybersecurity a BDT or TSB job?"
    r"|\b" + _BUREAU + r"(?:'s)?\s+or\s+(?:the\s+)?" + _BUREAU + r"(?:'s)?\s+" + _JOB + r"\b"
    # "does BDT or TSB do the EMF work?", "emergency telecoms: R, T or D?", "does T or D lead the work?"
    r"|\b(?:does|do|is|should|will|would|must)\s+(?:the\s+)?" + _BUREAU + r"\s+or\s+(?:the\s+)?" + _BUREAU + r"\b"
    r"|\b(?:does|do|should|will|would|must)\s+[RTD]\s+or\s+[RTD]\s+(?:lead|handle|run|cover|own|do|take)\b"
    # "… - R or D in charge of the joint capacity-building?"
    r"|(?<![\w.-])[RTD]\s+or\s+[RTD]\s+" + _IN_CHARGE + r"\b"
    # "is it TSB or BDT that works with countries on …?", "was it BR or BDT who …"
    r"|\b(?:is|was|will)\s+(?:it|that)\s+(?:the\s+)?" + _BUREAU + r"\s+or\s+(?:the\s+)?" + _BUREAU + r"\b"
    # "is it TSB that takes part in …, or someone else?": one Bureau offered, the answer may be another
    r"|" + _IS_IT_BUREAU +
    r"|(?<![\w-])R(?:'s)?\s*,\s*T(?:'s)?\s*,?\s*(?:or|and|/)\s*D\b"
    # "is the CPM R's, T's or D's?", "R's or D's?": the Sectors' by their letters
    r"|(?<![\w.-])[RTD]'s\s*,?\s+or\s+[RTD]'s(?![\w-])"
    # "SCV - does it sit in R or in T?": where a body is, a closing choice of Sectors by their letters
    r"|(?<![\w.-])(?:in|under|with|within)\s+(?:ITU-)?[RTD]\s+or\s+(?:(?:in|under|with|within)\s+)?(?:ITU-)?[RTD]\s*\?*\s*$"
    # "… D with help from R and T?": the Sectors by their letters
    r"|(?<![\w.-])[RTD]\s+with\s+(?:help|support|assistance)\s+from\s+[RTD]\b"
    # "is that a T thing or D thing?", "an R or a D job?": the Sectors by their letters
    r"|(?<![\w.-])(?:an?\s+)?[RTD](?:'s)?(?:\s+" + _JOB + r")?\s+or\s+(?:an?\s+)?[RTD](?:'s)?\s+(?:" + _JOB + r"|one)\b"
    # "is youth empowerment mainly a BDT thing?", "… - is that a BDT job?": one Sector offered for a yes or no
    r"|\bis\s+(?!there\b)[^?]{0,80}?\b(?:an?\s+)(?:ITU-[RTD]|BR|TSB|BDT|[RTD])(?:'s)?\s+" + _SG_OF + _JOB + r"\b"
    # "is cybersecurity ITU-T's job?", "… is that ITU-T's job or ITU-D's?": a Sector's by the possessive
    r"|(?:^|[-–—:;,?]|\b(?:so|and|but))\s*is\s+(?!there\b)[^?]{0,80}?\b" + _BUREAU + r"'s\s+" + _SG_OF + _JOB + r"\b"
    r"|" + _ALL_SIDE + r"|"
    r"\bwho(?:'s|\s+is)\s+(?:on\s+the\s+hook|accountable|in\s+the\s+lead|taking\s+the\s+lead)\b|\bwho\s+takes\s+the\s+lead\b"
    # "who does the standardization gap programme belong to?": whose it is
    r"|\bwho\s+(?:does|do)\s+[^?]{3,80}?\s+belong\s+to\b|\bwho(?:'s|\s+is)\s+in\s+charge\b"
    r"|" + _BY_NAME + r"|" + _ONE_OR_SHARED + r"|\b(?:split|shared|divided)\s+(?:across|between|among)\s+"
    r"(?:the\s+)?(?:sectors|bureaux|bureaus)\b"
    # "is that one of BDT's products, or does another Sector own it?"
    r"|\b(?:does|do|is|would)\s+(?:another|a\s+different|some\s+other)\s+(?:sector|bureau)\s+(?:own|run|lead|handle|do)\b"
    # "does BDT lead those or is it another Sector?", "is that owned by the D sector or someone else?"
    + _OR_ANOTHER +
    r"|\bwho\s+(?:handles|deals\s+with|is\s+responsible|is\s+in\s+charge"
    r"|works\s+on|coordinates|leads|covers|looks\s+after)\b|\bsectors?\s+(?:handles?|deals?|responsible)\b",
    re.IGNORECASE,
)
# Phrases that ask which Sector, stripped from the topic: "whose study groups …", "… ITU-T or ITU-R?".
_WHOSE_RE = re.compile(_WHOSE + "|" + _EITHER + "|" + _SECTOR_CHOICE + "|" + _ONE_OR_ALL + "|" + r"\b" + _BUREAU + r"(?:'s)?\s+or\s+(?:the\s+)?" + _BUREAU
                       + r"(?:'s)?" + r"|(?<![\w-])R(?:'s)?\s*,\s*T(?:'s)?\s*,?\s*(?:or|and|/)\s*D(?:'s)?(?![\w-])"
                       + r"|(?<![\w.-])(?:an?\s+)?[RTD]'s\s*,?\s+or\s+[RTD]'s(?:\s+" + _JOB + r")?(?![\w-])"
                       + r"|(?<![\w.-])[RTD]\s+or\s+[RTD](?=\s+" + _IN_CHARGE + r"\b)"
                       + r"|(?<![\w.-])(?:an?\s+)?[RTD](?:'s)?(?:\s+" + _JOB + r")?\s+or\s+(?:an?\s+)?[RTD](?:'s)?\s+(?:" + _JOB + r"|one)\b"
                       + r"|(?<![\w.-])[RTD]\s+with\s+(?:help|support|assistance)\s+from\s+[RTD](?:\s+and\s+[RTD])?\b"
                       # "who leads on alternative calling procedures, T or D?": a closing choice by letters
                       + r"|(?<![\w.-])(?:(?:in|under|with|within)\s+)?[RTD]\s+or\s+(?:(?:in|under|with|within)\s+)?[RTD]\s*\?*\s*$"
                       + r"|" + _BY_NAME + r"|" + _ONE_OR_SHARED + _OR_ANOTHER
                       # "… - does BDT lead those or …": the Bureau offered, not the topic
                       + r"|\b(?:does|do|is)\s+(?:the\s+)?" + _BUREAU + r"\s+(?:lead|own|run|handle|do)\s+(?:those|that|this|it|them)\b"
                       # "… or are shared", "or is it split across sectors?"
                       + r"|,?\s*\bor\s+(?:(?:is|are)\s+(?:it|they|these|those)\s+|(?:is|are)\s+)?(?:split|shared|divided)"
                       + r"(?:\s+(?:across|between|among)\s+(?:the\s+)?(?:sectors|bureaux|bureaus))?\b",
                       re.IGNORECASE)
# "Is there a resolution on X?", "do we have anything about X?", "any Rec on X?": which texts deal with X,
# asked as yes or no.
_DOC_KIND = (r"(?:(?:ITU(?:-[RTD])?|PP|WTSA|WTDC|RA|WRC|Plenipotentiary)\s+)?"
             r"(?:resolutions?|recommendations?|recs?|documents?|texts?|decisions?|contributions?|anything|something)")
_EXISTS = (r"(?:^|[,:;]\s*|\b(?:so|and|but)\s+)(?:(?:is|are)\s+there\s+|do\s+we\s+have\s+|does\s+(?:the\s+)?(?:ITU(?:-[RTD])?|PP|WTSA|WTDC|RA|WRC)\s+have\s+"
           r"|have\s+we\s+got\s+|(?=any))(?:a|an|any|some)?\s*" + _DOC_KIND
           + r"\s+(?:(?:in\s+the\s+corpus|at\s+all)\s+)?(?:on|about|regarding|concerning|covering|dealing\s+with|that\s+deals?\s+with)\s+")
_FIND_RE = re.compile(
    r"\b(?:which|what|list|find|show)\s+(?:the\s+)?(?:resolutions|documents|clauses|contributions|texts)\b"
    r"|\bresolutions\s+(?:on|about|dealing|deal|that)\b|" + _EXISTS + r"(?!whether\b|if\b|how\b)"
    # "which resolution covers bridging the standardization gap?": the texts on a subject, asked in the
    # singular (not "which resolution instructs TSB to …", a question about what one says)
    r"|\b(?:which|what)\s+(?:(?:PP|WTSA|WTDC|ITU)\s+)?(?:resolution|text|document)\s+(?:covers|deals\s+with|is\s+about|"
    r"addresses|concerns|is\s+on|treats)\b",
    re.IGNORECASE,
)
_TOPIC_STRIP = re.compile(
    r"^.*?" + _EXISTS +
    r"|^\s*(?:which|what|list|find|show)\s+(?:the\s+)?(?:resolutions|documents|clauses|contributions|texts)\s+"
    r"(?:deal\s+with|dealing\s+with|are\s+about|about|on|cover|mention|that\s+\w+(?:\s+with)?)\s*"
    r"|^\s*(?:which|what)\s+(?:(?:PP|WTSA|WTDC|ITU)\s+)?(?:resolution|text|document)\s+(?:covers|deals\s+with|is\s+about|"
    r"addresses|concerns|is\s+on|treats)\s*"
    r"|^\s*(?:which|what|who)\s+(?:ITU\s+)?(?:sectors?\s+)?(?:of\s+ITU\s+)?(?:handles?|deals?\s+with|is\s+responsible\s+for"
    r"|are\s+responsible\s+for|is\s+in\s+charge\s+of|(?:share|do|does)?\s*(?:the\s+)?works?\s+(?:together\s+)?on"
    r"|shares?\s+(?:the\s+)?(?:work|responsibility|responsibilities)\s+(?:on|for)|(?:is|are)\s+(?:involved|active)\s+in"
    r"|studies|study|coordinates|leads|covers|looks\s+after)?\s*|\?\s*$"
    # when the asker is speaking, not what about: "… runs the ITU Journal these days?"
    r"|\b(?:these\s+days|nowadays|at\s+the\s+moment|right\s+now|at\s+present)\b",
    re.IGNORECASE,
)


# Words that ask for an instrument's text rather than about it: "What does Resolution 57 say?"
# Words that ask for a text to be shown: "What does Resolution 57 say?", "quote resolves 3".
SAY_WORDS = frozenset(lexical_tokens(
    "say says said text texts show quote read reads full give me tell wording exact content contents cite"))
_CITE_WORDS = SAY_WORDS | frozenset(lexical_tokens(
    "resolution resolutions res rev revised version latest adopted edition revision"))
_REF_SPAN = re.compile(
    r"\b(?:WTSA|WTDC|PP|RA|WRC|Plenipotentiary|ITU-[RTD])?[-\s]*(?:\d{2}\s+)?"
    r"(?:Resolution|Res\.?)\s*(?:ITU-R\s*)?\d+(?:\s*\((?:Rev\.?\s*)?[^)]*\))?"
    # a meeting with its year names a text ("WTSA-16"); a body alone ("the max duration of a WTDC") is a topic
    r"|\(?Rev\.?\s+[A-Z][\w\s-]*,\s*\d{4}\)?|\b(?:WTSA|WTDC|PP|RA)-\d{2}\b",
    re.IGNORECASE)


_DIFF_RE = re.compile(
    r"\b(?:what|which)\s+(?:has\s+|have\s+|was\s+|were\s+)?(?:changed|changes|differences)\b"
    r"|\bchanges?\s+(?:in|to|between)\b|\bdifferences?\s+between\b|\bhow\s+(?:does|did|has)\b.*\b(?:differ|changed?)\b"
    r"|\bwhat\s+is\s+new\s+in\b|\bcompared?\s+(?:to|with)\b"
    # "what did C823 change from TD2484?", "what does C823 change relative to TD 2484?"
    r"|\bwhat\s+(?:did|does|do)\b[^?]*\bchange\s+(?:from|since|relative\s+to|versus|vs\.?|over)\b",
    re.IGNORECASE)


# "in the RCC's proposed changes to Res 57, what are RAG, TSAG and TDAG asked to do?": the changes are where
# to look, and what they say is asked, not what they change.
_SCOPED_CHANGES_RE = re.compile(r"^\s*(?:so\s+)?(?:in|under|per|according\s+to|within|from)\s+[^,?;:]*\bchanges?\b[^,?;:]*[,;:-]\s*"
                                r"(?:what|who|whom|which|how|when|where|does|do|is|are|must|should|can)\b", re.IGNORECASE)


def _asks_diff(question: str) -> bool:
    return bool(_DIFF_RE.search(question)) and not _SCOPED_CHANGES_RE.search(question)


_DANGLING_RE = re.compile(r"^(?:per|under|in|from|according\s+to)\s*,\s*|\s*\b(?:per|under|in|from|according\s+to)\s*(?=[?]*$)",
                          re.IGNORECASE)


def without_references(question: str) -> str:
    """The question without the instruments it names ("What does Res 191 instruct …" → "What does
    instruct …"): once the search is scoped to them, they are not words a clause must hold."""
    # "dubai 2018 res 208": the revision typed beside it names the same text
    rest = _SPACE_RE.sub(" ", _REVISION_RES[0].sub(" ", _REF_SPAN.sub(" ", question))).strip()
    # "Per Res 130, which bureau …": the preposition that led to the reference goes with it.
    return _DANGLING_RE.sub("", rest).strip() or rest


# "under the outer space transparency reso", "the SME resolution", "the PP resolution on Internet-related
# public policy issues": an instrument named by its subject rather than its number.
_DESCRIBED_RE = re.compile(
    r"\b(?:under|in|per|from|of|by|according\s+to)?\s*(?<![Ww]hich\s)(?<![Ww]hat\s)\b(?:the|this|that)\s+"
    r"(?:(?:PP(?:-18)?|WTSA|WTDC|plenipot|Plenipotentiary)\s+)?"
    # ("the annex of the resolution on …": a part of the instrument described after it, not a subject)
    r"(?:(?P<a>(?:[\w&/+'-]+\s+){1,5}?)(?<!\bof\s)(?<!\bof\sthe\s)(?<!\bin\sthe\s)"
    r"(?:resos?|resolution|res|decision)\b(?!\.?\s*\d)"
    r"|(?:resos?|resolution|decision)\s+(?:on|about|concerning|dealing\s+with|for)\s+"
    r"(?P<b>[^?,;:()]{3,80}?)(?=\s*(?:[?,;:()]|$|\s(?:which|who|whom|what|how|where|when|is|are|does|do|did|should|must|"
    r"says?|tells?)\b|\s[-\u2013\u2014]\s)))", re.IGNORECASE)
_NOT_A_SUBJECT = re.compile(r"^(?:the|a|an|same|new|relevant|above|said|latest|current|old|previous|other|whole|entire|"
                            r"PP|WTSA|WTDC|ITU|main|this|that)$", re.IGNORECASE)


# "RBM resolution: what are …", "IDN reso - …": a heading typed before the question, no article
_DESCRIBED_HEAD_RE = re.compile(r"^\s*(?P<a>(?:[\w&/+'-]+\s+){1,4}?)(?:resos?|resolution|res)\s*"
                                r"(?=[:,\u2013\u2014]|-\s|\s-\s)", re.IGNORECASE)


# "IDN", "C&I", "ITRs": an acronym names an instrument's subject on its own
ACRONYM_RE = re.compile(r"\b[A-Z&]{2,}s?\b")


def instruments_described(question: str) -> list[tuple[str, str]]:
    """(phrase, subject) for each instrument the question names by its subject: ("under the outer space
    transparency reso", "outer space transparency")."""
    head = _DESCRIBED_HEAD_RE.match(question)
    # (an acronym only: "cybersecurity resolution - which sector leads?" keeps its topic for the Sector answer)
    if head and (words := [w for w in head.group("a").split() if not _NOT_A_SUBJECT.match(w)]) and \
            ACRONYM_RE.search(" ".join(words)):
        return [(head.group(0).strip(), " ".join(words))]
    out = []
    for m in _DESCRIBED_RE.finditer(question):
        subject = " ".join((m.group("a") or m.group("b") or "").split())
        if m.group("a"):
            # "the bit in the IDN resolution": the instrument is what the last article introduces ("the
            # resolution on coordination among the three Sectors" names its subject whole)
            subject = re.split(r"\b(?:the|this|that)\s+", subject, flags=re.IGNORECASE)[-1]
        words = [w for w in subject.split() if not _NOT_A_SUBJECT.match(w)]
        if words:
            out.append((m.group(0).strip(), " ".join(words)))
    return out


def part_named(text: str) -> tuple[str, str] | None:
    """("resolves", "2") for "what does resolves 2 of the SME participation res say": a part and label
    typed without the instrument's number."""
    found = _part_in(text, tied=False)
    return (found[0], found[1]) if found and found[1] and found[0] != "section" else None


def without_revisions(text: str) -> str:
    """The text without revisions typed as place and year ("Dubai 2018", "Dubái, 2018"): a year there
    names which text, not something the text must speak of."""
    return _REVISION_RES[0].sub(" ", unaccented(text))


def asks_what_changed(question: str) -> bool:
    """"What changed at Hammamet?": a diff question, with or without an instrument named."""
    return _asks_diff(question)


def asks_about_more_than(question: str) -> bool:
    """True when a question names a whole instrument but asks something about it ("What is the purpose
    of the RCC contribution on Resolution 57?"): that wants search within it, not all its clauses."""
    rest = _REF_SPAN.sub(" ", clean_text(question))
    for rx in _REVISION_RES:
        rest = rx.sub(" ", rest)
    rest = re.sub(rf"\b(?:{_PLACE_ALT})\b", " ", rest, flags=re.IGNORECASE)
    return any(t not in _CITE_WORDS and not t.isdigit() for t in lexical_tokens(rest))


# What asking for a contribution's proposals is worded with: "what does RCC/47A4 propose to change?", "which
# resolution does it want to modify?", "who submitted it?"
_OVERVIEW_WORDS = _CITE_WORDS | frozenset(lexical_tokens(
    "propose proposes proposed proposal proposals change changes modify modification want wants summary summarise "
    "about contribution document doc submit submitted add delete suppress amend amendment mod sup new "
    # "what is RCC/47A4 actually asking WTSA to change?": what it asks of the assembly it is addressed to
    "ask asks asking asked request requests seek seeks actually really WTSA assembly"))


_ANNEX_NAMED_RE = re.compile(r"\b(?:annex|appendix)\s+[A-Z0-9]{1,4}\b", re.IGNORECASE)


def asks_within(question: str) -> bool:
    """A question naming a whole contribution (or a Recommendation's annex) asks something of its content: two
    words or more besides its symbol and the words asking for its proposals, not for the proposals themselves."""
    rest = _SYMBOL_RE.sub(" ", clean_text(question))
    return len([t for t in lexical_tokens(rest) if t not in _OVERVIEW_WORDS and not t.isdigit()]) >= 2


def detect(question: str) -> tuple[Intent, Reference | None]:
    """The intent, and for "cite" the reference to look up. Other intents carry no reference: the
    answerer scopes their search by every resolution the question names."""
    ref = parse_reference(question)
    if ref is not None and _asks_diff(question):  # "what changed in Res 57 at Hammamet?"
        return "diff", ref
    if ref is not None and ref.kind in ("recommendation", "supplement") and not (ref.part or ref.label) \
            and asks_owner(question):
        return "sector", None  # "whose rec is E.119?": its Sector, not its text
    if ref is not None and ref.symbol and not (ref.proposal or ref.part or ref.label) and asks_within(question):
        return "ask", None  # "RCC/47A4: by what deadline does the task force report?": search inside it
    if ref is not None and ref.kind == "recommendation" and ref.part and ref.part.startswith(("Annex", "Appendix")) \
            and not ref.label and asks_within(_ANNEX_NAMED_RE.sub(" ", _REC_REF_RE.sub(" ", question))):
        return "ask", None  # "D000 annex A - what do they mean by 'accounting revenue division procedure'?"
    if ref is not None and (ref.symbol or ref.part or ref.label):
        return "cite", ref
    if ref is not None and ref.number and not asks_about_more_than(question):
        return "cite", ref
    if _SECTOR_RE.search(question):
        return "sector", None
    if _FIND_RE.search(question):
        return "find", None
    return "ask", None


def asks_existence(question: str) -> bool:
    """"Is there a resolution on X?": answered yes (with the texts) or no."""
    return bool(re.search(_EXISTS, question, re.IGNORECASE))


def asks_owner(question: str) -> bool:
    """"X.1255 - whose rec is that?": which Sector a text belongs to."""
    return bool(re.search(_OWNER, question, re.IGNORECASE))


def asks_which_sector(question: str) -> bool:
    """"Which Sector …", "what Bureau …": a Sector is the answer, even when the question also says "who"."""
    return bool(re.search(_WHICH_SECTOR, question, re.IGNORECASE))


def topic_of(question: str) -> str:
    topic = _TOPIC_STRIP.sub("", question).strip()
    return topic or question


# Words that ask who does something rather than name the thing done: "which Sector is supposed to lead
# on …", "… which Sector gets that job?", "who runs …". Matched as typed (not stemmed), so the topic
# keeps "coordination" while "coordinates" goes.
_ROLE_SURFACE = frozenset([
    "to", "which", "what", "who", "whom", "whose", "sector", "sectors", "itu", "itu's", "union", "is",
    "are", "was", "were", "be", "been", "being", "am", "supposed", "expected", "meant", "tasked", "charged",
    "entrusted", "mandated", "in", "charge", "of", "for", "on", "with", "the", "a", "an", "lead", "leads",
    "leading", "take", "takes", "taking", "participate", "participates", "participating", "handle", "handles", "handled",
    "handling", "deal", "deals", "dealt",
    "dealing", "responsible", "responsibility", "responsibilities", "run", "runs", "running", "organize",
    "organizes", "organise", "organises", "organizing", "organising", "manage", "manages", "managing",
    "carry", "carries", "carrying", "most", "work", "works", "working", "job", "jobs", "task", "tasks",
    "get", "gets", "got", "fall", "falls", "under", "does", "do", "did", "cover", "covers", "look", "looks",
    "after", "oversee", "oversees", "overseeing", "own", "owns", "coordinates", "coordinate", "that",
    "this", "it", "its", "main", "primary", "principal", "mainly", "mostly", "at", "should", "would",
    "will", "shall", "must", "can", "could", "has", "have", "had", "side", "there", "bureau", "bureaux",
    "bureaus", "told", "asked", "sector's", "bureau's", "actually", "day", "really", "help", "helps", "helping", "assist", "assists",
    "assisting", "director", "directors", "parts", "part", "hook", "remit", "duty", "duties",
    "baby", "turf", "lane", "patch", "thing", "matter",
    # "in the driving seat", "at the helm": who leads, said in chat ("calling" stays: "alternative calling procedures")
    "driving", "seat", "driver's", "helm",
    # "SCV - does it sit in R or in T?", "where is the CCV housed?": where a body is
    "sit", "sits", "housed", "located",
    # "which bureau should I talk to about e-waste?", "who does the BSG programme belong to?": who to ask
    "i", "we", "talk", "speak", "contact", "approach", "reach", "turn", "go", "belong", "belongs", "about",
    # "is any bureau tasked with …?"
    "any",
]) | CHAT_WORDS


# "when ITU talks about X, whose …?": the scene set, not a time asked
_SCENE_RE = re.compile(r"^\s*(?:when|whenever|if|as)\s+(?:ITU|the\s+ITU|we|people|delegates|texts?)\s+"
                       r"(?:talks?|speaks?|says?|refers?|mentions?|writes?)\s+(?:about|of|to)\s+", re.IGNORECASE)


_OFFERED_RE = re.compile(_IS_IT_BUREAU +
                         r"|,?\s*\bor\s+(?:is\s+it\s+)?(?:someone|somebody|anyone|anybody|another\s+(?:one|bureau|sector)|"
                         r"some\s+other\s+(?:bureau|sector|body))(?:\s+else)?\b", re.IGNORECASE)


def sector_topic(question: str) -> str:
    """What a "which Sector" question asks about, without the words that ask it."""
    # "which sector(s)", "which Bureau(x)": the plural mark is no word of the topic
    question = re.sub(r"(?<=\w)\((?:s|x|es)\)", "", _SCENE_RE.sub("", question))
    # "which two sectors …": how many is no word of the topic
    question = re.sub(r"\b(which|what)\s+(?:two|2|three|3)\s+(?=sectors\b)", r"\1 ", question, flags=re.IGNORECASE)
    # "is it TSB that takes part in X, or someone else?": the Bureau offered and the other side ask
    question = _OFFERED_RE.sub(" ", _MORE_OF_RE.sub("", question))
    # … then "is X purely a TSB thing, or did PP-18 put all three bureaux on it?": the offer and its other side
    # ("C&I" is one word)
    words = re.findall(r"[\w][\w'./&-]*", _ONE_OFFERED_RE.sub(" ", _WHOSE_RE.sub(" ", _TOPIC_STRIP.sub(" ", question))))
    kept = [w for w in words if w.lower() not in _ROLE_SURFACE]
    # "when a developing country sends a request …, which bureau …?": the condition is the topic, not a "when"
    while kept[:1] and kept[0].lower() in ("when", "whenever", "if", "once"):
        kept = kept[1:]
    return " ".join(kept) or topic_of(question)


class Corrector(Protocol):
    """Reads misspelled words as the corpus words they were meant to be (answering/spelling.py)."""

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]: ...


class Query(BaseModel):
    """A question read once; everything below works from this, never from the raw text again."""

    text: str  # cleaned, with misspellings corrected: what intent, references and search read
    intent: Intent
    reference: Reference | None = None  # what a "cite" looks up
    references: list[Reference] = Field(default_factory=list)  # every instrument the question names
    topic: str = ""  # the question without its question words ("emergency telecommunications")
    language: str = "en"
    asked: str = ""  # the question as typed
    corrections: list[tuple[str, str]] = Field(default_factory=list)  # (typed, read as)
    read_as: str = ""  # a French or Spanish question as read in English through ITU's terms (glossary.py)

    @property
    def search_text(self) -> str:
        """What the retrievers get: the whole question for "ask", the topic for the others, in the texts'
        register (no greetings or fillers; "every year" is "annually")."""
        return search_form(self.text if self.intent == "ask" else self.topic)


# How people chat, never what they ask about: "hey quick one - does TSAG actually have to meet every year?"
# Left in, "actually … every year … a year" ranks the yearly schedule of conferences above TSAG's meetings.
_GREETING_RE = re.compile(r"^(?:\s*(?:hey|hi|hello|morning|good\s+morning|quick\s+(?:one|q|question)|lol|um|btw|fyi)\b"
                          r"[\s,!:;.\u2013\u2014-]*)+", re.IGNORECASE)
_FILLER_RE = re.compile(r"\b(?:actually|really|basically|just|kinda|sorta|pls|plz|please|thx|thanks)\b\s*", re.IGNORECASE)
_YEARLY_RE = re.compile(r"\b(?:every|each|per)\s+year\b|\byearly\b", re.IGNORECASE)  # not "twice a year"


# "(not CS/CV amendments)", "other than the Secretary-General's", ", excluding Council": what the question
# leaves out is no word the answer must hold, nor one to search for.
_EXCLUSION_RE = re.compile(r"\(\s*(?:not|excluding|except|other\s+than|apart\s+from|besides)\b[^()]*\)"
                           # (up to the end, or to a dash going on to the question: ", not just typos - who decides …?")
                           r"|,\s*(?:not|excluding|except(?:\s+for)?|other\s+than|apart\s+from)\s+"
                           r"(?:(?!\s[-\u2013\u2014]\s)[^,?;:\u2013\u2014])*(?=[?;]|$|\s[-\u2013\u2014]\s)",
                           re.IGNORECASE)


def without_exclusions(text: str) -> str:
    out = _EXCLUSION_RE.sub("", text)
    return _SPACE_RE.sub(" ", out).replace(" ?", "?").strip() or text


# How people say what the texts write: "takes part in" is "participate in"; "on ITU's behalf" only frames
# the question (its rare word "behalf" outweighed "EMF" and dropped the clause that answers).
_REGISTER = [(re.compile(r"\b(?:takes?|taking|took)\s+part\s+in\b", re.IGNORECASE), "participate in"),
             (re.compile(r"\s*\bon\s+(?:ITU's|its|the\s+Union's|their|our)\s+behalf\b|\s*\bon\s+behalf\s+of\s+"
                         r"(?:ITU|the\s+Union)\b", re.IGNORECASE), ""),
             # "are BR and BDT told?": a Bureau's own texts name the other two as "the other two Bureaux"
             (re.compile(r"(?<!BR,\s)(?<!TSB,\s)(?<!BDT,\s)\b(?:BR|BDT|TSB)\s+(?:and|&)\s+(?:the\s+)?(?:BR|BDT|TSB)\b"
                         r"(?!\s*(?:,|and|or)\s*(?:BR|BDT|TSB))"),
              r"\g<0> (the other two Bureaux)"),
             # "when did ITU and UNESCO set up the Broadband Commission?": the texts "establish" things
             (re.compile(r"\b(?:set|sets|setting)\s+up\b|\bset-up\b", re.IGNORECASE), "establish"),
             # "who goes through the yearly report?", "who looks over the accounts?": the texts "review" them
             (re.compile(r"\b(?:go(?:es)?|going|went)\s+(?:through|over)\b(?=\s+(?:the|a|an|its|their|this|that)\s)"
                         r"|\blook(?:s|ing|ed)?\s+over\b", re.IGNORECASE), "review"),
             # "is WTPF held on a fixed cycle or only when needed?": a meeting called when needed is convened
             # "on an ad hoc basis"
             (re.compile(r"\b((?:held|convened|called|meets?|meeting|organi[sz]ed)\b[^?.;]{0,40}?\b(?:only\s+)?(?:when|as|if)\s+"
                         r"(?:needed|necessary|required))\b", re.IGNORECASE), r"\1 (ad hoc)"),
             # "who has to make sure it gets implemented?": the texts "ensure" it
             (re.compile(r"\bmak(?:e|es|ing)\s+sure\b", re.IGNORECASE), "ensure"),
             # "stepping up the work on threats": the texts "intensify" it
             (re.compile(r"\bstep(?:s|ped|ping)?\s+up\b", re.IGNORECASE), "intensify"),
             # "the staff headcount ceiling": the texts count "employees"; "what floor is the account kept
             # above?": a minimum level
             (re.compile(r"\bhead\s?counts?\b", re.IGNORECASE), "number of employees"),
             (re.compile(r"\bfloor\b(?=[^?]*\b(?:above|below|at|under|over|maintain\w*|keep\w*|hold\w*)\b)",
                         re.IGNORECASE), "minimum level"),
             # "a regional phone number for COP": the texts' "telephone number"
             (re.compile(r"\bphone\s+(?=numbers?\b|lines?\b|calls?\b)", re.IGNORECASE), "telephone "),
             # "does a supplement carry the same weight as the Rec?": the texts speak of "equivalent status"
             (re.compile(r"\b(?:the\s+)?same\s+(?:weight|standing|status|force|authority|rank)\s+as\b", re.IGNORECASE),
              "equivalent status to"),
             # "country-code domains like .fr", "country code top-level domain questions": the texts' ccTLDs
             (re.compile(r"\bcountry[- ]code\s+(?:top[- ]level\s+)?(?:domains?(?:\s+names?)?|TLDs?)\b", re.IGNORECASE),
              "ccTLDs"),
             # "the wireless side of IoT": its "radio aspects"
             (re.compile(r"\b(?:wireless|radio)\s+(?:side|end|part|angle|dimension)s?\b", re.IGNORECASE), "radio aspects"),
             # "hacking threats and weak spots in networks": the texts' cyberthreats and vulnerabilities; "a national
             # cyber strategy" is a cybersecurity strategy
             (re.compile(r"\bweak\s+(?:spots?|points?)\b", re.IGNORECASE), "vulnerabilities"),
             (re.compile(r"\bhack(?:ing|ers?|s)?\b", re.IGNORECASE), "cyberthreats"),
             (re.compile(r"\bcyber(?=\s+(?:strateg|polic|law|plan|capacit|skill|incident|defen[cs]e|resilien|drill|exercise|"
                         r"team|readiness|maturity))", re.IGNORECASE), "cybersecurity"),
             # "a small company", "small firms": the texts' small and medium enterprises; "staff size" is a
             # number of employees
             (re.compile(rf"\b{SMALL_BUSINESS}\b", re.IGNORECASE), "SME"),
             (re.compile(r"\bstaff(?:ing)?\s+(?:size|levels?|numbers?)\b", re.IGNORECASE), "number of employees"),
             # "radiation from mobile masts and phones": exposure to electromagnetic fields (EMF)
             (re.compile(r"\bradiation\s+(?:from|of|by)\s+(?:[\w-]+\s+){0,2}?(?:masts?|phones?|antennas?|towers?|base\s+stations?|"
                         r"handsets?|devices?)\b(?:\s+and\s+(?:phones?|handsets?|devices?|masts?|antennas?))?", re.IGNORECASE),
              "exposure to electromagnetic fields (EMF)"),
             # "which part of ITU joins the WHO's work on …": the texts "participate in" it
             (re.compile(r"\bjoin(?:s|ed|ing)?\s+(?=(?:the\s+|in\s+)?(?:[\w-]+['\u2019]s\s+)?(?:work|project|efforts?|"
                         r"activities|studies|initiative)\b)", re.IGNORECASE), "participate in "),
             # "who is encouraged to chip in?": the texts "contribute"
             (re.compile(r"\bchip(?:s|ped|ping)?\s+in\b", re.IGNORECASE), "contribute"),
             # "until when can it change its mind?": what the texts say may be "revoked" or "withdrawn"
             (re.compile(r"\bchange\s+(?:its|their|his|her|your|my|our|one's)\s+mind\b", re.IGNORECASE), "revoke (withdraw)"),
             # "put the security Recs into practice": the texts "implement" them
             (re.compile(r"\bput(?:s|ting)?\s+([^?.;]{1,60}?)\s+into\s+(?:practice|effect|action|operation)\b", re.IGNORECASE),
              r"implement \1"),
             # "how long can someone stay as SG chairman?": the texts set a maximum term of office
             (re.compile(r"\bhow\s+long\s+(?:can|may|could|should|does|do|is|are)\s+(?:\w+\s+){0,3}?(?:stay|serve|remain|sit|"
                         r"hold\s+(?:the\s+)?(?:post|office|seat|job|role))\b(?:\s+(?:in\s+office|on))?(?:\s+as\b)?",
                         re.IGNORECASE), "what is the maximum term of office as")]


def in_texts_words(text: str) -> str:
    """The question with what people say written as the texts write it (`_REGISTER`)."""
    for rx, said in _REGISTER:
        text = rx.sub(said, text)
    return text


def search_form(text: str) -> str:
    from retrieval.answering.compose.evidence import event_as_written

    text = in_texts_words(event_as_written(without_exclusions(text)))
    out = _YEARLY_RE.sub("annually", _FILLER_RE.sub("", _GREETING_RE.sub("", text)))
    return _SPACE_RE.sub(" ", out).strip() or text


# ITU's country groups, (one, several) as the texts write them
_COUNTRY_GROUPS = {"LDC": ("least developed country", "least developed countries"),
                   "LLDC": ("landlocked developing country", "landlocked developing countries"),
                   "SIDS": ("small island developing states", "small island developing states")}
# The words of a part or a numbered place a label follows ("resolves 2", "clause 2", "item 2").
_PART_WORD_RE = re.compile(r"(?:resolves?|resolvs|instructs?|invites?|decides?|requests?|encourages?|urges?|calls|"
                           r"considering|noting|recognizing|recalling|bearing|mind|account|further|also|clauses?|cl|"
                           r"sections?|sec|annex|appendix|para|paragraph|items?|no|nos|number|point|part|row|table|"
                           r"figure|note|question|q|sg|wp|res|resolution|rec|recommendation|decision|dec)", re.IGNORECASE)
# Chat forms of what the texts spell out: "Gen Sec" is the Secretary-General, "w/" is "with".
_SHORTHAND: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [(re.compile(r"\b(?:Gen(?:eral)?\.?\s*Sec(?:retary)?|Sec\.?\s*Gen|SecGen)\b\.?", re.IGNORECASE),
               "Secretary-General"),
              (re.compile(r"(?<!\S)w/o(?!\S)", re.IGNORECASE), "without"),
              (re.compile(r"(?<!\S)w/(?=\s|$)", re.IGNORECASE), "with"),
              # "vicechairs", "max nb of": chat spellings of "vice-chairs", "number" ("SG" stays: a study group
              # in WTSA's texts, the Secretary-General in the Plenipotentiary's)
              (re.compile(r"\bvice\s?chair(s|man|men|person)?\b", re.IGNORECASE), r"vice-chair\1"),
              (re.compile(r"\b(?:nb|nr)\b\.?(?=\s+of\b)", re.IGNORECASE), "number"),
              # chat spellings of everyday words: "how long shud a Rec title be", "hw many", "wat does it say"
              (re.compile(r"\b(?:shud|shld)\b", re.IGNORECASE), "should"),
              (re.compile(r"\bwud\b", re.IGNORECASE), "would"),
              (re.compile(r"\bcud\b", re.IGNORECASE), "could"),
              (re.compile(r"\b(?:wat|wht)\b", re.IGNORECASE), "what"),
              (re.compile(r"\bhw(?=\s+(?:many|much|long|often|do|does|is|are|can)\b)", re.IGNORECASE), "how"),
              # "telemedicine, e-learning and e-gov projects": the texts' e-health, e-education, e-government
              (re.compile(r"\btele-?(?:medicine|health)\b", re.IGNORECASE), "e-health"),
              (re.compile(r"\be-gov\b(?!-)", re.IGNORECASE), "e-government"),
              # "the academia resolution (169)": a number in brackets after the word is its number
              (re.compile(r"\b(Res(?:olution)?|reso|Decision|Dec)\.?\s*\((\d{1,3})\)", re.IGNORECASE), r"\1 \2"),
              # "res (PP 123)", "PP 123": a conference with a three-digit number names its resolution ("PP-18",
              # "PP 22" are the conferences themselves)
              (re.compile(r"\b(?:(Res(?:olution)?|reso)\.?\s*\(\s*)?(PP|WTSA|WTDC)\s+(\d{3})\b(?![-./]\d)(\s*\))?",
                          re.IGNORECASE),
               lambda m: f"{m.group(2)} Resolution {m.group(3)}"),
              # "reso 77", "abt": chat spellings of "Resolution" and "about"
              (re.compile(r"\bresos?\b\.?(?=\s*\d)", re.IGNORECASE), "Resolution"),
              (re.compile(r"\babt\b", re.IGNORECASE), "about"),
              # "evry yr": too short for the speller, which leaves four-letter words alone
              (re.compile(r"\bevry\b", re.IGNORECASE), "every"),
              # "res1 sec 4", "A8 cl 4.1", "tsag mtgs": a reference and a word typed in chat shorthand
              (re.compile(r"\b(res|reso|dec)(\d{1,3})\b", re.IGNORECASE), r"\1 \2"),
              (re.compile(r"\bcl\.?\s*(?=\d)", re.IGNORECASE), "clause "),
              (re.compile(r"\bsec\.?\s*(?=\d)", re.IGNORECASE), "section "),
              # … "s.2.3.2", "s12.1" (as a clause id writes it: "wtsa-res-1@…#s9.3.5")
              (re.compile(r"(?<![\w.])s\.?\s?(?=\d+\.\d)"), "section "),
              (re.compile(r"\bmtg(s?)\b", re.IGNORECASE), r"meeting\1"),
              (re.compile(r"\bconf(s?)\b\.?(?!-)", re.IGNORECASE), r"conference\1"),
              # "is that just for MSs?", "SMs and associates": Member States and Sector Members, in capitals only
              (re.compile(r"\bMSs\b|\bMS(?=\s+(?:and|or|&)\s+SMs?\b)"), "Member States"),
              (re.compile(r"\bSMs\b"), "Sector Members"),
              # "… hv to commit … a new qn b4 … btwn wtsas", "<12 days": chat spellings of small words
              (re.compile(r"(?<!\S)<\s*(?=\d)"), "less than "), (re.compile(r"(?<!\S)>\s*(?=\d)"), "more than "),
              (re.compile(r"\bhv\b", re.IGNORECASE), "have"), (re.compile(r"\bbtwn\b", re.IGNORECASE), "between"),
              (re.compile(r"\bqn(s?)\b", re.IGNORECASE), r"question\1"), (re.compile(r"\bthru\b", re.IGNORECASE), "through"),
              # "the T-side study groups or us in ITU-D?": the Sectors, as a choice between them is written
              (re.compile(r"\b(?<![\w-])([RTD])[- ]side\b"), r"ITU-\1"),
              (re.compile(r"\b(?:us|we|ourselves)\s+(?:in|at|here\s+in|here\s+at)\s+(?=(?:the\s+)?(?:ITU-[RTD]|BR|TSB|BDT)\b)",
                          re.IGNORECASE), ""),
              (re.compile(r"\b(?:twrds?|twds?|twards?)\b", re.IGNORECASE), "towards"),
              (re.compile(r"(?<![\w.])b4(?=\s+(?:a|an|the|it|we|they|that|this|any|each|every|[a-z]+ing)\b)", re.IGNORECASE), "before"),
              # "wat r they invited 2 do", "asked 2 report": a 2 before a verb is "to", never a label
              # (… not after a part: "what does resolves 2 do?")
              (re.compile(r"\b([a-z]+)(\s+)2(?=\s+(?:do|be|get|make|take|help|report|submit|provide|ensure|support|keep|"
                          r"continue|assist|promote|consider|develop|prepare|study|work|cooperate|coordinate)\b)",
                          re.IGNORECASE),
               lambda m: m.group(0) if _PART_WORD_RE.fullmatch(m.group(1)) else f"{m.group(1)}{m.group(2)}to"),
              (re.compile(r"\bmech\b", re.IGNORECASE), "mechanism"),
              # "the SG17 meeting that kicked off the incubation idea": the idiom, in the texts' word
              (re.compile(r"\bkick(s|ed|ing)?\s+off\b", re.IGNORECASE),
               lambda m: {"s": "starts", "ed": "started", "ing": "starting"}.get((m.group(1) or "").lower(), "start")),
              # "developing cntry orgs", "govts", "univs": chat short forms the speller leaves (too far from
              # the word, or too short)
              (re.compile(r"\b(?:cntry|ctry)\b", re.IGNORECASE), "country"),
              (re.compile(r"\b(?:cntries|ctries|cntrys)\b", re.IGNORECASE), "countries"),
              (re.compile(r"(?<![\w.])org(s?)\b(?!\.)", re.IGNORECASE), r"organization\1"),  # (not "itu.org")
              (re.compile(r"\bgovt(s?)\b", re.IGNORECASE), r"government\1"),
              (re.compile(r"\buniv(s?)\b", re.IGNORECASE), lambda m: "universities" if m.group(1) else "university"),
              # "who keeps the action plan up to date?": the texts "update" it ("to continuously update …")
              (re.compile(r"\bup[- ]to[- ]date\b", re.IGNORECASE), "updated"),
              # "the dev conference", "dev countries": ITU chat for "development", "developing" (the speller
              # leaves three-letter words alone)
              (re.compile(r"\bdev\b(?=\s+countr)", re.IGNORECASE), "developing"),
              (re.compile(r"\bdev\b(?=\s+(?:conference|sector|bureau|advisory|study|group|fund|agenda|goals?\b))",
                          re.IGNORECASE), "development"),
              # "the title of a rec", "draft recs": the model reads "Recommendation", not the chat word
              # ("the Recs themselves": capitalized too; "Rec." stays, as references write it)
              (re.compile(r"(?<![\w.])[Rr]ec(s?)\b(?![.-])"), r"Recommendation\1"),
              # chat words the model does not read, which BM25 reads through its synonyms
              (re.compile(r"\bcontrib\.?\s+unit", re.IGNORECASE), "contributory unit"),  # "prelim contrib unit"
              (re.compile(r"\bCU(s?)\b"), r"contributory unit\1"),  # "CU value for member states"
              (re.compile(r"\bHQ\b"), "headquarters"),  # "the new HQ building": the texts never write "HQ"
              (re.compile(r"\bcontrib(s?)\b", re.IGNORECASE), r"contribution\1"),
              # "absolute last deadline", "the very final deadline": a deadline, said with emphasis
              (re.compile(r"\b(?:absolute(?:ly)?\s+|very\s+)?(?:last|final|hard)\s+(?=deadline\b)|\babsolute(?:ly)?\s+(?=deadline\b)",
                          re.IGNORECASE), ""),
              # "who gets to call the meeting off?": the texts say "cancelled"
              (re.compile(r"\bcall(s|ed|ing)?\s+off\s+(?=(?:the|a|an|this|that|its|their)\s)|"
                          r"\bcall(s|ed|ing)?\s+((?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?)off\b", re.IGNORECASE),
               lambda m: {"s": "cancels ", "ed": "cancelled ", "ing": "cancelling "}.get(
                   ((m.group(1) or m.group(2) or "").lower()), "cancel ") + (m.group(3) or "").rstrip()),
              # "how many wks", "3 mths", "yrs": units in chat shorthand
              (re.compile(r"\bwks?\b", re.IGNORECASE), "weeks"),
              # "what % of replies …": a share asked for, as the texts write it ("70 per cent")
              (re.compile(r"\b(what|which)\s+%", re.IGNORECASE), r"\1 percentage"),
              (re.compile(r"\b(?:mths?|mnths?|mos)\b", re.IGNORECASE), "months"),
              (re.compile(r"\b(every|each|per|a)\s+yr\b", re.IGNORECASE), r"\1 year"),
              (re.compile(r"\byrs?\b", re.IGNORECASE), "years"),
              # "48 hrs" are hours; "HR", "the HR plan", "someone in HR" human resources (read as "hours", the HR
              # strategic plan was the strategic plan of the Union)
              (re.compile(r"(?<=\d)\s*hrs?\b", re.IGNORECASE), " hours"),
              (re.compile(r"\bhrs\b(?=\s+(?:before|after|ahead|in\s+advance|notice|later|earlier|max|min)\b)", re.IGNORECASE),
               "hours"),
              (re.compile(r"\bHR\b|\bhr\b(?!\s+(?:before|after|ahead|in\s+advance|notice|later|earlier))"),
               "human resources"),
              # ITU's country groups by their short forms, which the texts spell out where a rule differs by
              # group ("up to fifteen years for least developed countries"): both forms, as the texts define them
              (re.compile(r"(?<![\w(])(?:an?\s+)?(LDC|LLDC|SIDS)(s?)\b(?!\))"),
               lambda m: f"{_COUNTRY_GROUPS[m.group(1)][bool(m.group(2))]} ({m.group(1)}{m.group(2)})"),
              # "prelim", "2024-27", "who fixes it n by when": a preliminary amount, the period as the texts
              # write it ("2024-2027"), "and" (a lone small "n" between words)
              (re.compile(r"\bprelim\b\.?", re.IGNORECASE), "preliminary"),
              (re.compile(r"\b((?:19|20)(\d\d))\s*[-\u2013/]\s*(\d\d)\b(?![-./]\d)"),
               lambda m: f"{m.group(1)}-{m.group(1)[:2]}{m.group(3)}" if m.group(3) > m.group(2) else m.group(0)),
              (re.compile(r"(?<=[a-z,])\s+n\s+(?=[a-z])"), " and "),
              # chat spellings of the words that ask: "wat does …", "wut", "wht", "whcih"
              (re.compile(r"^(\W*)(?:wat|wut|wht)\b", re.IGNORECASE), r"\1what"),
              (re.compile(r"\bwhcih\b", re.IGNORECASE), "which"),
              # "the budget cap": its maximum budget ("CAP" alone is the Common Alerting Protocol)
              (re.compile(r"\b(budget|spending|cost|expenditure|fee)\s+caps?\b", re.IGNORECASE), r"maximum \1"),
              # "whos responsible …": "who's", not "whose" (the speller's nearest word)
              (re.compile(r"\bwhos\b(?=\s+(?:responsible|in\s+charge|supposed|meant|tasked|running|doing|the|on|behind|leading|chairing|"
                          r"TSB|BR|BDT|TSAG|TDAG|RAG|ITU|ITU-[RTD]|SG|current|currently|now|chair|director|head)\b)",
                          re.IGNORECASE), "who is"),
              # "whos TSB director rn", "can academia ppl vote on resos?": chat for "right now", "people", "resolutions"
              (re.compile(r"\brn\b(?=\s*[?!.]*\s*$)", re.IGNORECASE), "currently"),
              (re.compile(r"\bppl\b", re.IGNORECASE), "people"),
              # "how long can a plenipot run?": the model does not read the chat word (U.1's "2 seconds" came first)
              (re.compile(r"\bplenipot(s?)\b(?!\s+conference)", re.IGNORECASE),
               lambda m: "Plenipotentiary Conferences" if m.group(1) else "Plenipotentiary Conference"),
              # "aap last cal", "acessibility coord": A.8's last call, coordination
              (re.compile(r"\blast\s+cal\b", re.IGNORECASE), "last call"),
              (re.compile(r"\bcoord\b\.?", re.IGNORECASE), "coordination"),
              # "d.000 def of roaming charge?", "defn collection charge": a definition asked for
              (re.compile(r"\bdef(?:n|'n)?s?\b\.?(?=\s+(?:of|for)\b)", re.IGNORECASE), "definition"),
              (re.compile(r"\bdef(?:n|'n)s?\b\.?(?!\s+(?:of|for)\b)", re.IGNORECASE), "definition of"),
              (re.compile(r"\bresos\b(?!\s*\d)", re.IGNORECASE), "resolutions"),
              # "pp18 r157", "wtsa-16 r1": a conference's resolution in shorthand, not Recommendation R.157
              (re.compile(r"\b((?:pp|wtsa|wtdc|ra|wrc)(?:-?\d{2})?)\s+r\.?\s?(\d{1,3})\b(?!\.\d)", re.IGNORECASE),
               r"\1 Resolution \2"),
              # "D000", "A1", "E119": a Recommendation typed without its dot ("Q4" is a Question, "C823" a
              # contribution, "G20" a summit).
              # (not a run of labels, "risks R1 R2 R3", "options A1, A2": items a text numbers)
              (re.compile(r"(?<![\w./-])([ABD-FHJ-PR-Z])(\d{1,4})(?![\w.]|/\d)"),
               lambda m: m.group(0) if _in_label_run(m) else f"{m.group(1)}.{m.group(2)}"),
              # … typed in lower case ("a12", "e119"), with two digits at least: "b4" is "before", "w8" "wait"
              (re.compile(r"(?<![\w./-])([abd-fhj-pqs-z])(\d{2,4})(?![\w.]|/\d)"),
               lambda m: m.group(0) if _in_label_run(m) else f"{m.group(1).upper()}.{m.group(2)}"),
              # "a sup5", "A suppl. 5", "a.sup 5": a Supplement of a series, as its number is written ("A.Sup5")
              (re.compile(r"(?<![\w./-])([a-z])\.?\s?sup(?:pl)?\.?\s?(\d{1,2})\b(?![./]\d)", re.IGNORECASE),
               lambda m: f"{m.group(1).upper()}.Sup{m.group(2)}"),
              # "r208 annx1 1.5": in chat a lower-case "r" and a number is a resolution (ITU-T's R-series stops
              # near R.140; ITU-R's Recommendations have two letters)
              (re.compile(r"(?<![\w./-])r(\d{1,3})\b(?![./]\d)"), r"Res \1"),
              # … with one digit when a clause follows: "a8 cl 5.4" (read as "a8 clause 5.4" by then)
              (re.compile(r"(?<![\w./-])([abd-fhj-pr-z])(\d)(?=\s*(?:clause|§|section)\s*\d|\s+def(?:n|inition)?s?\b)"),
               lambda m: f"{m.group(1).upper()}.{m.group(2)}")]


_RUN_GAP = r"\s*(?:,|&|/|and|or)?\s*"


def _in_label_run(m: re.Match[str]) -> bool:
    """The letter-and-number is one of a run of the same letter's ("R1 R2 R3", "A1, A2 and A3"): labels of
    items in a text, not Recommendations."""
    letter = re.escape(m.group(1))
    before, after = m.string[:m.start()], m.string[m.end():]
    return bool(re.search(rf"(?<![\w./-]){letter}\d{{1,4}}{_RUN_GAP}$", before)
                or re.match(rf"{_RUN_GAP}{letter}\d{{1,4}}(?![\w.])", after))


# "What is the SG instructed to do …": "the SG" is the Secretary-General, unless the question is about the
# work of study groups ("before the SG can consider a draft Rec for approval at its meeting").
_THE_SG_RE = re.compile(r"\bthe\s+SG\b(?!\s*\d|[-/])")
# (a Plenipotentiary Recommendation, "PP Rec 7", "the plenipot recommendation on …", is no study group's work)
_PP_REC_RE = re.compile(r"\b(?:PP|plenipot\w*|Plenipotentiary(?:\s+Conference)?)(?:-?\d\d)?\s+Rec(?:ommendation)?s?\b",
                        re.IGNORECASE)
_STUDY_GROUP_WORK_RE = re.compile(r"\b(?<!-)(?:Rec(?:ommendation)?s?|draft|approv\w*|TAP|AAP|WP|working\s+party|rapporteur\w*|"
                                  r"Questions?|contrib\w*|meetings?|mtgs?|chair\w*|vice-chair\w*|study\s+groups?)\b",
                                  re.IGNORECASE)


_COUNCIL_RE = re.compile(r"\bcouncil\b(?!\s+working)", re.IGNORECASE)


# "SG chairs", "SGs": study groups, which the clauses spell out ("SG17" is a name). "A SG meeting" stays:
# read as "study group", TAP questions asked "at the SG meeting" lost their clause to A.Sup5's (measured).
_A_STUDY_GROUP_RE = re.compile(r"\bSG\b(?![\d/-])(?=\s+(?:chairs?\w*|vice-chairs?\w*|chairm[ae]n|management|leadership|"
                               # "on the SG page", "the SG webpage": the study group's, as A.1 and A.Sup5 say
                               r"web\s?pages?|pages?|websites?|sites?|plenar(?:y|ies))\b)")
_STUDY_GROUPS_RE = re.compile(r"\bSGs\b")
_WHICH_SG_RE = re.compile(r"\b(which|what)\s+SG\b(?![\d/-])", re.IGNORECASE)  # "which SG does security?"


def expand_shorthand(text: str) -> str:
    for rx, full in _SHORTHAND:
        text = rx.sub(full, text)
    text = _STUDY_GROUPS_RE.sub("study groups", _A_STUDY_GROUP_RE.sub("study group", text))
    text = _WHICH_SG_RE.sub(r"\1 study group", text)
    # ("e-meetings" are no study group's meetings; the Council hears the Secretary-General, not study groups)
    if _THE_SG_RE.search(text) and (not _STUDY_GROUP_WORK_RE.search(_PP_REC_RE.sub(" ", text)) or _COUNCIL_RE.search(text)):
        text = _THE_SG_RE.sub("the Secretary-General", text)
    return text


# "…, BDT or the Secretary-General?": the candidates offered are the answer's options, not its topic.
_ALTERNATIVES_RE = re.compile(r"[,;:\u2013\u2014-]?\s*(?P<a>(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3})\s+or\s+"
                              r"(?P<b>(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3})\s*\?*\s*$", re.IGNORECASE)


# "… - is that one Sector's job or all of them?", "… for it? BDT alone or the other two as well?": a closing
# choice put as a question of its own.
_CHOICE_RE = re.compile(r"[,;:\u2013\u2014-]?\s*\b(?:is|was)\s+(?:that|this|it)\s+[^?]*\bor\b[^?]*\?*\s*$"
                        # "… - is closing the gap only TSB's job or are BR and BDT tasked as well?"
                        r"|[,;:\u2013\u2014-]\s*\b(?:is|are|was)\s+[^?]*\b(?:only|just|alone|solely)\b[^?]*\bor\b[^?]*\?*\s*$"
                        r"|(?<=\?)\s*[^?]*\b(?:alone|only|on\s+its\s+own)\s+or\b[^?]*\?*\s*$"
                        # "… - BDT alone or all three bureaux?"
                        r"|[,;:\u2013\u2014-]\s*(?:the\s+)?" + _BUREAU + r"\s+(?:alone|only|on\s+its\s+own)\s+or\b[^?]*\?*\s*$"
                        # "… - do we go to ITU-T study groups only, or R and D too?"
                        r"|[,;:\u2013\u2014-]\s*(?:do|should|can|shall|must)\s+(?:we|I|they|you)\s+(?:go\s+to|contact|approach|"
                        r"talk\s+to|work\s+with|turn\s+to)\s+[^?]*\b(?:only|just|alone)\b[^?]*\bor\b[^?]*\?*\s*$",
                        re.IGNORECASE)


# "is X an ITU-D thing or ITU-T?", "X - BDT or TSB job?": a choice between Sectors inside the question.
_INNER_CHOICE_RE = re.compile(
    r"\s*\b(?:an?\s+)?" + _BUREAU + r"(?:'s)?(?:\s+(?:job|task|thing|matter|show|remit|issue|one))?\s+or\s+"
    r"(?:an?\s+|the\s+)?(?:" + _BUREAU + r"|all\s+three|both|the\s+other\s+two)(?:'s)?"
    r"(?:\s+(?:job|task|thing|matter|show|remit|issue|one))?\b", re.IGNORECASE)
# A sentence that only asks which Sector, and where to look: "which sector leads per PP-18?"
_ONLY_ASKS_RE = re.compile(
    r"^\W*(?:so\s+|and\s+|i\.e\.\s+)?(?:(?:which|what)\s+(?:ITU\s+)?(?:sectors?|bureau[sx]?)|who)\s+"
    r"(?:(?:is|are)\s+)?(?:the\s+)?(?:leads?|lead\s+sector|in\s+charge|responsible|handles?\s+it|does\s+it|owns\s+it)?"
    r"\s*(?:(?:per|in|under|according\s+to|based\s+on)\s+(?:the\s+)?[\w./-]+(?:\s+(?:texts?|final\s+acts|resolutions?))?)?"
    r"\s*\W*$", re.IGNORECASE)


# "…? sending ours next week", "…? need it for the SG17 prep": a remark after the question, no part of it.
_REMARK_AFTER_RE = re.compile(r"(?<=\?)\s+(?P<rest>[^?]+)$")


def without_remark(question: str) -> str:
    """The question without a closing remark that asks nothing (no question mark): the remark's words
    ("next week") are not what the clauses must say."""
    question = without_exclusions(question)
    m = _REMARK_AFTER_RE.search(question.strip())
    return question.strip()[:m.start()] if m and m.start() > 0 else question


# "… - is that a BDT job?", "is X mainly a BDT thing?": the Sector offered is the answer to confirm, not the topic.
_ONE_OFFERED_RE = re.compile(r"(?:[,;:\u2013\u2014-]\s*(?:is|was)\s+(?:that|this|it)\s+)?\b(?:(?:mainly|mostly|primarily|really|"
                             r"just|basically|only|purely)\s+)?(?:(?:an?\s+)(?:ITU-[RTD]|BR|TSB|BDT|[RTD])(?:'s)?"
                             r"|(?:ITU-[RTD]|BR|TSB|BDT)'s)\s+"
                             + _SG_OF + r"(?:" + _JOB + r"|one)\b"
                             # ("a T thing or D thing": both sides offered, which _WHOSE_RE strips whole)
                             r"(?!\s*,?\s*or\s+(?:an?\s+)?(?:ITU-[RTD]|BR|TSB|BDT|[RTD])(?:'s)?\b)"
                             r"(?:\s*,?\s*" + _ALL_SIDE + ")?", re.IGNORECASE)


# "is OTT more a T thing or a D thing?": how much, said of the choice, not of the topic
_MORE_OF_RE = re.compile(r"\b(?:more|rather)\s+(?=an?\s+(?:ITU-[RTD]|BR|TSB|BDT|[RTD])(?:'s)?\s)", re.IGNORECASE)


def without_alternatives(question: str) -> str:
    """The question without a closing choice between actors or Sectors ("TSB or BDT?", "is that a BDT
    thing or all three?"), a choice inside it ("is X an ITU-D thing or ITU-T?") and a sentence that only
    asks which Sector ("… ? which sector leads per PP-18")."""
    question = _MORE_OF_RE.sub("", question)
    sentences = [p for p in re.split(r"(?<=\?)\s+", question.strip()) if p.strip()]
    if len(sentences) > 1 and (kept := [p for p in sentences if not _ONLY_ASKS_RE.match(p)]) \
            and len(kept) < len(sentences):
        question = " ".join(kept)
    closing = _without_closing_choice(question)
    if closing != question:
        return closing
    inner = _ONE_OFFERED_RE.sub("", _INNER_CHOICE_RE.sub("", question))
    # each side offered ("a T thing or a D thing") leaves the "or" between them
    inner = re.sub(r"\s+or\s*(?=[?.!]*\s*$)", "", inner)
    # "is this ITU-T or ITU-R?" leaves nothing to ask about: it stays as asked
    said = [w for w in re.findall(r"[\w'/-]+", inner) if w.lower() not in ("is", "this", "that", "it", "a", "an", "the")]
    return inner if said else question


def _without_closing_choice(question: str) -> str:
    chosen = _CHOICE_RE.search(question)
    if chosen and len(question[: chosen.start()].split()) >= 3:
        return question[: chosen.start()].rstrip(" ,;:-\u2013\u2014?") + "?"
    m = _ALTERNATIVES_RE.search(question)
    if not m:
        return question
    a, b = (re.sub(r"^the\s+", "", m.group(g), flags=re.IGNORECASE) for g in ("a", "b"))
    # Each option is an actor from its first word ("BDT", "the Secretary-General", "ITU-T")
    if not all(any(pos == 0 for pos, _ in actors_in(x)) for x in (a, b)):
        return question
    rest = question[: m.start()].rstrip(" ,;:-")
    return rest + "?" if len(rest.split()) >= 2 else question


# How the asker wants it said, not what about: "what's E.119 about in a nutshell?"
_ASIDE_RE = re.compile(r",?\s*\b(?:in\s+a\s+nutshell|in\s+short|in\s+brief|in\s+plain\s+(?:English|terms|words)|tl;?dr"
                       r"|(?:can\s+you\s+)?remind\s+me(?:\s+again)?(?=\s+(?:who|what|when|where|which|how|whether|if)\b)"
                       r"|in\s+(?:one|a\s+few)\s+(?:lines?|sentences?|words?))\b", re.IGNORECASE)


# Who is asking, not what about: "our ministry has questions about our ccTLD - …", "my boss wants to know
# about …". Left in, "ministry" and "questions" were words the clauses had to hold (blind23, first run).
_ASKER_RE = re.compile(r"^\s*(?:(?:my|our|the)\s+)?(?:ministry|minister|regulator|administration|government|delegation|"
                       r"boss|team|office|director|colleagues?|head\s+of\s+delegation|member\s+state|operator|client)"
                       r"\s+(?:has|have|had|is\s+asking|asked|asks|wants\s+to\s+know|is\s+wondering)\s+"
                       r"(?:(?:a|some|few|a\s+few)\s+)?(?:questions?|quer(?:y|ies)|concerns?|issues?|problems?|trouble)?\s*"
                       # "… has some issues with how our ccTLD is handled"
                       r"(?:about|on|regarding|re:?|over|with)\s+(?:how\s+)?", re.IGNORECASE)


# Why the asker asks, before a colon or a dash: "boss wants a one-liner: …", "for the briefing note: …",
# "doing a brief for our delegation - …"; and "my DG asked whether … what do i tell her?"
# (words of the asker's world only: "director of TSB: what must he report?" names the topic before its colon)
_FRAMING = (r"(?:boss|DG|minister|HoD|colleague|brief|briefing(?:\s+note)?|one-liner|talking\s+points?|speech|memo|"
            r"for\s+the\s+record)")
_FRAME_RE = re.compile(r"^\s*[^:?\u2013\u2014]{0,60}?\b" + _FRAMING + r"\b[^:?\u2013\u2014]{0,40}?(?::|\s[-\u2013\u2014]+\s)\s*"
                       r"|^\s*(?:my|our|the)\s+" + _FRAMING + r"\s+(?:asked|asks|is\s+asking|wants\s+to\s+know|wonders|"
                       r"is\s+wondering)\s+(?:me\s+|us\s+)?(?:whether|if)\s+", re.IGNORECASE)
_TELL_RE = re.compile(r"[.?]?\s*\bwhat\s+(?:do|should|shall|can)\s+(?:i|we)\s+(?:tell|say\s+to|answer|reply\s+to)\s+"
                      r"(?:him|her|them|my\s+\w+|our\s+\w+)\s*\??\s*$", re.IGNORECASE)


# … after the question: "anything on AI in our texts? need a line for a briefing", "can academia vote on recs?
# asking for a colleague" (a last sentence with a word of the asker's world and no question of its own)
_FRAME_AFTER_RE = re.compile(r"(?<=\?)\s*(?![^?]*\b(?:which|who|whom|whose|what|when|where|why|how)\b)[^?]*?\b(?:"
                             + _FRAMING + r"|colleagues?|asking\s+(?:for|4)|need(?:ed)?\s+(?:a|an|some)\s+(?:line|sentence|"
                             r"quote|para(?:graph)?|bullet|answer)|thanks|thx|ty|cheers)\b[^?]*$", re.IGNORECASE)


# Who the asker is, before what they ask about: "I'm a journalist covering phone snatching. …", "Our consumer
# association wants to talk to ITU about protecting people who buy phone plans. …" (the persona's words are no
# words of the topic: "journalist" was refused as a word no text uses)
_PERSONA = (r"(?:journalist|reporter|professor|researcher|student|academic|lawyer|consultant|regulator|official|engineer|"
            r"delegate|operator|analyst|teacher|lecturer|blogger|writer|entrepreneur|diplomat)")
_PERSONA_ORG = (r"(?:association|ministry|company|firm|regulator|operator|NGO|university|organi[sz]ation|agency|government|"
                r"administration|team|office|client|start-?up|school|hospital|council|union)")
_PERSONA_RE = re.compile(r"^\W*(?:(?:I'm|I\s+am|Im|we're|we\s+are)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?" + _PERSONA + r"s?\b"
                         r"(?:\s+(?:covering|writing\s+(?:about|on)|working\s+on|looking\s+(?:at|into)|studying|researching|"
                         r"interested\s+in|thinking\s+(?:of|about)|from\s+\w+))?,?\s*"
                         r"|(?:our|my)\s+(?:[\w-]+\s+){0,2}?" + _PERSONA_ORG + r"\s+(?:wants?|would\s+like|needs?|hopes?|plans?)\s+"
                         r"to\s+(?:talk|speak|write|reach\s+out|get\s+in\s+touch)\s+(?:to|with)\s+(?:the\s+)?ITU\s+"
                         r"(?:about|on|regarding)\s+)", re.IGNORECASE)


def without_framing(text: str) -> str:
    """The question without why the asker asks; unchanged when that would leave too little."""
    text = _FRAME_AFTER_RE.sub("", text).strip() or text
    if (persona := _PERSONA_RE.search(text)) and re.search(r"[.!?]\s+\S", text[persona.end():]):
        text = text[persona.end():].strip() or text  # (only before a question of its own, in a later sentence)
    m = _FRAME_RE.search(text)
    if m and re.search(r"\b(?:about|regarding|concerning|re)\b", m.group(0), re.IGNORECASE):
        return text  # "my boss wants to know about the ITU Journal: who runs it?" names the topic there
    rest = _TELL_RE.sub("?", _FRAME_RE.sub("", text, count=1)).strip()
    return rest if len(rest.split()) >= 3 else text


def read_query(question: str, corrector: Corrector | None = None, embedder: str = "") -> Query:
    """`embedder`: the configured one's name; a French or Spanish question is read in English through the
    glossary unless it understands the question's language (then it is searched as asked)."""
    asked = question.strip()
    text = expand_shorthand(_ASKER_RE.sub("", without_framing(_ASIDE_RE.sub("", clean_text(asked)))).strip()
                            or clean_text(asked))
    language = detect_language(text)
    read_as = ""
    if language in ("fr", "es") and not answers_in(language, embedder):
        # Read through ITU's terminology when the glossary knows most of the question's words.
        english, share = to_english(text, language)
        if share >= MIN_SHARE and english.strip(" ?"):
            text = read_as = english
    text, fixes = fix_reference_words(text)
    if corrector is not None and language == "en":
        text, more = corrector.correct(text)
        fixes += more
    intent, ref = detect(text)
    # (in the texts' words: "who helps countries put the security Recs into practice" asks about implementing them;
    # a statement of context before the question is part of its topic: "We run a small telco in a landlocked
    # country. Which ITU bureau helps with connecting countries without a coastline?" names the topic there)
    topic = sector_topic(clean_topic(in_texts_words(without_alternatives(text)))) if intent == "sector" \
        else topic_of(text)
    return Query(text=text, intent=intent, reference=ref, references=references_named(text),
                 topic=topic, language=language, asked=asked, corrections=fixes, read_as=read_as)


def reading_notes(query: Query, embedder: str) -> list[str]:
    """What the user should know about how the question was read: corrected words, and a question in
    another language when the embedder understands only English."""
    notes = []
    if query.corrections:
        notes.append("Read " + ", ".join(f"\u2018{a}\u2019 as \u2018{b}\u2019" for a, b in query.corrections) + ".")
    if query.read_as and not answers_in(query.language, embedder):
        notes.append(f"This question looks {LANGUAGE_NAMES.get(query.language, query.language)}; questions are "
                     f"answered in English, so it was read through ITU's terms as “{query.read_as}”.")
    elif not answers_in(query.language, embedder):
        notes.append(english_only_note(query.language))
    return notes


# ---- input as typed ------------------------------------------------------------------------------

# Zero-width and formatting characters pasted from Word or the web: invisible, so they must not split
# "resolves\u200b 3" into a word and a stray label.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e]")
_SPACE_RE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """The question as the parsers read it: NFKC (full-width digits, odd spaces), hyphens folded,
    invisible characters dropped, whitespace runs folded to one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE_RE.sub("", norm_hyphens(text))
    return _SPACE_RE.sub(" ", text).strip()


# Words that make a reference; a typo in one of them ("Reslution 57 resolvs 3") is read as the word
# when a number or a label follows it, never elsewhere in a sentence.
_REFERENCE_WORDS = (
    "resolution", "resolutions", "decision", "resolves", "considering", "instructs", "invites", "requests",
    "encourages", "urges", "recognizing", "recalling", "noting", "decides", "section", "annex", "appendix",
    "clause",
)
_WORD_THEN_LABEL = re.compile(r"\b([A-Za-z]{4,})(?=\s*(?:§\s*)?(?:No\.?\s*)?(?:\d|[a-z]\)|[A-Z]\b))")


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal string alignment distance (a transposition counts once), capped at `limit`."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def max_typos(word: str) -> int:
    """How many edits a word of this length may carry and still be recognised."""
    return 1 if len(word) <= 6 else 2


def fix_reference_words(text: str) -> tuple[str, list[tuple[str, str]]]:
    """"Reslution 57 resolvs 3" → "resolution 57 resolves 3", with what was read as what."""
    fixes: list[tuple[str, str]] = []
    # "resolves-further 4", "resolvs-to-instruct 5": a part's words joined by hyphens
    text = _JOINED_PART_RE.sub(lambda m: m.group(0).replace("-", " "), text)

    def repl(m: re.Match[str]) -> str:
        word = m.group(1)
        low = word.lower()
        if low in _REFERENCE_WORDS:
            return word
        best = min(_REFERENCE_WORDS, key=lambda w: edit_distance(low, w))
        if edit_distance(low, best) <= max_typos(low) and low[0] == best[0]:
            fixes.append((word, best))
            return best
        return word

    return _WORD_THEN_LABEL.sub(repl, text), fixes


_JOINED_PART_RE = re.compile(r"\b(?:resol\w*|further|instruct\w*|decides|invites|requests)(?:-(?:resol\w*|further|to|"
                             r"instruct\w*|decides|invites|requests))+\b", re.IGNORECASE)


# ---- references people type ---------------------------------------------------------------------

_BODY_WORDS: dict[str, Body] = {
    "wtsa": "WTSA", "pp": "PP", "wtdc": "WTDC", "ra": "RA", "wrc": "WRC", "plenipotentiary": "PP",
    "plenipot": "PP", "plenipotentiary conference": "PP", "plenipot conference": "PP",
    # "ITU-R res 1" is the Radiocommunication Assembly's "Resolution ITU-R 1", "ITU-D Resolution 2" WTDC's
    "itu-r": "RA", "itu-t": "WTSA", "itu-d": "WTDC",
}
# The rarer preamble headings are everyday words too ("what is Res 70 concerned with?"): they name a part
# only with a label after them ("Res 2 conscious c").
_RARE_PART_WORDS = frozenset([
    "having noted", "having considered", "noting with appreciation", "noting with satisfaction",
    "noting with concern", "aware", "conscious", "convinced", "concerned", "emphasizing", "mindful",
    "highlighting", "welcoming", "stressing", "appreciating", "reaffirming", "affirming", "observing",
    "acknowledging", "underlining", "realizing", "keeping in mind", "guided by"])
_PART_WORDS = (
    # longest first ("further resolves" before "resolves")
    "further resolves", "further decides", "further invites", "further requests", "further instructs",
    *sorted(_RARE_PART_WORDS, key=len, reverse=True),
    "resolves further", "noting further", "considering further", "recognizing further", "recalling further",
    "taking into account also", "recognizing also", "noting also", "considering also", "recalling also",
    "instructs the director of tsb", "instructs the director of bdt", "instructs the director of br",
    "instructs the secretary-general", "instructs", "invites", "requests", "encourages", "urges",
    "taking into account", "bearing in mind", "noting", "considering", "recognizing", "recalling",
    "resolves", "decides", "recommends", "authorizes",
)
# A label as typed: "3", "4.3 bis", "b)", "b) bis"; references after a part word also take a bare "b".
# An item under a numbered clause as printed: "2 vi)", "1 iii)".
_NUMBERED_LABEL = r"\d+(?:\.\d+)*\s?(?:bis|ter)?(?:\s?[ivx]{1,4}\))?|[a-z]\)\s?(?:bis|ter)?(?:\s?[ivx]{1,4}\))?"
_ONE_LABEL = rf"(?:{_NUMBERED_LABEL}|[a-z]\b)"
_ONE_LABEL_RE = rf"(?:{_NUMBERED_LABEL})"
# An operative part named with its addressee, up to its label: "instructs the Secretary-General, in close
# collaboration with the Directors of the Bureaux 2", "invites Member States 3".
_ADDRESSED_RE = re.compile(
    # ("instr SG 1 of Res 11": the short forms delegates type, as after the instrument)
    r"\b(?P<verb>(?:further\s+)?(?:instructs|invites|requests|encourages|urges|instr\.?|inv\.?|req\.?)|"
    r"resolves\s+to\s+instruct)\s+"
    r"(?P<who>(?:the\s+)?[A-Z][\w,'/ -]*?)"
    rf"(?:(?:\s+(?P<label>{_ONE_LABEL_RE})(?:\s*(?:-|to)\s*(?P<to>{_ONE_LABEL_RE}))?)?\s*(?:[?.!,;:\u2013\u2014-]|$)"
    # (labelled, before its instrument: "instr SG 1 of Res 11")
    rf"|\s+(?P<tied>{_ONE_LABEL_RE})\s+(?=(?:of|in|from)\s|(?:say|says|said|state|states|mean|means|cover|covers)\b))",
    re.IGNORECASE)
_ADDRESSEE_WORDS = re.compile(r"\b(?:director|directors|secretary-general|council|bureaux?|member|sector|"
                              r"study|groups?|tsag|rag|tdag|administrations|states|membership|academia|sg|tsb|bdt|br)\b",
                              re.IGNORECASE)
# Short forms delegates type after the instrument: "Res. 57, res. 3", "Res 1 cons. b)".
_PART_ABBREV = {"res": "resolves", "cons": "considering", "consid": "considering", "instr": "instructs",
                "recog": "recognizing", "req": "requests", "inv": "invites"}
# ("RCC 47A4" typed with a space: only in the shape of an addendum number, never "WTSA 16")
# ("rcc 47a4", "rcc/47a4/1" typed in lower case: in the shape of an addendum number only)
_SYMBOL_RE = re.compile(r"\b([A-Z][A-Za-z]{1,9})(?:/|\s(?=\d+A\d+\b))(\d+[A-Z]?\d*)(?:/(\d+))?\b"
                        r"|\b([a-z]{2,9})[/\s](\d+a\d+)(?:/(\d+))?\b")
_RES_RE = re.compile(
    r"\b(?:(?P<body>WTSA|PP|WTDC|RA|WRC|ITU-[RTD]|plenipot(?:entiary)?(?:\s+conference)?)(?:-?(?P<yy>\d{2}))?\s+)?"
    # French "Résolution", Spanish "Resolución"/"Res." as well: a question in another official language
    # still names its instrument.
    r"(?:Res(?:olution)?s?\.?|R[ée]solutions?|Resoluci[oó]n(?:es)?|(?P<dec>Dec(?:ision)?s?\.?|D[ée]cision|Decisi[oó]n)"
    # "PP Recommendation 7", "plenipot rec 7": a conference's Recommendation, named with its conference (a bare
    # "Recommendation 7" is no instrument of one)
    r"|(?P<rec>(?(body)Rec(?:ommendation)?s?\.?|(?!))))"
    r"\s*(?:No\.?\s*|n[°º]\s*)?(?P<num>ITU-R\s*\d+(?:-\d+)?|\d+)"
    r"(?:\s*\((?P<rev>[^()]*\d{4})\))?",
    re.IGNORECASE,
)
_LABEL_AFTER_PART = re.compile(
    rf"^\s*(?P<label>{_ONE_LABEL})(?:\s*(?:-|to|through|until)\s*(?P<to>{_ONE_LABEL}))?", re.IGNORECASE)
_SEC_LABEL = r"\d+(?:\.\d+)*(?:\s?bis)?"
_SECTION_RE = re.compile(
    rf"(?:\bsections?|\bsec\.|§§?|\bclauses?|\bcl\.|\bpara(?:graph)?s?\.?)\s*(?P<label>{_SEC_LABEL})"
    rf"(?:\s*(?:-|to|through|until)\s*(?:§\s*)?(?P<to>{_SEC_LABEL}))?", re.IGNORECASE)
_BARE_SECTION_RE = re.compile(r"(?<![\w.§])(?P<label>\d{1,2}(?:\.\d{1,2}){1,4})(?![\w.])")
_ANNEX_RE = re.compile(r"\b(?P<part>annex|appendix)\s+(?P<label>[A-Z]|\d+|[IVX]+)\b", re.IGNORECASE)
_PREFIX_BODY_RE = re.compile(r"\b(WTSA|PP|WTDC|RA|WRC)(?:-?\d{2})?\b")
# A part named before its instrument must be tied to it: "resolves 3 of Res 57", "§1.11.3 in Resolution 1".
# ("resolves 6 of the RCC draft Res 57", "resolves 2 of the proposed Res 57": a version described on the way)
# ("… c in RCC's Res57 mod": the sender's possessive too)
_TIED_TO_NEXT = re.compile(r"^\s*,?\s*(?i:of|in|from|to)?\s*(?i:the\s+)?(?:(?:[A-Z]{2,9}(?:['\u2019]s)?|(?i:draft|proposed|revised|"
                           r"modified|amended|new|current|latest))\s+){0,2}$")

# Conference venues whose names identify a revision ("the Dubai text", "Res 57 (Hammamet)").
_PLACES = (
    "Hammamet", "Dubai", "Johannesburg", "Florianópolis", "Florianopolis", "Geneva", "Busan", "Guadalajara",
    "Antalya", "Marrakesh", "Minneapolis", "Kyoto", "Hyderabad", "Doha", "Istanbul", "Kigali", "Montreal",
    "Helsinki", "Buenos Aires", "New Delhi", "Sharm el-Sheikh", "Bucharest", "Valletta", "Nice", "Malta",
    "Addis Ababa", "Kuala Lumpur", "Mar del Plata", "Durban", "Baku", "Dubrovnik", "Hyderabad",
)
_PLACE_ALT = "|".join(re.escape(p) for p in sorted(set(_PLACES), key=len, reverse=True))
_REVISION_RES = (
    # "(Rev. Dubai, 2012)", "Dubai, 2012", "Dubai 2012"
    re.compile(rf"\b(?P<place>{_PLACE_ALT})\s*,?\s*(?P<year>(?:19|20)\d{{2}})\b", re.IGNORECASE),
    # "the Dubai text", "Dubai version", "as revised at Hammamet", "Rev. Dubai"
    re.compile(rf"\b(?P<place>{_PLACE_ALT})\s+(?:text|version|revision|edition|one)\b"
               rf"|\b(?:Rev\.?|revised\s+(?:at|in)|adopted\s+(?:at|in))\s+(?P<place2>{_PLACE_ALT})\b",
               re.IGNORECASE),
    # "WTSA-12", "WTDC-14": the assembly's year
    re.compile(r"\b(?:WTSA|WTDC|PP|RA|WRC)-?(?P<yy>\d{2})\b", re.IGNORECASE),
)


def revision_named(text: str, by_assembly: bool = True) -> Revision | None:
    """A revision a question names ("in the Dubai text", "WTSA-12", "Hammamet, 2016"); year 0 when
    only the place is given. `by_assembly=False`: by its venue only, never by an assembly's year ("WTSA-12")."""
    q = clean_text(text)
    for rx in _REVISION_RES if by_assembly else _REVISION_RES[:2]:
        m = rx.search(q)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("yy"):
            return Revision(place="", year=2000 + int(groups["yy"]))
        raw = groups.get("place") or groups.get("place2") or ""
        place = next(p for p in _PLACES if p.lower() == raw.lower())
        return Revision(place=place, year=int(groups["year"]) if groups.get("year") else 0)
    return None


def venue_named(text: str) -> Revision | None:
    """A revision named loosely, as in "what changed at Hammamet?": any venue or assembly the question
    names (year 0 when only the place is given)."""
    rev = revision_named(text)
    if rev is not None:
        return rev
    m = re.search(rf"\b(?P<place>{_PLACE_ALT})\b", clean_text(text), re.IGNORECASE)
    if m is None:
        return None
    return Revision(place=next(p for p in _PLACES if p.lower() == m.group("place").lower()), year=0)


def references_named(question: str) -> list[Reference]:
    """Every resolution a question names, in order: "WTDC Resolution 59 … according to Res 57"."""
    q, _ = fix_reference_words(clean_text(question))
    out = []
    ends = []
    for m in _RES_RE.finditer(q):
        ref = parse_reference(m.group(0))
        if ref is not None and ref.number:
            out.append(ref)
            ends.append(m.end())
    if len(out) == 1 and out[0].revision is None:
        # "What does Res 57 say about IMT in the Dubai text?" (not "res 77 resolves 4.2: wrc19 dates?")
        out[0].revision = revision_named(q[: ends[0]] + _QUESTION_BREAK_RE.split(q[ends[0]:], maxsplit=1)[0])
    return out


# Recommendations and meeting documents: "A.1 clause 3.1.8", "Rec. ITU-T A.1 §3.1.8", "SG17-C823 §2.2.1",
# "C823 2.2.1". A bare "A.1" or "C823" is not taken as a reference: it needs a Rec/ITU-T prefix or a clause.
_REC_REF_RE = re.compile(
    r"(?:\b(?P<rec>Rec(?:ommendation)?\.?\s+)?(?P<sector>ITU-[TR]\s+)?)?\b(?P<num>[A-Z]{1,2}(?:\.|\s(?=Sup))(?:Sup\s?)?\d+(?:\.\d+)*)"
    r"(?:\s*(?:\(\d{2}/\d{4}\)))?(?P<clause>,?\s*(?:clause|cl\.|§|section|sec\.|annex|appendix)\s*"
    # roman first: "III.3.2" is a label of its own, not "I" then something
    # (a word after it is no label: "the A.Sup5 appendix on multilateral collaboration")
    r"(?P<label>(?:[IVX]+(?=\.\d)|[A-Z])?(?:\.?\d+)*(?:\.\d+)*)(?![A-Za-z]))?",
    re.IGNORECASE,
)
_MORE_RECS_RE = re.compile(r"\s*(?:,|and\b|or\b|&|/)\s*(?P<series>[A-Z]{1,2})\.(?:Sup\s?)?\d+(?:\.\d+)*"
                           r"(?P<third>\s*(?:,|and\b|or\b|&)\s*[A-Z]{1,2}\.(?:Sup\s?)?\d)?", re.IGNORECASE)
_MEETING_REF_RE = re.compile(
    # ("c823" in chat: a small "c" with three or four digits)
    # ("C-823", "TD-2484": the symbol typed with a hyphen)
    r"\b(?P<sym>(?:(?:SG\d{1,2}|TSAG|TDAG|RAG|sg\d{1,2})-)?(?P<type>C|TD|td|c(?=[-\s]?0*\d{3,4}\b))[\s-]?0*\d+)\b"
    r"\s*,?\s*(?:§|section|clause|sec\.)?\s*(?P<label>\d+(?:\.\d+)*)?",
)


def meeting_symbols(question: str) -> list[str]:
    """Meeting documents a question names, bare or in full ("TD 2484", "C 823", "SG17-C823"), in order,
    as their short symbols ("TD2484", "C823")."""
    out: list[str] = []
    for m in _MEETING_REF_RE.finditer(clean_text(question)):
        sym = re.sub(r"(C|TD)0+(\d)", r"\1\2", re.sub(r"\s", "", m.group("sym")).upper()).split("-")[-1]
        if sym not in out:
            out.append(sym)
    return out


def _rec_number(typed: str) -> str:
    """"a sup5" → "A.Sup5", "A.sup 5" → "A.Sup5", "e.119" → "E.119"."""
    num = re.sub(r"\s", "", typed).upper().replace("SUP", "Sup")
    return re.sub(r"^([A-Z]{1,2})(?=Sup)", r"\1.", num)


def _rec_or_meeting_reference(q: str, query: str) -> Reference | None:
    m = _MEETING_REF_RE.search(q)
    # a bare symbol ("c823") is a document only with its annex beside it: "annex 5 of c823", "c823 annex 5"
    # (… "annex 5 of the TP.inno baseline in C823": what the document holds named between)
    before = re.search(_ANNEX_RE.pattern + r"\s+(?:of|in|to)\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}?(?:(?:of|in|to)\s+(?:the\s+)?)?$",
                       q[: m.start()], re.IGNORECASE) if m and not m.group("label") else None
    after = re.match(r"^\s*,?\s*(?:the\s+)?" + _ANNEX_RE.pattern, q[m.end():], re.IGNORECASE) \
        if m and not m.group("label") else None
    if m and (m.group("label") or "-" in m.group("sym") or before or after):
        sym = re.sub(r"\s", "", m.group("sym")).upper()
        sym = re.sub(r"(C|TD)-?0*(\d)", r"\1\2", sym)
        kind = "contribution" if m.group("type").upper() == "C" else "td"
        annex = after or before
        if annex:  # "SG17-C823 annex 5, what does it contain?"
            return Reference(number=sym, kind=kind, part=f"{annex.group('part').capitalize()} {annex.group('label').upper()}",
                             text=query)
        return Reference(number=sym, kind=kind, part="section" if m.group("label") else None, label=m.group("label"),
                         text=query)
    m = _REC_REF_RE.search(q)
    if m and (more := _MORE_RECS_RE.match(q, m.end("num"))) and (
            more.group("series").upper() == m.group("num")[:len(more.group("series"))].upper() or more.group("third")):
        # "the A-series recs (A.1, A.8, A.12 etc)": several Recommendations, not clause A.8 of A.1 ("D.000, A.25"
        # and "D.000 A.19.2.2" stay clauses of D.000: its annex labels them so)
        return None
    # Any order and ranges, as for resolutions: "clause 3.1 of A.1", "Annex A of A.1", "A.1 clauses 1.3 to 1.5".
    found = m and (_part_in(q[m.end("num"):], tied=False) or _part_in(q[: m.start()], tied=True))
    if m and found and found[0] in ("section", "annex", "appendix"):
        num = _rec_number(m.group("num"))
        part, label, label_to = found
        # "annex A 28", "Annex A A.31", "Annex A clause A.31": clause A.28 / A.31 of the annex
        sub = re.search(rf"\b{part}\s+{label}\s*(?:[.\s]\s*|\s+(?:clause|cl\.?|§|para(?:graph)?)\s*)"
                        rf"(?:{label}\.)?(\d+(?:\.\d+)*)\b", q, re.IGNORECASE) if part == "annex" else None
        if sub:  # "D.000 annex A 28": clause A.28 of the annex
            part, label, label_to = "section", f"{label}.{sub.group(1)}", None
        if part == "section":
            return Reference(number=num, kind="recommendation", part="clause", label=label, label_to=label_to,
                             text=query)
        return Reference(number=num, kind="recommendation", part=f"{part.capitalize()} {label}", text=query)
    if m and (m.group("rec") or m.group("sector") or m.group("clause")):
        num = _rec_number(m.group("num"))
        ref = Reference(number=num, kind="recommendation", text=query)
        if m.group("clause"):
            word = re.sub(r"[,\s]", "", m.group("clause")).lower()
            label = m.group("label") or None
            if word.startswith(("annex", "appendix")):
                ref.part = (("Annex " if word.startswith("annex") else "Appendix ") + (label or "")).strip()
            else:
                ref.part, ref.label = "clause", label
        return ref
    return None


def parse_reference(query: str) -> Reference | None:
    """Parse "Res 57 resolves 3", "resolves 3 of Res 57", "Resolution 1 section 4", "Res 57 resolves 3-4",
    "Res 57 (Dubai, 2012)", "RCC/47A4/1" … or return None."""
    q, _ = fix_reference_words(clean_text(query))
    if not _RES_RE.search(q):
        other = _rec_or_meeting_reference(q, query)
        if other is not None:
            return other
    sym = _SYMBOL_RE.search(q)
    sender, number, item = (sym.group(1, 2, 3) if sym.group(1) else sym.group(4, 5, 6)) if sym else (None, None, None)
    if sym and sender and number and not re.match(r"^(?:ITU|Rev)$", sender, re.IGNORECASE):
        ref = Reference(symbol=f"{sender.upper()}/{number.upper()}", proposal=int(item) if item else None, text=query)
        # "RCC/47A4/1 resolves 3", "taking into account b) of RCC/47A4": one clause of what it proposes.
        proposed = _AS_PROPOSED_RE.search(q[: sym.start()])
        if proposed and (found := _part_in(q[: proposed.start()], tied=False)):
            # a citation as the answers print it: "WTSA Resolution 57 (…), resolves 3 (as proposed in MOD RCC/47A4/1)"
            ref.part, ref.label, ref.label_to = found
        else:
            after = q[sym.end():]
            named = _RES_RE.match(after.lstrip(" ,"))
            if named and (len(named.group("num")) >= 2 or _part_in(after.lstrip(" ,")[named.end():], tied=False)):
                # "RCC/47A4 res 57 mod proposal": the Resolution it proposes to change, not its resolves 57 (a
                # resolution's resolves seldom run past 9; "RCC/47A4 res 3" stays resolves 3)
                after = after.lstrip(" ,")[named.end():]
            _read_part(ref, q[: sym.start()], after)
        if ref.part == "section" or not ref.label:
            ref.part = ref.label = ref.label_to = None
        return ref
    m = _RES_RE.search(q)
    if not m:
        return None
    num = re.sub(r"\s+", " ", m.group("num")).upper()
    if num.startswith("ITU-R") and not num.startswith("ITU-R "):
        num = "ITU-R " + num[5:]
    body: Body | None = None
    if m.group("body"):
        body = _BODY_WORDS[re.sub(r"\s+", " ", m.group("body").lower())]
    else:
        # (the conference just before the number: "WTSA-12 Res 57", "what did WTSA-16 change in Res 57?"; not
        # "for the WTDC prep slides - what's the one thing res 203 resolves?")
        near = re.split(r"[.;:?!]|\s[-\u2013\u2014]\s", q[: m.start()])[-1][-30:]
        pb = _PREFIX_BODY_RE.search(near) or re.search(
            r"\bof (?:the )?(WTSA|PP|WTDC|RA|Plenipotentiary)\b", q[m.end():], re.IGNORECASE)
        if pb:
            body = _BODY_WORDS.get(pb.group(1).lower())
    if num.startswith("ITU-R"):
        body = "RA"
    elif body == "RA" and (m.group("body") or "").upper() == "ITU-R":
        num = f"ITU-R {num}"
    revision = later_reading(m.group("rev")) if m.group("rev") else None
    ref = Reference(body=body, number=num, revision=revision, text=query,
                    kind="decision" if m.group("dec") else "recommendation" if m.group("rec") else None)
    if m.group("yy"):  # "WTSA-16" names the assembly year; matched against revision years
        ref.revision = Revision(place="", year=2000 + int(m.group("yy")))
    if ref.revision is None:  # "Res 57 Dubai resolves 3": a venue right after the number names the revision
        venue = re.match(rf"^\s*,?\s*\(?(?:Rev\.?\s*)?({_PLACE_ALT})\b", q[m.end():], re.IGNORECASE)
        if venue:
            ref.revision = Revision(place=next(p for p in _PLACES if p.lower() == venue.group(1).lower()), year=0)
    if ref.revision is None:  # named apart from the number, never taken from another instrument's date
        # … nor from what the question goes on to ask after a break: "res 77 resolves 4.2: wrc19 dates?"
        # asks about WRC-19 in PP Resolution 77, no 2019 edition of it
        # … nor a conference named after the clause asked ("res 77 resolves 4.2 wrc19 where + when??"): only a
        # venue there names the text's revision ("Res 57 resolves 3 in the Dubai text")
        after = _QUESTION_BREAK_RE.split(q[m.end():], maxsplit=1)[0]
        part_at = _PART_WORD_AT_RE.search(after)
        ref.revision = revision_named(_RES_RE.sub(" ", q[: m.start()] + " | " + (after[: part_at.start()] if part_at else after)))
        if ref.revision is None and part_at:
            ref.revision = revision_named(_RES_RE.sub(" ", after[part_at.start():]), by_assembly=False)
    _read_part(ref, q[: m.start()], q[m.end():])
    return ref


_QUESTION_BREAK_RE = re.compile(r"[:;?]|\s[-\u2013\u2014]\s")
_PART_WORD_AT_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _PART_WORDS) + r")\b", re.IGNORECASE)
_AS_PROPOSED_RE = re.compile(r"\(\s*as\s+proposed\s+in\s+(?:(?:MOD|ADD|SUP)\s+)?$", re.IGNORECASE)


# "annex 1 §1 a)", "Annex 1, paragraph 1 a)", "annex 2 3": a numbered item of a resolution's annex, which the
# texts head "annex 1" and label "1 a)"
_ANNEX_ITEM_RE = re.compile(r"\b(?P<part>annex|appendix)\s+(?P<annex>\d+|[IVX]+)\s*,?\s*(?:§\s*|para(?:graph)?\.?\s+|"
                            r"(?:section|clause|item)\s+)?(?P<num>\d+(?:\.\d+)*)(?:\s*(?P<letter>[a-z])\))?(?![\w.])", re.IGNORECASE)


def _read_part(ref: Reference, before: str, after: str) -> None:
    """The part and label(s) of a reference, after the instrument or tied to it before it."""
    item = _ANNEX_ITEM_RE.search(after) or _ANNEX_ITEM_RE.search(before)
    if item is not None:
        ref.part = f"{item.group('part').lower()} {item.group('annex').upper()}"
        ref.label = item.group("num") + (f" {item.group('letter').lower()})" if item.group("letter") else "")
        ref.label_to = None
        return
    after_found, before_found = _part_in(after, tied=False), _part_in(before, tied=True)
    # "resolves 4 of Res 2 - … who decides?": a labelled part tied before the instrument beats a bare
    # part word later in the sentence.
    found = before_found if before_found and before_found[1] and not (after_found and after_found[1]) \
        else after_found or before_found
    if found:
        ref.part, ref.label, ref.label_to = found


# "what did Res 70 decide?" asks for its decisions, which a resolution gives under "resolves" (cite.py).
_PART_OF_VERB = {"resolve": "resolves", "decide": "decides"}
_PART_VERB_RE = re.compile(r"^\s*(?:actually\s+|really\s+|exactly\s+)?(" + "|".join(_PART_OF_VERB) + r")\s*[?.!]*\s*$",
                           re.IGNORECASE)


def _part_in(text: str, tied: bool) -> tuple[str, str | None, str | None] | None:
    def ok(end: int) -> bool:
        return not tied or bool(_TIED_TO_NEXT.match(text[end:]))

    for sec in _SECTION_RE.finditer(text):
        if ok(sec.end()):
            to = sec.group("to")
            return "section", _squash(sec.group("label")), _squash(to) if to else None
    # "9.5.4 of res 1": a dotted number typed bare before the instrument is its section (one typed after it,
    # "A.1 2.3.3.11", is read below)
    before = [m for m in _BARE_SECTION_RE.finditer(text) if ok(m.end())] if tied else []
    if before:
        return "section", before[-1].group("label"), None
    for ax in _ANNEX_RE.finditer(text):
        if ok(ax.end()):
            return ax.group("part").lower(), ax.group("label").upper(), None
    addressed = _ADDRESSED_RE.search(text)
    if addressed and ok(addressed.end()) and _ADDRESSEE_WORDS.search(addressed.group("who")):
        # "instructs the Directors of the Bureaux 7": the part is named by its addressee, as the text heads it.
        verb = addressed.group("verb").lower()
        verb = _PART_ABBREV.get(verb.rstrip("."), verb)
        part = f"{verb} {' '.join(addressed.group('who').split())}".lower()
        part = re.sub(r"\bsg\b", "secretary-general", part)  # texts spell it out; bureaux keep TSB, BDT, BR
        lab, to = addressed.group("label") or addressed.group("tied"), addressed.group("to")
        return part, canonical_label(lab) if lab else None, canonical_label(to) if to else None
    # "A.1 2.3.3.11", "A.Sup5 IV.5.6", "D.000 A.28": a numbered clause right after the number, before a part's word
    # later on ("res1 7.1.11 how does TSB handle requests …" asks about §7.1.11, not a part "requests")
    # ("res1 wtsa 9.4.5": the assembly typed after the number, then the section)
    bare = None if tied else re.match(r"^\s*,?\s*(?:(?:WTSA|WTDC|PP|RA|WRC)(?:-?\d{2})?\s+)?"
                                      r"((?:[IVX]+|[A-Z])?\.?\d+(?:\.\d+)+(?:\s?(?:bis|ter))?|(?:[IVX]+|[A-Z])\.\d+)\b",
                                      text, re.IGNORECASE)
    if bare:
        # "iii.3.2" → "III.3.2", "4.3 bis" → "4.3bis"
        label = re.sub(r"\s", "", bare.group(1))
        return "section", re.sub(r"^[a-z]+", lambda m: m.group(0).upper(), label), None
    low = text.lower()
    for word in _PART_WORDS:
        for wm in re.finditer(rf"\b{re.escape(word)}\b", low):
            lab = _LABEL_AFTER_PART.match(text[wm.end():])
            end = wm.end() + (lab.end() if lab else 0)
            if ok(end):
                if not lab and word in _RARE_PART_WORDS:
                    continue
                if not lab:
                    return word, None, None
                to = lab.group("to")
                return word, canonical_label(lab.group("label")), canonical_label(to) if to else None
    if not tied:
        # "what does Res 191 resolve?": the part named by its verb, closing the question
        verb = _PART_VERB_RE.match(text)
        if verb:
            return _PART_OF_VERB[verb.group(1).lower()], None, None
        ab = re.match(rf"^\s*,?\s*(?P<abbr>[a-z]+)\.?\s*(?P<label>{_ONE_LABEL})"
                      rf"(?:\s*(?:-|to)\s*(?P<to>{_ONE_LABEL}))?", text, re.IGNORECASE)
        if ab and ab.group("abbr").lower() in _PART_ABBREV:
            to = ab.group("to")
            return (_PART_ABBREV[ab.group("abbr").lower()], canonical_label(ab.group("label")),
                    canonical_label(to) if to else None)
    return None


def _squash(label: str) -> str:
    return re.sub(r"\s+", "", label)


def canonical_label(label: str) -> str:
    """"b) bis" → "b)bis", "b" → "b)", "2 bis" → "2bis"."""
    s = re.sub(r"\s+", "", label.strip()).lower()
    if re.fullmatch(r"[a-z]", s):
        return s + ")"
    return s
