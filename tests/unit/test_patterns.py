"""Named cue patterns and the prefilters generated from them: a prefilter never hides a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import MessageRefused
from assistant.models import Owner, StoredMessage
from assistant.reading.prefilter import named, prefilter, required_literals
from assistant.understanding import cues
from assistant.understanding.sentences import sentences

GUARDED = {
    "ask": (cues.ASK_PREFILTER, {"raise": cues.RAISE, **cues.ASK_PATTERNS}),
    "offer": (cues.OFFER_PREFILTER, {"job_seeker": cues.JOB_SEEKER, **cues.OFFER_PATTERNS}),
    "news": (cues.NEWS_PREFILTER, {**cues.NEWS_PATTERNS, **cues.NEWS_NAMED}),
    "helped": (cues.HELP_PREFILTER, {**cues.INTRO_PATTERNS, **cues.REFERRAL_PATTERNS, **cues.INVITE_PATTERNS}),
}
_OWNER = Owner("Alex Morgan", "alex@morgan-advisory.example")
CASES = [(kind, name) for kind, (_, patterns) in GUARDED.items() for name in patterns]


@pytest.mark.parametrize("source, flags, expected", [
    (r"\bneeds? (?:a|an) lawyer", 0, {"need a lawyer", "need an lawyer", "needs a lawyer", "needs an lawyer"}),
    (r"(?:we|i) (?:hire|recruit)\w*", re.I, {"we hire", "we recruit", "i hire", "i recruit"}),
    (r"x?(?:looking|searching) for\s+\w+", 0, {"looking for", "searching for"}),
    (r"(?:a|b|c)\d+(?:introduc|connect)", 0, {"introduc", "connect"}),
    (r"Hello(?=\s)\s+World", 0, {"hello"}),
    (r"(?i:MEET)\s+[A-Z]\w+", 0, {"meet"}),
    (r"(?:cc'?e?d|copied)\)", 0, {"ccd)", "cced)", "cc'd)", "cc'ed)", "copied)"}),
])
def test_required_literals_are_read_off_the_pattern(source, flags, expected):
    assert required_literals(re.compile(source, flags)) == expected


def test_a_pattern_that_needs_no_literal_cannot_be_prefiltered():
    with pytest.raises(ValueError, match="requires no literal"):
        required_literals(re.compile(r"\w+\s+\d+"))
    with pytest.raises(ValueError):
        prefilter(named(want_anything=r"(?:please|)\s*\w+"))


def test_patterns_are_referred_to_by_name():
    assert list(cues.OFFER_PATTERNS)[:2] == ["accepting_new", "room_for_more"]
    assert cues.OFFER_CAPACITY <= set(cues.OFFER_PATTERNS)
    assert cues.INTRO_ADDRESSED <= set(cues.INTRO_PATTERNS)
    assert "named_subject" in cues.NEWS_NAMED


@pytest.mark.slow
@pytest.mark.parametrize("kind, name", CASES)
def test_each_prefilter_admits_every_text_its_patterns_match(kind, name):
    guard, patterns = GUARDED[kind]
    pattern = patterns[name]

    @settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def admitted(text: str) -> None:
        assert guard.search(text), f"{kind} prefilter hides a match of {name}: {text!r}"

    admitted()


def _sample_sentences() -> list[str]:
    from assistant.reading.parse import parse_message

    root = Path(__file__).resolve().parents[2] / "assistant" / "sample" / "Maildir"
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and "sample" in path.name:
            try:
                message = parse_message(path.read_bytes())
            except MessageRefused:
                continue
            found += sentences(StoredMessage.from_message(message, _OWNER, "inbox:").reply_text)
    return found



def test_on_the_sample_mailbox_no_prefilter_hides_a_match():
    for sentence in _sample_sentences():
        for kind, (guard, patterns) in GUARDED.items():
            if any(p.search(sentence) for p in patterns.values()):
                assert guard.search(sentence), (kind, sentence)


def test_the_fast_lowered_search_answers_as_ignoring_case_does():
    from assistant.reading.prefilter import Prefilter

    guard = Prefilter({"looking for", "kindly", "résumé"})
    assert guard.lowered is None  # a non-ASCII literal: always the IGNORECASE pattern
    ascii_only = Prefilter({"looking for", "kindly", "intro"})
    assert ascii_only.lowered is not None
    for text in ("We are LOOKING FOR a CFO", "Kindly advise", "no match here", "INTRO?",
                 "\u212aindly advise",  # Kelvin sign: IGNORECASE folds it to "k"; not ASCII, so not lowered
                 "looking\tfor"):
        assert bool(ascii_only.search(text)) == bool(ascii_only.any_case.search(text)), text
    assert ascii_only.search("\u212aindly advise")


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_on_any_ascii_text_the_prefilters_agree_with_ignoring_case(text):
    for guard, _ in GUARDED.values():
        assert bool(guard.search(text)) == bool(guard.any_case.search(text))
