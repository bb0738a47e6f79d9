"""Yes or no to a question that offers who does something ("is it TSB that …?", "does BR maintain …?"): the
Sector offered set against the actor the best clause tasks (retrieval/answering/compose/confirm.py); through
the service on the real PP-18 index in test_sector_answers.py."""

from __future__ import annotations

from retrieval.answering.compose.confirm import confirmation, sector_offered
from retrieval.core.models import Clause, Instrument, Mandate


def tasked(actor: str, sector: str | None, role: str = "instructed",
           text: str = "to maintain a database on cases of harmful interference;") -> Clause:
    return Clause(clause_id="x#a", doc_id="x", instrument=Instrument(), part="instructs", text=text,
                  span=(0, 1), mandates=[Mandate(actor=actor, sector=sector, role=role)])  # type: ignore[arg-type]


def test_the_sector_offered_is_read_from_the_questions_subject() -> None:
    assert sector_offered("is it TSB that has to make the MIFR data easier to get at?") == ("ITU-T", "TSB")
    assert sector_offered("hey, does the D sector have to report to Council every year?") == ("ITU-D", "the D sector")
    assert sector_offered("Is the Director of TSB the one in charge of the regional presence?") == (
        "ITU-T", "the Director of TSB")
    assert sector_offered("res 186 - does BR maintain a register of interference cases?") == ("ITU-R", "BR")
    assert sector_offered("does the radio bureau have any role in it?") == ("ITU-R", "the radio bureau")
    # not the doer: told, informed, or asked about in another frame
    assert sector_offered("does TSB get told when a TAP consultation starts?") is None
    assert sector_offered("do member states have to tell TSB?") is None
    assert sector_offered("which bureau handles IXPs?") is None


def test_yes_when_the_clause_tasks_the_one_offered_no_and_who_otherwise() -> None:
    got = confirmation("does BR maintain a register of interference cases?", tasked("Director of BR", "ITU-R"))
    assert got == ("Yes: the Director of BR (ITU-R) is tasked with this.", ["ITU-R"])
    got = confirmation("is it TSB that has to do it?", tasked("Director of BR", "ITU-R"))
    assert got == ("No: the Director of BR (ITU-R) is tasked with this, not TSB.", ["ITU-R"])
    # a clause that tasks no Sector's actor, or names the actor without a task, confirms nothing
    assert confirmation("is it TSB that has to do it?", tasked("Member States", None)) is None
    assert confirmation("is it TSB that has to do it?", tasked("Director of BR", "ITU-R", role="noted")) is None
    assert confirmation("what does BR do?", tasked("Director of BR", "ITU-R")) is None



def test_a_sector_offered_as_the_lead_after_the_instrument_named() -> None:
    """blind81: "Under res 196, is ITU-T the lead on protecting consumers?" (ITU-D leads, with ITU-T)."""
    assert sector_offered("Under res 196, is ITU-T the lead on protecting telecom consumers?") == ("ITU-T", "ITU-T")
    got = confirmation("Under res 196, is ITU-T the lead on protecting telecom consumers?",
                       tasked("ITU-D", "ITU-D", role="responsible"))
    assert got == ("No: ITU-D leads this, not ITU-T.", ["ITU-D"])


def test_no_yes_or_no_from_a_clause_that_does_not_do_what_was_asked() -> None:
    """A hand trial: "does TSB have to report to Council on the C&I programme?" was answered "No: the Director of
    BDT …" from BDT's task to raise awareness of C&I programmes (Res 177 has TSB report to Council)."""
    aware = Clause(clause_id="x#a", doc_id="x", instrument=Instrument(), part="instructs", span=(0, 1),
                   text="to raise awareness of the applicability of C&I programmes to certain IoT applications;",
                   mandates=[Mandate(actor="Director of BDT", sector="ITU-D", role="instructed")])
    assert confirmation("does TSB have to report to Council on the C&I programme?", aware) is None
    reports = aware.model_copy(update={"text": "to report to the Council on the implementation;"})
    assert confirmation("does TSB have to report to Council on the C&I programme?", reports) == (
        "No: the Director of BDT (ITU-D) is tasked with this, not TSB.", ["ITU-D"])
    # a verb that only says someone does something is answered by any task
    assert confirmation("is it TSB that has to make it easier?", aware) is not None


def test_no_is_not_said_when_another_clause_cited_has_the_one_offered_do_it() -> None:
    reports_bdt = tasked("Director of BDT", "ITU-D", text="to advance the Action Plan, and to report to the Council;")
    reports_tsb = tasked("Director of TSB", "ITU-T", text="to provide the Council with progress reports;")
    other_task = tasked("Director of TSB", "ITU-T", text="to provide Sectoral regional activities;")
    q = "does TSB have to report to Council on the C&I programme?"
    assert confirmation(q, reports_bdt, [reports_tsb]) is None
    assert confirmation(q, reports_bdt, [other_task]) == ("No: the Director of BDT (ITU-D) is tasked with this, not TSB.",
                                                          ["ITU-D"])


def test_more_ways_of_offering_the_doer_and_everyday_verbs_for_the_texts() -> None:
    """blind101: "is X the D sector's job?", "does Res 169 ask the standardization bureau director to keep …?",
    "is BDT the bureau told to …", "is it true that TSB runs …", "is the work handed to an ITU-D study group?";
    "keeping the database" is the texts' "maintain a database", "back the work" their "support" it."""
    assert sector_offered("Res 70: is promoting Girls in ICT Day the D sector's job?") == ("ITU-D", "the D sector")
    assert sector_offered("Is it TSB's job to take part in WHO's EMF Project per res 176?") == ("ITU-T", "TSB")
    assert sector_offered("Does PP res 169 ask the standardization bureau director to keep organizing Kaleidoscope?") \
        == ("ITU-T", "the standardization bureau director")
    assert sector_offered("Under res 130, is BDT the bureau told to help Member States?") == ("ITU-D", "BDT")
    assert sector_offered("Is it true that TSB runs the ITU Journal, editorial process included?") == ("ITU-T", "TSB")
    assert sector_offered("Res 21 - is the minimum QoS/QoE guidelines work handed to an ITU-D study group?") == (
        "ITU-D", "ITU-D")
    got = confirmation("Is the Radiocommunication Bureau the one keeping the database of interference cases?",
                       tasked("Director of BR", "ITU-R"))
    assert got is not None and got[0].startswith("Yes"), got
    got = confirmation("does the BR director have to back ITU-R study group work on the radio aspects?",
                       tasked("Director of BR", "ITU-R", text="to support work of the ITU-R study groups on radio aspects"))
    assert got is not None and got[0].startswith("Yes"), got
    # a verb the clause does not do, in no everyday form either, still confirms nothing
    assert confirmation("does the BR director have to report on it?", tasked("Director of BR", "ITU-R")) is None


def test_the_asker_working_at_a_bureau_offers_it() -> None:
    """blind117: "Kaleidoscope for academia - do we organise it at BR or is that another Bureau?"."""
    assert sector_offered("Kaleidoscope for academia - do we organise it at BR or is that another Bureau?") == (
        "ITU-R", "BR")
    assert sector_offered("should we handle this in the D sector?") == ("ITU-D", "the D sector")
    assert sector_offered("do we know who handles it?") is None


def test_the_verb_asked_is_what_the_clause_tasks_not_a_word_further_on() -> None:
    """"to encourage the participation of academia in … events organized … by ITU, such as … Kaleidoscope"
    tasks the three Directors with encouraging, not organizing: no "Yes: BR" from it."""
    text = ("to encourage the participation of academia in various open events and activities organized or "
            "co-organized by ITU, such as ITU Telecom World, ITU Kaleidoscope, World Summit on the Information Society")
    assert confirmation("does BR organise Kaleidoscope?", tasked("Director of BR", "ITU-R", text=text)) is None
    text = "to continue to organize the Kaleidoscope event annually on a rotational basis"
    got = confirmation("does BR organise Kaleidoscope?", tasked("Director of TSB", "ITU-T", text=text))
    assert got is not None and got[0].startswith("No: the Director of TSB"), got


def test_asked_on_someones_behalf_and_organizing_is_no_body() -> None:
    """blind127: "A university partner asked if BDT organizes the Kaleidoscope academic conference. Is that us?"
    offered BDT in a reported question; and "organize" (the stem of "organization", an ITU synonym of "bodies")
    was found in Res 177's "to promote collaboration with regional C&I bodies", a task of BDT's, so no "No: TSB"."""
    assert sector_offered("A university partner asked if BDT organizes the Kaleidoscope academic conference. "
                          "Is that us?") == ("ITU-D", "BDT")
    kaleidoscope = tasked("Director of TSB", "ITU-T", text="to continue to organize the Kaleidoscope event annually")
    bodies = tasked("Director of BDT", "ITU-D", text="to promote collaboration with regional C&I bodies, especially "
                                                     "with respect to technical conformance assessment,")
    got = confirmation("does BDT organize the Kaleidoscope academic conference?", kaleidoscope, [bodies])
    assert got is not None and got[0].startswith("No: the Director of TSB"), got
