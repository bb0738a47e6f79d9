"""Citations carry the official address: from the manifest (same instrument, same revision), or
ITU's document page for a meeting document's symbol; never an address for an unlisted version."""

from __future__ import annotations

from retrieval.answering.links import Linker
from retrieval.core.models import Clause, Instrument, Revision
from retrieval.indexing.manifest import load
from tests.conftest import ROOT

MANIFEST = load(ROOT / "corpus" / "manifest.json")


def _clause(**inst: object) -> Clause:
    return Clause(clause_id="x#p", doc_id="x", instrument=Instrument.model_validate(inst), part="resolves",
                  label="1", text="t", span=(0, 1))


def test_urls_by_instrument_and_revision() -> None:
    link = Linker(MANIFEST)
    r6 = _clause(body="RA", kind="resolution", number="ITU-R 6", revision=Revision(place="Geneva", year=2015))
    assert link.url(r6) == "http://www.itu.int/dms_pub/itu-r/opb/res/R-RES-R.6-2-2015-PDF-E.pdf"
    r6_19 = r6.model_copy(update={"instrument": r6.instrument.model_copy(
        update={"revision": Revision(place="Sharm el-Sheikh", year=2019)})})
    assert link.url(r6_19) == "http://www.itu.int/dms_pub/itu-r/opb/res/R-RES-R.6-3-2019-PDF-E.pdf"
    pp191 = _clause(body="PP", kind="resolution", number="191", revision=Revision(place="Dubai", year=2018))
    assert link.url(pp191) == "https://www.itu.int/pub/S-CONF-ACTF-2018"
    # a version the manifest does not list gets no link rather than another version's
    old = _clause(body="PP", kind="resolution", number="191", revision=Revision(place="Busan", year=2014))
    assert link.url(old) is None
    seed = _clause(body="WTSA", kind="contribution", symbol="RCC/47A4")
    assert link.url(seed) == "https://www.itu.int/md/T17-WTSA.16-C-0047/en"
    meeting = _clause(body="ITU-T", kind="contribution", symbol="SG17-C823")
    assert link.url(meeting) == "https://www.itu.int/md/T17-SG17-C-0823/en"
    assert Linker(None).url(seed) is None


def test_answers_cite_and_search_carry_the_url(corpus_service: object) -> None:
    from retrieval import Service

    assert isinstance(corpus_service, Service)
    ans = corpus_service.answer("What did RCC/47A4/1 propose to change?")
    assert ans.citations and all(c.url == "https://www.itu.int/md/T17-WTSA.16-C-0047/en" for c in ans.citations)
    out = corpus_service.cite("RCC/47A4/1")
    assert out.citations() and all(c.url for c in out.citations())
    hit = corpus_service.search("coordination among the three Sectors", k=1)[0]
    assert corpus_service.link(hit.clause) is not None


def test_every_plenipotentiary_instrument_links_to_its_conferences_final_acts() -> None:
    """PP Res 130 (Rev. Dubai, 2018) is not listed itself; it is a chapter of the Dubai Final Acts, whose
    volume the manifest lists. Another conference's instruments, or another body's, get none."""
    link = Linker(MANIFEST)
    res130 = _clause(body="PP", kind="resolution", number="130", revision=Revision(place="Dubai", year=2018))
    assert link.url(res130) == "https://www.itu.int/pub/S-CONF-ACTF-2018"
    dec11 = _clause(body="PP", kind="decision", number="11", revision=Revision(place="Dubai", year=2018))
    assert link.url(dec11) == "https://www.itu.int/pub/S-CONF-ACTF-2018"
    antalya = _clause(body="PP", kind="resolution", number="130", revision=Revision(place="Antalya", year=2006))
    assert link.url(antalya) is None
    wtdc = _clause(body="WTDC", kind="resolution", number="37", revision=Revision(place="Dubai", year=2018))
    assert link.url(wtdc) is None
