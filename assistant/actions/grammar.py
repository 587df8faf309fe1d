"""What a reply to the digest asks for: `send 1, 3`, `skip 2`, `snooze 4 for 2 weeks`, `never 6`,
`edit 2: <text>`, `connect 1`, `close 1`. Pure.

Only the user's own unquoted lines are read (the caller passes the reply's own text, quotes and
signature removed). A line is a command when it reads as one entirely; prose without a command word
or a number ("Thanks, great list!") is ignored; anything else that carries a command word or a number
and does not read cleanly ("don't send 2", "send the first one", "call me at 555 1234") is *unclear*,
and a reply with anything unclear acts on nothing: the receipt says what was understood and how to
say it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERBS = {"send": "send", "yes": "send", "skip": "skip", "never": "never", "snooze": "snooze", "edit": "edit",
         "connect": "connect", "close": "close"}
DEFAULT_SNOOZE_WEEKS = 4
MAX_NUMBER = 99  # a digest never has more items; bigger numbers are phone numbers, years, amounts
GRAMMAR = "send 1, 3 · skip 2 · snooze 4 (for 2 weeks) · never 5 · edit 2: your text"


@dataclass(frozen=True)
class Command:
    verb: str  # send | skip | never | snooze | edit | connect | close
    numbers: tuple[int, ...] = ()
    everything: bool = False  # `send all`
    weeks: int | None = None  # snooze
    text: str | None = None  # edit: the new body
    line: str = ""  # as the user wrote it


@dataclass(frozen=True)
class Reading:
    commands: tuple[Command, ...]
    unclear: tuple[str, ...]  # lines that look like commands but do not read cleanly

    @property
    def confident(self) -> bool:
        return bool(self.commands) and not self.unclear


_POLITE = re.compile(r"^(?:(?:please|pls|plz|ok(?:ay)?|sure|yes please|thanks|thank you|great)[,!.]?\s+)+|"
                     r"(?:[,.!]?\s*(?:please|pls|plz|thanks|thank you|thx|cheers))+[.!]*$", re.I)
_NEGATION = re.compile(r"\b(?:don'?t|do not|dont|doesn'?t|not|no longer|cancel|stop|hold off|instead of)\b", re.I)
_SPLIT = re.compile(r"\s*(?:[;/|·•]|\.\s+(?=[a-z#])|,\s+(?=(?:send|yes|skip|never|snooze|connect|close)\b))\s*",
                    re.I)
_NUMBER_LIST = r"#?\d{1,3}(?:\s*-\s*#?\d{1,3})?(?:\s*(?:,|&|\+|\band\b|\s)\s*#?\d{1,3}(?:\s*-\s*#?\d{1,3})?)*"
_COMMAND = re.compile(rf"^(?P<verb>send|yes|skip|never|snooze|connect|close)\s*[,:.]?\s*(?:no\.?\s*|number\s*|item\s*)?"
                      rf"(?:(?P<all>all|everything|them all)|(?P<numbers>{_NUMBER_LIST}))"
                      rf"(?:\s+(?:for\s+)?(?P<span>a|an|one|two|three|four|five|six|\d{{1,2}})\s+"
                      rf"(?P<unit>weeks?|months?|days?))?$", re.I)
_BARE = re.compile(rf"^(?P<numbers>{_NUMBER_LIST})$")
_EDIT = re.compile(r"^edit\s+#?(?P<n>\d{1,3})\s*[:\-–—]\s*(?P<text>.*)$", re.I | re.S)
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_LOOKS_LIKE_COMMAND = re.compile(r"\d|\b(?:send|yes|skip|never|snooze|edit|connect|close|all)\b", re.I)


def read_commands(own_text: str) -> Reading:
    """The commands of a reply's own text, and the lines that could not be read with confidence."""
    commands: list[Command] = []
    unclear: list[str] = []
    lines = own_text.replace("\r\n", "\n").split("\n")
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or line.startswith(">"):
            continue
        edit = _EDIT.match(_tidy(line, keep_end=True))
        if edit:
            rest = "\n".join([edit.group("text"), *lines[i + 1:]]).strip()
            if rest:
                commands.append(Command("edit", (int(edit.group("n")),), text=rest + "\n", line=line))
            else:
                unclear.append(line)
            break  # the new text runs to the end of the user's writing
        for piece in _SPLIT.split(line):
            piece = _tidy(piece)
            if not piece:
                continue
            command = _command(piece, line)
            if command is not None:
                commands.append(command)
            elif _LOOKS_LIKE_COMMAND.search(piece):
                unclear.append(line)
                break
    return Reading(tuple(commands), tuple(dict.fromkeys(unclear)))


def _tidy(piece: str, keep_end: bool = False) -> str:
    piece = piece.strip()
    previous = None
    while previous != piece:
        previous = piece
        piece = _POLITE.sub("", piece).strip() if not keep_end else re.sub(r"^(?:please|pls|ok)[,]?\s+", "", piece,
                                                                              flags=re.I).strip()
        if not keep_end:
            piece = piece.rstrip(".!?,;: ")
    return piece


def _command(piece: str, line: str) -> Command | None:
    if _NEGATION.search(piece):
        return None  # "don't send 2", "not 3": never an action
    m = _COMMAND.match(piece)
    if m:
        verb = VERBS[m.group("verb").lower()]
        weeks = None
        if m.group("span"):
            if verb != "snooze":
                return None
            weeks = _weeks(m.group("span"), m.group("unit"))
            if weeks is None:
                return None
        elif verb == "snooze":
            weeks = DEFAULT_SNOOZE_WEEKS
        if m.group("all"):
            return Command(verb, everything=True, line=line) if verb == "send" else None
        numbers = _numbers(m.group("numbers"))
        return Command(verb, numbers, weeks=weeks, line=line) if numbers else None
    m = _BARE.match(piece)
    if m and piece == line.strip().rstrip(".!?,;: "):  # bare numbers only on a line with nothing else
        numbers = _numbers(m.group("numbers"))
        return Command("send", numbers, line=line) if numbers else None
    return None


def _numbers(text: str) -> tuple[int, ...]:
    """"1, 3", "#1 #3", "1 and 3", "1-3"; () when a number is out of range (a phone number, a year)."""
    found: list[int] = []
    for part in re.findall(r"#?\d+(?:\s*-\s*#?\d+)?", text):
        bounds = [int(x) for x in re.findall(r"\d+", part)]
        if any(b < 1 or b > MAX_NUMBER for b in bounds):
            return ()
        if len(bounds) == 2:
            low, high = bounds
            if high < low or high - low > 20:
                return ()
            found.extend(range(low, high + 1))
        else:
            found.append(bounds[0])
    return tuple(dict.fromkeys(found))


def _weeks(span: str, unit: str) -> int | None:
    count = _WORDS.get(span.lower()) or (int(span) if span.isdigit() else 0)
    if count <= 0:
        return None
    unit = unit.lower()
    weeks = count * 4 if unit.startswith("month") else count if unit.startswith("week") else -(-count // 7)
    return weeks if 1 <= weeks <= 52 else None
