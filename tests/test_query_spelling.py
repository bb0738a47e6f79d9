"""Misspelled words read as the corpus words they were meant to be: a real catalog and BM25 built in
memory from made-up clauses (no model, no store)."""

from __future__ import annotations

import pytest

from retrieval.answering.query import read_query, reading_notes
from retrieval.answering.spelling import Speller, english_count
from retrieval.core.models import Clause, Instrument
from retrieval.indexing.catalog import Catalog

TEXTS = [
    "that cybersecurity is a matter of mutual interest to all Sectors;",
    "the Director of TSB shall report annually to TSAG on the results of implementing this Resolution;",
    "which Sector handles emergency telecommunications and disaster relief;",
    "to invite the advisory groups to continue the coordination of accessibility work;",
    "security in ICTscybersecurity of networks",
    "the standardization work of the study groups on standards",
    "le secteur de la normalisation des télécommunications",  # E.119 in French: "secteur" is a corpus word
]


@pytest.fixture(scope="module")
def speller() -> Speller:
    inst = Instrument(body="WTSA", kind="resolution", number="57")
    clauses = [Clause(clause_id=f"r#{i}", doc_id="r", instrument=inst, part="resolves", label=str(i), text=t,
                      span=(0, len(t))) for i, t in enumerate(TEXTS, 1)]
    return Speller(Catalog(clauses))


@pytest.mark.parametrize(("typed", "meant"), [
    ("cybersecurty", "cybersecurity"), ("reprots", "reports"), ("sectr", "sector"), ("handels", "handles"),
    ("wich", "which"), ("telecomunicatons", "telecommunications"), ("acessibilty", "accessibility"),
    ("accesibility", "accessibility"), ("coordinaton", "coordination"), ("telecomunications", "telecommunications"),
    ("secter", "sector"),  # one edit from "sector" and from the French "secteur": the question word wins
    ("cuttoff", "cutoff"),  # no corpus word, but one the search reads through a synonym ("deadline")
])
def test_unknown_words_are_corrected(speller: Speller, typed: str, meant: str) -> None:
    assert speller.suggest(typed) == meant


@pytest.mark.parametrize("word", ["report", "reporting", "Sectors", "cybersecurity", "which", "budget", "coffee",
                                  "TSAG", "abc", "57", "ours", "yours", "info", "cutoff", "plenipot"])
def test_known_or_far_words_are_left_alone(speller: Speller, word: str) -> None:
    assert speller.suggest(word) is None


def test_a_question_is_read_with_its_corrections_noted(speller: Speller) -> None:
    q = read_query("wich sectr handels cybersecurty?", speller)
    assert q.text == "which sector handles cybersecurity?"
    assert q.intent == "sector" and q.topic == "cybersecurity"
    assert q.corrections == [("wich", "which"), ("sectr", "sector"), ("handels", "handles"),
                             ("cybersecurty", "cybersecurity")]
    assert reading_notes(q, "onnx-minilm") == [
        "Read ‘wich’ as ‘which’, ‘sectr’ as ‘sector’, ‘handels’ as ‘handles’, ‘cybersecurty’ as ‘cybersecurity’."]
    assert read_query("who reprots to TSAG", speller).text == "who reports to TSAG"


def test_acronyms_and_other_languages_are_not_corrected(speller: Speller) -> None:
    assert read_query("Who reports to TSAF?", speller).corrections == []
    q = read_query("Quel Secteur s'occupe de la cybersecurite ?", speller)
    assert q.language == "fr" and q.corrections == []
    assert any("questions are answered in English" in n for n in reading_notes(q, "onnx-minilm"))
    assert not reading_notes(q, "openai")


@pytest.mark.parametrize("word", ["cake", "bread", "bake", "sport"])
def test_short_english_words_the_corpus_lacks_are_not_read_as_corpus_words(word: str) -> None:
    inst = Instrument(body="WTSA", kind="resolution", number="1")
    texts = ["in case of need", "a broad range", "back to the report", "the support of members"]
    clauses = [Clause(clause_id=f"r#{i}", doc_id="r", instrument=inst, part="resolves", label=str(i), text=t,
                      span=(0, len(t))) for i, t in enumerate(texts, 1)]
    assert Speller(Catalog(clauses)).suggest(word) is None


# Each pair: an English word the corpus lacks, and the corpus word one edit away it used to be read as.
@pytest.mark.parametrize(("word", "near"), [
    ("auctions", "actions"), ("binding", "bidding"), ("revocation", "revolution"), ("scores", "stores"),
    ("tender", "tenders"), ("stay", "say"), ("docs", "does"),
])
def test_english_words_the_corpus_lacks_are_not_typos(word: str, near: str) -> None:
    inst = Instrument(body="PP", kind="resolution", number="1")
    texts = [f"the {near} of the Council", "Which Sector handles it? What does it say?", "stores and revolution"]
    clauses = [Clause(clause_id=f"r#{i}", doc_id="r", instrument=inst, part="resolves", label=str(i), text=t,
                      span=(0, len(t))) for i, t in enumerate(texts, 1)]
    speller = Speller(Catalog(clauses))
    assert speller.suggest(word) is None


def test_a_slip_that_is_no_english_word_is_still_corrected() -> None:
    inst = Instrument(body="PP", kind="resolution", number="1")
    clauses = [Clause(clause_id="r#1", doc_id="r", instrument=inst, part="resolves", label="1",
                      text="the actions of the Council", span=(0, 26))]
    assert english_count("actons") == 0 and english_count("actions") > 0
    assert Speller(Catalog(clauses)).suggest("actons") == "actions"


def test_an_english_word_far_rarer_than_a_question_word_is_that_question_word(speller: Speller) -> None:
    # "dose" (a real word) in "what dose it mean" is "does"; so is "whats"
    assert speller.suggest("dose") == "does"
    assert speller.suggest("whats") == "what"


def test_plural_acronyms_are_names(speller: Speller) -> None:
    assert read_query("which Sector handles NWIs and ITUs?", speller).corrections == []


def test_member_states_and_sector_members_in_chat_shorthand() -> None:
    assert read_query("can sector members answer the TAP consultation too or is that just for MSs?").text.endswith(
        "just for Member States?")
    assert read_query("do MS and SMs pay the same?").text == "do Member States and Sector Members pay the same?"
    assert read_query("what does MS Word do?").text == "what does MS Word do?"



def test_answering_a_consultation_is_responding_to_it() -> None:
    """"can sector members answer the TAP consultation?" against "Only Member States are entitled to respond"."""
    from retrieval.indexing.lexical import holds, lexical_tokens

    assert holds(set(lexical_tokens("Only Member States are entitled to respond")), "answer")


def test_every_year_in_chat_spelling_is_annually() -> None:
    q = read_query("kalidoscope acadmia conf - wich bureau organises it evry yr?")
    assert q.text.endswith("every year?") and "annually" in q.search_text, (q.text, q.search_text)
    assert read_query("how many yrs is the term?").text == "how many years is the term?"



def test_a_british_spelling_is_no_typo_the_search_reads_it_as_the_texts_spelling(speller: Speller) -> None:
    """"standardisation" had been "corrected" to "standardization" (shown as a reading note) because the search
    met the texts' spelling only through a synonym; both spellings now stem alike, so it is read as typed."""
    from retrieval.indexing.lexical import stem

    assert speller.suggest("standardisation") is None
    assert stem("standardisation") == stem("standardization") and speller.lexical.knows(stem("standardisation"))
    assert speller.suggest("standardisaton") == "standardization"  # a slip in it is still one


def test_two_letters_swapped_in_a_short_word_are_a_slip() -> None:
    """blind40: "U.1 gaurd delay - …" left "gaurd" as typed (words under six letters were read only as question
    words); a swap is a slip however short the word, and an English word is still no typo."""
    inst = Instrument(body="ITU-T", kind="recommendation", number="U.1")
    texts = ["A guard delay of 1 second will be maintained", "the time of the work", "code and form"]
    clauses = [Clause(clause_id=f"u#{i}", doc_id="u", instrument=inst, part="clause", label=str(i), text=t,
                      span=(0, len(t))) for i, t in enumerate(texts, 1)]
    speller = Speller(Catalog(clauses))
    assert speller.suggest("gaurd") == "guard" and speller.suggest("tiem") == "time"
    assert speller.suggest("coed") is None  # an English word, not "code"
    assert speller.suggest("gurd") is None  # a letter missing from a short word: too many words are one away
