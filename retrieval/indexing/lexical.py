"""BM25 over clause text (bm25s). Chroma's own sparse index and Search API are not implemented for the
embedded client in chromadb 1.5.9 ("Search is not implemented for Local Chroma"), so the lexical side
lives here, persisted next to the Chroma data."""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy takes 0.1 s to import: `cite`, `status` and `parse` read no BM25 matrix
    import numpy as np

from retrieval.core.text import tokens

# Part of the catalog cache key: a change to how text becomes tokens must rebuild cached BM25 indexes.
TOKENIZER_VERSION = "snowball-en-9"  # query-side synonyms need no rebuild
_local = threading.local()  # PyStemmer objects are not thread-safe; one per thread

STOPWORDS = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of",
    "on", "or", "that", "the", "this", "to", "was", "were", "which", "with", "what", "who", "whom", "does", "do",
    "did", "how", "why", "where", "when", "there", "their", "these", "those", "than", "then", "into", "about",
    "any", "all", "can", "could", "should", "would", "may", "might", "will", "shall", "our", "your", "they",
    "them", "we", "you", "he", "she", "his", "her",
    # discourse words whose stems collide with content ("according to" / "accordingly")
    "according", "accordingly",
])


# How people write in chat, never what they ask about: "hey quick one - who runs it? thx", "ppl",
# "they're". Questions drop them before asking the clauses to cover their words.
CHAT_WORDS = frozenset([
    "hey", "hi", "hello", "morning", "thanks", "thank", "thx", "pls", "plz", "please", "quick", "folks", "guys",
    "like", "sure", "kinda", "sorta", "basically", "btw", "fyi", "anyone", "someone", "know", "think",
    "wondering", "wonder", "ppl", "re", "ve", "ll", "im", "u", "ur", "ok", "okay", "just", "etc", "incl",
    "e.g", "eg", "ie", "i.e", "stuff", "thing", "things", "one", "who's", "what's", "that's", "it's", "there's",
    # blind26: "… get its spectrum sorted", "… so it actually interworks"
    "sorted", "so", "actually",
    # blind42: "… at WTSA instead of at the SG" (a word the texts never use proves nothing missing)
    "instead",
    # "when's the next PP again, per res 77?"
    "again",
])


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball English: "meetings" and "meet", "appoints" and "appointment" match each other."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    # British -ise spellings as the -ize ones ("decentralise", "organisation"): Snowball stems them apart.
    # Every form of every word is rewritten alike on both sides of the search ("advise", "advised"), so only a
    # word whose -ise and -ize forms are different words could be confused.
    word = _ISE_RE.sub(lambda m: ("yz" if m.group(0).startswith("y") else "iz") + m.group(1), word)
    if word.startswith("accessib") or word.startswith("inaccessib"):
        # Snowball makes "accessibility" "access": persons with disabilities are not "non-discriminatory access"
        return word[: word.index("accessib")] + "accessibl"
    word = _IRREGULAR.get(word, word)
    out = str(stemmer.stemWord(word))
    # Snowball undoubles a final consonant after removing -ing/-ed ("staffing" → "staf") but leaves the
    # bare word ("staff"): the two never met. Only where the doubled form is itself the word.
    doubled = out + out[-1:]
    return doubled if doubled in _UNDOUBLED and word.lower().startswith(doubled) else out


_ISE_RE = re.compile(r"(?<=[a-z]{3})(?:is|(?<=l)ys)(e|ed|es|ing|ation|ations|er|ers)$")
# Words whose -ing/-ed forms Snowball stems apart from the word itself.
_UNDOUBLED = frozenset(["staff", "add"])
# Irregular verb forms Snowball leaves apart from their verb: "where was WTPF-21 held?" against "to hold the
# WTPF", "who paid" against "shall pay". Only forms that are no other common word: "found", "left", "meant",
# "ran" (RAN, the radio access network), "sat" and "led" ("lead" is also the noun of "lead Sector") stay.
_IRREGULAR = {
    "held": "hold", "paid": "pay", "made": "make", "gave": "give", "given": "give", "took": "take",
    "taken": "take", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw", "brought": "bring",
    "sought": "seek", "kept": "keep", "began": "begin", "begun": "begin", "spent": "spend", "wrote": "write",
    "written": "write", "undertook": "undertake", "undertaken": "undertake", "built": "build", "won": "win",
    "told": "tell", "sold": "sell", "bought": "buy", "shown": "show", "dealt": "deal", "understood": "understand",
    "withdrew": "withdraw", "withdrawn": "withdraw", "oversaw": "oversee", "overseen": "oversee",
    "arose": "arise", "arisen": "arise", "met": "meet", "sent": "send", "bore": "bear", "borne": "bear",
    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow", "grown": "grow",
    "spoke": "speak", "spoken": "speak", "forgot": "forget", "forgotten": "forget",
}


def lexical_tokens(text: str) -> list[str]:
    out = [stem(t) for t in tokens(text) if t not in STOPWORDS]
    if "/" in text or "roup" in text or "SG " in text:
        out.extend(_numbered_names(text))
    return out


# A Question or a study group is written two ways ("Q20/1" in chat and meeting documents, "Question 20/1 of
# ITU-D Study Group 1" in resolutions; "SG17" and "Study Group 17"): each form also gives one token the other
# gives too, so either finds both. ("SG17" itself is already the token "sg17".)
_QUESTION_NUMBER_RE = re.compile(r"\b(?:Q|Questions?\s*)(\d{1,2})/(\d{1,2})\b", re.IGNORECASE)
_STUDY_GROUP_NUMBER_RE = re.compile(r"\b(?:Study\s+Groups?|SG)\s+(\d{1,2})\b(?![./]\d)", re.IGNORECASE)


def _numbered_names(text: str) -> list[str]:
    return ([f"q{m.group(1)}/{m.group(2)}" for m in _QUESTION_NUMBER_RE.finditer(text)]
            + [f"sg{m.group(1)}" for m in _STUDY_GROUP_NUMBER_RE.finditer(text)])


# "a small company", "small firms", "a small business": the texts' SMEs (small and medium enterprises); read as
# "SME" in a question, and as the SMEs a membership rule is for.
# The chat words as the lexical tokens they become: what question-side checks set aside.
CHAT_STEMS = frozenset(lexical_tokens(" ".join(CHAT_WORDS)))
SMALL_BUSINESS = r"small(?:\s+and\s+medium)?(?:[- ]sized)?\s+(?:compan(?:y|ies)|firms?|business(?:es)?|enterprises?)"


# What people type against how ITU texts word it ("persons with disabilities", "chairmen"). Small on
# purpose: each group is a usage the texts fix, not a general thesaurus.
_SYNONYM_GROUPS = [
    ("people", "persons"),
    ("chair", "chairs", "chairman", "chairmen", "chairperson", "chairpersons"),
    ("handicapped", "disabilities"), ("customer", "customers", "consumer", "consumers"),
    # Chat shorthand for the words the texts spell out.
    ("telecom", "telecoms", "telecommunication", "telecommunications"),
    ("max", "maximum", "ceiling"), ("min", "minimum"), ("info", "information"), ("govt", "government"),
    ("defn", "definition", "definitions"), ("reqt", "requirement"), ("spec", "specs", "specification", "specifications"),
    # ITU shorthand in chat.
    ("contrib", "contribs", "contribution", "contributions"), ("plenipot", "plenipotentiary", "pp"),
    ("org", "orgs", "organization", "organizations", "bodies"), ("interop", "interoperability"),
    ("mtg", "meeting"), ("recs", "recommendations"), ("colab", "collab", "collaboration"), ("vice-chair", "vice-chairs", "vice-chairman", "vice-chairmen"),
    ("intl", "international"), ("approx", "approximately"), ("alt", "alternative"), ("reqs", "requirements"), ("hq", "headquarters"),
    ("sec", "secs", "second", "seconds"), ("hr", "hrs", "hour", "hours"),
    ("redo", "revise"), ("wk", "wks", "week", "weeks"), ("stats", "statistics"),
    # Everyday verbs for the texts' own ("gather the stats": "the collection … of statistics")
    ("gather", "collect"), ("hire", "recruit"), ("vuln", "vulns", "vulnerability", "vulnerabilities"),
    ("length", "duration"), ("cutoff", "deadline"), ("recoup", "recover"), ("value", "amount"),
    ("harm", "harmed", "hurt", "hurts", "adversely"), ("answer", "respond"),
    ("doc", "docs", "document", "documents"),
    # "circulate the result": the texts send it "by a circular" (Snowball keeps the two stems apart)
    ("circulate", "circular"),
    # "can the WTPF put out binding regs?": the texts say "prescriptive regulatory outcomes"; a review "skipped"
    # is "dispensed with", a treaty a "convention", what is sent "distributed"
    ("binding", "prescriptive", "mandatory"), ("regs", "regulations"),
    ("skip", "skipped", "dispense", "dispensed", "waive", "waived"),
    ("treaty", "treaties", "convention", "conventions"), ("send", "sent", "distribute", "distributed"),
    # Everyday words for the texts' procedural ones: work "stalled" is "delayed", a draft "held over" to WTSA
    # is "deferred", a choice "reopened" is "reconsidered", partners come in "partnership" agreements
    ("stall", "stalls", "stalled", "delay", "delays", "delayed"), ("defer", "deferred", "postpone", "postponed"),
    ("reopen", "reopened", "reconsider", "reconsidered", "revisit", "revisited"),
    ("partner", "partners", "partnership", "partnerships"),
    # "how many parts is it split into?": the texts "divide" ("This service is divided into two parts")
    ("split", "splits", "divide", "divides", "divided"),
    # Telecom chat words for what the texts name generically.
    ("fake", "fakes", "counterfeit", "counterfeits"), ("handset", "handsets", "device", "devices"),
    ("imei", "imeis", "identifier", "identifiers"),
    # Chat words for the texts' ("our chair has done two stints", "the cut-off for contributions", "how often is
    # the PP held?" where the Constitution has it "convened").
    ("stint", "stints", "term", "terms"), ("cut-off", "cutoff", "deadline", "deadlines"), ("held", "convened"),
    # "a developed-country firm" asking about SMEs, "small and medium enterprises"
    ("firm", "firms", "company", "companies", "enterprise", "enterprises"),
    # Everyday words for the groups the texts name ("youth", "children").
    ("young", "youth", "youngsters"), ("kid", "kids", "child", "children"),
    # British and American spellings. The -ise/-ize pairs now share a stem (`stem` joins them), so they no
    # longer widen the search; they stay because the speller reads a word listed here as known, and without
    # them a small corpus turned "specialised" into a corpus word one edit away (measured).
    ("organisation", "organization"), ("organisations", "organizations"), ("organise", "organize"),
    ("harmonise", "harmonize"), ("recognise", "recognize"), ("programme", "program"), ("centre", "center"),
    ("standardisation", "standardization"), ("specialised", "specialized"), ("specialise", "specialize"),
    ("prioritise", "prioritize"), ("utilise", "utilize"), ("optimise", "optimize"), ("minimise", "minimize"),
    ("maximise", "maximize"), ("authorised", "authorized"), ("digitalisation", "digitalization"),
    ("globalisation", "globalization"), ("mobilise", "mobilize"), ("finalise", "finalize"),
    ("categorise", "categorize"), ("summarise", "summarize"), ("behaviour", "behavior"), ("labour", "labor"),
    ("licence", "license"), ("defence", "defense"),
    # "the next WTDC under the PP-18 calendar": Res 77's scheduling
    ("calendar", "schedule", "scheduled", "scheduling"), ("lang", "langs", "language", "languages"),
]


def _synonyms() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for group in _SYNONYM_GROUPS:
        stems = {stem(w) for w in group}
        for s in stems:
            out.setdefault(s, set()).update(stems - {s})
    return {k: frozenset(v) for k, v in out.items()}


SYNONYMS = _synonyms()


# How often, as people say it and as ITU texts write it ("report annually to TSAG"); stemmed.
_PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("everi", "year"): ("annual",), ("each", "year"): ("annual",), ("per", "year"): ("annual",),
    ("everi", "two", "year"): ("biennial",), ("everi", "four", "year"): ("quadrenni",),
    # Phrasal verbs people use for the texts' verbs.
    ("put", "out"): ("publish", "produc"), ("bring", "out"): ("publish", "produc"), ("set", "up"): ("establish",),
    ("take", "place"): ("held",), ("held", "over"): ("defer",), ("hold", "over"): ("defer",),
    ("keep", "tab"): ("monitor",), ("keep", "track"): ("monitor",),
}


def holds(have: set[str], word: str) -> bool:
    """The (stemmed) tokens `have` hold the word or an ITU synonym of it ("telecom" in "telecommunication").
    The word may be given stemmed already (content_terms): stemming "committe" again would miss it."""
    return word in have or any(t in have or SYNONYMS.get(t, frozenset()) & have for t in lexical_tokens(word))


def expand(query_tokens: list[str]) -> list[str]:
    extra = [alt for t in query_tokens for alt in sorted(SYNONYMS.get(t, ())) if alt not in query_tokens]
    for phrase, alts in _PHRASES.items():
        n = len(phrase)
        if any(tuple(query_tokens[i : i + n]) == phrase for i in range(len(query_tokens) - n + 1)):
            extra.extend(alts)
    return query_tokens + [t for t in dict.fromkeys(extra) if t not in query_tokens]


RARE_COMPOUND = 3  # clauses: a hyphenated compound written this seldom is mostly written as separate words
K1, B = 1.5, 0.75  # bm25s's defaults (its "lucene" variant), which the matrix below reproduces
EMPTY = "\x00"  # stands in for a clause with no tokens: BM25 needs a length above zero


def bm25_matrix(flat: np.ndarray, lengths: np.ndarray, n_vocab: int) -> dict[str, np.ndarray | int]:
    """bm25s's score matrix (CSC by token: data, indices, indptr) from token ids, built with array
    operations. bm25s builds it with a Python loop over every token, 4.7 s at 100k clauses; this is
    what lets a replica rebuild its catalog in seconds."""
    import numpy as np

    n_docs = len(lengths)
    docs = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    # One sort by (token, clause) gives the term frequencies and the CSC order at once.
    keys, tf = np.unique(flat.astype(np.int64) * n_docs + docs, return_counts=True)
    tok, doc = keys // n_docs, keys % n_docs
    df = np.bincount(tok, minlength=n_vocab)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    lens = lengths.astype(np.float64)
    tfc = tf / (K1 * ((1 - B) + B * lens[doc] / lens.mean()) + tf)
    indptr = np.zeros(n_vocab + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    return {"data": (idf[tok] * tfc).astype(np.float32), "indices": doc.astype(np.int32), "indptr": indptr,
            "num_docs": n_docs}


def number_tokens(token_lists: Sequence[list[str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Token lists numbered against their own vocabulary: (vocab, int32 ids clause after clause, int64
    tokens per clause). A clause with no tokens holds the placeholder EMPTY."""
    import numpy as np

    vocab: dict[str, int] = {}
    lists = [t or [EMPTY] for t in token_lists]
    flat = np.fromiter((vocab.setdefault(t, len(vocab)) for toks in lists for t in toks), dtype=np.int32,
                       count=sum(map(len, lists)))
    return list(vocab), flat, np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))


class LexicalIndex:
    def __init__(self, ids: list[str], token_lists: list[list[str]]) -> None:
        self._build(ids, *number_tokens(token_lists))

    @classmethod
    def from_token_ids(cls, ids: list[str], vocab: list[str], flat: np.ndarray, lengths: np.ndarray) -> LexicalIndex:
        """From tokens already numbered (`flat[i]` indexes `vocab`; clause j holds `lengths[j]` of them)."""
        obj = cls.__new__(cls)
        obj._build(ids, vocab, flat, lengths)
        return obj

    def _build(self, ids: list[str], vocab: list[str], flat: np.ndarray, lengths: np.ndarray) -> None:
        import bm25s

        self.ids = ids
        self.bm25 = bm25s.BM25()
        if ids:
            self.bm25.scores = bm25_matrix(flat, lengths, len(vocab))
            self.bm25.nonoccurrence_array = None  # set by bm25s.index for its BM25L/BM25+ variants only
            self.bm25.vocab_dict = {t: i for i, t in enumerate(vocab)}
            if "" not in self.bm25.vocab_dict:  # as bm25s.index does, for queries with no known token
                self.bm25.vocab_dict[""] = len(vocab)
            self.bm25.unique_token_ids_set = set(self.bm25.vocab_dict.values())

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        q = expand(lexical_tokens(query))
        # A compound the texts write once or twice, and otherwise as words, is searched by its words too
        # ("developing-country university", "universities from developing countries"). (One they never use,
        # "vice-chairs", and one they use often, "inter-sector", are left as typed: their parts alone lead
        # elsewhere, measured.)
        q += [p for raw in _HYPHENATED.findall(query)
              if len(toks := lexical_tokens(raw)) == 1 and self.doc_count(toks[0]) and self._written_apart(toks[0])
              for p in lexical_tokens(raw.replace("-", " ")) if p not in q]
        if not self.ids or not q:
            return []
        k = min(k, len(self.ids))
        docs, scores = self.bm25.retrieve([q], k=k, show_progress=False)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def covering(self, query: str, at_least: float, aliases: Sequence[tuple[str, str]] = ()) -> set[int]:
        """Positions (in `ids`) of the clauses whose indexed text reaches `at_least` of the query's
        coverage (see coverage_of), read from the index's columns instead of tokenizing each clause. A
        clause's text and its instrument's title are both inside what was indexed, so neither can
        cover the query when this does not. `aliases` as for coverage_of."""
        import numpy as np

        wanted, alts, weight, compounds = self._weights(query, aliases)
        total = sum(weight.values())
        if not self.ids or not total:
            return set()
        data = self.bm25.scores

        def holding(tokens: Iterable[str]) -> np.ndarray:
            hit = np.zeros(len(self.ids), dtype=bool)
            for a in tokens:
                col = self.bm25.vocab_dict.get(a)
                if col is not None and col + 1 < len(data["indptr"]):
                    hit[data["indices"][data["indptr"][col] : data["indptr"][col + 1]]] = True
            return hit

        have = np.zeros(len(self.ids), dtype=np.float64)
        for t in wanted:
            hit = holding(alts[t])
            if t in compounds:
                hit |= np.logical_and.reduce([holding([p]) for p in compounds[t]])
            have += weight[t] * hit
        return set(np.flatnonzero(have / total >= at_least - 1e-9).tolist())

    def knows(self, token: str) -> bool:
        """Whether a (stemmed) token occurs in the corpus: the spelling check's vocabulary."""
        return bool(self.ids) and token in self.bm25.vocab_dict

    def vocabulary(self) -> list[str]:
        """Every (stemmed) token of the corpus: the spelling check looks here for words two edits away."""
        return list(self.bm25.vocab_dict) if self.ids else []

    def _written_apart(self, compound: str) -> bool:
        """A (stemmed) hyphenated compound of words ("IMT-2020" is a name) the texts write so seldom that
        they mostly write it as separate words."""
        return compound.replace("-", "").isalpha() and self.doc_count(compound) <= RARE_COMPOUND

    def doc_count(self, token: str) -> int:
        """How many clauses use a (stemmed) token: a column length of the BM25 matrix, no scan."""
        col = self.bm25.vocab_dict.get(token) if self.ids else None
        if col is None:
            return 0
        indptr = self.bm25.scores["indptr"]
        return int(indptr[col + 1] - indptr[col])

    def idf(self, token: str) -> float:
        """BM25's idf of a (stemmed) token; a word the corpus never uses gets the highest idf."""
        col = self.bm25.vocab_dict.get(token) if self.ids else None
        df = 0
        if col is not None:
            indptr = self.bm25.scores["indptr"]
            df = int(indptr[col + 1] - indptr[col])
        n = len(self.ids)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _weights(self, query: str, aliases: Sequence[tuple[str, str]] = ()
                 ) -> tuple[set[str], dict[str, set[str]], dict[str, float], dict[str, frozenset[str]]]:
        wanted = set(lexical_tokens(query))
        # A word and its ITU synonyms count as one term, weighted as the corpus knows it.
        same = {t: {t} | SYNONYMS.get(t, frozenset()) for t in wanted}
        weight = {t: min(self.idf(a) for a in same[t]) for t in wanted}
        compounds: dict[str, frozenset[str]] = {}
        # A compound is stemmed whole ("country-code" → "country-cod"): its parts are stemmed as typed.
        as_typed = {toks[0]: frozenset(lexical_tokens(raw.replace("-", " ")))
                    for raw in _HYPHENATED.findall(query) if len(toks := lexical_tokens(raw)) == 1}
        for t in wanted:
            # "staff-cost" where the texts write "staff costs": a compound no clause uses is held by a text
            # holding all its parts, and weighs as its rarest part.
            parts = as_typed.get(t) or (frozenset(lexical_tokens(t.replace("-", " "))) if "-" in t.strip("-")
                                     else frozenset())
            if len(parts) > 1 and not self.doc_count(t):
                compounds[t] = parts
                weight[t] = max(self.idf(p) for p in parts)
            elif t in as_typed and len(parts) > 1 and self._written_apart(t):
                # One the texts write once or twice and otherwise as words ("developing-country" beside
                # "developing countries") is held by its parts too, weighing no more than they do together
                # ("e-health" is no two words).
                compounds[t] = parts
                weight[t] = min(weight[t], max(self.idf(p) for p in parts))
        # A compound's head matches too, at the compound's own weight: the question's word is the rarer.
        heads = _heads(query)
        alts = {t: same[t] | heads.get(t, frozenset()) for t in wanted}
        for typed, other in aliases:
            # An abbreviation a text defines: "MIFR" is held by "Master International Frequency Register"
            # (all its words), and each word of a long form typed out by the short form.
            short, long = (typed, other) if len(lexical_tokens(typed)) == 1 else (other, typed)
            s_tok, l_toks = lexical_tokens(short), frozenset(lexical_tokens(long))
            if len(s_tok) != 1 or len(l_toks) < 2:
                continue
            if s_tok[0] in wanted:
                compounds.setdefault(s_tok[0], l_toks)
            for t in l_toks & wanted:
                alts[t] = alts[t] | {s_tok[0]}
        return wanted, alts, weight, compounds

    def coverage_of(self, query: str, aliases: Sequence[tuple[str, str]] = ()) -> Callable[[str], float]:
        """A scorer: the share of the query's idf mass a text contains, 1.0 when it holds every rare
        query word. The query side is worked out once, then each candidate text costs a tokenization.
        `aliases`: (form typed, other form) of the abbreviations the texts define ("MIFR", "Master
        International Frequency Register"): either form holds the other."""
        wanted, alts, weight, compounds = self._weights(query, aliases)
        total = sum(weight.values())

        def score(text: str) -> float:
            if not total:
                return 0.0
            have = set(lexical_tokens(text))
            if "-" in text:  # "security-related ITU-T recommendations" speak of security
                have |= {h for heads in _heads(text).values() for h in heads}
                # "capacity-building activities" speak of capacity building
                have |= {p for raw in _HYPHENATED.findall(text) for p in lexical_tokens(raw.replace("-", " "))}
            return sum(weight[t] for t in wanted if alts[t] & have or (t in compounds and compounds[t] <= have)) / total

        return score

    def save(self, path: Path) -> None:
        import json

        path.mkdir(parents=True, exist_ok=True)
        if self.ids:
            self.bm25.save(str(path / "bm25"))
        (path / "ids.json").write_text(json.dumps(self.ids))

    @classmethod
    def load(cls, path: Path, ids: list[str] | None = None) -> LexicalIndex:
        """`ids`: the catalog's, when it saved this index beside them (the same list: not read again)."""
        import json

        import bm25s

        if ids is None:
            ids = json.loads((path / "ids.json").read_text())
        if not ids:
            return cls([], [])
        obj = cls.__new__(cls)
        obj.ids = ids
        # Memory-mapped: a process answers without reading the whole index first.
        obj.bm25 = bm25s.BM25.load(str(path / "bm25"), mmap=True)
        return obj



# "radio-related", "IP-based", "ICT-enabled": the compound is about its first word, which a text may
# use alone ("radio aspects for IoT").
LOOSE_SUFFIXES = frozenset({"related", "based", "oriented", "enabled", "driven", "specific", "centric", "friendly"})


# … and a name with its number ("IMT-2020", typed "IMT 2020"): its parts are words of the text too.
_HYPHENATED = re.compile(r"[A-Za-z]{3,}(?:-(?:[A-Za-z]{3,}|\d{2,}))+")


def _heads(query: str) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for raw in tokens(query):
        head, _, tail = raw.rpartition("-")
        if head and tail in LOOSE_SUFFIXES and raw not in STOPWORDS:
            out[stem(raw)] = frozenset(lexical_tokens(head))
    return out
