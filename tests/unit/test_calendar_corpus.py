"""Real-world .ics files from many calendar programs: the event title must be their SUMMARY.

Mirrors `calendar_cases` of the shared conformance check (../shared/conformance/check.py),
calling events_from_ics directly. Skipped when the corpus is absent (see tests/corpora.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.reading.ics import events_from_ics
from tests.corpora import CORPORA, require

CALENDAR = CORPORA / "calendar"
BAR = 0.95


def _summary(text: str) -> str | None:
    """The SUMMARY of a file with exactly one VEVENT, unescaped as the conformance check does."""
    text = re.sub(r"\r?\n[ \t]", "", text)
    events = re.findall(r"BEGIN:VEVENT(.*?)END:VEVENT", text, flags=re.S)
    if len(events) != 1:
        return None
    m = re.search(r"^SUMMARY(?:;[^:\n]*)?:(.*)$", events[0], flags=re.M)
    if not m or not m.group(1).strip():
        return None
    s = m.group(1).strip()
    return s.replace("\\,", ",").replace("\\;", ";").replace("\\n", " ").replace("\\N", " ").replace("\\\\", "\\")


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _cases() -> list[tuple[Path, bytes, str]]:
    cases = []
    for path in sorted(CALENDAR.rglob("*.ics")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        want = _summary(text)
        if want and ("RRULE" not in text or "meetup" in path.name.lower()):
            cases.append((path, raw, want))
    return cases


@pytest.fixture(scope="module")
def calendar_dir() -> Path:
    return require(CALENDAR)


@pytest.fixture(scope="module")
def corpus(calendar_dir: Path) -> list[tuple[Path, bytes, str]]:
    cases = _cases()
    assert cases, f"no usable .ics files under {CALENDAR}"
    return cases


def test_event_titles_match_summaries_of_real_world_calendars(corpus: list[tuple[Path, bytes, str]]) -> None:
    failed = []
    for path, raw, want in corpus:
        events = events_from_ics(raw)
        if not events or _norm(events[0].title) != _norm(want):
            failed.append(f"{path.relative_to(CORPORA)}: want {want!r}, got {events[0].title if events else None!r}")
    score = 1 - len(failed) / len(corpus)
    assert score >= BAR, f"{score:.3f} < {BAR}:\n" + "\n".join(failed)


def test_no_calendar_file_makes_the_reader_raise(calendar_dir: Path) -> None:
    for path in sorted(calendar_dir.rglob("*.ics")):
        raw = path.read_bytes()
        for data in (raw, raw[: len(raw) // 2], raw.decode("utf-8", "replace")):
            assert isinstance(events_from_ics(data), list), path
