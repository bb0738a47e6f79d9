"""The Slack app, end to end: requests signed with a real secret go through Bolt (and through the
real HTTP mode on 127.0.0.1); the Slack Web API is a local server that records calls."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_bolt import BoltRequest

from bot.common.feedback import FeedbackStore
from bot.common.safety import disarm
from bot.slack.app import build_app
from bot.slack.blocks import answer_blocks, clean_question
from bot.slack.server import make_http_server
from harness.fakes import FakeBackend
from harness.servers import FakeSlack, mention, running, signed_headers
from retrieval.core.models import Answer, Citation
from tests.conftest import make_settings

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.fixture
def app_env(corpus_service: object, slack: FakeSlack, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path / "bot", slack_api_url=slack.base_url,
                             SLACK_BOT_TOKEN="xoxb-test-token", SLACK_SIGNING_SECRET=SECRET)
    return build_app(settings, corpus_service), settings


def signed(body: str, content_type: str = "json", ts: int | None = None, secret: str = SECRET,
           retry: str | None = None) -> BoltRequest:
    ctype = "application/json" if content_type == "json" else "application/x-www-form-urlencoded"
    headers = signed_headers(body, secret, ts, ctype, retry)
    return BoltRequest(body=body, headers={k.lower(): [v] for k, v in headers.items()})


# ---- pure rendering --------------------------------------------------------------------------------

def test_disarm_and_clean() -> None:
    assert "<!channel>" not in disarm("hi <!channel> and <!here|here> @everyone")
    assert "@\u200beveryone" in disarm("@everyone")
    assert clean_question("<@UBOT> Which Sector?") == "Which Sector?"
    # Slack's markup is not the question: broadcasts, links (their label), channels, escapes (from a
    # Slack/LLM trial: "<!channel> what is <https://evil.example|ITU> Res 57 about?" abstained on "evil")
    assert clean_question("<!channel> what is <https://evil.example|ITU> Res 57 about?") == "what is ITU Res 57 about?"
    assert clean_question("<@UBOT> see <https://itu.int/res57> in <#C123|wtsa> &amp; R&amp;D &lt;3") == \
        "see https://itu.int/res57 in #wtsa & R&D <3"


def test_blocks_split_long_answers_and_carry_citations() -> None:
    cit = Citation(clause_id="d#resolves.1", display="WTSA Resolution 57 (Rev. Hammamet, 2016), resolves 1",
                   doc_id="d", part="resolves", label="1", quote="to invite <!here> x" * 10, url="https://itu.int/x")
    long = Answer(question="q", text=("word " * 900 + "\n") * 6, citations=[cit] * 5)
    messages = answer_blocks(long)
    blocks = [b for m in messages for b in m]
    assert all(len(m) <= 50 for m in messages)
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if b["type"] == "section")
    assert sum(b["type"] == "section" for b in blocks) > 6
    ctx = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert "[1] <https://itu.int/x|WTSA Resolution 57 (Rev. Hammamet, 2016), resolves 1>" in ctx
    assert not any("<!here>" in json.dumps(b) for b in blocks)
    assert blocks[-1]["type"] == "actions"


def test_handler_with_fake_client() -> None:
    from unittest.mock import MagicMock

    from bot.slack.reply import SlackQuestion, answer_into_thread

    client = MagicMock()
    client.chat_postMessage.return_value = {"ts": "9.9"}
    backend = FakeBackend(answer=lambda q: Answer(question=q, text=f"echo {q}"))
    q = SlackQuestion(text="hello <!channel>", user="U1", channel="C1", thread_ts="1.0", source="mention")
    answer_into_thread(client, backend, q)
    assert client.chat_postMessage.call_args.kwargs["thread_ts"] == "1.0"
    update = client.chat_update.call_args.kwargs
    assert update["ts"] == "9.9" and "<!channel>" not in json.dumps(update["blocks"])


def test_handler_error_reaches_user_as_short_line(caplog: pytest.LogCaptureFixture) -> None:
    from unittest.mock import MagicMock

    from bot.slack.reply import SORRY, SlackQuestion, answer_into_thread

    def boom(q: str) -> Answer:
        raise RuntimeError("internal detail xyz")

    client = MagicMock()
    client.chat_postMessage.return_value = {"ts": "1"}
    q = SlackQuestion(text="secret question text", user="U1", channel="C1", source="dm")
    answer_into_thread(client, FakeBackend(answer=boom), q)
    assert client.chat_update.call_args.kwargs["text"] == SORRY
    assert "secret question text" not in caplog.text


# ---- through Bolt -------------------------------------------------------------------------------------

def test_mention_answers_in_thread_with_citations(app_env, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    app, _ = app_env
    resp = app.dispatch(signed(mention("What does Resolution 57 resolves 3 say?")))
    assert resp.status == 200
    updates = slack.wait_for("chat.update")
    posted = slack.named("chat.postMessage")
    assert posted[0]["thread_ts"] == "1700000000.000100" and "Searching" in posted[0]["text"]
    blocks = json.loads(updates[0]["blocks"]) if isinstance(updates[0]["blocks"], str) else updates[0]["blocks"]
    text = json.dumps(blocks)
    assert "WTSA Resolution 57 (Rev. Hammamet, 2016), resolves 3" in text
    assert "rcc-47a4@wtsa-16#proposal.1/resolves.3" in text  # the Show clause button


def test_ack_does_not_wait_for_the_answer(slack: FakeSlack, tmp_path: Path) -> None:
    """Slack needs the ack within 3 s; a slow answer must never hold it back."""
    release = threading.Event()

    def slow(q: str) -> Answer:
        release.wait(30)
        return Answer(question=q, text="late but fine")

    settings = make_settings(tmp_path, slack_api_url=slack.base_url, SLACK_BOT_TOKEN="xoxb-test-token",
                             SLACK_SIGNING_SECRET=SECRET)
    app = build_app(settings, FakeBackend(answer=slow))
    resp = app.dispatch(signed(mention("anything", event_id="EvSlow")))
    assert resp.status == 200
    assert not slack.named("chat.update"), "the answer cannot exist yet"
    release.set()
    assert "late but fine" in slack.wait_for("chat.update")[0]["text"]


def test_follow_up_in_thread_stays_in_thread(app_env, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    app, _ = app_env
    app.dispatch(signed(mention("Res 57 resolves 1", event_id="Ev2", ts="1700000001.1", thread_ts="1700000000.5")))
    slack.wait_for("chat.update")
    assert slack.named("chat.postMessage")[0]["thread_ts"] == "1700000000.5"


def test_forged_and_stale_requests_are_rejected(app_env, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    app, _ = app_env
    assert app.dispatch(signed(mention("x", "Ev3"), secret="wrong-secret")).status == 401
    assert app.dispatch(signed(mention("x", "Ev4"), ts=int(time.time()) - 6 * 60)).status == 401
    time.sleep(0.5)
    assert not slack.named("chat.postMessage")


def test_retry_of_handled_event_is_ignored(app_env, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    app, _ = app_env
    body = mention("Res 57 resolves 2", event_id="EvRetry")
    assert app.dispatch(signed(body)).status == 200
    slack.wait_for("chat.update")
    assert app.dispatch(signed(body, retry="1")).status == 200
    time.sleep(1.0)
    assert len(slack.named("chat.postMessage")) == 1


def test_slash_command_and_help(app_env, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    app, _ = app_env
    form = urllib.parse.urlencode({"command": "/sector", "text": "help", "user_id": "U1", "channel_id": "C9",
                                   "team_id": "T1", "response_url": "http://127.0.0.1:9/none", "trigger_id": "t"})
    resp = app.dispatch(signed(form, content_type="form"))
    assert resp.status == 200 and "/sector cite" in resp.body
    form = form.replace("text=help", "text=sector+emergency+telecommunications")
    assert app.dispatch(signed(form, content_type="form")).status == 200
    update = slack.wait_for("chat.update")[0]
    assert update["channel"] == "C9" and "mutual interest" in json.dumps(update)


def test_feedback_vote_is_stored(app_env, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    app, settings = app_env
    value = json.dumps({"q": "Res 57 resolves 3", "c": ["rcc-47a4@wtsa-16#proposal.1/resolves.3"]})
    payload = {"type": "block_actions", "user": {"id": "U42"}, "channel": {"id": "C1"}, "team": {"id": "T1"},
               "trigger_id": "trig", "api_app_id": "A1", "container": {"type": "message"},
               "actions": [{"action_id": "feedback_helpful", "value": value, "type": "button", "block_id": "feedback",
                            "action_ts": "1"}]}
    form = urllib.parse.urlencode({"payload": json.dumps(payload)})
    assert app.dispatch(signed(form, content_type="form")).status == 200
    slack.wait_for("chat.postEphemeral")  # the vote is stored before the thank-you is sent
    rows = FeedbackStore(settings.feedback_db).list()
    assert [(r.vote, r.user_id, r.citations) for r in rows] == [
        ("helpful", "U42", ["rcc-47a4@wtsa-16#proposal.1/resolves.3"])]
    assert rows[0].question == "Res 57 resolves 3"
    # "Show clause" opens a modal with the full text.
    payload["actions"] = [{"action_id": "show_clause", "value": "rcc-47a4@wtsa-16#proposal.1/resolves.3",
                           "type": "button", "block_id": "b", "action_ts": "1"}]
    app.dispatch(signed(urllib.parse.urlencode({"payload": json.dumps(payload)}), content_type="form"))
    view = slack.wait_for("views.open")[0]
    assert "to propose to the ITU" in json.dumps(view)


def test_real_http_mode(app_env, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    app, settings = app_env
    with running(make_http_server(app, settings, 0)) as port:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
            assert json.loads(r.read()) == {"ok": True}
        body = mention("Res 57 resolves 4", event_id="EvHttp")
        req = signed(body)
        http = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=body.encode(), method="POST",
                                      headers={k: v[0] for k, v in req.headers.items()})
        with urllib.request.urlopen(http, timeout=5) as r:
            assert r.status == 200
        assert "resolves 4" in json.dumps(slack.wait_for("chat.update")[0])
        forged = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=body.encode(), method="POST",
                                        headers={**{k: v[0] for k, v in req.headers.items()},
                                                 "x-slack-signature": "v0=deadbeef"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(forged, timeout=5)
        assert err.value.code == 401
