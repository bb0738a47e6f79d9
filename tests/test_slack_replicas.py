"""Two replicas of the Slack app on one real `chroma run` (issue 14, item 11): Slack's retry of an
event, landing on the other replica, is not answered a second time; an event never seen is answered
whatever its retry header says."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_bolt import App, BoltRequest

from bot.slack.app import build_app
from harness.servers import FakeSlack, chroma_process, mention, signed_headers
from retrieval import Service
from retrieval.indexing.dedupe import DeliveryRecord
from tests.conftest import make_settings

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    with chroma_process(tmp_path_factory.mktemp("chroma-server")) as port:
        yield port


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


def _replica(name: str, tmp_path: Path, port: int, slack: FakeSlack) -> App:
    settings = make_settings(tmp_path / name, chroma_mode="http", chroma_port=port, embedder="hash",
                             slack_api_url=slack.base_url, SLACK_BOT_TOKEN="xoxb-test-token",
                             SLACK_SIGNING_SECRET=SECRET, rate_limit_per_minute=0)
    return build_app(settings, Service(settings))


def _signed(body: str, retry: str | None = None) -> BoltRequest:
    headers = signed_headers(body, SECRET, retry=retry)
    return BoltRequest(body=body, headers={k.lower(): [v] for k, v in headers.items()})


def _placeholders(slack: FakeSlack, settle: float = 1.5) -> int:
    time.sleep(settle)  # a second answer, if any, has had time to start
    return len(slack.named("chat.postMessage"))


def test_retry_on_another_replica_is_not_answered_again(chroma_port: int, tmp_path: Path,
                                                        slack: FakeSlack) -> None:
    a, b = (_replica(n, tmp_path, chroma_port, slack) for n in ("a", "b"))
    body = mention("Which Sector handles emergency telecommunications?", event_id="EvReplica1")
    assert a.dispatch(_signed(body)).status == 200
    slack.wait_for("chat.update")
    assert b.dispatch(_signed(body, retry="1")).status == 200
    assert _placeholders(slack) == 1


def test_simultaneous_deliveries_are_answered_once(chroma_port: int, tmp_path: Path, slack: FakeSlack) -> None:
    a, b = (_replica(n, tmp_path, chroma_port, slack) for n in ("c", "d"))
    for n in range(3):
        body = mention("Who coordinates the Sectors?", event_id=f"EvRace{n}", channel=f"CR{n}")
        threads = [threading.Thread(target=app.dispatch, args=(_signed(body, retry=r),))
                   for app, r in ((a, None), (b, "1"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert _placeholders(slack, settle=3) == 3


def test_unseen_event_with_a_retry_header_is_answered(chroma_port: int, tmp_path: Path, slack: FakeSlack) -> None:
    """The first delivery may have been lost before any replica saw it: the retry is then the only one."""
    b = _replica("e", tmp_path, chroma_port, slack)
    assert b.dispatch(_signed(mention("Res 57 resolves 3", event_id="EvLostOriginal"), retry="2")).status == 200
    assert slack.wait_for("chat.update")


def test_record_expires_and_fails_open(chroma_port: int, tmp_path: Path) -> None:
    settings = make_settings(tmp_path, chroma_mode="http", chroma_port=chroma_port)
    record = DeliveryRecord(settings, ttl=4)
    assert record.first("EvTtl") and not record.first("EvTtl")
    time.sleep(4.5)
    assert record.first("EvTtl"), "an expired claim must not block the key for ever"
    from harness.servers import free_port

    down = DeliveryRecord(make_settings(tmp_path, chroma_mode="http", chroma_port=free_port()))
    assert down.first("EvDown"), "an unreachable record must not silence the bot"
    embedded = DeliveryRecord(make_settings(tmp_path))
    assert embedded.first("EvX") and embedded.first("EvX"), "embedded: one process, the in-memory guard decides"
