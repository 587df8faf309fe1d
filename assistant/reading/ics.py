"""Calendar files (.ics, .vcs) -> Event. Pure.

Decisions the rest of the assistant relies on (the same as for announcements, see events.py):

* datetimes are aware and in UTC; a floating (zone-less) time is read as UTC;
* all-day events have ``date`` values and ``end`` is the last day *inclusive* (the .ics DTEND
  of an all-day event is exclusive and is converted), ``None`` for a single day;
* cancelled events (METHOD:CANCEL or STATUS:CANCELLED) are dropped: never suggest them;
* a recurring event keeps the DTSTART of its series; overridden instances (RECURRENCE-ID)
  are dropped when their series is in the same file.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Calendar
from icalendar.error import InvalidCalendar

from assistant.addresses import clean_text
from assistant.models import Event

logger = logging.getLogger(__name__)

URL = re.compile(r"https?://[^\s<>\"'`\\)\]]+", re.I)
MAX_ICS_BYTES = 4_000_000  # an invitation is kilobytes; a whole exported calendar is not one
_PARSE_ERRORS = (InvalidCalendar, ValueError, KeyError, IndexError, TypeError, AttributeError,
                 OverflowError, RecursionError, UnicodeError)

_VEVENT = re.compile(rb"BEGIN:VEVENT", re.I)
_METHOD_LINE = re.compile(rb"^METHOD:\s*([A-Za-z-]+)", re.M)
_FOLD = re.compile(r"\r?\n[ \t]")
_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(?:;[^:\r\n]*)?:")
_MEETING_PROPS = ("X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "CONFERENCE")


def events_from_ics(data: bytes | str) -> list[Event]:
    """One Event per usable VEVENT in a calendar file; [] for anything unreadable."""
    # bytes, never str: icalendar opens a line-less str as a file path
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_ICS_BYTES or not _VEVENT.search(raw):
        return []
    components = _components(raw)
    events = []
    for component in components:
        if _method(component) in ("CANCEL", *ANSWERS):
            continue  # a cancellation (see cancelled_uids), or an answer about someone's invitation
        vevents = [component] if component.name == "VEVENT" else component.walk("VEVENT")
        series = {str(v.get("UID")) for v in vevents if "RECURRENCE-ID" not in v}
        for vevent in vevents:
            if "RECURRENCE-ID" in vevent and str(vevent.get("UID")) in series:
                continue
            try:
                event = _event(vevent)
            except _PARSE_ERRORS as exc:
                logger.debug("unreadable VEVENT: %s", exc)
                continue
            if event is not None:
                events.append(event)
    return events


ANSWERS = ("REPLY", "COUNTER", "DECLINECOUNTER", "REFRESH")  # iMIP answers to an invitation


def calendar_method(data: bytes | str) -> str:
    """The iTIP METHOD of a calendar file (REQUEST, PUBLISH, REPLY, CANCEL, ...), or ""."""
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_ICS_BYTES:
        return ""
    found = _METHOD_LINE.search(raw)
    return found.group(1).decode("ascii", "replace").upper() if found else ""


def cancelled_uids(data: bytes | str) -> tuple[str, ...]:
    """UIDs a calendar file cancels (METHOD:CANCEL, or STATUS:CANCELLED events)."""
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_ICS_BYTES or not _VEVENT.search(raw):
        return ()
    found = []
    for component in _components(raw):
        cancel = _method(component) == "CANCEL"
        vevents = [component] if component.name == "VEVENT" else component.walk("VEVENT")
        found += [_text(v.get("UID")) for v in vevents
                  if v.get("UID") and (cancel or _text(v.get("STATUS")).upper() == "CANCELLED")]
    return tuple(dict.fromkeys(found))


def _method(component: Any) -> str:
    return str(component.get("METHOD", "")).strip().upper()


def _components(raw: bytes) -> list[Any]:
    """Parsed top-level components; a damaged file is parsed again after _salvage."""
    try:
        components = Calendar.from_ical(raw, multiple=True)
        # an unterminated VCALENDAR parses "fine" into nothing
        if any(c.name == "VEVENT" or c.walk("VEVENT") for c in components):
            return components
    except _PARSE_ERRORS as exc:
        logger.debug("unreadable calendar, salvaging: %s", exc)
    salvaged = _salvage(raw)
    if not salvaged:
        return []
    try:
        return Calendar.from_ical(salvaged, multiple=True)
    except _PARSE_ERRORS as exc:
        logger.debug("unreadable calendar after salvage: %s", exc)
        return []


def _salvage(raw: bytes) -> str:
    """Only property lines, no VTIMEZONE or VALARM, BEGIN/END balanced (truncated files).

    Junk lines (a lone "X" between components), impossible VTIMEZONE offsets or a malformed
    alarm TRIGGER sink the whole parse; without the VTIMEZONE, zoneinfo still resolves an
    Olson or Windows TZID.
    """
    kept: list[str] = []
    stack: list[str] = []
    skipping = 0
    for line in _FOLD.sub("", raw.decode("utf-8", "replace")).splitlines():
        if not _CONTENT_LINE.match(line):
            continue
        key, _, value = line.partition(":")
        name = value.strip().upper()
        if key.upper() == "BEGIN":
            skipping += skipping > 0 or name in ("VTIMEZONE", "VALARM")
            if not skipping:
                stack.append(name)
        elif key.upper() == "END" and skipping:
            skipping -= 1
            continue
        elif key.upper() == "END":
            if name not in stack:
                continue
            while stack[-1] != name:
                kept.append(f"END:{stack.pop()}")
            stack.pop()
        if not skipping:
            kept.append(line)
    kept.extend(f"END:{name}" for name in reversed(stack))
    return "\r\n".join(kept) + "\r\n" if kept else ""


def _event(vevent: Any) -> Event | None:
    if _text(vevent.get("STATUS")).upper() == "CANCELLED":
        return None
    start = _when(vevent.get("DTSTART"))
    title = _text(vevent.get("SUMMARY"), 2000)
    if not title:
        if start is None:
            return None
        title = _text(vevent.get("DESCRIPTION")).split(". ")[0][:80] or "Untitled event"
    end = _when(vevent.get("DTEND"))
    if end is None and start is not None:
        end = _after(start, vevent.get("DURATION"))
    if type(start) is date and type(end) is date:
        # DTEND of an all-day event is the day after it ends
        end = end - timedelta(days=1) if end - timedelta(days=1) > start else None
    location = _text(vevent.get("LOCATION"))
    return Event(title=title, start=start, end=end, location=location or None,
                 url=_ics_url(vevent, location), source="ics", uid=_text(vevent.get("UID"), 500) or None)


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any, limit: int = 500) -> str:
    value = _first(value)
    return clean_text(str(value), limit) if value is not None else ""


def _when(prop: Any) -> date | datetime | None:
    prop = _first(prop)
    if prop is None:
        return None
    try:
        value = prop.dt
    except _PARSE_ERRORS:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    return value if isinstance(value, date) else None


def _after(start: date | datetime, duration: Any) -> date | datetime | None:
    try:
        span = _first(duration).dt
        return start + span if isinstance(span, timedelta) else None
    except (*_PARSE_ERRORS, OverflowError):
        return None


def _ics_url(vevent: Any, location: str) -> str | None:
    for name in ("URL", *_MEETING_PROPS):
        value = _text(vevent.get(name))
        if value.lower().startswith(("http://", "https://")):
            return value
    for text in (location, _text(vevent.get("DESCRIPTION"))):
        if found := URL.search(text):
            return found.group().rstrip(".,;:!?")
    return None
