"""A proposal exported as plain text with its revision marks merged ("REV. DUBAI, 2012HAMMAMET,
2016", "ICTscybersecurity") read back as what it changes. Pure functions.

In such an export a deletion is still in the text, run together with the insertion that replaced
it, so comparing it with the base text shows the insertions only. Each insertion glued to the text
before it (no space between: a seam) replaced the words just before it: as many words as it has,
the way Word writes a replacement ("Dubai, 2012" → "Hammamet, 2016"), or, inside one run-together
word, the part of it the base has ("ICTs" → "cybersecurity"). Text the base has and the proposal
lacks is a deletion too. Without a base, only the seams themselves can be seen; both readings are
shown and the answer says the base text is not indexed. A deletion that was not replaced leaves no
trace in a merged export and cannot be recovered from it."""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel

from retrieval.answering.diff import WordOp
from retrieval.core.text import FOOTNOTE_MARK_RE

# Words, punctuation and spaces; a word also breaks where merged marks glued two together: a
# 4-digit year followed by a letter or another year, or a lower-case letter followed by a capital.
_TOKEN = re.compile(r"\s+|\d{4}(?=\d{4}|[A-Za-z])|[^\W\d_]*?[a-z](?=[A-Z][a-z])|[^\s\w]|\w+")
_SEAM = re.compile(r"(?<=\d{4})(?=\d{4}\b|[A-Za-z])|(?<=[a-z])(?=[A-Z][a-z])|(?<=[A-Z]{2}s)(?=[a-z]{4,})")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _solid(toks: list[str]) -> list[str]:
    return [t for t in toks if t.strip()]


def align(base: str, merged: str) -> list[WordOp]:
    """Edit script from `base` to the reading `merged` proposes: equal, delete, insert."""
    a, b = tokens(base), tokens(merged)
    sm = difflib.SequenceMatcher(a=[t if t.strip() else " " for t in a],
                                 b=[t if t.strip() else " " for t in b], autojunk=False)
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            _push(ops, "equal", new)
        elif tag == "delete":
            _push(ops, "delete", old)
        elif tag == "insert":
            _insert(ops, new)
        elif new.startswith(old) and old.strip():  # "ICTs" → "ICTscybersecurity": ICTs replaced
            _push(ops, "delete", old)
            _push(ops, "insert", new[len(old):])
        else:
            _push(ops, "delete", old)
            _push(ops, "insert", new)
    return _merge(ops)


def _insert(ops: list[WordOp], new: str) -> None:
    """An insertion; when glued to the equal text before it, that text's last words (as many as the
    insertion has) were what it replaced."""
    prev = ops[-1] if ops else None
    if prev is None or prev.op != "equal" or not new[:1].strip() or not prev.text[-1:].strip():
        _push(ops, "insert", new)
        return
    want = len(_solid(tokens(new)))
    before = tokens(prev.text)
    k, seen = len(before), 0
    while k > 0 and seen < want:
        k -= 1
        if before[k].strip():
            if before[k] in "([{\"“" or (seen and before[k] in ";:"):
                k += 1
                break
            seen += 1
    kept, replaced = "".join(before[:k]), "".join(before[k:])
    ops.pop()
    _push(ops, "equal", kept)
    _push(ops, "delete", replaced)
    _push(ops, "insert", new)


def _push(ops: list[WordOp], op: str, text: str) -> None:
    if not text:
        return
    if ops and ops[-1].op == op:
        ops[-1] = WordOp(op=ops[-1].op, text=ops[-1].text + text)
    else:
        ops.append(WordOp.model_validate({"op": op, "text": text}))


def _merge(ops: list[WordOp]) -> list[WordOp]:
    out: list[WordOp] = []
    for o in ops:
        _push(out, o.op, o.text)
    return out


def readings(ops: list[WordOp]) -> tuple[str, str]:
    """The base reading and the proposed reading of an edit script."""
    return ("".join(o.text for o in ops if o.op != "insert"), "".join(o.text for o in ops if o.op != "delete"))


class Seam(BaseModel):
    """Where merged marks glued two readings together, with the text on either side."""

    before: str  # the words just before the seam (the earlier reading ends here)
    after: str  # the words just after it (the later reading starts here)
    at: int


def seams(merged: str) -> list[Seam]:
    out = []
    # "[footnoteRef:1]" is a Word export's footnote mark, not two readings run together.
    marks = [(f.start(), f.end()) for f in FOOTNOTE_MARK_RE.finditer(merged)]
    for m in _SEAM.finditer(merged):
        i = m.start()
        if any(a <= i < b for a, b in marks):
            continue
        left = re.search(r"[^\s(\"“]+(?:[ ,]+[^\s(\"“,;]+)?$", merged[:i])
        right = re.match(r"[^\s)\"”]+(?:[ ,]+[^\s)\"”,;]+)?", merged[i:])
        out.append(Seam(before=left.group(0) if left else "", after=right.group(0) if right else "", at=i))
    return out


def render_seams(merged: str) -> str:
    """The text with each seam marked "⟦|⟧": the earlier reading ends there, the later one starts."""
    out, last = [], 0
    for s in seams(merged):
        out.append(merged[last:s.at])
        out.append("⟦|⟧")
        last = s.at
    out.append(merged[last:])
    return "".join(out)


def describe_seams(merged: str) -> list[str]:
    """One line per seam: 'either "… Dubai, 2012" or "Hammamet, 2016 …"'."""
    return [f"either “…{s.before}” or “{s.after}…”" for s in seams(merged)]
