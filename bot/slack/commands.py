"""The `/sector` command text, parsed once. Pure."""

from __future__ import annotations

from pydantic import BaseModel

VERBS = ("ask", "cite", "sector", "help")


class SectorCommand(BaseModel):
    question: str | None  # None: show the help text

    @property
    def is_help(self) -> bool:
        return self.question is None


def parse_command(text: str) -> SectorCommand:
    """`/sector ask Q`, `/sector cite REF`, `/sector sector TOPIC`, `/sector help`; anything else reads
    as a question ("/sector what is ISCG?")."""
    verb, _, rest = (text or "").strip().partition(" ")
    low, rest = verb.lower(), rest.strip()
    if low in ("", "help") or (low in ("ask", "cite", "sector") and not rest):
        return SectorCommand(question=None)
    if low == "sector":
        return SectorCommand(question=f"Which Sector handles {rest}?")
    if low in ("ask", "cite"):
        return SectorCommand(question=rest)
    return SectorCommand(question=f"{verb} {rest}".strip())
