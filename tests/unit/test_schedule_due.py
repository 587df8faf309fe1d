"""Once a week at the user's local day and time: DST, downtime, restarts and clock changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from assistant.digest.schedule import is_digest_due, latest_slot, next_slot

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(tz: ZoneInfo, *args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=tz, fold=fold)


MONDAY_8 = ("monday", time(8, 0))
# (case, tz, (day, at), now, last_sent, due)
TABLE = [
    # ordinary weeks
    ("exactly at the slot", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 2, 8, 0), local(BERLIN, 2026, 2, 23, 8, 0), True),
    ("a minute early", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 2, 7, 59), local(BERLIN, 2026, 2, 23, 8, 0), False),
    ("already sent this week", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 4, 12), local(BERLIN, 2026, 3, 2, 8, 1),
     False),
    ("sent exactly at the slot", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 2, 8, 5), local(BERLIN, 2026, 3, 2, 8),
     False),
    ("late by 3 days: caught up", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 5, 8, 0), local(BERLIN, 2026, 2, 23, 8),
     True),
    ("caught up already", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 5, 8, 1), local(BERLIN, 2026, 3, 5, 8, 0), False),
    ("down two weeks: one digest", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 12, 9), local(BERLIN, 2026, 2, 23, 8),
     True),
    ("the day before the slot", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 1, 23, 59), local(BERLIN, 2026, 2, 23, 9),
     False),
    ("now given in UTC", BERLIN, MONDAY_8, utc(2026, 3, 2, 7, 0), local(BERLIN, 2026, 2, 23, 8), True),
    ("now in UTC, an hour early", BERLIN, MONDAY_8, utc(2026, 3, 2, 6, 59), local(BERLIN, 2026, 2, 23, 8), False),
    # Berlin: spring forward on Sunday 29 March 2026 (02:00 -> 03:00), back on Sunday 25 October (03:00 -> 02:00)
    ("Berlin: Monday after spring forward, 08:00 CEST", BERLIN, MONDAY_8, utc(2026, 3, 30, 6, 0),
     utc(2026, 3, 23, 7, 0), True),
    ("Berlin: Monday after spring forward, 07:59 CEST", BERLIN, MONDAY_8, utc(2026, 3, 30, 5, 59),
     utc(2026, 3, 23, 7, 0), False),
    ("Berlin: Monday after fall back, 07:30 CET is not 08:00", BERLIN, MONDAY_8, utc(2026, 10, 26, 6, 30),
     utc(2026, 10, 19, 6, 0), False),
    ("Berlin: Monday after fall back, 08:00 CET", BERLIN, MONDAY_8, utc(2026, 10, 26, 7, 0),
     utc(2026, 10, 19, 6, 0), True),
    ("Berlin: slot in the skipped hour runs at 03:30 CEST", BERLIN, ("sunday", time(2, 30)),
     local(BERLIN, 2026, 3, 29, 3, 30), local(BERLIN, 2026, 3, 22, 2, 30), True),
    ("Berlin: skipped hour, 03:29 CEST is early", BERLIN, ("sunday", time(2, 30)),
     local(BERLIN, 2026, 3, 29, 3, 29), local(BERLIN, 2026, 3, 22, 2, 30), False),
    ("Berlin: repeated hour, first 02:30 sends", BERLIN, ("sunday", time(2, 30)),
     local(BERLIN, 2026, 10, 25, 2, 30), local(BERLIN, 2026, 10, 18, 2, 30), True),
    ("Berlin: repeated hour, second 02:30 does not send again", BERLIN, ("sunday", time(2, 30)),
     local(BERLIN, 2026, 10, 25, 2, 30, fold=1), local(BERLIN, 2026, 10, 25, 2, 31), False),
    # New York: spring forward Sunday 8 March 2026, back on Sunday 1 November
    ("New York: slot in the skipped hour", NEW_YORK, ("sunday", time(2, 30)), utc(2026, 3, 8, 7, 30),
     utc(2026, 3, 1, 7, 30), True),
    ("New York: skipped hour, 03:29 EDT is early", NEW_YORK, ("sunday", time(2, 30)), utc(2026, 3, 8, 7, 29),
     utc(2026, 3, 1, 7, 30), False),
    ("New York: repeated 01:30, first time", NEW_YORK, ("sunday", time(1, 30)), utc(2026, 11, 1, 5, 30),
     utc(2026, 10, 25, 5, 30), True),
    ("New York: repeated 01:30, second time", NEW_YORK, ("sunday", time(1, 30)), utc(2026, 11, 1, 6, 30),
     utc(2026, 11, 1, 5, 31), False),
    ("New York: Monday 9:00 after fall back", NEW_YORK, ("monday", time(9)), utc(2026, 11, 2, 14, 0),
     utc(2026, 10, 26, 13, 0), True),
    ("New York: Monday 8:00 EST is not 9:00", NEW_YORK, ("monday", time(9)), utc(2026, 11, 2, 13, 0),
     utc(2026, 10, 26, 13, 0), False),
    # the clock moved
    ("clock moved back before this week's slot", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 2, 6, 0),
     local(BERLIN, 2026, 3, 2, 8, 5), False),
    ("clock moved back, passes the slot again", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 2, 8, 1),
     local(BERLIN, 2026, 3, 2, 8, 5), False),
    ("clock moved back by three days", BERLIN, MONDAY_8, local(BERLIN, 2026, 2, 27, 12),
     local(BERLIN, 2026, 3, 2, 8, 5), False),
    ("last send more than a week ahead is a clock error", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 2, 12),
     local(BERLIN, 2027, 1, 4, 8, 0), True),
    ("clock moved forward into next week", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 9, 9),
     local(BERLIN, 2026, 3, 2, 8, 0), True),
    # first run
    ("a manual first send (no service start recorded) is due", BERLIN, MONDAY_8, local(BERLIN, 2026, 3, 4, 15),
     None, True),
]


def test_the_service_sends_its_first_digest_at_the_next_slot_not_at_once():
    day, at = MONDAY_8
    started = local(BERLIN, 2026, 3, 4, 15)  # a Wednesday afternoon
    assert not is_digest_due(local(BERLIN, 2026, 3, 4, 15, 1), None, day, at, BERLIN, started)
    assert not is_digest_due(local(BERLIN, 2026, 3, 9, 7, 59), None, day, at, BERLIN, started)
    assert is_digest_due(local(BERLIN, 2026, 3, 9, 8, 0), None, day, at, BERLIN, started)
    assert is_digest_due(local(BERLIN, 2026, 3, 20, 12), None, day, at, BERLIN, started), "caught up after downtime"


@pytest.mark.parametrize("case, tz, when, now, last_sent, due", TABLE, ids=[row[0] for row in TABLE])
def test_is_digest_due(case, tz, when, now, last_sent, due):
    day, at = when
    assert is_digest_due(now, last_sent, day, at, tz) is due


@pytest.mark.parametrize("now, expected", [
    (local(BERLIN, 2026, 3, 27, 12), local(BERLIN, 2026, 3, 30, 8)),  # across spring forward
    (local(BERLIN, 2026, 3, 30, 8), local(BERLIN, 2026, 4, 6, 8)),  # at the slot: the next one
    (local(BERLIN, 2026, 3, 30, 7, 59), local(BERLIN, 2026, 3, 30, 8)),
    (utc(2026, 10, 26, 6, 30), local(BERLIN, 2026, 10, 26, 8)),  # across fall back
])
def test_next_slot_is_strictly_after_now_in_local_time(now, expected):
    slot = next_slot(now, "Monday", time(8), BERLIN)
    assert slot == expected and slot.utcoffset() == expected.utcoffset()
    assert (slot.astimezone(BERLIN).hour, slot.astimezone(BERLIN).minute) == (8, 0)


def test_latest_slot_in_the_skipped_hour_is_a_single_real_instant():
    slot = latest_slot(local(BERLIN, 2026, 3, 29, 12), "sunday", time(2, 30), BERLIN)
    assert slot.astimezone(UTC) == utc(2026, 3, 29, 1, 30)


@pytest.mark.parametrize("tz, day, at", [(BERLIN, "sunday", time(2, 30)), (NEW_YORK, "sunday", time(1, 30)),
                                         (NEW_YORK, "friday", time(17, 45)), (BERLIN, "monday", time(0, 0))])
def test_a_year_of_ticks_with_downtime_sends_once_a_week(tz, day, at):
    """Every 10 minutes through 2026, down now and then: one digest per slot, never two in a week."""
    tick, now, end = timedelta(minutes=10), utc(2026, 1, 1), utc(2027, 1, 1)
    last_sent: datetime | None = utc(2025, 12, 31)
    sends = []
    n = 0
    while now < end:
        n += 1
        down = (n // 200) % 17 == 5  # about 33 hours down every 118 hours
        if not down and is_digest_due(now, last_sent, day, at, tz):
            sends.append(now)
            last_sent = now
        now += tick
    slots = {latest_slot(s, day, at, tz) for s in sends}
    assert len(slots) == len(sends)  # each send belongs to a different slot
    for sent in sends:
        slot = latest_slot(sent, day, at, tz).astimezone(UTC)
        assert slot <= sent < slot + timedelta(days=7)
    assert 50 <= len(sends) <= 53
    on_time = [s for s in sends if s - latest_slot(s, day, at, tz).astimezone(UTC) < tick]
    assert len(on_time) >= 40


@pytest.mark.parametrize("call", [
    lambda: is_digest_due(datetime(2026, 3, 2, 8), None, "monday", time(8), BERLIN),
    lambda: is_digest_due(utc(2026, 3, 2), datetime(2026, 3, 1), "monday", time(8), BERLIN),
    lambda: is_digest_due(utc(2026, 3, 2), utc(2026, 3, 1), "mondays", time(8), BERLIN),
    lambda: next_slot(datetime(2026, 3, 2, 8), "monday", time(8), BERLIN),
])
def test_naive_times_and_unknown_days_are_refused(call):
    with pytest.raises(ValueError):
        call()
