"""Shared fixtures. Every test runs with a temporary data directory and no real tokens in the
environment, so a developer's Slack or OpenAI credentials can never leak into a run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seed-rcc-47a4.txt"
SHARED_ITU = ROOT.parent / "shared" / "itu"
RES1 = SHARED_ITU / "WTSA-RES-1-2016-E.docx"
_STRIP = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "OPENAI_API_KEY", "OPENAI_BASE_URL")


def _real_model_dir() -> Path:
    from retrieval.core.config import Settings

    return Settings().models_path


MODEL_DIR = _real_model_dir()


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name in _STRIP or name.startswith("SECTORBOT_"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SECTORBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SECTORBOT_MODEL_DIR", str(MODEL_DIR))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    monkeypatch.chdir(tmp_path)  # so no project .env is read


@pytest.fixture(scope="session")
def model_dir() -> Path:
    from retrieval.core.config import Settings
    from retrieval.indexing.provision import is_provisioned, model_path

    settings = Settings(model_dir=MODEL_DIR, _env_file=None)  # type: ignore[call-arg]
    path = model_path(settings)
    if not is_provisioned(settings):
        pytest.fail(f"embedding model not provisioned in {path}: run `make setup` (the README's test command does)")
    return path


@pytest.fixture
def shared_itu() -> Path:
    if not RES1.exists():
        pytest.skip("../shared/itu is absent")
    return SHARED_ITU


def make_settings(data_dir: Path, **kw: object):  # type: ignore[no-untyped-def]
    from retrieval.core.config import Settings

    return Settings(data_dir=data_dir, model_dir=MODEL_DIR, _env_file=None, **kw)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def corpus_service(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[object]:
    """A real on-disk index of the seed (and WTSA Resolution 1 when ../shared is present), built once."""
    from retrieval import Service

    service = Service(make_settings(tmp_path_factory.mktemp("corpus-index")))
    report = service.ingest([SEED] + ([RES1] if RES1.exists() else []))
    assert not report.failed, report.failed
    yield service


@pytest.fixture(scope="session")
def meetings_service(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[object]:
    """A real on-disk index of the two SG17 meeting documents (TD 2484 and C 823), built once."""
    from retrieval import Service

    folder = SHARED_ITU / "meetings"
    if not folder.exists():
        pytest.skip("../shared/itu/meetings is absent")
    service = Service(make_settings(tmp_path_factory.mktemp("meetings")))
    report = service.ingest([folder])
    assert not report.failed, report.failed
    yield service


@pytest.fixture(scope="session")
def corpus_engine(corpus_service: object) -> object:
    return corpus_service.engine  # type: ignore[attr-defined]
