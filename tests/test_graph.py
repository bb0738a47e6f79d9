"""The reference graph: references in clauses resolved to indexed instruments by body, number and
revision; `refs` lists both directions with the clause of each edge. On the PP-18 Final Acts (AKN)
with the seed proposal and a Dubai 2012 text of WTSA Resolution 57 beside them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.answering.graph import Graph, parse_target
from retrieval.core.models import Clause, Instrument, Revision
from tests.conftest import SEED, SHARED_ITU, make_settings
from tests.test_diff import DUBAI, _reading

PP18 = SHARED_ITU / "pp-18" / "PP-18-final-acts-akn.xml"


def test_reference_forms() -> None:
    t = parse_target("PP Resolution 191 (Rev. Dubai, 2018)")
    assert t is not None and (t.body, t.number, t.revision) == ("PP", "191", Revision(place="Dubai", year=2018))
    t = parse_target("WTSA-16 Resolution 57")
    assert t is not None and (t.body, t.number, t.revision and t.revision.year) == ("WTSA", "57", 2016)
    t = parse_target("Resolution ITU-R 7-3 (Rev. Geneva, 2015)")
    assert t is not None and (t.body, t.number) == ("RA", "ITU-R 7")  # edition 3 of Resolution ITU-R 7
    t = parse_target("Recommendation ITU-T A.1")
    assert t is not None and (t.kind, t.number) == ("recommendation", "A.1")
    assert parse_target("the Constitution") is None


def _c(doc: str, body: str, number: str, year: int, refs: list[str], part: str = "noting") -> Clause:
    inst = Instrument(body=body, kind="resolution", number=number, revision=Revision(place="X", year=year))  # type: ignore[arg-type]
    return Clause(clause_id=f"{doc}#{part}.a", doc_id=doc, instrument=inst, part=part, label="a)", text="t",
                  span=(0, 1), references=refs)


def test_resolution_by_body_number_and_revision() -> None:
    g = Graph([
        _c("pp-191@2014", "PP", "191", 2014, []),
        _c("pp-191@2018", "PP", "191", 2018, []),
        _c("wtsa-57@2016", "WTSA", "57", 2016, ["PP Resolution 191 (Rev. X, 2014)", "Resolution 57 (X, 2012)",
                                                 "WTDC Resolution 59 (Rev. X, 2017)"]),
        _c("wtsa-57@2012", "WTSA", "57", 2012, ["Resolution 191 (X, 2018)"]),
    ])
    out = {e.text: e for e in g.out_edges("wtsa-57@2016")}
    assert out["PP Resolution 191 (Rev. X, 2014)"].target_doc == "pp-191@2014"
    assert out["PP Resolution 191 (Rev. X, 2014)"].exact
    assert out["Resolution 57 (X, 2012)"].target_doc == "wtsa-57@2012"  # a bare number, in its own body
    assert out["WTDC Resolution 59 (Rev. X, 2017)"].target_doc is None  # not indexed
    # no body and none of its own: the only body holding that number
    assert g.out_edges("wtsa-57@2012")[0].target_doc == "pp-191@2018"
    assert {e.source_doc for e in g.in_edges("pp-191@2014")} == {"wtsa-57@2016"}
    assert g.documents_for("PP", "191") == ["pp-191@2018", "pp-191@2014"]


@pytest.fixture(scope="module")
def pp18_service(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[object]:
    from retrieval import Service

    if not PP18.exists():
        pytest.skip("../shared/itu/pp-18 is absent")
    root = tmp_path_factory.mktemp("pp18")
    (root / "res57-dubai-2012.txt").write_text(_reading(DUBAI), encoding="utf-8")
    # The graph reads clauses and their references only; embedding PP-18's ~2,000 clauses with the
    # real model takes minutes on this machine and proves nothing here, so the hash embedder indexes.
    service = Service(make_settings(root / "data", embedder="hash"))
    report = service.ingest([PP18, SEED, root / "res57-dubai-2012.txt"])
    assert not report.failed, report.failed
    yield service


def test_what_pp_resolution_191_cites_and_what_cites_it(pp18_service: object) -> None:
    from retrieval import Service

    assert isinstance(pp18_service, Service)
    g = Graph(pp18_service.engine.catalog().clauses)
    out = g.out_edges("pp-res-191@dubai-2018")
    # noting a)-e): Resolutions ITU-R 6 and 7, WTSA 45 and 18, WTDC 5 and 59 — none of them indexed here
    assert {(e.clause_id.split("#")[1], e.text) for e in out} >= {
        ("noting.a", "Resolution ITU-R 6-2 (Rev. Geneva, 2015)"), ("noting.a", "Resolution ITU-R 7-3 (Rev. Geneva, 2015)"),
        ("noting.b", "WTSA Resolution 45 (Rev. Hammamet, 2016)"), ("noting.c", "WTSA Resolution 18 (Rev. Hammamet, 2016)"),
        ("noting.d", "WTDC Resolution 5 (Rev. Buenos Aires, 2017)"), ("noting.e", "WTDC Resolution 59 (Rev. Buenos Aires, 2017)")}
    assert all(e.target_doc is None for e in out), [e for e in out if e.target_doc]
    inc = g.in_edges("pp-res-191@dubai-2018")
    sources = {e.clause_id for e in inc}
    # WTSA Resolution 57 notes "Resolution 191 of the Plenipotentiary Conference (Busan, 2014)": in force
    # in its Dubai 2012 text built for the test and in the seed's proposal; Busan is not indexed, Dubai 2018 is
    assert "wtsa-res-57@dubai-2012#noting.a" in sources
    assert any(s.startswith("rcc-47a4@wtsa-16#") for s in sources)
    assert all(not e.exact for e in inc if "(Busan, 2014)" in e.text) and any("(Busan, 2014)" in e.text for e in inc)
    # edges inside the PP-18 collection resolve too: Res 123 notes Res 71 (Rev. Dubai, 2018)
    r123 = {e.text: e for e in g.out_edges("pp-res-123@dubai-2018")}
    assert r123["PP Resolution 71 (Rev. Dubai, 2018)"].target_doc == "pp-res-71@dubai-2018"
    assert r123["PP Resolution 71 (Rev. Dubai, 2018)"].exact

    ans = pp18_service.refs("PP Resolution 191")
    assert ans.intent == "refs" and not ans.abstained
    assert "Resolution ITU-R 6-2 (Rev. Geneva, 2015) (not indexed) — in PP Resolution 191 (Rev. Dubai, 2018), noting a)" \
        in ans.text
    assert "WTSA Resolution 57 (Rev. Dubai, 2012), noting a)" in ans.text
    assert any(c.clause_id == "wtsa-res-57@dubai-2012#noting.a" for c in ans.citations)
    assert pp18_service.refs("PP Resolution 9999").abstained
