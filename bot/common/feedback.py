"""Helpful / not helpful votes, in SQLite under the data directory."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

Vote = Literal["helpful", "not_helpful"]


class FeedbackRow(BaseModel):
    question: str
    citations: list[str]
    vote: Vote
    user_id: str
    created_at: datetime


class FeedbackStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY, question TEXT NOT NULL, "
                       "citations TEXT NOT NULL, vote TEXT NOT NULL, user_id TEXT NOT NULL, created_at TEXT NOT NULL)")

    def _db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(self, question: str, citations: list[str], vote: Vote, user_id: str) -> None:
        with self._db() as db:
            db.execute("INSERT INTO feedback (question, citations, vote, user_id, created_at) VALUES (?,?,?,?,?)",
                       (question, json.dumps(citations), vote, user_id, datetime.now(UTC).isoformat()))

    def list(self, limit: int = 50) -> list[FeedbackRow]:
        with self._db() as db:
            rows = db.execute("SELECT question, citations, vote, user_id, created_at FROM feedback "
                              "ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [FeedbackRow(question=q, citations=json.loads(c), vote=v, user_id=u,
                            created_at=datetime.fromisoformat(t)) for q, c, v, u, t in rows]
