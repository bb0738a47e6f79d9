"""Property tests: the structure parser never raises and never invents text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval.parsing.source import SourceText
from retrieval.parsing.structure import parse

# Lines drawn from the grammar's own vocabulary, so the generator reaches the interesting states.
FRAGMENTS = [
    "RESOLUTION 57 (REV. DUBAI, 2012HAMMAMET, 2016)", "RESOLUTION 1 (Rev. Hammamet, 2016)", "(Hammamet, 2016)",
    "The World Telecommunication Standardization Assembly (Hammamet, 2016),", "considering", "resolves",
    "noting", "instructs the Director of the Telecommunication Standardization Bureau", "a)\tthat x;",
    "b)bis\tthat y;", "1\tto do;", "2bis\tto do more;", "1.1\tclause", "SECTION 4", "Appendix I",
    "MOD\tRCC/47A4/1", "SUP\tRCC/47A4/2", "Reasons:", "Abstract:", "[footnoteRef:1]1", "[1: 1 \tnote]",
    "•\tbullet", "ITU\u2011T", "", " ", "\t", "1 Opening", "TSAG-R5",
]
line = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
documents = st.lists(line, max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_parse_never_raises_and_clauses_are_substrings(text: str) -> None:
    doc = parse(SourceText(text=text, format="txt"), "prop.txt")
    ids = [c.clause_id for c in doc.clauses]
    assert len(ids) == len(set(ids))
    for c in doc.clauses:
        assert c.text
        assert c.text in text
        assert text[c.span[0] : c.span[1]] == c.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    for c in parse(SourceText(text=text, format="txt"), "any.txt").clauses:
        assert c.text in text
