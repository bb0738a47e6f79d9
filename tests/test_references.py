"""Reference parsing, revision seams, ids and display forms: pure functions."""

from __future__ import annotations

import pytest

from retrieval.answering.query import parse_reference
from retrieval.core.citations import instrument_display
from retrieval.core.ids import fragment
from retrieval.core.models import Instrument, Revision
from retrieval.parsing.references import later_reading, references_in


@pytest.mark.parametrize(("raw", "place", "year"), [
    ("REV. DUBAI, 2012HAMMAMET, 2016", "Hammamet", 2016),
    ("Rev. HyderabadDubai, 20102014", "Dubai", 2014),
    ("Rev. Guadalajara, 2010Busan, 2014", "Busan", 2014),
    ("Dubai, 2012Hammamet, 2016", "Hammamet", 2016),
    ("Rev. Hammamet, 2016", "Hammamet", 2016),
    ("Johannesburg, 2008; Dubai, 2012; Hammamet, 2016", "Hammamet", 2016),
])
def test_later_reading(raw: str, place: str, year: int) -> None:
    assert later_reading(raw) == Revision(place=place, year=year)


@pytest.mark.parametrize(("query", "expect"), [
    ("Res 57", {"number": "57"}),
    ("Res. 57 resolves 3", {"number": "57", "part": "resolves", "label": "3"}),
    ("Resolution 57 (Rev. Dubai, 2012)", {"number": "57", "revision": Revision(place="Dubai", year=2012)}),
    ("WTSA-16 Res 57", {"body": "WTSA", "number": "57"}),
    ("PP Res 191", {"body": "PP", "number": "191"}),
    ("Resolution ITU-R 6-1", {"body": "RA", "number": "ITU-R 6-1"}),
    ("WTDC Res 59", {"body": "WTDC", "number": "59"}),
    ("Resolution 1 section 4.2", {"number": "1", "part": "section", "label": "4.2"}),
    ("Res 1 §1.11.3", {"number": "1", "part": "section", "label": "1.11.3"}),
    ("Res 1 considering b) bis", {"number": "1", "part": "considering", "label": "b)bis"}),
    ("What does Resolution 57 resolves 3 say?", {"number": "57", "part": "resolves", "label": "3"}),
    ("RCC/47A4/1", {"symbol": "RCC/47A4", "proposal": 1}),
])
def test_parse_reference(query: str, expect: dict[str, object]) -> None:
    ref = parse_reference(query)
    assert ref is not None
    for key, value in expect.items():
        assert getattr(ref, key) == value, (key, ref)


def test_no_reference_in_plain_questions() -> None:
    assert parse_reference("Which Sector handles emergency telecommunications?") is None
    assert parse_reference("Which resolutions deal with cybersecurity?") is None


def test_references_in_text() -> None:
    text = ("Resolution 191 of the Plenipotentiary Conference (Busan, 2014); Resolution\u00a05 "
            "(Rev.\u00a0HyderabadDubai, 20102014) of the World Telecommunication Development Conference; "
            "Recommendation ITU\u2011T A.1")
    assert references_in(text) == ["PP Resolution 191 (Busan, 2014)", "WTDC Resolution 5 (Rev. Dubai, 2014)",
                                    "Recommendation ITU-T A.1"]


def test_display_and_fragments() -> None:
    inst = Instrument(body="WTSA", kind="resolution", number="57",
                      revision=Revision(place="Hammamet", year=2016), revised=True)
    assert instrument_display(inst) == "WTSA Resolution 57 (Rev. Hammamet, 2016)"
    assert fragment("resolves", "3") == "resolves.3"
    assert fragment("section 4", "4.2") == "s4.2"
    assert fragment("considering", "b)bis") == "considering.b-bis"


@pytest.mark.parametrize("question,intent", [
    ("What does Resolution 57 say?", "cite"),
    ("Res 57", "cite"),
    ("Show me WTSA Resolution 1 (Rev. Hammamet, 2016)", "cite"),
    ("Res 57 resolves 3", "cite"),
    ("What did contribution RCC/47A4/1 propose to change?", "cite"),
    ("What is the purpose of the RCC contribution on Resolution 57?", "ask"),
    ("What does Resolution 57 say about IMT?", "ask"),
    ("Which Sector handles emergency telecommunications?", "sector"),
    ("Which resolutions deal with cybersecurity?", "find"),
])
def test_intent(question: str, intent: str) -> None:
    from retrieval.answering.query import detect

    assert detect(question)[0] == intent


def test_references_named_finds_every_resolution() -> None:
    from retrieval.answering.query import references_named

    refs = references_named("What does WTDC Resolution 59 cover according to Res 57?")
    assert [(r.body, r.number) for r in refs] == [("WTDC", "59"), (None, "57")]


@pytest.mark.parametrize("question,topic", [
    ("Which sectors share work on accessibility for people with disabilities?",
     "accessibility for people with disabilities"),
    ("Which Sector handles emergency telecommunications?", "emergency telecommunications"),
    ("Which Sectors work on climate change?", "climate change"),
    ("Who deals with IMT?", "IMT"),
])
def test_topic_of(question: str, topic: str) -> None:
    from retrieval.answering.query import topic_of

    assert topic_of(question) == topic


def test_quoted_does_not_double_quote_a_quotation() -> None:
    from retrieval.core.text import quoted

    assert quoted("to propose  to the\tITU-T study groups") == "“to propose to the ITU-T study groups”"
    assert quoted("“the recent establishment of the subgroup”,") == "“the recent establishment of the subgroup”,"
