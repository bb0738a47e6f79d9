"""Versions and what changed between them: the pure clause diff; two revisions of WTSA Resolution 57
(built for the test from the seed's proposal text, each reading taken by hand) cited and compared;
the seed's proposal shown as changes against its base, and without it; the real TD 2484 → C 823."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.answering.changes import align, describe_seams, readings
from retrieval.answering.compose.diff import section_summary, versions_for
from retrieval.answering.diff import diff_clauses, render_words, words
from retrieval.answering.versions import pick
from retrieval.core.models import Clause, Instrument
from tests.conftest import SEED, make_settings

_BODY = SEED.read_text(encoding="utf-8")
_BODY = _BODY[_BODY.index("RESOLUTION 57 (") :]
# Each reading of the merged marks, written out by hand (not by the code under test).
DUBAI = [("2012HAMMAMET, 2016", "2012"), ("Dubai, 2012Hammamet, 2016", "Dubai, 2012"), ("; Hammamet, 2016)", ")"),
         ("ICTscybersecurity", "ICTs"), ("HyderabadDubai, 20102014", "Hyderabad, 2010"),
         ("Guadalajara, 2010Busan, 2014", "Guadalajara, 2010")]
HAMMAMET = [("DUBAI, 2012HAMMAMET", "HAMMAMET"), ("Dubai, 2012Hammamet, 2016)", "Hammamet, 2016)"),
            ("ICTscybersecurity", "cybersecurity"), ("HyderabadDubai, 20102014", "Dubai, 2014"),
            ("Guadalajara, 2010Busan, 2014", "Busan, 2014"),
            # and, so the diff has every kind: recognizing b) dropped, a resolves 5 added
            ("b)\tthat one such mechanism", "REMOVED-MARK"),
            ("implementing this Resolution.", "implementing this Resolution;\n5\tto report to TSAG on the "
                                              "Intersector Coordination Group on Matters of Mutual Interest.")]


def _reading(rules: list[tuple[str, str]]) -> str:
    text = _BODY
    for old, new in rules:
        assert old in text, old
        text = text.replace(old, new)
    if "REMOVED-MARK" in text:
        start = text.index("REMOVED-MARK")
        text = text[:start] + text[text.index("\n", start) + 1 :]
    return text


def _c(part: str, label: str, text: str, n: int = 0) -> Clause:
    return Clause(clause_id=f"d@{n}#{part}.{label}", doc_id=f"d@{n}", part=part, label=label, text=text,
                  span=(0, 1), instrument=Instrument(body="WTSA", kind="resolution", number="9"))


# ---- pure ---------------------------------------------------------------------------------------------

def test_clause_diff_classifies_added_removed_moved_changed() -> None:
    old = [_c("resolves", "1", "to do one thing"), _c("resolves", "2", "to do a second thing carefully"),
           _c("resolves", "3", "to keep this"), _c("resolves", "4", "to drop this entirely")]
    new = [_c("resolves", "1", "to keep this", 1), _c("resolves", "2", "to do a second thing very carefully", 1),
           _c("resolves", "3", "to do one thing", 1), _c("resolves", "5", "a brand new clause", 1)]
    d = diff_clauses(old, new)
    kinds = {(c.kind, (c.old or c.new).text if c.old is None or c.new is None else c.new.text) for c in d.changes}
    assert ("changed", "to do a second thing very carefully") in kinds
    assert ("added", "a brand new clause") in kinds
    assert ("removed", "to drop this entirely") in kinds
    moved = [c for c in d.changes if c.kind == "moved"]
    assert {c.new.text for c in moved if c.new} <= {"to keep this", "to do one thing"} and moved
    ch = d.of("changed")[0]
    assert render_words(ch.words) == "to do a second thing {+very+} carefully"
    assert d.summary.startswith("1 changed, 1 added, 1 removed")


def test_word_diff_ignores_spacing_and_keeps_both_sides() -> None:
    ops = words("security in  ICTs,", "security in cybersecurity,")
    assert render_words(ops) == "security in [-ICTs-]{+cybersecurity+},"  # equal text as it now reads
    assert "".join(o.text for o in ops if o.op != "insert").split() == ["security", "in", "ICTs,"]


def test_merged_marks_aligned_with_the_base_become_deletions_and_insertions() -> None:
    base = "The World Telecommunication Standardization Assembly (Dubai, 2012),"
    merged = "The World Telecommunication Standardization Assembly (Dubai, 2012Hammamet, 2016),"
    assert render_words(align(base, merged)) == \
        "The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+Hammamet, 2016+}),"
    ops = align("and security in ICTs,", "and security in ICTscybersecurity,")
    assert readings(ops) == ("and security in ICTs,", "and security in cybersecurity,")
    # an insertion with spaces around it replaced nothing
    assert render_words(align("to assist in the work", "to assist the Group in the work")) == \
        "to assist {+the Group+} in the work"
    assert describe_seams("(Rev. Guadalajara, 2010Busan, 2014)") == ["either “…Guadalajara, 2010” or “Busan, 2014…”"]
    # a word replaced after an acronym's plural: the "What changed?" answer shows it too (a new-user trial
    # found considering b) of the RCC proposal left out)
    assert describe_seams("and security in ICTscybersecurity, and") == ["either “…in ICTs” or “cybersecurity, and…”"]
    assert describe_seams("the ICTs and other NGNs") == []


# ---- indexed: two revisions and a proposal ---------------------------------------------------------------

@pytest.fixture(scope="module")
def res57_service(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[object]:
    from retrieval import Service

    root = tmp_path_factory.mktemp("res57")
    (root / "res57-dubai-2012.txt").write_text(_reading(DUBAI), encoding="utf-8")
    (root / "res57-hammamet-2016.txt").write_text(_reading(HAMMAMET), encoding="utf-8")
    service = Service(make_settings(root / "data"))
    report = service.ingest([SEED, root / "res57-dubai-2012.txt", root / "res57-hammamet-2016.txt"])
    assert not report.failed and {r.doc_id for r in report.results} == \
        {"rcc-47a4@wtsa-16", "wtsa-res-57@dubai-2012", "wtsa-res-57@hammamet-2016"}
    yield service


def test_two_revisions_coexist_and_cite_picks_the_named_or_the_latest(res57_service: object) -> None:
    from retrieval import Service

    assert isinstance(res57_service, Service)
    latest = res57_service.cite("Res 57 considering b")
    assert [c.doc_id for c in latest.clauses] == ["wtsa-res-57@hammamet-2016"]
    assert latest.clauses[0].text.rstrip().endswith("security in cybersecurity,")
    assert "Dubai, 2012" in latest.message  # says which other versions exist
    older = res57_service.cite("Res 57 (Dubai, 2012) considering b")
    assert [c.doc_id for c in older.clauses] == ["wtsa-res-57@dubai-2012"]
    assert older.clauses[0].text.rstrip().endswith("security in ICTs,")
    assert older.citations()[0].display == "WTSA Resolution 57 (Rev. Dubai, 2012), considering b)"


def test_diff_of_two_revisions_each_side_cited(res57_service: object) -> None:
    from retrieval import Service

    assert isinstance(res57_service, Service)
    ans = res57_service.diff("Res 57", "Dubai, 2012", "Hammamet, 2016")
    text = ans.text
    assert ans.intent == "diff" and not ans.abstained
    assert "changes from WTSA Resolution 57 (Rev. Dubai, 2012) to WTSA Resolution 57 (Rev. Hammamet, 2016)" in text
    assert "4 changed, 1 added, 1 removed" in text
    assert "security in [-ICTs-]{+cybersecurity+}," in text
    assert "removed recognizing b): that one such mechanism" in text
    assert "added resolves 5" in text
    ids = {c.clause_id for c in ans.citations}
    assert {"wtsa-res-57@dubai-2012#considering.b", "wtsa-res-57@hammamet-2016#considering.b"} <= ids
    # defaults: the latest two adopted versions; the same through `ask`
    assert "4 changed, 1 added, 1 removed" in res57_service.diff("WTSA Resolution 57").text
    asked = res57_service.answer("What changed in Resolution 57 at Hammamet?")
    assert asked.intent == "diff" and "[-ICTs-]{+cybersecurity+}" in asked.text
    missing = res57_service.diff("Res 57", "Kyoto, 1994")
    assert missing.abstained or "No version 'Kyoto, 1994'" in missing.text


def test_the_seed_proposal_as_changes_against_its_base(res57_service: object) -> None:
    from retrieval import Service

    assert isinstance(res57_service, Service)
    ans = res57_service.diff("RCC/47A4/1")
    text = ans.text
    assert "what MOD RCC/47A4/1 changes in WTSA Resolution 57 (Rev. Dubai, 2012)" in text
    assert "security in [-ICTs-]{+cybersecurity+}," in text
    assert "Resolution 5 (Rev. [-Hyderabad-]{+Dubai+}, [-2010-]{+2014+})" in text
    assert "Resolution 123 (Rev. [-Guadalajara, 2010-]{+Busan, 2014+})" in text
    proposed = [c for c in ans.citations if c.clause_id.startswith("rcc-47a4@wtsa-16#")]
    assert proposed and all("as proposed in MOD RCC/47A4/1" in c.display for c in proposed)
    assert all(c.url == "https://www.itu.int/md/T17-WTSA.16-C-0047/en" for c in proposed)


def test_the_seed_proposal_without_its_base_shows_both_readings(corpus_service: object) -> None:
    from retrieval import Service

    assert isinstance(corpus_service, Service)
    ans = corpus_service.diff("RCC/47A4/1")
    assert "base text it changes is not indexed" in ans.text
    assert "either “…Guadalajara, 2010” or “Busan, 2014…”" in ans.text
    assert ans.citations and all(c.clause_id.startswith("rcc-47a4@wtsa-16#") for c in ans.citations)
    asked = corpus_service.answer("What changes does RCC/47A4/1 propose?")
    assert asked.intent == "diff" and "not indexed" in asked.text


# ---- the real meeting texts (meetings_service: conftest) ------------------------------------------------


def test_td2484_to_c823(meetings_service: object) -> None:
    from retrieval import Service

    assert isinstance(meetings_service, Service)
    clauses = meetings_service.engine.catalog().clauses
    what, versions, _ = versions_for("TP.inno", clauses)
    chosen = pick(versions, what, None, None)  # ordered by the meeting dates on their covers
    assert chosen.old is not None and chosen.new is not None
    assert "2484" in chosen.old.name and "823" in chosen.new.name  # "1st revised" → "2nd revised"
    d = diff_clauses(chosen.old.clauses, chosen.new.clauses)
    secs = section_summary(d)

    def mentions(kind: str, words: str) -> bool:
        texts = [f"{c.part} {c.text}" for ch in d.of(kind) for c in (ch.old, ch.new) if c] + secs.get(kind, [])
        return any(words.lower() in " ".join(t.split()).lower() for t in texts)

    # C 823 adds a section on centralised vs decentralised incubation and the TSAG hot-topic mechanism;
    # TD 2484's "Incubation mechanism vs Focus Groups" and the meeting notes of Q4/17 are gone.
    assert mentions("added", "Centralised vs Decentralised")
    assert mentions("added", "TSAG Hot Topic")
    assert mentions("removed", "Incubation mechanism vs Focus Groups")
    assert mentions("removed", "positive comments from US")
    # sections by number, as C 823's own contents list numbers them (1.6 "Who is defining…", 4.3.1 "TSAG Hot
    # Topic"): C 823 adds 1.6 and new 4.2.x/4.3.x; TD 2484's 4.2.x and 4.3.1 (IETF) are gone
    assert {"§1.6", "§4.2.1", "§4.3.1"} <= set(secs["added"]) and {"§4.2.1", "§4.3.1"} <= set(secs["removed"])
    # the abstract is the same clause reworded, word by word
    abstract = [ch for ch in d.of("changed") if ch.new is not None and ch.new.part == "abstract"]
    assert abstract and any(o.op == "insert" and "2nd" in o.text for o in abstract[0].words)
    assert any(o.op == "delete" and "document" in o.text for o in abstract[0].words)
    ans = meetings_service.diff("TP.inno")
    assert ans.citations and any("C-0823" in (c.url or "") for c in ans.citations)
    assert meetings_service.diff("SG17-TD2484", to_rev="SG17-C823").text.split(":")[0] == "SG17-TD2484"


def test_a_footnote_mark_is_not_a_revision_seam() -> None:
    from retrieval.answering.changes import seams

    text = "developing countries[footnoteRef:1]1 in the work of ITU, Resolution 5 (Rev. HyderabadDubai, 20102014)"
    found = seams(text)
    assert [s.after[:5] for s in found] == ["Dubai", "2014"], found


def test_what_changed_at_a_venue_names_no_instrument(corpus_service: object) -> None:
    """"What changed at Hammamet?": the resolutions held in a Hammamet revision are compared; the seed's
    proposal shows its changes readably, and Resolution 1 (one version) says there is nothing to compare."""
    ans = corpus_service.answer("What changed at Hammamet?")  # type: ignore[attr-defined]
    assert ans.intent == "diff" and not ans.abstained, ans.text
    assert "MOD RCC/47A4/1" in ans.text and "Guadalajara, 2010 → Busan, 2014" in ans.text
    assert "[footnoteRef" not in ans.text
    if any(c.doc_id.startswith("wtsa-res-1@") for c in corpus_service.engine.catalog().clauses):  # type: ignore[attr-defined]
        assert "Only one version of WTSA Resolution 1" in ans.text
    gone = corpus_service.answer("What changes did WTSA-20 make to Resolution 57?")  # type: ignore[attr-defined]
    assert gone.abstained


def test_what_changed_between_two_meeting_documents_named_bare(meetings_service: object) -> None:
    """"What changed between TD 2484 and C 823?" asks for the diff, not a search for the word "between"."""
    ans = meetings_service.answer("What changed between TD 2484 and C 823?")  # type: ignore[attr-defined]
    assert ans.intent == "diff" and not ans.abstained, ans.text
    assert "from SG17-TD2484 to SG17-C823" in ans.text
    assert any(c.doc_id.startswith("sg17-c823") for c in ans.citations)


def test_what_a_document_changed_from_an_earlier_one(meetings_service: object) -> None:
    """Found trying the realistic corpus: "what did C823 change from TD2484?" was searched as a plain
    question; it asks for the diff, from the text named after "from"."""
    for q in ("what did C823 change from TD2484?", "what does C823 change relative to TD 2484?"):
        ans = meetings_service.answer(q)  # type: ignore[attr-defined]
        assert ans.intent == "diff" and not ans.abstained, (q, ans.text)
        assert "from SG17-TD2484 to SG17-C823" in ans.text, (q, ans.text)


def test_a_proposal_asked_about_one_clause_is_answered_for_that_clause(corpus_service: object) -> None:
    """From a new-user trial: "what does RCC propose to change in resolves 3 of res 57?" listed the changes
    to considering b) and recognizing a) and never spoke of resolves 3 (which carries no revision marks)."""
    ans = corpus_service.answer("what does RCC propose to change in resolves 3 of res 57?")  # type: ignore[attr-defined]
    assert ans.lines[0].plain.startswith("MOD RCC/47A4/1 shows no change to resolves 3"), ans.text
    assert ans.citations and all(c.part == "resolves" and c.label == "3" for c in ans.citations), ans.text
    ans = corpus_service.answer("what changed in considering b) of Res 57 in the RCC proposal?")  # type: ignore[attr-defined]
    assert ans.citations and all(c.part == "considering" and c.label == "b)" for c in ans.citations), ans.text
