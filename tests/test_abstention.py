"""Honest abstention: near-domain questions the corpus cannot answer get no answer and a reason naming
what is missing (through retrieval.Service on a real index); thin evidence is flagged; and the pure
evidence judge on MemoryCorpus-free inputs."""

from __future__ import annotations

import re

import pytest

from retrieval.answering.compose.evidence import Verdict, content_terms, judge, named_things
from retrieval.core.models import Answer, Clause, Instrument


def ask(service: object, q: str) -> Answer:
    return service.answer(q)  # type: ignore[attr-defined,no-any-return]


def test_near_domain_questions_abstain_and_say_what_is_missing(corpus_service: object) -> None:
    cases = {
        "What is the ITU budget for 2025?": "2025",
        "Who won WRC-23 allocation for 6 GHz?": "WRC-23",
        "When is the next Plenipotentiary Conference?": "date",
        "price of coffee in Geneva": "coffee",
        "Who is the current Secretary-General of ITU?": "not who holds them",
        # what became of a proposal, elections, a Recommendation only cited by others
        "did the assembly actually adopt the changes RCC proposed to Res 57?": "what a meeting decided",
        "who got elected chairman of TSAG at the last assembly?": "was elected",
        "how long does the Last Call comment period run under A.8?": "Recommendation A.8 is not in the corpus",
    }
    for q, missing in cases.items():
        ans = ask(corpus_service, q)
        assert ans.abstained and not ans.citations, (q, ans.text)
        assert missing in ans.text, (q, ans.text)
        assert ans.to_json_dict()["abstained"] is True


def test_answerable_questions_are_not_abstained(corpus_service: object) -> None:
    for q in ("What are TSAG's principal duties?", "Who appoints the chairmen of study groups?",
              "What does WTDC Resolution 59 cover according to Resolution 57?",
              "When is the deadline for submitting contributions to the assembly?"):
        ans = ask(corpus_service, q)
        assert not ans.abstained and ans.citations, (q, ans.text)


def clause(text: str) -> Clause:
    return Clause(clause_id="x#a", doc_id="x", instrument=Instrument(), part="resolves", text=text, span=(0, 1))


def test_a_paraphrase_sharing_few_words_with_its_clause_is_thin_not_abstained() -> None:
    # "outside know-how" is the text's "external expertise": low word coverage is no proof of absence
    c = clause("to reinforce the ITU Management Board with external expertise in the field of project and risk "
               "management;")
    got = judge("HQ building project: what outside know-how is the SG supposed to bring into ITU's top management "
                "set-up?", [c], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.1)
    assert not got.abstain and got.thin, got


def test_a_unit_asked_before_what_it_measures_wants_a_value_in_it() -> None:
    q = "E.119 - what's the max latency in seconds for delivering a broadcast message to staff?"
    kw = {"corpus_has": lambda s: True, "known_word": lambda w: True, "coverage": lambda t: 0.7}
    none = judge(q, [clause("It is recommended that broadcast messages be delivered to selected users.")], **kw)
    assert none.abstain and "seconds" in none.reason, none
    assert not judge(q, [clause("Broadcast messages shall be delivered within 30 seconds.")], **kw).abstain


def test_a_number_the_asked_duty_is_about_is_not_the_value_asked() -> None:
    c = clause("to take appropriate measures to ensure that all operators inform local and roaming users of the "
               "numbers in use to contact emergency services;")
    kw = {"corpus_has": lambda s: True, "known_word": lambda w: True, "coverage": lambda t: 0.7}
    duty = judge("are member states asked to do anything about letting roaming users know which emergency numbers "
                 "to dial?", [c], **kw)
    assert not duty.abstain, duty
    assert judge("which emergency number was picked for roaming users?", [c], **kw).abstain


def test_blind47_kinds_of_near_domain_question() -> None:
    text = ("D.000 Accounting rate The rate agreed between Administrations in a given relation; inputs should be sent to the "
            "TSB counsellor concerned; the report of the Council on the accounts of the Union for 2014-2017")

    def has(x: str) -> bool:
        return x in text

    kw = {"corpus_has": has, "known_word": lambda w: True, "coverage": lambda t: 0.7}
    v = judge("D.000 - how is a 'roaming charge' defined?", [clause(text)], **kw)
    assert v.abstain and "roaming charge" in v.reason, v
    assert not judge("what does 'accounting rates' mean?", [clause(text)], **kw).abstain  # the singular is used
    # unquoted, after "definition of" or between "how is" and "defined" (blind49)
    v = judge("D.000 - what's the definition of an interconnection charge?", [clause(text)], **kw)
    assert v.abstain and "“interconnection charge” is not in the corpus" in v.reason, v
    assert not judge("definition of accounting rate pls", [clause(text)], **kw).abstain
    assert not judge("where does D.000 get its definition of an accounting rate from?", [clause(text)], **kw).abstain
    youth = clause("to note that age groups of youth shall be defined on a case-by-case basis")
    assert not judge("how are youth age groups defined?", [youth], **{**kw, "corpus_has": lambda x: x in youth.text}).abstain
    # (a corpus naming SG17, as the real one does: a study group it never names is a reason of its own)
    assert "who holds them" in judge("who is the TSB counsellor assigned to SG17 right now?", [clause(text)],
                                     **{**kw, "corpus_has": lambda x: has(x) or x == "SG17"}).reason
    v = judge("what was the net surplus or deficit in the 2014-2017 accounts?", [clause(text)], **kw)
    assert v.abstain and "amount" in v.reason, v


def test_named_things() -> None:
    assert named_things("Who won WRC-23 allocation for 6 GHz in 2023?") == ["WRC-23", "2023", "6 GHz"]
    assert named_things("When was Recommendation ITU-T Y.9999 approved?") == ["ITU-T Y.9999"]


def test_judge_rules() -> None:
    text = "the Council shall establish the biennial budgets of the Union for 2024-2025"

    def has(s: str) -> bool:
        return s in text or s in ("2025", "WRC-19")

    def cov(t: str) -> float:
        return 1.0

    budget = judge("What is the ITU budget for 2025?", [clause(text)], corpus_has=has,
                   known_word=lambda w: True, coverage=cov)
    assert budget.abstain and "amount" in budget.reason
    amount = judge("What is the budget for 2024-2025?", [clause(text + " of CHF 318 000")], corpus_has=has,
                   known_word=lambda w: True, coverage=cov)
    assert not amount.abstain
    unknown = judge("price of coffee in Geneva", [clause(text)], corpus_has=has,
                    known_word=lambda w: w != "coffe", coverage=cov)
    assert unknown.abstain and unknown.missing[0] == "coffee" and "“coffee”" in unknown.reason
    event = judge("What did WRC-23 decide?", [clause(text)], corpus_has=has, known_word=lambda w: True,
                  coverage=cov)
    assert event.abstain and event.reason == "WRC-23 is not in the corpus."
    thin = judge("How does the Council plan the Union and its staffing rules?", [clause(text)], corpus_has=has,
                 known_word=lambda w: True, coverage=lambda t: 0.5)
    assert not thin.abstain and thin.thin and "staffing" in thin.uncovered


def test_a_part_heading_counts_as_what_the_clause_says() -> None:
    """"What does Resolution 191 ask the Secretary-General to do?": the Secretary-General is named in the
    part heading ("instructs the Secretary-General"), not in the clause text; that is evidence, not a gap."""
    from retrieval.answering.compose.evidence import GENERIC
    from retrieval.indexing.lexical import lexical_tokens

    assert set(lexical_tokens("ask asks asked")) <= GENERIC


def test_judge_current_figures_outcomes_and_countries() -> None:
    """Adopted texts state what was decided: not today's figures, not whether a plan worked, and nothing
    about a country they do not name."""
    text = "ITU-D has Sector Members; Iraq launched the Du3M 2025 initiative; the plan sets targets for 2025"

    def judged(q: str, t: str = text) -> tuple[bool, str]:
        v = judge(q, [clause(t)], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)
        return v.abstain, v.reason

    assert judged("How many Sector Members does ITU-D currently have?")[0]
    assert "current" in judged("What is the exchange rate of the Swiss franc today?")[1]
    assert "achieved" in judged("Did Iraq's Du3M 2025 initiative meet its targets?")[1]
    kenya = judged("What is Kenya's national numbering plan?")
    assert kenya[0] and "Kenya" in kenya[1]
    assert not judged("What did Iraq launch?")[0]  # named by the clause: answerable
    assert judged("Who represents Brazil at TSAG meetings?", text + " Brazil")[0]  # a person, not a text
    # a term of office running now: "four weeks from the end of the meeting" is no answer to it
    term = "Unless the Director of TSB is advised of their opposition within a period of four weeks from the end"
    assert "current" in judged("when does the current term of the TSB Director end?", term)[1]
    assert not judged("what is the term of office of the TSAG chairman?", term)[0]


def test_a_date_of_a_cited_text_does_not_answer_when() -> None:
    cited = "Resolution 165 (Guadalajara, 2010) of the Plenipotentiary Conference, on deadlines"
    v = judge("When is the next Plenipotentiary Conference?", [clause(cited)], corpus_has=lambda s: True,
              known_word=lambda w: True, coverage=lambda t: 1.0)
    assert v.abstain and "date" in v.reason
    event = "The allocation part is carried by a special session just after the opening plenary."
    v = judge("When does the allocation special session take place?", [clause(event)], corpus_has=lambda s: True,
              known_word=lambda w: True, coverage=lambda t: 0.6)
    assert not v.abstain


def test_a_recommendation_only_mentioned_is_not_the_source_asked_about() -> None:
    from retrieval.answering.compose.evidence import recommendations_asked

    assert recommendations_asked("how long is the Last Call under A.8?") == ["A.8"]
    assert recommendations_asked("A.8 says what about comments?") == ["A.8"]
    assert recommendations_asked("what is the scope of Recommendation ITU-T E.119?") == ["E.119"]
    assert recommendations_asked("Which Sector finishes the Internet connectivity studies (the D.50 work)?") == []


def test_a_question_about_a_cited_clause_is_answered_first_then_quoted(corpus_service: object) -> None:
    """"Res 1 §6.1 - deadline for contributions?": the span that answers leads, the clause follows verbatim."""
    ans = ask(corpus_service, "Res 1 section 6.1: deadline for contributions?")
    assert ans.lines[0].plain.startswith("Not later than one month before the opening of WTSA"), ans.lines[0].plain
    assert any(c.clause_id.endswith("#s6.1") for c in ans.citations)
    ans = ask(corpus_service, "Res 57 resolves 4: who does the Director of TSB report to?")
    assert ans.lines[0].plain.startswith("TSAG:"), ans.lines[0].plain
    ans = ask(corpus_service, "Res 1 §6.1 deadline?")  # the reference words are not what the sentence must hold
    assert ans.lines[0].plain.startswith("Not later than one month"), ans.lines[0].plain
    ans = ask(corpus_service, "Res 1 7.2.3: when a Question goes to consultation, what's needed for it to pass?")
    assert not ans.lines[0].plain.startswith(("Within", "Not later")), ans.lines[0].plain  # "when" here is no time
    plain = ask(corpus_service, "What does Resolution 57 resolves 3 say?")  # asking for the text: the text
    assert plain.lines[0].plain.startswith("WTSA Resolution 57 (Rev. Hammamet, 2016), resolves 3")


def test_shares_and_majorities_answer_what_share_questions() -> None:
    from retrieval.answering.compose.direct import answer_sentence

    c = clause("If at least 70 per cent of the replies from Member States support approval, the study group may "
               "proceed; otherwise the Question is referred back.")
    short = answer_sentence("what share of member state replies has to support approval?", c)
    assert short is not None and short.startswith("At least 70 per cent"), short
    fee = clause("the fee for Associates from developing countries shall be set at one-sixteenth of the value of "
                 "the Sector Member contributory unit")
    short = answer_sentence("what fraction of the contributory unit is the fee for Associates from developing countries?",
                            fee)
    assert short is not None and short.startswith("One-sixteenth"), short


def test_which_bands_needs_a_clause_giving_frequencies() -> None:
    def judged(q: str, t: str) -> tuple[bool, str]:
        v = judge(q, [clause(t)], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)
        return v.abstain, v.reason

    no_hz = judged("which mmWave bands did WRC-19 identify for IMT-2020?",
                   "resolves to invite WRC-19 to consider identifying bands for IMT-2020")
    assert no_hz[0] and "frequency bands" in no_hz[1]
    assert not judged("which bands were identified for IMT-2020?",
                      "the bands 24.25-27.5 GHz and 37-43.5 GHz are identified for IMT-2020")[0]


def test_itu_shorthand_countries_as_typed_and_amounts_asked_in_chat(corpus_service: object) -> None:
    from retrieval.answering.compose.evidence import _AMOUNT_Q_RE, countries_in
    from retrieval.answering.query import detect, sector_topic
    from retrieval.indexing.lexical import SYNONYMS, stem

    assert stem("contribution") in SYNONYMS[stem("contribs")]
    assert stem("plenipotentiary") in SYNONYMS[stem("plenipot")]
    assert stem("consumers") in SYNONYMS[stem("customers")]  # PP Res 196 protects "consumers"
    assert stem("divided") in SYNONYMS[stem("split")]  # E.119: "This service is divided into two parts"
    assert stem("alternative") in SYNONYMS[stem("alt")]  # "alt calling procedures" (PP Res 21)
    # blind24, first run: "gather the stats" (Res 200: BDT coordinates their "collection"), "threats and vulns"
    assert stem("collection") in SYNONYMS[stem("gather")]
    assert stem("vulnerabilities") in SYNONYMS[stem("vulns")]
    assert countries_in("what is the US position on OTT regulation?") == ["US"]
    assert countries_in("let us know what the UK said") == ["UK"]
    assert _AMOUNT_Q_RE.search("whats ITU's budget for 2024-2027?")
    assert _AMOUNT_Q_RE.search("what ITU's budget for 2024-2027?")  # as the speller leaves "whats"
    assert not _AMOUNT_Q_RE.search("What does WTSA's Budget Control Committee do?")
    # blind27, first run: answered with "one-sixteenth of the … contributory unit" (no sum in CHF)
    assert _AMOUNT_Q_RE.search("how many CHF a year does a university pay for academia membership?")
    assert not _AMOUNT_Q_RE.search("how many members does TSAG have?")
    assert detect("EMF human exposure - is that ITU-T or ITU-R?")[0] == "sector"
    assert sector_topic("EMF human exposure - is that ITU-T or ITU-R?") == "EMF human exposure"
    ans = ask(corpus_service, "When is the deadline for submitting contribs to the assembly?")
    assert not ans.abstained and any(c.clause_id.endswith("#s6.1") for c in ans.citations[:3]), ans.text


def test_terms_and_amounts_are_answer_spans() -> None:
    from retrieval.answering.compose.direct import answer_sentence

    term = clause("that the term of office for both chairmen and vice-chairmen shall not exceed two terms of office "
                  "between consecutive assemblies or conferences;")
    short = answer_sentence("max term for chairs and vice-chairs?", term, share=0.5)
    assert short is not None and short.startswith("Two terms of office"), short
    unit = clause("that the amount of the contributory unit of Member States for the years 2020-2023 shall remain "
                  "unchanged at CHF 318 000;")
    short = answer_sentence("what's the contributory unit of Member States for 2020-2023?", unit)
    assert short is not None and short.startswith("CHF 318 000"), short


def test_convened_on_an_ad_hoc_basis_answers_how_often() -> None:
    """Tried as a new user: "how often is WTPF held?" led with Res 2 resolves 4 (who may attend); resolves 5
    says "convened on an ad hoc basis"."""
    from retrieval.answering.compose.direct import answer_sentence, holds_quantity

    text = ("that WTPF shall be convened on an ad hoc basis to respond quickly to emerging policy issues arising "
            "from the changing telecommunication/ICT environment;")
    assert holds_quantity("how often is WTPF held?", text)
    assert not holds_quantity("how often is WTPF held?", "that WTPF shall be open to all Member States and Sector "
                                                          "Members;")
    short = answer_sentence("how often is WTPF held?", clause(text), share=0.3)
    assert short is not None and short.startswith("On an ad hoc basis"), short


def test_a_length_asked_for_is_a_duration_not_a_date() -> None:
    """blind27: "pp18 res 77 whats the max lenght of a plenipot" led with "the Plenipotentiary Conference shall
    be held in the last quarter of 2022" and abstained ("do not give how long it lasts")."""
    from retrieval.answering.compose.direct import holds_quantity
    from retrieval.indexing.lexical import SYNONYMS, stem

    q = "what's the max length of a plenipot"
    assert holds_quantity(q, "that plenipotentiary conferences shall … be limited to a duration of three weeks;")
    assert not holds_quantity(q, "the Plenipotentiary Conference shall be held in the last quarter of 2022;")
    assert holds_quantity("max delay for the call-confirmation signal?", "with a delay not exceeding 150 milliseconds")
    assert holds_quantity("when is the next plenipot?", "shall be held in the last quarter of 2022")
    assert stem("duration") in SYNONYMS[stem("length")] and stem("deadline") in SYNONYMS[stem("cutoff")]
    # blind26, first run: "… the target support-cost rate ITU should recoup …" abstained ("Nothing in the corpus
    # mentions 'recoup'"), "… get its spectrum sorted …" and "… so it actually interworks" asked the clauses
    # for "sorted" and "so"
    from retrieval.answering.compose.evidence import content_terms
    from retrieval.answering.query import sector_topic

    assert stem("recover") in SYNONYMS[stem("recoup")]
    assert content_terms("get its spectrum sorted so it actually interworks") == ["spectrum", "interwork"]
    assert sector_topic("helping Palestine get its spectrum sorted - which bureaux are on the hook?") == \
        "Palestine spectrum"


def _judged(q: str, *texts: str | Clause, this_year: int = 0) -> Verdict:
    """The verdict with every word known and fully covered: only the rule under test decides."""
    return judge(q, [clause(t) if isinstance(t, str) else t for t in texts], corpus_has=lambda s: True,
                 known_word=lambda w: True, coverage=lambda t: 1.0, this_year=this_year)


def test_records_results_people_and_live_figures_are_not_in_adopted_texts() -> None:
    text = "the Union shall hire an independent external management consultancy to review ITU Telecom events, " \
           "and the Deputy Secretary-General heads ISC-TF; surveys of satisfaction are held every four years"
    for q, why in [("what does a non-member pay, in CHF, for one Recommendation?", "amount"),
                   ("what's the current balance of the ICT Development Fund?", "current figures"),
                   ("what's the name of the Deputy Secretary-General who heads ISC-TF?", "who holds them"),
                   ("what did the consultancy conclude in its review of ITU Telecom events?", "what a review"),
                   ("what share of members were satisfied in the last regional presence survey?", "what a review"),
                   ("How many delegates attended WTSA-16?", "attended"),
                   ("who chaired the assembly in Hammamet?", "who holds them"),
                   ("which countries co-sponsored the resolution?", "sponsored")]:
        v = _judged(q, text)
        assert v.abstain and why in v.reason, (q, v)
    assert not _judged("how often is the satisfaction survey held?", text).abstain
    # how much of a sum has been used by now, or what share a group makes up: a live figure or a share
    loan = "a loan of up to CHF 150 million from the host country for the new building, and young professionals"
    v = _judged("how much of the CHF 150m loan has ITU drawn down so far?", loan)
    assert v.abstain and "current figures" in v.reason, v
    v = _judged("what share of ITU staff are young professionals?", loan)
    assert v.abstain and "share" in v.reason, v
    assert not _judged("how much is the loan for the new building?", loan).abstain



def test_who_signed_committed_or_sat_on_something_is_a_record_unless_a_clause_says_so() -> None:
    task = "to conclude cooperation agreements with relevant organizations and to urge manufacturers to adopt measures"
    for q in ("which organizations signed cooperation agreements with ITU under the resolution?",
              "which vendors have committed to the measures?", "did ITU sign an MoU on it with another UN agency?",
              "who sat on the expert group that revised the index?", "what was the vote count on the resolution?"):
        v = _judged(q, task)
        assert v.abstain and "signed or committed" in v.reason, (q, v)
    for q in ("which company built the first system based on the Recommendation?",
              "which vendor supplied the handsets?"):
        assert "signed or committed" in _judged(q, task).reason, q
    # the firm hired: the texts say one is to be hired, not which; what it advised is in its report
    hire = "the Union shall hire an independent external management consultancy to review ITU Telecom events"
    for q in ("name of the consultancy hired to review ITU Telecom?", "which construction firm got the main contract?"):
        assert "which firm was hired" in _judged(q, hire).reason, q
    assert "what a review" in _judged("what did the external consultancy recommend in its review?", hire).reason
    assert not _judged("what is the consultancy hired to review?", hire).abstain
    for q in ("what's the journal's current impact factor?", "after the merging, how many working groups are left?"):
        assert "current figures" in _judged(q, task).reason, q
    assert "current figures" not in _judged("how many working groups shall the Council keep?", task).reason
    # a clause saying who signed answers it; asking whom ITU is to cooperate with is what texts say
    signed = "the cooperation agreement signed by ITU and UNESCO on the Broadband Commission"
    assert not _judged("which agencies signed the cooperation agreement?", signed).abstain
    assert not _judged("which organizations is ITU to conclude cooperation agreements with?", task).abstain


def test_which_recommendation_or_question_number_needs_one_named() -> None:
    prose = "work is under way in Study Group 1 of ITU-D on consumer protection guidelines"
    v = _judged("which ITU-D SG1 question number covers the consumer protection guidelines?", prose)
    assert v.abstain and "Question" in v.reason
    assert not _judged("which question number covers consumer protection?", prose + " under Question 6/1").abstain
    v = _judged("which ITU-R BT recommendation covers 8K signal levels?", prose)
    assert v.abstain and "Recommendation" in v.reason
    assert not _judged("which recommendation covers consumer protection?", prose + " (Recommendation ITU-T D.1)").abstain
    # a Recommendation's own clause on the subject names it (E.119 on safety confirmation)
    own = Clause(clause_id="itu-t-rec-e.119@x#clause.6", doc_id="itu-t-rec-e.119@x", part="clause", span=(0, 1),
                 instrument=Instrument(kind="recommendation", number="E.119"), text="a safety confirmation service")
    assert not judge("which recommendation covers safety confirmation?", [own], corpus_has=lambda s: True,
                     known_word=lambda w: True, coverage=lambda t: 1.0).abstain


def test_what_is_asked_for_must_be_what_the_clauses_speak_of() -> None:
    text = "the broadcast message system requires a selection function and a repetition function"
    assert _judged("what penalties does E.119 set for operators?", text).abstain
    assert not _judged("what functions does the broadcast system require?", text).abstain
    # Nouns a span answers in other words: "the deadline" is "35 days", "topics" are "issues".
    assert not _judged("what deadline does Res 165 set?", "no later than 35 calendar days before").abstain


def test_the_next_meeting_needs_a_date_fixed_for_it_and_not_yet_past() -> None:
    sched = "the Plenipotentiary Conference shall be held in the last quarter of 2022;"
    assert not _judged("When is the next Plenipotentiary Conference?", sched, this_year=2021).abstain
    past = _judged("When is the next Plenipotentiary Conference?", sched, this_year=2026)
    assert past.abstain and "which has passed" in past.reason
    none = _judged("when and where is the next TSAG meeting?", "TSAG meets at least once a year")
    assert none.abstain and "schedules" in none.reason


def test_a_resolution_asked_about_is_its_source_one_merely_named_is_not() -> None:
    from retrieval.answering.compose.evidence import asked_as_source

    assert asked_as_source("what exactly does WTSA Res 52 require operators to do?", "Res 52")
    assert asked_as_source("under Res 52, what must operators do?", "Res 52")
    assert not asked_as_source("which bureau facilitates projects coming out of WTSA Res 52 on spam?", "Res 52")
    # (blind43) the info sent in under a WRC resolution is what a PP resolution speaks of
    assert not asked_as_source("the due diligence info admins send in under WRC Res 49 - which bureau publishes it?",
                               "Res 49")
    assert asked_as_source("in WTSA Res 52, what must operators do?", "Res 52")


def test_asking_what_a_text_itself_says_is_told_from_being_about_what_another_text_says_of_it() -> None:
    from retrieval.answering.compose.evidence import asks_its_words

    assert asks_its_words("what exactly does WTSA Res 52 require operators to do?", "WTSA Res 52")
    assert asks_its_words("what does WTDC Res 37 itself say about the digital divide?", "WTDC Res 37")
    assert asks_its_words("what does PP res 182 on climate change actually ask BDT to do?", "PP res 182")
    assert not asks_its_words("WTDC res 47 (conformance testing) - which bureau directors push fellowships?", "WTDC res 47")
    assert not asks_its_words("RA res 7-3: who on the radio side works with TDAG on it?", "RA res 7")


def test_who_does_a_verb_is_the_subject_of_that_verb_in_the_clause() -> None:
    from retrieval.answering.compose.direct import answer_with_actor, doer

    c = Clause(clause_id="wtsa-res-1@x#s4.3bis", doc_id="wtsa-res-1@x", part="section 4", label="4.3bis",
               instrument=Instrument(body="WTSA", kind="resolution", number="1"), span=(0, 1),
               text="WTSA shall appoint the chairman and vice-chairmen of TSAG in accordance with Resolution 35.")
    found = doer("who appoints the TSAG chairman?", c)
    assert found is not None and found[0].name == "WTSA"
    assert answer_with_actor("who appoints the TSAG chairman?", c) == (
        "WTSA: “WTSA shall appoint the chairman and vice-chairmen of TSAG in accordance with Resolution 35.”",
        ["ITU-T"])
    assert doer("who reports to TSAG?", c) is None  # no "report" after a modal here
    # tried as a new user: "who appoints rapporteurs?" led with §2.3.3.3 on liaison rapporteurs not appointed
    a1 = Clause(clause_id="itu-t-rec-a.1@x#clause.2.3.3.2", doc_id="itu-t-rec-a.1@x", part="clause", label="2.3.3.2",
                instrument=Instrument(body="ITU-T", kind="recommendation", number="A.1"), span=(0, 1),
                text="Rapporteurs may be appointed (and their appointments may be terminated) at any time with the "
                     "agreement of the competent working party, or of the study group, where the Question(s) are not "
                     "allocated to a working party.")
    found = doer("who appoints rapporteurs?", a1)
    assert found is not None and found[0].name == "ITU-T study groups", found
    # asked after its scene ("during AAP, who …"), and in another verb of telling than the text's
    a8 = Clause(clause_id="itu-t-rec-a.8@x#clause.4.3", doc_id="itu-t-rec-a.8@x", part="clause", label="4.3",
                instrument=Instrument(body="ITU-T", kind="recommendation", number="A.8"), span=(0, 1),
                text="The Director of TSB shall advise the Directors of the other two Bureaux that Member States are "
                     "being asked to comment.")
    found = doer("during AAP, who tells the other Bureaux that members are asked to comment?", a8)
    assert found is not None and found[0].name == "Director of TSB", found
    assert doer("during AAP, who approves the text?", a8) is None


def test_hosts_officials_by_post_outcomes_and_absent_things_asked_for() -> None:
    text = ("the Kaleidoscope event shall be organized annually; WTSA shall be held in the last quarter of 2020; "
            "TSAG rules of procedure follow those of study groups; hotlines for child online protection")
    for q, why in [("Which country hosted the 2019 Kaleidoscope conference?", "hosted"),
                   ("what's the name of the current TSB Director? need it for a letter", "who holds them"),
                   ("who is the TSB director", "who holds them"),
                   ("Where did WTSA-20 end up being held, and on what dates?", "what came of it")]:
        v = _judged(q, text)
        assert v.abstain and why in v.reason, (q, v)
    # The noun asked for is a word the corpus never uses.
    v = judge("what's the quorum needed for TSAG to take a decision?", [clause(text)], corpus_has=lambda s: True,
              known_word=lambda w: w != "quorum", coverage=lambda t: 1.0)
    assert v.abstain and "quorum" in v.reason, v
    # … but an amount is judged by whether a clause gives one, whatever the texts call it.
    amount = "expenses for interpretation shall not exceed CHF 85 million for the years 2020-2023"
    v = judge("What is the ceiling on interpretation expenses for 2020-2023?", [clause(amount)],
              corpus_has=lambda s: True, known_word=lambda w: w != "ceil", coverage=lambda t: 1.0)
    assert not v.abstain, v
    # A region the clauses do not speak of.
    v = _judged("What is the child online protection hotline number for Europe?", text)
    assert v.abstain and "Europe" in v.reason, v
    # "who runs the pilot projects" asks who does a task: the texts say.
    assert not _judged("Who runs the pilot projects on conformity?", text).abstain
    # whom a post is told to notify is a task, not who holds the post; a role a meeting document says a Question
    # took ("ended up as host") is in the document
    notify = "to bring this resolution to the notice of the President of the Italian Supreme Court of Audit;"
    assert not _judged("res 94 on the audit of ITU's accounts - who is the SG told to formally notify of it?", notify).abstain
    host = "We therefore proposed Q4 to host the incubation role and mechanism at this stage."
    assert not _judged("sg17 incubation - Q2 or Q4 ended up as host question for the queue, and why?", host).abstain
    assert _judged("did the proposal end up adopted?", host).abstain


def test_who_chooses_a_holder_and_when_as_a_condition_are_answerable() -> None:
    text = "the Council shall decide the leadership of CWGs; the final editing is done by TSB"
    assert not _judged("Who decides who chairs the Council working groups?", text).abstain
    assert _judged("who chairs the Council working groups?", text).abstain
    # "When X, who does Y?" asks who; "when is …" still needs a date.
    assert not _judged("When ITU-T and another SDO produce a common text, who does the final editing?", text).abstain
    assert _judged("When is the final editing done?", text).abstain


def test_a_quantity_question_prefers_a_clause_giving_that_kind_of_quantity() -> None:
    from retrieval.answering.compose.direct import asks_quantity, holds_quantity

    q = "How many terms can someone serve as chair or vice-chair of a study group?"
    assert asks_quantity(q)
    assert holds_quantity(q, "the term of office shall not exceed two terms of office between assemblies")
    assert not holds_quantity(q, "candidates should be identified within two months")
    assert holds_quantity("how often does TSAG meet?", "TSAG shall meet annually")
    # A unit the question names is the kind asked ("max delay in ms": a value in ms, never "3 seconds");
    # which ms value answers is for the answering sentence's coverage to decide.
    assert holds_quantity("telex call confirmation max delay in ms?", "a delay not exceeding 150 milliseconds")
    assert not holds_quantity("telex call confirmation max delay in ms?", "must not exceed 3 seconds")
    # An unknown kind boosts nothing: any number would be a guess.
    assert not holds_quantity("what is the max pulse distortion?", "Type A 25-ms pulse, clause 4")


def test_parties_generations_later_revisions_and_choices_made_are_not_in_the_texts() -> None:
    text = "the RCC proposes to modify Resolution 57; the Council shall appoint an external auditor at its 2019 " \
           "session; bands 470-694 MHz for digital terrestrial television; review the terms of reference of EG-ITR"
    known = {"RCC", "EG-ITR", "5G"}  # 5G is named elsewhere in the corpus, not in these clauses

    def judged(q: str) -> Verdict:
        return judge(q, [clause(text)], corpus_has=lambda s: s in known or s in text, known_word=lambda w: True,
                     coverage=lambda t: 1.0)

    for q, why in [("what was CEPT's position on the RCC proposal to modify Res 57?", "CEPT is not mentioned"),
                   ("Which frequency bands are identified for 5G?", "nothing specific to 5G"),
                   ("Which audit institution did the Council appoint as external auditor in 2019?", "who won"),
                   ("what do the EG-ITR terms of reference say after the Council revised them in 2019?",
                    "later revision")]:
        v = judged(q)
        assert v.abstain and why in v.reason, (q, v)
    # A topic's abbreviation is often written out in the texts: only a party named in capitals must be there.
    assert not judged("Palestine's DTT switchover: which bands?").abstain
    assert not judged("what was RCC's proposal on Resolution 57?").abstain


def test_a_meetings_verdict_on_proposed_changes_is_not_in_the_contribution(corpus_service: object) -> None:
    ans = corpus_service.answer(  # type: ignore[attr-defined]
        "did WTSA-16 actually adopt the RCC changes to Res 57? what was the final outcome in plenary?")
    assert ans.abstained and not ans.citations and "decided on them" in ans.text, ans.text


def test_who_s_signatories_places_and_notice_periods() -> None:
    text = "the location and number of regional and area offices; rapporteur meetings are publicized with as much " \
           "notice as possible (normally at least two months)"
    for q, why in [("who's the current chairman of ITU-T SG17?", "who holds them"),
                   ("How many Member States signed the PP-18 Final Acts?", "who won"),
                   ("In which cities are ITU's regional offices located?", "no place")]:
        v = _judged(q, text)
        assert v.abstain and why in v.reason, (q, v)
    # "how much advance notice" asks for a time, not an amount of money.
    assert not _judged("rapporteur meetings - how much advance notice normally?", text).abstain


def test_a_count_a_venue_or_a_degree_the_clause_itself_states_is_answered() -> None:
    """The depositary's count, an event's venue and "by how much" are abstained on only when no clause on
    them states it (blind28-29, first run: three right clauses ranked first were refused)."""
    signed = "that four States have signed the Space Protocol at the date of this conference;"
    assert not _judged("how many states had signed the space protocol by then?", signed).abstain
    assert _judged("How many Member States signed the PP-18 Final Acts?", "the Final Acts of the conference").abstain
    venue = "WRC-19 shall be held in Sharm el-Sheikh (Egypt) from 28 October to 22 November 2019;"
    far = judge("where is WRC-19 going to take place?", [clause(venue)], corpus_has=lambda s: True,
                known_word=lambda w: True, coverage=lambda t: 0.3)
    assert not far.abstain, far
    other = judge("where was Kaleidoscope 2019 going to take place?", [clause(venue)], corpus_has=lambda s: True,
                  known_word=lambda w: True, coverage=lambda t: 0.3)
    assert other.abstain and "no place" in other.reason, other
    delay = "Risk of not doing now: it will delay by 6 months any decisions and won't resolve anything."
    assert not _judged("if it stopped, by how much would decisions be delayed?", delay).abstain
    assert _judged("by how much did the budget for the forum rise?", delay).abstain


def test_rankings_numbers_settled_on_and_allowances_need_the_clause_to_give_them() -> None:
    """blind28-29, first run: a ranking, "the number ITU settled on" and a daily allowance were answered with
    clauses that only mention the index, the idea of a number, or participation."""
    text = ("to explore the possibility of introducing a globally harmonized emergency number; to support ITU "
            "initiatives including the Global Cybersecurity Index; fellowships for delegates of developing countries")
    for q, why in [("which country came top in the latest Global Cybersecurity Index?", "ranked"),
                   ("who ranked first in the cybersecurity index?", "ranked"),
                   ("what is the single global emergency number ITU settled on?", "number"),
                   ("what daily subsistence allowance do fellowship holders get?", "amount")]:
        v = _judged(q, text)
        assert v.abstain and why in v.reason, (q, v)
    assert not _judged("what daily allowance do fellows get?", "fellows receive a daily allowance of CHF 150").abstain


def test_exact_dates_replies_other_bodies_rules_and_going_rates_are_not_in_the_texts() -> None:
    """A quarter is no exact date; a reply is a later document; 3GPP's or ETSI's own procedures and a going
    market rate are not in ITU's texts (blind29-31 and a new-user trial, first runs: all answered)."""
    text = ("WTSA shall be held in the last quarter of 2020; the approval procedure of ITU-T Recommendations; "
            "Settlement rate: a rate agreed between administrations; a liaison statement was sent to TSAG")
    for q, why in [("exact dates and host city for WTSA-20?", "exact dates"),
                   ("what did TSAG reply to SG17's liaison on the security studies?", "reply"),
                   ("what is the 3gpp process for approving a spec", "3GPP's own procedures"),
                   ("how long is the approval ballot for an ETSI ISG deliverable?", "ETSI's own procedures"),
                   ("how long can a work item in ISO/IEC JTC 1/SC 27 stay open?", "ISO/IEC's own procedures"),
                   ("how do 3GPP TSG plenaries approve change requests?", "3GPP's own procedures"),
                   ("typical settlement rate per minute for international voice these days?", "going rates"),
                   ("results of the wtsa-24 elections for SG chairs?", "was elected")]:
        v = _judged(q, text)
        assert v.abstain and why in v.reason, (q, v)
    assert not _judged("what are the exact dates of RA-19?", "RA-19 shall be held from 21 to 25 October 2019").abstain
    # a clause about the other body that speaks of the question answers it
    assert not _judged("what does A.Sup5 say about ETSI deliverables?",
                       "ETSI deliverables may be referenced in ITU-T Recommendations").abstain
    # a host country named as a party is no question of place
    assert not _judged("how big is the loan from the host country for the new HQ?",
                       "an interest-free loan of CHF 150 million from the host country").abstain


def test_the_next_meeting_according_to_a_named_text_is_what_that_text_says() -> None:
    """"When is the next WTSA according to PP-18?" asks what the Dubai texts set, past or not; PP-18 is the
    source, not the meeting asked about (a new-user trial, first run: refused as past, then as the wrong
    meeting)."""
    text = "WTSA shall be held in the last quarter of 2020;"
    v = _judged("when is the next wtsa supposed to be held according to PP-18", text, this_year=2026)
    assert not v.abstain, v
    assert _judged("when is the next wtsa supposed to be held?", text, this_year=2026).abstain


def test_a_share_of_something_else_is_no_fee() -> None:
    """"SME fee for a developed-country firm, res 209?" was answered from Res 209 resolves 4 (no sum): the
    recital saying SMEs are "more than 90 per cent of the national industry" passed as the amount."""
    recital = ("that, in many countries, SMEs have become prominent actors in the industrial expansion process, coming "
               "to represent in some cases more than 90 per cent of the national industry;")
    v = _judged("SME fee for a developed country firm?", recital)
    assert v.abstain and "amount" in v.reason, v
    # a share of money answers a sum asked, and a share asked is answered by any share
    assert not _judged("what is the support cost rate on extra-budgetary projects?",
                       "a support cost of 7 per cent shall be charged on extra-budgetary projects").abstain
    assert not _judged("what share of national industry are SMEs?", recital).abstain


def test_what_a_conference_decided_on_a_text_held_only_as_a_proposal_is_not_answered(corpus_service: object) -> None:
    """"What did WTSA-16 decide about Res 57?" quoted RCC's proposed resolves 4, flagged as proposed but
    read as WTSA-16's decision: the corpus holds the proposal to WTSA-16, not the text it adopted."""
    ans = corpus_service.answer("What did WTSA-16 decide about Res 57?")  # type: ignore[attr-defined]
    assert ans.abstained and "only as proposed" in ans.text and "RCC/47A4" in ans.text, ans.text
    # what the proposal itself says stays answerable
    ans = corpus_service.answer("what does the RCC proposal say about Res 57 resolves 3?")  # type: ignore[attr-defined]
    assert not ans.abstained, ans.text


def test_the_next_one_after_a_year_named_is_not_the_next_from_today() -> None:
    """blind117: "After 2019, when are the next RA and WRC supposed to take place?" was refused because the
    2023 date had passed; the question asks the one after 2019."""
    text = "an RA and a WRC, after 2019, shall be held in the last quarter of 2023;"
    assert not _judged("After 2019, when are the next RA and WRC supposed to take place?", text,
                       this_year=2026).abstain
    assert _judged("when are the next RA and WRC?", text, this_year=2026).abstain
    assert _judged("after 2023, when is the next WRC?", text, this_year=2026).abstain


def test_a_frequency_given_as_a_range_says_how_often() -> None:
    """blind117: "every three to four years" (Constitution Art. 13, quoted by Res 77) was not read as a
    frequency."""
    from retrieval.answering.compose.direct import answer_sentence

    text = ("Nos. 90 and 91 in Article 13 of the Constitution, which stipulate that world radiocommunication "
            "conferences (WRC) and radiocommunication assemblies (RA) shall normally be convened every three to four "
            "years, and shall be associated in place and time;")
    q = "How often are WRCs and radio assemblies normally convened under the Constitution?"
    assert not _judged(q, text).abstain
    assert (answer_sentence(q, clause(text), share=0.5) or "").startswith("Every three to four years")


def test_a_count_of_the_head_noun_after_a_compound() -> None:
    """blind117: "how many vice-chair candidates …" read "vice" as the noun counted; "limited to two
    candidates" is the count. A count of the head alone is none for words the text lacks ("OTT-related")."""
    from retrieval.answering.compose.direct import holds_quantity

    text = ("that the appointment of vice-chairmen of Sector advisory groups should be limited to two candidates and "
            "of vice-chairmen of study groups to two or three candidates from each regional organization")
    assert holds_quantity("How many vice-chair candidates may each regional organization put forward for RAG?", text)
    assert not holds_quantity("how many OTT-related recs has SG3 approved since PP-18?",
                              "the study group approved four Recommendations on numbering")
    assert not holds_quantity("How many times a year does the ISC-TF meet?", "at least two years in most cases")


def test_a_study_group_the_texts_never_name_is_not_in_the_corpus() -> None:
    """blind117: "What is the mandate of ITU-R Study Group 6 on broadcasting?" was answered with WTSA Res 1's
    "ITU-R shall be responsible for the management of this study group"."""
    from retrieval.answering.compose.evidence import mentioned, named_things

    q = "What is the mandate of ITU-R Study Group 6 on broadcasting?"
    assert "ITU-R Study Group 6" in named_things(q)
    texts = "ITU-T Study Group 17 and SG3 study tariffs; ITU-D Study Group 1"
    assert not mentioned("ITU-R Study Group 6", lambda s: s in texts)
    # named in any form, with any Sector's prefix or none, it is mentioned
    assert mentioned("SG 17", lambda s: s in texts) and mentioned("ITU-T SG3", lambda s: s in texts)
    assert mentioned("ITU-D Study Group 1", lambda s: s in texts)
    # … with the non-breaking space WTSA Res 1 stores ("each Study Group\u00a03 regional group"): the benchmark's
    # "Who can take part in Study Group 3 regional group meetings?" had been refused over the seed and Res 1
    assert mentioned("Study Group 3", lambda s: s in "each Study Group\u00a03 regional group")
    # a Question's number is no study group
    assert not any("Group" in t or t.startswith("SG") for t in named_things("what is Q4/17 about?"))
    v = judge(q, [clause("In this case, ITU-R shall be responsible for the management of this study group.")],
              corpus_has=lambda s: s in texts, known_word=lambda w: True, coverage=lambda t: 1.0)
    assert v.abstain and "ITU-R Study Group 6" in v.reason, v


def test_two_words_the_texts_write_as_one_are_known() -> None:
    """blind122: "cyber threats" was refused ("no text speaks of cyber threats"; over the PP-18 texts alone
    "nothing mentions cyber"): the texts write "cyberthreats"."""
    text = "to address cyberthreats and vulnerabilities within existing ITU-T study groups"
    kw = {"corpus_has": lambda x: x.lower() in text.lower(), "known_word": lambda w: w != "cyber",
          "coverage": lambda t: 0.8}
    assert not judge("what is TSB told to do about cyber threats?", [clause(text)], **kw).abstain
    # a word the texts never write, nor as part of one, is still unknown
    v = judge("what is TSB told to do about quantum threats?", [clause(text)],
              **{**kw, "known_word": lambda w: w != "quantum"})
    assert v.abstain and "quantum" in v.reason, v


def test_a_budget_typed_as_a_heading_asks_a_sum() -> None:
    """"itu budget for 2026-2027?" had been answered with Decision 5's "the Council shall establish the
    biennial budgets … for 2026-2027", which gives no sum."""
    text = "the Council shall establish the biennial budgets of the Union for 2024-2025 and 2026-2027"
    v = _judged("itu budget for 2026-2027?", text)
    assert v.abstain and "amount" in v.reason, v
    assert not _judged("itu budget for 2026-2027?", "a budget of CHF 330 million for 2026-2027").abstain


def test_whether_a_meeting_approved_what_its_documents_propose_is_not_in_them(corpus_service: object) -> None:
    """Only a contribution speaks of it: whether the meeting approved it is in the meeting's report."""
    ans = corpus_service.answer("was the inter-sectoral coordination team finally approved?")  # type: ignore[attr-defined]
    assert ans.abstained and "what the meeting decided" in ans.text, ans.text
    # … while what the document itself says happened is in it
    ans = corpus_service.answer("what happened with the inter-Sector coordination group, according to the "  # type: ignore[attr-defined]
                                "RCC contribution?")
    assert not ans.abstained, ans.text


def test_a_question_about_one_sectors_procedures_is_not_answered_by_anothers_rules(corpus_service: object) -> None:
    from retrieval.answering.answer import other_sector
    from retrieval.answering.query import read_query
    from retrieval.core.models import Clause, Instrument

    a1 = Clause(clause_id="itu-t-rec-a.1@x#clause.3.1.8", doc_id="itu-t-rec-a.1@x", part="clause", label="3.1.8",
                instrument=Instrument(body="ITU-T", kind="recommendation", number="A.1"), span=(0, 1),
                text="Contributions shall reach TSB at least 12 calendar days before the meeting.")
    assert other_sector(read_query("what's the contribution deadline before an ITU-D study group meeting?"), [a1]) \
        == ("ITU-D", "ITU-T")
    assert other_sector(read_query("what's the contribution deadline before an ITU-T study group meeting?"), [a1]) is None
    assert other_sector(read_query("what's the contribution deadline before a study group meeting?"), [a1]) is None


def test_who_with_a_modal_mid_sentence_is_answered_by_the_actor() -> None:
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.core.models import Mandate

    text = "to propose to the Director of TSB to report annually to TSAG on the results of implementing this Resolution."
    c = Clause(clause_id="rcc-47a4@x#proposal.1/resolves.4", doc_id="rcc-47a4@x", part="resolves", label="4",
               instrument=Instrument(body="WTSA", kind="resolution", number="57"), span=(0, len(text)), text=text,
               mandates=[Mandate(actor="Director of TSB", sector="ITU-T", role="requested", what=text)])
    found = answer_with_actor("In the RCC proposal to revise Res 57, who would have to report every year to TSAG?", c)
    assert found is not None and found[0].startswith("Director of TSB") and found[1] == ["ITU-T"], found


def test_a_count_of_the_kind_asked_answers_a_long_question_and_hyphenated_periods_are_spans() -> None:
    from retrieval.answering.compose.direct import holds_quantity

    text = ("if consensus to approve a new Question is not achieved, the study group may request approval by "
            "consultation of the Member States; approval requires at least ten replies")
    q = ("If a study group can't get consensus on a new Question and asks the member states instead, how many "
         "replies are needed at minimum for it to count?")
    v = judge(q, [clause(text)], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.45)
    assert not v.abstain, v
    # … but a clause giving some other number does not.
    other = judge(q, [clause("the study group meets two times")], corpus_has=lambda s: True,
                  known_word=lambda w: True, coverage=lambda t: 0.45)
    assert other.abstain, other
    assert holds_quantity("how long does the last call run?", "the last call encompasses the four-week time period")


def test_who_leads_a_body_is_a_person_who_leads_the_work_is_not() -> None:
    text = "the Director of TSB shall lead ITU's work on cybersecurity; SG17 studies security"
    assert _judged("who leads study group 17?", text).abstain
    assert not _judged("who leads ITU's work on cybersecurity?", text).abstain
    assert not _judged("who leads the ITU-T work on IoT?", text).abstain


def test_a_place_a_code_a_ranking_a_post_and_a_proposals_fate_need_the_clause_to_give_them() -> None:
    for q, text, why in [
            ("where exactly was WTSA-20 held and on what dates?", "WTSA shall be held in the last quarter of 2020",
             "no place"),
            ("what's the international country code assigned to Palestine?", "decisions relating to international "
             "access code for Palestine, as defined in No. 1002 of the Constitution", "that code"),
            ("what's Iraq's current ranking in the ICT Development Index?", "improvement of Iraq's ranking "
             "according to ICT indicators", "current figures"),
            ("where does Brazil rank on the ICT price basket?", "to publish annually the IPB and the IDI, including "
             "rankings", "current figures"),
            ("who's the Q4/17 incubation co-rapporteur for TP.inno?", "we are just missing to appoint a Q4 "
             "co-rapporteur dedicated to this mechanism", "who holds them"),
            ("was the RCC proposal to modify Resolution 57 adopted at WTSA-16?", "it is proposed that Resolution 57 "
             "be modified accordingly", "decided on them")]:
        v = _judged(q, text)
        assert v.abstain and why in v.reason, (q, v)
    text = "a meeting held outside Geneva needs an invitation"
    # a relative "where" asks no place; a clause giving digits for a code answers
    assert not _judged("what happens in cases where a meeting is held outside Geneva?", text).abstain
    assert not _judged("what's the country code for Palestine?", "the country code 970 is assigned to Palestine").abstain
    # "who is the body that appoints rapporteurs" asks for a body, which the texts name
    assert not _judged("who is the one who appoints the rapporteur?", "the study group appoints the rapporteur").abstain
    # who publishes the rankings is in the texts
    assert not _judged("who publishes the IDI rankings?", "BDT is to publish annually the IDI, including rankings").abstain


def test_a_fee_given_as_a_share_of_the_contributory_unit_is_an_amount() -> None:
    from retrieval.answering.compose.direct import asks_quantity, holds_quantity

    text = ("to set the level of the financial contribution at one-sixteenth of the value of the contributory unit "
            "for SMEs from developed countries, and one-thirty second of the value of the contributory unit for "
            "SMEs from developing countries")
    q = "what fee does an SME from a developing country pay to join a Sector?"
    assert asks_quantity(q) and holds_quantity(q, text)
    # "how much" asks for money or, as "pay" says, a share of the unit: both kinds count
    assert holds_quantity("how much does an SME from a developing country pay?", text)
    # of the two shares, the one the question's own words qualify answers
    from retrieval.answering.compose.direct import answer_sentence
    from retrieval.core.models import Clause, Instrument
    res = Clause(clause_id="pp-res-209@x#resolves.2", doc_id="pp-res-209@x", instrument=Instrument(body="PP"),
                 part="resolves", text=text, span=(0, len(text)))
    assert (answer_sentence("how much does an SME from a developing country pay for a Sector?", res, share=0.5)
            or "").startswith("One-thirty second")
    assert (answer_sentence("how much does an SME from a developed country pay for a Sector?", res, share=0.5)
            or "").startswith("One-sixteenth")
    # … also when the noun asked ("SME") stands before the second share, in the first one's qualifier
    assert (answer_sentence("what's the SME fee in res 209 for developed countries?", res, share=0.5)
            or "").startswith("One-sixteenth")
    # the clause words it "financial contribution", not "fee": the best clause giving that kind of amount answers
    v = judge(q, [clause(text)], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.3)
    assert not v.abstain, v
    # an annual-revenue ceiling the clause leaves to the Council is no amount
    v = _judged("what's the maximum annual revenue an SME can have to get the reduced fees?",
                "annual revenues below a maximum set by the Council")
    assert v.abstain and "amount" in v.reason, v


def test_a_time_given_relative_to_an_event_answers_when() -> None:
    text = ("to ensure that, if an ITU Telecom event is held in the same year as a plenipotentiary conference, the "
            "ITU Telecom event should preferably take place no later than the plenipotentiary conference")
    q = "if an ITU Telecom event takes place in the same year as a Plenipotentiary Conference, when must it be held?"
    assert not _judged(q, text).abstain
    assert _judged("When is the ITU Telecom event held?", "ITU Telecom events should be organized regularly").abstain


def test_an_open_question_in_the_text_a_duration_and_a_place_about_something_else() -> None:
    from retrieval.answering.compose.evidence import judge

    def judged(q: str, *texts: str) -> Verdict:
        # coverage as lexical.coverage_of gives it: the share of the question's content words a text holds
        words = {w for w in re.findall(r"[\w.]+", q.lower()) if len(w) > 3 and w not in ("what", "where", "does")}

        def cov(t: str) -> float:
            return sum(w in t.lower() for w in words) / len(words)

        return judge(q, [clause(t) for t in texts], corpus_has=lambda s: True, known_word=lambda w: True,
                     coverage=cov)

    # an editor's note asking the same, without its "?", answers nothing …
    note = "Q4 question text needs to be aligned. Do we need to make the change? What is the final ‘name’ for TP.inno]"
    v = judged("what final name did SG17 agree for TP.inno?", note)
    assert v.abstain and "ask this themselves" in v.reason, v
    # … but a heading put as a question is answered by the text under it
    heading = "Who is defining, developing and maintain this incubation mechanism? Q4/17 defines and maintains it."
    assert not judged("who is defining this incubation mechanism?", heading).abstain
    # a duration needs a span of time
    v = judged("per res 77, what's the max duration of a WTDC?", "WTDC shall be held in the last quarter of 2021")
    assert v.abstain and "how long" in v.reason, v
    assert not judged("A.8 last call - how long does it run?", "the four-week time period of the last call").abstain
    # a place named in a clause about another event is no answer
    v = judged("where was the 2019 Kaleidoscope conference held?",
               "WRC-19 shall be held in Sharm el-Sheikh (Egypt) in 2019")
    assert v.abstain and "no place" in v.reason, v


def test_a_year_naming_the_text_is_not_a_year_asked_about() -> None:
    text = "ITU-D shall lead the work on consumer protection"
    assert not _judged("consumer protection, Res 196 Dubai 2018: which Sector leads?", text).abstain
    assert not _judged("consumer protection, Res 196 (Dubái, 2018): which Sector leads?", text).abstain
    v = _judged("What percentage of internet traffic was over IPv6 in 2018?", text)
    assert v.abstain and "2018" in v.reason, v


def test_the_first_clause_giving_the_kind_of_count_asked_answers_a_how_many() -> None:
    from retrieval.answering.compose.evidence import judge

    other = "that the term of office in one appointment does not count towards the term for another appointment"
    given = "that the term of office for both chairmen and vice-chairmen shall not exceed two terms of office"
    v = judge("max number of terms for study group vice-chairs", [clause(other), clause(given)],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.3)
    assert not v.abstain, v
    # none gives that kind of count: no answer
    v = judge("max number of terms for study group vice-chairs", [clause(other)],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.3)
    assert v.abstain and "number" in v.reason, v


def test_words_naming_a_contribution_need_not_be_in_its_clauses(corpus_service: object) -> None:
    """"RCC" and "contribution" name the document (its symbol and kind), not something its clauses say;
    "trying to achieve" asks what it is for."""
    ans = ask(corpus_service, "What is the RCC contribution to WTSA-16 on Resolution 57 trying to achieve?")
    assert not ans.abstained, ans.text
    assert ans.citations and all(c.doc_id.startswith("rcc-47a4") for c in ans.citations[:3])
    # What its clauses do not speak of is still not answered with confidence (on the full evaluation index
    # this abstains; here, with two documents, it is at least flagged as thin).
    off = ask(corpus_service, "What is the RCC contribution on Resolution 57 saying about satellite orbits?")
    assert off.abstained or off.thin_evidence, off.text


def test_more_near_domain_questions_the_texts_cannot_answer() -> None:
    """Live counts and states, past outcomes and authors, the details of a next event: adopted texts do
    not hold them, however well a clause matches the words."""
    text = ("the Member States Advisory Group shall meet quarterly; at least ten replies are received from Member "
            "States; the Secretary-General shall submit the report of EG-ITR to the Council and the next "
            "plenipotentiary conference; Kaleidoscope conferences shall continue to be organized")
    kw = dict(corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)
    for q in ("How many Sector Members does ITU-T have?", "How many people work at BDT?",
              "What is the status of the WSIS+20 review?", "What was the outcome of the EG-ITR review?",
              "Which new Questions did SG17 agree at its last meeting?",
              "How many contributions were submitted to WTSA-16?", "Who drafted Recommendation ITU-T E.119?",
              "What is the theme of the next Kaleidoscope conference?"):
        v = judge(q, [clause(text)], **kw)  # type: ignore[arg-type]
        assert v.abstain, q
    for q in ("How many Member States have to reply before approval?", "How often must the advisory group meet?",
              "Who submits the report of EG-ITR, and to whom?", "What is the status of observers in TSAG?",
              "How many members does the advisory group have?"):
        assert not judge(q, [clause(text)], **kw).abstain, q  # type: ignore[arg-type]


def test_what_a_later_event_decided_is_not_in_the_corpus(corpus_service: object) -> None:
    from retrieval.answering.compose.evidence import decided_at

    assert decided_at("What opinions were adopted at the WTPF held in 2021?") == ("WTPF", 2021)
    assert decided_at("What did PP-22 decide on Resolution 191?") == ("PP", 2022)
    assert decided_at("How was Res 57 revised?") is None
    assert decided_at("did PP-22 revise the IoT resolution, and how?") == ("PP", 2022)
    ans = ask(corpus_service, "What did WTSA-20 decide about the duties of TSAG?")
    assert ans.abstained and "WTSA 2020" in ans.text, ans.text
    # WTSA-16's texts are in this index (Resolution 1, Hammamet 2016): what it decided is asked of them
    kept = ask(corpus_service, "What did the WTSA held in 2016 decide about the duties of TSAG?")
    assert "texts adopted by WTSA 2016" not in kept.text, kept.text


def test_fate_and_later_decisions_asked_with_did() -> None:
    from retrieval.answering.compose.evidence import asks_fate, decided_at

    assert asks_fate("Did WTSA-20 end up adopting the RCC's proposed changes to Resolution 57?")
    assert decided_at("Did the 2021 Council session approve the redesigned ITU Telecom programme?") == ("Council", 2021)
    assert decided_at("Did the Council approve the programme?") is None  # no event named with its year
    # "where does the report end up" asks where it goes, not how things went
    text = "to submit the final report of EG-ITR, with the Council's comments, to the 2022 plenipotentiary conference"
    v = judge("Res 146: where does the expert group's final report end up, with Council's comments?", [clause(text)],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)
    assert not v.abstain, v.reason


def test_who_was_appointed_and_what_a_meeting_approved_are_not_in_the_texts() -> None:
    text = "We are just missing to appoint a Q4 co-rapporteur dedicated to this mechanism"
    v = _judged("who got appointed as the Q4/17 incubation co-rapporteur in the end?", text)
    assert v.abstain and "who holds them" in v.reason, v
    assert not _judged("who appoints the co-rapporteur?", "the study group appoints the co-rapporteur").abstain
    v = _judged("was TP.inno approved at the March 2020 SG17 meeting?", "TP.inno describes the incubation mechanism")
    assert v.abstain and "came of it" in v.reason, v
    # a rule about approval at a meeting is asked, not a meeting's verdict
    rule = "If 70% of replies indicate approval, the study group may consider the draft at the meeting"
    assert not _judged("for TAP, what share of replies has to support it before the SG can consider approval at "
                       "the meeting?", rule).abstain


def test_chat_units_read_as_the_units_the_texts_write() -> None:
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("how many wks does its MS have? 3 mths or 2 yrs?") == \
        "how many weeks does its MS have? 3 months or 2 years?"


def test_coverage_reads_sg_and_wp_as_the_groups_the_texts_name() -> None:
    """"contrib deadline for a SG / WP mtg": the clause says "study group or working party meeting"; the
    short forms must not count as words the clause lacks (the search keeps them as typed)."""
    from retrieval.answering.compose.evidence import key_text

    assert "study group" in key_text("contrib deadline for a SG / WP mtg?")
    assert "study groups" in key_text("how many SGs are there?")
    assert key_text("what does SG17 do?") == key_text("what does SG17 do?").replace("study group", "SG")
    v = _judged("contrib deadline for a SG / WP mtg per A.1?",
                "Contributions that are to be considered at a study group or working party meeting shall reach "
                "TSB at least 12 calendar days before the meeting.")
    assert not v.abstain, v


def test_an_event_named_by_its_conference_name_and_year_is_in_the_corpus() -> None:
    """Res 146 sends the EG-ITR report "to the 2022 plenipotentiary conference": PP-22 is mentioned, so a
    question about that path is not refused as "PP-22 is not in the corpus"; what the report itself
    recommends is in the report, not in the texts."""
    from retrieval.answering.compose.evidence import mentioned

    text = "submit the final report of EG-ITR to the 2022 plenipotentiary conference with the Council's comments"
    assert mentioned("PP-22", lambda s: s in text)
    assert not mentioned("WRC-27", lambda s: s in text)
    v = _judged("what did the EG-ITR final report recommend to PP-22?", text)
    assert v.abstain and "came of it" in v.reason, v


def test_whether_a_text_is_still_in_force_after_a_later_event_is_that_events_to_say() -> None:
    from retrieval.answering.compose.evidence import decided_at

    assert decided_at("is Res 208 still in force after PP-22?") == ("PP", 2022)
    assert decided_at("was Res 1 superseded at WTSA-20?") == ("WTSA", 2020)
    assert decided_at("is Res 208 in force?") is None


def test_a_variant_or_unit_the_question_names_must_be_in_the_clause() -> None:
    """Written for this check: U.1 gives the timings of type A and B signalling, not of type D; a limit
    asked "(W/kg)" is not given by a recital naming who set the guidelines."""
    typed = "For type B signalling, the time interval between the end of the call-confirmation signal pulse " \
            "and the proceed-to-select signal should be at least 100 milliseconds."
    emf = "that guidelines on limits of exposure to EMF have been established by ICNIRP, IEEE and ITU-T"

    def judged(q: str, t: str) -> Verdict:
        return judge(q, [clause(t)], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)

    v = judged("what are the timings for Type D signalling?", typed)
    assert v.abstain and "Type D" in v.reason, v
    assert not judged("what are the timings for type B signalling?", typed).abstain
    assert not judged("what type of signalling is used?", typed).abstain  # no variant named
    assert "W/kg" in judged("what EMF exposure limits (W/kg) apply to base stations?", emf).reason
    assert not judged("what exposure limits (W/kg) apply?", emf + "; the limit is 2 W/kg").abstain


def test_membership_places_codes_deployments_and_definitions() -> None:
    """Written for this check (kinds of miss from an unseen set, reworded): a sum for Member States does not
    answer one for Sector Members; "where's X going to be held" needs a place; "what … code was assigned"
    needs a code; which countries have deployed something is not in adopted texts; "what's a <term>?"
    asks what it is, not an amount."""
    unit = "that the amount of the contributory unit of Member States for the years 2020-2023 shall remain at CHF 318 000"
    when = "WTSA shall be held in the last quarter of 2020;"
    definition = "Settlement rate A rate agreed between involved administrations/ROAs for terminating incoming traffic."

    def judged(q: str, t: str) -> Verdict:
        return judge(q, [clause(t)], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)

    assert judged("how much is the Sector Member contributory unit in CHF?", unit).abstain
    assert not judged("how much is the Member States' contributory unit in CHF?", unit).abstain
    assert "place" in judged("where's WTSA-20 going to be held?", when).reason
    # where a text must be sent is a body, not a place (blind49)
    sent = "Proposals for new Questions shall be submitted to TSB by Member States and Sector Members."
    assert not judged("who can propose a new Question, and where does the proposal have to be sent?", sent).abstain
    assert "place" in judged("and where will WTSA-20 be?", when).reason
    assert not judged("when is WTSA-20 going to be held?", when).abstain
    assert "code" in judged("what international access code was assigned to Palestine?", "Palestine " + when).reason
    assert judged("which countries have actually deployed safety confirmation systems?", definition).abstain
    assert not judged("D-series terms: what's a settlement rate?", definition).abstain


def test_a_recommendation_number_is_no_code_and_a_later_revision_is_not_here() -> None:
    """"Which E.164 country code was assigned to X?" was answered by a clause naming Recommendation E.164."""
    text = "the existing role and sovereignty of ITU Member States with respect to allocation and management of " \
           "their country code numbering resources as enshrined in Recommendation ITU-T E.164"

    def judged(q: str) -> Verdict:
        return judge(q, [clause(text)], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)

    assert "code" in judged("which E.164 country code was assigned to Freedonia?").reason
    assert judged("which country code was given to Freedonia?").abstain


def test_a_possessive_or_a_year_makes_what_is_a_an_amount_and_case_i_is_no_variant() -> None:
    """From a review: "what is a Sector Member's contributory unit for 2024?" was read as a definition,
    skipping the amount checks; "in case I cannot attend" was a variant "case I"."""
    from retrieval.answering.compose.evidence import asks_amount

    assert asks_amount("What is a Sector Member's contributory unit for 2024?")
    assert not asks_amount("D-series terms: what's a settlement rate?")
    # the name of a thing is asked, not its value
    assert not asks_amount("what's the part of the accounting rate owed to a transit country called?")
    assert not asks_amount("what is the term for the rate paid to the terminal administration?")
    assert asks_amount("what's the accounting rate for calls to Geneva?")
    # which costs are spared asks for items, not a sum (blind48)
    assert not asks_amount("dec 5 - which costs r off limits when council cuts spending?")
    assert not asks_amount("which expenses can't be reduced under Decision 5?")
    assert asks_amount("what are the costs of holding the meeting?")
    assert not asks_amount("who checks how SG chairs get picked and how much load they carry?")  # a workload
    share = "Transit share The part of the accounting rate which is due to an intermediate Administration."
    v = judge("what's the part of the accounting rate owed to a transit country called?", [clause(share)],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)
    assert not v.abstain, v
    text = "Participants who cannot attend may follow the meeting remotely."
    v = judge("what happens in case I cannot attend the meeting?", [clause(text)], corpus_has=lambda s: True,
              known_word=lambda w: True, coverage=lambda t: 1.0)
    assert not v.abstain, v


def _resolution_clause(body: str, number: str, part: str, label: str, text: str) -> Clause:
    inst = Instrument(body=body, kind="resolution", number=number)  # type: ignore[arg-type]
    return Clause(clause_id=f"{body}-{number}#{label}", doc_id=f"{body}-{number}", instrument=inst, part=part,
                  label=label, text=text, span=(0, len(text)))


def test_a_clause_saying_who_presides_over_something_else_is_no_holder() -> None:
    steering = _resolution_clause("WTSA", "1", "section 1", "1.2", "It shall establish a Steering Committee, "
                                  "presided over by the chairman of the assembly.")

    def cov(t: str) -> float:
        return 1.0 if "Steering" in t and "Steering" in q else 0.0

    q = "who chairs CWG-LANG?"
    assert judge(q, [steering], corpus_has=lambda s: True, known_word=lambda w: True, coverage=cov).abstain
    q = "who chairs the Steering Committee?"
    assert not judge(q, [steering], corpus_has=lambda s: True, known_word=lambda w: True, coverage=cov).abstain


def test_another_sectors_procedure_does_not_answer_for_this_one() -> None:
    twelve = _resolution_clause("WTSA", "1", "section 3", "3.1",
                                "Contributions shall reach TSB at least 12 calendar days before the meeting.")
    general = _resolution_clause("PP", "165", "resolves", "1",
                                 "to establish a firm submission deadline of 21 calendar days for contributions;")

    def verdict(q: str, clauses: list[Clause]) -> Verdict:
        return judge(q, clauses, corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.8)

    tdag = verdict("what's the contribution deadline for TDAG meetings?", [twelve])
    assert tdag.abstain and "ITU-D" in tdag.reason and "ITU-T" in tdag.reason, tdag
    # ITU-T's own meetings, a Plenipotentiary text (all three Sectors'), or a clause naming the Sector: answered
    assert not verdict("what's the contribution deadline for TSAG meetings?", [twelve]).abstain
    assert not verdict("what's the contribution deadline for TDAG meetings?", [general, twelve]).abstain
    named = twelve.model_copy(update={"text": twelve.text + " The same applies to TDAG meetings."})
    assert not verdict("what's the contribution deadline for TDAG meetings?", [named]).abstain


def test_a_deadline_for_another_meeting_does_not_answer() -> None:
    wtsa = _resolution_clause("WTSA", "1", "section 6", "6.1",
                              "Contributions should be submitted not later than one month before the opening of WTSA.")

    def verdict(q: str) -> Verdict:
        return judge(q, [wtsa], corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.9)

    sg = verdict("Res 1 - deadline for contributions before a SG meeting?")
    assert sg.abstain and "WTSA" in sg.reason and "study group" in sg.reason, sg
    assert not verdict("deadline for contributions to WTSA?").abstain
    # the instrument's own name is no meeting asked about
    assert not verdict("WTSA Res 1: when must contributions be submitted?").abstain


def test_a_rule_for_another_kind_of_text_does_not_answer() -> None:
    question_rule = _resolution_clause("WTSA", "1", "section 7", "7.2.3",
                                       "b) A proposed Question is approved and has the same status as Questions "
                                       "approved at a WTSA, if: – a simple majority of all the Member States "
                                       "responding are in agreement;")

    def verdict(q: str) -> Verdict:
        return judge(q, [question_rule], corpus_has=lambda s: True, known_word=lambda w: True,
                     coverage=lambda t: 0.9)

    rec = verdict("what majority is needed to approve a Recommendation at WTSA?")
    assert rec.abstain and "Questions, not for Recommendations" in rec.reason, rec
    assert not verdict("what majority is needed to approve a new Question by consultation?").abstain
    # "comment resolution" and "the question" name no kind of text; "Resolution 1" is the instrument
    assert not verdict("under Resolution 1, what majority approves by consultation after comment resolution?").abstain
    assert not verdict("what majority answers the question of approval by consultation?").abstain


def test_counts_kinds_of_cost_and_later_conferences() -> None:
    from retrieval.answering.compose.direct import holds_quantity
    from retrieval.answering.compose.evidence import asks_amount, decided_at

    who = "there are 1 billion persons living with varying degrees of disabilities"
    assert holds_quantity("how many people live with a disability?", who)
    assert not holds_quantity("how many countries are affected?", who)
    assert holds_quantity("how many Member States must agree?", "at least three Member States")
    # which kind of price or cost is asked in words ("a market price"), not as a sum
    assert not asks_amount("what kind of price do non-members pay?")
    assert not asks_amount("what costs do remote participants still cover themselves?")
    assert asks_amount("what is the price of a Recommendation?") and asks_amount("what fee does an SME pay?")
    assert decided_at("did the 2022 plenipot in Bucharest change the accessibility resolution?") == ("PP", 2022)
    assert decided_at("did plenipot 2022 change res 175?") == ("PP", 2022)
    assert decided_at("what does the plenipot resolution on accessibility say?") is None
    assert _judged("who's the contact person at TSB for OTT questions?", "TSB shall foster OTT studies").abstain


def test_a_year_naming_the_instrument_and_things_paid_for() -> None:
    from retrieval.answering.compose.evidence import asks_amount

    plan = _resolution_clause("PP", "71", "annex 1", "1.5", "R.1-a: more countries have satellite networks recorded")
    plan = plan.model_copy(update={"instrument": plan.instrument.model_copy(
        update={"title": "Strategic plan for the Union for 2020-2023"})})
    assert not judge("in the 2020-2023 strategic plan, whose objective is recording satellite networks?", [plan],
                     corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.9).abstain
    assert judge("what did the 2019 Council say about recording satellite networks?", [plan],
                 corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.9).abstain
    assert not asks_amount("if I join remotely, what do I still have to pay for?")
    assert asks_amount("what does a remote participant pay?")


def test_a_when_clause_that_sets_the_scene_asks_no_date() -> None:
    """blind21, first run: "when ITU talks about evolving infrastructure …, whose Recommendations is that
    evolution supposed to be based on?" was judged a question for a date and abstained."""
    from retrieval.answering.compose.evidence import asks_when

    assert not asks_when("when ITU talks about evolving infrastructure (not rip-and-replace), whose "
                         "Recommendations is that evolution supposed to be based on?")
    assert not asks_when("when a study group meets remotely, why does TSB keep the minutes?")
    assert asks_when("when does TSAG meet?") and asks_when("when is the deadline, and who sets it?")


# PP Res 71's targets, as the Final Acts' conversion flattened the table into one paragraph.
_TARGETS = ("Table 1: Targets Target Goal 1: Growth Target 1.1: By 2023, 65% of households worldwide with access to "
            "the Internet Target 1.2: By 2023, 70% of individuals worldwide will be using the Internet Goal 2: "
            "Inclusiveness Target 2.6: By 2023, broadband services should cost no more than 3% of average monthly "
            "income in developing countries Target 2.7: By 2023, 96% of the world population covered by broadband "
            "services Goal 3: Sustainability Target 3.1: By 2023, improve cybersecurity preparedness of countries, "
            "with key capabilities: presence of strategy, national computer incident/emergency response teams and "
            "legislation Target 3.2: By 2023, increase the global e-waste recycling rate to 30% Target 3.3: By 2023, "
            "raise the percentage of countries with an e-waste legislation to 50%")


def test_a_flattened_table_is_quoted_and_answered_row_by_row() -> None:
    """blind21/23, first runs: the 2023 targets of the strategic plan were answered with the paragraph's
    opening ("Targets represent the effect …") or with the first row's 65%: no full stop ends a row."""
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.answering.quotes import best_quote

    table = clause(_TARGETS + " " + "Targets represent the effect and long-term impact of ITU's work. " * 8)
    assert best_quote(table.text, "target for the global e-waste recycling rate?") == \
        "Target 3.2: By 2023, increase the global e-waste recycling rate to 30%"
    found = answer_with_actor("by 2023 broadband in developing countries shouldn't cost more than what share of "
                              "monthly income?", table, best=True)
    assert found is not None and found[0].startswith("No more than 3%: “Target 2.6"), found


def test_how_long_is_answered_by_seconds_and_hours_too() -> None:
    """blind22, first run: "how long can it take before the first character of the waiting sequence goes out"
    abstained ("do not give how long it lasts") on U.1 §10.2.3's "within 8 seconds"."""

    def judged(q: str, t: str) -> bool:
        return judge(q, [clause(t)], corpus_has=lambda s: True, known_word=lambda s: True,
                     coverage=lambda s: 1.0).abstain

    q = "how long can it take before the first character of the waiting sequence goes out?"
    assert not judged(q, "The first character of the waiting signal sequence shall be transmitted within 8 seconds "
                         "of the commencement of the call-connected signal.")
    assert judged(q, "The first character of the waiting signal sequence shall be transmitted after the "
                     "call-connected signal.")


def test_a_span_asked_of_a_thing_comes_from_the_sentence_about_it() -> None:
    """Two sets asked "how long does the AAP Last Call comment period run?" and got A.8 §4.5's three weeks
    (the additional review, whose text goes on about comments from the last call): §4.1 says "The last
    call encompasses the four-week time period"."""
    from retrieval.answering.compose.direct import states_quantity_of

    q = "How long does the AAP Last Call comment period run?"
    assert states_quantity_of(q, "The last call encompasses the four-week time period and procedures beginning "
                                 "with the Director's announcement.")
    assert not states_quantity_of(q, "The additional review encompasses a three-week time period. The text and "
                                     "comments from the last call must be made available to TSB.")
    # a doer and a task is no thing named: left to the ranking
    assert not states_quantity_of("how long does the Director have to send out the circular?",
                                  "The Director shall send out the circular within two weeks.")


def test_current_holders_and_latest_figures_are_not_in_adopted_texts() -> None:
    """blind24, first run: "who currently chairs the ISCG?" was answered with the Deputy Secretary-General
    who headed ISC-TF in 2016, "what's the latest ICT price basket figure for mobile broadband in the
    LDCs?" with a recital's figure, and "who is the session chair supposed to send the allocation table
    to?" was refused as a question about who holds the post."""

    def judged(q: str, t: str) -> bool:
        return judge(q, [clause(t)], corpus_has=lambda s: True, known_word=lambda s: True,
                     coverage=lambda s: 1.0).abstain

    assert judged("who currently chairs the ISCG (intersector coordination group)?",
                  "an Intersector Coordination Task Force (ISC-TF) in the secretariat headed by the Deputy Secretary-General")
    assert judged("what's the latest ICT price basket figure for mobile broadband in the LDCs?",
                  "Mobile broadband costs more than 5 per cent of GNI per capita in most LDCs")
    assert not judged("after the incubation allocation session, who is the session chair supposed to send the "
                      "allocation table to?",
                      "The session chair sends the allocation table to the study group chairman and to TSB.")


def test_a_count_in_brackets_after_what_it_counts_answers_how_many() -> None:
    """blind24, first run: "how many members normally have to commit support before a study group can
    approve a new Question?" quoted Res 1 §7.2.2 without its count, written "some Member States and Sector
    Members (normally at least four)"."""
    from retrieval.answering.compose.direct import answer_with_actor, holds_quantity

    text = ("New or revised Questions may be approved by a study group if consensus is achieved. In addition, "
            "some Member States and Sector Members (normally at least four) have to commit themselves to support "
            "the work.")
    q = "how many members normally have to commit support before a study group can approve a new Question?"
    assert holds_quantity(q, text)
    found = answer_with_actor(q, clause(text), best=True)  # the search's first clause, as in the pipeline
    assert found is not None and found[0].startswith("Normally at least four"), found
    assert not holds_quantity("how many meetings are held?", text)


def test_which_question_is_answered_by_the_question_a_sentence_names() -> None:
    """Five sets asked which SG17 Question hosts the incubation queue; the answers quoted C823's general
    description or the heading of §2.4.3, never "We therefore proposed Q4 to host the incubation role"."""
    from retrieval.answering.compose.direct import answer_with_actor, question_named

    text = ("To which question to attach the incubation queue\nBoth Q2 and Q4 are reasonable candidates to host, at "
            "this stage, the incubation question. We therefore proposed Q4 to host the incubation role and mechanism "
            "at this stage.")
    q = "which question in SG17 hosts the incubation queue?"
    assert question_named(q, text) == ("Q4", "We therefore proposed Q4 to host the incubation role and mechanism at "
                                           "this stage.")
    found = answer_with_actor(q, clause(text), best=True)
    assert found is not None and found[0].startswith("Q4: “We therefore proposed Q4"), found
    # a Question number already given, or no sentence sharing the question's words: nothing to name
    assert question_named("what does Q4/17 study?", text) is None
    assert question_named("which question covers biometrics?", text) is None


def test_whether_a_target_was_hit_or_what_a_later_conference_added_is_not_in_the_texts() -> None:
    """blind21, abstentions missed since its first run: "did ITU actually hit its 30% global e-waste recycling
    target by 2023?" quoted the target, "which countries got added to the Res 34 special-need list at PP-22?"
    quoted Res 160."""
    from retrieval.answering.compose.evidence import _OUTCOME_RE, decided_at

    assert _OUTCOME_RE.search("did ITU actually hit its 30% global e-waste recycling target by 2023?")
    assert _OUTCOME_RE.search("have we missed the broadband affordability target?")
    assert decided_at("which countries got added to the Res 34 special-need list at PP-22?") == ("PP", 2022)
    assert decided_at("which countries are on the Res 34 list?") is None


def test_blind25_first_run_honesty_and_reading() -> None:
    """blind25, first run: "what does WTSA Resolution 2 give SG17 …?" was answered from WTSA Res 1 (PP Res 2
    is indexed, and the number alone found it); "walk me through the A.13 procedure" from Res 1 §1bis.6.2;
    "did PP-22 make the SME reduced fees permanent?" from Res 209; "what date format …" was refused as a
    question for a date; "a8 cl 5.4" and "does T or D lead …" were not read."""
    from retrieval.answering.compose.evidence import asks_when, decided_at, recommendations_asked
    from retrieval.answering.query import detect, expand_shorthand

    assert recommendations_asked("walk me through the A.13 procedure for agreeing a new supplement") == ["A.13"]
    assert recommendations_asked("what does the D.50 work say") == []
    assert decided_at("did PP-22 make the SME reduced fees from res 209 permanent?") == ("PP", 2022)
    assert not asks_when("what date format is supposed to appear with the rec number on the cover?")
    assert expand_shorthand("a8 cl 5.4 - does it pass?").startswith("A.8 clause 5.4")
    assert expand_shorthand("b4 the meeting") == "before the meeting"  # "before", never Recommendation B.4
    assert detect("telecom consumer protection: does T or D lead the work according to PP-18?")[0] == "sector"



def test_on_an_annual_basis_after_council_consideration_answers_when() -> None:
    """blind25, first run: "who publishes the external auditor's reports and when do they go online?" was
    refused for want of a date; Res 94 has them published "on an annual basis, and after their
    consideration by the Council"."""
    from retrieval.answering.compose.evidence import _DATE_RE

    assert _DATE_RE.search("to publish on an annual basis, and after their consideration by the Council, the reports")
    assert not _DATE_RE.search("to publish the reports of the external auditor on a public website")


def test_spending_wants_money_a_count_is_no_label_and_a_template_is_its_recommendations() -> None:
    """Tried as a new user: "how much did ITU spend on the new headquarters in 2023?" answered "65%" (a 2023
    Internet target); "how many study groups does ITU-D have?" answered with "ITU-D Study Group 1";
    "what is the ITU-T A.2 template for contributions?" answered from A.Sup5 (A.2 is not indexed)."""
    from retrieval.answering.compose.evidence import recommendations_asked

    v = _judged("how much did ITU spend on the new headquarters in 2023?",
                "Target 1.1: By 2023, 65% of households worldwide with access to the Internet")
    assert v.abstain and "amount" in v.reason, v
    # a share asked for is still answered by a share
    assert not _judged("what share of the staff-cost budget goes to in-service training?",
                       "to earmark 3 per cent of the staff-cost budget for in-service training").abstain
    assert not _judged("how much did the Council budget for the HQ project?",
                       "a maximum budget for total project costs of CHF 140 million").abstain
    v = _judged("how many study groups does ITU-D have?",
                "studies and ongoing work in ITU-T and ITU-D study groups, particularly ITU-T Study Groups 3 and 17 "
                "and ITU-D Study Group 1;")
    assert v.abstain and "number" in v.reason, v
    assert not _judged("how many replies are needed?", "if at least ten replies are received").abstain
    assert recommendations_asked("what is the ITU-T A.2 template for contributions?") == ["A.2"]
    # "which countries are in the RAG bureau?" answered with a recital naming Resolution ITU-R 7-3; "what's the
    # page limit for liaison statements?" with a clause on forwarding them
    v = _judged("which countries are in the RAG bureau?", "Resolution ITU-R 7-3 (Rev. Geneva, 2015) of the "
                "Radiocommunication Assembly (RA), on telecommunication development")
    assert v.abstain and "who holds them" in v.reason, v
    v = _judged("what's the page limit for liaison statements?", "Liaison statements should be forwarded to the "
                "appropriate destinations as soon after the meeting as possible.")
    assert v.abstain and "number" in v.reason, v
    assert recommendations_asked("the D.50 work in SG3 - who leads it?") == []


def test_paying_in_advance_answers_when_to_pay() -> None:
    """"In advance" is a time the texts give ("shall pay in advance their annual contributory shares"); the
    answer leads with it rather than refusing for want of a date."""
    from retrieval.answering.compose.direct import answer_sentence

    text = ("that, in accordance with No. 168 of the ITU Constitution, Member States and Sector Members shall pay "
            "in advance their annual contributory shares;")
    q = "when do member states have to pay their contributions?"
    assert not _judged(q, text).abstain
    assert (answer_sentence(q, clause(text)) or "").startswith("In advance:")


def test_an_english_word_the_corpus_lacks_is_meant_not_mistyped(corpus_service: object) -> None:
    """"drones" is a letter from a word Resolution 1 uses, but it is an English word: the asker meant it, so
    the answer says the corpus never mentions it instead of quoting clauses about something else. A non-word
    a letter away is still read as a typo (the spelling tests)."""
    import pytest

    from tests.conftest import RES1

    if not RES1.exists():
        pytest.skip("../shared/itu is absent")
    ans = ask(corpus_service, "What does Resolution 1 say about drones?")
    assert ans.abstained and "“drones”" in ans.text, ans.text


def test_a_word_the_corpus_never_uses_at_the_end_of_for_is_the_subject() -> None:
    """"… the use of ICT for refugees?": what it is for is the subject; the corpus never naming it is a refusal,
    however many of the other words the clauses share."""
    text = "the role of telecommunications/information and communication technologies (ICTs) in regard to climate"
    v = judge("is there anything in PP-18 on the use of ICT for refugees?", [clause(text)], corpus_has=lambda s: True,
              known_word=lambda w: w != "refuge", coverage=lambda t: 1.0)
    assert v.abstain and "“refugees”" in v.reason, v


def test_an_elected_officials_term_is_not_answered_by_another_posts() -> None:
    """"Term of office of the Secretary-General?" against Res 208's limit on chairmen's terms: that is another
    post's rule, so the answer refuses; the chairmen's own question is still answered by it."""
    chairs = "that the term of office for both chairmen and vice-chairmen shall not exceed two terms of office"
    for q in ("what is the term of office of the Secretary-General?", "how many terms can the Director of TSB serve?",
              "who elects the Secretary-General?"):
        v = _judged(q, chairs)
        assert v.abstain and "other posts" in v.reason, (q, v)
    assert not _judged("how many terms can a study group chairman serve?", chairs).abstain
    # any Bureau Director: a clause must name one of the three
    v = _judged("what is the term of a Bureau Director?", chairs)
    assert v.abstain and "other posts" in v.reason, v
    assert not _judged("who elects the Bureau Directors?",
                       "the Plenipotentiary Conference shall elect the Director of TSB").abstain
    assert not _judged("who reports to the Secretary-General on the term of office of chairmen?",
                       "the Secretary-General shall report on the terms of office of chairmen").abstain


def test_what_a_target_actually_reached_is_an_outcome() -> None:
    """"What recycling rate was actually reached by 2023?" against the strategic plan's target ("By 2023,
    increase the global e-waste recycling rate to 30%"): the target is no result, so no "30%"."""
    target = "Target 3.2: By 2023, increase the global e-waste recycling rate to 30%"
    for q in ("what global e-waste recycling rate was actually reached by 2023?",
              "did ITU actually achieve the 30% e-waste target?"):
        v = _judged(q, target)
        assert v.abstain and "came of it" in v.reason, (q, v)
    assert not _judged("what e-waste recycling rate is targeted for 2023?", target).abstain


def test_a_page_length_is_a_count_of_pages_not_a_time() -> None:
    """"Max page length for a contribution?" against "well in advance (one year)": a year is no page count."""
    q = "what's the max page length for a contribution to an ITU-T study group?"
    words = {"max", "page", "length", "contribution", "itu-t", "study", "group"}

    def cov(t: str) -> float:
        return len(words & set(re.findall(r"[\w-]+", t.lower()))) / len(words)

    year = "The timetable of study group meetings shall be communicated well in advance (one year)."
    v = judge(q, [clause(year)], corpus_has=lambda s: True, known_word=lambda w: True, coverage=cov)
    assert v.abstain and "number" in v.reason, v
    pages = "A contribution to a study group should not exceed 2 500 words (about five pages)."
    assert not judge(q, [clause(pages)], corpus_has=lambda s: True, known_word=lambda w: True, coverage=cov).abstain


def test_a_country_typed_in_lower_case_is_named_unless_given_as_an_example() -> None:
    from retrieval.answering.compose.evidence import countries_in

    assert countries_in("what F.69 telex destination code does switzerland use?") == ["Switzerland"]
    assert countries_in("does turkey have a CIRT?") == []  # an everyday word too
    telex = "[4] CCITT Recommendation Operational provisions for the international telex service, Rec. F.60"
    v = _judged("what F.69 telex destination code does switzerland use?", telex)
    assert v.abstain and "Switzerland" in v.reason, v
    needs = "to carry out a needs assessment of the countries in special need listed in the annex"
    assert not _judged("for the countries-in-special-need list (afghanistan etc.) who does the needs assessment?",
                       needs).abstain


def test_what_a_body_chose_later_a_balance_and_a_meeting_after_a_year_are_not_in_the_texts() -> None:
    """blind39: Council's later choices are in its records; a balance on a date is a sum; "the WTDC after 2021"
    is not the one the 2018 schedule sets for 2021."""
    themes = "to continue to decide on the duration, date, venue, agenda and themes of any future WTPF;"
    v = _judged("what themes did council pick for the 2021 WTPF?", themes)
    assert v.abstain and "what it chose" in v.reason and "Council" in v.reason, v
    assert not _judged("what does council have to decide about the WTPF?", themes).abstain
    reserve = "that the Council shall aim in all circumstances to keep the Reserve Account at a level above 6 per cent"
    v = _judged("what was the balance of ITU's reserve account at the end of 2019?", reserve)
    assert v.abstain and "amount" in v.reason, v
    assert not _judged("what level is council supposed to keep the reserve account above?", reserve).abstain
    sched = "WTDC shall be held in the last quarter of 2021;"
    v = _judged("where and when is the WTDC after 2021 taking place?", sched, this_year=2020)
    assert v.abstain and "date" in v.reason, v
    assert not _judged("when is the WTDC taking place according to Res 77?", sched, this_year=2020).abstain


def test_on_what_grounds_asks_why_and_taking_place_is_being_held() -> None:
    """"… who decides that and on what grounds?" names no subject the corpus lacks; "when is WTSA meant to take
    place" is covered by "WTSA shall be held …" (blind39, both abstained at first)."""
    from retrieval.answering.compose.evidence import key_text

    skip = "The opportunity for review by TSAG may be dispensed with only where urgent approval is justified"
    v = judge("can TSAG's review be skipped? who decides that and on what grounds?", [clause(skip)],
              corpus_has=lambda s: True, known_word=lambda w: w not in ("skip", "ground"), coverage=lambda t: 0.7)
    assert not v.abstain, v
    assert "held" in key_text("when is the next WTSA meant to take place?").split()


def test_how_often_asked_alone_needs_a_clause_saying_how_often() -> None:
    """"how often does the PP meet?" had quoted A.1's "… avoid leaving their home countries too often"."""
    too = "It should likewise enable the specialists concerned to avoid leaving their home countries too often."
    v = _judged("how often does the PP meet?", too, "Academia shall be allowed to participate remotely, as appropriate")
    assert v.abstain and "how often" in v.reason, v
    for said in ("TSAG shall hold regular scheduled meetings, at least once a year", "once every four years",
                 "the ITRs should normally be reviewed periodically", "the report is submitted to each session"):
        assert not _judged("how often does it meet?", said).abstain, said
    # with a second question, the clauses may answer that one
    assert not _judged("how often does the PP meet, and who convenes it?", too).abstain


def test_when_contrasting_two_ways_asks_in_which_cases() -> None:
    """"when should a draft be held over for WTSA instead of at the SG?" asks in which cases (Res 1 §9.2.2's list),
    not for a date; a plain "when" still wants one."""
    cases = "Cases where approval of new or revised Recommendations should be deferred for consideration at a WTSA are:"
    assert not _judged("when should a draft rec be held over for approval at WTSA instead of at the SG?", cases).abstain
    assert not _judged("when does TAP apply rather than AAP?", cases).abstain
    assert _judged("when should the draft go to WTSA?", cases).abstain


def test_a_cutoff_or_threshold_asks_for_a_value() -> None:
    """"what GNI per capita cutoff decides fellowships?": a value is asked, and a clause saying who may get one
    (Res 25 resolves 12) gives none."""
    rule = "delegates of any developing countries which have made input contributions can be eligible for a fellowship"
    assert _judged("what GNI per capita cutoff decides whether a country's delegates can get an ITU fellowship?",
                   rule).abstain
    assert _judged("is there an age cutoff for the youth leaders programme?",
                   "the Young ICT Policy Leaders initiative supports young people in the policy field").abstain
    assert not _judged("what income threshold applies to fellowships?",
                       "fellowships go to countries with a GNI per capita below USD 2 000").abstain


def test_a_text_saying_who_sponsors_answers_and_a_length_to_cut_is_no_length_asked() -> None:
    """blind43: "which bureau director sponsors the IGF coalition?" is answered by a text saying "sponsored by the
    Director of TSB" (who sponsored a text at the meeting is still in its records only); "what is council told to
    do to cut the number and length of CWG meetings?" asks for no duration."""
    said = "the activity carried out by the IGF Dynamic Coalition on Accessibility and Disability sponsored by the " \
           "Director of the Telecommunication Standardization Bureau"
    assert not _judged("the IGF dynamic coalition on accessibility - which bureau director sponsors it?", said).abstain
    assert _judged("which countries co-sponsored the resolution?", "the resolution was adopted").abstain
    merge = "the Council shall merge existing CWGs with a view to reducing their number and the number and duration " \
            "of their meetings"
    assert not _judged("CWGs: what is council told to do to cut the number and length of CWG meetings?", merge).abstain
    assert _judged("max length of a plenipotentiary conference?", merge).abstain


def test_what_a_question_names_is_not_always_what_it_asks() -> None:
    # blind52's first run: "… or only before the deadline?" asked no date, "can the SG spend above budget …?" no
    # sum, "someone got elected … - does that stint count?" no election result; each abstained
    rule = "the Council may give the Secretary-General the possibility to increase the budget for cost-recovery " \
           "products; a chairman elected in the interval does not count that period; proposals may be submitted " \
           "as TDs at any time"
    for q in ("can a WP vice-chair submit a proposal as a TD whenever, or only before the deadline?",
              "budget question: can the SG spend above budget on cost-recovery products?",
              "someone got elected vice-chair between assemblies - does that stint count toward the term limit?"):
        assert not _judged(q, rule).abstain, q
    assert "who won" in _judged("who got elected vice-chair between assemblies?", rule).reason
    assert "amount" in _judged("what does it typically cost a host to have a meeting outside Geneva?", rule).reason
    assert "what it chose" in _judged("which machine translation system did ITU roll out?", rule).reason
    # percentages offered to choose from ask for a percentage, which a clause must give
    q = "what availability figure (99.9%? 99.99%?) must the safety confirmation service guarantee?"
    assert "share" in _judged(q, "the service must be highly available").reason
    assert not _judged(q, "the service must be available 99.9 % of the time").abstain
    # a count a text states answers "how many attended"; one it does not is the meeting's record
    forum = "WTPF-13 was a successful edition of these forums, attended by 126 Member States and 900 delegates"
    assert not _judged("roughly how many delegates attended WTPF-13?", forum).abstain
    assert "attended" in _judged("how many delegates attended WTPF-21?", rule).reason
    assert "attended" in _judged("how many delegates attended WTSA-16?", forum).reason  # another event's figures
    assert "attended" in _judged("how many delegates attended WTPF-13?", "delegates may attend; 3 sessions").reason


def test_texts_the_corpus_only_cites_and_others_own_rules() -> None:
    # blind55's first run: BT.2100 (two letters), article 28 of the Constitution, the EU radio equipment
    # directive, who implemented E.119, what a review presented to Council recommended: all answered
    from retrieval.answering.compose.evidence import basic_text_asked, basic_text_quoted, recommendations_asked

    assert recommendations_asked("BT.2100 - which HDR transfer functions does it specify?") == ["BT.2100"]
    assert basic_text_asked("what does article 28 of the ITU Constitution say about the classes of contribution?") == \
        ("article 28", "Constitution")
    assert basic_text_asked("what do the radio regulations say about satellite filings?") == ("", "Radio Regulations")
    assert basic_text_asked("are members free to pick their class of contribution?") is None
    assert basic_text_asked("What does the Tampere Convention provide for?") is None  # another treaty, restated
    cited = clause("in accordance with No. 160 of the Constitution, all ITU members shall be free to choose their class")
    assert basic_text_quoted("No. 160", "Constitution", [cited]) and not basic_text_quoted("Article 28", "Constitution", [cited])
    text = "a safety confirmation system must be easy to operate; the review of the regional presence shall be " \
           "submitted to the Council at its 2020 session; C&I procedures protect consumers from radio interference"
    assert "EU's own" in _judged("under the EU radio equipment directive, what are the essential requirements?", text).reason
    for q in ("which operators or vendors have implemented the E.119 safety confirmation service so far?",
              "what did the regional presence review presented to Council 2020 actually recommend?"):
        assert "came of it" in _judged(q, text).reason, q
    # a year is what a date gives: "what year did ITU and UNESCO set up the Broadband Commission?"
    assert not _judged("what year did ITU and UNESCO establish the Broadband Commission?",
                       "ITU, along with UNESCO, established the Broadband Commission in 2010").abstain


def test_a_place_or_amount_is_answered_only_where_a_clause_gives_that_one() -> None:
    # blind56's first run: "which city hosted the 2012 diplomatic conference …?" abstained though a clause says
    # where it was held; "the total amount of arrears" was answered with the contributory unit's CHF 318 000
    berlin = "the 2012 diplomatic conference held in Berlin under the auspices of UNIDROIT adopted the Space Protocol"
    assert not _judged("which city hosted the 2012 diplomatic conference that adopted the space protocol?", berlin).abstain
    assert _judged("which city hosted WTSA-20?", "WTSA-20 shall consider the resolution").abstain
    unit = "the amount of the contributory unit of Member States for 2020-2023 shall remain unchanged at CHF 318 000"
    assert "amount" in _judged("what was the total amount of arrears owed to ITU, in CHF?", unit).reason
    assert not _judged("what is the amount of the contributory unit for 2020-2023?", unit).abstain
    # a hedge on the figure asked is no subject the corpus must mention
    assert not _judged("roughly how many security standards has ITU-T adopted?",
                       "ITU-T has adopted around 300 standards relating to security").abstain


def test_spans_in_a_unit_retention_periods_and_what_a_group_agreed_at_its_meeting() -> None:
    kw = {"corpus_has": lambda s: True, "known_word": lambda w: True, "coverage": lambda t: 0.7}
    # "within how many minutes": a span in minutes, not any number ("step 2")
    minutes = "within how many minutes must staff report their status after a request?"
    assert judge(minutes, [clause("the staffs send their status to the manager (step 2).")], **kw).abstain
    assert not judge(minutes, [clause("staff shall send their status within 30 minutes.")], **kw).abstain
    assert not judge("how many days before the meeting must contributions arrive?",
                     [clause("contributions shall reach TSB at least 12 calendar days before the meeting.")], **kw).abstain
    # how long something may be kept, a minimum contract length: a duration
    kept = "how long may the stored contact data be kept?"
    assert judge(kept, [clause("the information stored is personally identifiable information.")], **kw).abstain
    assert not judge(kept, [clause("contact data shall be deleted after six months.")], **kw).abstain
    assert judge("what's the minimum contract length for a leased circuit?",
                 [clause("Lease: an agreement whereby a facility is made available to a customer.")], **kw).abstain
    # … given by the next clause of the section the first opens ("10.4.1 … a signal", "10.4.2 … 5 minutes")
    first = Clause(clause_id="u1@x#clause.10.4.1", doc_id="u1@x", instrument=Instrument(), part="clause",
                   text="a backward busying signal might be sent for routine tests.", span=(0, 1))
    then = Clause(clause_id="u1@x#clause.10.4.2", doc_id="u1@x", instrument=Instrument(), part="clause",
                  text="the signal takes the form of stop polarity for not more than 5 minutes.", span=(0, 1))
    assert not judge("busying signal for routine tests - max duration?", [first, then], corpus_has=lambda s: True,
                     known_word=lambda w: True, coverage=lambda t: 0.7 if "routine" in t else 0.2).abstain
    # what a group agreed at its own meeting, what an expert group finally recommended, who uses a rule in
    # practice: records, not the adopted texts
    rule = clause("the heads of delegation shall meet to prepare the agenda and recommend the chairmen.")
    for q in ["what did the heads of delegation agree at their meeting before the assembly opened?",
              "what did the EG-ITR finally recommend?",
              "which administrations actually use the 4-second allowance?"]:
        v = judge(q, [rule], **kw)
        assert v.abstain and "what came of it" in v.reason, (q, v)
    assert not judge("what did PP-18 finally decide about the review?", [rule], **kw).abstain


def test_chat_references_variants_among_several_examples_and_other_languages() -> None:
    from retrieval.answering.query import expand_shorthand, in_texts_words
    from retrieval.indexing.lexical import holds, lexical_tokens

    # "r208" in chat is Resolution 208 (no ITU-T R.208 exists); "a1 def of …" is A.1's definition
    assert expand_shorthand("r208 annx1 1.5 - VC seat") == "Res 208 annx1 1.5 - VC seat"
    assert expand_shorthand("a1 def of 'work item'") == "A.1 definition of 'work item'"
    assert expand_shorthand("R.140 timing") == "R.140 timing" and expand_shorthand("e119 reqs") == "E.119 reqs"
    assert in_texts_words("who chips in for the building?") == "who contribute for the building?"
    # a ceiling is a maximum ("a maximum budget … of CHF 140 million")
    assert holds(set(lexical_tokens("a maximum budget of CHF 140 million")), "ceiling")
    kw = {"corpus_has": lambda s: True, "known_word": lambda w: True, "coverage": lambda t: 0.7}
    # one variant among several the first clause names
    listed = clause("that additional signalling standards (types C and D) are laid down in Recommendations U.11 "
                    "and U.12;")
    assert not judge("which recs define the type C and type D signalling?", [listed], **kw).abstain
    assert judge("what are the timings for type D signalling?",
                 [clause("For type B signalling, the interval is 2 s."), listed], **kw).abstain
    # countries given as examples of what is asked ("like Saudi Arabia and Czechia did") are not asked about
    gave = clause("to follow the example of generous donors in contributing to the new building.")
    assert not judge("who is encouraged to contribute like Saudi Arabia and Czechia did?", [gave], **kw).abstain
    assert judge("what did Czechia contribute to the new building?", [gave], **kw).abstain
    # "en cuanto a" is "as regards": no amount is asked
    es = clause("Interoperability for safety confirmation: the system should work with other systems.")
    assert not judge("¿Qué exige la E.119 en cuanto a interoperabilidad?", [es], foreign=True, **kw).abstain


def test_a_moment_said_as_soon_as_something_happens_answers_when() -> None:
    kw = {"corpus_has": lambda s: True, "known_word": lambda w: True, "coverage": lambda t: 0.7}
    q = "when is the call-connected signal returned for a call to a switchboard?"
    assert not judge(q, [clause("the call-connected signal shall be returned as soon as the call reaches the "
                                "terminal equipment.")], **kw).abstain
    assert judge(q, [clause("the call-connected signal shall be returned by the terminal equipment.")], **kw).abstain


def test_radio_regulations_by_article_vote_counts_and_a_number_of_countries() -> None:
    from retrieval.answering.compose.evidence import basic_text_asked

    # "RR article 9": the Radio Regulations, named before their provision
    assert basic_text_asked("under RR article 9, what's the coordination arc?") == ("article 9", "Radio Regulations")
    assert basic_text_asked("Radio Regulations No. 9.7 - which networks?") == ("No. 9.7", "Radio Regulations")
    text = "the conference adopted the resolution on the status of Palestine; four States have signed the Protocol"
    assert _judged("how did the vote go on the Palestine resolution?", text).abstain
    assert _judged("what were the numbers for and against at PP-18?", text).abstain
    # "which four countries …": the countries, which a count of them does not name
    v = _judged("which four countries had signed the Protocol?", text)
    assert v.abstain and "countries" in v.reason, v
    assert not _judged("which four countries had signed the Protocol?", text + " (France, Germany, Italy, Spain)").abstain
    # … asked of "states" as well (blind63)
    v = _judged("which four states does the Protocol count?", text)
    assert v.abstain and "countries" in v.reason, v


def test_a_subject_whose_words_the_corpus_never_holds_together_is_not_in_it() -> None:
    # (blind64: "net neutrality" answered from a recital on the Council's report because "net" and "neutrality"
    # each occur somewhere; "reserve prices" the same)
    def together(phrase: str) -> bool:
        return phrase.lower() in ("wireless broadband", "better wireless broadband")

    def verdict(q: str) -> Verdict:
        return judge(q, [clause("the report of the Council to this conference on financial management")],
                     corpus_has=lambda s: True, known_word=lambda w: True,
                     coverage=lambda t: 0.3, together=together)

    v = verdict("what is ITU's position on net neutrality in the PP-18 texts?")
    assert v.abstain and "net neutrality" in v.reason, v
    assert verdict("anything about reserve prices?").abstain
    # the whole subject is named, judged by its head noun and the word before it ("open source" occurs, "source
    # software" never: the texts mention open source, not open source software)
    v = verdict("what's ITU's position on open source software?")
    assert v.abstain and "open source software" in v.reason, v
    # the head noun and its kind decide ("better" says how, not what); a verb or a manner is no subject
    assert not verdict("what do they say about better wireless broadband?").abstain
    assert not verdict("anything on getting wireless broadband?").abstain
    assert not verdict("what about wireless specifically?").abstain
    # without the corpus-wide check (a caller that cannot tell) nothing changes
    assert not judge("what is ITU's position on net neutrality?", [clause("the report of the Council")],
                     corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.3).abstain


def test_what_a_later_assembly_set_up_is_in_its_own_texts() -> None:
    from retrieval.answering.compose.evidence import decided_at

    assert decided_at("which new study groups did WTSA-20 set up?") == ("WTSA", 2020)
    assert decided_at("what groups did PP-22 establish?") == ("PP", 2022)
    assert decided_at("what are the study groups of WTSA-16?") is None


def test_another_bodys_own_stages_and_an_age_asked_for() -> None:
    """blind65/66/68: an IETF last call, a BoF in the IETF, ETSI's public enquiry were answered from A.8's own
    procedure; "the mandatory retirement age" from a clause on staff retiring."""
    a8 = "The last call encompasses the four-week time period and procedures beginning with the Director's announcement"
    for q in ("how long does an IETF last call run for?", "who approves a BoF in the IETF and what are the criteria?",
              "how long is ETSI's public enquiry period for an EN"):
        v = _judged(q, a8)
        assert v.abstain and "own procedures" in v.reason, (q, v)
    assert not _judged("how long does the AAP last call run for?", a8).abstain
    staff = "that internal mobility should be applied to cover needs when staff retire or leave ITU"
    v = _judged("what's the mandatory retirement age for ITU staff?", staff)
    assert v.abstain and "figure" in v.reason, v
    assert not _judged("what's the hard cutoff for contributions to a conference?",
                       "a firm submission deadline of 21 calendar days before the conference").abstain


def test_a_count_of_weeks_written_with_a_hyphen_answers_how_many_weeks() -> None:
    from retrieval.answering.compose.direct import holds_quantity

    assert holds_quantity("AAP last call - how many weeks does it run?",
                          "The last call encompasses the four-week time period and procedures")
    # "one-way circuits" is a kind of circuit, no count of them
    assert not holds_quantity("from how many circuits does testing become mandatory?",
                              "tests made at the outgoing end of one-way circuits")


def test_figures_holders_places_and_later_decisions_asked_in_other_words() -> None:
    """blind67/69/70: each was answered from a clause that touches the subject without the thing asked."""
    from retrieval.answering.compose.evidence import decided_at

    journal = "to contribute to the development of the ITU Journal, providing advice on substantive matters"
    for q, why in [("what's the impact factor of the ITU Journal?", "figure"),
                   ("what SAR limit for mobile handsets does res 176 set?", "figure"),
                   ("who's chairing ITU-T SG17 this study period?", "who holds them"),
                   ("list of ITU regional office locations pls", "place"),
                   ("max fellowship amount per delegate for WTDC?", "amount")]:
        v = _judged(q, journal)
        assert v.abstain and why in v.reason, (q, v)
    assert decided_at("which frequency bands got identified for IMT at WRC-19?") == ("WRC", 2019)


def test_a_time_set_by_its_distance_and_a_clause_read_with_its_title() -> None:
    """blind63/67: "at least twelve calendar days in advance" answers a deadline; Res 212's title (the new
    building) is what "on the new HQ building" asks about, which its clause on briefings does not repeat."""
    v = _judged("deadline for contributions to a common team meeting?",
                "Contributions are normally in the hands of the convenor at least twelve calendar days in advance.")
    assert not v.abstain, v
    brief = Clause(clause_id="x#a", doc_id="x", part="instructs", span=(0, 1),
                   text="to hold information meetings at least twice a year with the permanent missions",
                   instrument=Instrument(title="Headquarters premises of the Union"))

    def coverage(text: str) -> float:
        return 0.6 if "Headquarters" in text else 0.3

    v = judge("how often does the SG have to brief the missions on the headquarters?", [brief],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=coverage)
    assert not v.abstain, v


def test_a_share_asked_with_a_percent_sign_and_a_threshold_in_the_askers_word() -> None:
    """blind67/68/71: "what % of replies" was no share asked (the TAP consultation's 70 per cent ranked 4th);
    "the threshold of replies" was refused because the corpus never writes "threshold"."""
    from retrieval.answering.compose.direct import asks_quantity
    from retrieval.answering.query import expand_shorthand

    assert asks_quantity(expand_shorthand("TAP consultation: what % of member state replies is needed?"))
    v = judge("what is the threshold of member state replies needed for a TAP rec?",
              [clause("If 70 per cent or more of the replies from Member States support consideration for approval")],
              corpus_has=lambda s: True, known_word=lambda w: w != "threshold", coverage=lambda t: 1.0)
    assert not v.abstain, v


def test_a_fee_typed_as_a_heading_a_host_asked_with_who_and_what_a_later_conference_identified() -> None:
    """blind72: each was answered from a clause near the subject."""
    from retrieval.answering.compose.evidence import decided_at

    text = "to consider measures that will enable Member States to host and stage ITU Telecom events"
    v = _judged("registration fee for the ITU Kaleidoscope conference?", text)
    assert v.abstain and "amount" in v.reason, v
    v = _judged("who is the host country for ITU Telecom World 2020", text)
    assert v.abstain and "place" in v.reason, v
    assert decided_at("which frequency bands did WRC-19 identify for IMT") == ("WRC", 2019)


def test_what_a_later_assembly_adopted_on_proposed_changes_is_not_in_the_corpus(corpus_service: object) -> None:
    """blind72: "what did WTSA-20 finally adopt on the RCC changes to res 57?" described the proposal."""
    ans = corpus_service.answer("what did WTSA-20 finally adopt on the RCC changes to res 57?")  # type: ignore[attr-defined]
    assert ans.abstained and "WTSA 2020" in ans.text, ans.text


def test_a_missing_text_named_late_a_draft_s_published_form_and_a_later_conference_s_changes() -> None:
    """blind76/77: each was answered from a clause near the subject."""
    from retrieval.answering.compose.cover import cover_rows_asked, recommendation_about
    from retrieval.answering.compose.evidence import asked_as_source, asks_fate, decided_at

    assert asked_as_source("who's in charge under PP-18 res 214 on artificial intelligence?", "PP-18 res 214")
    assert asks_fate("What final title did TP.inno get when it was published?")
    assert not asks_fate("What is the title of TP.inno?")
    assert decided_at("What changes did PP-22 in Bucharest make to the child online protection resolution?") == (
        "PP", 2022)
    # a person's name is no cover row; a document's full name is
    assert "Title" not in cover_rows_asked("What's the name of the Q4/17 rapporteur who put out TD2484?")
    assert "Title" in cover_rows_asked("what's the full name of TD2484?")
    v = judge("What's the name of the Q4/17 rapporteur who put out TD2484?", [clause("Rapporteur Q4/17")],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)
    assert v.abstain and "who holds them" in v.reason, v
    # something inside a Recommendation is no overview of it
    assert recommendation_about("Rec A.12 what does the D series cover") is None
    assert recommendation_about("what does A.12 cover?") == ("A.12", False)


def test_everyday_words_for_the_texts_a_kind_suffix_and_figures_asked_in_other_words() -> None:
    """blind78/80: "telemedicine … e-gov" and "UNDP-type projects" were refused as unknown; "what does a pass
    cost?" and "which contractor is doing it?" were answered from clauses giving neither."""
    from retrieval.answering.compose.evidence import asks_amount
    from retrieval.answering.query import expand_shorthand, in_texts_words

    assert "e-health" in expand_shorthand("which bureau runs the telemedicine projects?")
    assert "e-government" in expand_shorthand("e-gov type projects")
    assert "employees" in in_texts_words("the staff headcount ceiling for an SME")
    assert asks_amount("What does a pass to ITU Telecom World cost?")
    assert not asks_amount("What's the staff headcount ceiling for an SME to get the reduced fee?")
    undp = "to ensure that a minimum support cost of 7 per cent, associated with the execution of projects under UNDP"
    v = judge("Res 157: what minimum support cost should ITU target recovering on UNDP-type projects?", [clause(undp)],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0,
              together=lambda t: "type" not in t)
    assert not v.abstain, v


def test_who_heads_a_thing_is_said_only_of_that_thing_and_a_time_set_by_an_event_in_the_texts_words() -> None:
    """blind79: "ISC-TF … headed by the Deputy Secretary-General, … and a TSAG subgroup" answered who chairs the
    subgroup; "by 4 months before the study group meeting" was no answer to "by when must the draft be ready?"."""
    isc = ("the recent establishment of an Intersector Coordination Task Force (ISC-TF) in the secretariat headed by "
           "the Deputy Secretary-General, and a TSAG subgroup on intra-ITU collaboration and coordination")
    v = judge("Who chairs the intra-ITU coordination subgroup that TSAG set up?", [clause(isc)],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)
    assert v.abstain and "who holds them" in v.reason, v
    steering = "It shall establish a Steering Committee, presided over by the chairman of the assembly"
    v = judge("who chairs the steering committee at a WTSA?", [clause(steering)],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 1.0)
    assert not v.abstain, v
    sync = ("a revised draft document is produced for ITU-T approval: for TAP: by 4 months before the ITU-T study "
            "group meeting where approval is to be obtained")
    v = judge("by when must the partner organization's revised draft be ready?", [clause(sync)],
              corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.45)
    assert not v.abstain, v


def test_another_sectors_rules_that_name_it_in_passing_and_a_question_about_the_sector_found() -> None:
    """blind82/37: A.1's rapporteur clause names ITU-R in passing ("liaison with ITU-R and ITU-D"), which let
    ITU-T's rules answer "for ITU-R study groups, how long is the consultation …?"; a T rapporteur's contact
    with ITU-D study groups is still asked of ITU-T."""
    from retrieval.answering.answer import other_sector
    from retrieval.answering.query import read_query

    a1 = Clause(clause_id="itu-t-rec-a.1@x#clause.2.3.3.6", doc_id="itu-t-rec-a.1@x", part="clause", label="2.3.3.6",
                instrument=Instrument(body="ITU-T", kind="recommendation", number="A.1"), span=(0, 1),
                sectors=["ITU-R", "ITU-T", "ITU-D"],
                text="The rapporteur's responsibilities are: to act as contact point with ITU-R and ITU-D on the topic.")
    asked = "For ITU-R study groups, how long is the consultation when a draft Rec is adopted by correspondence?"
    assert other_sector(read_query(asked), [a1]) == ("ITU-R", "ITU-T")
    assert other_sector(read_query("can a T rapporteur be the contact point towards ITU-D study groups?"), [a1]) is None
    named = a1.model_copy(update={"text": "Draft Recommendations of ITU-R study groups may be adopted by correspondence."})
    assert other_sector(read_query(asked), [named]) is None


def test_a_term_asked_to_be_defined_in_other_words_and_what_fine_applies() -> None:
    """blind83: a term defined in other words."""
    v = judge("How does define an international mobile roaming charge?",
              [clause("Collection charge The charge established and collected by an Administration")],
              corpus_has=lambda s: "roaming" not in s.lower(), known_word=lambda w: True, coverage=lambda t: 1.0)
    assert v.abstain and "international mobile roaming charge" in v.reason, v
    v = _judged("What fine applies to a company that wrongly claims SME status to get the reduced fee?",
                "that in no case can a subsidiary or affiliate of a company that would not qualify for reduced fees "
                "be presented as an SME,")
    assert v.abstain and "fine" in v.reason, v


def test_the_texts_word_for_a_phone_number_and_a_floor_kept_and_a_sectors_recommendations() -> None:
    """blind84/85/86: "a regional phone number for COP" missed Res 179's "telephone number"; "what floor should
    Council maintain" missed decides 7's level; "ITU-R recs" asked of ITU-T's rules."""
    from retrieval.answering.answer import other_sector
    from retrieval.answering.query import in_texts_words, read_query

    assert "telephone number" in in_texts_words("who helps countries get a regional phone number for COP?")
    assert "minimum level" in in_texts_words("What floor should Council maintain for the Reserve Account?")
    a8 = Clause(clause_id="itu-t-rec-a.8@x#clause.4.1", doc_id="itu-t-rec-a.8@x", part="clause", label="4.1",
                instrument=Instrument(body="ITU-T", kind="recommendation", number="A.8"), span=(0, 1),
                text="The last call period is four weeks.")
    assert other_sector(read_query("for ITU-R recs adopted by correspondence, how long is the consultation?"), [a8]) \
        == ("ITU-R", "ITU-T")


def test_the_same_weight_as_is_the_texts_equivalent_status_and_number_typed_nr() -> None:
    """blind75/82/88: "does a supplement carry the same weight as the Rec?" missed §1bis.1.1.5's "equivalent
    status"; "max nr of terms" was no count asked."""
    from retrieval.answering.query import expand_shorthand, in_texts_words

    assert "equivalent status to" in in_texts_words("Does a supplement carry the same weight as the Recommendation?")
    assert "number of terms" in expand_shorthand("max nr of terms for SG chairmen, res208?")


@pytest.mark.parametrize(("q", "text", "why"), [
    # blind78/80: which firm, the exact dates of an event the clause does not date, a country's code
    ("which building contractor is doing the new HQ construction?",
     "that the new Headquarters building be constructed in order to provide the premises", "firm"),
    ("what are the exact dates of the 2019 Council session?",
     "that Council Resolution 1380 (2016, last amended 2017) set the dates for RA-19 for 21 to 25 October 2019",
     "exact dates"),
    ("What's Palestine's international country code?",
     "to ensure the implementation of decisions relating to international access codes for Palestine", "code"),
    # blind81/82: one year's edition of a recurring event, another body set as the frame first, the next
    # meeting's dates, which members of a group the question names
    ("What was the theme of last year's Global Symposium for Regulators?",
     "the role that ITU-D can play, through such means as the Global Symposium for Regulators", "edition"),
    ("What's the nomination deadline for this year's EQUALS Tech Awards?",
     "to nominate on an annual basis deserving organizations and individuals for the EQUALS Tech Awards;", "edition"),
    ("In 3GPP, what majority does a TSG plenary need to approve a CR when consensus can't be reached?",
     "A proposed Question is approved if a simple majority of all the Member States responding agree", "3GPP"),
    # … or one of its committees ("In ISO's SC 27, …")
    ("In ISO's SC 27, how long can a PWI stay open before it lapses?",
     "Member States are encouraged to indicate candidates no later than two weeks before the meeting", "ISO"),
    ("What are the dates of the next TSAG meeting?",
     "The Director shall take the necessary preparatory measures for meetings of WTSA, TSAG, study groups", "date"),
    ("Which small island states are listed in the annex to res 30?",
     "United Nations resolutions on programmes of action for small island developing states (SIDS)", "countries"),
])
def test_a_clause_near_the_subject_does_not_answer_what_it_does_not_give(q: str, text: str, why: str) -> None:
    v = _judged(q, text)
    assert v.abstain and why in v.reason, v


def test_another_bodys_timing_a_records_number_and_a_sectors_procedure_named_with_its_possessive() -> None:
    """blind90/92: each was answered from ITU-T's own procedures."""
    from retrieval.answering.answer import other_sector
    from retrieval.answering.query import read_query

    v = _judged("How long does ETSI take to approve a specification from one of its ISGs?",
                "The Director shall explicitly announce the intention to approve the draft Recommendation at least "
                "three weeks prior to the study group meeting.")
    assert v.abstain and "ETSI" in v.reason, v
    v = _judged("Which TSB circular number announced the last call for E.119?",
                "The additional review encompasses a three-week time period and will be announced by the Director.")
    assert v.abstain and "number" in v.reason, v
    a8 = Clause(clause_id="itu-t-rec-a.8@x#clause.4.5.2", doc_id="itu-t-rec-a.8@x", part="clause", label="4.5.2",
                instrument=Instrument(body="ITU-T", kind="recommendation", number="A.8"), span=(0, 1),
                text="If comments are received by the end of the additional review, the procedures apply.")
    asked = "What's the comment period in ITU-R's simultaneous adoption and approval by correspondence procedure?"
    assert other_sector(read_query(asked), [a8]) == ("ITU-R", "ITU-T")


def test_chat_short_forms_of_everyday_words_and_a_sum_typed_as_a_heading() -> None:
    """blind94/95: "cntry orgs", "SME associate fee - developing country rate?"; a heading before another
    question asks that question ("dec 5 budget: how many weeks before …?" asks a number of weeks)."""
    from retrieval.answering.compose.evidence import asks_amount
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("fee for developing cntry orgs and univs") == \
        "fee for developing country organizations and universities"
    assert expand_shorthand("help govts in LDC cntries").startswith("help governments in least developed")
    assert expand_shorthand("see www.itu.org") == "see www.itu.org"  # an address is no chat word
    assert asks_amount("SME associate fee - developing country rate?")
    assert asks_amount("academia fee?")
    assert not asks_amount("dec 5 budget: how many weeks before the 2019 council does the SG owe it the data?")
    assert not asks_amount("international Internet connection costs - which study group is pushed to finish?")


def test_how_often_is_read_with_the_part_naming_who_does_it() -> None:
    """blind95: "how often does the SG need to brief the Geneva missions …?" abstained: "instructs the
    Secretary-General … to hold information meetings at least twice a year" names the doer in its part only."""
    c = clause("to hold information meetings at least twice a year with the representatives of permanent missions "
               "in Geneva, and to share information with them on a regular basis;").model_copy(
        update={"part": "instructs the Secretary-General"})
    v = judge("How often does the Secretary-General need to brief the Geneva missions?", [c],
              corpus_has=lambda s: True, known_word=lambda w: True,
              coverage=lambda t: 0.8 if "Secretary-General" in t else 0.4)
    assert not v.abstain, v


def test_what_a_later_conference_added_a_question_or_recommendation_number_and_a_definition_in_chat() -> None:
    """blind103/104: "d.000 def of roaming charge?", "what did PP-22 in Bucharest add on AI?", "which ITU-D study
    Question covers climate change …?" and "which Recommendation is on e-waste?" were answered from clauses that
    give none of it."""
    from retrieval.answering.compose.evidence import decided_at
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("d.000 def of roaming charge?") == "d.000 definition of roaming charge?"
    assert expand_shorthand("D.000 defn collection charge") == "D.000 definition of collection charge"
    assert decided_at("What did PP-22 in Bucharest add on artificial intelligence?") is not None
    assert decided_at("What does Res 205 address?") is None  # "address" is no "add"
    plan = clause("D.4-4: Products and services on ICT climate-change adaptation and mitigation, e-waste management")
    v = _judged("Which ITU-D study Question covers climate change and e-waste?", plan)
    assert v.abstain and "no Question" in v.reason, v
    other = clause("Focus groups are defined by Recommendation ITU-T A.7 and provide a way to manage innovation")
    v = _judged("Which Recommendation is on e-waste management?", other)
    assert v.abstain and "no Recommendation" in v.reason, v
    v = _judged("which A-series Recommendation defines FGs and whose instrument are they?", other)
    assert not v.abstain, v


def test_a_term_the_clauses_found_do_not_hold_is_not_defined_by_them() -> None:
    """blind105: "What's the definition of 'Associate' in A.1?" quoted A.1's "This Recommendation defines the
    following terms:" (the corpus uses the word elsewhere, so it was no unknown term)."""
    heading = clause("Definitions This Recommendation defines the following terms:")
    v = _judged("What's the definition of 'Associate' in A.1?", heading)
    assert v.abstain and "do not define" in v.reason, v
    item = clause("work item: An assigned piece of work, which is identifiable with a Question")
    v = _judged("what is the definition of a work item in A.1?", item)
    assert not v.abstain, v


def test_where_an_event_was_held_asks_a_place_and_an_annex_to_a_resolution_is_its_part() -> None:
    """blind113: "kaleidoscope 2019 - where was it held?" quoted "held annually since 2008"; blind101/112:
    "annex 3 to res 212" (a part tied by "to", as ITU texts write it) was no part, so no missing annex was said."""
    from retrieval.answering.query import parse_reference

    held = clause("that the Kaleidoscope event, held annually since 2008, has increased dialogue between Academia")
    v = _judged("kaleidoscope 2019 - where was it held?", held)
    assert v.abstain and "no place" in v.reason, v
    ref = parse_reference("What does annex 3 to res 212 say about the building design?")
    assert ref is not None and (ref.number, ref.part) == ("212", "annex"), ref


def test_another_sectors_rules_stay_theirs_whatever_else_names_the_sector_asked_about() -> None:
    """blind128: "how many weeks is the ITU-R consultation period when a Rec is adopted by correspondence?" was
    answered "within two weeks" from A.8 (ITU-T's rules) because a third clause of ITU-T's rules named ITU-R in
    passing; "what level of Member State support does ITU-D need …?" (a share asked, no count) from WTSA Res 1."""
    weeks = _resolution_clause("WTSA", "1", "section 9", "9.6.1",
                               "Within four weeks of the closing date of the study group meeting, the Director "
                               "shall announce the consultation of the Member States.")
    passing = _resolution_clause("WTSA", "1", "section 2", "2.3",
                                 "Rapporteurs should liaise with ITU-R and ITU-D on matters of common interest.")
    share = _resolution_clause("WTSA", "1", "section 9", "9.4.5",
                               "If 70 per cent or more of the replies from Member States support consideration "
                               "for approval, the draft is approved.")

    def verdict(q: str, clauses: list[Clause]) -> Verdict:
        return judge(q, clauses, corpus_has=lambda s: True, known_word=lambda w: True, coverage=lambda t: 0.8)

    r = verdict("how many weeks is the ITU-R consultation period when a Rec is adopted by correspondence?",
                [weeks, passing])
    assert r.abstain and "ITU-R" in r.reason, r
    # … nor does the first clause naming it among all three Sectors (A.1's rapporteurs liaise with each)
    all_three = weeks.model_copy(update={"text": weeks.text + " Rapporteurs liaise with ITU-R, ITU-T and ITU-D."})
    assert verdict("how many weeks does ITU-R give for consultation on a Rec adopted by correspondence?",
                   [all_three]).abstain
    d = verdict("What level of Member State support does ITU-D need to approve its study group Recommendations?",
                [share])
    assert d.abstain and "ITU-D" in d.reason, d
    assert not verdict("What level of Member State support does ITU-T need to approve its Recommendations?",
                       [share]).abstain


def test_a_count_of_times_a_span_of_time_and_a_share_asked_need_one_given() -> None:
    """blind128: E.119's "four core functions: 1) Retry function" is no number of retries, nor its list of
    broadcast functions a maximum delivery time."""
    retry = "Functions for safety confirmation The safety confirmation system requires the following four core " \
            "functions: 1) Retry function A safety confirmation request is sent again when no reply comes."
    times = _judged("E.119 - how many times is a safety confirmation request retried before the system gives up?",
                    retry)
    assert times.abstain and "how many times" in times.reason, times
    assert not _judged("how many times is a safety confirmation request retried?",
                       retry + " It is retried three times.").abstain
    assert not _judged("how many times a year does the Council meet?", "The Council meets once a year.").abstain
    broadcast = "The broadcast message system requires the following function: 1) Selection function"
    assert _judged("What maximum delivery time does E.119 set for a broadcast message?", broadcast).abstain
    assert not _judged("What maximum delivery time does E.119 set for a broadcast message?",
                       broadcast + " Messages are delivered within 10 minutes.").abstain


def test_a_small_business_is_an_sme_and_a_fraction_asked_is_no_missing_word() -> None:
    """blind127/128: "how much does a small business from a developing country pay … as an Associate?" was
    refused (Res 209 speaks of SMEs and of the unit "for Sector Members"), "what fraction of the unit do they
    pay?" refused as "nothing in the corpus mentions 'fraction'"."""
    sme = "to set the level of the financial contribution for participation in each Sector of the Union at " \
          "one-thirty second of the value of the contributory unit for Sector Members in the case of SMEs from " \
          "developing countries;"
    assert not _judged("How much does a small business from a developing country pay to take part in a Sector "
                       "as an Associate?", sme).abstain
    assert "fraction" not in content_terms("what fraction of the unit do SMEs pay?")


def test_amounts_listed_respectively_go_to_the_item_in_their_place() -> None:
    """blind131: "how much did Saudi Arabia pledge towards the new HQ building?" was answered "CHF 5 million", the
    amount nearest the country's name, not the first of "CHF 10 million and CHF 5 million … by Saudi Arabia and
    the United Arab Emirates, respectively"."""
    from retrieval.answering.compose.direct import answer_sentence

    c = clause("that, as of 16 November 2018, sponsorship of CHF 10 million and CHF 5 million has been generously "
               "committed by Saudi Arabia and the United Arab Emirates, respectively, and a donation of USD 100 000 "
               "has been generously contributed by the Czech Republic;")
    saudi = answer_sentence("how much did Saudi Arabia pledge towards the new HQ building?", c)
    assert saudi is not None and saudi.startswith("CHF 10 million"), saudi
    uae = answer_sentence("how much did the United Arab Emirates commit for the new HQ building?", c)
    assert uae is not None and uae.startswith("CHF 5 million"), uae


def test_a_thing_the_texts_leave_someone_to_decide_is_not_stated() -> None:
    """blind128: "what's the theme of the 6th WTPF in 2021?" was answered with Res 2's "to continue to decide on the
    duration, date, venue, agenda and themes of any future WTPF": the texts give the Council that choice, not a
    theme."""
    deciding = "to continue to decide on the duration, date, venue, agenda and themes of any future WTPF;"
    v = _judged("what's the theme of the 6th WTPF?", deciding)
    assert v.abstain and "theme" in v.reason and "do not state" in v.reason, v
    assert not _judged("what's the theme of the 6th WTPF?",
                       "the theme of the sixth WTPF shall be emerging telecommunication technologies;").abstain
    # a date asked for is judged by whether a clause gives one, not by who decides it
    assert "do not state" not in _judged("what's the date of the next WTPF?", deciding).reason


def test_a_sum_for_something_the_question_names_must_be_for_it() -> None:
    """blind134: "How much money is set aside for the Kaleidoscope event in the 2020-2023 budget?" was answered
    "CHF 85 million", Decision 5's cap on interpretation and translation for the same years."""
    cap = "that expenses for interpretation, translation and text processing in respect of the official languages " \
          "of the Union shall not exceed CHF 85 million for the years 2020-2023;"
    v = _judged("How much money is set aside for the Kaleidoscope event in the 2020-2023 budget?", cap)
    assert v.abstain and "amount" in v.reason, v
    assert not _judged("How much can ITU spend on interpretation and translation in 2020-2023?", cap).abstain
    pledge = "that sponsorship of CHF 10 million and CHF 5 million has been committed by Saudi Arabia and the " \
             "United Arab Emirates, respectively;"
    assert not _judged("How much did Saudi Arabia pledge for the new HQ building?", pledge).abstain


def test_what_a_longer_noun_asks_for_must_be_what_the_clauses_speak_of() -> None:
    # "what minimum battery backup time …": the modifiers name the thing asked for ("minimum" and "time" only
    # say it is a span); a nearby clause on the same terminals is no answer
    terminals = "DTN technology stores the information when it is connected to the mobile terminal, and delivers it"
    # (before a head a span answers, "time", only a word the corpus never uses counts: "battery")
    got = judge("What minimum battery backup time does E.119 set for user terminals?", [clause(terminals)],
                corpus_has=lambda s: "batter" not in s.lower(), known_word=lambda w: not w.startswith("batter"),
                coverage=lambda t: 1.0)
    assert got.abstain and "battery backup" in got.reason, got
    assert not _judged("What minimum battery backup time does E.119 set for user terminals?", terminals).abstain
    telex = "(a) that signalling conditions in the international telex service require accurate definition of the signals"
    assert _judged("What per-minute tariff does U.1 set for international telex calls?", telex).abstain
    # … but a name in capitals is the texts' long form ("UN", "PP"), a word saying which one ("extra") is no
    # subject, and a head whose answer is a name ("agencies") or a way ("track") is answered in other words
    un = "to collaborate with OCHA, the United Nations Office for Disaster Risk Reduction and WHO on early warning"
    assert not _judged("Which UN agencies is the SG told to work with on early warning?", un).abstain
    assert not _judged("Which PP resolution is the contribution bringing Res 57 in line with?",
                       "This contribution proposes modifying Resolution 57 to bring it in line with PP-14 Resolution 191").abstain
    assert not _judged("what extra step did the revision add for the session chair?",
                       "the session chair shall send the allocation to the Questions after the meeting").abstain
    # the one word asked for, as before
    assert _judged("What penalties does E.119 set for late safety reports?", terminals).abstain


def test_which_question_a_meeting_ended_up_choosing_a_definition_asked_in_chat_and_a_country_by_its_short_name() -> None:
    """blind137/138: "which SG17 Question ended up hosting the incubation queue?" was refused as an outcome (the
    contribution says which: Q4); "sorry basic q - what's an accounting rate in the D-series sense?" was
    refused for want of an amount; "What was Korea's IDI rank?" answered with BDT's task to publish the IDI."""
    c823 = "We therefore proposed Q4 to host the incubation role and mechanism at this stage."
    assert not _judged("hey, anyone know which SG17 Question ended up hosting the incubation queue?", c823).abstain
    assert _judged("which countries ended up adopting the incubation mechanism?", c823).abstain
    entry = "Accounting rate\nThe rate agreed between Administrations in a given relation."
    assert not _judged("sorry basic q - what's an accounting rate in the D-series sense?", entry).abstain
    idi = "to publish annually the IPB and the IDI, including rankings, studies, charts and benchmarks"
    v = _judged("What's Korea's IDI rank?", idi)
    assert v.abstain and "Korea" in v.reason, v
    assert not _judged("What's Korea's IDI rank?", idi + "; the Republic of Korea ranks first").abstain


def test_a_sum_below_the_best_clause_must_be_in_a_clause_about_the_question() -> None:
    """blind138: "how much in CHF does a university from a developing country pay to join ITU-T?" answered "CHF
    5 000 000" from the reserve of ITU Telecom's fund, the one sum among the clauses found."""
    from retrieval.answering.compose.direct import answer_with_actor

    reserve = clause("that the EWCF shall provide a minimum reserve of 5 million Swiss francs (CHF 5 000 000);")
    q = "how much in CHF does a university from a developing country actually pay per year to join ITU-T?"
    assert answer_with_actor(q, reserve) is None
    pledge = clause("sponsorship of CHF 10 million and CHF 5 million has been committed by Saudi Arabia and the "
                    "United Arab Emirates respectively for the new building")
    found = answer_with_actor("How much did Saudi Arabia put in for the new HQ building?", pledge)
    assert found is not None and "10 million" in found[0], found


def test_another_bodys_ballot_a_journals_standing_a_share_right_now_and_the_next_edition_of_an_event() -> None:
    """blind143/145: each was answered from a nearby clause (A.1's patent reminder, the ITU Journal's mandate, a
    recital on gender mainstreaming, the GSR named in a recital on disasters)."""
    for q, text, why in [
            ("How long is the DIS ballot when ITU-T and ISO/IEC JTC 1 do a common text?",
             "Contributors are reminded that early disclosure of patent information is desired", "ISO/IEC"),
            ("What is the ITU Journal's impact factor?", "to contribute to the development of the ITU Journal",
             "current figures"),
            ("What's the percentage of women among ITU professional staff right now?",
             "gender balance among professional staff stood at 30 per cent", "current figures"),
            ("When and where is the next Global Symposium for Regulators, and what's its theme?",
             "through such means as the Global Symposium for Regulators", "edition")]:
        v = _judged(q, text)
        assert v.abstain and why in v.reason, (q, v)
    # the next conference is what Res 77 schedules
    assert not _judged("when is the next WTDC, per res 77?", "WTDC shall be held in the last quarter of 2021;").abstain


def test_a_place_asked_is_answered_by_its_name_and_a_post_asked_to_lead_or_represent_itu_is_named() -> None:
    """blind145/146: "Which city was picked for WRC-19 …?" (Sharm el-Sheikh: "city" is no word of the answer),
    "who's supposed to head up the coordination work?" (the General Secretariat) and "who represents ITU in
    WHO's EMF project?" (the Director of TSB) were refused as asking for people."""
    assert not _judged("Which city was picked for WRC-19 in the res 77 calendar?",
                       "WRC-19 shall be held in Sharm el-Sheikh (Egypt) from 28 October to 22 November 2019;").abstain
    assert not _judged("Res 191 - who's supposed to head up the coordination work between the Sectors?",
                       "that inter-Sector collaboration and coordination should be headed by the General Secretariat").abstain
    assert not _judged("For res 176, who represents ITU in the WHO electromagnetic fields project?",
                       "to participate in the Electromagnetic Field Project, conducted by WHO").abstain
    v = _judged("who represents Kenya at TSAG?", "TSAG shall review priorities")
    assert v.abstain, v
    v = _judged("who's the current TSAG chair?", "TSAG shall review priorities")
    assert v.abstain and "who holds them" in v.reason, v


def test_what_else_asks_for_more_attendance_is_a_record_and_a_sum_alone_must_be_about_the_question() -> None:
    """blind150/151: "what else is BR told to do about harmful interference besides the database?" was refused
    ("else" read as the thing asked for); "What was the total attendance at PP-18?" answered from Res 77's
    documents; "How many Swiss francs a year does a developing-country university pay to join as academia?"
    led with "CHF 5 000 000", the EWCF's reserve, found first for its francs."""
    from retrieval.answering.compose.direct import answer_with_actor
    from retrieval.indexing.lexical import holds, lexical_tokens

    assert not _judged("Under res 186, what else is BR told to do about harmful interference besides the database?",
                       "to assist administrations in cases of harmful interference, on request").abstain
    v = _judged("What was the total attendance at PP-18 in Dubai?", "Document PP-18/37 on planned conferences")
    assert v.abstain and "attended" in v.reason, v
    reserve = clause("that the EWCF shall provide a minimum reserve of 5 million Swiss francs (CHF 5 000 000);")
    q = "How many Swiss francs a year does a developing-country university actually pay to join as academia?"
    assert answer_with_actor(q, reserve, best=True) is None
    pledge = clause("sponsorship of CHF 10 million and CHF 5 million has been committed by Saudi Arabia and the "
                    "United Arab Emirates respectively for the new building")
    found = answer_with_actor("How much did Saudi Arabia put in for the new HQ building?", pledge, best=True)
    assert found is not None and "10 million" in found[0], found
    # "E119 langs": chat's "langs" are the texts' languages
    assert holds(set(lexical_tokens("Local languages (required)")), "langs")


def test_a_value_in_the_unit_asked_must_be_in_a_clause_about_the_question() -> None:
    """A value in CHF from a clause about something else (the EWCF's reserve) is no fee in CHF; the best clause
    found, or one holding half the question, may give it."""
    fee = clause("academia from developing countries pay a fee of one-thirty second of the contributory unit")
    reserve = clause("that the EWCF shall provide a minimum reserve of 5 million Swiss francs (CHF 5 000 000);")
    q = "what's the academia fee in CHF?"

    def judged(coverage: float) -> Verdict:
        return judge(q, [fee, reserve], corpus_has=lambda s: True, known_word=lambda w: True,
                     coverage=lambda t: 1.0 if "one-thirty" in t else coverage)

    v = judged(0.1)
    assert v.abstain and "CHF" in v.reason, v
    assert not judged(0.6).abstain
