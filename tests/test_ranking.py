"""Ranking pieces as pure functions: fusion, stemming, idf coverage."""

from __future__ import annotations

from retrieval.answering.search import convex, rrf
from retrieval.indexing.lexical import LexicalIndex, lexical_tokens


def test_convex_fusion_keeps_a_decisive_lexical_hit_that_rrf_loses() -> None:
    # "only" is the one clause naming the query's rare words (BM25 twice the next score) and close
    # to the top densely; "a" leads densely by a hair and is second lexically.
    dense = {"a": 0.56, "b": 0.55, "only": 0.50, "c": 0.30, "d": 0.28}
    lexical = {"only": 5.6, "a": 2.8, "b": 2.7}
    fused = convex(dense, lexical, 0.5)
    assert max(fused, key=fused.__getitem__) == "only"
    by_rank = rrf([["a", "b", "only", "c", "d"], ["only", "a", "b"]])
    assert max(by_rank, key=by_rank.__getitem__) == "a", "the case convex fusion exists for"


def test_convex_fusion_edge_cases() -> None:
    assert convex({}, {}, 0.5) == {}
    assert convex({"x": 0.3}, {}, 0.5) == {"x": 1.0}
    scores = convex({"x": 0.9, "y": 0.1}, {"y": 3.0}, 0.5)
    assert all(0.0 <= v <= 1.0 for v in scores.values())


def test_stemming_matches_word_forms() -> None:
    assert lexical_tokens("meetings appointment studies") == lexical_tokens("meet appoints study")
    # Snowball's undoubling ("staffing" → "staf") must not part a word from its own forms
    assert lexical_tokens("staffing added") == lexical_tokens("staff add")
    assert lexical_tokens("planning") == lexical_tokens("plan") and lexical_tokens("ad hoc") != lexical_tokens("add hoc")
    # Irregular past forms are their verb ("where was WTPF-21 held?" against "to hold the WTPF"), but "led" is
    # not "lead" (the noun of "lead Sector") and "RAN" stays a radio access network
    assert lexical_tokens("held paid chosen undertaken") == lexical_tokens("hold pay choose undertake")
    assert lexical_tokens("led") != lexical_tokens("lead") and lexical_tokens("RAN") != lexical_tokens("run")


def test_tracked_change_seams_split_for_search() -> None:
    # Plain-text exports of tracked changes run the deleted word into the inserted one.
    from retrieval.core.text import tokens

    # ("ICTs" is read as the acronym "ICT", as any acronym plural is.)
    assert tokens("security in ICTscybersecurity,") == ["security", "in", "ict", "cybersecurity"]
    assert tokens("REV. DUBAI, 2012HAMMAMET, 2016") == ["rev", "dubai", "2012", "hammamet", "2016"]
    assert tokens("RCC/47A4/1 ITU-T 2bis WTSA-16") == ["rcc", "47a4", "1", "itu-t", "2bis", "wtsa-16"]


def test_idf_coverage_weighs_rare_words() -> None:
    index = LexicalIndex(["1", "2", "3", "4"], [lexical_tokens(t) for t in (
        "the study groups meet", "study groups report", "study groups of IMT", "emergency telecommunications")])
    # "emergency" is rare and "study" is everywhere: holding the rare word is most of the evidence.
    assert index.coverage_of("study emergency")("emergency telecommunications") > 0.7
    assert index.coverage_of("study emergency")("the study groups meet") < 0.3
    # A word the corpus never uses counts against the clause: it is not about that.
    assert index.coverage_of("emergency blockchain")("emergency telecommunications") < 0.5


def test_itu_wording_synonyms() -> None:
    from retrieval.indexing.lexical import expand

    index = LexicalIndex(["1", "2"], [lexical_tokens(t) for t in (
        "accessibility for persons with disabilities", "study group chairmen and vice-chairmen")])
    assert index.search("people with disabilities", 1)[0][0] == "1"
    assert index.search("who appoints the chair", 1)[0][0] == "2"
    # everyday words for procedural ones (blind42)
    index = LexicalIndex(["1", "2", "3"], [lexical_tokens(t) for t in (
        "the incubation mechanism is abused to delay work", "the selection can be reconsidered up to the last call",
        "financial support through partnership agreements")])
    assert index.search("risk that people use incubation to stall work", 1)[0][0] == "1"
    assert index.search("until when can the choice be reopened", 1)[0][0] == "2"
    assert index.search("who finds partners", 1)[0][0] == "3"
    assert index.coverage_of("people with disabilities")("accessibility for persons with disabilities") == 1.0
    assert expand(lexical_tokens("emergency")) == lexical_tokens("emergency"), "no synonyms, no change"


def test_how_often_people_say_it_finds_how_the_texts_write_it() -> None:
    """"every year" finds "annually"; "every two years" finds "biennially", not "annually"."""
    from retrieval.indexing.lexical import expand

    assert "annual" in expand(lexical_tokens("who must tell TSAG every year how it is going?"))
    assert "annual" in expand(lexical_tokens("reports due each year"))
    every_two = expand(lexical_tokens("what is reviewed every two years"))
    assert "biennial" in every_two and "annual" not in every_two
    assert expand(lexical_tokens("the year 2016")) == lexical_tokens("the year 2016")


def test_chat_phrases_and_words_find_the_texts_own() -> None:
    """blind39: "can the WTPF put out binding regs?" is "shall not produce prescriptive regulatory outcomes";
    a review "skipped" is "dispensed with"; "keeping tabs on" is monitoring; "take place" is "held"."""
    from retrieval.indexing.lexical import expand, stem

    index = LexicalIndex(["1", "2"], [lexical_tokens(t) for t in (
        "that WTPF shall not produce prescriptive regulatory outcomes",
        "the review by TSAG may be dispensed with only where urgent approval is justified")])
    assert index.search("can the wtpf put out binding regs", 1)[0][0] == "1"
    assert index.search("can the review be skipped", 1)[0][0] == "2"
    assert stem("monitor") in expand(lexical_tokens("keeping tabs on ICT services"))
    assert "held" in expand(lexical_tokens("when is WTSA meant to take place"))
    # blind40: "which treaty are member states told to join?" is the Tampere Convention
    assert stem("convention") in expand(lexical_tokens("which treaty"))
    # "where do people send their inputs?": the texts "distribute" them
    assert stem("distributed") in expand(lexical_tokens("where do people send their inputs"))


def test_accessibility_is_not_access() -> None:
    """A new-user trial: "BDT has 35 mandates on accessibility" listed Res 64 (non-discriminatory access), since
    Snowball stems "accessibility" to "access"."""
    from retrieval.indexing.lexical import stem

    assert stem("accessibility") == stem("accessible") == stem("accessibilities") != stem("access")
    index = LexicalIndex(["1", "2"], [lexical_tokens(t) for t in (
        "to ensure non-discriminatory access to modern telecommunication facilities",
        "to promote accessibility of ICTs for persons with disabilities")])
    assert index.search("accessibility", 1)[0][0] == "2"
    assert index.coverage_of("accessibility")("to ensure non-discriminatory access to modern facilities") == 0.0


def test_british_spellings_stem_as_the_texts_american_ones() -> None:
    """blind25: "told to decentralise functions" never met "functions which could be decentralized"."""
    from retrieval.indexing.lexical import stem

    for gb, us in [("decentralise", "decentralized"), ("organisation", "organizations"), ("recognised", "recognize"),
                   ("analyse", "analyzing"), ("prioritising", "prioritize")]:
        assert stem(gb) == stem(us), (gb, us)
    # every form of an -ise word alike, so nothing splits
    assert stem("advise") == stem("advised") == stem("advising") and stem("revise") == stem("revised")
    index = LexicalIndex(["1", "2"], [lexical_tokens(t) for t in (
        "to strengthen the regional offices by identifying functions which could be decentralized",
        "to strengthen the regional offices by promoting their role")])
    assert index.search("which functions to decentralise to the regional offices", 1)[0][0] == "1"


def test_a_name_with_its_number_is_held_however_it_is_typed() -> None:
    index = LexicalIndex(["1", "2"], [lexical_tokens(t) for t in (
        "coordinate studies within ITU-R on IMT-2020 and beyond", "country code top-level domains")])
    # the texts write "IMT-2020"; people type "IMT 2020", or run the phrase together with hyphens
    assert index.coverage_of("IMT 2020 studies")("within ITU-R on IMT-2020 and beyond") > 0.8
    assert index.coverage_of("IMT-2020-and-beyond")("within ITU-R on IMT-2020 and beyond") == 1.0
    # a compound is stemmed whole ("country-cod"): its parts are the words as typed
    assert index.coverage_of("country-code domains")("country code top-level domains") == 1.0


def test_a_question_or_study_group_is_found_however_it_is_written() -> None:
    # "Q20/1" in chat and meeting documents, "Question 20/1 of ITU-D Study Group 1" in resolutions: a search for
    # one form ranked the clause written the other way fourth ("Q20/1 on accessibility - which sector's SG1?")
    index = LexicalIndex(["res", "other", "third"], [lexical_tokens(t) for t in (
        "studies conducted within the framework of Question 20/1 of ITU-D Study Group 1",
        "Annex 1 to Resolution 1, item 1: the 1 study period", "incubation under Q4/17")])
    assert index.search("Q20/1 on accessibility", 3)[0][0] == "res"
    assert index.search("what does Question 4/17 incubate", 3)[0][0] == "third"
    assert "q20/1" in lexical_tokens("Q20/1") and "q20/1" in lexical_tokens("Questions 20/1 and 4/17")
    assert "sg17" in lexical_tokens("Study Group\u00a017") and "sg17" in lexical_tokens("SG 17")
    assert lexical_tokens("SG17") == ["sg17"]  # the name itself is that token already, not counted twice
    assert not any("/" in t or t.startswith("sg") for t in lexical_tokens("study group 3.2 of the report"))
