"""Inline forwards from 12 mail clients in 22 languages (crisp-email-forward-parser fixtures).

Scored like the conformance script: each ``*_body*.txt`` with its paired outer subject must
yield the expected original subject and sender; variant 4 is a reply, variants 13-15 only
need a forward found, variants 9 and 12 only the subject.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.reading.forwards import find_forward
from tests.corpora import CORPORA, require

FIXTURES = CORPORA / "forwarded" / "crisp-email-forward-parser" / "fixtures"
BAR = 0.95


def _expected() -> tuple[str, str]:
    text = (FIXTURES.parent / "EXPECTED.md").read_text()
    subject = re.search(r'original subject: "([^"]+)"', text)
    sender = re.search(r"original From: [^<\n]*<([^>]+)>", text)
    assert subject and sender, "EXPECTED.md no longer states the common expectation"
    return subject.group(1), sender.group(1)


def _subjects_for(key: str, subjects: dict[str, str]) -> list[str]:
    exact = [s for k, s in subjects.items() if k == key]
    if exact:
        return exact[:3]
    if key == "outlook_live":
        return [s for k, s in subjects.items() if k.startswith("outlook_live_")][:3]
    return ["Fwd: Integer consequat non purus"]


def _passes(body: Path, subject: str, want_subject: str, want_sender: str) -> bool:
    match = re.search(r"_variant_(\d+)", body.name)
    variant = int(match.group(1)) if match else 0
    fwd = find_forward(body.read_text(errors="replace"), subject)
    if variant == 4:
        return fwd is None
    if fwd is None:
        return False
    if variant in (13, 14, 15):
        return True
    if " ".join(fwd.subject.split()) != want_subject:
        return False
    return variant in (9, 12) or (fwd.sender is not None and fwd.sender.email == want_sender)


def test_crisp_fixtures_pass_rate() -> None:
    require(FIXTURES)
    want_subject, want_sender = _expected()
    subjects = {p.name[:-len("_subject.txt")]: p.read_text(errors="replace").strip()
                for p in FIXTURES.glob("*_subject.txt")}
    results = {f"{body.name} [{subject}]": _passes(body, subject, want_subject, want_sender)
               for body in sorted(FIXTURES.glob("*_body*.txt"))
               for subject in _subjects_for(body.name.split("_body")[0], subjects)}
    failed = sorted(name for name, ok in results.items() if not ok)
    rate = 1 - len(failed) / len(results)
    assert len(results) > 150
    assert rate >= BAR, f"pass rate {rate:.3f} < {BAR}; failed: {failed}"
