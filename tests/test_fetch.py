"""`fetch` against a real HTTP server on 127.0.0.1 (harness/servers.py FileServer): downloads,
a transfer that breaks off and resumes with a Range request, a 404, a file that changed at its
source, a landing page, no network, the polite pace, and indexing what arrived. No ITU address is
ever contacted: the manifests here point at the loopback server."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from harness.servers import FileServer, free_port
from retrieval.indexing.fetch import Fetcher
from retrieval.indexing.manifest import Manifest, Source, load, meeting_url
from tests.conftest import ROOT, make_settings

RES = b"""Resolution 99 (Rev. Testville, 2030)

Testing coordination among the three Sectors

The World Telecommunication Standardization Assembly (Testville, 2030),

considering

a) that fixtures must be small;

resolves

1 to resume interrupted transfers with HTTP Range requests;

2 to record the sha256 of every file on first download.
"""


def _source(id_: str, url: str, access: str = "direct", **kw: object) -> Source:
    return Source.model_validate({"id": id_, "url": url, "access": access, **kw})


def test_the_bundled_manifest_lists_the_coordination_instruments() -> None:
    m = load(ROOT / "corpus" / "manifest.json")
    have = {(s.body, s.number) for s in m.documents}
    for body, nums in {"PP": ["191", "123", "130", "136", "175", "177", "197"], "WTSA": ["1", "18", "45", "57"],
                       "WTDC": ["5", "59"], "RA": ["ITU-R 6", "ITU-R 7", "ITU-R 75"]}.items():
        for n in nums:
            assert (body, n) in have, (body, n)
    assert all(s.url.startswith(("https://www.itu.int/", "http://www.itu.int/")) for s in m.documents)
    assert all(s.access in ("direct", "landing") for s in m.documents)
    # the ITU-R editions carry ITU's own download addresses, one per revision
    r6 = [s for s in m.documents if s.number == "ITU-R 6"]
    assert {s.revision.year for s in r6 if s.revision} == {2000, 2015, 2019}
    assert all(s.access == "direct" and s.url.endswith("-PDF-E.pdf") for s in r6)
    chosen, unknown = m.select(["ra-res-itu-r-6", "PP-191", "nothing-like-this"])
    assert {s.id for s in chosen} >= {"ra-res-itu-r-6@sharm-el-sheikh-2019", "pp-res-191@dubai-2018"}
    assert unknown == ["nothing-like-this"]


def test_meeting_symbols_give_itu_document_pages() -> None:
    assert meeting_url("SG17-C823") == "https://www.itu.int/md/T17-SG17-C-0823/en"
    assert meeting_url("T17-SG17-C-0823") == "https://www.itu.int/md/T17-SG17-C-0823/en"
    assert meeting_url("SG17-TD2484") is None  # a TD's page address needs its meeting date
    assert meeting_url("RCC/47A4") is None


def test_download_records_checksum_and_a_second_fetch_stays_offline(tmp_path: Path) -> None:
    with FileServer({"r/res99.txt": RES}) as srv:
        f = Fetcher(tmp_path / "sources", pace=0)
        rep = f.fetch([_source("wtsa-res-99@testville-2030", srv.url("r/res99.txt"))])
        assert [r.outcome for r in rep.results] == ["downloaded"]
        path = Path(rep.results[0].path or "")
        assert path.read_bytes() == RES and path.name == "wtsa-res-99@testville-2030.txt"
        sums = json.loads((tmp_path / "sources" / "checksums.json").read_text())
        assert sums["wtsa-res-99@testville-2030"]["sha256"] == hashlib.sha256(RES).hexdigest()
        n = len(srv.requests)
        again = f.fetch([_source("wtsa-res-99@testville-2030", srv.url("r/res99.txt"))])
        assert [r.outcome for r in again.results] == ["present"]
        assert len(srv.requests) == n  # nothing downloaded twice


def test_a_truncated_transfer_resumes_with_a_range_request(tmp_path: Path) -> None:
    with FileServer({"big.txt": RES * 40}) as srv:
        srv.truncate["big.txt"] = 1000
        rep = Fetcher(tmp_path, pace=0).fetch([_source("big", srv.url("big.txt"))])
        assert [r.outcome for r in rep.results] == ["downloaded"], rep
        assert (tmp_path / "big.txt").read_bytes() == RES * 40
        assert srv.requests[0] == ("big.txt", None)
        assert srv.requests[1] == ("big.txt", "bytes=1000-")
        assert not (tmp_path / "big.txt.part").exists()


def test_a_404_is_one_line_and_the_rest_still_downloads(tmp_path: Path) -> None:
    with FileServer({"ok.txt": RES}) as srv:
        rep = Fetcher(tmp_path, pace=0).fetch([_source("gone", srv.url("missing.pdf")), _source("ok", srv.url("ok.txt"))])
        gone, ok = rep.results
        assert gone.outcome == "failed" and "HTTP 404" in gone.message and gone.message.startswith("gone:")
        assert ok.outcome == "downloaded"
        assert not list(tmp_path.glob("gone*"))
        assert [r.id for r in rep.problems] == ["gone"]


def test_a_file_that_changed_at_its_source_is_reported_and_not_kept(tmp_path: Path) -> None:
    with FileServer({"r.txt": RES}) as srv:
        f = Fetcher(tmp_path, pace=0)
        src = _source("r", srv.url("r.txt"))
        assert f.fetch([src]).results[0].outcome == "downloaded"
        (tmp_path / "r.txt").unlink()  # fetch again later: ITU's file now differs
        srv.files["r.txt"] = RES.replace(b"small", b"large")
        res = f.fetch([src]).results[0]
        assert res.outcome == "changed" and res.path is None
        assert "differs from" in res.message and "checksums.json" in res.message
        assert not (tmp_path / "r.txt").exists()
        assert (tmp_path / "r.txt.changed").read_bytes() == RES.replace(b"small", b"large")


def test_landing_pages_and_no_network_say_what_to_download_by_hand(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}/x.pdf"  # nothing listens there
    rep = Fetcher(tmp_path, pace=0).fetch([
        _source("pp-res-191@dubai-2018", "https://www.itu.int/pub/S-CONF-ACTF-2018", access="landing",
                title="PP Resolution 191"),
        _source("ra-res-itu-r-6@x-2019", dead)])
    landing, offline = rep.results
    assert landing.outcome == "by-hand" and "landing page" in landing.message
    assert str(tmp_path / "pp-res-191@dubai-2018") in landing.message
    assert offline.outcome == "offline" and str(tmp_path / "ra-res-itu-r-6@x-2019.pdf") in offline.message
    assert rep.files == []
    # a file put where the message says is picked up (and its checksum recorded)
    (tmp_path / "pp-res-191@dubai-2018.txt").write_bytes(RES)
    again = Fetcher(tmp_path, pace=0).fetch([_source("pp-res-191@dubai-2018", "https://www.itu.int/pub/S-CONF-ACTF-2018",
                                                     access="landing")])
    assert [r.outcome for r in again.results] == ["present"]


def test_requests_keep_a_polite_pace(tmp_path: Path) -> None:
    waits: list[float] = []
    with FileServer({"a.txt": RES, "b.txt": RES, "c.txt": RES}) as srv:
        Fetcher(tmp_path, pace=5.0, sleep=waits.append).fetch(
            [_source(n, srv.url(f"{n}.txt")) for n in ("a", "b", "c")])
    assert len(waits) == 2 and all(4.0 < w <= 5.0 for w in waits)


@pytest.mark.usefixtures("model_dir")
def test_service_fetch_indexes_what_it_downloaded(tmp_path: Path) -> None:
    from retrieval import Service

    with FileServer({"res99.txt": RES}) as srv:
        manifest = tmp_path / "manifest.json"
        manifest.write_text(Manifest(documents=[
            _source("wtsa-res-99@testville-2030", srv.url("res99.txt"), body="WTSA", kind="resolution",
                    number="99", revision={"place": "Testville", "year": 2030}),
            _source("wtsa-res-98@testville-2030", srv.url("nope.txt"))]).model_dump_json())
        service = Service(make_settings(tmp_path / "data"))
        report, indexed = service.fetch([], manifest=manifest, pace=0)
    assert [r.outcome for r in report.results] == ["downloaded", "failed"]
    assert indexed is not None and indexed.count("added") == 1 and not indexed.failed
    out = service.cite("WTSA Resolution 99")
    assert any("sha256" in c.text for c in out.clauses)
    assert out.clauses[0].doc_id == "wtsa-res-99@testville-2030"
