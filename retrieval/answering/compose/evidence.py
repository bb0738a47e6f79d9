"""Does the evidence cover the question? Pure functions over the question, the clauses found and what
the corpus knows (its vocabulary, the names it mentions).

Search always returns *something*; this decides whether that something answers. It abstains, saying
what is missing, when
- the question names an event, instrument, year or quantity the corpus never mentions ("WRC-23",
  "Y.9999", "2026", "6 GHz"), or content words the corpus never uses ("coffee");
- the question asks for what adopted texts do not state: who holds a post today, who won or was
  elected, an amount the best clause does not give, a date the best clause does not give;
and it flags the answer as thin when the clauses hold only part of the question's key terms."""

from __future__ import annotations

import datetime
import difflib
import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from retrieval.answering.compose import asks_who
from retrieval.core.models import THREE, Clause
from retrieval.core.text import norm_hyphens
from retrieval.indexing.lexical import CHAT_STEMS, CHAT_WORDS, SMALL_BUSINESS, STOPWORDS, holds, lexical_tokens
from retrieval.parsing.mandates import HEADED_BY_RE, actors_in

_I = re.IGNORECASE

# Words that shape a question but carry no topic: they never count as missing or covered.
GENERIC = frozenset(lexical_tokens(
    "itu union sector sectors handle handles handled deal deals dealing responsible responsibility charge "
    "work works working please tell explain mean means say says said show give find list kind type "
    "current currently today now next upcoming forthcoming per according exactly actually really much many long often main principal "
    "also still ever every which who whom what when where why how does did do can could would should "
    "must shall has have had need needs get got make made take ask asks asked supposed expected meant going "
    "want wants wanted us under happen happens happened look looks ahead far trying try tries told stay stays staying "
    # pronouns of quantity: "covering everything it contributes", "whenever": no subject of their own
    "everything anything something nothing whatever whenever wherever whoever everyone anyone "
    # hedges on a figure asked: "roughly how many standards …?"
    "roughly approximately around ballpark circa "
    # the share asked for: "what fraction of the unit do SMEs pay?" is answered by "one-thirty second"
    "fraction proportion "
    "yes no")) | CHAT_STEMS

# Named things people ask about: conferences and events with their year, Recommendations, years,
# quantities. Each must appear somewhere in the corpus, or the corpus cannot answer.
_EVENT_RE = re.compile(r"\b(?:WRC|WTSA|WTDC|PP|RA|WTPF|WSIS|GSR|WCIT)[- ]?(\d{2}|\d{4})\b")
_REC_RE = re.compile(r"\b(?:ITU-[RTD]\s+)?([A-Z]{1,2}\.(?:Sup)?\d{1,4}(?:\.\d+)?)\b")  # "A.Sup5", "BT.2100"
_AFTER_YEAR_RE = re.compile(r"\b(?:after|following|post-?|later\s+than|beyond)\s*((?:19|20)\d\d)\b", _I)
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_RES_NAMED_RE = re.compile(r"\bResolutions?\s+(?:No\.\s*)?((?:ITU-R\s+)?\d+(?:-\d+)?)\b")
_VARIANT_RE = re.compile(r"\b(?i:type|category|class|variant|option|case|mode|method)\s+(?:[A-HJ-Z]|\d{1,2})\b(?![.\-/]\w)")
_GENERATION_RE = re.compile(r"\b[2-6]G\b")  # mobile generations: "5G" is named as such or not at all
_QUANTITY_RE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:GHz|MHz|kHz|Mbit/s|Gbit/s)\b", _I)

# What a question asks for, and what a clause must hold to give it.
_PERSON_RE = re.compile(
    # ("who represents ITU in WHO's EMF project?" asks which post does: the Director of TSB takes part in it)
    r"\bwho\s+(?:represents|will\s+represent|is\s+representing|is\s+the\s+(?:delegate|representative)\s+of)\b"
    r"(?!\s+(?:ITU|the\s+ITU|the\s+Union)\b)|"
    r"\bwho(?:'s|s|\s+is|\s+was|\s+are)\s+(?:the\s+)?(?:current\s+|present\s+|new\s+)?(?:ITU\s+)?(?:(?:TSB|BDT|BR|TSAG|RAG|TDAG|SG\s?\d+)\s+)?"
    # "who's the Q4/17 incubation co-rapporteur": a post qualified by a few words is still a post
    # (… not a verb on the way: "who's supposed to head up the coordination work?" asks which body leads it)
    r"(?:(?!(?:who|that|which|one|body|group|entity|supposed|meant|expected|required)\b)[\w/.-]+\s+){0,3}?"
    r"(?:secretary-general|deputy|director|chair(?:man|woman|person)?|vice-chair\w*|head|president|"
    r"convenor|co-convenor|(?:co-|associate\s+)?rapporteur|(?:co-)?editor(?:-in-chief)?|editors|"
    r"spokes(?:person|man|woman)|coordinator|focal\s+point|contact(?:\s+(?:person|point))?|point\s+of\s+contact|"
    r"counsell?or|advis[eo]r|officer)\b"
    # "who is the session chair supposed to send the table to?" asks what the post does, not who holds it
    # (nor "who is the SG told to notify?": whom the post is to notify)
    r"(?!\s+(?:(?:formally\s+)?(?:supposed|meant|expected|required|obliged|allowed|going|able|told|asked|instructed|invited|"
    r"requested|tasked|charged|encouraged|urged|called\s+(?:on|upon)))\b)"
    # "who currently chairs the ISCG?": whoever holds the post now
    r"|\bwho\s+(?:currently|now|presently|at\s+present)\s+(?:chairs|heads|leads|runs|presides|convenes|holds)\b"
    r"|\bnames?\s+of\s+(?:the\s+)?(?:current\s+|present\s+|new\s+)?(?:ITU\s+)?(?:[\w/.-]+\s+){0,2}?(?:deputy\s+|vice-)?"
    r"(?:chair|director|secretary|editor|head|president|convenor|rapporteur)"
    # who chaired a past meeting: a person on that day, which no adopted text records
    r"|\bwho\s+(?:chaired|headed|presided(?:\s+over)?|convened)\b"
    # who wrote an adopted text: its editors are in meeting records, not in the text
    r"|\bwho\s+(?:drafted|wrote|authored|edited)\s+(?:the\s+)?(?:ITU-[RTD]\s+)?(?:Rec(?:ommendation)?|Res(?:olution)?|Decision)\b"
    # who was picked for a post: "who got appointed as the Q4/17 co-rapporteur?" ("who appoints …" is a rule)
    r"|\bwho\s+(?:got|was|were|has\s+been|have\s+been|ended\s+up\s+(?:being\s+)?)\s*(?:appointed|elected|chosen|named|"
    r"selected|picked|nominated|designated)\b",
    _I)
# "who chairs ISCG?" asks for a person; "who runs it?" (a survey, a programme) asks who does a task
_HOLDER_RE = re.compile(r"\bwho\s+(?:chairs|heads|convenes|presides)\b(?!\s+(?:it|this|that|these|those|them)\b)"
                        # "who's chairing SG17 this study period?"
                        r"|\bwho(?:'s|\s+is|\s+was)\s+(?:currently\s+|now\s+)?(?:chairing|heading|convening|presiding\s+over)\b"
                        # "who leads TSAG" is a person; "who runs the pilot projects" is a Bureau's task
                        r"|\bwho\s+(?:leads|runs)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:group|committee|council|meeting|"
                        # … ending the question: "who leads ITU's work on X" asks who does the work
                        r"TSAG|RAG|TDAG|ISCG|SG\s?\d+|bureau|secretariat|union|ITU)(?:\s*\d+)?(?=\s*(?:[?.!,;]|$))", _I)
# What is chaired, by its head noun: "who chairs the intra-ITU coordination subgroup that TSAG set up?" → "subgroup"
_HELD_THING_RE = re.compile(r"\bwho(?:'s|\s+is)?\s+(?:chairs|chairing|heads|heading|convenes|convening|presides\s+over|"
                            r"presiding\s+over|leads|runs)\s+(?:the\s+|an?\s+)?(?:[\w/.-]+\s+){0,4}?(?P<head>[\w-]+)"
                            r"(?=\s*(?:[?.!,;]|$|\s+(?:that|which|who|set|established|created|under|in|of|at|for|on)\b))", _I)


def _headed(text: str, head: list[str]) -> bool:
    """The text says who heads something, and that something is the thing asked (its head noun just before)."""
    return any(all(holds(set(lexical_tokens(text[max(0, m.start() - 80):m.start()])), t) for t in head)
               for m in HEADED_BY_RE.finditer(text))


# "Who decides who chairs the CWGs?" asks for the body that chooses, which the texts name.
_CHOOSER_RE = re.compile(r"\bwho\s+(?:decides|appoints|elects|chooses|selects|determines|designates|nominates|names)\b", _I)
_FIRM = (r"(?:consultan(?:cy|cies|ts?)|firms?|compan(?:y|ies)|contractors?|architects?|vendors?|suppliers?|banks?|"
         r"lenders?|auditors?|law\s+firms?)")
_RESULT_RE = re.compile(r"\bwho\s+won\b|\bwinners?\b|\bwon\s+the\b"
                        # "what was the total attendance at PP-18?": who came is in the meeting's records
                        r"|\b(?:attendance|turnout)\b"
                        # a ranking is a result: "which country came top in the latest GCI?"
                        r"|\b(?:came|comes|ranked|ranks|placed|finished)\s+(?:top|first|highest|last|bottom)\b"
                        r"|\b(?:top|highest|lowest|best|worst)[-\s]ranked\b"
                        r"|\bwhich\s+countr(?:y|ies)\s+(?:leads?|led|tops?|topped)\s+the\b|\b(?:was|were|got|get|gets|been|is|are)\s+"
                        r"(?:re-?)?elected\b|\belection\s+results?\b|\bresults?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}elections?\b"
                        r"|\bhow\s+many\s+votes\b|\bvotes?\s+did\b"
                        # whom a body chose: "which audit institution did the Council appoint"
                        r"|\b(?:which|who|whom)\b[^?]*\bdid\b[^?]*\b(?:appoint|select|choose|elect|hire|pick|designate)\b"
                        # who hosted a past event: its records and the press say, the texts that scheduled it do not
                        r"|\b(?:which|what)\s+(?:country|city|administration|nation)\s+(?:hosted|host(?:s|ed)?\s+the|"
                        r"was\s+(?:the\s+)?host)\b|\bwho\s+hosted\b"
                        # who stood behind a text at the meeting: its records say, the adopted text does not
                        r"|\b(?:co-?\s?)?sponsor(?:ed|s|ing)?\b|\b(?:which|what)\s+(?:countries|administrations|delegations|"
                        r"Member\s+States)\s+(?:supported|opposed|objected|backed|voted)\b"
                        # who signed or ratified: the depositary's records
                        r"|\bhow\s+many\b[^?]*\b(?:signed|ratified|acceded|signatories)\b"
                        # who came: the meeting's attendance list, not its texts
                        r"|\bhow\s+many\b[^?]*\b(?:attended|attend|participated|took\s+part|registered|were\s+present)\b"
                        # how many texts a past event received: its records
                        r"|\bhow\s+many\b[^?]*\b(?:were|was)\s+(?:submitted|received|tabled)\b"
                        # which parties signed, committed or joined, who sat on a group, how the vote went: what
                        # happened after the texts, which they do not record (unless a clause says so: _acted_stated)
                        r"|\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:organi[sz]ations?|orgs|compan(?:y|ies)|firms?|manufacturers?|"
                        r"vendors?|operators|countries|agenc(?:y|ies)|partners|administrations)\b[^?]{0,60}?\b(?P<acted>signed|"
                        r"(?:have|has)\s+(?:already\s+)?(?:committed|pledged|joined|signed\s+up)|committed\s+to|pledged|joined|"
                        # "which company built the first system based on E.119?": who made a product is no text's
                        r"built|supplied|sold|manufactured)\b"
                        r"|\bdid\s+ITU\s+(?P<signed>sign)\b|\bwho\s+(?:sat|served)\s+on\b|\bvote\s+(?:count|tally)\b"
                        # the firm a body hired and what it found: "name of the consultancy hired to review ITU
                        # Telecom?", "which construction firm got the main contract?" (the texts say one is to be
                        # hired, never which; what it found is _OUTCOME_RE's)
                        rf"|\bnames?\s+of\s+the\s+(?:[\w-]+\s+){{0,2}}?{_FIRM}"
                        rf"|\b(?:which|what)\s+(?:[\w-]+\s+){{0,2}}?{_FIRM}\b[^?]{{0,40}}?\b(?:got|won|was\s+(?:hired|chosen|"
                        r"selected|picked|awarded|appointed|retained|contracted)|did\s+the\s+(?:work|review|study|audit)"
                        # "which building contractor is doing the new HQ construction?"
                        r"|(?:is|was|are|were)\s+(?:doing|building|carrying\s+out|handling|running|delivering|"
                        r"performing|conducting))\b",
                        _I)
# "When and where is the next TSAG meeting?": a schedule, which adopted texts give only as a date or place
# they fix ("the next plenipotentiary conference shall be held in 2022"), never as a span ("two months").
_NEXT_EVENT_RE = re.compile(r"\b(?:when|where|what\s+date|dates|theme|agenda|venue|host|programme|motto|slogan)\b[^?]*\bnext\s+(?P<event>(?:[\w-]+\s+){0,3}(?:meeting|session|"
                            r"conference|assembly|plenipot\w*|PP|WTSA|WRC|WTDC|RA|Council|TSAG|RAG|TDAG))\b", _I)
# "according to the scheduling res", "per Resolution 77", "under Res 77": what the text says is asked.
_PER_TEXT_RE = re.compile(r"\b(?:according\s+to|per|under|in|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
                          r"(?:res(?:olution)?s?|decisions?|texts?|schedul\w*)\b|\b(?:Res(?:olution)?|Decision)\s*\d"
                          # "… according to PP-18", "under the Dubai Final Acts": what those texts say
                          r"|\b(?:according\s+to|per|under|in|by)\s+(?:the\s+)?(?:(?:PP|WTSA|WTDC)-?\d{2}|Final\s+Acts)\b", _I)
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_FIXED_DATE_RE = re.compile(rf"\b{MONTHS}\s+(?:19|20)\d\d\b|\b\d{{1,2}}\s+{MONTHS}\b|\b(?:in|of)\s+(?:19|20)\d\d\b")
_AMOUNT_Q_RE = re.compile(
    # "what's / whats / what is the budget …", also as the speller leaves it ("what ITU's budget"); not
    # "what does the Budget Control Committee do".
    # "by how much would decisions be delayed?" asks a degree, which any quantity gives; "by how much did the
    # budget rise?" still asks a sum
    # ("how much load they carry" is a workload, not a sum)
    r"(?<!\bby\s)\bhow\s+much\b(?!\s+(?:advance\s+)?(?:notice|time|lead\s+time|warning|earlier|ahead|in\s+advance|"
    r"load|workload|work|effort|burden|weight|influence|say|detail|input)\b)"
    r"|\bby\s+how\s+much\b(?=[^?]*\b(?:budgets?|costs?|prices?|fees?|CHF|francs|spend|spent|pay|paid|contributions?|"
    r"money|funds?|funding|expenses|revenues?|income)\b)|\bspends?\b|\b(?:what(?:'s|s)?|which)\s+(?:(?:is|are|was|were|will\s+be)\s+)?"
    r"(?!(?:does|do|did|can|could|should|must|shall|would)\b)(?:the\s+)?[\w\s'-]{0,30}?"
    r"\b(?:budgets?|costs?|prices?|fees?|salar(?:y|ies)|expenses|ceiling|rate|amount|contributory\s+unit|surplus|deficit|"
    r"revenues?|turnover|income|allowances?|stipends?|per\s+diems?"
    # "what was the balance of the reserve account?" (not "the balance between HQ and the regions")
    r"|balance\s+(?:of|in|on)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:accounts?|funds?|reserves?))\b"
    # "what does a pass to ITU Telecom World cost?"
    r"|\bwhat\s+(?:does|do|did|would|will)\s+(?:[\w'-]+\s+){1,7}?(?:cost|costs)\b"
    # "what daily subsistence allowance do fellows get?"
    r"|\b(?:what|how\s+much)\b[^?]{0,40}\b(?:allowances?|stipends?|per\s+diems?)\b"
    r"|^\s*(?:budget|cost|price|fee|salary)\s+(?:of|for)\b|\bprice\s+of\b"
    # "max fellowship amount per delegate for WTDC?", "registration fee for Kaleidoscope?": a sum, typed as a heading
    r"|^\W*(?:(?:max(?:imum)?|min(?:imum)?|total)\s+)?(?:[\w-]+\s+){0,2}?(?:amounts?|budgets?|fees?|costs?|allowances?)"
    r"\s+(?:per|for|of)\b"
    # "SME associate fee - developing country rate?", "academia fee?": the sum named as a heading, then what it is for
    # (… not a heading before another question: "dec 5 budget: how many weeks before …?", "SME reduced fee - staff
    # headcount limit": what follows it, if anything, asks for a sum too)
    r"|^\W*(?:[\w-]+\s+){0,3}?(?:amounts?|budgets?|fees?|costs?|prices?)\s*(?:[-\u2013\u2014:,?]\W*$|$|"
    r"[-\u2013\u2014:,]\s*(?![^?]*\b(?:which|who|whom|whose|how|what|when|where|why)\b)"
    r"(?=[^?]*\b(?:rates?|amounts?|levels?|prices?|values?|sums?|figures?|much)\b))"
    # "what does it typically cost a host to …?"
    r"|\bwhat\s+(?:does|do|did|would|will|could)\s+(?:it|that|this|they)\s+(?:\w+\s+)?cost\b"
    # "CU value for member states 2020-23?", "value of the contributory unit"
    r"|\b(?:contributory\s+units?|CUs?)\s+(?:values?|amounts?)\b|\b(?:value|amount)\s+of\s+(?:the\s+|a\s+)?contributory\s+units?\b"
    # "itu budget for 2026-2027?", "ITU-T budget in 2025": a sum, typed as a heading
    r"|^\W*(?:the\s+)?(?:ITU(?:-[RTD])?|union|BDT|TSB|BR|the\s+Union)(?:['\u2019]s)?\s+(?:total\s+|annual\s+|biennial\s+)?"
    r"budgets?\s+(?:for|in|of)\s+(?:19|20)\d\d\b"
    r"|\bwhat\s+(?:does|do|did|would|will)\b[^?]*\b(?:pay|paid|charged?)\b|\bin\s+(?:CHF|USD|EUR|Swiss\s+francs|dollars)\b"
    r"|\bhow\s+many\s+(?:CHF|USD|EUR|Swiss\s+francs|francs|dollars|euros)\b",
    _I)
# "What does 'termination charge' mean?" asks for a definition, not an amount.
# … and "what's a settlement rate?": with "a", what the thing is, not its value ("what is the rate …?")
_MEANING_Q_RE = re.compile(r"\b(?:mean|means|meaning|stands?\s+for|definition|defined|define)\b"
                           # "what's the share of the rate owed to X called?": a term is asked for, not its value
                           r"|\b(?:called|termed|known\s+as)\s*\?*\s*$|\bwhat(?:'s|s|\s+is)\s+the\s+(?:term|name|word)\s+for\b"
                           # ("sorry basic q - what's an accounting rate …?": after a dash too)
                           r"|(?:^|[:;,.!?\u2013\u2014]\s*|\s-\s*)\W*what(?:'s|s|\s+is|\s+are)\s+an?\s+(?!(?:total|maximum|minimum|max|min)\b)"
                           # … not "what is a Sector Member's unit for 2024?", "what is an Associate's fee?"
                           r"(?![^?]*(?:'s\b|\b(?:19|20)\d\d\b|\bCHF\b|\bfees?\b|\bcosts?\b|\bprices?\b|\bamount))", _I)
_AMOUNT_RE = re.compile(r"\b(?:CHF|USD|EUR|Swiss\s+francs?|US\s+dollars?)\b|[$€£]\s?\d|\b\d[\d\s,.]*\s*(?:million|billion"
                        r"|per\s*cent|%)"
                        # a share of the contributory unit: "one-thirty second of the value of the contributory unit"
                        r"|\b(?:one|a)[-\s](?:half|third|quarter|fourth|fifth|sixth|eighth|tenth|sixteenth|"
                        r"thirty[-\s]?second|sixty[-\s]?fourth)\b[^.;]{0,40}\bcontributory\s+unit", _I)
# "When ITU-T and an SDO produce a common text, who edits it?" asks who, not when.
# "When can a review be skipped?" asks for the condition, not a date.
# ("when should a draft be held over for WTSA instead of the SG?" asks in which cases, as "when can …" does)
_WHEN_Q_RE = re.compile(r"(?![^?]*\b(?:instead\s+of|rather\s+than)\b)"
                        r"(?:^\s*(?:when\b(?!\s+(?:can|could|may|might)\b)"
                        r"(?![^?]*,\s*(?:and\s+)?(?:what|who|whose|whom|which|how|where|why|is|are|does|do|did|can|must|should)\b)"
                        r"|what\s+date\b(?!\s+(?:format|formats|style|field|stamp|notation))"
                        r"|on\s+which\s+date\b|by\s+when\b|what\s+year\b|in\s+which\s+year\b)"
                        # ("… or only before the deadline?" names one, it does not ask for it)
                        r"|\bwhen\s+(?:is|was|will|does|do|must|should|are)\b"
                        r"|(?<!before\sthe\s)(?<!after\sthe\s)(?<!past\sthe\s)(?<!missed\sthe\s)\bdeadline\b"
                        r"|\b(?:on|at)\s+(?:what|which)\s+dates?\b)", _I)
_DATE_RE = re.compile(
    rf"\b{MONTHS}\b"
    r"|\b(?:19|20)\d\d\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen)\s+"
    r"(?:calendar\s+|working\s+)?(?:days?|weeks?|months?|years?)\b|\bonce\s+a\s+(?:year|month)\b|\bannually\b"
    r"|\bevery\s+(?:\w+\s+)?(?:years?|months?|Thursday|week)\b|\b(?:before|after)\s+the\s+(?:opening|closure|close|start)\b"
    # "to publish on an annual basis, and after their consideration by the Council, the reports …"
    r"|\bon\s+an?\s+(?:annual|yearly|monthly|quarterly|biennial|regular)\s+basis\b"
    r"|\b(?:after|following|upon)\s+(?:their|its|the)\s+(?:consideration|approval|adoption|review|endorsement)\b"
    # "Member States … shall pay in advance their annual contributive shares" answers "when do they pay?"
    r"|\bin\s+advance\b",
    _I)
# The year of a cited text ("Resolution 71 (Rev. Busan, 2014)", "WTDC-17") says when that text was
# adopted, not when anything asked about happens.
_REF_YEAR_RE = re.compile(r"\((?:Rev\.\s*)?[A-Z][\w\s.'-]*,\s*\d{4}\)|\b[A-Z]{2,5}-\d{2}\b")
# A time given by an event ("just after the opening plenary", "at the first meeting"): it answers only a
# question about that event, so a looser match of the question's words is enough.
_EVENT_TIME_RE = re.compile(r"\b(?:at|during|before|after|prior\s+to|following|by|until)\s+(?:the\s+|each\s+|every\s+)?"
                            r"(?:opening|closing|closure|first|last|final|start|end|beginning)\b"
                            # "at least twelve calendar days in advance", "one month before": a time set by its distance
                            r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|"
                            r"twenty|thirty|forty|forty-five|sixty)\s+(?:calendar\s+|working\s+|full\s+)?"
                            r"(?:days?|weeks?|months?)\s+(?:in\s+advance|ahead|before|prior\s+to)\b"
                            # "no later than the plenipotentiary conference", "before the assembly"
                            r"|\b(?:(?:no|not)\s+later\s+than|before|after|prior\s+to)\s+the\s+(?:[\w-]+\s+){0,2}"
                            # "no later than the contribution deadline of the meeting"
                            r"(?:conference|assembly|meeting|session|council|deadline)\b"
                            # "returned as soon as the call reaches the terminal": the moment is an event
                            r"|\bas\s+soon\s+as\s+(?:the|a|an|it|they)\b", _I)
QUESTION_COVERAGE = 0.6  # a sentence holding this much of the question speaks of it (an open question or not)
KIND_COVERAGE = 0.4  # … and a clause giving the kind of count asked, this much of a "how many" question
WHEN_COVERAGE = 0.5  # a clause giving a time must hold this much of a "when" question
_HOW_MANY_RE = re.compile(r"\bhow\s+many\b|\b(?:max(?:imum)?|min(?:imum)?)\.?\s+(?:number|no\.|nb)\s+of\b"
                          # "what's the page limit for liaison statements?": a count, which the clause must give
                          r"|\b(?:page|word|character|size)\s+(?:limits?|length|count)\b|\bmax(?:imum)?\s+(?:number\s+of\s+)?pages\b", _I)
# "what's the max duration of a WTDC?", "how long can a conference last?": a span of time answers
# (the length asked for, not one a task would change: "what is council told to do to cut the number and length
# of CWG meetings?")
_DURATION_Q_RE = re.compile(r"(?<!\bnumber\sand\s)(?<!\bcut\s)(?<!\bcut\sthe\s)(?<!\breduce\s)(?<!\breduce\sthe\s)"
                            r"\b(?:duration|length)\s+of\b|\bhow\s+long\s+(?:can|may|does|do|should|will|is|are|must)\b"
                            r"[^?]*\b(?:last|run|take|be\s+held|sit|meet|be\s+(?:kept|stored|retained|archived))\b"
                            # "the minimum contract length for a leased circuit?"
                            r"|\b(?:min(?:imum)?|max(?:imum)?)\s+(?:contract\s+|lease\s+|rental\s+|retention\s+)?"
                            r"(?:length|duration)\b"
                            # "what maximum delivery time does E.119 set?", "the max response time": a span of time
                            r"|\b(?:min(?:imum)?|max(?:imum)?)\s+(?:[\w-]+\s+)?(?:time|delay|waiting\s+time)\b(?!\s+(?:zones?|slots?)\b)", _I)
# "how many times is a request retried?": a count of repeats, or how often as a count ("annually" is once a
# year; "regular meetings" say no number)
_TIMES_Q_RE = re.compile(r"\bhow\s+many\s+(?:more\s+)?times\b", _I)
_TIMES_RE = re.compile(r"\b(?:once|twice|thrice|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|"
                       r"many)\s+(?:times|attempts|retries|tries|repetitions))\b", _I)
_COUNTED_FREQUENCY_RE = re.compile(r"\b(?:(?:every|each|per)\s+(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?)|yearly|"
                                   r"(?:semi-?|bi)?annual(?:ly)?|biennial(?:ly)?|quadrennial(?:ly)?|quarterly|monthly|weekly|"
                                   r"daily|\w+\s+times\s+a)\b", _I)
# "within how many minutes …?": a span in that unit answers, not any number ("step 2")
_TIME_UNIT_Q_RE = re.compile(r"\bhow\s+many\s+(?:calendar\s+|working\s+)?(?P<unit>second|minute|hour|day|week|month|year)s?\b", _I)
_DURATION_WORDS = "how long last lasts run runs take takes duration length"
_TIME_SPAN_RE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|"
                           r"twenty|thirty|sixty)[\s-](?:calendar\s+|working\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|"
                           r"milliseconds?|ms|s)\b", _I)
# a year is no count: "the number of regional offices … report at its 2020 session" does not say how many
_NUMBER_RE = re.compile(r"\b(?!(?:19|20)\d\d\b)\d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|majority)\b", _I)
# Questions about the state of things now: adopted texts do not record live figures or memberships.
_CURRENT_RE = re.compile(
    # "how many Sector Members does ITU-T have?", "how many people work at BDT?": a live count
    r"\bhow\s+many\s+(?:Member\s+States|Sector\s+Members|Associates|members|staff|people|employees|countries|delegates)"
    r"\s+(?:does|do)\s+(?:ITU|the\s+Union|ITU-[RTD]|BDT|TSB|BR|it)\b[^?]*\bhave\b(?!\s+to\b)"
    r"|\bhow\s+many\s+(?:people|staff|employees)\s+work\b"
    # "how many staff are posted at the Asia-Pacific office?": a staffing figure of the day
    r"|\bhow\s+many\s+(?:people|staff|staffers|employees|officials|experts)\s+(?:are|were|is)\s+(?:currently\s+)?"
    r"(?:posted|based|employed|stationed|working|assigned|deployed)\b"
    # "what is the status of the WSIS+20 review?": where a process stands now ("the status of observers" is
    # their standing, which texts give)
    r"|\bwhat(?:'s|s|\s+is)\s+the\s+status\s+of\s+(?:the\s+)?(?:[\w+-]+\s+){0,4}?(?:review|project|process|construction|"
    r"renovation|negotiations?|ratification|work|preparations?)\b|"
    r"\bhow\s+(?:many|much)\b[^?]*\b(?:currently|now|today|at\s+present|presently|so\s+far|to\s+date|this\s+year)\b"
    # "after the merging, how many CWGs are left?": what remains after the texts did their work
    r"|\bhow\s+many\b[^?]*\b(?:are|is|were)\s+(?:still\s+)?left\b|\bhow\s+many\b[^?]*\bremain(?:s|ed)?\s*\??\s*$"
    r"|\b(?:current|latest|present|most\s+recent|newest)\s+(?:[\w-]+\s+){0,4}?(?:number|figures?|count|total|membership|"
    r"list\s+of\s+members|balance|level|status|value|rate|score|size|rank|ranking|position|standing|data|statistics|stats|"
    # "the ITU Journal's current impact factor"
    r"factor|percentage|ratio)\b"
    # "when does the current term of the TSB Director end?": when someone's present term runs out
    r"|\b(?:current|present|incumbent's|ongoing)\s+(?:term|mandate\s+period|tenure)\b"
    # "Kenya's rank in the latest IDI", "where does Kenya rank": a country's place in a published index
    r"|\b(?:rank(?:ed|ing|s)?|score[ds]?|placed?)\s+(?:in|on)\s+the\s+(?:latest|current|last|most\s+recent|newest|"
    r"(?:19|20)\d\d)\b|\bwhere\s+(?:does|did|do)\b[^?]*\brank\b"
    r"|\b(?:rates?|prices?|costs?|budgets?|amounts?|numbers?|figures?|scores?|overruns?|spent|spending|expenditures?|"
    r"percentages?|proportions?|ratios?)\b"
    r"[^?]*\b(?:today|currently|right\s+now|at\s+present|this\s+year|so\s+far|to\s+date)\b"
    # "what is the ITU Journal's impact factor?": a publication's standing, measured by others year by year
    r"|\bimpact\s+factor\b|\bh-index\b", _I)
# "the theme of last year's Global Symposium for Regulators", "this year's EQUALS awards deadline": one edition of
# a recurring event, which the texts setting it up never describe
_EDITION_Q_RE = re.compile(r"\b(?:this|last|next|previous|coming)\s+year(?:'s|s|\u2019s)?\s+(?:[\w-]+\s+){0,4}?(?:symposium|awards?|"
                           r"forum|conference|event|summit|meeting|session|edition|GSR|Kaleidoscope|WSIS|competition|prizes?|"
                           r"workshop|seminar|challenge|hackathon|day|celebration|exhibition)\b"
                           # "when and where is the next Global Symposium for Regulators?" (not the next conference,
                           # which Res 77 schedules)
                           r"|\b(?:when|where)\b[^?]*\bnext\s+(?:[\w-]+\s+){0,3}?(?:symposium|GSR|Kaleidoscope|summit|awards?|"
                           r"competition|prizes?|hackathon|celebration|exhibition|WSIS\s+Forum)\b", _I)
# "which countries did Council add to the list?", "what themes did Council pick?": what a body acting between
# conferences chose is in its own records, not in the texts tasking it
# (ITU itself too: "which machine translation system did ITU roll out?")
_BODY_CHOSE_RE = re.compile(r"\b(?:what|which)\b[^?]*\bdid\s+(?:the\s+)?(?:ITU\s+)?(?P<body>council|TSAG|TDAG|RAG|SG\s?\d+|"
                            r"study\s+group\s+\d+|Secretary-General|SG|director|TSB|BDT|BR|ITU|the\s+Union|"
                            r"(?:the\s+)?secretariat)\s+"
                            r"(?:(?:actually|finally|eventually|end\s+up)\s+)?"
                            r"(?:pick|choose|select|add|remove|drop|name|elect|appoint|settle\s+on|go\s+with|opt\s+for|"
                            r"roll\s+out|deploy|adopt|buy|purchase|procure|license|introduce|launch)\b", _I)
# Whether something worked out: the texts state intentions, not outcomes.
_OUTCOME_RE = re.compile(r"\bwhat\s+(?:was|were)\s+the\s+(?:final\s+|main\s+)?(?:outcomes?|results?|conclusions?|findings?)\s+of\b"
                         # "which countries have actually deployed …?": what was done with a text, not the text
                         r"|\bwhich\s+(?:countries|administrations|Member\s+States|operators|states|vendors|manufacturers|"
                         r"companies)(?:\s+(?:or|and|/)\s+\w+)?\s+(?:have|has|had)\s+"
                         r"(?:actually\s+|already\s+|so\s+far\s+|now\s+)?(?:deployed|implemented|adopted|ratified|"
                         r"introduced|rolled\s+out|put\s+in\s+place|applied)\b"
                         # "which administrations actually use the 4-second allowance?": who applies a rule in practice
                         r"|\bwhich\s+(?:countries|administrations|Member\s+States|operators|states|vendors|manufacturers|"
                         r"companies|networks)\s+(?:actually|really|currently|now|still|already|in\s+practice)\s+"
                         r"(?:use|apply|implement|follow|allow|permit|offer|run)\b"
                         # "how did the vote go on …?", "numbers for and against": a vote's count is in the minutes
                         r"|\bhow\s+did\s+(?:the\s+)?vot(?:e|ing)\s+go\b|\b(?:votes?|numbers?)\s+for\s+and\s+against\b"
                         # "which new Questions did SG17 agree at its last meeting?": after the texts were adopted
                         r"|\b(?:did|were|was)\b[^?]*\b(?:agree|adopt|decide|approve|set\s+up|establish)\w*\b[^?]*\bat\s+"
                         r"(?:its|the|their)\s+(?:last|latest|most\s+recent|previous)\s+(?:meeting|session|plenary)\b"
                         r"|^\s*(?:did|has|have)\b[^?]*\b(?:meet|met|achieve[ds]?|reach(?:ed)?|succeed(?:ed)?|"
                         r"fulfil+(?:ed)?|hit|miss(?:ed)?|make|made)\b[^?]*\b(?:targets?|goals?|objectives?|aims?)\b"
                         r"|\bwas\b[^?]*\b(?:a\s+)?success(?:ful)?\b"
                         # "what recycling rate was actually reached by 2023?": what came of a target, not the target
                         r"|\b(?:was|were|has\s+been|have\s+been|got)\s+(?:actually|really|in\s+fact|finally|eventually)\s+"
                         r"(?:reached|achieved|attained|met|hit|delivered|accomplished)\b"
                         r"|\b(?:did|has|have)\s+(?:[\w-]+\s+){1,6}?(?:actually|really|in\s+fact|finally|eventually)\s+"
                         r"(?:reach|achieve|attain|meet|hit|deliver)\b"
                         # "was TP.inno approved at the March 2020 SG17 meeting?": a meeting's verdict is in its report
                         r"|\b(?:(?:was|were|has\s+been|have\s+been|got)\s+(?:[\w/.-]+\s+){0,6}?(?:approved|adopted|agreed|"
                         r"accepted|consented|endorsed)|did\s+(?:[\w/.-]+\s+){0,6}?(?:approve|adopt|agree|accept|consent|endorse))"
                         r"\b[^?]*\bat\s+the\s+(?:[\w/.-]+\s+){0,4}meeting\b"
                         # "did it end up …" asks how it went; "where does the report end up" asks where it goes
                         # ("Q2 or Q4 ended up as host question?": which one a meeting document says took the role)
                         r"|\b(?:did|(?<!where )does)\b[^?]*\bend\s+up\b(?!\s+(?:at|in|with|before|as)\b)|\bended\s+up\b(?!\s+as\b)|\bwho\s+ended\s+up\b"
                         # what a review or survey found: its report says, the texts that ordered it do not
                         r"|\bwhat\s+(?:did|were|was)\b[^?]*\b(?:conclude[ds]?|conclusions?|findings?|found|results?)\b"
                         # "what did the heads of delegation agree at their meeting before WTSA-16?": that meeting's
                         # report holds it; "what did the EG-ITR finally recommend?" (not an assembly's texts)
                         r"|\bwhat\s+did\b[^?]*\b(?:agree|decide|conclude|recommend)\w*\b[^?]*\bat\s+(?:its|their)\s+"
                         r"(?:[\w-]+\s+){0,2}(?:meeting|session|gathering)\b"
                         r"|\bwhat\s+did\s+(?:the\s+)?(?!(?:PP|WTSA|WTDC|RA|WRC|plenipot\w*|conference|assembly|council)\b)"
                         r"(?:[\w-]+\s+){1,4}?(?:finally|eventually|ultimately|in\s+the\s+end)\s+(?:recommend|decide|conclude|"
                         r"propose|agree)\w*\b"
                         # "what did the EG-ITR final report recommend?": a report's content is in the report
                         # ("what did the regional presence review presented to Council 2020 actually recommend?")
                         r"|\bwhat\s+(?:did|does|do)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:reports?|review|study|survey|"
                         r"assessment|evaluation|audit|consultan(?:cy|ts?)|auditors?)\s+(?:recommend|propose|suggest|find|conclude|say)\w*\b"
                         r"|\bwhat\s+did\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:reports?|review|study|survey|assessment|evaluation|audit)\s+"
                         r"(?:[\w-]+\s+){1,5}?(?:recommend|propose|suggest|find|conclude)\w*\b"
                         r"|\b(?:in|at|from|of)\s+the\s+(?:last|latest|most\s+recent|previous)\s+(?:[\w-]+\s+){0,3}"
                         r"(?:surveys?|reviews?|reports?|elections?|editions?|evaluations?|audits?)\b", _I)
# What a meeting did with a proposal: the contributions say what was proposed, not what became of it.
_FATE_VERB_RE = re.compile(r"^\s*(?:did|was|were|has|have|is|are)\b[^?]*\b(?:adopt(?:ed|ing)?|approv(?:e|ed|ing)|"
                           r"accept(?:ed|ing)?|agreed|reject(?:ed|ing)|passed|withdrawn)\b|\bwhat\s+(?:happened|became)\b", _I)
# A draft's published form: "what final title did TP.inno get when it was published?"
_PUBLISHED_FORM_RE = re.compile(r"\bfinal\s+(?:title|name|version|text|form)\b[^?]*\b(?:get|got|given|publish\w*|end\s+up)\b"
                                r"|\bwhen\s+(?:it|this|that|they)\s+(?:was|were|got|is)\s+(?:finally\s+)?published\b", _I)


# "What opinions were adopted at the WTPF held in 2021?", "what did PP-22 decide on Res 191?": what an event
# decided, which only its own texts hold.
_DECIDED_RE = re.compile(r"\b(?:what|which)\b[^?]*\b(?:did|were|was|has|have)\b[^?]*\b(?:decide|adopt|agree|approve|conclude|"
                         # "which new study groups did WTSA-20 set up?"
                         r"suppress|revise|change|set\s+up|establish|creat|abolish|merg|restructur|identif|allocat|designat)\w*\b|\b(?:decided|adopted|agreed|approved)\s+(?:at|by)\b"
                         # "what did PP-22 in Bucharest add on AI?"
                         r"|\b(?:what|which)\b[^?]*\b(?:did|were|was|has|have)\b[^?]*\b(?:add|adds|added|introduce[ds]?|insert(?:ed)?|"
                         r"remove[ds]?|drop(?:ped)?)\b"
                         # "what changes did PP-22 make to the COP resolution?"
                         r"|\b(?:what|which)\s+(?:changes|amendments|revisions|modifications|decisions|updates)\s+"
                         r"(?:did|were|was|has|have)\b"
                         # "which countries got added to the list at PP-22?": what a later event did
                         # ("which bands got identified for IMT at WRC-19?")
                         r"|\b(?:got|were|was|been)\s+(?:added|removed|dropped|deleted|included|listed|elected|appointed|"
                         r"identified|allocated|designated|selected|chosen)\b[^?]*"
                         r"\b(?:at|by|during)\s+(?:the\s+)?(?:WRC|WTSA|WTDC|PP|RA|WTPF|Council|plenipot\w*)"
                         # "did the 2021 Council session approve …?"
                         r"|^\s*(?:did|has|have|was|were)\b[^?]*\b(?:decide|adopt|agree|approv|accept|endors|reject|revis|"
                         r"amend|modif|updat|chang|extend|renew|abolish|scrap|keep|kept|drop|end)\w*\b"
                         # "did PP-22 make the SME fees permanent?"
                         r"|^\s*did\b[^?]*\bmake\b[^?]*\b(?:permanent|binding|mandatory|optional|free)\b"
                         # "is Res 208 still in force after PP-22?": whether a later event kept, revised or dropped it
                         r"|\bstill\s+(?:in\s+force|valid|applicable|current|in\s+effect)\b|\b(?:abrogated|suppressed|"
                         r"superseded|replaced|revised|amended)\s+(?:at|by|since|after)\b", _I)
_EVENT_HELD_RE = re.compile(r"\b(?P<body>WRC|WTSA|WTDC|PP|RA|WTPF|WSIS|WCIT|Council|(?i:plenipot)\w*)(?:[- ]?(?P<yy>\d{2}|\d{4})\b|"
                            r"(?:\s+(?:session|meeting|forum|conference))?\s+(?:held\s+)?in\s+(?P<year>(?:19|20)\d\d)\b)"
                            r"|\b(?P<year2>(?:19|20)\d\d)\s+(?P<body2>WTPF|Council|WSIS|WCIT|WTSA|WTDC|WRC|PP|(?i:plenipot)\w*)\b")


def decided_at(question: str) -> tuple[str, int] | None:
    """The event and year whose decisions a question asks for ("WTPF", 2021), or None."""
    if not _DECIDED_RE.search(question):
        return None
    m = _EVENT_HELD_RE.search(question)
    if not m:
        return None
    body = m.group("body") or m.group("body2")
    body = "PP" if body.lower().startswith("plenipot") else body
    digits = m.group("yy") or m.group("year") or m.group("year2")
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    return body, year


def asks_fate(question: str) -> bool:
    """"Was RCC/47A4/1 accepted at WTSA-16?": what a meeting did with a proposal, which its records hold."""
    return bool(_FATE_VERB_RE.search(question) or _PROPOSAL_FATE_RE.search(question) or asks_published_form(question))


def asks_published_form(question: str) -> bool:
    """"What final title did TP.inno get when it was published?": what became of a draft, asked of the draft."""
    return bool(_PUBLISHED_FORM_RE.search(question))


# "which countries don't allow call-back?", "which member states have special arrears accounts?"
# ("which small island states are listed …?": a group's members, by name)
_GROUP_KIND = r"(?:least\s+developed|developing|landlocked|small\s+island|island)"
_WHICH_COUNTRIES_RE = re.compile(r"^\W*(?:which|what)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|other)\s+)?"
                                 rf"(?:(?:{_GROUP_KIND}(?:\s+developing)?|African|Arab|Asian|European|American|Pacific)\s+)?"
                                 r"(?:countries|(?:member\s+)?states|nations|administrations)\b", _I)
_COUNTRY_GROUP_RE = re.compile(rf"\b{_GROUP_KIND}\s+"
                               r"(?:developing\s+)?(?:countries|states)\b|\bcountries\s+with\s+economies\s+in\s+transition\b|"
                               r"\b(?:LDCs|SIDS|LLDCs)\b", _I)
# "exact dates and host city for WTSA-20?": a day and month, which "in the last quarter of 2020" is not
_EXACT_DATE_Q_RE = re.compile(r"\b(?:exact|precise|specific|actual)\s+(?:start\s+|opening\s+)?dates?\b", _I)
_DATES_OF_RE = re.compile(r"\bdates?\s+(?:of|for)\s+(?:the\s+)?(?:next\s+|coming\s+|(?:19|20)\d\d\s+)?"
                          r"(?P<event>[\w-]+(?:\s+(?!and\b|or\b|in\b|at\b)[\w-]+)?)", _I)
_EVENT_KIND = frozenset(lexical_tokens("session sessions meeting meetings conference assembly edition event year"))
_INSTRUMENT_NAMED_RE = re.compile(r"\b(?:(?:Council|PP|WTSA|WTDC|RA|WRC|Plenipotentiary)\s+)?(?:Resolutions?|Decisions?)\s+"
                                  r"\d+(?:\s*\([^)]*\))?", _I)
_DAY_DATE_RE = re.compile(rf"\b\d{{1,2}}(?:\s*(?:-|to|and|\u2013)\s*\d{{1,2}})?\s+{MONTHS}\b|\b{MONTHS}\s+\d{{1,2}}\b")
# "what did TSAG reply to SG17's liaison …?": the answer is a later document, not the texts that asked
_REPLY_Q_RE = re.compile(r"\bwhat\s+(?:did|has|have|was)\s+[^?]*\b(?:reply|replied|respond|responded|answer(?:ed)?|"
                         r"response)\b(?:\s+\w+){0,3}\s+(?:to|on)\b", _I)
# Another standards body's own rules: "the 3GPP process for approving a spec", "ETSI IPR policy", "how long can
# a preliminary work item in ISO/IEC JTC 1/SC 27 stay open?"
_OTHER_SDO = r"(?:3GPP|ETSI|IEEE(?:-SA)?|IETF|IRTF|ISO(?:/IEC)?|IEC|JTC\s*1(?:/SC\s*\d+)?|GSMA|W3C|oneM2M|OASIS|ICANN|ATIS|ARIB|TTC|TTA|CCSA)"
_OTHER_RULES_Q_RE = re.compile(
    r"\b(?P<org>" + _OTHER_SDO + r")(?:['\u2019]s)?\s+(?:[\w/-]+\s+){0,3}?(?:process(?:es)?|procedures?|polic(?:y|ies)|rules?|"
    # "ETSI's public enquiry period", "an IETF last call": their own stages of approval
    r"approval|ballots?|balloting|deliverables?|work\s+items?|specs?|specifications?|voting|membership|last\s+calls?|"
    r"(?:public\s+)?enquir(?:y|ies)|comment\s+periods?)\b"
    r"|\b(?:process(?:es)?|procedures?|polic(?:y|ies)|rules?|approval|ballots?|voting)\s+(?:of|for|in|at|under)\s+(?:an?\s+|the\s+)?"
    r"(?P<org2>" + _OTHER_SDO + r")\b"
    # "how long is the DIS ballot when ITU-T and ISO/IEC JTC 1 do a common text?": a stage of ISO's own approval
    r"|\b(?:DIS|FDIS|CDV|NWIP|PWI)\s+(?:ballots?|votes?|voting|stages?)\b[^?]*?\b(?P<org8>" + _OTHER_SDO + r")"
    r"|\bhow\s+(?:(?:long|many|much|often|quickly|fast)\s+(?:\w+\s+)?)?(?:do|does|did|can|must|should)\s+(?:the\s+)?(?P<org4>"
    + _OTHER_SDO + r")\b"
    r"|\b(?:how\s+long|how\s+many|how\s+much|how\s+often|when)\b[^?]*\b(?:in|at|by|of|for)\s+(?:an?\s+|the\s+)?(?P<org3>" + _OTHER_SDO
    + r")\b"
    # "who approves a BoF in the IETF?": what is done inside another body
    r"|^\W*(?:who|what|which)\b[^?]*\b(?:in|within)\s+(?:the\s+)?(?P<org6>" + _OTHER_SDO + r")\b"
    # "In 3GPP, what majority does a TSG plenary need …?": the body set as the frame first
    # ("In ISO's SC 27, how long …?": one of its committees)
    r"|^\W*(?:in|within|at|for|under)\s+(?:the\s+)?(?P<org7>" + _OTHER_SDO + r")(?:['\u2019]s)?(?:\s+(?:JTC|SC|TC|WG)\s*\d+)*"
    r"\s*(?:,|:|-|\u2013|\u2014)"
    # a region's or a country's own law: "under the EU radio equipment directive, what are …?"
    r"|\b(?P<org5>EU|European\s+Union|European\s+Commission|FCC|Ofcom|CEPT)(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:directives?|regulations?|acts?|laws?|rules?|codes?)\b", _I)
# "typical settlement rate per minute these days?": a going rate is a figure of the market, which texts do not give
_GOING_RATE_Q_RE = re.compile(r"\b(?:typical|average|going|usual|current|today's)\s+(?:[\w-]+\s+){0,2}(?:rates?|prices?|costs?|"
                              r"fees?|tariffs?|charges?)\b", _I)
_PROPOSAL_FATE_RE = re.compile(r"\bfinal\s+outcome\b|\boutcome\s+(?:in|of|at)\s+(?:the\s+)?plenary\b|"
                               r"^\s*(?:did|was|were|has|have)\b[^?]*\b(?:adopt(?:ed)?|approved?|accept(?:ed)?|agreed|"
                               r"rejected)\b[^?]*\b(?:proposals?|proposed|changes|amendments|modifications)\b"
                               # "was the RCC proposal to modify Res 57 adopted at WTSA-16?"
                               r"|^\s*(?:was|were|has|have|is|are)\s+(?:the\s+|this\s+|that\s+|their\s+)?(?:[\w/-]+\s+){0,2}"
                               r"(?:proposals?|contributions?|changes|amendments|modifications)\b[^?]*\b(?:adopted|approved|"
                               r"accepted|agreed|rejected|passed)\b", _I)
# A party named in capitals ("CEPT's position", "proposed by APT"): the corpus must mention it to say what
# it holds. A topic's abbreviation ("DTT", "CAP") is often written out in the texts, so only parties count.
_ACRONYM_RE = re.compile(r"\b([A-Z]{3,6})'s\b|\b(?:by|from)\s+(?:the\s+)?([A-Z]{3,6})\b")
_CHAT_ACRONYMS = frozenset({"ASAP", "FYI", "BTW", "LOL", "IMO", "IMHO", "TBH", "AFAIK", "TLDR", "FAQ", "ETA", "EOD",
                            "OMG", "THX", "PLS", "PLZ", "WRT", "IIRC", "AKA", "TBD", "TBC", "NB", "RSVP"})
# "… after the Council revised them in 2019": a revision later than the texts in the corpus.
_LATER_REVISION_RE = re.compile(r"\bafter\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}(?:revised|amended|updated|changed)\b"
                                r"|\b(?:revised|amended|updated)\s+(?:version|text|terms)\b[^?]*\b(?:since|after)\b", _I)
# "Which Recommendation number did SG12 give …": the answer is a Recommendation, which a clause names or not.
_WHICH_REC_Q_RE = re.compile(r"\b(?:which|what)\s+(?:ITU-T\s+)?Recommendation(?:\s+(?:number|no\.?))?\s+(?:did|was|is|has|number)\b"
                             # "which ITU-R BT recommendation covers 8K HDR …?": the answer is a designation
                             r"|\b(?:which|what)\s+(?:ITU-[RT]\s+)?(?:[A-Z]{1,2}(?:-series)?\s+)?Recommendations?\s+(?:covers?|"
                             r"deals?\s+with|specif(?:y|ies)|defines?|sets?\s+out|standardi[sz]es)\b"
                             # "what's the number of the L-series Recommendation on e-waste management?"
                             r"|\bnumber\s+of\s+(?:the\s+|an?\s+)?(?:ITU-[RT]\s+)?(?:[A-Z]{1,2}(?:-series)?\s+)?Recommendation\s+"
                             r"(?:on|about|for|covering|that)\b", _I)
# What a Recommendation asked for is about: "… Recommendation on e-waste management", "… covers 8K HDR"
_REC_TOPIC_RE = re.compile(r"\bRecommendations?\s+(?:number\s+|no\.?\s+)?(?:is\s+|was\s+)?(?:on|about|for|covering|covers?|"
                           r"deals?\s+with|specif(?:y|ies)|defines?|sets?\s+out|standardi[sz]es)\s+(?P<topic>[^?]+)", _I)
_REC_FRAME = frozenset(lexical_tokens("ITU ITU-T ITU-R Recommendation Recommendations series number current latest new"))


def _rec_topic_terms(question: str) -> list[str]:
    """The words of what an asked-for Recommendation is about ("… Recommendation on e-waste management" →
    e-waste, management), up to another question joined to it; acronyms left out, as a clause may spell them
    out ("FGs", "Focus Groups")."""
    m = _REC_TOPIC_RE.search(question)
    if not m:
        return []
    topic = re.split(r"[,;]|\s(?:and|or)\s+(?=(?:which|who|whose|what|how|when|where)\b)", m.group("topic"))[0]
    words = " ".join(w for w in topic.split() if not re.fullmatch(r"[A-Z][A-Z0-9-]+s?", w))
    return [t for t in content_terms(words) if t not in _REC_FRAME]
# "which ITU-D SG1 question number covers …?": the answer is a Question's designation ("Question 20/1")
# ("which ITU-D study Question covers climate change …?")
_WHICH_QUESTION_Q_RE = re.compile(r"\b(?:which|what)\s+(?:[\w/-]+\s+){0,3}?Question\s+(?:number|no\.?|nr|covers?|deals?\s+with|"
                                  r"handles?|studies)\b", _I)
_QUESTION_NUMBER_RE = re.compile(r"\bQuestions?\s+\d+/\d+|\bQ\d+/\d+")
# "In which cities are the regional offices?": the answer is a place, which a clause names or not.
_PLACE_Q_RE = re.compile(r"\b(?:which|what)\s+(?:cities|city|towns?|locations?|venues?)\b|\blocations?\s+of\b|"
                         # "kaleidoscope 2019 - where was it held?"
                         r"\bwhere\s+(?:was|is|were|will)\s+(?:[\w-]+\s+){0,4}?(?:be\s+)?(?:held|hosted|organi[sz]ed|"
                         r"taking\s+place)\b|\bwhere\s+did\s+[^?]*\btake\s+place\b|"
                         # "who is the host country for ITU Telecom World 2020?"
                         r"\bwho\s+(?:is|was|will\s+be)\s+(?:the\s+)?host(?:ing)?(?:\s+(?:country|city|nation))?\b|"
                         # "list of ITU regional office locations"
                         r"\boffices?\s+locations?\b|\b(?:which|what)(?:'s|\s+is|\s+was|\s+are)?\s+(?:the\s+)?host\s+(?:city|country|venue)\b|\b(?:dates?|when)\s+(?:and|&)\s+(?:the\s+)?(?:host\s+(?:city|country)|venue)\b|\bwhere\b[^?]*\b(?:located|based|headquartered)\b"
                         # "where exactly was WTSA-20 held?", "when and where does TSAG meet?" ("in cases where
                         # a meeting is held" is no question of place)
                         r"|(?:^\s*|\b(?:and|or)\s+)where(?:'s|\s+(?:exactly\s+)?(?:is|was|were|are|will|does|did)\b)[^?]*"
                         # ("where does the proposal have to be sent?" asks where it goes: a body, not a place)
                         r"\b(?:held|hosted|take\s+place|took\s+place|taking\s+place|convened|meet|met|"
                         r"be(?!\s+(?:sent|submitted|forwarded|addressed|directed|passed|returned|given|routed|filed|"
                         r"lodged|\w+ed)\b))\b", _I)
_CITY_RE = re.compile(r"\b(?:Geneva|New\s+York|Addis\s+Ababa|Cairo|Bangkok|Brasilia|Moscow|Nairobi|Dakar|Yaoundé|Harare|"
                      r"Jakarta|New\s+Delhi|Santiago|Tegucigalpa|Bridgetown|Almaty|Manama|Tunis|Dubai)\b")
_AMOUNT_OF_RE = re.compile(r"\b(?:amount|sum|total|value|level)\s+of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?P<what>[a-z][a-z-]{3,})\b", _I)
# … or any place a clause says something was held in ("the 2012 diplomatic conference held in Berlin")
_HELD_AT_PLACE_RE = re.compile(r"\b(?:held|hosted|convened|took\s+place)\s+(?:[\w-]+\s+){0,3}?(?:in|at|by)\s+[A-Z][a-z]")
# "What's the country code assigned to Palestine?": the answer is a code, which a clause gives in digits.
_CODE_Q_RE = re.compile(r"\bwhat(?:'s|s|\s+is|\s+are|\s+was)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:codes?|prefix(?:es)?)\b"
                        # "what international access code was assigned to …?"
                        r"|\b(?:what|which)\s+(?:[\w.-]+\s+){0,3}?(?:codes?|prefix(?:es)?)\s+(?:is|was|are|were|has|have|did|does)\b", _I)
# What introduces a question's subject: "a resolution on X", "anything about X", "texts dealing with X"
_ABOUT = r"(?:on|about|regarding|concerning|(?:deals?|dealing)\s+with|covering)"
_SUBJECT_RE = re.compile(r"\b(?:" + _ABOUT + r"|for|say\s+about)\s+"
                         # "on what grounds?", "for which reason?" ask why, about no subject
                         r"(?!(?:what|which|whose|how)\b)((?:[\w-]+\s+){0,2}[\w-]+)\s*(?:[?.!,;]|$)", _I)
# A subject named as a short noun phrase ("ITU's position on net neutrality", "what do they say about reserve
# prices in spectrum auctions?"): its words may each be the corpus's while no text speaks of it.
_TOPIC_PHRASE_RE = re.compile(r"\b" + _ABOUT + r"\s+(?:the\s+)?"
                              r"(?P<phrase>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){1,2})"
                              # (up to the question's end, or to where it names the texts asked: "… in the PP-18 texts")
                              r"(?=\s*(?:[?.!,;]|$)|\s+(?:in|for|of)\s)", _I)
# Words no subject is named by: function words, a text's kind ("the languages res"), chat's "side" ("the money side")
_PHRASE_STOP = frozenset({
    "the", "a", "an", "of", "and", "or", "to", "for", "in", "on", "at", "by", "with", "from", "what",
    "which", "who", "whose", "how", "this", "that", "its", "their", "our", "my", "your", "it", "they",
    "them", "we", "is", "are", "was", "were", "be", "do", "does", "did", "any", "some", "all", "each",
    "other", "res", "reso", "rec", "recs", "resolution", "resolutions", "text", "texts", "doc", "docs",
    "side", "sides", "stuff", "thing", "things", "bit", "part", "parts"
})


_KIND_SUFFIX_RE = re.compile(r"-(?:type|style|like|kind|ish|esque|related|oriented|based)$", _I)


def _closed_first_parts(q: str, corpus_has: Callable[[str], bool]) -> set[str]:
    """The (stemmed) words of `q` that, with the word after them, make one word the corpus uses: "cyber
    threats" is the texts' "cyberthreats"."""
    words = re.findall(r"[A-Za-z]+", q)
    return {first[0] for a, b in itertools.pairwise(words)
            if len(a) >= 3 and len(b) >= 3 and (first := content_terms(a)) and corpus_has(f"{a}{b}".lower())}


def _phrase_never_together(q: str, together: Callable[[str], bool], known_word: Callable[[str], bool]) -> str:
    """The subject `q` names when the corpus uses its head noun and the word before it but no clause holds
    them together, else ""."""
    for m in _TOPIC_PHRASE_RE.finditer(q):
        words = m.group("phrase").split()
        # (a verb or a clause, "getting women into tech", or how it is said, "… specifically", is no named subject)
        if any(w.lower() in _PHRASE_STOP or w.lower().endswith(("ing", "ly")) for w in words):
            continue
        # the head noun and the word naming its kind ("better wireless broadband" is wireless broadband; the
        # texts mention open source, but no clause holds "source" and "software" together)
        # ("UNDP-type projects" are UNDP projects: the kind, not the word "type")
        pair = " ".join([_KIND_SUFFIX_RE.sub("", words[-2]), words[-1]] if len(words) >= 2 else words)
        terms = content_terms(pair)
        if len(terms) >= 2 and all(known_word(t) for t in terms) and not together(pair) \
                and not _closed_first_parts(pair, together):
            return " ".join(words)
    return ""


# Values a question asks for that a clause gives in one form or not at all (a near-domain question the
# texts touch without answering: "what percentage of ITU staff are women?", "the URL of the portal").
_PERCENT_Q_RE = re.compile(r"\b(?:what|which)\s+(?:percentage|per\s*cent(?:age)?|proportion|fraction|share\s+of)\b"
                           r"|\bhow\s+many\s+per\s*cent\b|\bwhat\s*%"
                           # percentages offered to choose from: "what availability figure (99.9%? 99.99%?) …?"
                           r"|\d(?:[.,]\d+)?\s*%\s*(?:\?|or\b)", _I)
_PERCENT_RE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|per\s*cent|percent)|\bmajority\b|\bhalf\b|\b(?:one|a|two|three)[-\s]"
                         r"(?:half|third|quarter|fourth|fifth|sixth|eighth|tenth|sixteenth|thirty[-\s]?second|"
                         r"sixty[-\s]?fourth)s?\b", _I)
# asked for ("what is the URL of …", "TSB's e-mail address?"), not spoken of ("… on the website easier to access")
_CONTACT = (r"(?:url|website|web\s*site|web\s*page|web\s+address|link|e-?mail(?:\s+address)?|postal\s+address"
            r"|contact\s+(?:details|address|person)|fax(?:\s+number)?)")
_CONTACT_Q_RE = re.compile(r"\b(?:what|which|where)(?:'s|s|\s+is|\s+are|\s+can\s+I\s+find)?\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
                           + _CONTACT + r"\b|^\s*(?:[\w'-]+\s+){0,3}" + _CONTACT + r"\s*\?\s*$", _I)
_CONTACT_RE = re.compile(r"https?://|\bwww\.|\b[\w.+-]+@[\w-]+\.[\w.]+|\+\d[\d\s()-]{6,}", _I)
# "what is the population of Somalia?", "the speed of …": a measure, which a clause gives as a number.
_MEASURE_Q_RE = re.compile(r"\bwhat(?:'s|s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(?:current\s+|latest\s+|total\s+)?"
                           r"(?:population|gdp|headcount|staff\s+count|size|speed|bandwidth|capacity|throughput|latency"
                           r"|interest\s+rate|exchange\s+rate|growth\s+rate|penetration(?:\s+rate)?|market\s+share"
                           # "the impact factor of the ITU Journal": a journal's standing is a figure too
                           r"|impact\s+factor|h-index|circulation|readership)\s+of\b", _I)
# "what GNI per capita cutoff decides …?", "which income threshold …", "is there an age cutoff …?": a value
_THRESHOLD_Q_RE = re.compile(r"\b(?:what|which|is\s+there\s+(?:an?|any))\b(?:\s+[\w/-]+){0,5}?\s+"
                             r"(?:cut-?offs?|thresholds?|floors?|age\s+limits?|(?:SAR|exposure|emission|radiation)\s+limits?)\b"
                             # "what's the mandatory retirement age for staff?": an age is a value too
                             r"|\bwhat(?:'s|\u2019s|\s+is)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:retirement|minimum|maximum|voting)\s+age\b"
                             # "what level of Member State support is needed to approve …?": a share of replies
                             r"|\bwhat\s+(?:level|degree|share)\s+of\s+(?:[\w-]+\s+){0,3}?(?:support|agreement|approval|backing|"
                             r"consensus|majority)\b",
                             _I)
# "… in V/m?", "… in CHF?": the unit the answer must be in.
# "… limits (W/kg) …": a physical unit in brackets asks for values in it too.
_UNITS = (r"V/m|W/kg|W/m2|[kMG]Hz|Hz|dB[a-zA-Z]*|CHF|USD|EUR|US\s?\$|euros?|dollars?|"
          r"Swiss\s+francs?|km|metres|meters|ms|milliseconds|seconds|Mbit/s|Gbit/s|kbit/s|Mbps|Gbps")
# … at the end, or before what it measures ("the max latency in seconds for delivering a message")
_UNIT_Q_RE = re.compile(r"\bin\s+(?P<unit>" + _UNITS + r")(?:\s*\??\s*$|\s+(?:for|to|of|per|when)\b)|\((?P<bracketed>V/m|W/kg|W/m2|dB[a-zA-Z]*|"
                        r"Mbit/s|Gbit/s|kbit/s|Mbps|Gbps|ms)\)", _I)
# "which company chairs SG17?": who holds a post, named as an entity
_HOLDER_ENTITY_RE = re.compile(r"\bwhich\s+(?:company|firm|person|individual|country|administration|member\s+state|"
                               r"organi[sz]ation|operator|vendor)\s+(?:currently\s+)?(?:chairs|heads|holds|presides|convenes|"
                               r"hosts|is\s+(?:the\s+)?(?:chair|head|host)\w*)\b"
                               # "which countries are in the RAG bureau?", "which companies sit on …": who the members are
                               r"|\bwhich\s+(?:countries|member\s+states|administrations|companies|firms|operators|people|persons)"
                               r"\s+(?:currently\s+)?(?:are|sit|serve|were)\s+(?:in|on)\b", _I)

# "which number was picked as the emergency number?", "what phone number got allocated …?": a number
# as a value (not "what number of …", a count), which a clause gives in digits or not at all.
# (not one the asked duty is about: "are member states asked to let roaming users know which emergency numbers
# to dial?")
_NUMBER_VALUE_Q_RE = re.compile(r"(?<!\bknow\s)(?<!\bknows\s)(?<!\btell\s)(?<!\blearn\s)(?<!\babout\s)(?<!\bon\s)"
                                r"\b(?:what|which)(?:'s|\s+is|\s+was)?\s+(?:[\w-]+\s+){0,4}?(?:number|numbers|short\s+code)\b(?!\s+of\b)"
                                # ("which TSB circular number announced the last call …?")
                                r"(?=[^?]*\b(?:picked|chosen|allocated|assigned|selected|designated|agreed|adopted|announced|issued|"
                                r"reserved|used|dial(?:led)?|is|was|were|got|has\s+been|settled|decided|fixed|harmoni[sz]ed)\b)", _I)
# (not the number of a Recommendation: "E.164" gives no code)
_CODE_RE = re.compile(r"\+\s?\d{1,4}\b|(?<!No\.\s)(?<![A-Z]\.)\b(?!(?:19|20)\d\d\b)\d{2,4}\b(?![./]\d)")
# "Which bands …": the answer is a frequency, which a clause gives in Hz or not at all.
_BANDS_Q_RE = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,3}(?:bands?|frequenc(?:y|ies)|frequency\s+ranges?)\b", _I)
# "how often does the PP meet?", asked alone (a second question may be what the clauses answer)
_SOLE_HOW_OFTEN_Q_RE = re.compile(r"^\W*how\s+often\s+(?:does|do|is|are|will|must|should|can|has|have)\s+[^?,;]+?\??\s*$", _I)
_HOW_OFTEN_SPAN_RE = re.compile(r"\b(?:(?:every|each|per)\s+(?:[\w-]+\s+(?:(?:to|or)\s+[\w-]+\s+)?)?(?:years?|months?|weeks?|days?|sessions?|meetings?|"
                                r"quarters?|conferences?|assembl(?:y|ies)|study\s+periods?)|once|twice|yearly|"
                                r"(?:semi-?|bi)?annual(?:ly)?|biennial(?:ly)?|quadrennial(?:ly)?|quarterly|monthly|weekly|daily|"
                                r"regular(?:ly)?|periodic(?:al(?:ly)?)?|\w+\s+times\s+a|as\s+(?:necessary|required|needed)|"
                                r"ad\s+hoc)\b", _I)
_FREQ_RE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?[kMGT]Hz\b")
_FOREIGN_RE = re.compile(r"[àâçéèêëîïôûùüÿñæœ¿¡]|[\u0400-\u04ff]|[\u0600-\u06ff]|[\u4e00-\u9fff]", _I)


@functools.cache
def _country_re() -> re.Pattern[str]:
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            # "Korea, Republic of" is never typed so; "Republic of Korea" and "Korea" are.
            if n and "," not in n and "(" not in n:
                names.add(n)
    # How people write the countries most asked about (case-sensitive: "US", never "us").
    names |= {"US", "USA", "U.S.", "UK", "UAE", "Russia", "South Korea", "North Korea", "Iran", "Syria",
              "Vietnam", "Bolivia", "Venezuela", "Tanzania", "Laos", "Moldova", "Korea", "Republic of Korea", "Turkey",
              "Vatican", "Micronesia", "Macedonia", "Ivory Coast", "Cape Verde",
              "Swaziland", "Burma", "Brunei", "Britain", "Great Britain"}
    # ITU's regions: "the hotline for Europe" needs a clause about Europe.
    names |= {"Europe", "Africa", "the Americas", "Asia-Pacific", "Asia and the Pacific", "Arab States", "Latin America",
              "the Caribbean"}
    alt = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\b(?:the\s+)?({alt})(?='s\b|\b|(?<=\.))")


@functools.cache
def _lower_country_re() -> tuple[re.Pattern[str], dict[str, str]]:
    """Country names as typed in chat, in lower case ("what code does switzerland use?"), each with its
    proper form; not those that are also everyday words ("turkey", "jordan")."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n and len(n) >= 5 and n.lower() not in _EVERYDAY_COUNTRY_WORDS:
                names[n.lower()] = n
    alt = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alt})(?![\w-])"), names


_EXAMPLES_RE = re.compile(r"\((?:e\.g\.|i\.e\.|like|such\s+as)?[^()]*?\betc\.?\)|\((?:e\.g\.|like|such\s+as)\s[^()]*\)"
                          r"|\b(?:e\.g\.|such\s+as|like)\s+[\w\s,-]+?\s+etc\b\.?"
                          # "who is encouraged to chip in like Saudi Arabia, the UAE and Czechia did?"
                          r"|\b(?:like|as)\s+[\w\s,'-]{2,80}?\s+(?:did|have|has|had|do)\b", _I)
_EVERYDAY_COUNTRY_WORDS = frozenset({"turkey", "jordan", "georgia", "guinea", "niger", "chile", "jersey"})


def countries_in(question: str) -> list[str]:
    """Countries the question names ("Kenya's numbering plan", "switzerland"): an answer must speak of them."""
    found = [m.group(1) for m in _country_re().finditer(question)]
    lower, canonical = _lower_country_re()
    found += [canonical[m.group(1)] for m in lower.finditer(question)]
    return list(dict.fromkeys(found))


@dataclass
class Verdict:
    """What the evidence check concluded: abstain (and why), or answer, perhaps thinly."""

    abstain: bool = False
    reason: str = ""  # one sentence, for the abstention
    missing: list[str] = field(default_factory=list)  # the terms or names the corpus lacks
    thin: bool = False
    uncovered: list[str] = field(default_factory=list)  # key words of the question no cited clause holds


_EVERY_YEAR_RE = re.compile(r"\b(?:every|each|per|a)\s+year\b", re.IGNORECASE)
# "when is WTSA meant to take place?": the texts say a meeting "shall be held"
_TAKE_PLACE_RE = re.compile(r"\b(?:take|takes|took|taking|taken)\s+place\b", re.IGNORECASE)


_GROUP_SHORT = [(re.compile(r"\bSGs\b"), "study groups"), (re.compile(r"\bSG\b(?![\d/-])"), "study group"),
                (re.compile(r"\bWPs\b"), "working parties"), (re.compile(r"\bWP\b(?![\d/-])"), "working party")]


_EVENT_YY_RE = re.compile(r"\b(?P<body>PP|WTSA|WTDC|WRC|RA)-(?P<yy>\d{2})\b")


# The categories of ITU membership: a sum for one is not a sum for another ("the contributory unit of Member
# States … CHF 318 000" does not answer "the Sector Member contributory unit in CHF").
_MEMBERS_RE = re.compile(r"\b(Sector\s+Member|Member\s+State|Associate|Academia|SME)s?\b", _I)
_SMALL_BUSINESS_RE = re.compile(rf"\b{SMALL_BUSINESS}\b", _I)  # "a small business … as an Associate": an SME


def _members(text: str) -> set[str]:
    found = {" ".join(m.group(1).lower().split()) for m in _MEMBERS_RE.finditer(text)}
    return found | ({"sme"} if _SMALL_BUSINESS_RE.search(text) else set())


def _same_members(question: str, text: str) -> bool:
    asked, said = _members(question), _members(text)
    return not asked or bool(asked & said) or not said


# "what kind of price do non-members pay?", "what costs do remote participants still cover themselves?":
# which costs or prices, answered in words ("a market price", "local call charges"), not a sum.
_WHICH_KIND_Q_RE = re.compile(r"\bwhat\s+(?:kinds?|types?|sorts?)\s+of\b|\b(?:what|which)\s+(?:[\w-]+\s+)?"
                              r"(?:costs|charges|expenses|fees)\s+(?:do|does|are|is|r|will|would|can|cannot|can't|must|should)\b[^?]*"
                              r"\b(?:cover|covered|bear|borne|include|included|still|off[\s-]limits|exempt(?:ed)?|protected|"
                              # "which costs are off limits when the Council cuts spending?": the items spared
                              r"excluded|spared|untouchable|cut|reduced)\b"
                              # "what do they still have to pay for?": the things paid for
                              r"|\bpay\s+for\s*\?*\s*$", _I)


def asks_amount(question: str) -> bool:
    """"What is the budget cap …?", "how much does X pay?": a sum of money is asked for ("can the SG spend
    above budget …?" asks whether, not how much)."""
    m = _AMOUNT_Q_RE.search(question)
    if m and _COUNTED_CEILING_RE.search(m.group(0)):
        return False  # "the staff headcount ceiling for an SME": a count of people, not a sum
    return bool(m) and not _MEANING_Q_RE.search(question) and not _WHICH_KIND_Q_RE.search(question) \
        and not (m is not None and m.group(0).lower().startswith("spend") and _YES_NO_Q_RE.match(question)
                 and not re.search(r"\b(?:how\s+much|what|which)\b", question, _I))


_COUNTED_CEILING_RE = re.compile(r"\b(?:head\s?counts?|staff|employees?|people|persons|members|participants|delegates|"
                                 r"pages?|words?|days?|weeks?|months?|years?)\s+(?:ceiling|rate|amount)\b", _I)
_YES_NO_Q_RE = re.compile(r"^(?:[^?:]{0,40}:\s*)?\s*(?:can|could|may|might|must|is|are|does|do|did|should|shall|will|"
                          r"would)\b", _I)


def gives_amount(text: str, question: str = "") -> bool:
    """The text gives a sum; for `question`, one for the members and years it names."""
    return _gives_sum(text, question, _YEAR_RE.findall(_REF_YEAR_RE.sub(" ", question)) if question else [])


# Numbers that name, not count: "ITU-D Study Group 1", "SG17", "Question 4/17", "Resolution 45", "clause 7.4"
_LABEL_NUMBER_RE = re.compile(r"\b(?:Study\s+Groups?|SGs?|Questions?|Q|Resolutions?|Res\.?|Decisions?|Recommendations?|"
                              r"clauses?|sections?|§|Articles?|No\.|Nos\.)\s*\d+(?:[./-]\d+)*(?:\s*(?:,|and|or)\s*\d+(?:[./-]\d+)*)*"
                              r"|\bSG\d+\b|\b[A-Z]\.\d+(?:\.\d+)*\b", _I)


def _unlabelled(text: str) -> str:
    """The text without the numbers that label things and the years of references: what is left counts."""
    return _LABEL_NUMBER_RE.sub(" ", _REF_YEAR_RE.sub(" ", text))


def _gives_sum(text: str, question: str, years: list[str]) -> bool:
    """A sum, for the membership category the question names and in each of `years`; money when money is
    asked ("how much did ITU spend on the new HQ in 2023?" is no "65% of households by 2023")."""
    money = _MONEY_Q_RE.search(question) and not _SHARE_Q_RE.search(question)
    found = _MONEY_RE.search(text) if money else _AMOUNT_RE.search(text)
    if not money and found and _MONEY_WORD_RE.search(question) and not _SHARE_Q_RE.search(question) \
            and not _MONEY_WORD_RE.search(text) and all(_PER_CENT_RE.search(m.group(0)) for m in _AMOUNT_RE.finditer(text)):
        # "SMEs … more than 90 per cent of the national industry" is a share of something else, no fee: a
        # share answers a fee or cost asked only where the text speaks of money ("7 per cent of the budget");
        # "how much support is needed?" is answered by "70% of replies"
        return False
    return bool(found) and _same_members(question, text) and all(y in text for y in years)


_PER_CENT_RE = re.compile(r"per\s*cent|%", _I)
_MONEY_WORD_RE = re.compile(r"\b(?:fees?|budget\w*|costs?|pric(?:e|es|ing)|charges?|contribut\w+|expen\w+|revenues?|income|"
                            r"funds?|funding|financ\w+|salar\w+|paid|pay\w*|spend\w*|spent|CHF|francs?|dollars?|surplus|"
                            r"deficit|arrears|savings?|tariffs?|rates?|allowances?|reserves?)\b", _I)


# Spending, or a currency named: a sum of money answers ("support cost … 7 per cent" and "a share of the budget"
# are shares)
_MONEY_Q_RE = re.compile(r"\b(?:spend|spends|spent|spending|CHF|francs?|dollars?|USD|EUR|euros?)\b", _I)
_SHARE_Q_RE = re.compile(r"\b(?:share|percent(?:age)?|per\s*cent|proportion|fraction|how\s+much\s+of)\b|%", _I)
_MONEY_RE = re.compile(r"\b(?:CHF|USD|EUR|Swiss\s+francs?|US\s+dollars?)\b|[$€£]\s?\d|\b\d[\d\s,.]*\s*(?:million|billion)\b"
                       r"|\b(?:one|a)[-\s](?:half|third|quarter|fourth|fifth|sixth|eighth|tenth|sixteenth|thirty[-\s]?second|"
                       r"sixty[-\s]?fourth)\b[^.;]{0,40}\bcontributory\s+unit", _I)


def event_as_written(text: str, keep: bool = True) -> str:
    """"PP-22" as the texts schedule it: "the Plenipotentiary Conference … in 2022"; "WTSA-20" as "WTSA …
    2020". `keep`: the short name stays beside the full one, for the search (a text may use it: "WRC-19
    shall be held …"); coverage reads the full one alone."""
    def full(m: re.Match[str]) -> str:
        body = m.group("body")
        name = "Plenipotentiary Conference" if body == "PP" else body
        return f"{m.group(0) + ' ' if keep else ''}{name} 20{m.group('yy')}"

    return _EVENT_YY_RE.sub(full, text)


def key_text(question: str) -> str:
    """The question without the words that only shape it: what coverage is measured on. "Every year" is
    read as the texts write it, "annually"; "a SG / WP meeting" as "study group / working party" (left as
    typed for the search, where the short forms ranked well)."""
    question = event_as_written(_TAKE_PLACE_RE.sub("held", _EVERY_YEAR_RE.sub("annually", question)), keep=False)
    for rx, full in _GROUP_SHORT:
        question = rx.sub(full, question)
    words = [w for w in re.findall(r"[\w-]+", question) if not (lexical_tokens(w) and lexical_tokens(w)[0] in GENERIC)]
    return " ".join(words) or question


def _generic(t: str) -> bool:
    """A question word, or a typo of one ("wich", "handels"); a common English word is no typo ("staff" is
    not "stuff"; "handel" is too rare to be meant)."""
    from retrieval.answering.spelling import english_count

    return t in GENERIC or (len(t) >= 4 and bool(difflib.get_close_matches(t, GENERIC, n=1, cutoff=0.8))
                            and english_count(t) < _COMMON_WORD)


_COMMON_WORD = 1000  # pyspellchecker's count above which a word is typed on purpose


def content_terms(text: str) -> list[str]:
    return [t for t in dict.fromkeys(lexical_tokens(text)) if not _generic(t) and not t.isdigit()]


# The Recommendation as the subject of the question ("does A.1 allow …", "can A.8 …") is its source too.
_SOURCE_BEFORE_RE = re.compile(r"(?:\b(?:under|in|per|by|from|of|according\s+to)\s+|\bwhat(?:'s|\s+(?:does|do|did|is))\s+|"
                               r"\b(?:does|doesn't|did|do|can|could|will|would|should|must)\s+|^\s*)"
                               r"(?:(?:the\s+)?(?:ITU-T\s+)?Rec(?:ommendation)?\.?\s+(?:ITU-T\s+)?)?$"
                               # "what is the ITU-T A.2 template …?": the thing asked for is A.2's
                               r"|\bwhat(?:'s|\s+is|\s+are)\s+the\s+$", _I)
_BRACKET_OPEN_RE = re.compile(r"\(\s*(?:see\s+|per\s+|cf\.?\s+|ref\.?\s+)?(?:(?:ITU-T\s+)?Rec(?:ommendation)?\.?\s+)?$", _I)
_SOURCE_AFTER_RE = re.compile(r"^(?:'s)?\s*(?:(?:actually|really|exactly|basically|in\s+fact)\s+)?"
                              r"(?:says?|said|requires?|defines?|specif(?:y|ies|ied)|describes?|covers?|contains?|"
                              r"clauses?|cl\.|§|sections?|annex|templates?|format|forms?"
                              # "walk me through the A.13 procedure": the Recommendation's own procedure
                              r"|(?:approval\s+)?(?:procedures?|process|rules?|steps?|workflow)(?=\s+(?:for|to|on)\b|\s*[?.]|$))\b", _I)


def without_recommendations(text: str) -> str:
    """The text without the Recommendation numbers it names ("what is a common team in A.Sup5?" → "what is
    a common team in ?")."""
    return " ".join(_REC_RE.sub(" ", norm_hyphens(text)).split())


def recommendations_asked(question: str) -> list[str]:
    """The Recommendations a question takes its answer from ("under A.8", "A.8 says", "in ITU-T E.119"),
    not those it only mentions ("… the D.50 work")."""
    q = norm_hyphens(question)
    out = []
    for m in _REC_RE.finditer(q):
        if _SOURCE_BEFORE_RE.search(q[: m.start()]) or _SOURCE_AFTER_RE.match(q[m.end():]) or (
                # "… to a SG or WP meeting (A.1)?": the source alone in brackets ("(D.50 + its supplement)" names
                # what is asked about)
                _BRACKET_OPEN_RE.search(q[: m.start()]) and re.match(r"\s*\)", q[m.end():])):
            out.append(m.group(1))
    return list(dict.fromkeys(out))


# ("under Res 52, what …?" sets the source first; "the info admins send in under WRC Res 49 - which bureau
# publishes it?" only says which info, deep in its subject)
_ASKED_BEFORE_RE = re.compile(r"(?:^|^\W*(?:\w+\s+){0,2}?(?:under|in|per|according\s+to|from)|\b(?:does|did|do|what|"
                              r"what's|whats|is))\s*(?:the\s+)?(?:\w+\s+)?$", _I)
_ASKED_AFTER_RE = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:says?|said|requires?|required|defines?|provides?|states?|"
                             r"establish(?:es)?|covers?|instructs?|resolves?|decides?|invites?|asks?|[,:?]|$)", _I)


_UNDER_RE = re.compile(r"\b(?:under|per|according\s+to)\s+(?:the\s+)?$", _I)
_CLOSES_RE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:on|about|for|regarding)\s+[^,:;?\u2013\u2014-]+)?\s*[?.!]?\s*$", _I)


def asked_as_source(question: str, ref_text: str) -> bool:
    """"What does WTSA Res 52 require?", "under Res 52, …": the answer is to come from that text.
    "projects coming out of WTSA Res 52" only names it."""
    pos = question.lower().find(ref_text.lower())
    if pos < 0:
        return True
    after = question[pos + len(ref_text):]
    # "Res 52, what …?" and "per WTSA Res 52: …" set the source first; a comma after a reference deep in the
    # question's subject ("… the info sent in under WRC Res 49, plus …") closes only that phrase
    opening = len(question[:pos].split()) <= 3
    return bool(_ASKED_BEFORE_RE.search(question[:pos]) or (_ASKED_AFTER_RE.match(after) and
                (opening or not re.match(r"\s*[,:]", after)))
                # "who's in charge under PP-18 res 214 on AI?": the text the answer is to come from, closing the
                # question ("info sent in under WRC Res 49 - which bureau …?" only describes the info)
                or (_UNDER_RE.search(question[:pos]) and _CLOSES_RE.match(after)))


# "what does WTSA Res 52 require …?", "what's in Res 37", "Res 182 … actually ask": the text's own words asked
_ITS_WORDS_BEFORE_RE = re.compile(r"\bwhat(?:'s|\s+is|\s+(?:exactly\s+)?(?:does|did|do))\s+(?:in\s+)?(?:the\s+)?(?:\w+\s+){0,2}?$", _I)
_ITS_WORDS_AFTER_RE = re.compile(r"^(?:\s+\([^)]*\))?(?:\s+(?:on|about)\s+[\w\s-]+?)?\s+(?:itself\s+|actually\s+|really\s+)?"
                                 r"(?:says?|said|requires?|defines?|provides?|states?|instructs?|resolves?|decides?|"
                                 r"invites?|asks?|tells?|covers?)\b", _I)


def asks_its_words(question: str, ref_text: str) -> bool:
    """"What does WTSA Res 52 require?", "what does PP res 182 on climate change actually ask …?": what the
    text itself says, not what another text says of it."""
    pos = question.lower().find(ref_text.lower())
    if pos < 0:
        return False
    return bool(_ITS_WORDS_BEFORE_RE.search(question[:pos]) or _ITS_WORDS_AFTER_RE.match(question[pos + len(ref_text):]))


# The Union's basic instruments and treaties, which the corpus does not hold but its texts cite by provision
# ("No. 160 of the Constitution", "Article 28 of the Constitution", "the Radio Regulations").
_BASIC_TEXT_RE = re.compile(r"(?:\b(?P<prov>(?:Art(?:icle)?|No)\.?\s*\d+[A-Z]?)\s+of\s+(?:the\s+)?)?"
                            r"(?P<text>(?:ITU\s+)?(?:Constitution|Convention)(?:\s+of\s+(?:the\s+)?ITU)?|Radio\s+Regulations|"
                            r"International\s+Telecommunication\s+Regulations|ITRs)\b", _I)


# "under RR article 9, …", "Radio Regulations No. 9.7": the instrument first, then its provision (the
# Constitution's "No. 169" a resolution restates is read by the pattern above, as a question about its words)
_BASIC_PROVISION_RE = re.compile(r"\b(?P<text>RR|Radio\s+Regulations)\s+(?P<prov>(?:Art(?:icle)?|No)\.?\s*\d+(?:\.\d+)*[A-Z]?)\b", _I)


def basic_text_asked(question: str) -> tuple[str, str] | None:
    """(The provision, the instrument) a question asks the words of ("what does article 28 of the ITU
    Constitution say …?", "under the Convention, …"), or None: the basic texts are not in the corpus."""
    if m := _BASIC_PROVISION_RE.search(question):
        return " ".join(m.group("prov").split()), "Radio Regulations"
    for m in _BASIC_TEXT_RE.finditer(question):
        before = question[: m.start()].split()[-1:]
        if not m.group("prov") and before and before[0][:1].isupper() and before[0] not in ("ITU", "The", "ITU's"):
            continue  # "the Tampere Convention" is another treaty, which the corpus's texts may well restate
        core = re.search(r"Constitution|Convention|Radio\s+Regulations|International\s+Telecommunication\s+Regulations|ITRs",
                         m.group("text"), _I)
        name = "ITRs" if core is None or core.group(0).lower() == "itrs" else " ".join(core.group(0).split()).title()
        if asks_its_words(question, m.group(0)) or (m.group("prov") and asked_as_source(question, m.group(0))):
            return (" ".join(m.group("prov").split()) if m.group("prov") else "", name)
    return None


def basic_text_quoted(prov: str, name: str, clauses: Iterable[Clause]) -> bool:
    """A clause cites the very provision asked ("in accordance with No. 160 of the Constitution")."""
    if not prov:
        return False
    num = re.sub(r"\D", "", prov)
    rx = re.compile(rf"\b(?:Art(?:icle)?|No)\.?\s*{num}\b[^.;]{{0,20}}\b{name.split()[0]}", _I)
    return any(rx.search(c.text) for c in clauses)


# "how is a 'roaming charge' defined?", "what does “zero rating” mean?": a quoted term of a few words
_QUOTED_TERM_RE = re.compile(r"(?:^|(?<=[\s(]))['\u2018\"\u201c](?P<term>[A-Za-z][\w-]*(?:\s[\w-]+){0,3})['\u2019\"\u201d](?=[\s?,.:;)]|$)")
# … or unquoted, of two or three words: "what's the definition of an interconnection charge?"
_DEFINED_TERM_RE = re.compile(r"\bdefinition\s+of\s+(?:an?\s+|the\s+)?(?P<term>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){1,2})"
                              r"\s*(?=[?.,;:]|$|\s+(?:in|under|per|according|again)\b)"
                              r"|\bhow\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<term2>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){1,2})\s+defined\b"
                              # "how does D.000 define an international mobile roaming charge?"
                              r"|\b(?i:how\s+(?:does|do))\s+(?:\S+\s+)?define\s+(?:an?\s+|the\s+)?"
                              r"(?P<term3>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){1,3})\s*(?=[?.,;:]|$)")
_DEFINITION_Q_RE = re.compile(r"\bdefin(?:ed|es|e|ition)\b|\bmeans?\b|\bmeaning\b|\bstands?\s+for\b", _I)


def _term_to_define(q: str) -> tuple[str | None, bool]:
    """The term a question asks to be defined, and whether it was quoted: quoted ("how is a 'roaming charge'
    defined?"), or of two or three words after "definition of" or between "how is" and "defined"."""
    if not _DEFINITION_Q_RE.search(q):
        return None, False
    if (m := _QUOTED_TERM_RE.search(q)) is not None:
        return m.group("term"), True
    m = _DEFINED_TERM_RE.search(q)
    if m is None:
        return None, False
    words = (m.group("term") or m.group("term2") or m.group("term3")).split()
    # the term ends before a word that joins it to the rest ("the definition of a disaster from …")
    cut = next((i for i, w in enumerate(words) if w in STOPWORDS), len(words))
    words = words[:cut]
    while words and words[-1] in CHAT_WORDS:  # "definition of collection charge pls"
        words.pop()
    return (" ".join(words) if len(words) >= 2 else None), False


def _term_forms(term: str) -> set[str]:
    """A term as typed, in the case a text may print it, singular too ("hot topics" → "Hot Topic")."""
    forms = {term, term.lower(), term[:1].upper() + term[1:], term.title()}
    return forms | {f[:-1] for f in forms if f.endswith("s") and len(f) > 4}


def named_things(question: str) -> list[str]:
    """Events with a year, Recommendation numbers, years and quantities the question names."""
    q = norm_hyphens(question)
    out: list[str] = [m.group(0) for m in _EVENT_RE.finditer(q)]
    out += [m.group(0) for m in _REC_RE.finditer(q)]
    out += [m.group(0) for m in _YEAR_RE.finditer(q) if not any(m.group(0) in o for o in out)]
    out += [m.group(0) for m in _QUANTITY_RE.finditer(q)]
    out += [m.group(0) for m in _GENERATION_RE.finditer(q)]
    out += [f"Resolution {m.group(1)}" for m in _RES_NAMED_RE.finditer(q)]
    # "ITU-R Study Group 6", "SG 13": a study group the texts never name is nothing they can speak for
    out += [" ".join(m.group(0).split()) for m in _STUDY_GROUP_NAMED_RE.finditer(q)]
    return list(dict.fromkeys(out))


_STUDY_GROUP_NAMED_RE = re.compile(r"\b(?:ITU-[RTD]\s+)?(?:Study\s+Group|SG)\s?(?P<n>\d{1,2})\b(?![./-]\d)", _I)


EVENT_NAMES = {"PP": "Plenipotentiary Conference", "WTSA": "World Telecommunication Standardization Assembly",
               "WTDC": "World Telecommunication Development Conference", "WRC": "World Radiocommunication Conference",
               "RA": "Radiocommunication Assembly", "WTPF": "World Telecommunication/ICT Policy Forum",
               "WCIT": "World Conference on International Telecommunications"}


def mentioned(thing: str, corpus_has: Callable[[str], bool]) -> bool:
    """"WRC-23" is mentioned as "WRC-23" or "WRC-2023"; "6 GHz" as "6 GHz" or "6GHz"."""
    forms = {thing, thing.replace(" ", ""), re.sub(r"\s+", " ", thing)}
    ev = _EVENT_RE.fullmatch(thing)
    if ev:
        yy = ev.group(1)
        head = thing[: ev.start(1)].rstrip("- ")
        full = yy if len(yy) == 4 else f"20{yy}"
        forms |= {f"{head}-{yy[-2:]}", f"{head}-{full}", f"{head} {full}", f"{head}-{yy}"}
        # "the 2022 plenipotentiary conference", "the Plenipotentiary Conference in 2022": PP-22 by name
        long = EVENT_NAMES.get(head.upper())
        if long:
            for name in (long, long.lower()):
                forms |= {f"{full} {name}", f"{name} in {full}", f"{name} of {full}", f"{name}, {full}",
                          # "Resolution 1 (Dubai, 2012) of the World Conference on International Telecommunications"
                          f"{full}) of the {name}"}
    rec = _REC_RE.fullmatch(thing)
    if rec:
        forms.add(rec.group(1))
    sg = _STUDY_GROUP_NAMED_RE.fullmatch(thing)
    if sg:
        # named with any Sector's prefix or none, in full or as "SG6", the space before the number as the
        # documents store it too ("Study Group\u00a03" in WTSA Res 1)
        forms |= {f"Study Group{sp}{sg.group('n')}" for sp in (" ", "\u00a0")} | \
            {f"SG{sp}{sg.group('n')}" for sp in ("", " ", "\u00a0")}
    return any(corpus_has(f) for f in forms)


def _names_variant(variant: str, text: str) -> bool:
    """"type C" in "type C", or among several ("types C and D", "categories 1, 2 or 3")."""
    word, label = variant.rsplit(None, 1)
    others = r"(?:(?:[A-Z]|\d{1,2})\s*(?:,|and|or|&)\s*)*"
    return bool(re.search(rf"\b{re.escape(word)}(?:s|es|ies)?\s+{others}{re.escape(label)}(?!\w)", text, _I)
                or (word.lower() == "category" and re.search(rf"\bcategories\s+{others}{re.escape(label)}(?!\w)", text, _I)))


def _same_section(a: Clause, b: Clause) -> bool:
    """Two numbered clauses under one heading of one document ("clause.10.4.1", "clause.10.4.2")."""
    pa, pb = a.clause_id.rpartition("."), b.clause_id.rpartition(".")
    return a.doc_id == b.doc_id and pa[0] == pb[0] and "#" in pa[0] and pa[2].isdigit() and pb[2].isdigit()


def _best(clauses: list[Clause], score: Callable[[str], float]) -> tuple[Clause | None, float]:
    best: tuple[Clause | None, float] = (None, 0.0)
    for c in clauses:
        s = score(c.text)
        if s > best[1]:
            best = (c, s)
    return best


def _judge_core(question: str, clauses: list[Clause], *, corpus_has: Callable[[str], bool],
          known_word: Callable[[str], bool], coverage: Callable[[str], float], foreign: bool = False,
          exact_word: Callable[[str], bool] | None = None, this_year: int = 0,
          per_text: bool = False, together: Callable[[str], bool] | None = None) -> Verdict:
    """Whether `clauses` (the evidence an answer would cite, best first) answer `question`.

    corpus_has(s): the corpus text contains s (case-sensitive substring, hyphens normalised).
    known_word(stem): the corpus uses the stemmed word, or one a typo away.
    coverage(text): the share of the question's idf mass a text holds (lexical.coverage_of)."""
    # Both modules read this one's patterns and words: imported here, not at the top.
    from retrieval.answering.compose.direct import (
        asks_enumeration,
        asks_quantity,
        asks_which_question,
        enumerates,
        holds_quantity,
    )
    from retrieval.answering.query import without_revisions

    q = norm_hyphens(question)
    absent = [t for t in named_things(q) if not mentioned(t, corpus_has)]
    if absent:
        names = ", ".join(absent)
        verb = "is" if len(absent) == 1 else "are"
        return Verdict(abstain=True, missing=absent, reason=f"{names} {verb} not in the corpus.")
    term, quoted = _term_to_define(q)
    if term and not any(corpus_has(f) for f in _term_forms(term)) and not (
            # unquoted, its words in another order are the term too ("age groups of youth")
            not quoted and any(set(lexical_tokens(term)) <= set(lexical_tokens(c.text)) for c in clauses[:3])):
        # "D.000 - how is a 'roaming charge' defined?": a term asked to be defined that no text uses
        return Verdict(abstain=True, missing=[term], reason=f"“{term}” is not in the corpus, so no text defines it.")
    if term and clauses and not any(set(lexical_tokens(term)) <= set(lexical_tokens(f"{c.lead_in} {c.text}"))
                                    for c in clauses[:3]):
        # "What's the definition of 'Associate' in A.1?": A.1's "This Recommendation defines the following terms:"
        # holds none of it; the texts that use the word do not define it there
        return Verdict(abstain=True, missing=[term], reason=f"The clauses found do not define “{term}”.")
    parties = [a or b for a, b in _ACRONYM_RE.findall(q)]
    unnamed = [a for a in dict.fromkeys(parties) if a not in _CHAT_ACRONYMS and not corpus_has(a)]
    if unnamed:
        # "CEPT's position": a body or programme the corpus never names is not something it can speak for.
        names = ", ".join(unnamed)
        return Verdict(abstain=True, missing=unnamed, reason=f"{names} {'is' if len(unnamed) == 1 else 'are'} "
                       "not mentioned in the corpus.")
    terms = content_terms(q)
    foreign = foreign or bool(_FOREIGN_RE.search(q))
    unknown: list[str] = []
    if not foreign:
        # Short words are too often typos or abbreviations to prove anything ("wich").
        # "4-year" is written "four-year" or "every four years": a number proves nothing missing.
        closed = _closed_first_parts(q, corpus_has)
        unknown = [t for t in terms if len(t) >= 4 and not known_word(t) and not any(ch.isdigit() for ch in t)
                   and t not in closed]
        known_part = " ".join(w for w in re.findall(r"[\w-]+", q) if lexical_tokens(w)
                              and lexical_tokens(w)[0] in set(terms) - set(unknown))
        # Words the corpus never uses, and what it does use of the question is not found together.
        # … or one of them is what the question is about ("a resolution on quantum computing", "the
        # Focus Group on metaverse"): a subject the corpus never names.
        subject = " ".join(m.group(1) for m in _SUBJECT_RE.finditer(q))
        strong = [t for t in unknown if len(t) >= 5 and t.isalpha() and t in lexical_tokens(subject)]
        if (unknown and len(unknown) / max(1, len(terms)) >= 0.3 and
                _best(clauses[:3], coverage)[1] < 0.8 * _share(coverage, known_part)) or strong:
            words = ", ".join(f"“{w}”" for w in _surface(q, unknown))
            return Verdict(abstain=True, missing=_surface(q, unknown),
                           reason=f"Nothing in the corpus mentions {words}.")
        if together is not None and (phrase := _phrase_never_together(q, together, known_word)):
            return Verdict(abstain=True, missing=[phrase],
                           reason=f"No text in the corpus speaks of “{phrase}”.")
    asked_noun = _asked_noun(q)
    amount_asked = asks_amount(q) and not foreign  # ("en cuanto a" is "as regards", no amount)
    spans_decide = amount_asked or any(rx.search(q) for rx in (_WHEN_Q_RE, _HOW_MANY_RE))
    # a span of any kind is the answer (an amount, a date, a count, a period, a share): given for another
    # Sector, meeting or kind of text, it answers nothing
    asks_span = spans_decide or asks_quantity(q)
    # ("the threshold of replies needed" asks a value, which a clause gives in its own words: "70 per cent")
    if asked_noun and not foreign and not spans_decide and len(asked_noun[1]) >= 4 and not known_word(asked_noun[1]) \
            and not _THRESHOLD_Q_RE.search(q):
        # "What's the quorum for TSAG?": the thing asked for is a word the corpus never uses. An amount, a
        # date or a count is judged by whether a clause gives one ("the ceiling …" is "CHF 85 million").
        return Verdict(abstain=True, missing=[asked_noun[0]], reason=f"Nothing in the corpus mentions “{asked_noun[0]}”.")
    if _CURRENT_RE.search(q):
        return Verdict(abstain=True, missing=["current figures"],
                       reason="The corpus holds adopted texts; it does not give current figures or memberships.")
    if _EDITION_Q_RE.search(q):
        return Verdict(abstain=True, missing=["that edition"],
                       reason="The texts set up recurring events and awards; what one year's edition holds (its theme, "
                              "dates, deadlines, winners) is announced apart, not in them.")
    outcome = _OUTCOME_RE.search(q)
    if outcome and not (re.fullmatch(r"ended\s+up", outcome.group(0), _I) and asks_which_question(q)):
        # ("which SG17 Question ended up hosting the incubation queue?": which one the meeting documents chose)
        return Verdict(abstain=True, missing=["outcomes"],
                       reason="The corpus holds adopted texts; they say what was decided or planned, not what came "
                              "of it (whether it was achieved, what a review or survey found).")
    # (a country given as an example, "the countries-in-special-need list (afghanistan etc.)", is not asked about)
    places = [p for p in countries_in(_EXAMPLES_RE.sub(" ", q)) if not any(p in c.text for c in clauses[:3])]
    if places:
        names = ", ".join(places)
        return Verdict(abstain=True, missing=places,
                       reason=f"The clauses found say nothing specific to {names}.")
    # "type D telex signalling", "category 2 …": a variant the question names by its letter or number is the
    # one asked about; a clause on type B is about another (U.1 gives types A and B, not D).
    variants = [m.group(0) for m in _VARIANT_RE.finditer(q)]
    # (one among several, "types C and D", counts in the clause the answer leads with: a clause on type B
    # beside a recital listing C and D gives no timings of type D)
    unnamed_variants = [v for v in dict.fromkeys(variants) if not any(
        re.search(re.escape(v).replace(r"\ ", r"\s+") + r"(?!\w)", c.text, _I) or (n == 0 and _names_variant(v, c.text))
        for n, c in enumerate(clauses[:3]))]
    if unnamed_variants:
        names = ", ".join(unnamed_variants)
        return Verdict(abstain=True, missing=unnamed_variants, reason=f"The clauses found say nothing specific to {names}.")
    generations = [g for g in dict.fromkeys(_GENERATION_RE.findall(q)) if not any(g in c.text for c in clauses[:3])]
    if generations:
        names = ", ".join(generations)
        return Verdict(abstain=True, missing=generations, reason=f"The clauses found say nothing specific to {names}.")
    if _LATER_REVISION_RE.search(q):
        return Verdict(abstain=True, missing=["later revisions"],
                       reason="The corpus holds the texts as adopted; a later revision of them is not in it.")
    if _PROPOSAL_FATE_RE.search(q):
        return Verdict(abstain=True, missing=["outcomes"],
                       reason="The corpus holds what contributions proposed; what a meeting decided on them is in "
                              "its records, not in these texts.")
    if _REPLY_Q_RE.search(q):
        return Verdict(abstain=True, missing=["replies"],
                       reason="The corpus holds the documents themselves; a reply to one is a later document, not in it.")
    other_rules = _OTHER_RULES_Q_RE.search(q)
    org = next((g for g in other_rules.group("org", "org2", "org3", "org4", "org5", "org6", "org7", "org8") if g), "") if other_rules else ""
    if org and not any(re.search(re.escape(org).replace(r"\ ", r"\s*"), c.text, _I)
                       and coverage(c.text) >= QUESTION_COVERAGE for c in clauses[:3]):
        org = org if any(ch.isupper() for ch in org) else org.upper()  # as typed in chat: "3gpp", "etsi"
        return Verdict(abstain=True, missing=[f"{org}'s own rules"],
                       reason=f"The corpus holds ITU texts; {org}'s own procedures and policies are not in it.")
    if _GOING_RATE_Q_RE.search(q) and not any(_gives_sum(c.text, q, []) for c in clauses[:3]):
        return Verdict(abstain=True, missing=["current figures"],
                       reason="The corpus holds adopted texts; it does not give going rates or prices.")
    if (result := _RESULT_RE.search(q)) and not _count_stated(result.group(0), clauses[:3], coverage, q) \
            and not _elected_as_a_case(result.group(0), q) and not _place_stated(result.group(0), clauses[:3], coverage, q) \
            and not _acted_stated(result, clauses[:3]) and not (
            # "which bureau director sponsors the IGF coalition?": a text may say so ("… sponsored by the Director
            # of TSB"), and then it answers
            "sponsor" in result.group(0).lower() and any("sponsor" in c.text.lower() for c in clauses[:3])):
        return Verdict(abstain=True, missing=["results"],
                       reason="The corpus holds adopted texts; it does not record who won, ranked, was elected, hosted, "
                              "sponsored a text, attended, signed or committed to something or sat on a group, how "
                              "votes went, or which firm was hired.")
    if chose := _BODY_CHOSE_RE.search(q):
        body = chose.group("body")
        body = body.title() if body.islower() else body
        return Verdict(abstain=True, missing=["outcomes"],
                       reason=f"The texts say what {body} is to decide; what it chose is in its own records, not in "
                              "the corpus.")
    held = _HELD_THING_RE.search(q)
    # (as typed: holds() stems the word itself)
    head = [held.group("head")] if held and any(t not in _EVENT_KIND for t in content_terms(held.group("head"))) else []
    if not _CHOOSER_RE.search(q) and (_PERSON_RE.search(q) or (
            # … unless a clause on what was asked says who holds it ("presided over by the chairman of the
            # assembly" answers for the Steering Committee, not for CWG-LANG; "ISC-TF … headed by the Deputy
            # Secretary-General" not for "the intra-ITU subgroup TSAG set up")
            _HOLDER_RE.search(q) and not any(coverage(c.text) >= 0.5 and _headed(c.text, head) for c in clauses[:3]))):
        return Verdict(abstain=True, missing=["people"],
                       reason="The texts say what posts and groups do, not who holds them.")
    _best_clause, best_cov = _best(clauses[:3], coverage)
    if clauses and _asked_not_answered(clauses[:3], coverage):
        # "What final name did SG17 agree for TP.inno?" found an editor's note asking the same.
        return Verdict(abstain=True, missing=["an answer"],
                       reason="The texts found ask this themselves (an open question in the document) but do not "
                              "answer it.")
    nxt = _NEXT_EVENT_RE.search(q)
    if nxt:
        # The clause must fix a date and name the event itself ("the Plenipotentiary Conference shall be
        # held in the last quarter of 2022" for "the next plenipot").
        fixing = [c for c in clauses[:3] if _FIXED_DATE_RE.search(_REF_YEAR_RE.sub(" ", c.text))
                  and all(holds(set(lexical_tokens(c.text)), w) for w in content_terms(nxt.group("event")))]
        if not fixing:
            return Verdict(abstain=True, missing=["a date"],
                           reason="The clauses found fix no date or place for it; meeting schedules are not in "
                                  "these texts.")
        fixed = [int(y) for m in _FIXED_DATE_RE.finditer(_REF_YEAR_RE.sub(" ", fixing[0].text))
                 for y in re.findall(r"(?:19|20)\d\d", m.group(0))]
        after = _AFTER_YEAR_RE.search(q)
        if fixed and max(fixed) < this_year and not per_text and not _PER_TEXT_RE.search(q) \
                and not (after and max(fixed) > int(after.group(1))):
            # ("after 2019, when are the next RA and WRC?" asks the one after 2019, not the next from today)
            # "When is the next PP?" asked today, answered by a 2018 schedule for 2022: the date has
            # passed, so it is not the next one. "… according to Res 77?" asks what the text says.
            return Verdict(abstain=True, missing=["a current schedule"],
                           reason=f"The latest schedule in the corpus set it for {max(fixed)}, which has passed; "
                                  "no later text is in the corpus.")
    other = _another_sectors_procedure(q, clauses[:3], asks_span or bool(_THRESHOLD_Q_RE.search(q)))
    if other:
        return Verdict(abstain=True, missing=[f"{other[0]}'s own rules"],
                       reason=f"The clauses found are from {other[1]}'s texts and do not speak of {other[0]}; "
                              f"the corpus holds no text of {other[0]}'s on it.")
    if amount_asked:
        years: list[str] = _YEAR_RE.findall(q)
        # The best clause giving the kind of amount asked ("one-thirty second of the contributory unit" for
        # "what fee does an SME pay") answers in its own words ("financial contribution", not "fee").
        # … read with its instrument's title: "a maximum budget … of CHF 140 million" in the resolution on
        # the Headquarters premises is the budget cap for the new HQ building.
        # … and of the thing whose amount is asked: "the total amount of arrears" is no contributory unit
        of = _AMOUNT_OF_RE.search(q)
        thing = [t for t in content_terms(of.group("what")) if t not in _ANSWERED_BY_SPAN] if of else []
        # … and of the event or programme the question names: "money set aside for the Kaleidoscope event in the
        # 2020-2023 budget" is not the CHF 85 million cap on interpretation and translation
        named = _proper_names(q)
        ok = [c for n, c in enumerate(clauses[:3]) if _gives_sum(c.text, q, years)
              and (coverage(f"{c.instrument.title} {_said(c)}") >= 0.5 or (n == 0 and holds_quantity(q, c.text)))
              and all(holds(set(lexical_tokens(f"{c.part} {_said(c)}")), t) for t in thing)
              and all(w.lower() in f"{c.instrument.title} {c.part} {_said(c)}".lower() for w in named)]
        if not ok:
            what = "the amount" + (f" for {', '.join(years)}" if years else "")
            return Verdict(abstain=True, missing=[what],
                           reason=f"The clauses found do not state {what}.")
    if _WHEN_Q_RE.search(q):
        # (read with the title of its text: Res 77 on "scheduling" sets when WTSA is held, Res 212 on the new
        # building when its meetings are)
        # (the best clause, setting a time by an event, speaks of it in its own words more often than not:
        # "by 4 months before the study group meeting" for "by when must the partner's draft be ready?")
        ok = [c for n, c in enumerate(clauses[:3]) if (_DATE_RE.search(_REF_YEAR_RE.sub(" ", c.text))
                                                       and coverage(f"{c.instrument.title} {_said(c)}") >= 0.7)
              or (_EVENT_TIME_RE.search(c.text) and coverage(f"{c.instrument.title} {c.text}")
                  >= (KIND_COVERAGE if n == 0 else WHEN_COVERAGE))]
        if after := _AFTER_YEAR_RE.search(q):
            # "when is the WTDC after 2021?": a clause setting it for 2021 gives the one before
            ok = [c for c in ok if any(int(y) > int(after.group(1)) for y in _YEAR_RE.findall(_REF_YEAR_RE.sub(" ", c.text)))]
        if not ok:
            return Verdict(abstain=True, missing=["a date"],
                           reason="The clauses found do not give that date.")
    # ("who fixes the exact dates …?" asks for whoever sets them, which a clause may say without any date)
    # … and of the event asked: "the exact dates of the 2019 Council session" are not RA-19's, which a clause
    # quoting "Council Resolution 1380" gives
    dates_of = _DATES_OF_RE.search(q)
    event = [w for w in dates_of.group("event").split() if any(t not in _EVENT_KIND for t in content_terms(w))] \
        if dates_of else []
    if _EXACT_DATE_Q_RE.search(q) and not asks_who(q) and not any(
            _DAY_DATE_RE.search(c.text) and coverage(c.text) >= 0.5
            and all(holds(set(lexical_tokens(_INSTRUMENT_NAMED_RE.sub(" ", c.text))), t) for t in event)
            for c in clauses[:3]):
        return Verdict(abstain=True, missing=["exact dates"],
                       reason="The clauses found give no exact dates for it (a year or a quarter at most).")
    if _WHEN_Q_RE.search(q) and clauses and (other_meeting := _another_meeting(q, clauses[0].text)):
        # "Res 1 – deadline for contributions before a SG meeting?": §6.1's month is WTSA's deadline
        asked, given = other_meeting
        return Verdict(abstain=True, missing=[f"a deadline for the {asked}"],
                       reason=f"The clause found gives it for {given}, not for a {asked}.")
    if clauses and (post := _elected_post(q)) and not any(_ELECTED_AS.get(post, {post}) & _posts(c.text)
                                                           for c in clauses[:3]):
        # "term of office of the Secretary-General?" answered by the limit on chairmen's terms (Res 208): the
        # elected officials' terms are the Constitution's, which the clauses found do not speak of
        return Verdict(abstain=True, missing=[f"the rule for the {post}"],
                       reason=f"The clauses found speak of other posts, not of the {post}.")
    if asks_span and clauses and (kind := _another_kind(q, _said(clauses[0]))):
        asked, given = kind
        return Verdict(abstain=True, missing=[f"the rule for {asked}s"],
                       reason=f"The clause found gives it for {given}s, not for {asked}s.")
    # (a Recommendation's own clause on it names it) … and on what was asked: "the number of the L-series
    # Recommendation on e-waste management" is not A.12's clause on how Recommendations are numbered
    rec_topic = _rec_topic_terms(q)
    if _WHICH_REC_Q_RE.search(q) and not any((_REC_RE.search(c.text) or (
            c.instrument.kind in ("recommendation", "supplement") and coverage(c.text) >= 0.5))
            and all(holds(set(lexical_tokens(f"{c.instrument.title} {c.text}")), t) for t in rec_topic)
            for c in clauses[:3]):
        return Verdict(abstain=True, missing=["a Recommendation number"],
                       reason="The clauses found name no Recommendation for it.")
    if _WHICH_QUESTION_Q_RE.search(q) and not any(_QUESTION_NUMBER_RE.search(c.text) for c in clauses[:3]):
        return Verdict(abstain=True, missing=["a Question number"], reason="The clauses found name no Question for it.")
    # (the span is what "how long … last" asks: those words need not be in the clause besides it)
    # … nor in the next clause of the same numbered section as the first ("10.4.1 … a backward busying signal
    # might be sent", "10.4.2 … for not more than 5 minutes")
    if _DURATION_Q_RE.search(q) and not any(_TIME_SPAN_RE.search(c.text) and (coverage(f"{c.text} {_DURATION_WORDS}") >= 0.5
                                                                              or n == 0 or _same_section(c, clauses[0]))
                                            for n, c in enumerate(clauses[:3])):
        return Verdict(abstain=True, missing=["a duration"], reason="The clauses found do not give how long it lasts.")
    # (read with its part: "instructs the Secretary-General … to hold information meetings at least twice a year"
    # names who meets that often in its part only)
    if _SOLE_HOW_OFTEN_Q_RE.match(q) and not any(_HOW_OFTEN_SPAN_RE.search(c.text)
                                                 and coverage(f"{c.instrument.title} {c.part} {c.text}") >= 0.5
                                                 for c in clauses[:3]):
        # "how often does the PP meet?" (nothing else asked) answered by A.1's "… leaving their home countries too
        # often": no clause found says how often
        return Verdict(abstain=True, missing=["a frequency"], reason="The clauses found do not say how often.")
    # A place named in a clause about something else (WRC-19's venue for "where was Kaleidoscope held?") is no answer.
    if _PLACE_Q_RE.search(q) and not any((countries_in(c.text) or _CITY_RE.search(c.text) or _HELD_AT_PLACE_RE.search(c.text))
                                         and (coverage(c.text) >= 0.6 or (n == 0 and _holds_venue_of(q, c.text)))
                                         for n, c in enumerate(clauses[:3])):
        return Verdict(abstain=True, missing=["places"], reason="The clauses found name no place for it.")
    if _CODE_Q_RE.search(q) and not any(re.search(r"\bcodes?\b", c.text, _I) and _CODE_RE.search(_REF_YEAR_RE.sub(" ", c.text))
                                        for c in clauses[:3]):
        return Verdict(abstain=True, missing=["the code"], reason="The clauses found do not give that code.")
    if _NUMBER_VALUE_Q_RE.search(q) and not _HOW_MANY_RE.search(q) and not any(
            _CODE_RE.search(_REF_YEAR_RE.sub(" ", _without_references(c.text))) and coverage(c.text) >= 0.5
            for c in clauses[:3]):
        return Verdict(abstain=True, missing=["the number"], reason="The clauses found do not give that number.")
    if _BANDS_Q_RE.search(q):
        ok = [c for c in clauses[:3] if _FREQ_RE.search(c.text) and coverage(c.text) >= 0.5]
        if not ok:
            return Verdict(abstain=True, missing=["frequency bands"],
                           reason="The clauses found do not give frequency bands.")
    if (time_unit := _TIME_UNIT_Q_RE.search(q)) and not any(
            m.group(0).lower().rstrip("s").endswith(time_unit.group("unit").lower())
            for c in clauses[:3] for m in _TIME_SPAN_RE.finditer(c.text)):
        unit = f"{time_unit.group('unit').lower()}s"
        return Verdict(abstain=True, missing=[unit], reason=f"The clauses found give no number of {unit}.")
    if _TIMES_Q_RE.search(q) and not any((_TIMES_RE.search(c.text) or _COUNTED_FREQUENCY_RE.search(c.text))
                                         and coverage(f"{c.instrument.title} {c.part} {_said(c)}") >= (0.4 if n == 0 else 0.5)
                                         for n, c in enumerate(clauses[:3])):
        # "how many times is a request retried?": a count of repeats ("three times", "twice"), which "the
        # following four core functions: 1) Retry function" is not
        return Verdict(abstain=True, missing=["the number of times"],
                       reason="The clauses found do not say how many times.")
    if _HOW_MANY_RE.search(q) and not _TIMES_Q_RE.search(q):  # (times: "once a year" counts, judged above)
        # A clause giving the very kind of count asked ("ten replies" for "how many replies") answers a
        # long question of which it holds less, and the best of them in its own words ("shall not exceed
        # two terms" for "max number of terms").
        holding = [c for c in clauses[:3] if holds_quantity(q, c.text)]
        ok = [c for c in clauses[:3] if (_NUMBER_RE.search(_unlabelled(c.text)) and coverage(_said(c)) >= 0.6)
              or (c in holding and (coverage(_said(c)) >= KIND_COVERAGE or c is holding[0]))]
        if not ok:
            return Verdict(abstain=True, missing=["the number"], reason="The clauses found do not give that number.")
    # not "(Dubai, 2018)" or "Res 196 Dubai 2018": which text
    named_years: list[str] = _YEAR_RE.findall(without_revisions(_REF_YEAR_RE.sub(" ", q)))
    # … a year may name the instrument itself ("the 2020-2023 strategic plan": its title holds it)
    if named_years and not any(all(y in f"{c.instrument.title} {c.text}" for y in named_years) for c in clauses[:3]):
        return Verdict(abstain=True, missing=named_years,
                       reason=f"No clause found speaks of {', '.join(named_years)}.")
    if _PERCENT_Q_RE.search(q) and not any(_PERCENT_RE.search(c.text) and (coverage(c.text) >= 0.5 or n == 0)
                                            for n, c in enumerate(clauses[:3])):
        return Verdict(abstain=True, missing=["a percentage"], reason="The clauses found do not give that share.")
    if _CONTACT_Q_RE.search(q) and not any(_CONTACT_RE.search(c.text) for c in clauses[:3]):
        return Verdict(abstain=True, missing=["contact details"],
                       reason="The clauses found give no address, link or contact for it.")
    unit_m = _UNIT_Q_RE.search(q)
    unit = (unit_m.group("unit") or unit_m.group("bracketed")) if unit_m else ""
    # (… in a clause about the thing asked, or the best: "how much in CHF does a university pay to join?" is not
    # answered by the CHF 5 million reserve of ITU Telecom's fund)
    if unit and not any(re.search(rf"\d\s*{re.escape(unit)}(?!\w)|{re.escape(unit)}\s*\d", c.text, _I)
                        and _same_members(q, c.text) and (n == 0 or coverage(f"{c.instrument.title} {_said(c)}") >= 0.5)
                        for n, c in enumerate(clauses[:3])):
        return Verdict(abstain=True, missing=[unit], reason=f"The clauses found give no value in {unit}.")
    if (_MEASURE_Q_RE.search(q) or _THRESHOLD_Q_RE.search(q)) and not any(
            _NUMBER_RE.search(_REF_YEAR_RE.sub(" ", _without_references(c.text))) and coverage(c.text) >= 0.6
            for c in clauses[:3]):
        return Verdict(abstain=True, missing=["figures"], reason="The clauses found do not give that figure.")
    if _HOLDER_ENTITY_RE.search(q) and not any(HEADED_BY_RE.search(c.text) for c in clauses[:3]):
        return Verdict(abstain=True, missing=["people"],
                       reason="The texts say what posts and groups do, not who holds them.")
    # (a group the question names is no answer to which countries are in it)
    group_asked = bool(_COUNTRY_GROUP_RE.search(q))
    if _WHICH_COUNTRIES_RE.search(q) and not any(countries_in(c.text) or (_COUNTRY_GROUP_RE.search(c.text) and not group_asked)
                                                 for c in clauses[:3]
                                                 if coverage(f"{c.instrument.title} {c.text}") >= 0.5):
        # "which countries don't allow call-back?": the answer is countries by name (or a group of them, "the
        # least developed countries"), which resolutions name only in annexes and special cases
        return Verdict(abstain=True, missing=["the countries by name"],
                       reason="The clauses found do not name the countries.")
    if asked_noun and not foreign and (left := _left_to_decide(asked_noun, clauses[:3])) is not None:
        return Verdict(abstain=True, missing=[asked_noun[0]],
                       reason=f"The texts leave the {asked_noun[0]} {f'for the {left} to decide' if left else 'to be decided'}"
                              "; they do not state it.")
    asked_for = _WHAT_NOUNS_RE.search(q)
    if asked_for and not foreign:
        # "What penalties does E.119 set …?": what is asked for must be what the clauses speak of.
        noun = [t for t in content_terms(_subject_words(asked_for.group("noun"), unknown)) if t not in _ANSWERED_BY_SPAN]
        if asks_enumeration(q) and any(enumerates(c.text) for c in clauses[:3]):
            noun = []  # "what options …" is answered by a clause counting the ways ("in one of three ways")
        if noun and not any(holds(set(lexical_tokens(f"{c.part} {_said(c)}")), t) for c in clauses[:3] for t in noun):
            word = asked_for.group("noun")
            return Verdict(abstain=True, missing=[word], reason=f"The clauses found do not speak of “{word}”.")
    # A part heading names the addressee ("instructs the Secretary-General"): it is part of what a clause says.
    union = " ".join(f"{c.part} {_said(c)}" for c in clauses[:3])
    have = set(lexical_tokens(union))
    # A typo ("resolvs") cannot be covered by any clause: it proves nothing missing.
    typo = {t for t in terms if exact_word is not None and not exact_word(t)}
    uncovered = [t for t in terms if t not in have and t not in typo]
    if foreign:
        # Another language: the words cannot match; what was found is shown, flagged as thin.
        return Verdict(thin=True, uncovered=[])
    # Words the clauses lack make the evidence thin, not absent: an asker's paraphrase ("outside know-how" for
    # "external expertise", "who checks the accounts" for a committee's examination) shares few words with
    # the clause that answers it, and a rule abstaining on low word coverage alone was wrong on 13 of 14
    # questions it decided (the rules above catch what is missing: a named thing, a figure, a kind of answer).
    thin = bool(terms) and (best_cov < 0.6 or len(uncovered) > len(terms) / 2)
    return Verdict(thin=thin, uncovered=_surface(q, uncovered) if thin else [])


def absent_topic_words(topic: str, uses: Callable[[str], bool]) -> list[str]:
    """The words of a "which texts deal with X" topic the corpus never uses, as typed ("drones" in
    "is there a resolution about drones?"). The question was already read with typos corrected, so a word
    still unknown is a subject the texts do not have; "a typo away" ("prone") is not that subject."""
    terms = [t for t in content_terms(topic) if len(t) >= 4 and t.isalpha() and not uses(t)]
    return _surface(topic, terms) or terms


# A sentence that asks: it ends with "?", or opens as a question does (an editor's note may drop the "?").
_QUESTION_SENTENCE_RE = re.compile(r"\?[\s\]\u201d\"')]*$|^[\[(]?(?:What|Which|Who|How|When|Where|Why|Do|Does|Did|Is|Are|"
                                   r"Should|Shall|Can|Could|Would)\b")


# Meetings a deadline is given for. A question asking one of them is not answered by a clause giving
# another's (and not naming the one asked).
_MEETINGS: list[tuple[str, re.Pattern[str]]] = [
    ("study group meeting", re.compile(r"\b(?:SGs?|study\s+groups?|WPs?|working\s+part(?:y|ies))\b", _I)),
    ("TSAG meeting", re.compile(r"\bTSAG\b")),
    ("TDAG meeting", re.compile(r"\bTDAG\b")),
    ("RAG meeting", re.compile(r"\bRAG\b")),
    ("WTSA", re.compile(r"\bWTSA\b|\bWorld\s+Telecommunication\s+Standardization\s+Assembly\b")),
    ("WTDC", re.compile(r"\bWTDC\b|\bWorld\s+Telecommunication\s+Development\s+Conference\b")),
    ("plenipotentiary conference", re.compile(r"\bPP\b|\bplenipot\w*", _I)),
    ("Council session", re.compile(r"\bCouncil\b")),
]


def meetings_in(text: str) -> list[str]:
    """The meetings a text names, instruments it cites aside ("WTSA Resolution 1" is no WTSA)."""
    plain = _without_references(text)
    return [name for name, rx in _MEETINGS if rx.search(plain)]


def asks_when(question: str) -> bool:
    return bool(_WHEN_Q_RE.search(norm_hyphens(question)))


def _another_meeting(question: str, text: str) -> tuple[str, str] | None:
    """(the meeting asked about, the one the clause gives it for) when they differ."""
    # "… according to PP-18" names the source, not the meeting asked about
    asked, said = meetings_in(_PER_TEXT_RE.sub(" ", question)), meetings_in(text)
    if len(asked) != 1 or not said or asked[0] in said:
        return None
    return asked[0], said[0]


# The kinds of text ITU adopts, as a clause names them in general ("a proposed Question", "draft
# Recommendations"). In a question "resolution" and "question" are read only where they name one
# ("a Resolution", "new questions"), not "comment resolution" or "a question about …".
_KINDS_RE = re.compile(r"\b(Recommendation|Resolution|Opinion|Supplement|Handbook|Question)s?\b")
_ASKED_KINDS_RE = re.compile(r"\b(recommendation|opinion|supplement|handbook)s?\b"
                             r"|\b(?-i:(R|Q))(?:esolution|uestion)s?\b"
                             r"|\b(?:an?|new|revised|draft|proposed)\s+(r|q)(?:esolution|uestion)s?\b", _I)
_KIND_LETTER = {"r": "Resolution", "q": "Question"}


def _kinds(text: str, asked: bool = False) -> set[str]:
    plain = re.sub(r"\bQuestions?\s+\d+/\d+", " ", _without_references(text))
    if not asked:
        return {m.group(1) for m in _KINDS_RE.finditer(plain)}
    return {m.group(1).capitalize() if m.group(1) else _KIND_LETTER[(m.group(2) or m.group(3)).lower()]
            for m in _ASKED_KINDS_RE.finditer(plain)}


# "the term of office of the Secretary-General", "how many terms can a Bureau Director serve?"
_POST_TERM_RE = re.compile(r"\b(?:terms?(?:\s+of\s+office)?|tenure|time\s+in\s+office|re-?elect\w*|elect(?:s|ed|ion)?|"
                           r"serve|stay\s+in\s+office)\b", _I)
_ELECTED = ("Secretary-General", "Deputy Secretary-General", "Director of BR", "Director of TSB", "Director of BDT",
            "Radio Regulations Board")


def _posts(text: str) -> set[str]:
    return {a.name for _at, a in actors_in(text)}


# "the term of a Bureau Director": any of the three, which a clause must name
_ANY_DIRECTOR_RE = re.compile(r"\bBureau\s+Directors?\b|\bDirectors?\s+of\s+(?:a|the|any)\s+Bureau\b", _I)
_ELECTED_AS = {"Bureau Director": {"Director of BR", "Director of TSB", "Director of BDT"}}


def _elected_post(question: str) -> str | None:
    """The elected official whose term or election a question asks about, or None."""
    if not _POST_TERM_RE.search(question):
        return None
    if _ANY_DIRECTOR_RE.search(question):
        return "Bureau Director"
    return next((p for p in _posts(question) if p in _ELECTED), None)


def _another_kind(question: str, text: str) -> tuple[str, str] | None:
    """(the kind of text asked about, the one the clause gives it for) when they differ: the majority
    that approves a Question is not the one that approves a Recommendation."""
    asked, said = _kinds(question, asked=True), _kinds(text)
    if len(asked) != 1 or not said or asked <= said:
        return None
    return next(iter(asked)), sorted(said)[0]


def _without_references(text: str) -> str:
    """A clause's text without the instruments it names ("Resolution 136", "Recommendation ITU-T E.164"):
    their numbers are no value it gives."""
    return re.sub(r"\b(?:Resolutions?|Recommendations?|Decisions?|Articles?|No\.|Nos\.|§)\s+(?:ITU-[RTD]\s+)?"
                  r"[A-Z]?\.?\d+(?:[.\-]\d+)*", " ", _REC_RE.sub(" ", text))


_HELD_IN_RE = re.compile(r"\b(?:be|been|is|was|are|were)\s+held\s+in\s+[A-Z]|\b(?:take|took|taking)\s+place\s+in\s+[A-Z]"
                         r"|\bhosted\s+by\s+(?:the\s+)?[A-Z]")
_NAME_RE = re.compile(r"(?<![\w-])(?=[\w-]*[A-Z0-9])[A-Za-z][\w-]*[A-Z0-9][\w-]*|(?<![\w-])[A-Z]{2,}(?![\w-])")


def _holds_venue_of(q: str, text: str) -> bool:
    """"Where was WRC-19 scheduled to take place?": the first clause found says where an event is held and
    names every event the question names by a code ("WRC-19 shall be held in Sharm el-Sheikh (Egypt)");
    a question naming none ("where was Kaleidoscope held?") is not answered by another event's venue."""
    names = _NAME_RE.findall(q)
    return bool(_HELD_IN_RE.search(text)) and bool(names) and all(n.lower() in text.lower() for n in names)


# ("attended by 126 ITU Member States and no fewer than 900 delegates": a count a text may state)
_COUNTED_RE = re.compile(r"\bhow\s+many\b[^?]*\b(?P<verb>signed|ratified|acceded|attended|participated)\b", _I)


def _count_stated(matched: str, clauses: list[Clause], coverage: Callable[[str], float], q: str = "") -> bool:
    """"How many States had signed the Space Protocol by PP-18?" is a depositary's record, unless a clause on
    it states the count itself ("that four States have signed the Space Protocol at the date of this
    conference")."""
    m = _COUNTED_RE.search(matched)
    if m is None:
        return False
    verb = m.group("verb")
    if verb.lower() in ("attended", "participated"):
        # the count must be who came: "attended by 126 Member States and … 900 delegates", not a number
        # elsewhere in a clause on who may attend
        told = re.compile(rf"\b{verb}\s+(?:in\s+\S+\s+)?by\s+(?:[\w-]+\s+){{0,3}}?\d|\b\d[\d,]*\s+(?:[\w-]+\s+){{0,3}}?{verb}\b",
                          _I)
        # … of the event asked: WTPF-13's figures are no count for WTSA-16
        return any(told.search(c.text) and coverage(c.text) >= QUESTION_COVERAGE and _of_events_asked(q, c)
                   for c in clauses)
    return any(re.search(rf"\b{verb}\b", c.text, _I) and _NUMBER_RE.search(_unlabelled(c.text))
                           and coverage(c.text) >= QUESTION_COVERAGE for c in clauses)


def _of_events_asked(q: str, c: Clause) -> bool:
    """The clause names every event the question names with its year ("WTPF-13"): what it says of
    another event is no answer."""
    events = [re.sub(r"[-\s]", "", e.group(0)).lower() for e in _EVENT_RE.finditer(q)]
    return all(e in re.sub(r"[-\s]", "", c.text).lower() for e in events)


def _place_stated(matched: str, clauses: list[Clause], coverage: Callable[[str], float], q: str) -> bool:
    """"Which city hosted the 2012 UNIDROIT conference that adopted the Space Protocol?" is answered by a clause
    saying where it was held ("… adopted at the diplomatic Conference held in Berlin"), as a count stated is."""
    if "host" not in matched.lower():
        return False
    return any(_HELD_AT_PLACE_RE.search(c.text) and coverage(c.text) >= QUESTION_COVERAGE and _of_events_asked(q, c)
               for c in clauses)


def _elected_as_a_case(matched: str, q: str) -> bool:
    """"someone got elected vice-chair to fill a gap - does that stint count toward the term limit?" puts an
    election as the case a rule applies to; "who got elected …?", "was X elected …?" ask its result."""
    return "elected" in matched.lower() and not re.search(r"\b(?:who|whom|whose|which|names?)\b|^\s*(?:was|were|did|has|have)\b",
                                                          q, _I)


def _acted_stated(m: re.Match[str], clauses: list[Clause]) -> bool:
    """"Which organizations signed cooperation agreements …?" is answered by a clause saying who signed
    ("the Memorandum of Understanding signed by …"), not by one asking the Secretary-General to conclude them."""
    verb = m.group("acted") or m.group("signed")
    if not verb:
        return False
    stems = set(lexical_tokens(verb.split()[-1]))
    return any(stems & set(lexical_tokens(c.text)) for c in clauses)


def _asked_not_answered(clauses: list[Clause], coverage: Callable[[str], float]) -> bool:
    """The clauses that speak of the question put it as a question of their own ("What is the final
    ‘name’ for TP.inno]"), and none states anything of it."""
    speaking = []
    for c in clauses:
        sentences = [x for x in re.split(r"(?<=[.?!])\s+|\n", c.text) if x.strip()]
        if not sentences:
            continue
        at = max(range(len(sentences)), key=lambda i: coverage(sentences[i]))
        if coverage(sentences[at]) >= QUESTION_COVERAGE:
            # a heading put as a question ("1.6 Who is defining … this mechanism?") is answered by what follows
            speaking.append(bool(_QUESTION_SENTENCE_RE.search(sentences[at].strip())) and at == len(sentences) - 1)
    return bool(speaking) and all(speaking)


# "what penalties does …", "which criteria are …": the noun asked for.
_WHAT_NOUN_RE = re.compile(r"^\s*(?:so\s+)?(?:what|which)\s+(?:kind|type|sort)?\s*(?:of\s+)?(?P<noun>[A-Za-z][\w-]+)\s+"
                           # ("what fine applies to a company that …?")
                           r"(?:does|do|did|is|are|was|were|must|should|shall|will|can|has|have|applies|apply|exists)\b", _I)
# … and its modifiers: "what minimum battery backup time does E.119 set?" asks for a battery backup
# (… nor "what else is BR told to do …?", which asks for more of the same)
_NOUN_WORD = (r"(?!(?:else|more|exactly|precisely|the|a|an|of|in|on|for|to|at|by|with|from|and|or|this|that|these|those|"
              r"it|its|they|we|you|i|"
              r"does|do|did|is|are|was|were|must|should|shall|will|can|has|have)\b)[A-Za-z][\w-]+")
_WHAT_NOUNS_RE = re.compile(r"^\s*(?:so\s+)?(?:what|which)\s+(?:kind|type|sort)?\s*(?:of\s+)?"
                            rf"(?P<noun>{_NOUN_WORD}(?:\s+{_NOUN_WORD}){{0,3}}?)\s+"
                            r"(?:does|do|did|is|are|was|were|must|should|shall|will|can|has|have|applies|apply|exists)\b", _I)
# Words of a longer noun that say which one, not what ("what extra step …"), and heads whose answer is a name
# or a way, in whatever words the texts use ("which UN agencies …" is OCHA and WHO; "which approval track …"
# is TAP)
_WHICH_ONE = frozenset(lexical_tokens(
    "extra additional further new other main key specific exact particular default general overall usual normal "
    "standard current first last next final actual real precise "
    "agency agencies organization organizations organisation organisations entity entities institution institutions "
    "partner partners stakeholder stakeholders "
    "track tracks route routes path paths avenue avenues option options channel channels"))


def _subject_words(noun: str, unknown: list[str]) -> str:
    """What of a "what X Y Z does …" noun the clauses must speak of: its words as typed in lower case. A
    name in capitals ("UN bodies", "PP resolution", "WTDC") is written out in the texts ("the United
    Nations", "Plenipotentiary Conference"), and the rules on named things judge it. Before a head a span
    answers ("what income threshold …", "what maximum delivery time …") the words are often the asker's
    ("GNI per capita", "delivered within"): only a word the corpus never uses counts there ("battery")."""
    words = noun.split()
    if len(words) == 1:
        return noun
    kept = [w for w in words if w == w.lower() and not set(lexical_tokens(w)) <= _WHICH_ONE]
    if set(lexical_tokens(words[-1])) <= _ANSWERED_BY_SPAN:
        kept = [w for w in kept if set(lexical_tokens(w)) & set(unknown)]
    return " ".join(kept)


_WHAT_THE_RE = re.compile(r"^\s*(?:so\s+)?(?:what(?:'s|s)?|which)\s+(?:(?:is|are|was|were)\s+)?(?:the|a|an)\s+"
                          r"(?P<noun>[A-Za-z][\w-]+)\s+(?:needed|required|for|of|in|on|at|to|that|when|does|do|is|are)\b", _I)


# Capitalized words naming the Union's own bodies, posts, texts, members, currency and the places its texts are
# named by ("Dubai"): not the thing a sum is for
_STRUCTURAL = frozenset(re.findall(r"\S+", (
    "ITU Union Sector Sectors Council Member Members State States Secretary-General Bureau Bureaux Director Directors "
    "Conference Plenipotentiary Assembly Resolution Resolutions Decision Decisions Recommendation Recommendations "
    "Associate Associates Academia CHF Swiss What How Which Who When Where Is Are Does Do Can Per Under The For In "
    "Dubai Geneva").lower()))


def _proper_names(question: str) -> list[str]:
    """The capitalized words after the question's first that name something other than the Union's own bodies,
    posts, texts, members and countries ("Kaleidoscope"), as typed."""
    start = len(question) - len(question.lstrip(" \"'([-"))
    words = [m.group(0) for m in re.finditer(r"(?<![\w-])[A-Z][a-z]{3,}(?![\w-])", question) if m.start() > start]
    # (a country is who gives or gets it, which a text may call "the host country": not what the sum is for)
    return [w for w in dict.fromkeys(words) if w.lower() not in _STRUCTURAL and not countries_in(w)]


def _left_to_decide(asked: tuple[str, str], clauses: list[Clause]) -> str | None:
    """Who decides it ("" when no clause says), when every clause found holding the thing asked for ("what's
    the theme of the 6th WTPF?") only gives someone the task of deciding it ("to continue to decide on the
    duration, date, venue, agenda and themes of any future WTPF"): the texts do not state it. (A date, a
    number, a period asked for is judged by whether a clause gives one.)"""
    typed, stem = asked
    if stem in _ANSWERED_BY_SPAN:
        return None
    holding = [c for c in clauses if stem in lexical_tokens(c.text)]
    word = re.escape(typed.lower().rstrip("s"))
    deciding = re.compile(rf"\b(?:decide|decides|determine|determines)\b(?:\s+(?:on|upon))?[^.;:]{{0,160}}?\b{word}s?\b", _I)
    if not holding or not all(deciding.search(c.text) for c in holding):
        return None
    actors = [m for m in holding[0].mandates if m.role in ("instructed", "requested", "resolved", "responsible")]
    return actors[0].actor if actors else ""


def _asked_noun(q: str) -> tuple[str, str] | None:
    """The noun a "what's the X …" or "what X does …" question asks for, as typed and stemmed."""
    m = _WHAT_THE_RE.search(q) or _WHAT_NOUN_RE.search(q)
    if not m:
        return None
    stems = lexical_tokens(m.group("noun"))
    return (m.group("noun"), stems[0]) if len(stems) == 1 and not _generic(stems[0]) else None


# Nouns a span or the clause as a whole answers, whatever words it uses ("the deadline" is "35 days").
_ANSWERED_BY_SPAN = frozenset(lexical_tokens(
    "deadline date dates time times period periods duration number numbers amount share percentage majority level "
    "floor ceiling threshold cutoff limit minimum maximum "
    "year years month months day days "
    "fee fees price cost costs charge charges payment "
    "role roles purpose scope mandate procedure procedures process steps step rules rule way ways kind type sort "
    "text texts clause clauses part parts section resolution resolutions recommendation recommendations document "
    "documents sector sectors bureau bureaux group groups body bodies topic topics issue issues matter matters "
    "subject subjects area areas thing things activity activities work tasks task measures action actions "
    # a place is answered by its name ("which city was picked for WRC-19?": Sharm el-Sheikh)
    "city cities town venue venues place location"))


def _said(c: Clause) -> str:
    """A clause with the lead-in it completes ("the schedule … shall be as follows:" + "WTDC … 2021"),
    and the conference that adopted it ("PP-18"): "the PP-18 schedule" is a clause of a PP-18 text."""
    inst = c.instrument
    event = f"{inst.body}-{inst.revision.year % 100:02d}" if inst.body in ("PP", "WTSA", "WTDC", "RA", "WRC") \
        and inst.revision and inst.revision.year else ""
    return " ".join(t for t in (event_as_written(event), c.lead_in, c.text) if t)


def _share(coverage: Callable[[str], float], known_part: str) -> float:
    """The share of the question's idf mass its known words hold (what a perfect clause could cover)."""
    return coverage(known_part) if known_part else 0.0


def _another_sectors_procedure(question: str, clauses: list[Clause], asks_span: bool) -> tuple[str, str] | None:
    """(the Sector asked about, the Sector whose texts were found) when a question asks a deadline, a period
    or a figure of one Sector's work ("the contribution deadline for TDAG meetings", "the comment period
    when ITU-R approves by correspondence"), the clause an answer would lead with is another Sector's own
    text (WTSA Resolution 1, an ITU-T Recommendation) and no clause found names the Sector asked about:
    ITU-T's twelve days are not TDAG's."""
    from retrieval.parsing.mandates import document_sector
    from retrieval.parsing.sectors import sectors_in

    asked = [s for s in sectors_in(question) if s in THREE]
    if not asks_span or len(asked) != 1 or not clauses:
        return None
    # The first clause is the one an answer would lead with: a Plenipotentiary text speaks for all three
    # Sectors, and a clause naming the Sector asked about speaks for it. (Another clause of ITU-T's rules that
    # names ITU-R in passing does not make the first one ITU-R's, nor does naming it among all three Sectors:
    # A.1's rapporteur "liaises with ITU-R, ITU-T and ITU-D".)
    lead = document_sector(clauses[0].instrument)

    def names_asked(c: Clause) -> bool:
        named = set(sectors_in(c.text))
        return asked[0] in named and not set(THREE) <= named

    if lead is None or lead == asked[0] or names_asked(clauses[0]) or any(
            document_sector(c.instrument) in (None, asked[0]) and names_asked(c) for c in clauses):
        return None
    return asked[0], lead


def _surface(question: str, stems: Iterable[str]) -> list[str]:
    """The words as the user typed them for a list of stems."""
    wanted = set(stems)
    out: dict[str, None] = {}
    for w in re.findall(r"[A-Za-z0-9][\w-]*", question):
        st = lexical_tokens(w)
        if st and st[0] in wanted:
            out.setdefault(w, None)
    return list(out) or list(wanted)


def judge(question: str, clauses: list[Clause], *, corpus_has: Callable[[str], bool],
          known_word: Callable[[str], bool], coverage: Callable[[str], float], foreign: bool = False,
          exact_word: Callable[[str], bool] | None = None, this_year: int = 0,
          per_text: bool = False, together: Callable[[str], bool] | None = None) -> Verdict:
    """Whether `clauses` (the evidence an answer would cite, best first) answer `question`.

    corpus_has(s): the corpus text contains s (hyphens normalised).
    together(s): some clause holds every word of s (their synonyms counting).
    known_word(stem): the corpus uses the stemmed word, or one a typo away.
    coverage(text): the share of the question's key idf mass a text holds (lexical.coverage_of).
    this_year: the year "next" is counted from (today's by default); per_text: the question asks what a
    text it names says ("… under Res 77"), so that text's dates answer even when past.
    An abstention also names the question's words the corpus never uses ("coffee")."""
    v = _judge_core(question, clauses, corpus_has=corpus_has, known_word=known_word, coverage=coverage,
                    foreign=foreign, exact_word=exact_word, this_year=this_year or datetime.date.today().year,
                    per_text=per_text, together=together)
    if v.abstain and not foreign and not _FOREIGN_RE.search(question):
        terms = content_terms(norm_hyphens(question))
        unknown = _surface(question, [t for t in terms if len(t) >= 4 and not known_word(t)])
        unknown = [w for w in unknown if w not in v.missing and w.lower() not in v.reason.lower()]
        if unknown and terms:
            words = ", ".join(f"“{w}”" for w in unknown)
            v.reason = f"Nothing in the corpus mentions {words}. {v.reason}"
            v.missing = [*unknown, *v.missing]
    return v
