"""Yes or no to a question that offers who does something ("is it TSB that …?", "does BR maintain …?"): the
Sector offered set against the actor the best clause tasks (retrieval/answering/compose/confirm.py); through
the service on the real PP-18 index in test_sector_answers.py."""

from __future__ import annotations

from retrieval.answering.compose.confirm import confirmation, sector_offered
from retrieval.core.models import Clause, Instrument, Mandate


def tasked(actor: str, sector: str | None, role: str = "instructed") -> Clause:
    return Clause(clause_id="x#a", doc_id="x", instrument=Instrument(), part="instructs", text="to do it;",
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
