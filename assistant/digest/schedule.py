"""When the weekly digest is due: one slot a week, in the user's own timezone, caught up once. Pure.

The daemon ticks every minute and asks `is_digest_due(now, last_sent, ...)`; it records `last_sent`
itself after a successful send. The week's slot is computed in local wall time (so "Monday 08:00"
stays 08:00 across DST changes) and every comparison is made between UTC instants.

Rules:
- due when the latest slot at or before `now` has no digest sent at or after it;
- a daemon that was down at the slot sends at its next tick, once, however many slots it missed;
- a last send that lies in the future (the clock was moved back) keeps the digest not due, unless it
  is more than a week ahead: that record cannot be right, and one digest re-anchors it;
- with no digest sent yet, the first goes out at the first slot after the service first started
  (`started`), never at the moment it starts: a fresh start at 14:00 on a Wednesday waits for the
  slot. Without a recorded start (a manual `digest --send`), it is due at once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CLOCK_ERROR = timedelta(days=7)


def is_digest_due(now: datetime, last_sent: datetime | None, day: str, at: time, tz: ZoneInfo,
                  started: datetime | None = None) -> bool:
    """True when a digest should be sent at this tick (see the module rules)."""
    _require_aware(now, "now")
    if last_sent is None:
        if started is None:
            return True
        _require_aware(started, "started")
        return latest_slot(now, day, at, tz).astimezone(UTC) >= started.astimezone(UTC)
    _require_aware(last_sent, "last_sent")
    sent = last_sent.astimezone(UTC)
    current = now.astimezone(UTC)
    if sent - current > _CLOCK_ERROR:
        return True
    return sent < latest_slot(now, day, at, tz).astimezone(UTC)


def latest_slot(now: datetime, day: str, at: time, tz: ZoneInfo) -> datetime:
    """The most recent slot at or before `now`, as an aware datetime in `tz`."""
    _require_aware(now, "now")
    local = now.astimezone(tz)
    start = local.date() - timedelta(days=(local.weekday() - _weekday(day)) % 7)
    slot = _slot_on(start, at, tz)
    if slot.astimezone(UTC) > now.astimezone(UTC):
        slot = _slot_on(start - timedelta(days=7), at, tz)
    return slot


def next_slot(now: datetime, day: str, at: time, tz: ZoneInfo) -> datetime:
    """The first slot strictly after `now`, as an aware datetime in `tz`."""
    latest = latest_slot(now, day, at, tz)
    return _slot_on(latest.date() + timedelta(days=7), at, tz)


def _slot_on(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The slot's instant on a calendar day in tz.

    A time skipped by spring-forward (02:30 in Berlin) resolves to the instant an hour later on the
    wall clock; a repeated time (autumn) resolves to its first occurrence (fold=0). Either way there
    is exactly one instant per week.
    """
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def _weekday(day: str) -> int:
    try:
        return DAYS.index(day.strip().lower())
    except ValueError:
        raise ValueError(f"day must be one of {', '.join(DAYS)}, not {day!r}") from None


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
