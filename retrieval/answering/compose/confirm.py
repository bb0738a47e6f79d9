"""Yes or no, when a question offers who does something: "is it TSB that has to …?", "does BR maintain …?",
"is the Director of TSB the one in charge of …?". The Sector offered is set against the one the best clause
tasks; the answer below stays as it was, under a first line that says yes or no and who. Pure functions."""

from __future__ import annotations

import re

from retrieval.answering.compose.direct import with_sectors
from retrieval.core.models import THREE, Clause, Mandate, Sector
from retrieval.indexing.lexical import holds, lexical_tokens
from retrieval.parsing.mandates import gives_task
from retrieval.parsing.sectors import sectors_in

_I = re.IGNORECASE

# Who may be offered: a Bureau, its Director, a Sector by name, letter or word, or its study groups.
_ACTOR = (r"(?P<actor>(?:the\s+)?(?:(?:Director|head)\s+of\s+(?:the\s+)?(?:BR|TSB|BDT|Radiocommunication\s+Bureau|"
          r"Telecommunication\s+(?:Standardization|Development)\s+Bureau)"
          r"|(?:BR|TSB|BDT)(?:\s+director)?"
          r"|ITU-[RTD](?:\s+(?:study\s+groups|SGs|sector))?"
          r"|(?P<letter>[RTD])[-\s]sector"
          r"|(?P<word>radio(?:communication)?|standardi[sz]ation|development)\s+(?:sector|bureau)(?:\s+director)?"
          r"|(?P<bureau2>radio)\s+(?:people|side)))")
# … or its possessive, before the word for a job: "is promoting Girls in ICT Day the D sector's job?"
_OWNER = _ACTOR + r"['\u2019]s\s+(?:job|task|thing|remit|responsibility|role|area|call|business|work)"
# … right after the question's verb, as its subject: "is it TSB that …", "is BDT supposed to …",
# "is the Director of TSB the one in charge …", "does the D sector have to …", "does BR maintain …".
# (An opening greeting or the instrument before a dash may come first: "hey, does …", "res 130 - is it …".)
_LEAD_IN = r"^\W*(?:(?:hey|so|ok|okay|and|but|quick\s+one)\b\W*|[^?]{0,40}?(?:,|\s?:|\s[-\u2013\u2014])\s+)?"
# … and the verb of what it is asked to do, when the question says it ("report", "maintain", "strengthening")
_THEN_VERB = (r"(?:\s+(?:(?:has|have|needs?|is\s+supposed|is\s+meant|is\s+expected|are\s+supposed)\s+to|must|should|will|"
              r"(?:the\s+ones?\s+)?(?:in\s+charge\s+of|responsible\s+for|tasked\s+with)|of|for|to|with))*"
              r"(?:\s+(?P<verb>[a-z]{3,}))?")
_OFFERED_RES = (
    re.compile(_LEAD_IN + r"(?:is|was)\s+it\s+(?:really\s+|actually\s+|just\s+)?" + _ACTOR + r"\s+(?:that|who|which)\b"
               + _THEN_VERB, _I),
    re.compile(_LEAD_IN + r"(?:is|are)\s+" + _ACTOR + r"\s+(?:really\s+|actually\s+|also\s+)?(?:"
               # "is BDT the bureau told to …", "is ITU-R the Sector that manages it …?"
               r"the\s+(?:ones?|bureau|sector|director|body)\b(?:\s+(?:that|who|which))?|in\s+charge\b|"
               r"the\s+lead\b|leading\b|in\s+the\s+lead\b|"
               r"responsible\b|supposed\b|meant\b|expected\b|required\b|tasked\b|obliged\b|told\b|instructed\b)" + _THEN_VERB, _I),
    # a verb in the active voice after the subject ("does TSB get told …" asks whether it is told)
    re.compile(_LEAD_IN + r"(?:does|do|did|must|should|will|has|have)\s+" + _ACTOR + r"\s+(?:really\s+|actually\s+|also\s+|"
               r"still\s+)?(?:(?:have|has|need|needs)\s+to\s+)?(?!get\b|be\b|being\b)(?P<verb>[a-z]{3,})\b", _I),
    # "is it true that TSB runs the ITU Journal …?"
    re.compile(_LEAD_IN + r"(?:is\s+it\s+(?:true|right|correct|the\s+case)\s+that|true\s+that)\s+" + _ACTOR
               + r"\s+(?:really\s+|actually\s+|also\s+|still\s+)?(?:(?:has|have|needs?)\s+to\s+|must\s+|should\s+)?"
               r"(?P<verb>[a-z]{3,})\b", _I),
    # "does Res 169 ask the standardization bureau director to keep organizing Kaleidoscope?"
    re.compile(_LEAD_IN + r"(?:does|do|did)\s+(?:[^?]{0,40}?\s+)?(?:ask|tell|instruct|require|task|request|charge|expect)\s+"
               + _ACTOR + r"\s+to\s+(?:keep\s+(?:on\s+)?|continue\s+(?:to\s+)?)?(?P<verb>[a-z]{3,})\b", _I),
    # "is promoting Girls in ICT Day the D sector's job?", "is it TSB's job to take part in …?"
    re.compile(_LEAD_IN + r"(?:is|was)\s+(?:it\s+|this\s+|that\s+|(?P<doing>[a-z]{3,}ing)\b[^?]{0,80}?\s+)" + _OWNER
               + r"(?:\s+to\s+(?P<verb>[a-z]{3,}))?", _I),
    # "Kaleidoscope - do we organise it at BR or is that another Bureau?": the asker works there
    re.compile(_LEAD_IN + r"(?:do|does|should|must|will|can)\s+(?:we|I|you|they)\s+(?P<verb>[a-z]{3,})\b[^?]{0,40}?\s+"
               r"(?:at|in|within|from|by)\s+" + _ACTOR + r"(?![\w-])", _I),
    # "A university partner asked if BDT organizes the Kaleidoscope conference. Is that us?": asked on someone's behalf
    re.compile(r"\b(?:asked|asks|asking|wonder(?:s|ed|ing)?|wants?\s+to\s+know|checking)\s+(?:me\s+|us\s+)?(?:if|whether)\s+"
               + _ACTOR + r"\s+(?:really\s+|actually\s+|also\s+|still\s+)?(?:(?:has|have|needs?)\s+to\s+|must\s+|should\s+)?"
               r"(?P<verb>[a-z]{3,})\b", _I),
    # "is the QoS guidelines work handed to an ITU-D study group?"
    re.compile(_LEAD_IN + r"(?:is|are|was|were)\s+[^?]{3,80}?\s+(?:handed|given|assigned|entrusted|left|delegated|allocated)"
               r"\s+to\s+(?:an?\s+|the\s+)?" + _ACTOR, _I),
)
# Verbs that say only that someone does something: any task answers them
_GENERIC_VERBS = frozenset(lexical_tokens("make makes making do does doing handle handles handling run runs running take "
                                          "takes taking have has deal deals look looks lead leads leading own owns cover "
                                          "covers work works the one ones charge responsible supposed meant put puts putting"))
# Everyday verbs (stemmed) for what the texts have actors do: "keeping the database" is "maintain a database",
# "back the study groups' work" "support" it
_DOING_AS_WRITTEN: dict[str, tuple[str, ...]] = {
    "keep": ("maintain",), "back": ("support",), "help": ("assist", "support"), "write": ("develop", "draft", "prepare"),
    "host": ("organize",), "hold": ("organize",), "fund": ("finance",), "check": ("review", "monitor"),
    "gather": ("collect",), "hire": ("recruit",), "send": ("distribute",), "answer": ("respond",),
}
_TASK_HEAD_WORDS = 12  # the words of a clause that say what it tasks ("to continue to organize the Kaleidoscope …")
_LETTER: dict[str, Sector] = {"R": "ITU-R", "T": "ITU-T", "D": "ITU-D"}
_WORD: dict[str, Sector] = {"radio": "ITU-R", "standard": "ITU-T", "develop": "ITU-D"}


def _sector_of(m: re.Match[str]) -> Sector | None:
    """The Sector of the actor offered: by its letter ("the D sector"), its word ("the radio bureau"), or as the
    texts name it ("BR", "ITU-T", "the Director of the Telecommunication Development Bureau")."""
    g = m.groupdict()
    if g.get("letter"):
        return _LETTER[g["letter"].upper()]
    word = (g.get("word") or g.get("bureau2") or "").lower()
    if word:
        return next(sector for stem_, sector in _WORD.items() if word.startswith(stem_))
    found = [s for s in sectors_in(m.group("actor")) if s in THREE]
    return found[0] if len(found) == 1 else None


def sector_offered(question: str) -> tuple[Sector, str] | None:
    """The one Sector a yes-or-no question offers as the doer, and the words that offer it; or None."""
    found = _offered(question)
    return (found[0], found[1]) if found else None


def _offered(question: str) -> tuple[Sector, str, str] | None:
    for rx in _OFFERED_RES:
        m = rx.search(question)
        if m and (sector := _sector_of(m)) is not None:
            g = m.groupdict()
            return sector, " ".join(m.group("actor").split()), (g.get("verb") or g.get("doing") or "").lower()
    return None


def confirmation(question: str, clause: Clause, others: list[Clause] | None = None) -> tuple[str, list[Sector]] | None:
    """("Yes: the Director of BR (ITU-R) is tasked with this.", ["ITU-R"]) when the question offers the Sector
    the clause tasks; ("No: …, not …", …) when the clause tasks another Sector's actor and none of the one
    offered, nor do `others` (the other clauses cited) with what was asked; None when the question offers none,
    the clause tasks no Sector's actor, or it does not do what the question says ("report", "maintain")."""
    asked = _offered(question)
    if asked is None:
        return None
    offered, typed, verb = asked
    specific = bool(verb) and not set(lexical_tokens(verb)) <= _GENERIC_VERBS
    as_written = _DOING_AS_WRITTEN.get((lexical_tokens(verb) or [""])[0], ())

    def does_it(c: Clause) -> bool:
        # (in what the clause tasks, its first words: "to encourage the participation of academia in events
        # organized by ITU, such as Kaleidoscope" does not organize Kaleidoscope)
        # (the verb as written, not the search's synonyms: "organize" shares the stem of "organization", which
        # the search reads as "bodies", and Res 177's "collaboration with regional C&I bodies" organizes nothing)
        have = set(lexical_tokens(" ".join(c.text.split()[:_TASK_HEAD_WORDS])))
        return not specific or bool(set(lexical_tokens(verb)) & have) or any(holds(have, w) for w in as_written)

    if not does_it(clause):
        # "does TSB have to report to Council …?" is not answered by a clause that reports nothing
        return None
    tasked = [m for m in clause.mandates if gives_task(m) and m.sector in THREE]
    if not tasked:
        return None
    sectors = list(dict.fromkeys(m.sector for m in tasked if m.sector))
    mine = [m for m in tasked if m.sector == offered]
    if mine:
        return f"Yes: {_named(mine[0].actor)} {_does(mine[:1])} this.", [offered]
    if any(m.sector == offered and gives_task(m) and does_it(c) for c in others or [] for m in c.mandates):
        return None  # another clause cited has the one offered do it too (Res 177: TSB and BDT report to Council)
    actors = list({m.actor: m for m in tasked}.values())
    who = " and ".join(_named(m.actor) for m in actors[:3])
    return f"No: {who} {_does(actors)} this, not {typed}.", sectors


def _does(tasked: list[Mandate]) -> str:
    """"leads" for an actor a clause makes responsible ("ITU-D continue to lead the work"), else "is tasked with"."""
    if all(m.role == "responsible" for m in tasked):
        return "leads" if len(tasked) == 1 else "lead"
    return "is tasked with" if len(tasked) == 1 else "are tasked with"


def _named(actor: str) -> str:
    """"the Director of BR (ITU-R)", "ITU-T study groups": as a sentence names them."""
    return ("the " if actor.startswith("Director") else "") + with_sectors(actor)


def sectors_tasked(clause: Clause) -> list[Sector]:
    """The Sectors whose actors the clause gives something to do, in ITU's order."""
    tasked = {m.sector for m in clause.mandates if gives_task(m)}
    return [s for s in THREE if s in tasked]
