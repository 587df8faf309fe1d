"""The reply grammar as a table: what a reply's own text says, and what it must never be read as."""

from __future__ import annotations

import pytest

from assistant.actions.grammar import read_commands


def parsed(text: str) -> list[tuple]:
    reading = read_commands(text)
    if reading.unclear:
        return ["UNCLEAR"]
    return [(c.verb, "all" if c.everything else c.numbers, c.weeks, c.text) for c in reading.commands]


S = "send"
TABLE = [
    # the plain forms
    ("send 1, 3", [(S, (1, 3), None, None)]),
    ("send 1,3", [(S, (1, 3), None, None)]),
    ("send 1 and 3", [(S, (1, 3), None, None)]),
    ("send 1 & 3", [(S, (1, 3), None, None)]),
    ("send #1 #3", [(S, (1, 3), None, None)]),
    ("Send #1, #3.", [(S, (1, 3), None, None)]),
    ("SEND 2", [(S, (2,), None, None)]),
    ("yes 2", [(S, (2,), None, None)]),
    ("Yes, 2", [(S, (2,), None, None)]),
    ("send: 1, 3", [(S, (1, 3), None, None)]),
    ("send item 4", [(S, (4,), None, None)]),
    ("send all", [(S, "all", None, None)]),
    ("send them all", [(S, "all", None, None)]),
    ("send 1-3", [(S, (1, 2, 3), None, None)]),
    ("skip 4", [("skip", (4,), None, None)]),
    ("never 6", [("never", (6,), None, None)]),
    ("snooze 5", [("snooze", (5,), 4, None)]),
    ("snooze 5 for 2 weeks", [("snooze", (5,), 2, None)]),
    ("snooze 5 for a week", [("snooze", (5,), 1, None)]),
    ("snooze 5 for 3 months", [("snooze", (5,), 12, None)]),
    ("snooze 5 2 weeks", [("snooze", (5,), 2, None)]),
    ("connect 1", [("connect", (1,), None, None)]),
    ("close 2", [("close", (2,), None, None)]),
    # several on a line, several lines, politeness
    ("send 1, 3 / skip 2", [(S, (1, 3), None, None), ("skip", (2,), None, None)]),
    ("send 1, 3 · skip 2 · snooze 4", [(S, (1, 3), None, None), ("skip", (2,), None, None),
                                       ("snooze", (4,), 4, None)]),
    ("send 1; never 6", [(S, (1,), None, None), ("never", (6,), None, None)]),
    ("send 1. skip 2.", [(S, (1,), None, None), ("skip", (2,), None, None)]),
    ("send 1, skip 2", [(S, (1,), None, None), ("skip", (2,), None, None)]),
    ("send 1\nskip 2\n", [(S, (1,), None, None), ("skip", (2,), None, None)]),
    ("Please send 1 and 3, thanks!", [(S, (1, 3), None, None)]),
    ("ok send 2 please", [(S, (2,), None, None)]),
    ("Hi,\n\nsend 2\n\nThanks!\nAlex", [(S, (2,), None, None)]),
    ("Thanks, this is great. send 3", [(S, (3,), None, None)]),
    # bare numbers count only on a line of their own
    ("2, 4", [(S, (2, 4), None, None)]),
    ("#3", [(S, (3,), None, None)]),
    ("1 and 3", [(S, (1, 3), None, None)]),
    # edit: the text runs to the end of the user's writing
    ("edit 2: Hi Dana,\nCould you talk to Priya this week?\n\nAlex",
     [("edit", (2,), None, "Hi Dana,\nCould you talk to Priya this week?\n\nAlex\n")]),
    ("Edit #2 - Short and sweet.", [("edit", (2,), None, "Short and sweet.\n")]),
    ("send 1\nedit 2: New text here.", [(S, (1,), None, None), ("edit", (2,), None, "New text here.\n")]),
    ("edit 2:", ["UNCLEAR"]),
    # never an action
    ("don't send 2", ["UNCLEAR"]),
    ("do not send 2", ["UNCLEAR"]),
    ("Please don't send 1, send 2", ["UNCLEAR"]),
    ("not 3", ["UNCLEAR"]),
    ("thanks!", []),
    ("Thank you, this is a great list.", []),
    ("", []),
    ("send the first one", ["UNCLEAR"]),
    ("send it", ["UNCLEAR"]),
    ("yes", ["UNCLEAR"]),
    ("Call me at 555 1234", ["UNCLEAR"]),
    ("send 555-1234", ["UNCLEAR"]),  # a phone number is no item
    ("send 2026", ["UNCLEAR"]),  # a year is no item
    ("See you on 12/3", ["UNCLEAR"]),
    ("I'll be in Portland on the 14th", ["UNCLEAR"]),
    ("send 1 to Bob instead", ["UNCLEAR"]),  # recipients come only from the draft
    ("skip all", ["UNCLEAR"]),
    ("snooze 4 for 0 weeks", ["UNCLEAR"]),
    ("send 1 for 2 weeks", ["UNCLEAR"]),
    ("> send 1, 3", []),  # a quoted line: the digest's own help line, never a command
    ("send 1-40", ["UNCLEAR"]),  # a range that long is not a choice
]


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[repr(t)[:40] for t, _ in TABLE])
def test_the_reply_grammar(text, expected):
    assert parsed(text) == expected


def test_the_table_is_big_enough():
    assert len(TABLE) >= 40
