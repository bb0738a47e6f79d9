"""What changed between two versions of one text, clause by clause: added, removed, moved and
changed, with the word-level changes inside a changed clause. Pure functions over clauses.

Clauses are paired in three passes, strongest evidence first: the same text (normalised), wherever
it sits, is the same clause (moved when its place differs); then the same place (part and label, or
section number); then, for what is left, the same heading or close enough wording (a renumbered
section). Anything unpaired was added or removed."""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

from retrieval.core.models import Clause

ChangeKind = Literal["added", "removed", "changed", "moved", "unchanged"]
SIMILAR = 0.5  # word-sequence ratio above which two unplaced clauses are one clause reworded
SAME_PLACE = 0.2  # below this, two clauses at the same number are different clauses
_WORD_SPACE = re.compile(r"\s+|[^\s\w]\s*|\w+\s*")


class WordOp(BaseModel):
    op: Literal["equal", "delete", "insert"]
    text: str


class ClauseChange(BaseModel):
    kind: ChangeKind
    old: Clause | None = None
    new: Clause | None = None
    words: list[WordOp] = Field(default_factory=list)  # for "changed" (and a moved clause reworded)
    renumbered: bool = False  # paired across different places (part/label)

    @property
    def place(self) -> str:
        c = self.new or self.old
        assert c is not None
        return place_of(c)


class TextDiff(BaseModel):
    old_version: str
    new_version: str
    changes: list[ClauseChange] = Field(default_factory=list)

    def of(self, kind: ChangeKind) -> list[ClauseChange]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def summary(self) -> str:
        counts = [(k, len(self.of(k))) for k in ("changed", "added", "removed", "moved")]
        same = len(self.of("unchanged"))
        return ", ".join(f"{n} {k}" for k, n in counts) + f", {same} unchanged"


def place_of(c: Clause) -> str:
    return f"{c.part} {c.label}".strip()


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2011", "-").replace("\u00a0", " ").split()).lower()


def _heading(c: Clause) -> str:
    """A section's heading when the parser put it in the part path ("section 4 Scope" …) or the
    clause's first line; used to pair renumbered sections."""
    first = c.text.strip().split("\n", 1)[0]
    head = re.sub(r"^\s*\d+(?:\.\d+)*\s*", "", first)
    return _norm(head)[:80] if len(head) <= 120 else ""


def words(old: str, new: str) -> list[WordOp]:
    """Word-level edit script turning `old` into `new`. Words and punctuation are compared without
    the spaces after them, so a changed space never reads as a changed word."""
    a, b = _WORD_SPACE.findall(old), _WORD_SPACE.findall(new)
    ops: list[WordOp] = []

    def push(op: Literal["equal", "delete", "insert"], text: str) -> None:
        if ops and ops[-1].op == op:
            ops[-1] = WordOp(op=op, text=ops[-1].text + text)
        elif text:
            ops.append(WordOp(op=op, text=text))

    sm = difflib.SequenceMatcher(a=[w.rstrip() for w in a], b=[w.rstrip() for w in b], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            push("equal", "".join(b[j1:j2]))
            continue
        if tag in ("delete", "replace"):
            push("delete", "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            push("insert", "".join(b[j1:j2]))
    return ops


def ratio(old: str, new: str) -> float:
    a, b = _norm(old).split(), _norm(new).split()
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio() if a or b else 1.0


def diff_clauses(old: list[Clause], new: list[Clause], old_version: str = "", new_version: str = "",
                 word_diff: Callable[[str, str], list[WordOp]] | None = None) -> TextDiff:
    """Pair the clauses of two versions (each in document order) and classify each pair.
    `word_diff` replaces the plain word diff (a proposal with merged revision marks is aligned
    with its base differently: retrieval/answering/changes.py)."""
    word_diff = word_diff or words
    pairs: dict[int, int] = {}  # new index → old index
    used_old: set[int] = set()

    # 1. identical text, nearest place first
    by_text: dict[str, list[int]] = {}
    for i, c in enumerate(old):
        by_text.setdefault(_norm(c.text), []).append(i)
    for same_place in (True, False):  # at the same place first, so a repeated text pairs in place
        for j, c in enumerate(new):
            if j in pairs:
                continue
            cands = [i for i in by_text.get(_norm(c.text), []) if i not in used_old
                     and (not same_place or place_of(old[i]) == place_of(c))]
            if cands:
                pairs[j] = cands[0]
                used_old.add(cands[0])
    # 2. the same place
    by_place: dict[str, list[int]] = {}
    for i, c in enumerate(old):
        by_place.setdefault(place_of(c), []).append(i)
    for j, c in enumerate(new):
        if j in pairs:
            continue
        cands = [i for i in by_place.get(place_of(c), []) if i not in used_old]
        if cands:
            i = max(cands, key=lambda i: ratio(old[i].text, c.text))
            # the same number with nothing in common is a renumbering, not a rewording: pass 3
            if ratio(old[i].text, c.text) >= SAME_PLACE or _heading(old[i]) == _heading(c):
                pairs[j] = i
                used_old.add(i)
    # 3. the same heading, or close wording, for what is left
    for j, c in enumerate(new):
        if j in pairs:
            continue
        left = [i for i in range(len(old)) if i not in used_old and old[i].part.split()[0] == c.part.split()[0]]
        head = _heading(c)
        same_head = [i for i in left if head and _heading(old[i]) == head]
        best = same_head[0] if same_head else max(left, key=lambda i: ratio(old[i].text, c.text), default=None)
        if best is not None and (same_head or ratio(old[best].text, c.text) >= SIMILAR):
            pairs[j] = best
            used_old.add(best)

    moved = _out_of_order(pairs)
    changes: list[ClauseChange] = []
    removed = sorted(i for i in range(len(old)) if i not in used_old)
    r = 0
    for j, c in enumerate(new):
        if j in pairs:
            i = pairs[j]
            # removed clauses go where they stood: before the first new clause paired past them
            while r < len(removed) and removed[r] < i:
                changes.append(ClauseChange(kind="removed", old=old[removed[r]]))
                r += 1
            o = old[i]
            same = _norm(o.text) == _norm(c.text)
            renumbered = place_of(o) != place_of(c)
            kind: ChangeKind = "changed" if not same else ("moved" if renumbered or j in moved else "unchanged")
            changes.append(ClauseChange(kind=kind, old=o, new=c, renumbered=renumbered,
                                        words=[] if same else word_diff(o.text, c.text)))
        else:
            changes.append(ClauseChange(kind="added", new=c))
    changes.extend(ClauseChange(kind="removed", old=old[i]) for i in removed[r:])
    return TextDiff(old_version=old_version, new_version=new_version, changes=changes)


def _out_of_order(pairs: dict[int, int]) -> set[int]:
    """New indices whose clause left the relative order of the others: not on a longest increasing
    run of old positions."""
    js = sorted(pairs)
    seq = [pairs[j] for j in js]
    if not seq:
        return set()
    # O(n log n) longest increasing subsequence with back-pointers
    tails: list[int] = []
    tails_at: list[int] = []
    back = [-1] * len(seq)
    for k, v in enumerate(seq):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tails_at.append(k)
        else:
            tails[pos] = v
            tails_at[pos] = k
        back[k] = tails_at[pos - 1] if pos else -1
    keep: set[int] = set()
    k = tails_at[-1] if tails_at else -1
    while k >= 0:
        keep.add(js[k])
        k = back[k]
    return {j for j in js if j not in keep}


def render_words(ops: list[WordOp]) -> str:
    """Plain-text form of a word diff: [-deleted-]{+inserted+}, as `git diff --word-diff` writes it."""
    out = []
    for op in ops:
        core = op.text.strip()
        if op.op == "equal" or not core:
            out.append(op.text)
            continue
        lead, trail = op.text[: len(op.text) - len(op.text.lstrip())], op.text[len(op.text.rstrip()):]
        out.append(lead + (f"[-{core}-]" if op.op == "delete" else f"{{+{core}+}}") + trail)
    return "".join(out)
