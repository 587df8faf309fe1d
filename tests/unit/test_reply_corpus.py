"""Scores split_reply against the discourse and talon reply corpora, as the conformance script does."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

from assistant.addresses import parse_address
from assistant.models import Address
from assistant.reading.html_text import html_to_text
from assistant.reading.replies import split_reply
from tests.corpora import CORPORA, require

REPLIES = CORPORA / "replies"
DISCOURSE = REPLIES / "discourse-email_reply_trimmer" / "test"
TALON = REPLIES / "mailgun-talon" / "tests" / "fixtures" / "standard_replies"
BAR = 0.85


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def body_and_sender(raw: bytes) -> tuple[str, Address | None]:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    part = msg.get_body(("plain", "html"))
    text = part.get_content() if part is not None else ""
    if part is not None and part.get_content_type() == "text/html":
        text = html_to_text(text)
    return text, parse_address(str(msg.get("From", "")))


def corpus_cases() -> list[tuple[str, bytes, str]]:
    cases = []
    for src in sorted((DISCOURSE / "emails").glob("*.txt")):
        expected = DISCOURSE / "trimmed" / src.name
        if not expected.exists():
            continue
        wrapper = EmailMessage()
        wrapper["From"] = "Pat Owner <pat@owner.example>"
        wrapper["Subject"] = "Re: weekly update"
        wrapper.set_content(src.read_text(errors="replace"))
        cases.append((f"discourse {src.name}", wrapper.as_bytes(), norm(expected.read_text(errors="replace"))))
    for src in sorted(TALON.glob("*.eml")):
        expected = TALON / f"{src.stem}_reply_text"
        want = norm(expected.read_text(errors="replace")) if expected.exists() else "Hello"
        cases.append((f"talon {src.name}", src.read_bytes(), want))
    return cases


def test_reply_corpus_meets_the_bar() -> None:
    require(DISCOURSE)
    require(TALON)
    cases = corpus_cases()
    assert cases
    failed = []
    for label, raw, want in cases:
        text, sender = body_and_sender(raw)
        reply, _ = split_reply(text, sender)
        if norm(reply) != want:
            failed.append(label)
    score = 1 - len(failed) / len(cases)
    assert score >= BAR, f"{score:.3f} < {BAR}; failed: {failed}"
