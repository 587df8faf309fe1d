"""The digest email: only to the owner, headers immune to hostile names, HTML escaped and self-contained."""

from __future__ import annotations

import email
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from assistant.digest.render import (
    digest_json,
    digest_subject,
    html_lines,
    make_environments,
    render_digest,
    reply_example,
    wrap_text,
)
from assistant.digest.tokens import message_id_for, new_digest_id, verify
from assistant.models import SECTIONS, Address, Draft, Suggestion

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
KEY = bytes(range(32))
OWNER = Address("Ana Owner", "ana@owner.example")
HOSTILE = "<img src=x onerror=alert(1)>"
ENCODED_NEWLINE = str(make_header(decode_header("=?UTF-8?Q?hi=0ABcc:_x@evil.com?=")))


@dataclass(frozen=True)
class FakeDigest:
    generated_at: datetime
    sections: dict[str, tuple[Suggestion, ...]] = field(default_factory=dict)


def suggestion(section: str, n: int, name: str = "Lena Park", reason: str = "", subject: str = "Hello",
               body: str = "Hi,\n\nline two\n\nBest,\nAna", cc: tuple[Address, ...] = (),
               data: dict[str, Any] | None = None) -> Suggestion:
    person = Address(name, f"p{n}@example.org")
    draft = Draft((person,), subject, body, cc, kind="intro_ask")
    return Suggestion(section, f"{section}:{n}", reason or f"{name} asked for a caterer.", 1.0, (person,),
                      (draft,), data or {"people": [{"name": name, "email": person.email}]}, id=n)


def digest(*items: Suggestion) -> FakeDigest:
    return FakeDigest(NOW, {s: tuple(i for i in items if i.section == s) for s in SECTIONS})


def render(d: FakeDigest, sender_name: str = "Networking assistant") -> EmailMessage:
    html_env, text_env = make_environments(TEMPLATES)
    message_id = message_id_for(new_digest_id(NOW, b"\x01" * 16), KEY, "owner.example")
    return render_digest(d, owner=OWNER, sender_name=sender_name, html_env=html_env, text_env=text_env,
                         message_id=message_id, now=NOW)


def parsed(message: EmailMessage) -> EmailMessage:
    return email.message_from_bytes(message.as_bytes(), policy=default)  # type: ignore[return-value]


def bodies(message: EmailMessage) -> tuple[str, str]:
    back = parsed(message)
    text = back.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = back.get_body(("html",)).get_content()  # type: ignore[union-attr]
    return text, html


def busy() -> FakeDigest:
    return digest(suggestion("intros", 1), suggestion("intros", 2, "Kofi Mensah"),
                  suggestion("events", 3, "Meera Iyer", cc=(Address("Sam", "sam@x.example"),)),
                  suggestion("reconnect", 4, "Sam Whitaker"))


def test_message_goes_to_the_owner_only_as_text_and_html_alternatives():
    back = parsed(render(busy()))
    assert back.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in back.iter_parts()] == ["text/plain", "text/html"]
    assert back.get_all("To") == ["Ana Owner <ana@owner.example>"]
    assert back["To"].addresses[0].addr_spec == OWNER.email
    assert back["From"].addresses[0].addr_spec == OWNER.email
    assert back["From"].addresses[0].display_name == "Networking assistant"
    for absent in ("Cc", "Bcc", "Reply-To", "Sender"):
        assert back[absent] is None
    assert back["Auto-Submitted"] == "auto-generated"
    assert back["X-Auto-Response-Suppress"] == "All"
    assert back["Date"].datetime == NOW


def test_message_id_carries_a_token_that_verifies():
    back = parsed(render(busy()))
    assert verify(back["Message-ID"], KEY) == new_digest_id(NOW, b"\x01" * 16)
    assert verify(back["Message-ID"], b"k" * 32) is None


def test_subject_counts_the_sections_with_items():
    assert parsed(render(busy()))["Subject"] == "Your week of helping others: 2 intros, 1 event, 1 reconnect"
    assert digest_subject({"stories": 1, "gathering": 2}) == "Your week of helping others: 1 story, 2 gatherings"


def test_hostile_contact_name_is_escaped_in_html_and_kept_as_text():
    d = digest(suggestion("intros", 1, HOSTILE, reason=f"{HOSTILE} asked for <b>help</b>",
                          subject=f"Meet {HOSTILE}", body=f"Dear {HOSTILE},\n<script>alert(2)</script>"))
    text, html = bodies(render(d))
    assert "<img" not in html and "<script" not in html.lower() and "<b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert HOSTILE in text


@pytest.mark.parametrize("name", ["Lena\r\nBcc: x@evil.com", "Lena\nBcc: x@evil.com", ENCODED_NEWLINE,
                                  "Lena\u2028Bcc: x@evil.com", "Lena\x85Bcc: x@evil.com"])
def test_newlines_in_names_and_subjects_never_create_a_header(name):
    d = digest(suggestion("intros", 1, name, reason=name, subject=name))
    raw = render(d, sender_name=name).as_bytes()
    back = email.message_from_bytes(raw, policy=default)
    assert back["Bcc"] is None and back["Cc"] is None
    assert [a.addr_spec for a in back["To"].addresses] == [OWNER.email]
    assert [a.addr_spec for a in back["From"].addresses] == [OWNER.email]
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert not re.search(rb"^(bcc|cc)\s*:", headers, re.I | re.M)
    assert "\n" not in back["From"].addresses[0].display_name


def test_owner_name_with_a_newline_stays_one_header():
    html_env, text_env = make_environments(TEMPLATES)
    message = render_digest(busy(), owner=Address("Ana\r\nBcc: x@evil.com", OWNER.email), sender_name="",
                            html_env=html_env, text_env=text_env, message_id="<a@b.example>", now=NOW)
    back = parsed(message)
    assert back["Bcc"] is None
    assert [a.addr_spec for a in back["To"].addresses] == [OWNER.email]


def test_html_is_self_contained_no_scripts_no_remote_resources():
    _, html = bodies(render(busy()))
    lowered = html.lower()
    assert "<script" not in lowered and "javascript:" not in lowered
    assert not re.search(r"src\s*=\s*[\"']?\s*(https?:)?//", lowered)
    assert "<link" not in lowered and "@import" not in lowered and "url(" not in lowered
    assert 'role="presentation"' in html and "max-width:600px" in html
    assert 'name="color-scheme" content="light dark"' in html


def test_every_item_is_numbered_with_its_reason_and_full_drafts():
    body = "Hi Meera,\n\nA long paragraph " + "word " * 60 + "end.\n\n  indented line\nBest,\nAna"
    d = digest(suggestion("events", 7, "Meera Iyer", reason="Founder Night fits Meera.", subject="Founder Night",
                          body=body, cc=(Address("Sam Whitaker", "sam@x.example"),)))
    text, html = bodies(render(d))
    for part in (text, html):
        assert "#7" in part and "Reply to act: send 7" in part and "edit N: your text" in part
        assert "Founder Night fits Meera." in part
        assert "Meera Iyer &lt;p7@example.org&gt;" in part or "Meera Iyer <p7@example.org>" in part
        assert "Sam Whitaker" in part and "Subject:" in part and "Founder Night" in part
        assert "Events worth sharing" in part
        assert "Introductions" not in part  # empty sections are left out
    assert "white-space:pre-wrap" in html and "  indented line" in html
    assert "end.<br><br>" in html
    assert "word " * 10 in text.replace("\n     ", " ")
    assert max(len(line) for line in text.splitlines()) <= 80


def test_empty_digest_says_so_kindly():
    message = render(digest())
    text, html = bodies(message)
    assert parsed(message)["Subject"] == "Your week of helping others: a quiet week"
    for part in (text, html):
        assert "Nothing to suggest this week" in part
        assert "Reply to act" not in part
        # it says what did not meet the bar, never that there were no asks (a real mailbox had open asks
        # no one the owner knows could answer, and read "no asks waiting")
        assert "no ask from your contacts that someone you know could answer" in " ".join(part.split())
        assert "no asks waiting" not in part


def test_draft_bodies_lose_bidi_overrides_and_controls():
    d = digest(suggestion("intros", 1, body="pay \u202eevil\u202c now\x07\r\nok"))
    text, html = bodies(render(d))
    for part in (text, html):
        assert "\u202e" not in part and "\x07" not in part
        assert "pay evil now" in part


def test_reply_example_uses_the_digest_numbers():
    assert reply_example([1, 2, 3, 4, 5]) == "send 1, 3 · skip 2 · snooze 4"
    assert reply_example([1]) == "send 1"
    assert reply_example([]) == ""


def test_wrap_keeps_line_breaks_and_indents():
    assert wrap_text("a\n\nb", indent="  ") == "  a\n\n  b"
    assert all(len(line) <= 72 for line in wrap_text("x " * 100).splitlines())


def test_html_lines_escapes_each_line():
    assert str(html_lines("<a>\nb")) == "&lt;a&gt;<br>b"


def test_digest_json_prefers_the_digests_own_and_adds_key_section_kind():
    class WithJson(FakeDigest):
        def to_json(self) -> dict[str, Any]:
            return {"generated_at": "own", **{s: [{"id": i.id, "drafts": [{}]} for i in self.sections[s]]
                                              for s in SECTIONS}}

    base = busy()
    out = digest_json(WithJson(base.generated_at, base.sections))
    assert out["generated_at"] == "own"
    assert out["intros"][0] == {"id": 1, "drafts": [{"kind": "intro_ask"}], "key": "intros:1", "section": "intros"}
    plain = digest_json(base)
    assert plain["generated_at"] == NOW.isoformat() and plain["events"][0]["key"] == "events:3"


def test_templates_reject_unknown_names():
    html_env, _ = make_environments(TEMPLATES)
    with pytest.raises(Exception, match="undefined"):
        html_env.from_string("{{ nope }}").render()


def test_an_introduction_shows_the_opt_in_note_whole_and_the_introduction_as_one_line():
    helper, asker = Address("Dana Okafor", "dana@x.example"), Address("Priya R", "priya@y.example")
    ask = Draft((helper,), "Would you talk to Priya?", "Hi Dana,\n\nPriya needs a patent attorney.\n", kind="intro_ask")
    connect = Draft((asker, helper), "Intro: Priya <> Dana", "Priya, meet Dana.\n\nPriya needs a patent attorney.\n",
                    kind="intro_connect")
    item = Suggestion("intros", "intro:1", "Priya asked for a patent attorney.", 1.0, (asker, helper),
                      (ask, connect), {}, id=1)
    text, html = bodies(render(digest(item)))
    for part in (text, html):
        flat = " ".join(part.split())
        assert flat.count("Priya needs a patent attorney.") == 1, "each quote appears once"
        assert "connect 1" in flat and "Priya R and Dana Okafor" in flat and "First, ask the helper" in flat
    assert 'href="mailto:dana@x.example?subject=Would%20you%20talk%20to%20Priya%3F&amp;body=Hi%20Dana,%0D%0A' \
           '%0D%0APriya%20needs%20a%20patent%20attorney.' in " ".join(html.split())
