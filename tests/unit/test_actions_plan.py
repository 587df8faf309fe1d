"""What a reply's commands do to the digest as it was shown (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assistant.actions.grammar import read_commands
from assistant.actions.plan import ShownDigest, plan_actions, sent_by_hand
from assistant.digest.candidates import never_key, refused

NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
ASK = {"to": [{"name": "Dana", "email": "dana@x.example"}], "cc": [], "subject": "Would you talk to Priya?",
       "body": "Hi Dana\n", "kind": "intro_ask"}
CONNECT = {"to": [{"name": "Priya", "email": "priya@y.example"}, {"name": "Dana", "email": "dana@x.example"}],
           "cc": [], "subject": "Intro", "body": "Meet\n", "kind": "intro_connect"}
LUNCH = {"to": [{"name": "Jordan", "email": "j@ledger.example"}], "cc": [], "subject": "Lunch?", "body": "Hi\n",
         "kind": "story_lunch"}
DIGEST = ShownDigest.from_json({
    "digest_id": "d1", "message_id": "<digest.d1@x>", "sent_at": (NOW - timedelta(hours=2)).isoformat(),
    "items": [{"id": 1, "key": "intro:p|d", "section": "intros", "people": ["priya@y.example", "dana@x.example"],
               "drafts": [ASK, CONNECT]},
              {"id": 2, "key": "story:j", "section": "stories", "people": ["j@ledger.example"], "drafts": [LUNCH]}]})


def plan(text, mode="opt-in", already=lambda key: None):
    return plan_actions(read_commands(text), DIGEST, mode=mode, now=NOW, already=already)


def test_send_on_an_introduction_asks_the_helper_first_and_direct_mode_introduces():
    assert [o.draft["kind"] for o in plan("send 1").sends] == ["intro_ask"]
    assert [o.draft["kind"] for o in plan("send 1", mode="direct").sends] == ["intro_connect"]
    assert [o.draft["kind"] for o in plan("connect 1").sends] == ["intro_connect"]


def test_recipients_and_bodies_come_from_the_stored_draft_and_edit_replaces_only_the_body():
    (sent,) = plan("edit 2: Hi Jordan, lunch Thursday?").sends
    assert sent.draft["to"] == LUNCH["to"] and sent.draft["subject"] == "Lunch?"
    assert sent.draft["body"] == "Hi Jordan, lunch Thursday?\n"
    assert len(plan("send 2\nedit 2: New body").sends) == 1


def test_an_unknown_number_or_an_unclear_line_does_nothing_at_all():
    for text in ("send 1, 7", "send 1\ndon't send 2", "thanks!"):
        result = plan(text)
        assert result.sends == () and result.history == () and not result.understood


def test_already_sent_is_said_not_done_again():
    result = plan("send 2", already=lambda key: "sent on 2026-11-25")
    assert result.sends == () and "already sent on 2026-11-25" in result.notes[0]


def test_skip_snooze_and_never_are_remembered():
    history = dict(plan("skip 2").history)
    assert history["story:j"]["status"] == "skipped"
    history = dict(plan("snooze 2 for 2 weeks").history)
    assert history["story:j"] == {"status": "snoozed", "until": "2026-12-09", "at": NOW.isoformat()}
    history = dict(plan("never 1").history)
    assert history[never_key(["priya@y.example", "dana@x.example"])]["status"] == "never"
    assert refused(history, ["dana@x.example", "priya@y.example"]) and not refused(history, ["dana@x.example"])
    history = dict(plan("never 2").history)
    assert refused(history, ["j@ledger.example"])


def test_a_draft_sent_from_the_users_own_mail_program_marks_its_item_done():
    log = [{"message_id": "<m@x>", "to": ["j@ledger.example"], "subject": "lunch?", "date": NOW.isoformat()}]
    assert sent_by_hand(DIGEST, log, now=NOW, token_days=14) == ["story:j"]
    other = [{**log[0], "to": ["someone@else.example"]}]
    assert sent_by_hand(DIGEST, other, now=NOW, token_days=14) == []
    before = [{**log[0], "date": (NOW - timedelta(days=1)).isoformat()}]
    assert sent_by_hand(DIGEST, before, now=NOW, token_days=14) == []
