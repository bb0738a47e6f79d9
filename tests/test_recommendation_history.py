"""When a Recommendation was approved and by whom, from its history table (or, without one, the sentence
of its summary saying so): "when was A.12 approved?" is answered by the table's row, quoted verbatim, not
by a clause on how Recommendations are approved in general. A resolution's version is the one its heading
gives ("Rev. Dubai, 2018")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.answering.compose.history import asks_approval_history, compose_approval, compose_history, editions
from retrieval.core.models import Clause, Instrument
from tests.conftest import SHARED_ITU, make_settings

A12 = ("Edition | Recommendation | Approval | Study Group | Unique ID* 1.0 | ITU-T A.12 | 2000-10-06 | TSAG | "
       "11.1002/1000/5279 2.0 | ITU-T A.12 | 2004-10-14 | TSAG | 11.1002/1000/7422 3.1 | \tITU-T A.12 (2008) Cor.1 | "
       "2015-06-05 | TSAG | 11.1002/1000/12526 4.0 | ITU-T A.12 | 2016-11-02 | TSAG | 11.1002/1000/13164")
D000 = ("Edition | Recommendation | Approval | Study Group 1.0 | ITU-T D.000 | 1984-10-19 2.0 | ITU-T D.000 | "
        "1988-11-25 3.0 | ITU-T D.000 | 1993-03-12 | III 4.0 | ITU-T D.000 | 2000-10-06 | 3")


def clause(text: str, part: str = "history", number: str = "A.12") -> Clause:
    inst = Instrument(body="ITU-T", kind="recommendation", number=number)
    return Clause(clause_id=f"itu-t-rec-{number.lower()}@x#{part}", doc_id=f"itu-t-rec-{number.lower()}@x",
                  instrument=inst, part=part, text=text, span=(0, len(text)))


def test_history_rows_are_read_with_their_group_or_none() -> None:
    rows = editions(A12)
    assert [(e.edition, e.date, e.group) for e in rows] == [
        ("1.0", "2000-10-06", "TSAG"), ("2.0", "2004-10-14", "TSAG"), ("3.1", "2015-06-05", "TSAG"),
        ("4.0", "2016-11-02", "TSAG")]
    assert rows[2].recommendation == "ITU-T A.12 (2008) Cor.1" and all(e.row in A12 for e in rows)
    old = editions(D000)
    assert [(e.edition, e.group) for e in old] == [("1.0", ""), ("2.0", ""), ("3.0", "III"), ("4.0", "3")]
    assert old[3].by == "Study Group 3" and editions("07-04-2017")[:1] == []
    assert editions("1.0 | UIT-T E.119 | 07-04-2017 | 2 | 11.1002/1000/13074")[0].iso == "2017-04-07"


def test_the_latest_edition_answers_and_the_first_when_asked() -> None:
    ans = compose_history("when was A.12 approved?", clause(A12))
    assert ans is not None and ans.lines[0].plain.startswith("ITU-T A.12, edition 4.0 (the latest of 4 editions), was approved "
                                                            "on 2016-11-02 by TSAG")
    assert ans.citations[0].quote in A12 and "2016-11-02" in ans.citations[0].quote
    first = compose_history("when was D.000 first approved?", clause(D000, number="D.000"))
    assert first is not None and "edition 1.0 (the first of 4 editions), was approved on 1984-10-19:" in first.lines[0].plain
    assert compose_history("when was A.12 approved?", clause("The approval of ITU-T Recommendations is covered")) is None


def test_a_revision_to_come_is_not_in_a_table_of_past_editions() -> None:
    # "when is A.12 next due for revision?" was answered with the 2016 edition's row, a past date for a future one
    for q in ("when is A.12 next due for revision by TSAG?", "when will A.12 be updated?"):
        ans = compose_history(q, clause(A12))
        assert ans is not None and ans.abstained and not ans.citations, q
        assert "will next be revised; its latest edition, 4.0, was approved on 2016-11-02" in ans.lines[0].plain
    a8 = clause("Recommendation ITU-T A.8 was prepared by TSAG (2005-2008) and approved by the World Telecommunication "
                "Standardization Assembly (Johannesburg, 21-30 October 2008).", part="summary", number="A.8")
    later = compose_approval("when is A.8 due to be revised?", [a8])
    assert later is not None and later.abstained and not later.citations
    done = compose_approval("when was A.8 approved?", [a8])
    assert done is not None and not done.abstained and done.citations


def test_which_questions_ask_for_the_history() -> None:
    for q in ("when was Recommendation A.12 approved?", "which study group approved E.119?", "who approved A.8?",
              "what's the latest version of A.Sup5?", "how many editions of A.1 are there?", "approval date of D.000?",
              "e.119 disastr relief safty confirmation rec - which SG did it come out of"):
        assert asks_approval_history(q), q
    for q in ("what does A.12 say about letter series?", "who approves Recommendations under A.8?",
              "how long is the last call under A.8?", "which study group approves a Recommendation under A.8?"):
        assert not asks_approval_history(q), q


def test_without_a_table_the_summary_saying_so_answers() -> None:
    text = ("Recommendation ITU‑T A.8 was prepared by TSAG (2005-2008) and approved by the World Telecommunication "
            "Standardization Assembly (Johannesburg, 21-30 October 2008).")
    ans = compose_approval("when was A.8 approved?", [clause("It describes the AAP.", "summary", "A.8"),
                                                       clause(text, "summary", "A.8")])
    assert ans is not None and ans.citations[0].quote == text
    assert compose_approval("when was A.8 approved?", [clause("It describes the AAP.", "summary", "A.8")]) is None


@pytest.fixture(scope="module")
def recs_service(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[object]:
    files = [SHARED_ITU / "T-REC-A.12-201611-E.docx", SHARED_ITU / "T-REC-D.000-201005-E.docx"]
    if not all(f.exists() for f in files):
        pytest.skip("../shared/itu is absent")
    from retrieval import Service

    service = Service(make_settings(tmp_path_factory.mktemp("recs-history")))
    assert not service.ingest(files).failed
    yield service


def test_a_real_history_table_answers_when_and_by_whom(recs_service: object) -> None:
    ans = recs_service.answer("when was Recommendation A.12 approved?")  # type: ignore[attr-defined]
    assert not ans.abstained and "2016-11-02 by TSAG" in ans.text.splitlines()[0], ans.text
    assert ans.citations[0].clause_id.endswith("#history")
    assert ans.citations[0].quote in recs_service.clause(ans.citations[0].clause_id).text  # type: ignore[attr-defined]
    sg = recs_service.answer("which study group approved D.000?")  # type: ignore[attr-defined]
    assert "by Study Group 3" in sg.text.splitlines()[0], sg.text
    assert sg.lead_sectors == ["ITU-T"]  # an ITU-T Recommendation's study group is ITU-T's


def test_a_resolutions_version_is_read_from_its_heading() -> None:
    from retrieval.answering.compose.history import adoption_sentence, asks_adoption
    from retrieval.core.models import Revision

    rev = Instrument(body="PP", kind="resolution", number="130", revised=True, revision=Revision(place="Dubai", year=2018))
    assert adoption_sentence(rev) == ("PP Resolution 130 (Rev. Dubai, 2018) was last revised by the Plenipotentiary "
                                      "Conference (Dubai, 2018), as its heading says")
    new = rev.model_copy(update={"number": "208", "revised": False})
    assert "was adopted by the Plenipotentiary Conference" in (adoption_sentence(new) or "")
    assert adoption_sentence(Instrument(kind="contribution", symbol="RCC/47A4")) is None
    for q in ("when was PP Resolution 130 last revised?", "which conference adopted Resolution 191?",
              "when was res 208 adopted?", "how old is Resolution 1?"):
        assert asks_adoption(q), q
    assert not asks_adoption("what does Resolution 130 say about CIRTs?")


def test_when_a_resolution_was_revised_leads_with_its_version(corpus_service: object) -> None:
    from tests.conftest import RES1

    if not RES1.exists():
        pytest.skip("../shared/itu is absent")
    ans = corpus_service.answer("when was WTSA Res 1 last revised?")  # type: ignore[attr-defined]
    assert ans.text.splitlines()[0].startswith("WTSA Resolution 1 (Rev. Hammamet, 2016) was last revised by the World "
                                               "Telecommunication Standardization Assembly (Hammamet, 2016)"), ans.text


def test_a_recommendation_typed_in_lower_case_is_named() -> None:
    from retrieval.answering.compose.cover import recommendation_named

    assert recommendation_named("e.119 disaster relief rec - which SG did it come out of") == "E.119"
    assert recommendation_named("a.sup5 approved when?") == "A.Sup5"
    assert recommendation_named("when was A.12 approved?") == "A.12"
    assert recommendation_named("e.119 and a.1 - which is older?") is None


def test_an_amendment_the_table_does_not_list_is_not_answered() -> None:
    """"When did E.119 get its first amendment?": its table lists one edition and no amendment, so the
    answer refuses and says so; D.000's Amend. 1 answers for D.000."""
    e119 = "Edition | Recommendation | Approval | Study Group 1.0 | ITU-T E.119 | 2017-04-07 | 2 | 11.1002/1000/13074"
    ans = compose_history("when did E.119 get its first amendment?", clause(e119, number="E.119"))
    assert ans is not None and ans.abstained and not ans.citations and "no amendment" in ans.text, ans
    d = D000 + " 5.1 | \tITU-T D.000 (2002) Amend. 1 | 2007-10-09 | 3"
    amended = compose_history("when was D.000 amended?", clause(d, number="D.000"))
    assert amended is not None and not amended.abstained and "2007-10-09" in amended.lines[0].plain, amended



def test_which_sector_and_study_group_approved_a_named_recommendation() -> None:
    """Seven sets asked "which Sector and SG approved E.119?" in forms the history reading missed ("which study
    group, and which Sector, approved …", "which ITU-T study group produced …", "which sector/SG revised it?"),
    so a clause of the Recommendation's body was cited instead of its history; the answer names the Sector."""
    for q in ("Which study group, and which Sector, approved Recommendation E.119 on safety confirmation?",
              "Which ITU-T study group produced E.119, the disaster relief safety confirmation rec?",
              "Which Sector and SG own E.119, the disaster-relief safety confirmation Rec?",
              "telex signalling rec U.1 - which sector/SG revised it?",
              "which sector and SG look after D.000, the terms & definitions rec for the D series?"):
        assert asks_approval_history(q), q
    assert not asks_approval_history("which sector and SG handle cybersecurity?")  # no Recommendation named: _history
    text = "ITU-T Recommendation U.1 was revised by the ITU-T Study Group IX (1988-1993) and was approved by the WTSC."
    ans = compose_approval("telex signalling rec U.1 - which sector/SG revised it?", [clause(text, "foreword", "U.1")])
    assert ans is not None and ans.lead_sectors == ["ITU-T"], ans
