"""Misspelled question words read as the corpus word they were meant to be ("cybersecurty" →
"cybersecurity"). Only a word the corpus does not know is corrected, and only to a spelling one edit
away (a letter missing, extra, wrong, or two letters swapped) whose stem the corpus's BM25 vocabulary
holds (words of 6 letters or more), or to a question word; words of 9 letters or more may be two edits
away. A known word is never touched, and neither is an English word the corpus lacks (pyspellchecker's
word list): "auctions" is asked about, not a slip for "actions".

Candidates are generated from the typed word (a few hundred strings, each a cached stem lookup) rather
than looked up in a list of the corpus's surface words: that list would cost a pass over every clause
(~20 s at 100k clauses) before the first misspelled question could be answered."""

from __future__ import annotations

import gzip
import importlib.util
import re
import string
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from retrieval.answering.query import edit_distance
from retrieval.core.text import split_merged
from retrieval.indexing.catalog import Catalog
from retrieval.indexing.lexical import CHAT_WORDS, STOPWORDS, SYNONYMS, stem

_WORD_RE = re.compile(r"[A-Za-z]+")
_QUESTION_STARTS = frozenset({"which", "what", "who", "whose", "where", "when", "how", "why"})
# Words of the questions themselves, which the clause vocabulary (stop words excluded) may lack:
# "wich", "waht", "handels" (the "which Sector handles" question).
_QUESTION_WORDS = frozenset(STOPWORDS | _QUESTION_STARTS | {
    "handles", "handle", "handled", "deals", "deal", "sector", "sectors", "responsible", "reports", "report",
    "covers", "leads", "coordinates", "says", "say", "mean", "means",
    # pronouns, never a typo of the stop word one letter away ("ours" is not "our")
    "ours", "yours", "theirs", "hers", "mine", "us", "me", "my", "i"})
# The likelier slip first: two letters swapped, a letter left out (we insert it), a wrong letter, an
# extra letter (we delete it). "handels" → "handles" (swap), not "handes" (delete).
_OP_ORDER = {"swap": 0, "insert": 1, "replace": 2, "delete": 3}
# A short word one edit from a corpus word is as likely an English word the corpus lacks ("cake" is not
# "case", "bread" not "broad"): short words are read only as question words.
MIN_CORPUS_FIX = 6
MIN_SWAP_FIX = 4  # … and a shorter word whose two letters are swapped
MIN_TWO_EDITS = 9  # two edits only for long words, where two slips still leave the word unmistakable


def edits(word: str) -> Iterator[tuple[str, str]]:
    """Every spelling one edit away, with the kind of edit."""
    letters = string.ascii_lowercase
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield "swap", word[:i] + word[i + 1] + word[i] + word[i + 2:]
    for i in range(len(word) + 1):
        for ch in letters:
            yield "insert", word[:i] + ch + word[i:]
    for i in range(len(word)):
        for ch in letters:
            if ch != word[i]:
                yield "replace", word[:i] + ch + word[i + 1:]
    for i in range(len(word)):
        yield "delete", word[:i] + word[i + 1:]


@cache
def _english_words() -> bytes:
    """pyspellchecker's English word list with its frequencies, one `"word": count,` a line: 2.7 MB
    decompressed in 30 ms, where parsing it as JSON takes 0.85 s. Found without importing the package."""
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations:
        return b""
    try:
        return gzip.decompress((Path(next(iter(spec.submodule_search_locations))) / "resources" / "en.json.gz").read_bytes())
    except OSError:
        return b""


@lru_cache(maxsize=4096)  # each look-up scans the 2.7 MB list; a question asks about a few words, often again
def english_count(word: str) -> int:
    """How common an English word is (0: not an English word, which is what a typo usually is)."""
    m = re.search(rb'\n"' + re.escape(word.lower().encode()) + rb'": (\d+)', _english_words())
    return int(m.group(1)) if m else 0


# A typed English word is read as a question word only when that word is this many times commoner:
# "dose" (10,621) is "does" (1.4 million), "stay" (1.0 million) is not "say" (2.5 million).
QUESTION_WORD_ODDS = 100


def max_edits(word: str) -> int:
    return 1 if len(word) < MIN_TWO_EDITS else 2


class Speller:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.lexical = catalog.lexical

    def knows(self, word: str) -> bool:
        w = word.lower()
        # Chat shorthand the search reads through its synonyms ("info", "govt", "specs") is a word too.
        return w in _QUESTION_WORDS or w in CHAT_WORDS or self.lexical.knows(stem(w)) or self._known_alias(w)

    def _known_alias(self, w: str) -> bool:
        # A word the search deliberately reads as another ("info" → "information"), held or not.
        return stem(w) in SYNONYMS

    def suggest(self, word: str, first: bool = False) -> str | None:
        """The corpus word meant by an unknown word, or None (known word, or nothing one edit away).
        A question's first word is most likely a question word ("wich" → "which", not "with")."""
        w = word.lower()
        if len(w) < 4 or not w.isalpha():
            return None
        variant = self._spelling_variant(w)
        if self.knows(w) and not variant:
            return None
        # An English word the corpus lacks is what the user meant, not a slip: "binding" is not "bidding",
        # "auctions" not "actions", "revocation" not "revolution"; an abstention naming it is the answer.
        common = 0 if variant else english_count(w)
        scored: list[tuple[int, int, float, str]] = []
        for op, cand in dict.fromkeys(edits(w)):
            if cand[:1] != w[:1] or len(cand) < 3:
                continue  # the first letter is rarely the one mistyped; keeping it avoids far-fetched reads
            if cand in _QUESTION_WORDS and not variant:
                if common and english_count(cand) < QUESTION_WORD_ODDS * common:
                    continue
                # "secter" is "sector" before it is the French "secteur" that E.119 uses; a stop word
                # ("with" for "wich") only as a question's first word.
                ask_word = (first and cand in _QUESTION_STARTS) or cand not in STOPWORDS
                scored.append((0 if ask_word else 1, _OP_ORDER[op], 0.0, cand))
            elif (len(w) >= MIN_CORPUS_FIX or (op == "swap" and len(w) >= MIN_SWAP_FIX)) and not common \
                    and self.lexical.knows(stem(cand)):
                # Then the commoner corpus word (lower idf); two letters swapped are a slip even in a short word
                # ("gaurd" is "guard"). An English question means an English word before one of the texts in
                # other languages: "indicaters" is "indicators", not E.119's French "indicateurs" (a letter
                # left out, which is otherwise the likelier slip).
                scored.append((1, _OP_ORDER[op] - (len(_OP_ORDER) if english_count(cand) else 0),
                               self.lexical.idf(stem(cand)), cand))
            elif len(w) >= MIN_CORPUS_FIX and not common and not variant and not self._known_alias(w) \
                    and self._known_alias(cand):
                # … or a word the search reads through its synonyms ("cuttoff" → "cutoff", read as "deadline")
                scored.append((2, _OP_ORDER[op], 0.0, cand))
        for rank, _, _, cand in sorted(scored)[:3]:
            if cand in _QUESTION_WORDS or rank == 2:
                return cand  # (an alias is no clause word: it stands as typed, corrected)
            # Shown as a word the clauses use: an edit can land on a non-word with a known stem
            # ("standardisation" → "standardication", stem "standard"); the clause word is "standardization".
            # … an English word is a word as it is ("propsal" → "proposal", though the ten clauses read for
            # the stem say "proposed" and "proposals")
            real = cand if english_count(cand) else self._as_written(w, stem(cand), cand)
            if real is not None:
                return real
        return self._two_edits(w) if len(w) >= MIN_TWO_EDITS and not variant and not common else None

    def _spelling_variant(self, w: str) -> bool:
        """A long word the search reads only through a synonym may still be another spelling of a
        clause word ("standardisation"): it is shown as the clause word, which one edit finds. Short
        chat words ("info") are left alone: one edit from them is another English word ("into")."""
        if len(w) < MIN_CORPUS_FIX or w in _QUESTION_WORDS or w in CHAT_WORDS or self.lexical.knows(stem(w)):
            return False
        # Only a spelling of its synonym ("organisation": "organization"), not a word the search merely
        # reads as another ("binding" as "prescriptive"): that one stands as typed.
        t = stem(w)
        return any(edit_distance(t, alt) <= 2 for alt in SYNONYMS.get(t, ()))

    def _as_written(self, w: str, t: str, cand: str = "") -> str | None:
        """The word with stem `t` that clauses use, closest to `w` and within its edits, or None."""
        words: set[str] = set()
        for cid, _score in self.lexical.search(t, 10):
            text = self.catalog.by_id[cid].text if cid in self.catalog.by_id else ""
            words |= {x for x in re.findall(r"[a-z]+", split_merged(text).lower()) if stem(x) == t}
            if cand in words:
                return cand
        best = min(words, key=lambda x: (edit_distance(w, x), x), default=None)
        return best if best is not None and edit_distance(w, best) <= max_edits(w) else None

    def _two_edits(self, w: str) -> str | None:
        """A long word two edits from a corpus word ("telecomunicatons"). Stems of a misspelling and of
        its word differ ("acessibilti", "access"), so each corpus stem is compared with the start of the
        typed word; the few closest are shown as the word a clause uses, kept if within two edits."""
        near = []
        for t in self.lexical.vocabulary():
            if t[:1] != w[:1] or len(t) < 5 or len(t) > len(w) + 2:
                continue
            d = min(edit_distance(w[:n], t) for n in (len(t) - 1, len(t), len(t) + 1))
            if d <= 2:
                near.append((d, -len(t), self.lexical.idf(t), t))
        for _, _, _, t in sorted(near)[:5]:
            real = self._as_written(w, t)
            if real is not None:
                return real
        return None

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The text with unknown words corrected, and each correction as (typed, read as)."""
        fixes: list[tuple[str, str]] = []

        def repl(m: re.Match[str]) -> str:
            word = m.group(0)
            if len(word) > 1 and (word.isupper() or (len(word) > 2 and word[:-1].isupper() and word[-1] == "s")):
                return word  # an acronym (TSAG, ISCG) or its plural (NWIs): a name, not a typo
            right = self.suggest(word, first=not text[: m.start()].strip())
            if right is None:
                return word
            fixes.append((word, right))
            return right.capitalize() if word[0].isupper() else right

        return _WORD_RE.sub(repl, text), fixes


def speller_for(catalog: Catalog) -> Speller:
    """Nothing to build: a speller reads the catalog's BM25 vocabulary directly."""
    return Speller(catalog)
