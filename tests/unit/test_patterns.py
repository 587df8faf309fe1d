"""Named cue patterns and the gate generated from them: the gate never hides a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import MessageRefused
from assistant.models import Owner, StoredMessage
from assistant.reading.gate import Gate, named, required_literals
from assistant.understanding import cues
from assistant.understanding.sentences import sentences

GATED = {
    "ask": {"raise": cues.RAISE, **cues.ASK_PATTERNS},
    "offer": {"job_seeker": cues.JOB_SEEKER, **cues.OFFER_PATTERNS},
    "news": {**cues.NEWS_PATTERNS, **cues.NEWS_NAMED},
    "helped": {**cues.INTRO_PATTERNS, **cues.REFERRAL_PATTERNS, **cues.INVITE_PATTERNS},
    "other": {"confidential": cues.CONFIDENTIAL, "ask_leadin": cues.ASK_LEADIN, "follow_up": cues.FOLLOW_UP},
}
_OWNER = Owner("Alex Morgan", "alex@morgan-advisory.example")
CASES = [(kind, name) for kind, patterns in GATED.items() for name in patterns]


def _admits(text: str, pattern: re.Pattern[str]) -> bool:
    return bool(cues.GATE.candidates(text) & cues.GATE.mask(pattern))


def _by_substrings(gate: Gate, text: str) -> int:
    """What the gate's one scan must answer on ASCII text, the slow way: pattern i's bit is set
    when one of the literals it requires is in the lower-cased text."""
    lowered = text.lower()
    return sum(1 << i for i, pattern in enumerate(gate.patterns)
               if any(literal in lowered for literal in required_literals(pattern)))


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


def test_a_pattern_that_needs_no_literal_cannot_be_gated():
    with pytest.raises(ValueError, match="requires no literal"):
        required_literals(re.compile(r"\w+\s+\d+"))
    with pytest.raises(ValueError):
        Gate(named(want_anything=r"(?:please|)\s*\w+").values())


def test_every_pattern_the_finders_run_is_gated():
    gated = {id(p) for p in cues.GATE.patterns}
    assert all(id(p) in gated for patterns in GATED.values() for p in patterns.values())
    assert cues.ASKING & cues.OFFERING == 0 and cues.HELPING & cues.TELLING == 0
    assert [p for _, p in cues.ASKS] == list(cues.ASK_PATTERNS.values())  # the finders' order is kept
    assert [name for name, _ in cues.OFFERS] == list(cues.OFFER_PATTERNS)


def test_patterns_are_referred_to_by_name():
    assert list(cues.OFFER_PATTERNS)[:2] == ["accepting_new", "room_for_more"]
    assert cues.OFFER_CAPACITY <= set(cues.OFFER_PATTERNS)
    assert cues.INTRO_ADDRESSED <= set(cues.INTRO_PATTERNS)
    assert "named_subject" in cues.NEWS_NAMED


@pytest.mark.slow
@pytest.mark.parametrize("kind, name", CASES)
def test_the_gate_admits_every_text_a_pattern_matches(kind, name):
    pattern = GATED[kind][name]

    @settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def admitted(text: str) -> None:
        assert _admits(text, pattern), f"the gate hides a match of {kind} {name}: {text!r}"

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


def test_on_the_sample_mailbox_the_gate_hides_no_match():
    found = 0
    for sentence in _sample_sentences():
        for pattern in cues.GATE.patterns:
            if pattern.search(sentence):
                found += 1
                assert _admits(sentence, pattern), (pattern.pattern[:60], sentence)
    assert found > 50  # the sample holds asks, offers, news and introductions to check against


def test_the_scan_answers_as_looking_for_each_literal_does():
    gate = Gate(named(re.I, a=r"\bneed (?:a|an)\b", b=r"\bneeds? help\b", c=r"\bhelp\b",
                      d=r"\bintro(?:duce)?\b").values())
    for text in ("We NEED A plumber", "she needs help", "help", "introduce me", "intro", "nothing here",
                 "needs help and an intro", "need an answer"):
        assert gate.candidates(text) == _by_substrings(gate, text), text
    assert gate.candidates("needs help") == 0b110  # "needs help" holds "need" only inside "needs": a is out


@pytest.mark.parametrize("text", [
    "\u212aind regards",  # Kelvin sign: IGNORECASE and lower() both read "k"
    "\u017fELF-taught",  # long s: IGNORECASE reads "s", lower() keeps it
    "\u0130NTRO to Ana",  # dotted capital I: IGNORECASE reads "i", lower() makes two characters
    "D\u0131d you MEET her",  # dotless i
    "Caf\u00e9 intro, Stra\u00dfe",  # nothing folds here: lower() alone
    "na\u00efve help",
])
def test_on_text_that_is_not_ascii_the_gate_admits_every_pattern_that_matches(text):
    gate = Gate(named(re.I, kind=r"\bkind\b", self_=r"\bself\b", intro=r"\bintro\b", meet=r"did you meet",
                      help=r"\bhelp\b").values())
    assert gate.everything != gate.candidates("\u00e9")  # ASCII literals: such text is read, not waved through
    matching = sum(1 << i for i, p in enumerate(gate.patterns) if p.search(text))
    assert matching, text  # each text matches one of the patterns
    assert gate.candidates(text) & matching == matching, text


def test_a_literal_that_is_not_ascii_lets_such_text_match_anything():
    gate = Gate(named(re.I, a=r"r\u00e9sum\u00e9", b=r"\bhelp\b").values())
    assert gate.candidates("R\u00c9SUM\u00c9 attached") == gate.everything
    assert gate.candidates("resume attached") == 0
    assert gate.candidates("help") == 0b10


_FRAGMENTS = sorted(cues.GATE.literals)[::7] + [" ", "x", "I ", "We", ".", "-"]


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join)
       | st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_on_any_ascii_text_the_gate_finds_every_literal(text):
    assert cues.GATE.candidates(text) == _by_substrings(cues.GATE, text)


@settings(max_examples=400, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?…\"')] \n\tDP(3-")), max_size=40))
def test_without_emoticon_marks_the_fast_sentence_end_finds_the_same_ends(text):
    assert [m.span() for m in cues.END_MARK.finditer(text)] == [m.span() for m in cues.SENTENCE_END.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    ("Thanks. See you soon", ["Thanks.", "See you soon"]),
    ("Dr. Lee said yes. Then what?", ["Dr. Lee said yes.", "Then what?"]),
    ("Great news :) we won", ["Great news :)", "we won"]),
    ("Visit www.example.com. It helps", ["Visit www.example.com.", "It helps"]),
    ("line one\nLine two", ["line one", "Line two"]),
    # an aside in brackets: its sentences without the bracket that opens or closes it (a real letter's
    # "(It looks like we MIGHT have a new baby..." read as much less like news with its bracket)
    ("Kids make Christmas.  (It looks like we MIGHT have a new baby. WE HOPE SO!)",
     ["Kids make Christmas.", "It looks like we MIGHT have a new baby.", "WE HOPE SO!"]),
    ("(We closed the round.) [Hiring now.]", ["We closed the round.", "Hiring now."]),
    ("Call me (not Ann) today. We won (finally)!", ["Call me (not Ann) today.", "We won (finally)!"]),
    ("It worked ;-) Thanks (again :)", ["It worked ;-)", "Thanks (again :)"]),
    ("(We won the grant :) More soon. (So happy for you ;-)", ["We won the grant :)", "More soon.",
                                                               "So happy for you ;-)"]),
    ("Hi all. (We meet in room 208)", ["Hi all.", "We meet in room 208"]),  # a number, not a smile "8)"
])
def test_sentences_split_at_end_marks_and_emoticons(text, expected):
    assert sentences(text) == expected


# -- what the gate and the cheaper checks must leave exactly as it was -------------------------------

def test_a_sentence_that_asks_offers_nothing_even_when_an_offer_pattern_matches():
    from assistant.understanding.offers import find_offers

    assert find_offers("We're now accepting new clients.")  # the offer alone
    assert find_offers("We're now accepting new clients and we need a bookkeeper for them.") == []


def test_the_intro_veto_still_holds_when_an_introduction_pattern_matches():
    from assistant.understanding.favours import find_helped, is_introduction

    assert find_helped("Alex, meet Dana Reyes.", ["Alex Morgan"])  # the introduction alone
    vetoed = "Thanks for the intro; Alex, meet Dana Reyes."
    assert find_helped(vetoed, ["Alex Morgan"]) == [] and not is_introduction(vetoed)


@pytest.mark.parametrize("text, expected", [
    ("Read www.example.com/news\u2026 Then call me", ["Read www.example.com/news\u2026 Then call me"]),  # in a URL
    ("Great news ;) we won", ["Great news ;)", "we won"]),
    ("Love it <3 see you", ["Love it <3", "see you"]),
])
def test_urls_and_every_kind_of_emoticon_are_still_read(text, expected):
    assert sentences(text) == expected


def test_a_mail_domain_with_a_two_letter_end_still_gives_its_trade():
    from assistant.understanding.taxonomy import industries_of

    assert industries_of("jane@smithlaw.co") == ("legal",)


def test_a_gate_over_no_patterns_admits_nothing():
    assert Gate(()).candidates("anything at all") == 0


def _labeled_sentences() -> list[str]:
    import json

    root = Path(__file__).resolve().parents[2] / "tools" / "data" / "sentences"
    return [json.loads(line)["text"] for path in sorted(root.glob("*.jsonl"))
            for line in path.read_text().splitlines() if line.strip()]


@pytest.mark.slow
def test_the_gate_changes_no_finding(monkeypatch):
    """Every finder over the sample mailbox and the 25,000 labeled sentences, with the gate and with
    a gate that admits every pattern everywhere: the same findings."""
    from assistant.understanding import asks
    from assistant.understanding.extract import findings
    from assistant.understanding.favours import is_introduction
    from assistant.understanding.taxonomy import industries_of

    texts = _sample_sentences() + _labeled_sentences()
    assert len(texts) > 20_000

    def read_all() -> list[object]:
        asks.ask_in.cache_clear()  # nothing remembered from the other run
        return [(findings(t, title=None, owner_names=("Alex Morgan",), sent=None), is_introduction(t),
                 industries_of(t)) for t in texts]

    gated = read_all()
    monkeypatch.setattr(cues, "possible", lambda sentence: cues.GATE.everything)
    everything = read_all()
    assert sum(bool(f) for f, _, _ in gated) > 500
    assert gated == everything
