"""Typed records that cross module boundaries: documents, clauses, hits, citations, answers."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Body = Literal["PP", "WTSA", "WTDC", "RA", "WRC", "Council", "TSAG", "TDAG", "RAG", "ISCG", "ITU-T", "other"]
Kind = Literal["resolution", "decision", "recommendation", "supplement", "contribution", "td", "report", "liaison",
              "other"]
Sector = Literal["ITU-R", "ITU-T", "ITU-D", "GS"]
SECTORS: tuple[Sector, ...] = ("ITU-R", "ITU-T", "ITU-D", "GS")
THREE: tuple[Sector, ...] = SECTORS[:3]  # the three Sectors; the General Secretariat is not one


class Revision(BaseModel):
    model_config = ConfigDict(frozen=True)
    place: str
    year: int

    @property
    def slug(self) -> str:
        # A revision known only by its year (Resolution ITU-R 75 (2023)) has no place.
        return f"{self.place.lower().replace(' ', '-')}-{self.year}" if self.place else str(self.year)


class Instrument(BaseModel):
    """What a clause belongs to, as delegates name it: WTSA Resolution 57 (Rev. Hammamet, 2016)."""

    model_config = ConfigDict(frozen=True)
    body: Body = "other"
    kind: Kind = "other"
    number: str | None = None
    revision: Revision | None = None
    revised: bool = False  # "Rev." when the instrument had earlier versions
    title: str = ""
    symbol: str | None = None  # document symbol of a contribution or output, e.g. "RCC/47A4"
    sector: Sector | None = None  # a meeting document's Sector, from its header ("… STANDARDIZATION SECTOR")


class DocumentMeta(BaseModel):
    doc_id: str
    body: Body = "other"
    kind: Kind = "other"
    number: str | None = None
    revision: Revision | None = None
    title: str = ""
    source: str
    url: str | None = None
    sha256: str = ""
    format: str = "txt"
    language: str = "en"  # ISO 639-1: ar, en, es, fr, ru, zh (ITU's file-name letter A, E, S, F, R, C)
    symbol: str | None = None  # a meeting document's symbol, e.g. "SG17-C823", "SG17-TD2484"
    # a meeting document's cover table: study_group, questions, meeting, source, purpose, keywords, contacts
    details: dict[str, str] = Field(default_factory=dict)


MandateRole = Literal["instructed", "invited", "requested", "encouraged", "resolved", "responsible", "reports",
                      "assists", "noted"]


class Mandate(BaseModel):
    """Who a clause gives something to do (retrieval/parsing/mandates.py): the actor, its Sector, the
    role, whom it reports to, and a verbatim slice of the clause saying what."""

    actor: str  # "Director of TSB", "TSAG", "ITU-T study groups", "SG17", "Member States"
    sector: Sector | None = None
    role: MandateRole
    to: str | None = None  # for role "reports": the body reported to
    what: str = ""


class Clause(BaseModel):
    clause_id: str
    doc_id: str
    instrument: Instrument
    proposal: str | None = None  # "MOD RCC/47A4/1" when the clause is text proposed by a contribution
    part: str  # canonical: "resolves", "considering", "section 4", "abstract", a heading path …
    label: str = ""  # "3", "b)bis", "4.2"; empty when the part has one unlabelled paragraph
    text: str  # verbatim slice of the extracted source text
    previous_text: str | None = None  # the reading before tracked changes, when there were any
    footnotes: list[str] = Field(default_factory=list)
    span: tuple[int, int]
    sectors: list[Sector] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    mandates: list[Mandate] = Field(default_factory=list)
    # The clause this one is an item of, when that opens a list ("that the schedule … shall be as follows:"):
    # an item ("WTDC shall be held in 2021") is read, searched and judged with it.
    lead_in: str | None = None
    # The headings of the numbered sections it sits in ("Participation in meetings" over Res 1 §2.3.1, which
    # says "shall be represented"): searched with it, never quoted.
    heading: str | None = None


class ParsedDocument(BaseModel):
    meta: DocumentMeta
    clauses: list[Clause]
    warnings: list[str] = Field(default_factory=list)


class SearchHit(BaseModel):
    clause: Clause
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    similarity: float | None = None  # cosine to the question, the evidence measure for abstention
    lexical_score: float | None = None


class Citation(BaseModel):
    clause_id: str
    display: str
    doc_id: str
    part: str
    label: str
    quote: str
    url: str | None = None
    truncated: bool = False  # the quote is a verbatim slice shorter than the clause: shown with "…"
    cut_start: bool = False  # where: the slice starts inside the clause ("…" before it)
    cut_end: bool = False  # the slice stops before the clause ends ("…" after it)


class Span(BaseModel):
    """A run of answer text; `emphasis` is rendered by each front end its own way (bold, *mrkdwn*)."""

    text: str
    emphasis: bool = False


class AnswerLine(BaseModel):
    """One line of an answer: the lead sentence, an item of a list, or a note about the answer."""

    kind: Literal["lead", "item", "note"] = "lead"
    spans: list[Span] = Field(default_factory=list)

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.spans)


def plain_text(lines: list[AnswerLine]) -> str:
    return "\n".join(("• " if ln.kind == "item" else "") + ln.plain for ln in lines)


class Answer(BaseModel):
    """Format-neutral: `lines` carry the structure, `text` the same as plain text (no markup), so a
    terminal, Slack or a script each render it their own way."""

    question: str
    text: str = ""
    lines: list[AnswerLine] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    mode: Literal["extractive", "llm"] = "extractive"
    intent: Literal["cite", "sector", "find", "ask", "diff", "refs", "mandate"] = "ask"
    abstained: bool = False
    notes: list[str] = Field(default_factory=list)
    lead_sectors: list[str] = Field(default_factory=list)  # "which Sector": the Sector(s) given the task
    involved_sectors: list[str] = Field(default_factory=list)  # others the evidence involves
    thin_evidence: bool = False  # answered, but the clauses do not cover every key term of the question
    missing: list[str] = Field(default_factory=list)  # what the corpus lacks (abstentions, thin answers)

    @model_validator(mode="after")
    def _text_from_lines(self) -> Answer:
        if self.lines and not self.text:
            self.text = plain_text(self.lines)
        elif self.text and not self.lines:
            self.lines = [AnswerLine(spans=[Span(text=t)]) for t in self.text.split("\n")]
        return self

    def to_json_dict(self) -> dict[str, object]:
        """The machine-readable shape of an answer (README, "JSON output")."""
        return {
            "answer": self.text,
            "mode": self.mode,
            "intent": self.intent,
            "abstained": self.abstained,
            "sectors": list(self.sectors),
            "lead_sectors": list(self.lead_sectors),
            "involved_sectors": list(self.involved_sectors),
            "thin_evidence": self.thin_evidence,
            "missing": list(self.missing),
            "citations": [c.model_dump() for c in self.citations],
            "notes": list(self.notes),
        }


class Reference(BaseModel):
    """A parsed user reference. Any field may be missing; search fills the gaps from the index."""

    body: Body | None = None
    kind: Kind | None = None  # None: a resolution ("Res 57"); "decision" for "PP Decision 5"; "recommendation", "td" …
    number: str | None = None
    revision: Revision | None = None
    part: str | None = None
    label: str | None = None
    label_to: str | None = None  # last label of a range ("resolves 3-5", "considering a) to c)")
    symbol: str | None = None  # contribution symbol "RCC/47A4"
    proposal: int | None = None  # proposal number within the contribution
    text: str = ""
