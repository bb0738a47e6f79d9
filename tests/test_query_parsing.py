"""Tolerant reading of questions and references: pure functions, no model, no store."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.answering.cite import label_key, missing_labels, resolve, select_part
from retrieval.answering.language import answers_in, detect_language
from retrieval.answering.query import (
    clean_text,
    detect,
    edit_distance,
    fix_reference_words,
    parse_reference,
    read_query,
    references_named,
    revision_named,
    sector_topic,
)
from retrieval.core.citations import citation, quote_display
from retrieval.core.models import Clause, Instrument, Reference, Revision
from retrieval.core.text import readable


@pytest.mark.parametrize(("query", "expect"), [
    # any order
    ("resolves 3 of Res 57", {"number": "57", "part": "resolves", "label": "3"}),
    ("Res. 57, res. 3", {"number": "57", "part": "resolves", "label": "3"}),
    ("§1.11.3 of Resolution 1", {"number": "1", "part": "section", "label": "1.11.3"}),
    ("Resolution 1, 1.11.3", {"number": "1", "part": "section", "label": "1.11.3"}),
    # a dotted number typed bare before the instrument (blind42: had searched, and §9.5.3 naming 9.5.4 came first)
    ("9.5.4 of res 1 - delegation has a reservation, what happens with it?",
     {"number": "1", "part": "section", "label": "9.5.4"}),
    ("6.2 of A.8", {"number": "A.8", "part": "clause", "label": "6.2"}),
    # abbreviations typed in meetings
    ("Res 1 sec. 4.2", {"number": "1", "part": "section", "label": "4.2"}),
    ("per A.12 cl. 2.2, what is the L-series for?", {"number": "A.12", "part": "clause", "label": "2.2"}),
    ("cl. 3.1.8 of A.1", {"number": "A.1", "part": "clause", "label": "3.1.8"}),
    ("considering b) of WTSA Resolution 1", {"body": "WTSA", "number": "1", "part": "considering", "label": "b)"}),
    # typos in the reference words
    ("Reslution 57 resolvs 3", {"number": "57", "part": "resolves", "label": "3"}),
    ("Resolutoin 1 considring b)", {"number": "1", "part": "considering", "label": "b)"}),
    ("Res 57 instructs 2", {"number": "57", "part": "instructs", "label": "2"}),
    # invisible and odd whitespace
    ("Res 57 resolves\u200b 3", {"number": "57", "part": "resolves", "label": "3"}),
    ("Res\u00a057\u2003resolves\u202f3", {"number": "57", "part": "resolves", "label": "3"}),
    ("Res 57 reso\u200blves 3", {"number": "57", "part": "resolves", "label": "3"}),
    ("Res \uff15\uff17 resolves \uff13", {"number": "57", "part": "resolves", "label": "3"}),
    # whole parts and ranges
    ("Resolution 1 Section 4", {"number": "1", "part": "section", "label": "4", "label_to": None}),
    ("resolves of Res 57", {"number": "57", "part": "resolves", "label": None}),
    ("Res 57 resolves 3-4", {"part": "resolves", "label": "3", "label_to": "4"}),
    ("Res 57 resolves 3\u20134", {"part": "resolves", "label": "3", "label_to": "4"}),
    ("resolves 3 to 5 of Res 57", {"part": "resolves", "label": "3", "label_to": "5"}),
    ("Res 1 considering a) to c)", {"part": "considering", "label": "a)", "label_to": "c)"}),
    ("Resolution 1 sections 4 to 5", {"part": "section", "label": "4", "label_to": "5"}),
    ("Annex A of Resolution 57", {"part": "annex", "label": "A"}),
    # revisions
    ("Res 57 (Dubai, 2012) resolves 3", {"revision": Revision(place="Dubai", year=2012), "label": "3"}),
    ("Res 57 Dubai text", {"revision": Revision(place="Dubai", year=0)}),
    ("Res 57 Dubai resolves 3", {"revision": Revision(place="Dubai", year=0), "part": "resolves", "label": "3"}),
    ("WTSA-12 Res 57", {"body": "WTSA", "revision": Revision(place="", year=2012)}),
    ("Res 57 as revised at Hammamet, resolves 3", {"revision": Revision(place="Hammamet", year=0), "label": "3"}),
    ("Res 57 resolves 3", {"revision": None}),
])
def test_parse_reference_tolerant(query: str, expect: dict[str, object]) -> None:
    ref = parse_reference(query)
    assert ref is not None
    for key, value in expect.items():
        assert getattr(ref, key) == value, (key, ref)


def test_a_revision_is_never_taken_from_another_instruments_date() -> None:
    ref = parse_reference("Res 57 resolves 3, which notes Resolution 191 (Busan, 2014)")
    assert ref is not None and ref.number == "57" and ref.revision is None


def test_a_part_word_before_the_instrument_must_be_tied_to_it() -> None:
    # "considering" is a plain word here, not a part of Resolution 57
    ref = parse_reference("Considering the budget, what does Resolution 57 say?")
    assert ref is not None and ref.part is None


def test_clean_text_drops_invisible_characters() -> None:
    assert clean_text("resolves\u200b 3\ufeff ") == "resolves 3"
    assert clean_text("ITU\u2011T\u00a0 A.1") == "ITU-T A.1"


def test_reference_words_are_fixed_only_before_a_label() -> None:
    assert fix_reference_words("Reslution 57 resolvs 3")[1] == [("Reslution", "resolution"), ("resolvs", "resolves")]
    # Ordinary words next to ordinary words stay as they are.
    assert fix_reference_words("how to resolve disputes and notice changes") == (
        "how to resolve disputes and notice changes", [])


@pytest.mark.parametrize(("a", "b", "d"), [
    ("reprots", "reports", 1), ("cybersecurty", "cybersecurity", 1), ("sector", "sector", 0),
    ("wich", "which", 1), ("abc", "xyz", 3), ("resolution", "res", 3),
])
def test_edit_distance(a: str, b: str, d: int) -> None:
    assert edit_distance(a, b) == d


@pytest.mark.parametrize(("question", "lang"), [
    ("Quel Secteur s'occupe des télécommunications d'urgence ?", "fr"),
    ("¿Qué sector se ocupa de las telecomunicaciones de emergencia?", "es"),
    ("Какой сектор занимается электросвязью в чрезвычайных ситуациях?", "ru"),
    ("ما هو القطاع المسؤول عن الاتصالات في حالات الطوارئ؟", "ar"),
    ("哪个部门负责应急通信？", "zh"),
    ("Which Sector handles emergency telecommunications?", "en"),
    ("Who reports to TSAG?", "en"),
    ("Res 57 resolves 3", "en"),
    ("IMT", "en"),
    ("wich sectr handels cybersecurty", "en"),
])
def test_detect_language(question: str, lang: str) -> None:
    assert detect_language(question) == lang
    assert read_query(question).language == lang


def test_multilingual_embedders_answer_other_languages() -> None:
    assert answers_in("en", "onnx-minilm")
    assert not answers_in("fr", "onnx-minilm") and not answers_in("ru", "hash")
    assert answers_in("fr", "openai")


@pytest.mark.parametrize(("text", "rev"), [
    ("What does Res 57 say about IMT in the Dubai text?", Revision(place="Dubai", year=0)),
    ("Res 57 (Rev. Hammamet, 2016)", Revision(place="Hammamet", year=2016)),
    ("What did WTSA-12 decide?", Revision(place="", year=2012)),
    ("What is discussed at meetings in Geneva?", None),
])
def test_revision_named(text: str, rev: Revision | None) -> None:
    assert revision_named(text) == rev


def test_questions_carry_their_revision() -> None:
    q = read_query("What does Res 57 say about IMT in the Dubai text?")
    assert q.intent == "ask"
    assert [(r.number, r.revision) for r in q.references] == [("57", Revision(place="Dubai", year=0))]
    assert references_named("Res 57 and Res 1 in the Dubai text")[0].revision is None  # which one? not guessed
    assert detect("Res 57 Dubai text")[0] == "cite"
    assert detect("WTSA-12 Res 57")[0] == "cite"
    assert detect("Res 57 Dubai")[0] == "cite"
    assert detect("What does Res 57 say about IMT in the Dubai text?")[0] == "ask"


# ---- resolving parts, ranges and revisions against clauses ----------------------------------------

def _clause(rev: Revision, part: str, label: str, text: str, pos: int) -> Clause:
    inst = Instrument(body="WTSA", kind="resolution", number="57", revision=rev, revised=True)
    frag = f"{part.replace(' ', '-')}.{label}" if label else part.replace(" ", "-")
    return Clause(clause_id=f"wtsa-res-57@{rev.slug}#{frag}", doc_id=f"wtsa-res-57@{rev.slug}", instrument=inst,
                  part=part, label=label, text=text, span=(pos, pos + len(text)))


DUBAI, HAMMAMET = Revision(place="Dubai", year=2012), Revision(place="Hammamet", year=2016)
CLAUSES = [
    _clause(HAMMAMET, "considering", "a)", "that one", 0),
    _clause(HAMMAMET, "considering", "b)", "that two", 10),
    _clause(HAMMAMET, "considering", "b)bis", "that two bis", 20),
    _clause(HAMMAMET, "considering", "c)", "that three", 30),
    _clause(HAMMAMET, "resolves", "1", "to do one", 40),
    _clause(HAMMAMET, "resolves", "2", "to do two", 50),
    _clause(HAMMAMET, "resolves", "3", "to do three, as revised", 60),
    _clause(DUBAI, "resolves", "1", "to do one", 0),
    _clause(DUBAI, "resolves", "3", "to do three, as in Dubai", 20),
    _clause(DUBAI, "resolves", "5", "only in Dubai", 40),
]


def test_label_order() -> None:
    labels = ["4.2.1", "b)bis", "3bis", "4.10", "c)", "b)", "3", "4.2", "1bis.1", "1bis", "1"]
    keyed = sorted((lab for lab in labels if "." in lab or lab[0].isdigit()), key=label_key)
    assert keyed == ["1", "1bis", "1bis.1", "3", "3bis", "4.2", "4.2.1", "4.10"]
    assert sorted(["c)", "b)bis", "b)"], key=label_key) == ["b)", "b)bis", "c)"]


def test_cite_takes_the_latest_revision_and_names_the_others() -> None:
    res = resolve(parse_reference("Res 57 resolves 3"), CLAUSES)  # type: ignore[arg-type]
    assert [c.clause_id for c in res.clauses] == ["wtsa-res-57@hammamet-2016#resolves.3"]
    assert "also indexed: WTSA Resolution 57 (Rev. Dubai, 2012)" in res.message


@pytest.mark.parametrize("ref", ["Res 57 (Dubai, 2012) resolves 3", "Res 57 Dubai text resolves 3",
                                 "WTSA-12 Res 57 resolves 3", "resolves 3 of Res 57 (Rev. Dubai, 2012)"])
def test_cite_takes_a_named_revision(ref: str) -> None:
    res = resolve(parse_reference(ref), CLAUSES)  # type: ignore[arg-type]
    assert [c.clause_id for c in res.clauses] == ["wtsa-res-57@dubai-2012#resolves.3"], res.message
    assert "also indexed: WTSA Resolution 57 (Rev. Hammamet, 2016)" in res.message


def test_a_revision_not_indexed_says_which_are() -> None:
    res = resolve(parse_reference("Res 57 (Johannesburg, 2008) resolves 3"), CLAUSES)  # type: ignore[arg-type]
    assert not res.clauses
    assert "Resolution 57 (Johannesburg, 2008) is not in the corpus" in res.message
    assert "WTSA Resolution 57 (Rev. Hammamet, 2016); WTSA Resolution 57 (Rev. Dubai, 2012)" in res.message


def test_ranges_in_document_order_with_missing_labels() -> None:
    hammamet = [c for c in CLAUSES if c.instrument.revision == HAMMAMET]
    ref = parse_reference("Res 57 considering a) to c)")
    assert ref is not None
    assert [c.label for c in select_part(ref, hammamet)] == ["a)", "b)", "b)bis", "c)"]
    ref = parse_reference("Res 57 resolves 2-4")
    assert ref is not None
    chosen = select_part(ref, hammamet)
    assert [c.label for c in chosen] == ["2", "3"]
    assert missing_labels(ref, chosen) == ["4"]
    res = resolve(ref, CLAUSES)
    assert "has no resolves 4" in res.message


def test_a_clause_only_in_an_older_revision_is_found_there() -> None:
    res = resolve(parse_reference("Res 57 resolves 5"), CLAUSES)  # type: ignore[arg-type]
    assert [c.clause_id for c in res.clauses] == ["wtsa-res-57@dubai-2012#resolves.5"]


def test_whole_section_with_heading_and_subclauses() -> None:
    inst = Instrument(body="WTSA", kind="resolution", number="1", revision=HAMMAMET)

    def sec(part: str, label: str, pos: int) -> Clause:
        return Clause(clause_id=f"r1#{part}{label}", doc_id="r1", instrument=inst, part=part, label=label,
                      text=f"text {label or part}", span=(pos, pos + 5))

    clauses = [sec("section 4", "4.2", 30), sec("section 4", "", 10), sec("section 4", "4.1", 20),
               sec("section 4", "4.2.1", 40), sec("section 5", "", 50), sec("section 5", "5.1", 60)]
    got = lambda r: [c.label or c.part for c in select_part(parse_reference(r), clauses)]  # type: ignore[arg-type]  # noqa: E731
    assert got("Resolution 1 Section 4") == ["section 4", "4.1", "4.2", "4.2.1"]
    assert got("Resolution 1 §4.2") == ["4.2", "4.2.1"]
    assert got("Resolution 1 §4.2.1") == ["4.2.1"]
    assert got("Resolution 1 sections 4 to 5") == ["section 4", "4.1", "4.2", "4.2.1", "section 5", "5.1"]


def test_whole_annex() -> None:
    inst = Instrument(body="WTSA", kind="resolution", number="1", revision=HAMMAMET)
    clauses = [Clause(clause_id=f"r1#{i}", doc_id="r1", instrument=inst, part=part, label=lab, text="t",
                      span=(i, i + 1)) for i, (part, lab) in enumerate(
                          [("resolves", "1"), ("Annex A", "1"), ("Annex A", "2"), ("Annex B", "1")])]
    ref = Reference(number="1", part="annex", label="A")
    assert [c.clause_id for c in select_part(ref, clauses)] == ["r1#1", "r1#2"]


# ---- display ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "shown"), [
    ("RESOLUTION 57 (REV. DUBAI, 2012HAMMAMET, 2016)", "RESOLUTION 57 (REV. DUBAI, 2012 → HAMMAMET, 2016)"),
    ("Resolution 5 (Rev. HyderabadDubai, 20102014) of WTDC", "Resolution 5 (Rev. Hyderabad, 2010 → Dubai, 2014) of WTDC"),
    ("(Dubai, 2012Hammamet, 2016),", "(Dubai, 2012 → Hammamet, 2016),"),
    ("security in ICTscybersecurity;", "security in ICTs⟦|⟧cybersecurity;"),
    ("developing countries[footnoteRef:1]1 in the work", "developing countries in the work"),
    ("ITU-T, IMT-2020 and ISC-TF (Rev. Hammamet, 2016)", "ITU-T, IMT-2020 and ISC-TF (Rev. Hammamet, 2016)"),
])
def test_readable_seams(raw: str, shown: str) -> None:
    assert readable(raw) == shown


def test_a_shortened_quote_says_so_and_stays_verbatim() -> None:
    c = _clause(HAMMAMET, "resolves", "1", "to invite the advisory groups; to report annually to TSAG.", 0)
    whole = citation(c, c.text)
    assert not whole.truncated and quote_display(whole) == c.text
    head = citation(c, "to invite the advisory groups")
    assert head.truncated and head.cut_end and not head.cut_start
    assert quote_display(head) == "to invite the advisory groups…"
    middle = citation(c, "to report annually to TSAG.")
    assert middle.truncated and middle.cut_start and not middle.cut_end
    assert quote_display(middle) == "…to report annually to TSAG."
    assert middle.quote in c.text  # the quote itself is untouched


def test_a_question_naming_a_revision_is_answered_from_that_revision() -> None:
    from harness.fakes import MemoryCorpus
    from retrieval.answering.answer import Answerer

    ans = Answerer(MemoryCorpus(CLAUSES)).answer("What does Res 57 say about doing three in the Dubai text?")
    assert ans.citations and all("dubai-2012" in c.clause_id for c in ans.citations), ans.citations
    answerer = Answerer(MemoryCorpus(CLAUSES))
    assert answerer._documents_named(read_query("What does Res 57 say about three in the Dubai text?")) == {
        "wtsa-res-57@dubai-2012"}
    assert answerer._documents_named(read_query("What does Res 57 say about three?")) == {
        "wtsa-res-57@dubai-2012", "wtsa-res-57@hammamet-2016"}


@pytest.mark.parametrize(("query", "expect"), [
    ("PP Decision 5 annex 1", {"kind": "decision", "body": "PP", "number": "5", "part": "annex", "label": "1"}),
    ("annex 2 of Dec. 5", {"kind": "decision", "number": "5", "part": "annex", "label": "2"}),
    ("Res 5", {"kind": None, "number": "5"}),
])
def test_decisions_are_references_too(query: str, expect: dict[str, object]) -> None:
    ref = parse_reference(query)
    assert ref is not None
    for key, value in expect.items():
        assert getattr(ref, key) == value, (key, ref)


def test_whole_parts_of_real_pp18_instruments(shared_itu: Path) -> None:
    from retrieval.parsing.read import read_documents

    clauses = [c for name in ("PP-18-DEC-5-akn.xml", "PP-18-RES-2-akn.xml")
               for d in read_documents(shared_itu / "pp-18" / name, 10**8) for c in d.clauses]
    annex = resolve(parse_reference("PP Decision 5 annex 1"), clauses)  # type: ignore[arg-type]
    assert annex.clauses and all(c.part == "annex 1" and c.doc_id.startswith("pp-dec-5@") for c in annex.clauses)
    resolves = resolve(parse_reference("resolves of PP Res 2"), clauses)  # type: ignore[arg-type]
    labels = [c.label for c in resolves.clauses]
    assert labels[:3] == ["1", "2", "3"] and labels == sorted(labels, key=label_key)
    assert not resolve(parse_reference("Res 5"), clauses).clauses  # type: ignore[arg-type]  # Decision 5 is no Resolution


def test_front_ends_show_the_cut_and_the_seams() -> None:
    from bot.render import render_terminal
    from bot.slack.blocks import answer_blocks
    from retrieval.core.models import Answer

    c = _clause(HAMMAMET, "noting", "a)", "Resolution 5 (Rev. HyderabadDubai, 20102014) of WTDC[footnoteRef:1]1; "
                "and the rest of a long clause", 0)
    cit = citation(c, "Resolution 5 (Rev. HyderabadDubai, 20102014) of WTDC[footnoteRef:1]1;")
    ans = Answer(question="q", text="a", citations=[cit])
    term = render_terminal(ans)
    assert "“Resolution 5 (Rev. Hyderabad, 2010 → Dubai, 2014) of WTDC…”" in term
    assert f"sectorbot cite {c.clause_id}" in term
    slack = str(answer_blocks(ans))
    assert "Hyderabad, 2010 → Dubai, 2014) of WTDC…" in slack and "show_clause" in slack
    assert "footnoteRef" not in term and "footnoteRef" not in slack


@pytest.mark.parametrize(("ref", "first", "expect"), [
    ("Annex A of A.1", "annex-a", {"kind": "recommendation", "number": "A.1", "part": "Annex A"}),
    ("clause 3.1 of A.1", "clause.3.1", {"part": "clause", "label": "3.1"}),
    ("§3.1.8 of Recommendation ITU-T A.1", "clause.3.1.8", {"part": "clause", "label": "3.1.8"}),
    ("A.1 cluase 1.3", "clause.1.3", {"part": "clause", "label": "1.3"}),
    ("A.1 clauses 1.3 to 1.5", "clause.1.3", {"part": "clause", "label": "1.3", "label_to": "1.5"}),
    ("Appendix I of A.1", "appendix-i", {"part": "Appendix I"}),
])
def test_recommendation_references_in_any_order(shared_itu: Path, ref: str, first: str,
                                                expect: dict[str, object]) -> None:
    from retrieval.parsing.read import read_documents

    parsed = parse_reference(ref)
    assert parsed is not None
    for key, value in expect.items():
        assert getattr(parsed, key) == value, (key, parsed)
    clauses = [c for d in read_documents(shared_itu / "T-REC-A.1-201610-E.docx", 10**8) for c in d.clauses]
    got = [c.clause_id.split("#")[1] for c in resolve(parsed, clauses).clauses]
    assert got and got[0] == first
    if parsed.label_to:
        assert got[-1].startswith("clause.1.5") and "clause.1.6" not in got and "clause.1.4" in got


@pytest.mark.parametrize("question", [
    "which bureau runs the ITU Journal day to day?",
    "the ITU Journal (the peer-reviewed one) — which bureau actually runs it?",
    "mobile money: whose study groups are told to keep developing standards on that?",
    "IPv6 support for member states - which Bureau leads?",
])
def test_bureau_and_whose_questions_ask_for_a_sector(question: str) -> None:
    assert detect(question)[0] == "sector"


@pytest.mark.parametrize(("question", "topic"), [
    ("hey quick one - which sector actually runs the emergency telecom stuff, like who's in the lead?",
     "emergency telecom"),
    ("whose study groups work on emergency telecommunications?", "emergency telecommunications"),
    ("pls which bureau handles IPv6 address allocation support etc?", "IPv6 address allocation support"),
])
def test_chat_words_are_not_the_topic(question: str, topic: str) -> None:
    assert sector_topic(question) == topic


def test_supplement_and_annex_clause_references() -> None:
    from retrieval.answering.query import parse_reference

    for typed, number, label in [("A.Sup5 IV.5.6", "A.Sup5", "IV.5.6"), ("a sup5 iii.3.2 deadline?", "A.Sup5", "III.3.2"),
                                 ("A.Sup5 clause III.3.2", "A.Sup5", "III.3.2"), ("D.000 A.28", "D.000", "A.28"),
                                 ("A.1 2.3.3.11", "A.1", "2.3.3.11")]:
        ref = parse_reference(typed)
        assert ref is not None and (ref.number, ref.part, ref.label) == (number, "clause", label), (typed, ref)


def test_parts_named_by_their_addressee_and_bis_sections() -> None:
    from retrieval.answering.query import parse_reference

    for typed, part, label in [
        ("Res 136 instructs the Directors of the Bureaux 7", "instructs the directors of the bureaux", "7"),
        ("Res 191 instructs the SG 4", "instructs the secretary-general", "4"),
        ("PP Res 188 resolves to instruct the Directors of the three Bureaux 1 - what is it?",
         "resolves to instruct the directors of the three bureaux", "1"),
        ("Res 191 invites Member States 2", "invites member states", "2"),
        ("Res 1 4.3bis", "section", "4.3bis"),
    ]:
        ref = parse_reference(typed)
        assert ref is not None and (ref.part, ref.label) == (part, label), (typed, ref)


def test_chat_shorthand_and_a_closing_choice_of_actors() -> None:
    from retrieval.answering.query import expand_shorthand, without_alternatives

    assert expand_shorthand("BDT or the Gen Sec? w/ which bureau") == "BDT or the Secretary-General? with which bureau"
    assert without_alternatives("who is in charge of ITU Telecom events, BDT or the Secretary-General?") == \
        "who is in charge of ITU Telecom events?"
    assert without_alternatives("who organises the forums - TSB or BDT?") == "who organises the forums?"
    # Not actors, or nothing left: the question stays as asked.
    assert without_alternatives("does Res 57 cover IMT or EMC?") == "does Res 57 cover IMT or EMC?"
    assert without_alternatives("is this ITU-T or ITU-R?") == "is this ITU-T or ITU-R?"


def test_a_labelled_part_before_the_instrument_and_references_in_french() -> None:
    from retrieval.answering.query import parse_reference

    ref = parse_reference("resolves 4 of res 2 - can they hold a closed session, who decides?")
    assert ref is not None and (ref.number, ref.part, ref.label) == ("2", "resolves", "4")
    fr = parse_reference("Selon la Résolution 11 (Dubaï, 2018), quand doit-il se tenir ?")
    assert fr is not None and fr.number == "11"


def test_when_the_asker_speaks_is_not_the_topic() -> None:
    from retrieval.answering.query import read_query

    assert read_query("which bureau actually runs the ITU Journal these days?").topic == "Journal"
    assert read_query("which sector handles cybersecurity right now?").topic == "cybersecurity"


def test_acronym_plurals_compounds_and_dangling_prepositions() -> None:
    from retrieval.answering.query import without_references
    from retrieval.indexing.lexical import LexicalIndex, lexical_tokens

    # "ccTLDs" is the plural of "ccTLD", which the stemmer cannot see once lower-cased.
    assert lexical_tokens("Member States' ccTLDs") == lexical_tokens("Member State ccTLD")
    assert lexical_tokens("LDCs JCAs") == ["ldc", "jca"] and lexical_tokens("SMS") == ["sms"]
    # "Per Res 130, which bureau …": the preposition goes with the reference.
    assert without_references("Per Res 130, which bureau is meant to help?") == "which bureau is meant to help?"
    assert without_references("the Union's external auditor in Res 94") == "the Union's external auditor"
    # A compound with a loose second word ("radio-related", "security-related") is about its first.
    lex = LexicalIndex(["c1", "c2"], [lexical_tokens(t) for t in (
        "support radio aspects for IoT", "security-related ITU-T recommendations")])
    assert lex.coverage_of("radio-related IoT")("to support radio aspects for IoT") == 1.0
    assert lex.coverage_of("security recommendations")("approved security-related ITU-T recommendations") == 1.0


def test_recommendations_typed_without_a_dot_and_annex_clauses() -> None:
    from retrieval.answering.query import expand_shorthand, parse_reference, read_query

    assert expand_shorthand("D000 defn of hubbing") == "D.000 definition of hubbing"  # ("defn": a definition)
    assert expand_shorthand("how much notice, A1?") == "how much notice, A.1?"
    # Questions, contributions, criteria and summits keep their names.
    for typed in ("Q4/17", "C823", "criteria C4", "the G20 summit", "SG17", "5G", "IMT2020"):
        assert expand_shorthand(typed) == typed
    # "SG" beside a study group's things is a study group; "the SG" alone is the Secretary-General
    assert expand_shorthand("who are the SG chairs? how many SGs?") == "who are the study group chairs? how many study groups?"
    assert expand_shorthand("what is the SG instructed to do") == "what is the Secretary-General instructed to do"
    assert expand_shorthand("SG17 and SG-17 work") == "SG17 and SG-17 work"
    ref = parse_reference(expand_shorthand("D000 anex A 28 non discrimination defintion??"))
    assert ref is not None and (ref.number, ref.part, ref.label) == ("D.000", "clause", "A.28")
    assert read_query("protecting consumers - is that ITU-D's or ITU-T's job according to PP-18?").intent == "sector"


def test_search_reads_the_question_in_the_texts_register() -> None:
    from retrieval.answering.query import read_query, search_form

    assert search_form("hey quick one - does TSAG actually have to meet every year?") == \
        "does TSAG have to meet annually?"
    assert search_form("reports twice a year") == "reports twice a year"  # "a year" is no schedule word
    assert search_form("all three Sectors?") == "all three Sectors?"
    assert read_query("hey quick one - does TSAG actually have to meet every year?").search_text.startswith("does TSAG")


def test_a_choice_inside_the_question_and_a_sentence_that_only_asks_which_sector() -> None:
    from retrieval.answering.query import expand_shorthand, read_query, without_alternatives

    q = read_query("is telecom consumer/user protection an ITU-D thing or ITU-T? which sector leads per PP-18")
    assert (q.intent, q.topic) == ("sector", "telecom consumer/user protection")
    q = read_query("Is cybersecurity a BDT or TSB job?")
    assert (q.intent, q.topic) == ("sector", "cybersecurity")
    # a closing choice is still cut whole, leaving no "is that" behind
    assert without_alternatives("who handles child online protection - is that ITU-T or ITU-D?") == \
        "who handles child online protection?"
    # a choice between other things is the topic
    assert without_alternatives("does Res 57 cover IMT or EMC?") == "does Res 57 cover IMT or EMC?"
    # "reso 77", "abt": chat spellings
    assert expand_shorthand("wat does reso 77 say abt the next WTSA") == \
        "what does Resolution 77 say about the next WTSA"
    assert expand_shorthand("a resolute stance") == "a resolute stance"


def test_a_series_letter_is_asked_about_only_when_the_question_is_what_the_series_is() -> None:
    from retrieval.answering.compose.series import series_asked, series_line
    from retrieval.core.models import Clause, Instrument

    assert series_asked("what's the K series of ITU-T Recs for again?") == "K"
    assert series_asked("What does the D-series cover?") == "D"
    assert series_asked("what is series Z about") == "Z"
    assert series_asked("What does the D series cover according to A.12?") == "D"  # the text it is in, named
    assert series_asked("how many Recommendations of the X series did TAP approve?") is None
    assert series_asked("Series M: which sector handles spectrum management?") is None
    table = Clause(clause_id="a12#clause.2.2", doc_id="a12", instrument=Instrument(), part="clause", span=(0, 1),
                   text="The scope of the series identified by the letter shall be as follows:\nA\tOrganization of "
                        "the work of ITU-T\nD\tTariff and accounting principles\nK\tProtection against interference")
    prose = Clause(clause_id="x#1", doc_id="x", instrument=Instrument(), part="clause", span=(0, 1),
                   text="K\tis a letter used in one line only")
    found = series_line("K", [prose, table])
    assert found is not None and found[0] is table and found[1] == "K\tProtection against interference"
    assert series_line("Q", [table]) is None


def test_french_and_spanish_questions_are_read_in_english_through_itu_terms() -> None:
    from retrieval.answering.glossary import to_english
    from retrieval.answering.query import reading_notes

    assert to_english("Quel Secteur s'occupe des télécommunications d'urgence ?", "fr") == \
        ("which Sector handles emergency telecommunications?", 1.0)
    assert to_english("¿Qué Sector se ocupa de las telecomunicaciones de emergencia?", "es")[0] == \
        "which Sector handles emergency telecommunications?"
    # accents left off, an elision before a body, a reference kept as typed
    assert to_english("que doivent faire les commissions d'etudes de l'UIT-T selon la Res. 57", "fr")[0] == \
        "what must do study groups ITU-T according to Resolution 57"
    q = read_query("Quel Secteur s'occupe des télécommunications d'urgence ?")
    assert (q.language, q.intent, q.topic) == ("fr", "sector", "emergency telecommunications")
    assert "read through ITU's terms as “which Sector handles emergency telecommunications?”" in \
        reading_notes(q, "onnx-minilm")[0]
    # the verbs that say who does what
    assert to_english("Quel Bureau coordonne les statistiques de la société de l'information ?", "fr")[0] == \
        "which Bureau coordinates statistics information society?"
    assert to_english("¿Qué Oficina publica los indicadores?", "es")[0] == "which Bureau publishes indicators?"
    # a question the glossary reads too little of keeps its own words, with the plain note
    odd = read_query("Quels sujets présentent un intérêt pour la délégation brésilienne demain matin ?")
    assert odd.language == "fr" and not odd.read_as and odd.text.startswith("Quels sujets")
    assert "questions are answered in English" in reading_notes(odd, "onnx-minilm")[0]
    # English is never rewritten; with an embedder that understands French the question is searched as asked
    assert not read_query("Which Sector handles emergency telecommunications?").read_as
    assert not read_query("Quel Secteur s'occupe des télécommunications d'urgence ?", embedder="openai").read_as


def test_which_part_of_itu_chat_spellings_and_revisions_beside_a_reference() -> None:
    from retrieval.answering.glossary import to_english
    from retrieval.answering.query import expand_shorthand, without_references

    assert read_query("Girls in ICT Day - which part of ITU is tasked with promoting it (Res 70)?").intent == "sector"
    assert expand_shorthand("max nb of terms for vicechairs") == "max number of terms for vice-chairs"
    # "the SG" hiring is the Secretary-General; a study group's work keeps "SG" as typed (see
    # test_the_sg_is_the_secretary_general_unless_study_group_work_is_asked)
    assert expand_shorthand("by what date did the SG have to hire") == \
        "by what date did the Secretary-General have to hire"
    assert without_references("dubai 2018 res 208 max number of terms") == "max number of terms"
    # a body on its own is what is asked about, not a reference
    assert without_references("per res 77, what's the max duration of a WTDC?") == \
        "what's the max duration of a WTDC?"
    assert to_english("¿con cuántos días de antelación hay que presentar las contribuciones según la Res. 165 de "
                      "Dubái 2018?", "es")[0] == \
        "how many days in advance must submit contributions according to Resolution 165 Dubai 2018?"


def test_a_series_asked_for_by_its_topic() -> None:
    from retrieval.answering.compose.series import asks_which_series, series_for
    from retrieval.core.models import Clause, Instrument

    assert asks_which_series("what letter series would an IoT / smart cities Recommendation go in?")
    assert not asks_which_series("what's the K series for?")  # a letter given: series_asked reads it
    assert asks_which_series("which rec series would a lightning-protection text go in?")
    assert asks_which_series("what Recommendation series covers data networks?")
    table = Clause(clause_id="a12#clause.2.2", doc_id="a12", instrument=Instrument(), part="clause", span=(0, 1),
                   text="The scope of the series:\nD\tTariff and accounting principles\nX\tData networks and security\n"
                        "Y\tGlobal information infrastructure, Internet of Things and smart cities")

    def cov(words: set[str]):  # type: ignore[no-untyped-def]
        return lambda t: sum(w in t.lower() for w in words) / len(words)

    picked = series_for(cov({"smart", "cities"}), [table])
    assert picked is not None and picked[0] == "Y" and picked[2].startswith("Y\tGlobal")
    assert series_for(cov({"quantum", "cooking"}), [table]) is None


def test_a_number_in_brackets_after_resolution_is_its_number() -> None:
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("under the academia resolution (169)?") == "under the academia resolution 169?"
    assert [r.number for r in read_query("which sector organises it under the academia resolution (169)?").references] \
        == ["169"]
    # "reso (209)" in chat: listed every mandate of the Secretary-General and the Directors in the corpus (547)
    assert [r.number for r in read_query("SME participation reso (209) - what are the SG and the directors told to "
                                         "do?").references] == ["209"]


def test_chat_spellings_of_the_words_that_ask() -> None:
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("wat does reso 130 instruct the director of BDT to do") == \
        "what does Resolution 130 instruct the director of BDT to do"
    assert expand_shorthand("Whcih sector handles it") == "which sector handles it"
    assert expand_shorthand("the watt and the what") == "the watt and the what"


def test_chat_shorthand_for_references_and_meetings() -> None:
    """"tsag mtgs - min frequency?? res1 sec 4", "aap last cal lenght? A8 cl 4.1": the reference is read."""
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("tsag mtgs - res1 sec 4") == "tsag meetings - res 1 section 4"
    ref = read_query("tsag mtgs - min frequency?? res1 sec 4").reference
    assert ref is not None and (ref.number, ref.part, ref.label) == ("1", "section", "4")
    ref = read_query("aap last cal lenght? A8 cl 4.1").reference
    assert ref is not None and (ref.number, ref.part, ref.label) == ("A.8", "clause", "4.1")
    # "Sec Gen" stays the Secretary-General; "second" and "class" are words.
    assert expand_shorthand("the Sec Gen, a second class") == "the Secretary-General, a second class"


def test_a_compound_no_text_uses_is_held_by_its_parts() -> None:
    """"staff-cost budget" where the texts write "budget allocated to staff costs"; both parts are needed."""
    from retrieval.indexing.lexical import LexicalIndex, lexical_tokens

    lex = LexicalIndex(["c1", "c2", "c3"], [lexical_tokens(t) for t in (
        "a target of 3 per cent of the budget allocated to staff costs", "the budget of the staff college",
        "country codes")])
    cover = lex.coverage_of("staff-cost budget")
    assert cover("a target of 3 per cent of the budget allocated to staff costs") == 1.0
    assert cover("the budget of the staff college") < 1.0
    assert lex.covering("staff-cost budget", 1.0) == {0}


def test_a_compound_the_texts_also_write_is_held_and_searched_by_its_parts() -> None:
    """"academia fee for a developing-country univ?": the texts write "developing-country" once and
    "universities … from developing countries" where the fee is set; the rare compound alone found nothing."""
    from retrieval.indexing.lexical import LexicalIndex, lexical_tokens

    texts = ("the fee for universities from developing countries is one-thirty second of the unit",
             "developing-country participation in the work of the Sectors", "the fee for Sector Members")
    lex = LexicalIndex(["c1", "c2", "c3"], [lexical_tokens(t) for t in texts])
    cover = lex.coverage_of("developing-country university fee")
    assert cover(texts[0]) == 1.0
    assert cover(texts[2]) < cover(texts[0])
    assert lex.search("developing-country university fee", 3)[0][0] == "c1"


def test_the_sg_is_the_secretary_general_unless_study_group_work_is_asked() -> None:
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("what expert group is the SG instructed to reconvene?") == \
        "what expert group is the Secretary-General instructed to reconvene?"
    # the approval of Recommendations is study-group work; "SG17" is a study group
    assert expand_shorthand("before the SG can consider a draft Rec for approval") == \
        "before the SG can consider a draft Recommendation for approval"
    assert expand_shorthand("what does the SG17 plenary do?") == "what does the SG17 plenary do?"


def test_either_form_of_a_defined_abbreviation_covers_the_other() -> None:
    """"the satellite info in the MIFR" is held by "the Master International Frequency Register", and
    "ICT Development Index" by "IDI", when a text defines them (the answerer passes the pairs it found)."""
    from retrieval.indexing.lexical import LexicalIndex, lexical_tokens

    texts = ("to improve access to the information in the Master International Frequency Register",
             "to publish annually the IDI", "the register of members")
    lex = LexicalIndex(["c1", "c2", "c3"], [lexical_tokens(t) for t in texts])
    mifr = [("MIFR", "Master International Frequency Register")]
    assert lex.coverage_of("MIFR information", mifr)(texts[0]) == 1.0
    assert lex.coverage_of("MIFR information")(texts[0]) < 1.0
    assert lex.coverage_of("MIFR information", mifr)(texts[2]) < 0.5
    idi = [("ICT Development Index", "IDI")]
    assert lex.coverage_of("publish ICT Development Index", idi)(texts[1]) == 1.0


def test_lower_case_meeting_symbols_and_dotted_section_numbers() -> None:
    from retrieval.answering.query import meeting_symbols

    assert meeting_symbols("td 2484 sg17 who's it from") == ["TD2484"]
    ref = read_query("wtsa res 1 s.2.3.2 - who may attend?").reference
    assert ref is not None and (ref.number, ref.part, ref.label) == ("1", "section", "2.3.2")
    # … and without the dot, as the clause ids write it ("#s9.3.5"): not a clause labelled "S12.1"
    ref = read_query("u.1 s12.1 - how are head-on collisions kept down?").reference
    assert ref is not None and (ref.number, ref.label) == ("U.1", "12.1")
    assert read_query("the 5s.2 thing").reference is None


def test_a_remark_after_the_question_is_not_what_is_asked() -> None:
    from retrieval.answering.query import without_remark

    assert without_remark("what's the deadline for contributions? sending ours next week") == \
        "what's the deadline for contributions?"
    # a second question stays, and so does a question without a remark
    assert without_remark("who runs it? BDT alone or all three?") == "who runs it? BDT alone or all three?"
    assert without_remark("Res 57 resolves 3") == "Res 57 resolves 3"


def test_whose_programme_asks_which_sector() -> None:
    from retrieval.answering.query import read_query

    assert read_query("whose programme is the Special Voluntary Programme for Technical Cooperation?").intent == "sector"
    assert read_query("whose project is the EMF guide?").intent == "sector"


def test_instruments_named_by_their_subject() -> None:
    from retrieval.answering.query import instruments_described

    assert instruments_described("who keeps the interference database under the outer space transparency reso?") == \
        [("under the outer space transparency reso", "outer space transparency")]
    assert instruments_described("In the PP resolution on Internet-related public policy issues, which bureau …") == \
        [("In the PP resolution on Internet-related public policy issues", "Internet-related public policy issues")]
    assert instruments_described("the resolution on the ITU Journal - who edits it?") == \
        [("the resolution on the ITU Journal", "Journal")]
    # the subject after "on" is whole: not "three sectors" (the phrase after its last article)
    assert instruments_described("in the resolution on coordination among the three sectors, what is the Council "
                                 "told to do?") == [("in the resolution on coordination among the three sectors",
                                                     "coordination among three sectors")]
    # "the annex of the resolution on …": the annex is a part of the instrument described after it
    assert instruments_described("which countries are in the annex of the resolution on countries in special need?") \
        == [("of the resolution on countries in special need", "countries in special need")]
    # a heading typed first, chat style, with no article: an acronym names the instrument ("RBM resolution:");
    # a plain word stays the topic of a Sector question ("cybersecurity resolution - which sector leads?")
    assert instruments_described("RBM resolution: what are member states asked to do?") == [("RBM resolution", "RBM")]
    assert instruments_described("cybersecurity resolution - which sector leads?") == []
    # a question asking which resolution, a number, or no subject names none
    for q in ("which resolution deals with cybersecurity?", "what does Res 57 say", "what does the same resolution say"):
        assert instruments_described(q) == [], q


def test_annex_clauses_in_every_form_and_parts_of_described_instruments() -> None:
    from retrieval.answering.query import part_named, read_query

    for typed in ("D.000 Annex A A.31 - definition of hub", "D.000 Annex A clause A.31", "D000 anex A 31"):
        ref = read_query(typed).reference
        assert ref is not None and (ref.part, ref.label) == ("clause", "A.31"), typed
    assert part_named("what does resolves 2 of the SME participation res say about fees?") == ("resolves", "2")
    assert part_named("what does the SME resolution say about fees?") is None


def test_a_choice_between_sectors_asks_which_sector() -> None:
    """blind14: "is that ITU-D or ITU-T's baby" was read as a plain question and named no Sector."""
    from retrieval.answering.query import detect, sector_topic

    for q, topic in [("consumer protection for telecom users - is that ITU-D or ITU-T's baby?",
                      "consumer protection telecom users"),
                     ("emergency telecoms: R, T or D?", "emergency telecoms"),
                     ("does BDT or TSB do the EMF work?", "EMF"),
                     ("who leads on alternative calling procedures, T or D?", "alternative calling procedures"),
                     ("SCV, the vocab committee - does it sit in R or in T?", "SCV vocab committee"),
                     # an initiative or project is a Sector's share of the work too, and "a T one" its other side
                     ("the G3ict toolkit - was it a D initiative or a T one?", "G3ict toolkit"),
                     ("is the BSG programme a T project or a D one?", "BSG programme"),
                     # the Sectors' by their letters (blind54: read as a plain question, all three Directors led)
                     ("is the CPM R's, T's or D's?", "CPM"), ("youth engagement - R's or D's job?", "youth engagement")]:
        assert detect(q)[0] == "sector", q
        assert sector_topic(q) == topic, (q, sector_topic(q))
    assert detect("what does R 3 say about it?")[0] != "sector"
    assert sector_topic("which sector handles business continuity?") == "business continuity"


@pytest.mark.parametrize(("question", "topic"), [
    ("is there a resolution on quantum computing?", "quantum computing"),
    ("hi, any resolution on spam?", "spam"),
    ("anything on e-waste?", "e-waste"),
    ("does ITU have a Recommendation about numbering?", "numbering"),
    ("does ITU-T have a Recommendation on drone traffic?", "drone traffic"),
    ("does WTSA have a resolution on open source?", "open source"),
    ("do we have any PP resolutions dealing with accessibility?", "accessibility"),
    ("which resolution covers bridging the standardization gap?", "bridging the standardization gap"),
    ("what PP resolution is about child online protection?", "child online protection"),
])
def test_whether_a_text_exists_on_a_subject_is_a_search_for_texts(question: str, topic: str) -> None:
    q = read_query(question)
    assert (q.intent, q.topic) == ("find", topic)


def test_a_question_on_what_one_text_does_is_no_search_for_texts() -> None:
    assert read_query("which resolution instructs TSB to run the ITU Journal?").intent != "find"


@pytest.mark.parametrize("question", [
    "is there any regular reporting on ITU fellowships? who prepares it?",
    "is there any rule on how long Rec titles should be?",
    "any idea what res 57 says?",
    "anybody know the rules on quorum?",
])
def test_other_is_there_questions_are_not_searches_for_texts(question: str) -> None:
    assert read_query(question).intent != "find"


def test_chat_forms_read_as_the_texts_write_them() -> None:
    from retrieval.answering.compose.series import series_asked
    from retrieval.answering.query import search_form

    # a Recommendation typed in lower case; "b4" is "before", not Recommendation B.4
    assert read_query("a12 whats letter W for").text.startswith("A.12 ")
    assert "E.119" in read_query("e119 language reqs?").text
    read = read_query("contrib arriving <12 days b4 the mtg, what happens to it").text
    assert "before the meeting" in read and "B.4" not in read
    # "takes part in" is how people say "participate in"; "on ITU's behalf" only frames the question
    assert search_form("who takes part in the WHO EMF project on ITU's behalf?") == \
        "who participate in the WHO EMF project?"
    assert series_asked("a12 whats letter W for") == "W"
    # "is it TSB or BDT that …?" asks which Sector
    assert read_query("is it TSB or BDT that works with countries on a child helpline number?").intent == "sector"


def test_who_is_in_the_driving_seat_asks_which_sector_and_is_no_topic() -> None:
    q = read_query("IPv6 allocation support - is BDT or TSB in the driving seat?")
    assert q.intent == "sector" and q.topic == "IPv6 allocation support"
    # "calling" is a topic word: "alternative calling procedures"
    assert "calling" in read_query("which sector studies alternative calling procedures?").topic


def test_a_conference_with_a_three_digit_number_names_its_resolution() -> None:
    for q in ["standardization gap res (PP 123) - who leads?", "which sector leads on PP 123?"]:
        assert [(r.body, r.number) for r in read_query(q).references] == [("PP", "123")], q
    # the conferences themselves and their years are no resolution
    for q in ["what did PP 2018 decide?", "what did PP-18 decide?", "was it revised at PP 22?"]:
        assert read_query(q).references == [], q


def test_a_closing_only_x_or_y_choice_is_not_the_topic() -> None:
    q = read_query("standardization gap res (PP 123) - is closing the gap only TSB's job or are BR and BDT "
                   "tasked as well? who leads")
    assert q.intent == "sector" and "only" not in q.topic and "BDT" not in q.topic, q.topic


@pytest.mark.parametrize(("q", "topic"), [
    ("assistance to somalia for rebuilding its telecoms - is that a BDT job?", "assistance somalia rebuilding telecoms"),
    ("is youth empowerment through ICT mainly a BDT thing?", "youth empowerment through ICT"),
    ("is cybersecurity an ITU-T thing?", "cybersecurity"),
    # the Sector by its possessive, with or without the other side of the choice
    ("is cybersecurity ITU-T's job?", "cybersecurity"),
    ("is spectrum management ITU-R's job or ITU-T's?", "spectrum management"),
    ("who is responsible for strengthening the regional offices - BDT alone or all three bureaux?",
     "strengthening regional offices"),
    ("who's on the hook for standards work on digital financial services?", "standards digital financial services"),
    ("is ict accessibility just a T study group topic or are all 3 sectors on it?", "ict accessibility"),
    ("is IPv6 just an ITU-T topic or do the other two work on it too?", "IPv6"),
    ("is IPv6 purely a TSB thing, or are the study groups of every sector meant to take it up?", "IPv6"),
    ("is bridging the standardization gap purely a TSB thing, or did PP-18 put all three bureaux on it?",
     "bridging standardization gap"),
    # why the asker asks is no part of the topic; "more a T thing or a D thing" is the choice
    ("boss wants a one-liner: under PP-18 is OTT more a T thing or a D thing?", "OTT"),
    ("for the briefing note: is ICT accessibility for persons with disabilities an R, T or D thing, or is it split "
     "across sectors?", "ICT accessibility persons disabilities"),
    ("my DG asked whether e-waste sits with one sector in the strategic plan or is shared. what do i tell her?",
     "e-waste strategic plan"),
])
def test_one_sector_offered_for_a_yes_or_no_is_a_sector_question(q: str, topic: str) -> None:
    read = read_query(q)
    assert (read.intent, read.topic) == ("sector", topic)


def test_no_sector_is_offered_in_everyday_yes_or_no_questions() -> None:
    for q in ["is it a good thing?", "is there a T thing about it?", "does the study group or the TSAG decide or do both?",
              "what is ITU-T's role in Res 57?", "is there ITU-T's work on it?"]:
        assert read_query(q).intent != "sector", q


def test_the_sg_of_a_pp_recommendation_is_the_secretary_general() -> None:
    assert "Secretary-General" in read_query("pp rec 7 on trafficking - is the SG tasked with anything?").text
    assert "Secretary-General" not in read_query("can the SG approve a draft Rec at its meeting?").text


def test_chat_shorthand_for_a_period_a_preliminary_amount_and_and() -> None:
    """blind22, first run: "dec 5 - prelim contrib unit for 2024-27, who fixes it n by when" abstained
    ("Nothing in the corpus mentions prelim, 2024-27"); Decision 5 writes "the preliminary amount of the
    contributory unit for the period 2024-2027"."""
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("dec 5 - prelim contrib unit for 2024-27, who fixes it n by when") == \
        "dec 5 - preliminary contributory unit for 2024-2027, who fixes it and by when"
    assert expand_shorthand("the 2020-23 plan, 2019/20 budget") == "the 2020-2023 plan, 2019-2020 budget"
    # a range already written out, a clause number, a capital N: left as typed
    for kept in ("budget 2020-2023", "Res 1 §2024-25.1", "Figure N 3", "2023-21"):
        assert expand_shorthand(kept) == kept


def test_who_is_asking_is_not_what_the_question_is_about() -> None:
    """blind23, first run: "our ministry has questions about our country-code TLD - …" abstained because
    no clause of Res 102 speaks of a ministry or of questions."""
    from retrieval.answering.query import read_query

    q = read_query("our ministry has questions about our country-code TLD - under res 102 which bureau works "
                   "with member states on that?")
    assert q.text.startswith("our country-code TLD") and "ministry" not in q.topic
    assert read_query("my boss wants to know about the ITU Journal: who runs it?").text.startswith("the ITU Journal")
    # a ministry that is the subject stays
    kept = read_query("which ministry has to approve a national numbering plan?")
    assert "ministry" in kept.text


def test_hr_is_human_resources_unless_it_counts_hours() -> None:
    """blind22, first run: "the 4-year HR strategic plan - who drafts it …" was read as "the 4-year hours
    strategic plan" and answered with the Union's strategic plan."""
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("the 4-year HR strategic plan") == "the 4-year human resources strategic plan"
    assert expand_shorthand("someone in HR asked me") == "someone in human resources asked me"
    assert expand_shorthand("48 hrs notice, within 24hr") == "48 hours notice, within 24 hours"
    assert expand_shorthand("how many hrs before the meeting") == "how many hours before the meeting"


def test_more_ways_of_asking_which_sector() -> None:
    """blind21/22, first runs: each of these was read as a plain question, so no Sector was given."""
    from retrieval.answering.query import read_query

    for q in ["capacity building for national broadband plans - whose lead is that?",
              "PP Res 34: resource mobilization for countries rebuilding after disasters - is that on BDT?",
              "the IMT-2020-and-beyond studies - whose studies are they?",
              "accessibility work for persons with disabilities - do we go to ITU-T study groups only, or R and D too?",
              "when ITU talks about evolving infrastructure, whose Recommendations is that evolution based on?"]:
        got = read_query(q)
        assert got.intent == "sector", q
        assert not {"whose", "only", "when", "talks"} & set(got.topic.lower().split()), got.topic
    assert read_query("is that on the agenda of the next meeting?").intent != "sector"


def test_changes_named_as_where_to_look_ask_what_they_say() -> None:
    """blind22, first run: "in the RCC's proposed changes to Res 57, what are RAG, TSAG and TDAG asked to
    do?" was answered with the proposal's changes, not with its resolves 1 as proposed."""
    from retrieval.answering.query import asks_what_changed, detect

    q = "in the RCC's proposed changes to Res 57, what are RAG, TSAG and TDAG asked to do?"
    assert detect(q)[0] != "diff" and not asks_what_changed(q)
    assert detect("what changes does the RCC propose to Res 57?")[0] == "diff"
    assert asks_what_changed("what changed in Res 1 at Hammamet?")


def test_country_groups_are_read_in_both_forms() -> None:
    """Five questions on Res 41 in five sets asked "max repayment schedule for an LDC?" and got the one-year
    deadline of another clause: the rule by group is written "up to fifteen years for least developed
    countries", and the texts use "LDC" too freely (16 clauses) for the abbreviation look-up to add it."""
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("max repayment schedule for an LDC?") == \
        "max repayment schedule for least developed country (LDC)?"
    assert expand_shorthand("LDCs, LLDCs and SIDS") == \
        "least developed countries (LDCs), landlocked developing countries (LLDCs) and small island developing states (SIDS)"
    assert expand_shorthand("least developed countries (LDCs)") == "least developed countries (LDCs)"


def test_which_parts_of_itu_asks_which_sector() -> None:
    """blind24, first run: "which parts of ITU are expected to feed into the expert group reviewing the ITRs?"
    was read as a plain question ("which part of ITU" was a Sector question; the plural was not)."""
    from retrieval.answering.query import detect

    assert detect("which parts of ITU are expected to feed into the expert group reviewing the ITRs?")[0] == "sector"
    assert detect("what arms of the ITU work on IMT?")[0] == "sector"


def test_more_chat_spellings_and_lower_case_meeting_symbols() -> None:
    """blind25, first run: "c823 vs td2484 whats new abt who defines n maintains the incubation mech" abstained
    ("nothing in the corpus mentions c823, mech"); "… hv to commit … a new qn b4 … btwn wtsas" was read word by
    word."""
    from retrieval.answering.query import expand_shorthand, meeting_symbols

    assert meeting_symbols("c823 vs td2484 whats new") == ["C823", "TD2484"]
    assert meeting_symbols("see section c 3 of the report") == []
    assert expand_shorthand("who defines n maintains the incubation mech") == \
        "who defines and maintains the incubation mechanism"
    assert expand_shorthand("members hv to commit to a new qn b4 a SG can approve it btwn wtsas") == \
        "members have to commit to a new question before a SG can approve it between wtsas"
    assert expand_shorthand("contribs arriving <12 days, >3 weeks") == \
        "contributions arriving less than 12 days, more than 3 weeks"
    assert expand_shorthand("is it in b4?") == "is it in b4?"  # no word after it: left as typed


def test_a_plural_mark_is_no_word_of_the_topic() -> None:
    from retrieval.answering.query import read_query

    topic = read_query("digital financial services / financial inclusion standards work - which sector(s) got tasked?").topic
    assert topic.split()[-1] != "s" and "(s)" not in topic, topic


@pytest.mark.parametrize(("typed", "body", "number"), [
    ("under ITU-R res 1, what share of replies is needed?", "RA", "ITU-R 1"),
    ("what does Resolution ITU-R 1 say", "RA", "ITU-R 1"),
    ("ITU-D res 2 says?", "WTDC", "2"),
    ("ITU-T Resolution 1 §4.2", "WTSA", "1"),
])
def test_a_sector_before_resolution_names_its_assembly(typed: str, body: str, number: str) -> None:
    """"under ITU-R res 1 …" was read as any Resolution 1 and answered from WTSA Resolution 1."""
    from retrieval.answering.cite import describe_reference
    from retrieval.answering.query import read_query

    refs = read_query(typed).references
    assert [(r.body, r.number) for r in refs] == [(body, number)]
    if body == "RA":
        assert describe_reference(refs[0]) == "Resolution ITU-R 1"


def test_calling_a_meeting_off_is_cancelling_it() -> None:
    """blind27: "… who gets to call the meeting off?" missed A.1 §1.3.3 ("The decision whether to cancel a
    meeting …"): the phrasal verb is read as the texts' word."""
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("who gets to call the meeting off?") == "who gets to cancel the meeting?"
    assert expand_shorthand("who can call off the meeting?") == "who can cancel the meeting?"
    assert expand_shorthand("they called the SG meeting off") == "they cancelled the SG meeting"
    assert expand_shorthand("the call offered nothing") == "the call offered nothing"


def test_one_bureau_offered_with_someone_else_as_the_other_side_is_a_sector_question() -> None:
    """blind27: "is it TSB that takes part in WHO's electromagnetic fields project for ITU, or someone else?" was
    read as a plain question and no Sector was given."""
    from retrieval.answering.query import read_query

    q = read_query("is it TSB that takes part in WHO's electromagnetic fields project for ITU, or someone else?")
    assert q.intent == "sector" and q.topic == "electromagnetic fields project", q.topic
    assert read_query("was it BDT who ran the workshops on EMF measurement?").intent == "sector"
    assert read_query("is it true that TSB posts contributions within three days?").intent != "sector"


@pytest.mark.parametrize(("question", "topic"), [
    ("who's in charge of the ITU's work on climate change?", "climate change"),
    ("which bureau should I talk to about e-waste?", "e-waste"),
    ("who does the standardization gap programme belong to?", "standardization gap programme"),
    ("which sector should we contact about spam?", "spam"),
    ("whose work is internet resources like domain names?", "internet resources domain names"),
])
def test_who_to_ask_and_whose_it_is_are_sector_questions(question: str, topic: str) -> None:
    """Tried as a new user: "which bureau should I talk to about e-waste?" abstained on "Nothing in the corpus
    mentions 'talk'"; "who's in charge of …" and "who does … belong to?" were read as plain questions."""
    from retrieval.answering.query import read_query

    q = read_query(question)
    assert q.intent == "sector" and q.topic == topic, (q.intent, q.topic)


def test_rec_in_chat_is_read_as_recommendation() -> None:
    """blind27 and blind25: "how long should the title of a rec ideally be?" and "what date format … with the rec
    number" missed A.12 (the model reads "Recommendation", not "rec"); a reference keeps its form."""
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("how long should the title of a rec ideally be?") == \
        "how long should the title of a Recommendation ideally be?"
    assert expand_shorthand("draft recs approved by AAP") == "draft Recommendations approved by AAP"
    assert expand_shorthand("Rec. ITU-T A.1 clause 3") == "Rec. ITU-T A.1 clause 3"
    assert expand_shorthand("records of the meeting") == "records of the meeting"
    # blind2, blind10: "contrib arriving <12 days b4 the mtg"
    assert expand_shorthand("contrib deadline for a SG mtg") == "contribution deadline for a SG meeting"
    assert expand_shorthand("RCC contribs") == "RCC contributions"


def test_a_conferences_r_number_is_its_resolution() -> None:
    """"pp18 r157" is PP Resolution 157, not Recommendation R.157 (blind31, first run: "R.157 is not in the
    corpus"); "R.157" typed alone stays a Recommendation. A bare lower-case "r157" is read as a resolution too
    (blind60, first run: "r208 annx1 1.5" answered "Recommendation R.208 is not in the corpus"; ITU-T's R-series
    has no such numbers, ITU-R's Recommendations two letters)."""
    from retrieval.answering.query import expand_shorthand, read_query

    assert expand_shorthand("pp18 r157 min support cost") == "pp18 Resolution 157 min support cost"
    assert [r.number for r in read_query("pp-18 r 41 arrears").references] == ["41"]
    assert read_query("wtsa16 r1 4.8").intent == "cite"
    assert "R.157" in expand_shorthand("what does R.157 say") and "R.157" in expand_shorthand("what does R157 say")
    assert expand_shorthand("what does r157 say") == "what does Res 157 say"


def test_who_is_asking_with_issues_is_not_the_topic() -> None:
    """"our ministry has some issues with how our ccTLD is handled": the asker's issues are no words the
    clauses must hold (blind32, first run: ITU-D was added to the lead through "issues")."""
    from retrieval.answering.query import read_query

    q = read_query("our ministry has some issues with how our country-code top-level domain is handled. "
                   "which part of ITU should we approach?")
    assert q.intent == "sector"
    # (the domain is named as the texts write it: ccTLDs)
    assert "ministry" not in q.topic and "issues" not in q.topic and "ccTLDs" in q.topic


def test_a_deadline_said_with_emphasis_is_a_deadline() -> None:
    """"absolute last deadline": the emphasis is no word the clause must hold (blind30, first run: refused)."""
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("absolute last deadline for contributions to WTSA?") == "deadline for contributions to WTSA?"
    assert expand_shorthand("the very final deadline for comments") == "the deadline for comments"
    assert expand_shorthand("the last day of the meeting") == "the last day of the meeting"


def test_why_the_asker_asks_is_not_the_question() -> None:
    from retrieval.answering.query import without_framing

    assert without_framing("doing a brief for our delegation - BDT runs the ITU Telecom events, right?") == \
        "BDT runs the ITU Telecom events, right?"
    # a topic before the colon stays: only words of the asker's world are framing
    for q in ("director of TSB: what must he report?", "TSAG - who chairs it?", "COP: which Sector leads?"):
        assert without_framing(q) == q



def test_a_condition_a_reminder_and_sectors_by_name_are_read() -> None:
    """blind34: "when a developing country sends a request …, which bureau …?" was judged as asking a date;
    "remind me who's allowed to sit in TSAG?" needed "remind" and "me" in a clause; "radio or
    standardization sector?" asks which Sector."""
    when = read_query("when a developing country sends a request through BDT about examining an ITU-T question, "
                      "which bureau has to deal with it?")
    assert when.intent == "sector" and not when.topic.lower().startswith("when"), when.topic
    assert read_query("remind me who's allowed to sit in TSAG?").text == "who's allowed to sit in TSAG?"
    ccv = read_query("the CCV vocabulary committee that res 208 mentions - radio or standardization sector?")
    assert ccv.intent == "sector" and "radio" not in ccv.topic and "standardization" not in ccv.topic, ccv.topic


def test_who_is_behind_a_document_asks_its_source() -> None:
    from retrieval.answering.compose.cover import cover_rows_asked

    assert cover_rows_asked("who's behind C823?") == ["Source"]


def test_whose_objective_asks_which_sector() -> None:
    q = read_query("in the 2020-2023 strategic plan, whose objective is managing international numbering resources?")
    assert q.intent == "sector", q



def test_a_conferences_recommendation_is_a_reference_with_its_conference() -> None:
    """"PP Recommendation 7" (PP-18's Recommendations are in the corpus as pp-rec-N) is cited as its
    Resolutions are; a bare "Recommendation 7" names no instrument, and "the SG" of a plenipot Recommendation
    is the Secretary-General (blind39: the question had listed all 325 of the Secretary-General's mandates)."""
    from retrieval.answering.query import expand_shorthand

    for typed in ("PP Recommendation 7", "plenipot rec 7", "Plenipotentiary Conference Recommendation 7"):
        ref = parse_reference(typed)
        assert ref is not None and (ref.body, ref.kind, ref.number) == ("PP", "recommendation", "7"), (typed, ref)
    part = parse_reference("PP Rec 7 instructs the Secretary-General 1")
    assert part is not None and (part.part, part.label) == ("instructs the secretary-general", "1"), part
    assert parse_reference("Recommendation 7") is None
    assert [r.kind for r in references_named("what does PP Recommendation 7 ask of Member States?")] == ["recommendation"]
    rec = Instrument(body="PP", kind="recommendation", number="7", revision=Revision(place="Dubai", year=2018))
    res7 = Instrument(body="PP", kind="resolution", number="7", revision=Revision(place="Dubai", year=2018))
    clauses = [Clause(clause_id=f"{d}@dubai-2018#instructs-the-secretary-general.1", doc_id=f"{d}@dubai-2018",
                      instrument=inst, part="instructs the Secretary-General", label="1", text=f"text of {d}",
                      span=(0, 10)) for d, inst in (("pp-rec-7", rec), ("pp-res-7", res7))]
    found = resolve(parse_reference("PP Recommendation 7"), clauses)  # type: ignore[arg-type]
    assert [c.doc_id for c in found.clauses] == ["pp-rec-7@dubai-2018"], found
    assert "Recommendation 9" in resolve(parse_reference("PP Recommendation 9"), clauses).message  # type: ignore[arg-type]
    assert "Secretary-General" in expand_shorthand(
        "what does the plenipot recommendation on human trafficking ask the SG to do?")
    assert "Secretary-General" not in expand_shorthand("when can the SG approve a draft Rec at its meeting?")


def test_a_recommendation_named_alone_is_asked_about_as_a_whole() -> None:
    """"what's D.000?" had abstained ("the clauses found do not speak of “D”"), "what is E.119?" quoted its title
    line; "Recommendation D.000" without "ITU-T" was no reference at all."""
    from retrieval.answering.compose.cover import recommendation_about

    for q, number in [("what's D.000?", "D.000"), ("what is Recommendation ITU-T E.119?", "E.119"),
                      ("tell me about A.8", "A.8"), ("A.Sup5?", "A.Sup5"), ("what is Rec. A.12?", "A.12")]:
        assert recommendation_about(q) == (number, False), q
    assert recommendation_about("what is the deadline in A.8?") is None
    for typed in ("Recommendation D.000", "Rec. A.12 clause 2", "Recommendation ITU-T E.119"):
        ref = parse_reference(typed)
        assert ref is not None and ref.kind == "recommendation", (typed, ref)


@pytest.mark.parametrize("question", ["res 208 annex 1 §1 a): latest date to send names?", "annex 1, §1 a) of res 208",
                                      "Resolution 208, Annex 1, paragraph 1 a)", "res 208 annex 1 1 a)"])
def test_a_numbered_item_of_a_resolutions_annex(question: str) -> None:
    ref = read_query(question).reference
    assert ref is not None and (ref.number, ref.part, ref.label) == ("208", "annex 1", "1 a)"), ref


def test_the_contributory_unit_by_its_initials_is_an_amount_asked() -> None:
    from retrieval.answering.compose.evidence import asks_amount

    q = "dec 5 PP-18: CU value for member states 2020-23?"
    assert "contributory unit value" in read_query(q).search_text, read_query(q)
    assert asks_amount(q) and asks_amount("what's the value of the contributory unit?")


def test_an_exclusion_ends_where_the_question_goes_on() -> None:
    from retrieval.answering.compose.direct import asks_deadline
    from retrieval.answering.query import without_exclusions

    assert without_exclusions("AAP last call closes and there are real comments, not just typos - who decides what "
                              "happens next?") == "AAP last call closes and there are real comments - who decides what happens next?"
    assert without_exclusions("which sector handles spectrum, not counting ITU-R?") == "which sector handles spectrum?"
    assert asks_deadline("before WTSA, TSAG's review of the draft Questions - minimum lead time?")
    assert "headquarters" in read_query("HQ project financing - how big is the loan?").search_text


def test_a_list_of_recommendations_is_no_clause_of_the_first() -> None:
    # "(A.1, A.8, A.12 etc)" was read as clause A.8 of A.1 and answered "A.1 … has no clause A.8"
    for q in ("the A-series working-methods recs (A.1, A.8, A.12 etc) - who develops and looks after those?",
              "A.1 and A.8 - who approves them?"):
        assert parse_reference(q) is None and detect(q)[0] != "cite", q
    # D.000's annex labels its clauses "A.25", "A.19.2.2": after D.000 they stay clauses of it
    for q, label in (("D.000, A.25 - what is a transit share?", "A.25"), ("D.000 A.19.2.2 says what?", "A.19.2.2")):
        ref = parse_reference(q)
        assert ref is not None and ref.number == "D.000" and ref.label == label, q


def test_a_contribution_named_whole_is_searched_when_asked_of_its_content() -> None:
    # "RCC/47A4: by what deadline does the task force report to the ISCG?" was answered with the overview of
    # what RCC/47A4 proposes, a confident answer to another question
    for q in ("RCC/47A4: by what deadline does the intersector coordination task force have to report to the ISCG?",
              "RCC/47A4 - what does it say about the task force reporting to ISCG?"):
        assert detect(q) == ("ask", None), q
    # asking for its proposals is still the overview, and a proposal or clause named is still cited
    for q in ("what does RCC/47A4 propose?", "what is RCC/47A4 about?", "which resolution does RCC/47A4 want to modify?",
              "What did RCC/47A4/1 propose to change?", "RCC/47A4 resolves 3", "who submitted RCC/47A4?"):
        assert detect(q)[0] == "cite", q


def test_an_annex_named_and_asked_of_is_searched_and_set_up_is_establish() -> None:
    from retrieval.answering.query import in_texts_words

    # "D000 annex A - what do they mean by …?" gave the annex's heading clause, "Annex A"
    assert detect("D000 annex A - what do they mean by 'accounting revenue division procedure'?") == ("ask", None)
    for q in ("D.000 annex A", "show me annex A of D.000", "A.1 appendix I in full"):
        assert detect(q)[0] == "cite", q
    assert in_texts_words("when did ITU and UNESCO set up the Broadband Commission?") == \
        "when did ITU and UNESCO establish the Broadband Commission?"


def test_a_count_of_sectors_or_a_letter_in_charge_asks_which_sector() -> None:
    # blind56's first run: each was read as a plain question and named no Sector
    from retrieval.answering.query import expand_shorthand

    for q, topic in (("IRG-AVA - which two sectors run that rapporteur group?", "IRG-AVA rapporteur group"),
                     ("satellite capacity-building - R or D in charge?", "satellite capacity-building")):
        assert detect(q)[0] == "sector", q
        assert sector_topic(q) == topic, (q, sector_topic(q))
    assert expand_shorthand("the 2012 unidroit diplomatic conf") == "the 2012 unidroit diplomatic conference"


def test_chat_words_for_development_and_up_to_date_and_a_bureau_asked_as_yes_or_no() -> None:
    from retrieval.answering.query import expand_shorthand

    # "dev" in ITU chat: the Development Conference, developing countries (never a developer's "dev box")
    assert expand_shorthand("reports to TDAG and the dev conference") == "reports to TDAG and the development conference"
    assert expand_shorthand("EMF seminars for dev countries") == "EMF seminars for developing countries"
    assert expand_shorthand("the dev team's test box") == "the dev team's test box"
    # the texts "update" what people "keep up to date"
    assert expand_shorthand("who keeps the author's guide up-to-date?") == "who keeps the author's guide updated?"
    # which Bureau, asked first as yes or no, or as the others besides one
    assert detect("consumer protection: is any bureau tasked with running regional forums? which one")[0] == "sector"
    assert detect("who helps the SG on the regional initiatives, and which other bureaux join in?")[0] == "sector"
    assert sector_topic("is any bureau tasked with running regional forums on consumer rights?") == \
        "regional forums consumer rights"
    # "C&I" is one word of a topic, not "C"
    assert sector_topic("which sector handles C&I testing?") == "C&I testing"
    # "is that T or D's turf?": the Sectors by their letters, the second with its possessive
    assert detect("smart grid standards - is that T or D's turf?")[0] == "sector"
    assert sector_topic("smart grid standards - is that T or D's turf?") == "smart grid standards"


def test_who_is_in_the_lead_and_a_sector_by_its_name_ask_which_sector() -> None:
    """blind65: "who's in the lead, ITU-T or the dev sector?" was read as a plain question (no lead given);
    "is that a T thing or D thing? X" left "or D" in the topic."""
    from retrieval.answering.query import read_query

    for q, topic in [("consumer protection for telecom users - who's in the lead, ITU-T or the dev sector?",
                      "consumer protection telecom users"),
                     ("is that a T thing or D thing? consumer protection", "consumer protection"),
                     ("who is taking the lead on e-waste?", "e-waste"),
                     ("e-waste: the development sector or ITU-T?", "e-waste")]:
        r = read_query(q)
        assert r.intent == "sector" and r.topic == topic, (q, r.intent, r.topic)


def test_a_closing_choice_of_sectors_by_letter_or_name_asks_which_sector() -> None:
    """blind69/71: "R sector or T sector?" was read as Spanish ("sector") and refused; "TSB or BDT?", "dev sector
    job?" and "one sector or all three?" at the end of a question were plain questions (no lead given)."""
    from retrieval.answering.language import detect_language
    from retrieval.answering.query import in_texts_words, read_query

    assert detect_language("radio aspects of IoT - R sector or T sector?") == "en"
    assert detect_language("is that T sector work or D sector work?") == "en"
    assert detect_language("¿Qué sector se ocupa de las telecomunicaciones de emergencia?") == "es"
    for q, topic in [("radio aspects of IoT - R sector or T sector?", "radio aspects IoT"),
                     ("digital financial services - is that T sector work or D sector work?", "digital financial services"),
                     ("consumer protection for telecom users - dev sector job?", "consumer protection telecom users"),
                     ("emergency telecoms & early warning - one sector or all three?", "emergency telecoms early warning"),
                     ("spam: TSB or BDT?", "spam")]:
        r = read_query(q)
        assert r.intent == "sector" and r.topic == topic, (q, r.intent, r.topic)
    # who does it, offered a choice, names the Director instructed (the "ask" path)
    assert read_query("who writes up the guidance on call-back - TSB or BDT?").intent != "sector"
    assert "intensify" in in_texts_words("whose study groups step up work on threats?")


def test_what_a_contribution_asks_the_assembly_to_change_is_its_proposals() -> None:
    """blind68: "what is RCC/47A4 actually asking WTSA to change?" searched inside it and led with "The
    Resolution noted:"; it asks for the proposals."""
    from retrieval.answering.query import detect

    intent, ref = detect("what is RCC/47A4 actually asking WTSA to change?")
    assert intent == "cite" and ref is not None and ref.symbol == "RCC/47A4"
    assert detect("RCC/47A4: by what deadline does the task force report?")[0] == "ask"


def test_making_sure_is_what_the_texts_call_ensuring() -> None:
    """blind40/74: "which bureau directors have to make sure it gets implemented?" missed Res 125's "to ensure
    that this resolution is implemented" and led with ITU-D alone."""
    from retrieval.answering.query import in_texts_words

    assert in_texts_words("who has to make sure it gets implemented?") == "who has to ensure it gets implemented?"
    assert in_texts_words("who makes sure the IDI is not revised?") == "who ensure the IDI is not revised?"


def test_a_conference_the_question_goes_on_to_ask_about_is_no_revision_of_the_resolution() -> None:
    """blind76: "res 77 resolves 4.2: wrc19 dates + venue?" was read as a 2019 edition of Res 77 (not held)."""
    ref = parse_reference("res 77 resolves 4.2: wrc19 dates + venue?")
    assert ref is not None and ref.number == "77" and ref.label == "4.2" and ref.revision is None, ref
    assert [r.revision for r in references_named("res 77 resolves 4.2: wrc19 dates + venue?")] == [None]
    ref = parse_reference("What did WTSA-16 change in Res 57?")
    assert ref is not None and ref.revision == Revision(place="", year=2016)


def test_a_contribution_named_with_the_resolution_it_changes_and_a_symbol_typed_with_a_space() -> None:
    """blind76/77: "RCC/47A4 res 57 …" was read as its resolves 57; "RCC 47A4 resolves 2" was no symbol."""
    ref = parse_reference("RCC/47A4 res 57 mod proposal: who reports annually to TSAG on it?")
    assert ref is not None and ref.symbol == "RCC/47A4" and ref.part is None, ref
    ref = parse_reference("RCC/47A4 Res 57 resolves 3")
    assert ref is not None and (ref.symbol, ref.part, ref.label) == ("RCC/47A4", "resolves", "3"), ref
    ref = parse_reference("RCC/47A4 res 3")
    assert ref is not None and (ref.part, ref.label) == ("resolves", "3"), ref
    ref = parse_reference("RCC 47A4 resolves 2 - who reports to the ISCG and on what?")
    assert ref is not None and (ref.symbol, ref.label) == ("RCC/47A4", "2"), ref
    ref = parse_reference("WTSA 16 Res 57")
    assert ref is not None and ref.symbol is None and ref.number == "57", ref


def test_a_part_named_before_its_instrument_across_a_description_or_in_short() -> None:
    """blind76/77: "resolves 6 of the RCC draft Res 57" and "instr SG 1 of Res 11" lost their part."""
    ref = parse_reference("What does resolves 6 of the RCC draft Res 57 say?")
    assert ref is not None and (ref.number, ref.part, ref.label) == ("57", "resolves", "6"), ref
    ref = parse_reference("by when must the SG hire the consultancy - instr SG 1 of Res 11?")
    assert ref is not None and (ref.number, ref.part, ref.label) == ("11", "instructs secretary-general", "1"), ref
    ref = parse_reference("Res 57 instructs the Director of TSB 2")
    assert ref is not None and (ref.part, ref.label) == ("instructs the director of tsb", "2"), ref
    # an ordinary word before the instrument is still no part of it
    ref = parse_reference("Considering the budget, what does Resolution 57 say?")
    assert ref is not None and ref.part is None


def test_a_closing_choice_of_sectors_study_groups_asks_which_sector() -> None:
    """blind80: "… is that the T or the D sector's SGs?" was read as a plain question (no lead Sector)."""
    assert detect("digital financial services standards work: is that the T or the D sector's study groups?")[0] == "sector"


def test_a_conference_named_after_the_clause_asked_and_chat_spellings() -> None:
    """blind84/86: "res 77 resolves 4.2 wrc19 where + when??" (no break) was read as a 2019 edition; "shud",
    "hw many" and "wat" were left unread; a venue after the clause still names the text's revision."""
    from retrieval.answering.query import expand_shorthand

    ref = parse_reference("res 77 resolves 4.2 wrc19 where + when??")
    assert ref is not None and ref.revision is None and ref.label == "4.2", ref
    ref = parse_reference("What does Res 57 resolves 3 say in the Dubai text?")
    assert ref is not None and ref.revision == Revision(place="Dubai", year=0), ref
    assert "how long should a Recommendation title be" in expand_shorthand("A12: how long shud a Rec title be, max?")
    assert expand_shorthand("hw many elements, wat does it say") == "how many elements, what does it say"


def test_part_words_joined_by_hyphens_an_addressee_and_label_before_say_and_a_meeting_documents_annex() -> None:
    """blind89: "res 208 resolves-further 4", "Res 130 instr. BDT 12 say?" and "SG17-C823 annex 5" lost their
    parts (the last two were answered from other clauses; neither exists)."""
    ref = parse_reference("res 208 resolves-further 4: can 1 person hold 2 vice-chair seats?")
    assert ref is not None and (ref.part, ref.label) == ("resolves further", "4"), ref
    ref = parse_reference("what does Res 130 instr. BDT 12 say?")
    assert ref is not None and (ref.part, ref.label) == ("instructs bdt", "12"), ref
    ref = parse_reference("SG17-C823 annex 5, what does it contain?")
    assert ref is not None and (ref.number, ref.part) == ("SG17-C823", "Annex 5"), ref


def test_a_conference_named_earlier_in_the_question_is_not_the_resolutions_body() -> None:
    """blind91: "for the WTDC prep slides - what's the one thing res 203 actually resolves?" was read as WTDC
    Resolution 203 (not held); the conference just before the number still names it."""
    ref = parse_reference("for the WTDC prep slides - what's the one thing res 203 actually resolves?")
    assert ref is not None and ref.body is None and ref.number == "203", ref
    ref = parse_reference("What did WTSA-16 change in Res 57?")
    assert ref is not None and ref.body == "WTSA", ref
    ref = parse_reference("WTSA-12 Res 57")
    assert ref is not None and ref.body == "WTSA", ref


def test_everyday_words_read_as_the_texts_write_them() -> None:
    """blind97: hacking, weak spots, a cyber strategy, a small company's staff size, joining a body's work."""
    from retrieval.answering.query import in_texts_words

    assert in_texts_words("New hacking threats and weak spots in networks") == \
        "New cyberthreats threats and vulnerabilities in networks"
    assert "cybersecurity strategy" in in_texts_words("write its national cyber strategy")
    assert "cyber-attacks" in in_texts_words("cyber-attacks")  # no noun after it: left as typed
    assert in_texts_words("the staff size limit for a small company") == "the number of employees limit for a SME"
    assert in_texts_words("which part of ITU joins the WHO's work on it").startswith("which part of ITU participate in the")
    assert "radio aspects" in in_texts_words("the wireless side of IoT")


def test_phone_typed_questions_read_as_meant() -> None:
    """blind102/103: "res1 7.1.11 how does TSB handle requests …" (a part "requests"), "annex 5 of c823" (no
    document), "whos TSB director rn", "can academia ppl vote on resos? asking 4 a uni colleague", "anything on
    AI in our texts? need a line for a briefing" (the asker's purpose read as the topic)."""
    from retrieval.answering.compose.topic import clean_topic
    from retrieval.answering.query import expand_shorthand, parse_reference, without_framing

    ref = parse_reference("WTSA res 1 7.1.11 how does TSB handle requests from LDCs")
    assert ref is not None and (ref.part, ref.label) == ("section", "7.1.11"), ref
    ref = parse_reference("annex 5 of c823 - whats in it")
    assert ref is not None and (ref.kind, ref.number, ref.part) == ("contribution", "C823", "Annex 5"), ref
    ref = parse_reference("c823 annex 2 - what is it about")
    assert ref is not None and ref.part == "Annex 2", ref
    assert parse_reference("C823 says what?") is None  # a bare symbol alone names no part
    assert expand_shorthand("whos TSB director rn") == "who is TSB director currently"
    assert expand_shorthand("can academia ppl vote on resos?") == "can academia people vote on resolutions?"
    assert without_framing("can academia ppl vote on resos? asking 4 a uni colleague") == "can academia ppl vote on resos?"
    assert without_framing("anything on AI in our texts? need a line for a briefing") == "anything on AI in our texts?"
    assert without_framing("is it TSB? or BDT?") == "is it TSB? or BDT?"  # a second question is no framing
    assert clean_topic("anything on AI in our texts") == "anything on AI"


def test_a_word_after_appendix_is_no_label_and_the_sg_page_is_a_study_groups() -> None:
    """blind107: "the A.Sup5 appendix on multilateral collaboration" was read as its "Appendix o" (and refused as
    missing); blind96/106: "on the SG page/webpage" is the study group webpage of A.1 and A.Sup5."""
    from retrieval.answering.query import expand_shorthand, parse_reference

    ref = parse_reference("Does the A.Sup5 appendix on multilateral collaboration apply?")
    assert ref is not None and ref.part == "Appendix", ref
    ref = parse_reference("A.Sup5 appendix II")
    assert ref is not None and ref.part == "Appendix II", ref
    assert expand_shorthand("who posts it on the SG webpage?") == "who posts it on the study group webpage?"
    assert expand_shorthand("How often does the SG need to brief the missions?") == \
        "How often does the Secretary-General need to brief the missions?"


def test_a_part_tied_to_a_senders_possessive_and_more_chat_words() -> None:
    """blind103/107: "taking into acount c in RCC's Res57 mod" named no part ("RCC's" broke the tie);
    "aap last cal", "acessibility coord"."""
    from retrieval.answering.query import expand_shorthand, parse_reference

    ref = parse_reference("taking into account c in RCC's Res 57 mod")
    assert ref is not None and (ref.part, ref.label) == ("taking into account", "c)"), ref
    assert expand_shorthand("aap last cal how many weeks") == "aap last call how many weeks"
    assert expand_shorthand("accessibility coord in res 175") == "accessibility coordination in res 175"


def test_who_the_asker_is_is_no_word_of_the_topic() -> None:
    """blind109: "I'm a journalist covering phone snatching. Which part of the ITU …?" was refused ("journalist"
    is in no text); the persona goes, what they ask about stays, and only before a question of its own."""
    from retrieval.answering.query import without_framing

    assert without_framing("I'm a journalist covering phone snatching. Which part of ITU gathers what works?") == \
        "phone snatching. Which part of ITU gathers what works?"
    assert without_framing("Our consumer association wants to talk to ITU about protecting people who buy phone "
                           "plans. Which Sector leads on that?") == \
        "protecting people who buy phone plans. Which Sector leads on that?"
    assert without_framing("I am a student, which sector does spectrum?") == "I am a student, which sector does spectrum?"


def test_recs_capitalized_are_recommendations_and_a_plenipot_is_the_conference() -> None:
    """blind108: "do supplements have the same standing as the Recs themselves?" searched "Recs", which the
    model does not read, and missed Res 1 §1bis.1.1.5 ("… equivalent status to Recommendations")."""
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("the same standing as the Recs themselves") == \
        "the same standing as the Recommendations themselves"
    assert expand_shorthand("Rec. ITU-T A.1") == "Rec. ITU-T A.1"  # a reference's abbreviation stays
    # blind73/74/110: "how long can a plenipot run?" found U.1's "2 seconds" (the model does not read "plenipot")
    assert expand_shorthand("max length of a plenipot?") == "max length of a Plenipotentiary Conference?"


def test_a_statement_of_context_before_a_which_sector_question_is_part_of_its_topic() -> None:
    """Reading only the question after a statement of its context (eacb43a, +2 rows on blind109) dropped the
    key word a new user put there: "We run a small telco in a landlocked country. Which ITU bureau helps with
    connecting countries without a coastline?" answered ITU-T from U.1; reverted."""
    from retrieval.answering.query import read_query

    q = read_query("We run a small telco in a landlocked country. Which ITU bureau helps with connecting countries "
                   "without a coastline?")
    assert q.intent == "sector" and "landlocked" in q.topic, q.topic


def test_a_recommendation_in_brackets_is_the_source_and_2_before_a_verb_is_to() -> None:
    """blind80: "the cut-off for sending contributions to a SG or WP meeting (A.1)?" searched every text;
    blind117: "wat r RAG/TSAG/TDAG invited 2 do" read "invites 2" as the part asked."""
    from retrieval.answering.compose.evidence import recommendations_asked
    from retrieval.answering.query import expand_shorthand

    assert recommendations_asked("What's the cut-off for sending contributions to a SG or WP meeting (A.1)?") == ["A.1"]
    assert recommendations_asked("the D.50 work on routing (see A.8)") == ["A.8"]
    # … not one named among other words in brackets: it is what is asked about
    assert recommendations_asked("the long running studies (D.50 + its supplement) - which sector finishes them?") == []
    assert expand_shorthand("wat r RAG/TSAG/TDAG invited 2 do wrt ISCG?").endswith("invited to do wrt ISCG?")
    # … a label stays one: "what does resolves 2 do?"
    assert expand_shorthand("what does res 130 resolves 2 do") == "what does res 130 resolves 2 do"


def test_chat_words_for_the_texts_words_are_held_by_them() -> None:
    from retrieval.indexing.lexical import LexicalIndex, lexical_tokens

    texts = ("shall not exceed two terms of office", "a firm submission deadline for all contributions",
             "the Plenipotentiary Conference shall be convened every four years")
    lex = LexicalIndex(["c1", "c2", "c3"], [lexical_tokens(t) for t in texts])
    assert lex.coverage_of("two stints")(texts[0]) == 1.0
    assert lex.coverage_of("contribution cut-off")(texts[1]) == 1.0
    assert lex.coverage_of("conference held every four years")(texts[2]) == 1.0


def test_kick_off_is_start() -> None:
    """blind116: "the SG17 meeting that basically kicked off the incubation idea" was refused: "Nothing in the
    corpus mentions 'kicked'"."""
    from retrieval.answering.query import expand_shorthand

    assert expand_shorthand("the meeting that kicked off the incubation idea") == \
        "the meeting that started the incubation idea"
    assert expand_shorthand("who kicks off the review?") == "who starts the review?"


def test_a_run_of_item_labels_is_not_read_as_recommendations() -> None:
    """"risks R1 R2 R3", "options A1, A2 and A3": labels a text numbers; "A1" alone is still Recommendation A.1."""
    assert read_query("TD2484 risks R1 R2 R3 - what are they?").reference is None
    assert "A1, A2 and A3" in read_query("which of options A1, A2 and A3 did C823 pick?").text
    assert read_query("what does A1 say about rapporteurs?").text.startswith("what does A.1 say")
    assert read_query("e119 and a12 scopes").text.startswith("E.119 and A.12")


def test_a_part_for_an_addressee_the_text_does_not_instruct_is_no_other_addressees_part() -> None:
    """blind130: "What does instructs the Director of BR 3 in res 130 say?" quoted instructs the Director of TSB 3
    and of BDT 3 (the headings sharing most words); Res 130 instructs no Director of BR."""
    tsb = _clause(HAMMAMET, "instructs the Director of TSB", "3", "to continue collaboration", 100)
    bdt = _clause(HAMMAMET, "instructs the Director of BDT", "3", "to provide support", 200)
    bureaux = _clause(HAMMAMET, "instructs the Secretary-General and the Directors of the Bureaux", "1", "to review", 300)
    ref = parse_reference("What does instructs the Director of BR 3 in res 57 say?")
    assert ref is not None and select_part(ref, [tsb, bdt, bureaux]) == []
    ref = parse_reference("res 57 instructs BDT 3")
    assert ref is not None and select_part(ref, [tsb, bdt, bureaux]) == [bdt]
    ref = parse_reference("what does res 57 instructs the three bureaux 1 say")
    assert ref is not None and select_part(ref, [tsb, bdt, bureaux]) == [bureaux]


def test_meeting_and_contribution_symbols_as_typed_in_chat() -> None:
    """blind130: "C-823 annex 2", "rcc 47a4 recognizing c)" and "rcc 47a4 resolves 1" named no document."""
    c823 = parse_reference("C-823 annex 2 - what tasks get added to the Q4 question text?")
    assert c823 is not None and (c823.kind, c823.number, c823.part) == ("contribution", "C823", "Annex 2")
    rcc = parse_reference("rcc 47a4 recognizing c) - which PP res is cited?")
    assert rcc is not None and (rcc.symbol, rcc.part, rcc.label) == ("RCC/47A4", "recognizing", "c)")
    rcc = parse_reference("rcc/47a4/1 resolves 1 who gets invited?")
    assert rcc is not None and (rcc.symbol, rcc.proposal, rcc.part, rcc.label) == ("RCC/47A4", 1, "resolves", "1")
    assert "pledge towards the new" in read_query("how much did Saudi Arabia pledge twrds the new HQ").text


def test_a_sector_named_by_its_side_or_by_the_asker_working_there() -> None:
    """blind127: "Who leads ITU's work on protecting telecom consumers: the T-side study groups or us in ITU-D?"
    kept the choice in its topic ("T-side", "us"), so Res 196's title no longer held most of it."""
    q = read_query("Who leads ITU's work on protecting telecom consumers: the T-side study groups or us in ITU-D?")
    assert q.topic == "protecting telecom consumers", q
    assert "ITU-R" in read_query("is that an R-side thing?").text
    q = read_query("E.119 on checking that staff are OK after a disaster: is that one of BDT's emergency telecom "
                   "products, or does another Sector own it?")
    assert q.intent == "sector", q


def test_one_sector_offered_then_the_rest_and_an_annex_named_before_what_it_is_of() -> None:
    """blind139/140: "… - does BDT lead those or is it another Sector?", "D.000 … - is that owned by the D sector
    (BDT side) or someone else?" were read as lookups (no Sector named: lead missed); "What's in Annex 5 of the
    TP.inno baseline in C823?" named no document (C823 has no Annex 5, and a nearby note was quoted)."""
    from retrieval.answering.query import parse_reference

    q = read_query("Pilot projects checking equipment conformity to ITU recs - does BDT lead those or is it another Sector?")
    assert q.intent == "sector" and "BDT" not in q.topic.split() and "those" not in q.topic.split(), q
    q = read_query("D.000 with the tariff/accounting glossary for the D-series - is that owned by the D sector "
                   "(BDT side) or someone else?")
    assert q.intent == "sector", q
    assert read_query("is the conformity work run by another Bureau?").intent != "sector"  # no Sector offered first
    ref = parse_reference("What's in Annex 5 of the TP.inno baseline in C823?")
    assert ref is not None and (ref.kind, ref.number, ref.part) == ("contribution", "C823", "Annex 5"), ref
    assert parse_reference("annex 5 has nothing on this, see what C823 says") is None


def test_a_section_after_the_assembly_typed_behind_the_number() -> None:
    """blind146: "res1 wtsa 9.4.5 whats the treshold % for tap consultaton" named no section (§8.1 answered)."""
    ref = read_query("res1 wtsa 9.4.5 whats the treshold % for tap consultaton").reference
    assert ref is not None and (ref.number, ref.part, ref.label) == ("1", "section", "9.4.5"), ref
