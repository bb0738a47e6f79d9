"""Instruments named in clause text, in the normal forms the reference graph resolves: pure functions,
and on the real PP-18 Final Acts when ../shared is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.core.models import Revision
from retrieval.parsing.references import instruments_in, references_in


@pytest.mark.parametrize(("text", "expect"), [
    ("Resolution 191 (Rev. Dubai, 2018) of the Plenipotentiary Conference",
     ["PP Resolution 191 (Rev. Dubai, 2018)"]),
    # The venue and year name the conference: Busan 2014 was PP-14.
    ("Resolution 123 (Rev. Busan, 2014)", ["PP Resolution 123 (Rev. Busan, 2014)"]),
    ("Resolutions 18 and 45 (Rev. Hammamet, 2016) of WTSA",
     ["WTSA Resolution 18 (Rev. Hammamet, 2016)", "WTSA Resolution 45 (Rev. Hammamet, 2016)"]),
    ("Resolutions 5, 59 and 37 (Rev. Buenos Aires, 2017) of WTDC",
     ["WTDC Resolution 5 (Rev. Buenos Aires, 2017)", "WTDC Resolution 59 (Rev. Buenos Aires, 2017)",
      "WTDC Resolution 37 (Rev. Buenos Aires, 2017)"]),
    ("Resolutions 70 (Rev. Dubai, 2018) and 179 (Rev. Dubai, 2018) of the Plenipotentiary Conference",
     ["PP Resolution 70 (Rev. Dubai, 2018)", "PP Resolution 179 (Rev. Dubai, 2018)"]),
    ("Resolution 2 (Rev. PP-14)", ["PP Resolution 2 (Rev. Busan, 2014)"]),
    ("WTSA-16 Resolution 57", ["WTSA Resolution 57 (Hammamet, 2016)"]),
    ("Resolution 57 (WTSA-16)", ["WTSA Resolution 57 (Hammamet, 2016)"]),
    ("Resolutions ITU-R 6 and 7", ["Resolution ITU-R 6", "Resolution ITU-R 7"]),
    ("Resolution ITU-R 6-2 (Rev. Geneva, 2015) of the Radiocommunication Assembly (RA), on liaison, and "
     "Resolution ITU-R 7-3 (Rev. Geneva, 2015) of the RA",
     ["Resolution ITU-R 6-2 (Rev. Geneva, 2015)", "Resolution ITU-R 7-3 (Rev. Geneva, 2015)"]),
    ("Resolution ITU-R 75 (2023)", ["Resolution ITU-R 75 (2023)"]),
    # Geneva 2015 was RA-15, whose resolutions are numbered ITU-R n.
    ("Resolution 62 (Rev. Geneva, 2015)", ["Resolution ITU-R 62 (Rev. Geneva, 2015)"]),
    ("Resolution 76 (Rev.WRC-15)", ["Resolution 76 (Rev.WRC-15)"]),
    ("Decision 5", ["Decision 5"]),
    ("Annex 2 to Decision 5 (Rev. Dubai, 2018) of the Plenipotentiary Conference",
     ["PP Decision 5 (Rev. Dubai, 2018)"]),
    ("Council Decision 584", ["Council Decision 584"]),
    ("Recommendation ITU-T A.1", ["Recommendation ITU-T A.1"]),
    ("ITU-T Recommendation A.5", ["Recommendation ITU-T A.5"]),
    ("Recommendations ITU-T Y.2060 and Y.4000", ["Recommendation ITU-T Y.2060", "Recommendation ITU-T Y.4000"]),
    ("Resolution\u00a05 (Rev.\u00a0HyderabadDubai, 20102014) of the World Telecommunication Development "
     "Conference", ["WTDC Resolution 5 (Rev. Dubai, 2014)"]),
    ("Recommendation ITU\u2011T A.1", ["Recommendation ITU-T A.1"]),
    # Not ITU instruments: UN General Assembly resolutions are numbered session/number.
    ("UNGA Resolution 70/1 on the 2030 Agenda", []),
    ("the considering part of this resolution", []),
])
def test_normal_forms(text: str, expect: list[str]) -> None:
    assert references_in(text) == expect


def test_this_conference_means_the_citing_body() -> None:
    text = "Resolution 71 (Rev. Dubai, 2018) of this conference"
    assert references_in(text, "PP") == ["PP Resolution 71 (Rev. Dubai, 2018)"]
    # Without the citing body the venue still names it (Dubai 2018 was PP-18) …
    assert references_in(text) == ["PP Resolution 71 (Rev. Dubai, 2018)"]
    # … but a bare number of this assembly stays bare rather than guessed.
    assert references_in("Resolution 1 of this assembly") == ["Resolution 1"]
    assert references_in("Resolution 1 of this assembly", "WTSA") == ["WTSA Resolution 1"]


def test_structured_form() -> None:
    got = instruments_in("Resolutions 18 and 45 (Rev. Hammamet, 2016) of WTSA; Resolution ITU-R 6-2 "
                         "(Rev. Geneva, 2015); Recommendation ITU-T A.1")
    assert [(c.body, c.kind, c.number, c.edition, c.revision, c.revised) for c in got] == [
        ("WTSA", "resolution", "18", None, Revision(place="Hammamet", year=2016), True),
        ("WTSA", "resolution", "45", None, Revision(place="Hammamet", year=2016), True),
        ("RA", "resolution", "ITU-R 6", "2", Revision(place="Geneva", year=2015), True),
        (None, "recommendation", "A.1", None, None, False),
    ]
    assert got[3].sector == "ITU-T"


def test_references_of_pp_res_191(shared_itu: Path) -> None:
    from retrieval.parsing.read import read_documents

    docs = read_documents(shared_itu / "pp-18" / "PP-18-final-acts-akn.xml", 50 * 1024 * 1024)
    res191 = next(d for d in docs if d.meta.doc_id == "pp-res-191@dubai-2018")
    cited = {r for c in res191.clauses for r in c.references}
    # Res 191 notes Resolutions ITU-R 6 and 7, WTSA 45 and 18, WTDC 5 and 59 (issue 13).
    assert cited == {
        "Resolution ITU-R 6-2 (Rev. Geneva, 2015)", "Resolution ITU-R 7-3 (Rev. Geneva, 2015)",
        "WTSA Resolution 45 (Rev. Hammamet, 2016)", "WTSA Resolution 18 (Rev. Hammamet, 2016)",
        "WTDC Resolution 5 (Rev. Buenos Aires, 2017)", "WTDC Resolution 59 (Rev. Buenos Aires, 2017)",
    }
    # "of this conference" in a PP text is the PP.
    dec5 = next(d for d in docs if d.meta.doc_id == "pp-dec-5@dubai-2018")
    noting = next(c for c in dec5.clauses if c.part == "noting")
    assert noting.references == ["PP Resolution 151 (Rev. Dubai, 2018)"]
