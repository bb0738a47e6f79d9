"""Extractive answers over the real index, the evaluation harness, and the CLI's JSON shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from retrieval.answering.answer import Answerer
from retrieval.answering.search import Engine
from retrieval.core.models import Clause
from retrieval.evaluation import run_eval
from tests.conftest import ROOT, SEED


def test_emergency_telecommunications_names_the_sectors(corpus_engine: Engine) -> None:
    ans = Answerer(corpus_engine).answer("Which Sector handles emergency telecommunications?")
    assert not ans.abstained and ans.intent == "sector"
    assert {"ITU-R", "ITU-T", "ITU-D"} <= set(ans.sectors)
    assert "mutual interest" in ans.text
    assert "Inter-sectoral Emergency Telecommunication Team" in ans.text
    ids = [c.clause_id for c in ans.citations]
    assert "rcc-47a4@wtsa-16#proposal.1/considering.b" in ids
    seed = SEED.read_text(encoding="utf-8")
    assert all(c.quote in seed for c in ans.citations)


def test_cite_answer_is_verbatim(corpus_engine: Engine) -> None:
    ans = Answerer(corpus_engine).answer("What does Resolution 57 resolves 3 say?")
    assert ans.citations[0].clause_id == "rcc-47a4@wtsa-16#proposal.1/resolves.3"
    assert ans.citations[0].display.startswith("WTSA Resolution 57 (Rev. Hammamet, 2016), resolves 3")
    assert ans.citations[0].quote in SEED.read_text(encoding="utf-8")


def test_out_of_corpus_abstains(corpus_engine: Engine) -> None:
    ans = Answerer(corpus_engine).answer("What is the price of coffee in Geneva?")
    assert ans.abstained and not ans.citations
    assert "no clause" in ans.text and "The corpus covers" in ans.text


def test_question_about_an_instrument_searches_it_instead_of_dumping_it(corpus_engine: Engine) -> None:
    # Two resolutions named; the corpus holds only the second, which says what the first covers.
    ans = Answerer(corpus_engine).answer("What does WTDC Resolution 59 cover according to Resolution 57?")
    assert ans.intent == "ask" and not ans.abstained
    assert ans.citations[0].clause_id == "rcc-47a4@wtsa-16#proposal.1/noting.c"
    purpose = Answerer(corpus_engine).answer("What is the purpose of the RCC contribution on Resolution 57?")
    assert purpose.intent == "ask"
    assert {"rcc-47a4@wtsa-16#abstract.p1", "rcc-47a4@wtsa-16#introduction.p13"} & \
        {c.clause_id for c in purpose.citations[:2]}


def test_evaluation_set(corpus_service: object) -> None:
    result = run_eval(corpus_service)  # type: ignore[arg-type]
    assert result.questions >= 100
    assert result.citation_verification == 1.0
    assert result.unknown_clause_ids == 0
    # Regression floors a little under what is measured on the seed + WTSA Resolution 1 part of the set
    # (104 questions; the misspelled and reordered references are issue #12 item 5, another change):
    # hit@1 78.7 %, hit@3 86.7 %, lead-Sector and answer-sentence accuracy 100 %, abstention P 90.6 % R 100 %.
    assert result.hit_at_1 >= 0.75, result.table()
    assert result.hit_at_3 >= 0.84, result.table()
    assert result.lead_sector_accuracy is not None and result.lead_sector_accuracy >= 0.9, result.table()
    assert result.answer_accuracy is not None and result.answer_accuracy >= 0.9, result.table()
    assert result.abstention_recall >= 0.95, result.table()
    assert result.abstention_precision >= 0.85, result.table()


def test_cli_json_and_stdin_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {**__import__("os").environ}
    one = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--json", "Res 57 resolves 3"], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=300)
    assert one.returncode == 0, one.stderr
    obj = json.loads(one.stdout)
    assert set(obj) == {"question", "answer", "mode", "intent", "abstained", "sectors", "lead_sectors",
                        "involved_sectors", "thin_evidence", "missing", "citations", "notes"}
    assert obj["question"] == "Res 57 resolves 3"
    assert set(obj["citations"][0]) == {"clause_id", "display", "doc_id", "part", "label", "quote", "url", "truncated",
                                        "cut_start", "cut_end"}
    assert obj["mode"] == "extractive"
    many = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--json"], cwd=ROOT, env=env,
                          input="Res 57 resolves 1\nWhat is the price of coffee in Geneva?\n",
                          capture_output=True, text=True, timeout=300)
    lines = [json.loads(x) for x in many.stdout.splitlines()]
    assert [x["abstained"] for x in lines] == [False, True]
    assert lines[0]["citations"][0]["clause_id"].endswith("#proposal.1/resolves.1")
    # As text, each answer comes under its question.
    text = subprocess.run([sys.executable, "-m", "bot.cli", "ask"], cwd=ROOT, env=env,
                          input="Res 57 resolves 1\nWhat is the price of coffee in Geneva?\n",
                          capture_output=True, text=True, timeout=300)
    assert text.returncode == 0 and text.stdout.startswith("» Res 57 resolves 1\n"), text.stdout[:200]
    assert "\n\n» What is the price of coffee in Geneva?\n" in text.stdout


# ---- composers on an in-memory corpus (no model, no store) ------------------------------------------

def _clauses() -> list:  # type: ignore[type-arg]
    from retrieval.core.models import Instrument, Revision

    inst = Instrument(body="PP", kind="resolution", number="9", revision=Revision(place="Dubai", year=2018),
                      title="Spectrum monitoring")
    other = Instrument(body="PP", kind="resolution", number="8", revision=Revision(place="Dubai", year=2018),
                       title="Coordination")
    raw = [
        (inst, "instructs the Director of BR", "1", "to assist administrations with spectrum monitoring and "
                                                   "satellite orbit resources;"),
        (inst, "instructs the Director of BDT", "1", "to organize regional workshops;"),
        (other, "considering", "b)", "that there are matters of mutual interest to all Sectors including the "
                                     "following: IMT; middleware; audiovisual delivery; emergency communications;"),
        (other, "taking into account", "c)", "the establishment of an Intersector Coordination Task Force (ISC-TF) "
                                             "headed by the Deputy Secretary-General,"),
        (other, "resolves", "4", "to propose to the Director of TSB to report annually to TSAG on the results;"),
    ]
    return _build(raw)


def _build(raw: list) -> list:  # type: ignore[type-arg]
    """Clauses of PP resolutions from (instrument, part, label, text), with their mandates."""
    from retrieval.core.models import Clause
    from retrieval.parsing.mandates import mandates_of

    out = []
    for inst_, part, label, text in raw:
        c = Clause(clause_id=f"pp-res-{inst_.number}@dubai-2018#{part[:40].replace(' ', '-')}.{label.rstrip(')')}",
                   doc_id=f"pp-res-{inst_.number}@dubai-2018", instrument=inst_, part=part, label=label, text=text,
                   span=(0, len(text)))
        c.mandates = mandates_of(c)
        out.append(c)
    return out


def test_sector_composer_on_memory_corpus() -> None:
    from harness.fakes import MemoryCorpus

    answerer = Answerer(MemoryCorpus(_clauses()))  # type: ignore[arg-type]
    ans = answerer.answer("Which Sector handles satellite orbit resources?")
    assert ans.lead_sectors == ["ITU-R"], ans.text
    assert ans.citations[0].clause_id.endswith("instructs-the-Director-of-BR.1")
    listed = answerer.answer("Which sector deals with middleware?")
    assert listed.lead_sectors == [] and set(listed.involved_sectors) == {"ITU-R", "ITU-T", "ITU-D"}


def test_mandate_composer_direction_on_memory_corpus() -> None:
    from harness.fakes import MemoryCorpus

    answerer = Answerer(MemoryCorpus(_clauses()))  # type: ignore[arg-type]
    to_tsag = answerer.answer("Who reports to TSAG?")
    assert to_tsag.intent == "mandate" and to_tsag.lines[0].plain.startswith("Director of TSB reports to TSAG")
    heads = answerer.answer("Who heads ISC-TF?")
    assert heads.lines[0].plain.startswith("Deputy Secretary-General")
    assert all(c.quote in next(x.text for x in _clauses() if x.clause_id == c.clause_id) for c in heads.citations)


def test_sector_lead_from_the_instrument_about_the_topic() -> None:
    """A resolution about mobile device theft instructs BDT "in coordination with" BR and TSB: ITU-D leads,
    the others are involved; a resolution that only mentions the topic in passing does not decide."""
    from harness.fakes import MemoryCorpus
    from retrieval.core.models import Instrument, Revision

    theft = Instrument(body="PP", kind="resolution", number="189", revision=Revision(place="Dubai", year=2018),
                       title="Combating counterfeit and stolen mobile devices")
    other = Instrument(body="PP", kind="resolution", number="7", revision=Revision(place="Dubai", year=2018),
                       title="Regional offices")
    head = "instructs the Director of BDT, in coordination with the Director of BR and the Director of TSB"
    raw = [
        (theft, head, "1", "to assist Member States in combating stolen mobile devices;"),
        (theft, head, "2", "to organize workshops on preventing the theft of mobile devices;"),
        (theft, "considering", "a)", "that the theft of mobile devices is increasing;"),
        (other, "instructs the Director of TSB", "1", "to study numbering, among other things stolen mobile devices, "
                                                      "tariffs and quality of service;"),
        (other, "resolves", "1", "to strengthen the regional presence;"),
    ]
    clauses = _build(raw)
    ans = Answerer(MemoryCorpus(clauses)).answer("mobile device theft - which sector is in the lead at ITU?")  # type: ignore[arg-type]
    assert ans.lead_sectors == ["ITU-D"], ans.text
    assert set(ans.involved_sectors) <= {"ITU-R", "ITU-T"}
    assert ans.citations[0].doc_id == "pp-res-189@dubai-2018"


def test_no_yes_or_number_from_a_sentence_about_something_else() -> None:
    """"Can Sector Members vote at WTSA?" against "a vote by Member States at WTSA": the sentence is not
    about Sector Members, so no "Yes"; the clause is still shown as evidence."""
    from retrieval.answering.compose.direct import answer_sentence
    from retrieval.core.models import Clause, Instrument

    def c(text: str) -> Clause:
        return Clause(clause_id="wtsa-res-1@x#s1.13", doc_id="wtsa-res-1@x", instrument=Instrument(body="WTSA"),
                      part="SECTION 1", text=text, span=(0, len(text)))

    vote = c("Should there be a need for a vote by Member States at WTSA, the vote will be conducted according "
             "to the relevant sections of the Constitution.")
    assert answer_sentence("Can Sector Members vote at WTSA?", vote) is None
    assert (answer_sentence("Can Member States vote at WTSA?", vote) or "").startswith("Yes")
    meets = c("TSAG shall hold regular scheduled meetings, at least once a year.")
    assert (answer_sentence("How often must TSAG meet?", meets) or "").startswith("At least once a year")
    assert answer_sentence("How often must the Council meet?", meets) is None
    # TSAG's time is not WTSA's, though the clause is in a WTSA text and its second sentence names no one
    meets2 = c("TSAG shall hold regular scheduled meetings. The meetings should take place at least once a year.")
    from retrieval.answering.compose.direct import answer_with_actor

    assert answer_with_actor("how often does WTSA meet?", meets2, best=True) is None
    assert (answer_with_actor("how often does TSAG meet?", meets2, best=True) or ("",))[0].startswith(
        "At least once a year")
    # Of two times in one sentence, the one the noun asked for introduces.
    two = c("Contributions should be submitted not later than one month before the opening of WTSA, and at any "
            "event the submission deadline for all contributions to WTSA shall be not later than 14 calendar days "
            "before the opening of WTSA.")
    assert (answer_sentence("what is the deadline for contributions to WTSA?", two) or "").startswith(
        "Not later than 14 calendar days")
    assert (answer_sentence("how long before WTSA should contributions be submitted?", two) or "").startswith(
        "Not later than one month")
    # A time on the other side of the event is not the time asked.
    ahead = c("The revised draft is produced by 4 months before the study group meeting.")
    assert answer_sentence("how long after the study group meeting is the revised draft produced?", ahead) is None
    assert (answer_sentence("how long before the study group meeting is the revised draft produced?", ahead)
            or "").startswith("4 months before")
    after = c("The draft is produced by 4 months before the meeting, and the text is notified within two weeks "
              "after the meeting.")
    assert (answer_sentence("how soon after the meeting is the text notified?", after) or "").startswith(
        "Within two weeks")


def test_naming_an_indexed_resolution_is_not_a_gap_in_the_evidence(corpus_service: object) -> None:
    ans = corpus_service.answer("What does Resolution 57 instruct the Director of TSB to do?")  # type: ignore[attr-defined]
    assert not ans.abstained, ans.text
    assert all(c.doc_id.startswith("rcc-47a4") for c in ans.citations)


def test_find_lists_the_instruments_naming_the_topic_those_about_it_first() -> None:
    """"Which resolutions deal with X?": instruments whose title (or several clauses) are about X come
    before those that mention it once; one that only comes near X in meaning is not listed."""
    from harness.fakes import MemoryCorpus
    from retrieval.core.models import Instrument, Revision

    def inst(n: str, title: str) -> Instrument:
        return Instrument(body="PP", kind="resolution", number=n, revision=Revision(place="Dubai", year=2018),
                          title=title)

    raw = [
        (inst("130", "Strengthening the role of ITU in building confidence and security in the use of ICTs"),
         "resolves", "1", "to continue to give cybersecurity high priority;"),
        (inst("130", "Strengthening the role of ITU in building confidence and security in the use of ICTs"),
         "instructs the Director of TSB", "1", "to intensify work on cybersecurity in the study groups;"),
        (inst("179", "ITU's role in child online protection"), "recognizing", "d)",
         "Resolution 45 of WTDC, on cooperation on cybersecurity, including countering spam;"),
        (inst("9", "Regional presence"), "resolves", "1", "to strengthen network resilience and trust;"),
    ]
    ans = Answerer(MemoryCorpus(_build(raw))).answer("Which resolutions deal with cybersecurity?")  # type: ignore[arg-type]
    assert ans.intent == "find"
    listed = [ln.plain for ln in ans.lines if ln.kind == "item"]
    assert listed[0].startswith("PP Resolution 130") and listed[1].startswith("PP Resolution 179"), listed
    assert not any("Resolution 9 " in x for x in listed)


def test_one_clause_of_a_proposal_is_cited_by_symbol_and_part(corpus_engine: Engine) -> None:
    for q in ("RCC/47A4/1 resolves 3", "resolves 3 of RCC/47A4/1", "RCC/47A4 proposed text, 'resolves 3' - what's in it?"):
        ans = Answerer(corpus_engine).answer(q)
        assert [c.clause_id for c in ans.citations] == ["rcc-47a4@wtsa-16#proposal.1/resolves.3"], q
    missing = Answerer(corpus_engine).answer("RCC/47A4/1 resolves 9")
    assert missing.abstained and "proposes no text under resolves 9" in missing.text
    whole = Answerer(corpus_engine).answer("RCC/47A4/1")
    assert len(whole.citations) > 1 and whole.lines[0].plain.startswith("MOD RCC/47A4/1 proposes to modify")


def test_only_a_quantity_question_trims_the_extra_hits_it_read(corpus_service: object) -> None:
    from retrieval.answering.query import read_query
    from retrieval.answering.search import Filters

    answerer = corpus_service._answering()  # type: ignore[attr-defined]
    listing = answerer._search(read_query("which clauses deal with coordination among the Sectors?"), Filters())
    assert len(listing) > 5, len(listing)  # a "find" question lists from up to 40 hits
    count = answerer._search(read_query("how many meetings does the task force hold?"), Filters())
    assert len(count) <= 5, len(count)


def test_the_best_clause_answers_a_quantity_from_the_sentence_giving_that_kind() -> None:
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.core.models import Clause, Instrument

    text = ("Alternatively, if consensus of the study group to approve a new or revised Question is not achieved, "
            "the study group may request approval by consultation of the Member States.\n"
            "a)\tThe Director shall request Member States to notify the Director within two months.\n"
            "b)\tA proposed Question is approved if:\n–\ta simple majority of the Member States responding agree; and\n"
            "–\tat least ten replies are received.")
    c = Clause(clause_id="wtsa-res-1@x#s7.2.3", doc_id="wtsa-res-1@x", instrument=Instrument(body="WTSA"),
               part="SECTION 7", label="7.2.3", text=text, span=(0, len(text)))
    q = "when a new Question goes out for consultation of Member States, how many replies does it need to pass?"
    found = answer_with_actor(q, c, best=True)
    assert found is not None and found[0].startswith("At least ten replies")
    # not the search's first clause: no short answer from a sentence that repeats so little of the question
    assert answer_with_actor(q, c) is None


def test_quantity_kinds_people_ask_for() -> None:
    """"how frequently …", "min frequency", "the longest schedule": a frequency and a length of time."""
    from retrieval.answering.compose.direct import answer_sentence, asks_quantity, holds_quantity
    from retrieval.core.models import Clause, Instrument

    def c(text: str) -> Clause:
        return Clause(clause_id="pp-res-1@x#resolves.4", doc_id="pp-res-1@x", instrument=Instrument(body="PP"),
                      part="resolves", text=text, span=(0, len(text)))

    group = c("that the Member States Advisory Group shall meet quarterly, and more often if necessary;")
    assert (answer_sentence("how frequently is the member states advisory group expected to meet?", group)
            or "").startswith("Quarterly")
    plans = "a maximum duration of up to fifteen years for least developed countries"
    assert asks_quantity("what's the longest schedule the guidelines allow?")
    assert holds_quantity("what's the longest schedule allowed?", plans)
    assert holds_quantity("max repayment schedule for an LDC?", plans)
    assert not holds_quantity("max repayment schedule for an LDC?", "to submit a repayment plan to the Council")


def test_a_definition_is_not_an_amount() -> None:
    """"What does 'termination charge' mean?" asks for a definition: a clause defining it answers."""
    from retrieval.answering.compose.evidence import judge
    from retrieval.core.models import Clause, Instrument

    text = "Termination charge A charge set by the destination administration for terminating incoming traffic."
    clause = Clause(clause_id="itu-t-rec-d.000@x#clause.a.3", doc_id="itu-t-rec-d.000@x",
                    instrument=Instrument(kind="recommendation", number="D.000"), part="Annex A", text=text,
                    span=(0, len(text)))
    kw = dict(corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)
    assert not judge("what does 'termination charge' mean in the D-series?", [clause], **kw).abstain  # type: ignore[arg-type]
    assert judge("what does an operator pay as its termination charge?", [clause], **kw).abstain  # type: ignore[arg-type]
    assert judge("what's the total cost overrun so far on the headquarters project?", [clause], **kw).abstain  # type: ignore[arg-type]


def test_how_long_a_mandate_runs_is_no_list_of_tasks() -> None:
    from retrieval.answering.compose.mandate import read_mandate_question

    assert read_mandate_question("how long is the mandate of the external auditor that Council picks?") is None
    ask = read_mandate_question("mandates of the Director of TSB on cybersecurity")
    assert ask is not None and ask.kind == "tasked"


def test_ways_asked_for_are_answered_by_the_clause_counting_them() -> None:
    """"What are the ways ITU-T can collaborate with another SDO?": A.Sup5 clause 7.2 ("in one of three
    ways: by means of a liaison, …") comes before clauses that share more words."""
    from retrieval.answering.answer import rerank
    from retrieval.answering.compose.direct import asks_enumeration, enumerates
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit

    assert asks_enumeration("what are the ways ITU-T can collaborate with another SDO?")
    assert asks_enumeration("is a liaison statement the only option or are there other ways?")
    assert not asks_enumeration("which Sector handles collaboration with other SDOs?")
    assert enumerates("Collaboration can be carried out in one of three ways: by means of a liaison, …")
    assert not enumerates("The ways of working are described in clause 8.")

    def c(label: str, text: str) -> Clause:
        return Clause(clause_id=f"itu-t-sup-a.sup5@x#clause.{label}", doc_id="itu-t-sup-a.sup5@x",
                      instrument=Instrument(kind="supplement", number="A.Sup5"), part="clause", label=label,
                      text=text, span=(0, len(text)))

    scope = c("1", "This Supplement describes how ITU-T collaborates with other SDOs on documents.")
    modes = c("7.2", "Collaboration can be carried out in one of three ways: by means of a liaison, by means of "
                     "collaborative work or by means of a common team.")
    hits = [SearchHit(clause=scope, score=0.84), SearchHit(clause=modes, score=0.75)]
    ranked = rerank(hits, read_query("what are the ways ITU-T can collaborate with another SDO?"))
    assert ranked[0].clause.label == "7.2"
    assert rerank(hits, read_query("what does A.Sup5 cover?"))[0].clause.label == "1"


def test_who_decides_is_answered_by_the_clause_saying_who_shall_decide() -> None:
    """PP Decision 11: "who decides who chairs the CWGs?" → decides 6 ("the Council shall decide the
    leadership of CWGs"), read among ten hits and ranked before clauses that share more words."""
    from retrieval.answering.answer import rerank
    from retrieval.answering.compose.direct import asks_doer
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit

    assert asks_doer("Who decides who chairs the Council working groups?")
    assert asks_doer("who appoints the TSAG chairman?")
    assert not asks_doer("who chairs CWG-LANG?") and not asks_doer("who reports to TSAG?")
    assert not asks_doer("who handles cybersecurity?")

    def c(label: str, text: str) -> Clause:
        return Clause(clause_id=f"pp-dec-11@x#decides.{label}", doc_id="pp-dec-11@x",
                      instrument=Instrument(body="PP", kind="decision", number="11"), part="decides", label=label,
                      text=text, span=(0, len(text)))

    vacancy = c("9", "that if a CWG chairman is unable to remain in office, a new chairman shall, as a rule, be "
                     "appointed from among the current vice-chairmen of that CWG;")
    leaders = c("6", "that the Council shall decide the leadership of CWGs, with a view to promoting equitable "
                     "geographical distribution and gender balance;")
    hits = [SearchHit(clause=vacancy, score=0.98), SearchHit(clause=leaders, score=0.9)]
    assert rerank(hits, read_query("Who decides who chairs the Council working groups?"))[0].clause.label == "6"


def test_units_the_question_names_and_who_mid_sentence() -> None:
    from retrieval.answering.compose.direct import answer_sentence
    from retrieval.core.models import Clause, Instrument

    def c(text: str) -> Clause:
        return Clause(clause_id="itu-t-rec-u.1@x#clause.4.2", doc_id="itu-t-rec-u.1@x",
                      instrument=Instrument(kind="recommendation", number="U.1"), part="clause", label="4.2",
                      text=text, span=(0, len(text)))

    signal = c("The call-confirmation signal shall be returned with a delay not exceeding 150 milliseconds after "
               "the arrival of the calling signal; the proceed-to-select signal within 3 seconds.")
    assert (answer_sentence("call confirmation signal: max delay in ms?", signal) or "").startswith("150 milliseconds")
    guard = c("A guard delay of 1 second will be maintained during which incoming calls will not be accepted.")
    assert (answer_sentence("guard delay for incoming calls - how many secs?", guard) or "").startswith("1 second")


def test_who_asked_after_a_heading_names_the_tasked_actor() -> None:
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.core.models import Clause, Instrument, Mandate

    text = "to continue to carry out pilot projects for conformity to ITU-T Recommendations;"
    clause = Clause(clause_id="pp-res-177@x#instructs-the-director-of-tsb.2", doc_id="pp-res-177@x",
                    instrument=Instrument(body="PP", kind="resolution", number="177"),
                    part="instructs the Director of TSB", label="2", text=text, span=(0, len(text)),
                    mandates=[Mandate(actor="Director of TSB", sector="ITU-T", role="instructed", what=text)])
    for q in ("Under the C&I resolution, who carries out the pilot projects on conformity?",
              "C&I pilot projects: who's told to carry them out?"):
        found = answer_with_actor(q, clause)
        assert found is not None and found[0].startswith("Director of TSB") and found[1] == ["ITU-T"], q


def test_an_actor_merely_mentioned_does_not_answer_who_does_something() -> None:
    """"TP.inno - who prepares the agenda …?" against a sentence that names SG17 for its size: no "SG17:"
    answer; a sentence that does say who prepares it answers."""
    from retrieval.answering.compose.direct import answer_sentence
    from retrieval.core.models import Clause, Instrument

    def c(text: str) -> Clause:
        return Clause(clause_id="sg17-c823#s2.3.2", doc_id="sg17-c823", instrument=Instrument(body="ITU-T"),
                      part="section", text=text, span=(0, len(text)))

    q = "TP.inno - who prepares the agenda of the special session?"
    size = c("Given the growing size of SG17 it is expected that each question sends one of its rapporteurs.")
    assert not (answer_sentence(q, size, share=0.0) or "").startswith("SG17")
    does = c("The agenda of the special session is prepared by TSB.")
    assert (answer_sentence(q, does, share=0.0) or "").startswith("TSB")


def test_a_document_list_row_does_not_answer_who() -> None:
    from retrieval.answering.answer import rerank
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit

    def hit(cid: str, text: str, score: float) -> SearchHit:
        return SearchHit(clause=Clause(clause_id=cid, doc_id="sg17-c823", instrument=Instrument(body="ITU-T"),
                                       part="section", text=text, span=(0, len(text))), score=score)

    row = hit("sg17-c823#table-4.row-36", "TD2079 | Agenda of special session on incubation", 1.0)
    prose = hit("sg17-c823#s2.3.2", "Prior to the meeting, the special session chairman creates an agenda", 0.8)
    q = read_query("TP.inno - who prepares the agenda of the special session?")
    assert rerank([row, prose], q)[0].clause.clause_id == "sg17-c823#s2.3.2"
    # asked which document holds it, the row stays first
    q2 = read_query("which TD has the agenda of the special session?")
    assert rerank([row, prose], q2)[0].clause.clause_id == "sg17-c823#table-4.row-36"


def test_a_number_asked_is_answered_by_the_clause_that_sets_it_not_a_recital() -> None:
    """PP Res 208: "taking into account a) that a maximum time in office of two terms … provides for stability"
    and "resolves 4 that the term of office … shall not exceed two terms": the rule answers first."""
    from retrieval.answering.answer import rerank
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit

    def hit(part: str, text: str, score: float) -> SearchHit:
        return SearchHit(clause=Clause(clause_id=f"pp-res-208@x#{part}", doc_id="pp-res-208@x",
                                       instrument=Instrument(body="PP", kind="resolution"), part=part, text=text,
                                       span=(0, len(text))), score=score)

    recital = hit("taking into account", "that a maximum time in office of two terms for study group chairmen and "
                  "vice-chairmen provides for a reasonable amount of stability", 0.93)
    rule = hit("resolves", "that the term of office for both chairmen and vice-chairmen shall not exceed two terms "
               "of office between consecutive assemblies", 0.77)
    q = read_query("max number of terms a study group vice-chair can serve?")
    assert rerank([recital, rule], q)[0].clause.part == "resolves"


def test_a_bare_heading_comes_after_a_clause_under_it_that_says_something() -> None:
    """"what does res 1 say about languages for meetings?" led with §2.3 "Participation in meetings"."""
    from retrieval.answering.answer import _is_heading, rerank
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit

    def c(label: str, text: str) -> Clause:
        return Clause(clause_id=f"wtsa-res-1@x#s{label}", doc_id="wtsa-res-1@x", part="section 2", label=label,
                      instrument=Instrument(body="WTSA", number="1"), text=text, span=(0, len(text)))

    head = c("2.3", "Participation in meetings")
    said = c("2.3.1", "Documents for meetings are published in the official languages of the Union as soon as "
                      "practicable.")
    assert _is_heading(head.text) and not _is_heading(said.text)
    assert not _is_heading("TSAG shall meet at least once a year")
    # a short line that only asks says nothing either (TP.inno's headings and questionnaire)
    assert _is_heading("Central or Distributed incubation queue?")
    assert _is_heading("Is the queue manageable, or too big, etc.")
    assert not _is_heading("How is the special session organized? Given the growing size of SG17 it is expected "
                           "that each question sends at least one representative to it.")
    hits = [SearchHit(clause=head, score=0.8), SearchHit(clause=said, score=0.75)]
    assert rerank(hits, read_query("what does res 1 say about languages for meetings?"))[0].clause.label == "2.3.1"
    # asked for by number, a heading is what was asked for: "cite" keeps the search's order
    assert rerank(hits, read_query("res 1 section 2.3"))[0].clause.label == "2.3"


def test_who_does_a_verb_is_also_the_agent_of_its_passive() -> None:
    """"Who approves new Questions?" — "New or revised Questions may be approved by a study group if …"."""
    from retrieval.answering.compose.direct import doer
    from retrieval.core.models import Clause, Instrument

    text = "New or revised Questions may be approved by a study group if consensus at the study group meeting is achieved."
    c = Clause(clause_id="wtsa-res-1@x#s7.2.2", doc_id="wtsa-res-1@x", part="section 7", label="7.2.2",
               instrument=Instrument(body="WTSA", kind="resolution", number="1"), text=text, span=(0, len(text)))
    found = doer("who approves new Questions between assemblies?", c)
    assert found is not None and "study groups" in found[0].name
    assert doer("who drafts new Questions?", c) is None


def test_who_manages_is_who_is_responsible_for_the_management_and_a_topic_may_come_first() -> None:
    """"joint SG that WTSA sets up with the radio side - who manages it?" named ITU-T and ITU-R from the first
    sentence; the second says "ITU-T shall be responsible for the management of this study group"."""
    from retrieval.answering.compose.direct import answer_with_actor, asks_doer, doer
    from retrieval.core.models import Clause, Instrument

    text = ("A study group may be set up by WTSA in order to carry out joint studies with the ITU Radiocommunication "
            "Sector (ITU-R) and prepare draft Recommendations on questions of common interest. ITU-T shall be "
            "responsible for the management of this study group and approval of its Recommendations.")
    c = Clause(clause_id="wtsa-res-1@x#s2.1.5", doc_id="wtsa-res-1@x", part="section 2", label="2.1.5",
               instrument=Instrument(body="WTSA", kind="resolution", number="1"), text=text, span=(0, len(text)))
    q = "joint SG that WTSA sets up together with the radio side - who manages it and signs off its Recommendations?"
    assert asks_doer(q)
    found = doer(q, c)
    assert found is not None and found[0].name == "ITU-T" and found[1].startswith("ITU-T shall be responsible"), found
    short = answer_with_actor(q, c, best=True)
    assert short is not None and short[0].startswith("ITU-T:") and short[1] == ["ITU-T"], short
    # responsible for something else is no answer to who manages
    assert doer("who manages it?", c.model_copy(update={"text": "ITU-T shall be responsible for the approval of "
                                                                 "its Recommendations."})) is None


def test_which_question_of_a_sectors_study_group_and_a_group_named_after_its_sector_in_brackets() -> None:
    """"In ITU-D, which SG Question covers disaster risk reduction?": Question 5/2, which Res 136 names as of
    "ITU Telecommunication Development Sector (ITU-D) Study Group 2"."""
    from retrieval.answering.compose.direct import answer_with_actor, asks_which_question
    from retrieval.core.models import Clause, Instrument

    assert asks_which_question("In ITU-D, which SG Question covers using telecoms for disaster risks?")
    assert asks_which_question("which ITU-D study group Question handles it?")
    assert not asks_which_question("which SG Questions are listed in annex 2?")
    text = ("the activities that are carried out in ITU Telecommunication Development Sector (ITU-D) Study Group 2 "
            "under its Question 5/2, on utilizing telecommunications/ICTs for disaster risk reduction and management;")
    c = Clause(clause_id="pp-res-136@x#noting.f", doc_id="pp-res-136@x", part="noting", label="f)",
               instrument=Instrument(body="PP", kind="resolution", number="136"), text=text, span=(0, len(text)))
    short = answer_with_actor("In ITU-D, which SG Question covers using telecoms to reduce disaster risks?", c, best=True)
    assert short is not None and short[0].startswith("Question 5/2:"), short
    group = answer_with_actor("which study group handles disaster risk reduction?", c, best=True)
    assert group is not None and group[0].startswith("ITU-D Study Group 2:") and group[1] == ["ITU-D"], group


def test_a_glossary_entry_defines_its_term_and_a_definition_may_be_asked_in_chat() -> None:
    """"sorry basic q - what's an accounting rate in the D-series sense?" was read as asking for an amount and
    abstained; D.000's entry "Accounting rate" (its line) then "The rate agreed …" defines it."""
    from retrieval.answering.compose.direct import defined_term, defines

    assert defined_term("sorry basic q - what's an accounting rate in the D-series sense?") == "accounting rate"
    assert defined_term("what is a JCA in ITU speak?") == "JCA"
    assert defined_term("what's a hub in the D-series?") == "hub"
    entry = "Accounting rate\nThe rate agreed between Administrations in a given relation."
    assert defines(entry, "accounting rate")
    assert not defines("Accounting rate share\nThe part of the accounting rate corresponding to …", "accounting rate")


def test_a_deadline_question_takes_the_clause_that_sets_a_limit_on_what_it_asks_about() -> None:
    """"what's the deadline for submitting contributions to a study group meeting?" led with A.1 §1.1.4 (the
    timetable communicated "well in advance (one year)"), then A.Sup5's convening letter "two months prior";
    §3.1.8 sets the limit on contributions: "at least 12 calendar days before the meeting"."""
    from retrieval.answering.answer import rerank
    from retrieval.answering.compose.direct import asks_deadline, gives_deadline
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit

    def c(label: str, text: str) -> Clause:
        return Clause(clause_id=f"itu-t-rec-a.1@x#clause.{label}", doc_id="itu-t-rec-a.1@x", part="clause",
                      label=label, instrument=Instrument(body="ITU-T", kind="recommendation", number="A.1"),
                      text=text, span=(0, len(text)))

    timetable = c("1.1.4", "The timetable of meetings shall be prepared and communicated to participating bodies well "
                           "in advance (one year), to give them time to study problems and submit contributions "
                           "within the prescribed time-limits.")
    notice = c("III.2.4", "Meeting notices and the agenda respect the deadlines of both ITU-T (e.g., a convening "
                          "letter for rapporteur meetings is posted, normally at least two months prior to the "
                          "meeting, on the study group webpage) and the organization. Each agenda provides a list "
                          "of documents to be considered, including input contributions.")
    limit = c("3.1.8", "Contributions that are to be considered at a study group or working party meeting shall "
                       "reach TSB at least 12 calendar days before the meeting.")
    q = "what's the deadline for submitting contributions to a study group meeting?"
    assert asks_deadline(q) and asks_deadline("how far ahead do contributions need to reach the convenor?")
    assert not asks_deadline("how long is the Last Call period?")
    assert gives_deadline(limit.text, q) and not gives_deadline(timetable.text, q)
    assert not gives_deadline(notice.text, q)  # a limit on the convening letter, not on contributions
    hits = [SearchHit(clause=timetable, score=0.97), SearchHit(clause=notice, score=0.89),
            SearchHit(clause=limit, score=0.84)]
    assert rerank(hits, read_query(q))[0].clause.label == "3.1.8"
    # asked about the timetable, "well in advance (one year)" is its limit, not the collective letter's
    letter = c("1.3.2", "This collective letter should be received by bodies participating in the activities of "
                        "particular ITU-T study groups, as far as practicable, two months before the beginning of "
                        "the meeting.")
    timetable_q = "How far ahead must the timetable of study group meetings be communicated?"
    assert gives_deadline(timetable.text, timetable_q) and not gives_deadline(letter.text, timetable_q)


def test_what_a_question_sets_aside_is_not_its_answer() -> None:
    """blind27: "longest arrears repayment schedule an LDC can normally get, leaving aside disaster or conflict
    cases?" answered "Up to thirty years" from the bullet on countries in special need due to natural
    disasters and civil conflicts; the rule for LDCs is "up to fifteen years"."""
    from retrieval.answering.answer import rerank
    from retrieval.answering.compose.direct import set_aside
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit

    def c(label: str, text: str) -> Clause:
        return Clause(clause_id=f"pp-res-41@x#instructs-the-itu-council.{label}", doc_id="pp-res-41@x",
                      part="instructs the ITU Council", label=label,
                      instrument=Instrument(body="PP", kind="resolution", number="41"), text=text, span=(0, len(text)))

    special = c("2", "• a repayment schedule for up to thirty years maximum for countries in special need due to "
                     "natural disasters, civil conflicts or extreme economic hardship;")
    rule = c("1", "to review the guidelines for repayment schedules, including a maximum duration, which would be up "
                  "to five years for developed countries, up to ten years for developing countries and up to fifteen "
                  "years for least developed countries;")
    q = "longest arrears repayment schedule an LDC can normally get, leaving aside disaster or conflict cases?"
    assert {"disast", "conflict"} <= set_aside(q) and "case" not in set_aside(q)
    assert not set_aside("longest repayment schedule for an LDC?")
    hits = [SearchHit(clause=special, score=0.9), SearchHit(clause=rule, score=0.8)]
    assert rerank(hits, read_query(q))[0].clause.label == "1"


def test_what_is_x_prefers_the_clause_that_defines_x() -> None:
    """Tried as a new user: "what does TAP stand for?" led with A.Sup5 IV.6 (which uses TAP), "what is the
    ISCG?" with "Collaboration between the task force and the ISCG is scheduled."."""
    from retrieval.answering.answer import rerank
    from retrieval.answering.compose.direct import defined_term, defines
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit

    assert defined_term("what does TAP stand for?") == "TAP"
    assert defined_term("what's a JCA?") == "JCA"
    assert defined_term("what is the incubation mechanism?") == "incubation mechanism"
    assert defined_term("what is TSB instructed to do on gender equality in the ITU?") is None
    assert defines("The incubation mechanism is a mechanism that allows any contribution …", "incubation mechanism")
    assert defines("AAP\tAlternative Approval Process\nTAP\tTraditional Approval Process", "TAP")
    assert defines("the establishment of the Inter-Sector Coordination Group on issues of mutual interest (ISCG)", "ISCG")
    assert not defines("JCAs are open, but should primarily be limited to official representatives", "JCA")
    assert not defines("Collaboration between the task force and the ISCG is scheduled.", "ISCG")

    def c(label: str, text: str) -> Clause:
        return Clause(clause_id=f"itu-t-sup-a.sup5@x#clause.{label}", doc_id="itu-t-sup-a.sup5@x", part="clause",
                      label=label, instrument=Instrument(body="ITU-T", kind="supplement", number="A.Sup5"),
                      text=text, span=(0, len(text)))

    uses = c("IV.6", "If no negative votes are submitted during the AAP Last Call or the TAP consultation, …")
    spelt = c("4", "This Supplement uses the following abbreviations and acronyms: AAP\tAlternative Approval Process "
                   "TAP\tTraditional Approval Process")
    hits = [SearchHit(clause=uses, score=0.97), SearchHit(clause=spelt, score=0.8)]
    assert rerank(hits, read_query("what does TAP stand for?"))[0].clause.label == "4"


def test_a_count_of_the_noun_asked_leads_how_many() -> None:
    """"How many official languages …?" is answered by the count the text gives of that noun ("the six
    official languages of the Union"), ending at the noun; a count of something else answers nothing."""
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.core.models import Clause, Instrument

    def _first(found: tuple[str, object] | None) -> str:
        return found[0] if found else ""

    text = ("to continue to take all necessary measures to ensure use of the six official languages of the Union on "
            "an equal footing;")
    c = Clause(clause_id="pp-res-154@x#resolves", doc_id="pp-res-154@x", instrument=Instrument(body="PP"),
               part="resolves", text=text, span=(0, len(text)))
    assert _first(answer_with_actor("how many official languages does ITU have?", c, best=True)).startswith("Six official languages:")
    signed = c.model_copy(update={"text": "that four States have signed the Space Protocol at the date of this conference;"})
    assert _first(answer_with_actor("how many States have signed the space protocol?", signed, best=True)).startswith("Four States:")
    assert not _first(answer_with_actor("how many regional offices does ITU have?", c, best=True)).startswith("Six")


def test_to_whom_is_never_answered_by_the_one_tasked() -> None:
    """"Who does MSAG report to?" against "instructs the Secretary-General: to work closely with MSAG": the
    Secretary-General is tasked, not reported to, so no lead; "who receives the annual report …?" asks whom
    it goes to, answered by the body the clause reports to."""
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.core.models import Clause, Instrument, Mandate

    def c(text: str, mandates: list[Mandate]) -> Clause:
        return Clause(clause_id="pp-res-212@x#instructs-the-secretary-general.2", doc_id="pp-res-212@x",
                      instrument=Instrument(body="PP", kind="resolution", number="212"),
                      part="instructs the Secretary-General", label="2", text=text, span=(0, len(text)),
                      mandates=mandates)

    sg = c("to work closely with MSAG, and with the host country through the Liaison Committee;",
           [Mandate(actor="Secretary-General", role="instructed", what="to work closely with MSAG")])
    assert answer_with_actor("who does MSAG report to?", sg, best=True) is None
    report = c("to present annually to the Council a report on the budget for translation;",
               [Mandate(actor="Secretary-General", role="instructed", what="to present annually to the Council"),
                Mandate(actor="Secretary-General", role="reports", to="Council", what="a report on the budget")])
    found = answer_with_actor("who receives the annual report on the translation budget?", report, best=True)
    assert found is not None and found[0].startswith("Council:"), found


def test_how_long_a_meeting_lasts_is_a_length_not_when_it_is_held() -> None:
    """"How long can a plenipotentiary conference last?": "a duration of three weeks" answers; "held in the
    last quarter of 2022" (when, not how long) gives no lead, and the judge does not ask the clause giving
    the length to repeat "how long … last"."""
    import re

    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.answering.compose.evidence import judge
    from retrieval.core.models import Clause, Instrument

    q = "how long can a plenipotentiary conference last?"

    def c(text: str) -> Clause:
        return Clause(clause_id="pp-res-77@x#resolves.2", doc_id="pp-res-77@x", instrument=Instrument(body="PP"),
                      part="resolves", label="2", text=text, span=(0, len(text)))

    held = c("the Plenipotentiary Conference shall be held in the last quarter of 2022;")
    assert answer_with_actor(q, held, best=True) is None
    weeks = c("that plenipotentiary conferences shall, unless there is a pressing need otherwise, be limited to a "
              "duration of three weeks;")
    found = answer_with_actor(q, weeks, best=True)
    assert found is not None and found[0].startswith("Three weeks:"), found
    words = {"long", "plenipotentiary", "conference", "last"}

    def cov(t: str) -> float:
        return len(words & set(re.findall(r"\w+", t.lower()))) / len(words)

    v = judge(q, [held, weeks], corpus_has=lambda s: True, known_word=lambda w: True, coverage=cov)
    assert not v.abstain, v


def test_in_advance_answers_when_but_not_how_long() -> None:
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.core.models import Clause, Instrument

    text = ("In this way, study group chairmen and delegates will be given the opportunity to consider the "
            "contributions in advance, thus helping to make meetings more efficient.")
    c = Clause(clause_id="a1#clause.3", doc_id="a1", instrument=Instrument(), part="clause", label="3", text=text,
               span=(0, len(text)))
    found = answer_with_actor("how long can someone chair a study group?", c, best=True)
    assert not (found and found[0].startswith("In advance")), found
    paid = c.model_copy(update={"text": "Member States shall pay in advance their annual contributory shares;"})
    found = answer_with_actor("when do member states have to pay their shares?", paid, best=True)
    assert found is not None and found[0].startswith("In advance:"), found


def test_who_actually_does_it_reads_the_verb_after_the_chat_adverb() -> None:
    """"who actually appoints the TSAG chair?" asks who appoints: "WTSA shall appoint …" answers it."""
    from retrieval.answering.compose.direct import doer
    from retrieval.core.models import Clause, Instrument

    text = "WTSA shall appoint the chairman and vice-chairmen of TSAG in accordance with WTSA Resolution 35."
    c = Clause(clause_id="wtsa-res-1@x#s4.3bis", doc_id="wtsa-res-1@x", instrument=Instrument(body="WTSA"),
               part="SECTION 4", label="4.3bis", text=text, span=(0, len(text)))
    found = doer("who actually appoints the TSAG chair and vice-chairs?", c)
    assert found is not None and found[0].name == "WTSA", found


def _tsb_tasked(number: str, label: str, text: str) -> Clause:
    """A clause of PP Resolution `number` under "instructs the Director of TSB", with that mandate."""
    from retrieval.core.models import Clause, Instrument, Mandate

    return Clause(clause_id=f"pp-res-{number}@x#instructs-the-director-of-tsb.{label}", doc_id=f"pp-res-{number}@x",
                  instrument=Instrument(body="PP", kind="resolution", number=number),
                  part="instructs the Director of TSB", label=label, text=text, span=(0, len(text)),
                  mandates=[Mandate(actor="Director of TSB", sector="ITU-T", role="instructed", what=text)])


def test_who_is_doing_after_a_topic_and_which_two_directors_ask_for_actors() -> None:
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.core.models import Mandate

    tsb = _tsb_tasked("177", "2", "to continue to carry out pilot projects for conformity to ITU-T recommendations;")
    found = answer_with_actor("C&I: who's doing the conformity pilots against ITU-T recs?", tsb, best=True)
    assert found is not None and found[0].startswith("Director of TSB (ITU-T):") and found[1] == ["ITU-T"], found
    text2 = "to instruct the Director of BR and the Director of BDT to ensure that this resolution is implemented,"
    both = tsb.model_copy(update={"text": text2, "part": "resolves", "mandates": [
        Mandate(actor="Director of BR", sector="ITU-R", role="instructed", what=text2),
        Mandate(actor="Director of BDT", sector="ITU-D", role="instructed", what=text2)]})
    found = answer_with_actor("res 125 - which two bureau directors have to make sure it gets implemented?", both,
                              best=True)
    assert found is not None and found[1] == ["ITU-R", "ITU-D"], found


def test_who_after_a_dash_with_a_bare_verb_asks_for_the_actor() -> None:
    """"res130 anti-spam projects - who facilitate them?" (the verb as the speller corrected it)."""
    from retrieval.answering.compose.direct import answer_with_actor

    c = _tsb_tasked("130", "1-iii", "facilitate projects deriving from the outcomes of WTSA, in particular Resolution 52 "
                    "on spam;")
    found = answer_with_actor("res 130 anti-spam projects from wtsa res 52 - who facilitate them?", c, best=True)
    assert found is not None and found[0].startswith("Director of TSB (ITU-T):"), found


def test_a_span_before_a_hyphenated_name_keeps_the_name_whole() -> None:
    """"by 4 months before the ITU‑T study group meeting" (a no-break hyphen): not "… before the ITU"."""
    from retrieval.answering.compose.direct import _SPAN

    text = "a) for TAP: by 4 months before the ITU\u2011T study group (or working party) meeting"
    assert [m.group(0) for m in _SPAN.finditer(text)] == ["4 months before the ITU\u2011T"]


def test_a_question_set_aside_is_not_the_answer() -> None:
    """"If Q4 hadn't been picked, which question was next in line?": "Q4 hosts the incubation management"
    names the Question set aside, so it does not lead; "… Q4 is the best candidate but with Q2 as the next
    one" answers with Q2."""
    from retrieval.answering.compose.direct import question_named

    q = "in TP.inno, if Q4 hadn't been picked to host incubation, which question was next in line?"
    assert question_named(q, "Q4 hosts the incubation management part of the incubation mechanism.") is None
    found = question_named(q, "Q4 is right now the best candidate to host incubation, with Q2 as the next one in line.")
    assert found is not None and found[0] == "Q2", found
    assert question_named("which question hosts the incubation queue?", "Q4 hosts the incubation queue.") is not None
    assert question_named("other than Q4, which question could host the queue?", "Q4 hosts the queue.") is None


def test_the_agent_of_a_passive_writes_the_report_not_the_meeting_before_it() -> None:
    """"A report on … a meeting of a study group, working party … shall be prepared by TSB": TSB prepares it (the
    study group before "shall be prepared" is what the report is about), and "writes up" is "prepares"."""
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.core.models import Instrument

    text = ("A report on the work done during a meeting of a study group, working party or joint working party "
            "shall be prepared by TSB.")
    report = Clause(clause_id="itu-t-rec-a.1@x#clause.1.7.1", doc_id="itu-t-rec-a.1@x", text=text, span=(0, len(text)),
                    instrument=Instrument(body="ITU-T", kind="recommendation", number="A.1"), part="clause 1.7.1")
    for q in ("who prepares the report of a working party meeting?",
              "who actually writes up the report of a working party meeting, TSB or the WP chair?"):
        found = answer_with_actor(q, report, best=True)
        assert found is not None and found[0].startswith("TSB:") and found[1] == ["ITU-T"], (q, found)


def test_which_study_groups_names_every_group_of_the_sentence_with_its_sector() -> None:
    """PP Res 21 resolves 4: "the appropriate ITU-T study groups, particularly Study Groups 2 and 3, and ITU-D
    Study Group 1" is answered with both Sectors' groups, and both Sectors lead."""
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.core.models import Instrument

    def c(text: str) -> Clause:
        return Clause(clause_id="pp-res-21@x#resolves.4", doc_id="pp-res-21@x", instrument=Instrument(body="PP"),
                      part="resolves", text=text, span=(0, len(text)))

    cli = c("to request the appropriate ITU-T study groups, particularly Study Groups 2 and 3, and ITU-D Study "
            "Group 1, through contributions of Member States and Sector Members, to continue to study:")
    found = answer_with_actor("which study groups keep looking at origin identification?", cli, best=True)
    assert found is not None, found
    assert found[0].startswith("ITU-T Study Groups 2 and 3 and ITU-D Study Group 1:"), found
    assert found[1] == ["ITU-T", "ITU-D"]


def test_how_long_a_thing_lasts_is_not_a_notice_or_a_window_before_it() -> None:
    """"How long is a JCA meeting?" is not "announced at least four weeks in advance"; asked how far ahead, it is."""
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.answering.query import search_form
    from retrieval.core.models import Instrument

    text = "If a separate meeting is to be held, it is to be announced at least four weeks in advance by a collective letter."
    jca = Clause(clause_id="itu-t-rec-a.1@x#clause.2.2.5", doc_id="itu-t-rec-a.1@x", text=text, span=(0, len(text)),
                 instrument=Instrument(body="ITU-T", kind="recommendation", number="A.1"), part="clause 2.2.5")
    assert answer_with_actor("how long is a separate meeting?", jca, best=True) is None
    ahead = answer_with_actor("how long in advance is a separate meeting announced?", jca, best=True)
    assert ahead is not None and ahead[0].startswith("At least four weeks"), ahead
    # "how long can someone stay as chairman?" is searched as the texts put it, a maximum term of office
    assert "maximum term of office as study group chairman" in search_form(
        "how long can someone stay as study group chairman?")


def test_how_long_in_seconds_and_the_thing_named_first() -> None:
    """U.1 §9.3.2: "U.1 guard delay - how long are incoming calls refused after clearing?" is "1 second" (seconds
    had not counted as a length; the guard delay is named before the question, and a sentence giving a span of
    it is about what was asked)."""
    from retrieval.answering.compose.direct import answer_with_actor, states_quantity_of
    from retrieval.core.models import Instrument

    def c(label: str, text: str) -> Clause:
        return Clause(clause_id=f"itu-t-rec-u.1@x#clause.{label}", doc_id="itu-t-rec-u.1@x", text=text,
                      span=(0, len(text)), instrument=Instrument(body="ITU-T", kind="recommendation", number="U.1"),
                      part=f"clause {label}")

    guard = c("9.3.2", "A guard delay of 1 second will be maintained during which incoming calls will not be "
                       "accepted and a guard delay of 2 seconds will be maintained during which outgoing calls will "
                       "not be offered.")
    q = "U.1 guard delay - how long are incoming calls refused after clearing?"
    found = answer_with_actor(q, guard, best=True)
    assert found is not None and found[0].startswith("1 second"), found
    assert states_quantity_of(q, guard.text)


def test_a_sector_offered_by_its_letter_and_put_into_practice() -> None:
    """blind40: "consumer protection - is that D's job or T's?" offers two Sectors to choose from (the clause that
    tasks one answers); "put X into practice" is searched as the texts say it, "implement X"."""
    from retrieval.answering.compose.ask import offers_sector
    from retrieval.answering.query import search_form

    assert offers_sector("consumer protection for telecom/ICT users - is that D's job or T's?")
    assert offers_sector("is it T's work?")
    assert not offers_sector("what's the deadline and what's it for?")
    assert "implement the security Recommendations" in search_form(
        "who helps developing countries put the security Recommendations into practice?")


def test_what_a_resolution_resolves_is_its_resolves_part() -> None:
    """A new-user trial: "what does res 191 resolve about coordination between the three sectors?" never showed
    Res 191's one resolves clause; the verb names the part asked for."""
    from retrieval.answering.answer import part_verb_asked, rerank
    from retrieval.answering.query import read_query
    from retrieval.core.models import Instrument, SearchHit

    inst = Instrument(body="PP", kind="resolution", number="191")

    def c(part: str, text: str) -> Clause:
        return Clause(clause_id=f"pp-res-191@x#{part.replace(' ', '-')}", doc_id="pp-res-191@x", instrument=inst,
                      part=part, text=text, span=(0, len(text)))

    told = c("instructs the Secretary-General", "to identify overlapping functions between the three Sectors")
    resolved = c("resolves", "that RAG, TSAG and TDAG shall continue to consider activities and their distribution")
    q = read_query("what does res 191 resolve about coordination between the three sectors?")
    assert part_verb_asked(q) == "resolves"
    ranked = rerank([SearchHit(clause=told, score=1.0), SearchHit(clause=resolved, score=0.85)], q)
    assert ranked[0].clause is resolved
    assert part_verb_asked(read_query("what does the SG do about coordination?")) == ""


def test_a_clause_is_about_what_its_documents_title_names() -> None:
    """"after an AAP meeting, how soon must the Director notify the result?": A.8 §6.2 and Res 1 §9.6.1 say the
    same of their own process; the one in the Recommendation titled "Alternative approval process" is about
    AAP, though its clause never writes the word."""
    from retrieval.answering.answer import rerank
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit
    from retrieval.indexing.lexical import LexicalIndex, lexical_tokens

    text = "Within two weeks of the closing date of the study group meeting, the Director shall notify by circular."
    aap = Clause(clause_id="itu-t-rec-a.8@x#clause.6.2", doc_id="itu-t-rec-a.8@x", part="clause", label="6.2",
                 instrument=Instrument(kind="recommendation", number="A.8",
                                       title="Alternative approval process for new and revised ITU-T Recommendations"),
                 text=text, span=(0, len(text)))
    tap = aap.model_copy(update={"clause_id": "wtsa-res-1@x#s9.6.1", "doc_id": "wtsa-res-1@x", "label": "9.6.1",
                                 "instrument": Instrument(body="WTSA", kind="resolution", number="1",
                                                          title="Rules of procedure of ITU-T")})
    index = LexicalIndex(["1", "2", "3"], [lexical_tokens(t) for t in (
        text, "alternative approval process (AAP) last call", "traditional approval process (TAP) consultation")])
    q = "after an AAP meeting, how soon must the Director notify the result?"
    coverage = index.coverage_of(q, [("AAP", "alternative approval process")])
    hits = [SearchHit(clause=tap, score=0.8), SearchHit(clause=aap, score=0.8)]
    assert rerank(hits, read_query(q), coverage)[0].clause.doc_id == "itu-t-rec-a.8@x"


def test_a_when_question_is_answered_by_the_sentence_that_says_when() -> None:
    from retrieval.answering.compose.direct import best_segment

    text = ("Correspondence activities may be authorized to be conducted via e-mail between meetings. Each "
            "correspondence activity should have specified terms of reference. A convener is appointed to moderate "
            "the e-mail discussion. A correspondence activity should normally conclude no later than the "
            "contribution deadline of the meeting to which it is expected to report.")
    got = best_segment(text, "when should an email correspondence activity wrap up?", quantity=True)
    assert got.startswith("A correspondence activity should normally conclude no later than"), got


def test_a_time_fixed_by_an_event_answers_when() -> None:
    from retrieval.answering.compose.direct import answer_sentence
    from retrieval.answering.compose.evidence import judge
    from retrieval.core.models import Clause, Instrument

    text = ("Correspondence activities may be authorized to be conducted via e-mail between meetings. A correspondence "
            "activity should normally conclude no later than the contribution deadline of the meeting to which it is "
            "expected to report.")
    c = Clause(clause_id="a#1.6", doc_id="a", instrument=Instrument(), part="clause", text=text, span=(0, 1))
    q = "when should a correspondence activity conclude?"
    got = answer_sentence(q, c)
    assert got is not None and got.startswith("No later than the contribution deadline:"), got
    verdict = judge(q, [c], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.6)
    assert not verdict.abstain, verdict


def test_the_latest_date_asked_is_the_no_later_than_span() -> None:
    from retrieval.answering.compose.direct import answer_sentence
    from retrieval.core.models import Clause, Instrument

    text = ("In order to help the assembly appoint chairmen, Member States are encouraged to indicate to the Director "
            "of the Bureau suitable candidates preferably three months, but no later than two weeks, before the "
            "opening of the assembly or conference.")
    c = Clause(clause_id="a#1", doc_id="a", instrument=Instrument(), part="annex 1", label="1 a)", text=text, span=(0, 1))
    got = answer_sentence("latest date to send the bureau director names of candidates before the assembly?", c, 0.3)
    assert got is not None and got.startswith("No later than two weeks:"), got


def test_how_far_ahead_a_thing_is_sent_is_its_own_time_limit() -> None:
    from retrieval.answering.compose.direct import gives_deadline

    q = "how far ahead should the SG meeting timetable be sent out to members?"
    timetable = ("The timetable of meetings shall be prepared and communicated to participating bodies well in advance "
                 "(one year), to give them time to study problems and submit contributions.")
    invitation = ("The invitation to the meeting should be sent to all Member States so as to be received at least "
                  "three months before the meeting.")
    assert gives_deadline(timetable, q) and not gives_deadline(invitation, q)
    # the thing's head noun, however the phrase runs on
    assert gives_deadline(timetable, "How far ahead must the timetable of study group meetings be communicated?")


def test_the_quantity_a_clause_introduces_is_read_from_the_clause_after_it(tmp_path: Path) -> None:
    """U.1 §10.4.1 introduces the backward busying signal; §10.4.2 gives its duration in words too far from
    the question to be found: it is brought in second."""
    from retrieval import Service
    from retrieval.answering.query import read_query
    from retrieval.core.models import SearchHit
    from tests.conftest import make_settings

    doc = tmp_path / "u1.txt"
    doc.write_text("Signals for telex test\n\n10.4 Backward busying\n\n10.4.1 To facilitate routine tests of the switching "
                   "equipment, a backward busying signal might be sent on the return signalling channel.\n\n10.4.2 With "
                   "fully-automatic operation, the signal would take the form of permanent stop polarity for not more "
                   "than 5 minutes.\n\n10.5 Retest signals\n\n10.5.1 Administrations may apply a retest signal after "
                   "10 seconds.\n", encoding="utf-8")
    service = Service(make_settings(tmp_path / "data", embedder="hash"))
    assert not service.ingest([doc]).failed
    answering = service._answering()
    catalog = answering.corpus.catalog()
    clauses = [catalog.clause_at(i) for i in range(len(catalog.ids))]
    intro = next(c for c in clauses if c.text.startswith("10.4.1"))
    got = answering._with_sibling_quantity(read_query("backward busying signal for routine tests - max duration?"),
                                           [SearchHit(clause=intro, score=1.0)])
    assert [h.clause.text[:6] for h in got] == ["10.4.1", "10.4.2"], got


def test_how_often_is_no_answer_to_how_long() -> None:
    from retrieval.answering.compose.direct import answer_sentence
    from retrieval.core.models import Clause, Instrument

    text = "TSAG shall hold regular scheduled meetings. The meetings should take place as necessary, but at least once a year."
    c = Clause(clause_id="a#4.5", doc_id="a", instrument=Instrument(), part="section", label="4.5", text=text, span=(0, 1))
    got = answer_sentence("how long can TSAG meetings last?", c, 0.3)
    assert got is None or not got.startswith("At least once a year"), got
    often = answer_sentence("how often does TSAG meet?", c, 0.3)
    assert often is not None and often.startswith("At least once a year"), often


def test_a_body_asked_for_in_a_sectors_own_text_is_that_sectors() -> None:
    from retrieval.answering.compose.ask import compose_ask
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument, SearchHit

    text = ("A study group may be designated by WTSA or TSAG as the lead study group for ITU-T studies forming a defined "
            "programme of work involving a number of study groups.")

    def hit(inst: Instrument) -> SearchHit:
        return SearchHit(clause=Clause(clause_id="x#2.1.6", doc_id="x", instrument=inst, part="section", label="2.1.6",
                                       text=text, span=(0, len(text))), score=1.0)

    q = read_query("work programme spanning several SGs — who can name one SG as the lead for it?")
    wtsa = compose_ask(q, [hit(Instrument(body="WTSA", kind="resolution", number="1"))])
    assert wtsa.lead_sectors == ["ITU-T"], wtsa
    pp = compose_ask(q, [hit(Instrument(body="PP", kind="resolution", number="9"))])
    assert pp.lead_sectors == [], pp


def test_a_bureau_director_named_as_the_answer_carries_the_sector() -> None:
    """blind15/64/69: "who keeps the database of harmful interference cases?" answered "Director of BR", and the
    asker wanted the Sector too."""
    from retrieval.answering.compose.direct import with_sectors

    assert with_sectors("Director of BR") == "Director of BR (ITU-R)"
    assert with_sectors("Director of TSB and Director of BDT") == "Director of TSB (ITU-T) and Director of BDT (ITU-D)"
    assert with_sectors("Secretary-General") == "Secretary-General"
    assert with_sectors("Director of BR (ITU-R)") == "Director of BR (ITU-R)"


def test_the_time_of_one_doers_own_step_is_the_sentence_where_it_does_it() -> None:
    """blind144: "how long before WTSA does TSAG meet …?" answered "at least one month" (the Director informing
    the membership before WTSA), not §7.3.1's "At least two months prior to WTSA, TSAG shall meet"."""
    from retrieval.answering.compose.direct import asks_doers_time, states_quantity_of

    q = "how long before WTSA does TSAG meet to go over the proposed Questions?"
    assert asks_doers_time(q)
    assert states_quantity_of(q, "At least two months prior to WTSA, TSAG shall meet to consider, review and "
                                 "recommend changes to Questions.")
    assert not states_quantity_of(q, "At least one month before WTSA, the Director shall inform the Member States of "
                                     "the list of proposed Questions, as agreed by TSAG.")
    assert not states_quantity_of(q, "The proposal is published four weeks prior to the TSAG meeting.")
