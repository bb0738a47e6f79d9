"""Abbreviations the texts define ("ICT Price Basket (IPB)"): a question in one form searches the other."""

from __future__ import annotations

from retrieval.answering.abbreviations import defined_long_form, expansions, long_form_candidates, short_forms_in

TEXTS = ["that the ICT Price Basket (IPB) and the ICT Development Index (IDI) are important for measuring",
         "assignments recorded in the Master International Frequency Register (MIFR);",
         "to publish annually the IPB and the IDI"]


def find(needles: list[bytes]) -> list[str]:
    return [t for t in TEXTS if any(n.decode() in t for n in needles)]


def test_long_forms_and_short_forms_of_a_question() -> None:
    assert long_form_candidates("the ICT Development Index")["IDI"] == "ICT Development Index"
    # a name has a capital beyond the question's first word: "Who reports on cybersecurity" is not WRC's
    assert "WRC" not in long_form_candidates("Who reports on cybersecurity?")
    assert short_forms_in("what is the MIFR? and ITU's IXPs") == ["MIFR", "IXP"]  # ITU's own names aside
    assert defined_long_form("MIFR", TEXTS[1]) == "Master International Frequency Register"
    assert defined_long_form("IDI", TEXTS[2]) is None  # used, not defined


def test_a_question_searches_the_form_the_texts_define() -> None:
    assert expansions("who puts out the ICT Development Index and the ICT price basket every year?", find) == \
        ["IDI", "IPB"]
    assert expansions("what is the MIFR?", find) == ["Master International Frequency Register"]
    # nothing defined, nothing added; a form already in the question is not added twice
    assert expansions("which sector handles emergency telecommunications?", find) == []
    assert expansions("the ICT Development Index (IDI)", find) == []


def test_the_search_text_gains_the_form_a_real_text_defines(corpus_service: object) -> None:
    # WTSA Res 1 §4.1 defines "Telecommunication Standardization Advisory Group (TSAG)"; §1.11.1 the TSB
    answerer = corpus_service._answering()  # type: ignore[attr-defined]
    q = "what must the Telecommunication Standardization Advisory Group report?"
    assert answerer._with_abbreviations(q) == f"{q} TSAG"
    # the seed defines "Intersector Coordination Group (ISCG)": the short form asked searches the long one too
    assert answerer._with_abbreviations("what does the ISCG do?") == "what does the ISCG do? Intersector Coordination Group"
    # ITU's own short names are used everywhere as they are: not expanded
    assert answerer._with_abbreviations("who reports to TSAG?") == "who reports to TSAG?"
    assert answerer._with_abbreviations("who chairs the meeting?") == "who chairs the meeting?"


def test_pairs_say_which_form_was_typed() -> None:
    from retrieval.answering.abbreviations import expansion_pairs

    texts = ["the Master International Frequency Register (MIFR) holds", "the ICT Development Index (IDI)"]

    def find(needles: list[bytes]) -> list[str]:
        return [t for t in texts if any(n.decode() in t for n in needles)]

    assert expansion_pairs("what is in the MIFR?", find) == [("MIFR", "Master International Frequency Register")]
    assert expansion_pairs("who publishes the ICT Development Index?", find) == [("ICT Development Index", "IDI")]


def test_a_short_form_with_a_small_word_inside_is_read_both_ways() -> None:
    """A question on "the Internet of Things" found PP Res 197, whose clauses write "IoT", and abstained:
    "the clauses found do not speak of Internet" (found when a clean-clone run ranked its clauses so).
    "IoT", "MoU": the small word gives a small letter."""
    from retrieval.answering.abbreviations import expansion_pairs, short_forms_in

    texts = ["Resolution 197, on facilitating the Internet of Things (IoT) and smart sustainable cities",
             "a memorandum of understanding (MoU) signed"]

    def find(needles: list[bytes]) -> list[str]:
        return [t for t in texts if any(n.decode() in t for n in needles)]

    assert expansion_pairs("is there a resolution on the Internet of Things?", find) == [("Internet of Things", "IoT")]
    assert expansion_pairs("who handles IoT?", find) == [("IoT", "Internet of Things")]
    assert short_forms_in("did they sign MoUs on IoT?") == ["MoU", "IoT"]
    assert expansion_pairs("what did the MoU say?", find) == [("MoU", "memorandum of understanding")]


def test_a_long_form_typed_in_lower_case_counts_only_when_asked_for() -> None:
    """A mandate's topic as chat types it ("the human resources strategic plan") is the HRSP Res 48 defines;
    in the search such guesses moved good results out, so they are only made when asked for."""
    from retrieval.answering.abbreviations import expansion_pairs

    text = "a comprehensive human resources strategic plan (HRSP) to be approved by the Council"

    def find(needles: list[bytes]) -> list[str]:
        return [text] if any(n in text.encode() for n in needles) else []

    assert "HRSP" not in long_form_candidates("the human resources strategic plan")
    assert long_form_candidates("the human resources strategic plan", lowercase=True)["HRSP"] == \
        "human resources strategic plan"
    assert expansion_pairs("the human resources strategic plan", find, lowercase=True) == \
        [("human resources strategic plan", "HRSP")]
    assert expansion_pairs("the human resources strategic plan", find) == []
    # a guess the texts do not define word for word is never an alias
    wrc = "the World Radiocommunication Conference (WRC) shall"
    assert expansion_pairs("who reports on cybersecurity?", lambda n: [wrc], lowercase=True) == []


def test_a_short_form_no_text_writes_is_the_one_name_its_letters_begin() -> None:
    """"UPU": the texts write only "Universal Postal Union"; initials two names share give neither, and a
    sentence's first word is no part of a name."""
    from retrieval.answering.abbreviations import names_by_initials

    names = names_by_initials(["… the Universal Postal Union and the World Health Organization …",
                               "The Buenos Aires Action Plan", "the Working Holiday Office", "the Web Hosting Office",
                               "The Union shall"])
    assert names["UPU"] == "Universal Postal Union"
    assert names["BAAP"] == "Buenos Aires Action Plan"
    assert "WHO" not in names, names  # three names spell it
    assert "TU" not in names and not any(n.startswith("The ") for n in names.values())


def test_a_question_using_a_short_form_the_texts_never_write_reads_the_name(corpus_service: object) -> None:
    """WTSA Res 1 §4.2 names "the Universal Postal Union"; "what does ITU do with the UPU?" had answered
    with ITU's foreword. "WHO" typed in capitals is the question word."""
    import pytest

    from tests.conftest import RES1

    if not RES1.exists():
        pytest.skip("../shared/itu is absent")
    ans = corpus_service.answer("what does ITU do with the UPU?")  # type: ignore[attr-defined]
    assert "Read ‘UPU’ as ‘Universal Postal Union’." in ans.notes, ans.notes
    assert "wtsa-res-1@hammamet-2016#s4.2" in [c.clause_id for c in ans.citations[:3]], ans.text
    who = corpus_service.answer("WHO reports to TSAG?")  # type: ignore[attr-defined]
    assert not any("World" in n for n in who.notes), who.notes


def test_a_long_form_gives_one_word_to_a_letter_before_words_giving_more() -> None:
    # "approval" holds an A and a P, so "approval process" spells AAP too: the three words are the definition
    assert defined_long_form("AAP", "Recommendations will be approved using this alternative approval process (AAP)") \
        == "alternative approval process"
    assert defined_long_form("ISCG", "the Intersector Coordination Group (ISCG) on") == "Intersector Coordination Group"
