"""`sectorbot doctor` on a healthy set-up and on each broken one: it names the part and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from harness.servers import FakeOpenAI, free_port
from retrieval.answering.search import Engine
from retrieval.diagnostics import Check, run_checks
from tests.conftest import make_settings

GOOD_TOKENS = {"SLACK_BOT_TOKEN": "xoxb-1111-2222-abcdEFGHijkl", "SLACK_APP_TOKEN": "xapp-1-A111-222-abcdef0123",
               "SLACK_SIGNING_SECRET": "0123456789abcdef0123456789abcdef"}


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {c.name: c for c in checks}


def test_healthy_setup(corpus_engine: Engine) -> None:
    with FakeOpenAI() as llm:
        settings = make_settings(corpus_engine.settings.data_dir, OPENAI_BASE_URL=llm.base_url, **GOOD_TOKENS)
        checks = by_name(run_checks(settings))
    assert {c.status for c in checks.values()} == {"ok"}, [c for c in checks.values() if c.status != "ok"]
    assert "documents indexed" in checks["vector store"].detail
    assert checks["LLM endpoint"].detail == llm.base_url


def test_wrong_store_address(tmp_path: Path) -> None:
    port = free_port()
    checks = by_name(run_checks(make_settings(tmp_path, chroma_mode="http", chroma_port=port, **GOOD_TOKENS)))
    store = checks["vector store"]
    assert store.status == "fail"
    assert f"127.0.0.1:{port}" in store.detail
    assert "SECTORBOT_CHROMA_HOST" in store.fix
    assert checks["embedding model"].status == "ok", "only the broken part is reported"


def test_missing_model(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, **GOOD_TOKENS).model_copy(update={"model_dir": tmp_path / "no-models"})
    model = by_name(run_checks(settings))["embedding model"]
    assert model.status == "fail"
    assert "no-models" in model.detail and "sectorbot setup" in model.fix


@pytest.mark.parametrize("name,value", [("SLACK_BOT_TOKEN", "xoxp-user-token-not-a-bot"),
                                        ("SLACK_APP_TOKEN", "xoxb-wrong-kind-of-token"),
                                        ("SLACK_SIGNING_SECRET", "not-hex-and-too-short")])
def test_malformed_token(tmp_path: Path, name: str, value: str) -> None:
    checks = by_name(run_checks(make_settings(tmp_path, **{**GOOD_TOKENS, name: value})))
    bad = checks[name]
    assert bad.status == "fail" and bad.fix
    assert value not in bad.detail + bad.fix, "a secret must never be echoed"
    assert all(checks[n].status == "ok" for n in GOOD_TOKENS if n != name)


def test_unreachable_llm_is_a_warning_not_a_failure(corpus_engine: Engine) -> None:
    settings = make_settings(corpus_engine.settings.data_dir, OPENAI_BASE_URL=f"http://127.0.0.1:{free_port()}/v1")
    llm = by_name(run_checks(settings))["LLM endpoint"]
    assert llm.status == "warn" and "OPENAI_BASE_URL" in llm.fix


def test_cli_exit_status_and_output(corpus_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for k, v in GOOD_TOKENS.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("SECTORBOT_DATA_DIR", str(corpus_engine.settings.data_dir))
    healthy = CliRunner().invoke(cli, ["doctor"])
    assert healthy.exit_code == 0, healthy.output
    assert "vector store" in healthy.output and "fix:" not in healthy.output

    monkeypatch.setenv("SECTORBOT_CHROMA_MODE", "http")
    monkeypatch.setenv("SECTORBOT_CHROMA_PORT", str(free_port()))
    monkeypatch.setenv("SLACK_BOT_TOKEN", "bogus")
    broken = CliRunner().invoke(cli, ["doctor"])
    assert broken.exit_code == 1
    assert broken.output.count("fix:") >= 2 and "bogus" not in broken.output


def test_an_endpoint_without_a_models_listing_is_reachable(corpus_engine: Engine) -> None:
    """From a Slack/LLM trial: `doctor` said "unreachable" for a server that serves chat completions but no
    GET /models."""
    with FakeOpenAI() as server:
        server.serve_models = False
        settings = make_settings(corpus_engine.settings.data_dir, OPENAI_BASE_URL=server.base_url)
        llm = by_name(run_checks(settings))["LLM endpoint"]
    assert llm.status == "ok" and "reachable" in llm.detail
