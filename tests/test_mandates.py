"""The mandate model built at ingest: who is given what, by which part, and who reports to whom."""

from __future__ import annotations

from pathlib import Path

from retrieval.core.models import Clause, Instrument, Revision
from retrieval.parsing.mandates import actors_in, mandates_of
from retrieval.parsing.read import read_documents
from tests.conftest import SEED

PP = Instrument(body="PP", kind="resolution", number="70", revision=Revision(place="Dubai", year=2018),
                title="Mainstreaming a gender perspective in ITU")
WTSA = Instrument(body="WTSA", kind="resolution", number="1", revision=Revision(place="Hammamet", year=2016))


def clause(part: str, text: str, inst: Instrument = PP) -> Clause:
    return Clause(clause_id=f"x#{part}", doc_id="x", instrument=inst, part=part, label="1", text=text,
                  span=(0, len(text)))


def roles(c: Clause) -> set[tuple[str, str, str | None]]:
    return {(m.actor, m.role, m.to) for m in mandates_of(c)}


def test_heading_names_the_addressee() -> None:
    c = clause("instructs the Director of BDT", "to continue promoting the international Girls in ICT Day;")
    ms = mandates_of(c)
    assert [(m.actor, m.sector, m.role) for m in ms] == [("Director of BDT", "ITU-D", "instructed")]
    assert ms[0].what in c.text


def test_three_bureaux_give_three_sectors() -> None:
    c = clause("instructs the Directors of the three Bureaux", "to support the implementation of this resolution;")
    assert {(m.actor, m.sector) for m in mandates_of(c)} == {
        ("Director of BR", "ITU-R"), ("Director of TSB", "ITU-T"), ("Director of BDT", "ITU-D")}


def test_addressees_opening_an_invites_clause() -> None:
    c = clause("invites", "RAG, TSAG and TDAG to continue to assist ISCG in identifying subjects common to the "
                          "three Sectors;")
    got = {(m.actor, m.role) for m in mandates_of(c)}
    assert {("RAG", "invited"), ("TSAG", "invited"), ("TDAG", "invited")} <= got
    assert ("ISCG", "invited") not in got  # named after "to": the object, not the addressee


def test_report_direction() -> None:
    c = clause("resolves", "to propose to the Director of TSB to report annually to TSAG on the results of "
                           "implementing this Resolution.", WTSA)
    assert ("Director of TSB", "reports", "TSAG") in roles(c)
    assert not any(m.actor == "TSAG" and m.role == "reports" for m in mandates_of(c))


def test_report_with_the_body_reported_to_first() -> None:
    # PP-18 Resolution 154: the bodies come before "a report"; the Directors only assist.
    c = clause("instructs the Secretary-General, in close collaboration with the Directors of the Bureaux",
               "to present annually to the Council and to CWG-LANG a report containing: - evolution of the budget "
               "for translation of documents;")
    got = roles(c)
    assert ("Secretary-General", "reports", "Council") in got
    assert not any(m.role == "reports" and m.actor.startswith("Director") for m in mandates_of(c))


def test_bare_director_in_a_sector_text_is_its_bureau_director() -> None:
    c = clause("section 5", "The Director shall foster cooperation and coordination with the other standardization "
                            "organizations for the benefit of all members and report to TSAG on these efforts.", WTSA)
    assert ("Director of TSB", "reports", "TSAG") in roles(c)


def test_responsibility_in_text() -> None:
    c = clause("taking into account", "the recent establishment of an Intersector Coordination Task Force (ISC-TF) "
                                      "in the secretariat headed by the Deputy Secretary-General,", WTSA)
    assert ("Deputy Secretary-General", "responsible", None) in roles(c)
    tariffs = clause("considering", "that ITU-T shall study technical, operating and tariff questions and adopt "
                                    "Recommendations", WTSA)
    assert ("ITU-T", "responsible", None) in roles(tariffs)


def test_who_heads_a_body_is_read_of_the_body_named_just_before() -> None:
    # PP Res 191 noting f): "the ISCG, …, and of the ISC-TF, headed by the Deputy Secretary-General": "who runs the
    # ISCG?" was answered "Deputy Secretary-General" (the heading was read of the whole clause)
    from retrieval.answering.compose.mandate import find_mandates, read_mandate_question
    from retrieval.parsing.mandates import mandates_of

    text = ("the establishment of the Inter-Sector Coordination Group on issues of mutual interest (ISCG), set up under "
            "decisions of the Sector advisory groups, and of the Inter-Sectoral Coordination Task Force (ISC-TF), headed "
            "by the Deputy Secretary-General, in order to eliminate duplication of effort")
    c = clause("noting", text)
    c = c.model_copy(update={"mandates": mandates_of(c)})
    heads = [m for m in c.mandates if m.role == "responsible"]
    assert [m.actor for m in heads] == ["Deputy Secretary-General"]
    assert heads[0].what.startswith("Inter-Sectoral Coordination Task Force (ISC-TF), headed by")
    for q, found in (("who heads the ISC-TF?", True), ("who runs the ISCG day to day?", False)):
        ask = read_mandate_question(q)
        assert ask is not None and bool(find_mandates(ask, [c])) is found, q


def test_recitals_only_note_actors() -> None:
    c = clause("considering", "that the Radiocommunication Advisory Group (RAG) met twice,")
    assert {m.role for m in mandates_of(c)} == {"noted"}


def test_questions_and_study_groups_get_their_sector() -> None:
    names = {(a.name, a.sector) for _s, a in actors_in("Question 3/2 and ITU-T Study Group 17 and SG 20", "ITU-T")}
    assert ("SG17", "ITU-T") in names and ("SG20", "ITU-T") in names
    assert ("Question 3/2", "ITU-D") in {(a.name, a.sector) for _s, a in actors_in("Question 3/2 of the study group")}


def test_seed_mandates_are_stored_with_each_clause() -> None:
    doc = read_documents(Path(SEED), 50_000_000)[0]
    by_id = {c.clause_id.split("#")[1]: c for c in doc.clauses}
    r2 = by_id["proposal.1/resolves.2"]
    assert {("Director of BR", "invited"), ("Director of TSB", "invited"), ("Director of BDT", "invited")} <= \
        {(m.actor, m.role) for m in r2.mandates}
    assert any(m.role == "reports" and m.to == "ISCG" for m in r2.mandates)
    assert all(m.what in c.text for c in doc.clauses for m in c.mandates)


def test_in_coordination_with_addressees_assist() -> None:
    """"instructs the Director of BDT, in coordination with the Director of BR and the Director of TSB"
    (PP Res 189): BDT is instructed; BR and TSB assist, so the lead is ITU-D alone."""
    c = clause("instructs the Director of BDT, in coordination with the Director of BR and the Director of TSB",
               "to assist Member States in combating mobile device theft;")
    got = {(m.actor, m.role) for m in mandates_of(c)}
    assert got == {("Director of BDT", "instructed"), ("Director of BR", "assists"), ("Director of TSB", "assists")}
    both = clause("instructs the Secretary-General, in consultation and collaboration with the Directors of the three "
                  "Bureaux", "to report to Council;")
    roles_ = {(m.actor, m.role) for m in mandates_of(both) if m.role != "reports"}
    assert ("Secretary-General", "instructed") in roles_ and ("Director of BR", "assists") in roles_


def test_continue_to_lead_is_responsibility() -> None:
    c = clause("resolves", "that ITU-D continue to lead the work on the subject, through the ITU-D study groups;")
    assert ("ITU-D", "responsible", None) in roles(c)


def test_reporting_to_the_respective_advisory_groups_pairs_by_sector() -> None:
    """"… to report to the respective Sector advisory groups": BR to RAG, TSB to TSAG, BDT to TDAG, not
    every Director to every group."""
    c = clause("invites the Directors of the three Bureaux",
               "to report on the implementation of this resolution to the respective Sector advisory groups;")
    reports = {(m.actor, m.to) for m in mandates_of(c) if m.role == "reports"}
    assert reports == {("Director of BR", "RAG"), ("Director of TSB", "TSAG"), ("Director of BDT", "TDAG")}


def test_reports_to_with_a_topic_and_own_tasks_before_assisted_ones() -> None:
    """"Who reports to Council on the ITU Journal?" keeps the topic (it filters the mandates); for "what
    is TSB asked to do", TSB's own part comes before a part where TSB only assists BDT."""
    from retrieval.answering.compose.mandate import MandateAsk, _rank, read_mandate_question

    ask = read_mandate_question("who reports to Council on the ITU Journal")
    assert ask is not None and ask.kind == "reports_to" and ask.actors == ["Council"]
    assert ask.topic == "the ITU Journal"
    # what is reported may come between "report" and "to"; "report to according to …" names no topic
    ask = read_mandate_question("who does the Secretary-General report action line progress to?")
    assert ask is not None and ask.kind == "reports_from" and ask.topic == "action line progress"
    ask = read_mandate_question("who do the regional offices report to according to Resolution 25?")
    assert ask is not None and ask.topic == ""
    helped = clause("instructs the Director of BDT, in collaboration with the Director of TSB", "to hold workshops;")
    own = clause("instructs the Director of TSB, in collaboration with the Director of BR", "to join the EMF project;")
    pairs = [(c, m) for c in (helped, own) for m in mandates_of(c) if m.actor == "Director of TSB"]
    ranked = _rank(pairs, MandateAsk(kind="tasked", actors=["Director of TSB"]))
    assert ranked[0][0] is own and ranked[0][1].role == "instructed"


def test_a_mandate_list_longer_than_shown_says_how_many_more() -> None:
    from retrieval.answering.compose import MAX_CITATIONS
    from retrieval.answering.compose.mandate import MandateAsk, compose_mandate
    from retrieval.core.models import Clause, Instrument, Mandate

    inst = Instrument(body="PP", kind="resolution", number="206")
    pairs = []
    n = 2 * MAX_CITATIONS + 4  # more than the answer lists
    for i in range(1, n + 1):
        m = Mandate(actor="Director of TSB", sector="ITU-T", role="instructed", what=f"to do task {i}")
        pairs.append((Clause(clause_id=f"r#i{i}", doc_id="r", instrument=inst, part="instructs the Director of TSB",
                             label=str(i), text=f"to do task {i}", span=(0, 10), mandates=[m]), m))
    ans = compose_mandate("what is TSB instructed to do?", MandateAsk(kind="tasked", actors=["Director of TSB"]),
                          pairs)
    assert ans is not None
    assert ans.lines[0].plain.startswith(f"Director of TSB has {n} mandates")
    assert ans.lines[-1].plain.startswith("… and 4 more") and "sectorbot mandates" in ans.lines[-1].plain
    states = compose_mandate("what are Member States invited to do?",
                             MandateAsk(kind="tasked", actors=["Member States"]), pairs[:1])
    assert states is not None and states.lines[0].plain.startswith("Member States have 1 mandate ")


def test_a_council_working_group_is_not_the_council_however_it_is_typed() -> None:
    from retrieval.parsing.mandates import actors_in

    for text in ("who does a Council working group report to?", "the Council Working Groups report",
                 "CWG-Internet"):
        assert [a.name for _s, a in actors_in(text)] == ["Council Working Group"], text
    assert [a.name for _s, a in actors_in("the Council shall consider the reports")] == ["Council"]


def test_what_a_mandate_says_runs_past_the_dot_of_rev_and_no() -> None:
    c = clause("instructs the Secretary-General and the Directors of the Bureaux",
               "to report to the Council, consistent with Resolution 45 (Rev. Dubai, 2014) and No. 141 of the "
               "Constitution, on the work done; then to publish it")
    c.mandates = mandates_of(c)
    assert c.mandates and all(m.what.endswith("on the work done;") for m in c.mandates), [m.what for m in c.mandates]


def test_a_long_mandate_list_is_cut_and_counted_unless_all_are_asked_for() -> None:
    from retrieval.answering.compose.mandate import list_mandates

    clauses = [clause("instructs the Director of BDT", f"to do task number {i};") for i in range(55)]
    for c in clauses:
        c.mandates = mandates_of(c)
    cut = list_mandates("Director of BDT", clauses, lambda t: 0.0, limit=40)
    assert cut.lines[0].plain.startswith("55 mandate(s) for Director of BDT (the first 40 listed)")
    assert "15 more not listed" in cut.text and "--all" in cut.text
    whole = list_mandates("Director of BDT", clauses, lambda t: 0.0, limit=None)
    assert whole.lines[0].plain == "55 mandate(s) for Director of BDT:" and len(whole.lines) == 56


def test_items_under_a_lead_in_take_its_tasks_and_carry_its_text() -> None:
    from retrieval.parsing.structure import inherit_lead_in

    lead_in = clause("resolves", "that the Telecommunication Development Bureau shall:").model_copy(update={"label": "2"})
    lead_in.mandates = mandates_of(lead_in)
    item = clause("resolves", "work on raising the awareness of stakeholders;").model_copy(
        update={"label": "2 vii)", "clause_id": "x#resolves.2-vii"})
    item.mandates = mandates_of(item)
    numbered = clause("resolves", "the Plenipotentiary Conference shall be held in 2022;").model_copy(
        update={"label": "2.1", "clause_id": "x#resolves.2.1"})
    inherit_lead_in([lead_in, item, numbered])
    assert [(m.actor, m.role) for m in item.mandates] == [("BDT", "resolved")]
    assert item.lead_in == numbered.lead_in == "that the Telecommunication Development Bureau shall:"
    assert not numbered.mandates  # a numbered clause of its own is not an item of the lead-in's addressee


def test_a_possessive_names_the_body_asked_about() -> None:
    from retrieval.answering.compose.mandate import read_mandate_question

    # "WTSA's Budget Control Committee" is the committee, a named body of its own: not WTSA's mandates.
    committee = read_mandate_question("What does WTSA's Budget Control Committee do?")
    assert committee is not None and committee.actors == ["Budget Control Committee"], committee
    ask = read_mandate_question("what is BDT's director instructed to do on gender?")
    assert ask is not None and "Director of BDT" in ask.actors and ask.topic == "gender"


def test_the_text_a_task_is_asked_under_and_the_subject_set_first() -> None:
    from retrieval.answering.compose.mandate import read_mandate_question

    # "per res 151" says where, as "under res 151" does: the Council's tasks there, not a search
    for q in ("what is council supposed to do per res 151?", "what is the Council expected to do according to res 151?"):
        ask = read_mandate_question(q)
        assert ask is not None and ask.actors == ["Council"] and ask.topic == "res 151", (q, ask)
    # a text named by its subject and set first: its subject is the topic, not every Member States task
    ask = read_mandate_question("the PP-18 recommendation on ICTs against human trafficking - what does it ask "
                                "member states to do?")
    assert ask is not None and ask.topic == "ICTs against human trafficking", ask


def test_united_nations_bodies_reported_to_are_not_the_itu_council() -> None:
    c = clause("instructs the Secretary-General", "to report annually to ECOSOC on progress made in implementation "
                                                  "of the WSIS action lines, and to provide this report to CWG-WSIS&SDG;")
    got = roles(c)
    assert ("Secretary-General", "reports", "ECOSOC") in got
    assert not any(m.to == "Council" for m in mandates_of(c))
    names = [a.name for _s, a in actors_in("the Economic and Social Council and the ITU Council")]
    assert names == ["ECOSOC", "Council"]


def test_a_named_body_is_its_own_actor_not_the_member_states_in_its_name() -> None:
    """PP Resolution 212 instructs the Member States Advisory Group to report to the Council: the group
    reports, not "Member States". Any capitalised group, committee or board the list does not know is an
    actor under its own name; the ones it knows keep theirs."""
    c = clause("instructs the Member States Advisory Group",
               "to provide advice to the Secretary-General and to submit an annual report to the Council,")
    assert ("Member States Advisory Group", "reports", "Council") in roles(c)
    assert not any(m.actor == "Member States" for m in mandates_of(c))
    assert [a.name for _, a in actors_in("the Independent Management Advisory Committee (IMAC)")] == [
        "Independent Management Advisory Committee"]
    assert [a.name for _, a in actors_in("The Telecommunication Standardization Advisory Group shall")] == ["TSAG"]
    assert [a.name for _, a in actors_in("invites Member States and Sector Members")] == [
        "Member States", "Sector Members"]


def test_calling_upon_a_sector_and_its_study_group_with_responsibility() -> None:
    """PP Resolution 101 resolves 5 calls upon "ITU-T, in particular Study Group 3, which has
    responsibility for Recommendation ITU-T D.50": ITU-T and its SG3 are asked, SG3 is responsible."""
    inst = Instrument(body="PP", kind="resolution", number="101", revision=Revision(place="Dubai", year=2018))
    c = clause("resolves", "to continue the study of international Internet connectivity as an urgent matter, and "
                           "to call upon ITU-T, in particular Study Group 3, which has responsibility for "
                           "Recommendation ITU-T D.50 and which has been studying it;", inst)
    got = {(m.actor, m.sector, m.role) for m in mandates_of(c)}
    assert {("ITU-T", "ITU-T", "requested"), ("SG3", "ITU-T", "requested"), ("SG3", "ITU-T", "responsible")} <= got
    # a study group with no Sector beside it in a PP text stays without one
    bare = clause("resolves", "to invite Study Group 3 to continue its work;", inst)
    assert {m.sector for m in mandates_of(bare) if m.actor == "SG3"} == {None}


def test_the_agents_of_a_passive_resolves_are_given_the_task() -> None:
    c = clause("resolves", "that special action be initiated by the Secretary-General and the Director of the "
                           "Telecommunication Development Bureau, with specialized assistance from the ITU "
                           "Radiocommunication Sector and the ITU Telecommunication Standardization Sector, resulting "
                           "in the launch of a special initiative")
    got = {(m.actor, m.role) for m in mandates_of(c)}
    assert {("Secretary-General", "resolved"), ("Director of BDT", "resolved"), ("ITU-R", "assists"),
            ("ITU-T", "assists")} <= got
    assert not any(m.role == "resolved" and m.sector in ("ITU-R", "ITU-T") for m in mandates_of(c))


def test_report_and_secretariat_questions_as_people_put_them() -> None:
    from retrieval.answering.compose.mandate import read_mandate_question

    sec = read_mandate_question("what is the secretariat asked to do about internationalized domain names?")
    assert sec is not None and sec.kind == "tasked" and {"Secretary-General", "Director of BDT"} <= set(sec.actors)
    assert sec.topic == "internationalized domain names"
    kept = read_mandate_question("on e-meetings, what is the Secretary-General meant to keep Council updated on?")
    assert kept is not None and kept.kind == "reports_from" and kept.actors == ["Secretary-General"]
    assert kept.topic == "e-meetings"
    cover = read_mandate_question("languages: what is the Secretary-General's annual report supposed to cover?")
    assert cover is not None and cover.kind == "reports_from" and cover.topic == "languages"
    # a named body's own secretariat is no actor of its own
    assert read_mandate_question("what is TSB asked to do on the secretariat of SG17?").actors[0] == "TSB"


def test_the_sg_beside_council_is_the_secretary_general() -> None:
    from retrieval.answering.query import expand_shorthand

    assert "Secretary-General" in expand_shorthand("on e-meetings, what is the SG meant to keep council updated on?")
    assert "Secretary-General" not in expand_shorthand("what is the SG meeting deadline for contributions?")


def test_an_assembly_named_as_an_instruments_author_is_no_actor() -> None:
    """"which group coordinates intersector work?" was answered "Plenipotentiary Conference" from "in line
    with PP-14 Resolution 191": the assembly there names a text, it is asked to do nothing."""
    def names(text: str) -> list[str]:
        return [a.name for _s, a in actors_in(text)]

    assert names("bringing it into line with PP-14 Resolution 191, taking into account the ISCG") == ["ISCG"]
    assert names("Resolution 191 (Rev. Dubai, 2018) of the Plenipotentiary Conference") == []
    assert names("as outlined in Resolution 5 (Rev. Dubai, 2014) of the World Telecommunication Development "
                 "Conference") == []
    assert names("WTSA-16 Res. 2 sets out the mandates") == []
    # acting, they stay actors
    assert names("to report to the next Plenipotentiary Conference") == ["Plenipotentiary Conference"]
    assert names("as decided by PP-18, the Council shall") == ["Plenipotentiary Conference", "Council"]
    assert names("WTSA shall appoint the chairmen") == ["WTSA"]


def test_who_reports_on_a_topic_and_to_whom() -> None:
    """blind27: "who's meant to report back on options for tighter cooperation between the three bureaux at
    secretariat level, and who do they report to?" named ISCG (to whom they report) as the one who reports."""
    from retrieval.answering.compose.mandate import compose_mandate, find_mandates, read_mandate_question
    from retrieval.core.models import Clause, Instrument

    q = ("who's meant to report back on options for tighter cooperation between the three bureaux at secretariat "
         "level, and who do they report to?")
    ask = read_mandate_question(q)
    assert ask is not None and ask.kind == "reports_on" and ask.topic.startswith("options for tighter cooperation")
    assert read_mandate_question("who has to report on results-based management, and how often?") is None
    assert read_mandate_question("who reports to TSAG?").kind == "reports_to"  # type: ignore[union-attr]
    text = ("the Directors of the Radiocommunication, Telecommunication Standardization and Telecommunication "
            "Development Bureaux and ISC-TF to report to ISCG and the respective Sector advisory groups on options for "
            "improving cooperation at the secretariat level to ensure that close coordination is maximized,")
    c = Clause(clause_id="pp-res-191@x#invites.2", doc_id="pp-res-191@x", part="invites", label="2",
               instrument=Instrument(body="PP", kind="resolution", number="191"), text=text, span=(0, len(text)))
    c.mandates = mandates_of(c)
    pairs = find_mandates(ask, [c])
    ans = compose_mandate(q, ask, pairs, coverage=lambda t: 0.6)
    assert ans is not None
    first = ans.lines[0].plain
    assert first.startswith("Director of BR, Director of TSB, Director of BDT and ISC-TF report to ISCG"), first
    assert ans.lead_sectors == ["ITU-R", "ITU-T", "ITU-D"]
    # a clause holding too little of the topic answers nothing
    assert compose_mandate(q, ask, pairs, coverage=lambda t: 0.2) is None


def test_directors_of_the_bureaux_listed_are_those_directors_and_no_others() -> None:
    """PP Res 204 "instructs the Directors of the Telecommunication Standardization and Telecommunication
    Development Bureaux": no actor was read (so no mandate); "the Directors of the Radiocommunication and
    Telecommunication Development Bureaux" was read as all three."""
    def names(text: str) -> list[str]:
        return [a.name for _s, a in actors_in(text)]

    assert names("instructs the Directors of the Telecommunication Standardization and Telecommunication "
                 "Development Bureaux") == ["Director of TSB", "Director of BDT"]
    assert names("the Directors of the Radiocommunication and Telecommunication Development Bureaux") == \
        ["Director of BR", "Director of BDT"]
    assert names("the Directors of the Radiocommunication (BR), Telecommunication Standardization (TSB) and "
                 "Telecommunication Development (BDT) Bureaux and the ISC-TF") == \
        ["Director of BR", "Director of TSB", "Director of BDT", "ISC-TF"]
    assert names("Directors of TSB and BDT") == ["Director of TSB", "Director of BDT"]
    assert names("the Directors of the Bureaux") == ["Director of BR", "Director of TSB", "Director of BDT"]
    assert names("instructs the relevant study groups of the ITU Telecommunication Standardization Sector") == \
        ["ITU-T study groups"]


def test_a_task_asked_with_how_often_is_still_a_mandate_question() -> None:
    """blind11: "… the RCC contrib 47A4 … - what do they want the TSB Director to do every year?" was searched
    as a plain question (introduction paragraphs); "every year" is no topic."""
    from retrieval.answering.compose.mandate import read_mandate_question

    ask = read_mandate_question("what do they want the TSB Director to do every year?")
    assert ask is not None and ask.kind == "tasked" and "Director of TSB" in ask.actors and ask.topic == ""
    ask = read_mandate_question("what is BDT instructed to do on gender annually?")
    assert ask is not None and ask.topic == "gender"


def test_a_role_or_job_on_a_topic_asks_for_the_actors_mandates() -> None:
    from retrieval.answering.compose.mandate import read_mandate_question

    ask = read_mandate_question("what is council's job on the ITU human resources strategic plan?")
    assert ask is not None and ask.kind == "tasked" and ask.actors == ["Council"]
    assert ask.topic == "the ITU human resources strategic plan"
    ask = read_mandate_question("what role does TSAG play in the strategic plan?")
    assert ask is not None and ask.actors == ["TSAG"] and ask.topic == "the strategic plan"
    ask = read_mandate_question("what is bdt told to do on gender?")
    assert ask is not None and "Director of BDT" in ask.actors
    assert read_mandate_question("what is the role of the incubation mechanism?") is None


def test_a_subject_put_first_is_the_topic_of_a_task_question_unless_it_names_a_text() -> None:
    from retrieval.answering.compose.mandate import read_mandate_question

    ask = read_mandate_question("youth delegates in national delegations - what are member states asked to do?")
    assert ask is not None and ask.actors == ["Member States"]
    assert ask.topic == "youth delegates in national delegations"
    ask = read_mandate_question("reading the RCC contrib that modifies Res 57 - what do they want the TSB Director "
                                "to do?")
    assert ask is not None and ask.topic == ""


def test_all_else_equal_the_task_holding_more_of_the_topic_comes_first() -> None:
    from retrieval.answering.compose.mandate import MandateAsk, _rank
    from retrieval.indexing.lexical import lexical_tokens

    general = clause("invites Member States", "to continue to promote specific initiatives at the national level;")
    routers = clause("invites Member States", "to encourage IPv6 support in home routers and ISP services;")
    pairs = [(c, m) for c in (general, routers) for m in mandates_of(c) if m.actor == "Member States"]
    # (neither holds nearly all of it: the order is the tie-break's, not the close-coverage rule's)
    topic = "IPv6 support in home routers and ISP services nationwide rollout"

    def coverage(text: str) -> float:
        want = set(lexical_tokens(topic))
        return len(want & set(lexical_tokens(text))) / len(want)

    ranked = _rank(pairs, MandateAsk(kind="tasked", actors=["Member States"], topic=topic), coverage)
    assert ranked[0][0] is routers


def test_a_part_addressed_to_two_directors_is_both_of_theirs() -> None:
    """"What are the TSB and BDT directors instructed to do …?" against "instructs the Directors of BDT and
    TSB": the lead and each item name both, not "TSB has 4 mandates"."""
    from retrieval.answering.compose.mandate import MandateAsk, compose_mandate
    from retrieval.core.models import Mandate

    inst = Instrument(body="PP", kind="resolution", number="21")
    pairs = []
    for i in (1, 2):
        text = f"to collaborate on studies of alternative calling procedures {i}"
        tsb = Mandate(actor="Director of TSB", sector="ITU-T", role="instructed", what=text)
        bdt = Mandate(actor="Director of BDT", sector="ITU-D", role="instructed", what=text)
        c = Clause(clause_id=f"pp-res-21@x#instructs-the-directors-of-bdt-and-tsb.{i}", doc_id="pp-res-21@x",
                   instrument=inst, part="instructs the Directors of BDT and TSB", label=str(i), text=text,
                   span=(0, len(text)), mandates=[tsb, bdt])
        pairs += [(c, tsb), (c, bdt)]
    ask = MandateAsk(kind="tasked", actors=["TSB", "Director of TSB", "BDT", "Director of BDT"], role="instructed",
                     topic="alternative calling procedures")
    ans = compose_mandate("What are the TSB and BDT directors instructed to do on alternative calling procedures?", ask,
                          pairs)
    assert ans is not None and ans.lines[0].plain.startswith("Director of TSB and Director of BDT have 2 mandates"), ans
    assert ans.lines[1].plain.startswith("Director of TSB and Director of BDT (instructed)"), ans.lines[1].plain
    one = compose_mandate("what is TSB instructed to do?", MandateAsk(kind="tasked", actors=["TSB", "Director of TSB"]),
                          [p for p in pairs if p[1].actor == "Director of TSB"])
    assert one is not None and one.lines[0].plain.startswith("TSB has 2 mandates"), one.lines[0].plain


def test_a_text_asking_an_actor_and_chat_roles_are_mandate_questions() -> None:
    """blind39: "what does the plenipot recommendation on X ask the SG to do?" tasks the SG with X as the topic;
    "what's the SG meant to do about X?" is a mandate question; a second question ("which director leads, and
    what are BR and TSB expected to do?") or a case ("when the SG chair asks for AAP, what …") is left to the
    search; "…, and for what term?" is not shown as part of the topic."""
    from retrieval.answering.compose.mandate import compose_mandate, read_mandate_question

    ask = read_mandate_question("what does the plenipot recommendation on human trafficking ask the Secretary-General to do?")
    assert ask is not None and (ask.kind, ask.actors, ask.topic) == ("tasked", ["Secretary-General"], "human trafficking")
    ask = read_mandate_question("what does Res 70 ask BDT to do?")
    assert ask is not None and ask.actors == ["BDT", "Director of BDT"] and ask.topic == "", ask
    ask = read_mandate_question("what's the Secretary-General meant to do about using ICTs against human trafficking?")
    assert ask is not None and ask.topic == "using ICTs against human trafficking", ask
    ask = read_mandate_question("regional offices, what are BR and TSB expected to do?")
    assert ask is not None and ask.topic == "regional offices", ask
    assert read_mandate_question("strengthening the regional offices: which director is in the driving seat, and "
                                 "what are BR and TSB expected to do?") is None
    assert read_mandate_question("when the SG chair asks for AAP, what does the TSB director have to do?") is None
    ask = read_mandate_question("what did PP-18 tell Council to do about the external auditor, and for what term?")
    assert ask is not None and ask.actors == ["Council"], ask
    inst = Instrument(body="PP", kind="resolution", number="94", revision=Revision(place="Dubai", year=2018))
    text = "to appoint at its 2019 session a new external auditor for a term of four years"
    clause = Clause(clause_id="pp-res-94@dubai-2018#instructs-the-itu-council", doc_id="pp-res-94@dubai-2018",
                    instrument=inst, part="instructs the ITU Council", text=text, span=(0, len(text)))
    clause.mandates = mandates_of(clause)
    ans = compose_mandate("q", ask, [(clause, m) for m in clause.mandates])
    assert ans is not None and "mandate on the external auditor in the corpus" in ans.text, ans.text


def test_who_designates_is_not_who_is_designated_and_duties_said_as_such_are_responsibilities() -> None:
    """WTSA Res 1 §2.1.6 "A study group may be designated by WTSA or TSAG as the lead study group" made TSAG a lead
    study group; §4.2 "TSAG's principal duties are to review priorities …" gave TSAG no task ("what does TSAG do?"
    listed §2.1.6 first)."""
    inst = Instrument(body="WTSA", kind="resolution", number="1", revision=Revision(place="Hammamet", year=2016))

    def tasks(text: str) -> list[tuple[str, str]]:
        c = Clause(clause_id="wtsa-res-1@x#s2", doc_id="wtsa-res-1@x", instrument=inst, part="SECTION 2", text=text,
                   span=(0, len(text)))
        return [(m.actor, m.role) for m in mandates_of(c)]

    lead = tasks("A study group may be designated by WTSA or TSAG as the lead study group for ITU-T studies forming a "
                 "defined programme of work involving a number of study groups.")
    assert ("TSAG", "responsible") not in lead and ("ITU-T study groups", "responsible") in lead, lead
    assert ("TSAG", "responsible") in tasks("TSAG's principal duties are to review priorities, programmes, operations "
                                            "and strategies for ITU-T's activities")
    assert ("SG17", "responsible") in tasks("Study Group 17 shall be the lead study group on security.")


def test_what_an_actor_does_leads_with_the_clause_saying_its_duties() -> None:
    """"What does TSAG do?": "TSAG's principal duties are …" before any one task of TSAG's."""
    from retrieval.answering.compose.mandate import compose_mandate, read_mandate_question

    inst = Instrument(body="WTSA", kind="resolution", number="1", revision=Revision(place="Hammamet", year=2016))
    texts = [("s2.1", "TSAG shall report to WTSA on the progress of the work of the lead study group."),
             ("s4.2", "TSAG's principal duties are to review priorities, programmes, operations and strategies for "
                      "ITU-T's activities")]
    pairs = []
    for label, text in texts:
        c = Clause(clause_id=f"wtsa-res-1@x#{label}", doc_id="wtsa-res-1@x", instrument=inst, part="SECTION 4",
                   label=label, text=text, span=(0, len(text)))
        c.mandates = mandates_of(c)
        pairs += [(c, m) for m in c.mandates if m.actor == "TSAG"]
    ask = read_mandate_question("what does TSAG do?")
    assert ask is not None
    ans = compose_mandate("what does TSAG do?", ask, pairs)
    assert ans is not None and ans.citations[0].clause_id.endswith("#s4.2"), ans.text


def test_further_instructs_is_an_operative_part_too() -> None:
    """PP Res 130's "further instructs the Director of TSB and the Director of BDT, each within the scope of
    their responsibilities" gave no mandate (only "further resolves" was read as operative)."""
    c = clause("further instructs the Director of TSB and the Director of BDT, each within the scope of their "
               "responsibilities", "to support and assist developing countries in promoting and facilitating the "
               "implementation of security-related ITU-T recommendations,")
    assert {(r, a) for a, r, _to in roles(c)} >= {("instructed", "Director of TSB"), ("instructed", "Director of BDT")}
    assert roles(clause("further invites Member States", "to take part in the work")) == \
        {("Member States", "invited", None)}


def test_study_groups_of_sectors_listed_are_each_sectors() -> None:
    # PP Res 136 noting e): the second Sector of the list was read as a bare mention, so "which sectors' study
    # groups adopt those?" was answered ITU-R alone
    from retrieval.parsing.mandates import actors_in

    text = ("the work of the study groups of the ITU Radiocommunication Sector (ITU-R) and the ITU Telecommunication "
            "Standardization Sector (ITU-T) in adopting recommendations")
    assert [a.name for _p, a in actors_in(text)] == ["ITU-R study groups", "ITU-T study groups"]
    assert [a.sector for _p, a in actors_in("the study groups of ITU-T and ITU-D")] == ["ITU-T", "ITU-D"]
    assert [a.name for _p, a in actors_in("the study groups of the ITU Radiocommunication Sector")] == ["ITU-R study groups"]


def test_a_named_body_typed_in_lower_case_is_that_body_not_member_states() -> None:
    """blind63: "the member states advisory group … instructed to do?" listed the mandates of Member States."""
    from retrieval.answering.compose.mandate import read_mandate_question

    ask = read_mandate_question("what is the member states advisory group on the new HQ building instructed to do?")
    assert ask is not None and ask.actors[:1] == ["Member States Advisory Group"], ask
    ask = read_mandate_question("what are member states instructed to do on the new building?")
    assert ask is not None and ask.actors[:1] == ["Member States"], ask
