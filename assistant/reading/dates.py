"""Date, time and place phrases in free text ("Thursday, Dec 10", "6-8pm EST", "at The Foundry").

Pure: every relative phrase is resolved against a reference date passed in by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from assistant.addresses import clean_text
from assistant.reading.words import initials, word_tree

_MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mär": 3, "mrz": 3, "mai": 5,
    "juni": 6, "juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4,
    "avr": 4, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # Spanish ("ago" for agosto is left out: "2 ago" reads as English too often)
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5,
    "junio": 6, "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12, "dic": 12,
}

_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
}

# Abbreviated weekdays ("sat", "sun", "wed") are ordinary words: only full names may stand
# alone in a relative phrase.
_FULL_WEEKDAYS = {k: v for k, v in _WEEKDAYS.items() if len(k) > 4}

_ZONES = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "GMT": "UTC", "UTC": "UTC", "BST": "Europe/London", "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin", "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "EET": "Europe/Athens",
    "EEST": "Europe/Athens", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "Eastern": "America/New_York", "Central": "America/Chicago", "Mountain": "America/Denver",
    "Pacific": "America/Los_Angeles",
}


_MON = rf"(?P<mon>{word_tree(_MONTHS)})\.?"
_WDAY = rf"(?:(?P<wd>{word_tree(_WEEKDAYS)})\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?"
_YEAR = r"(?:,?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d))?"
# Each pattern may only start with these (case-insensitively, as the pattern reads): the guard
# after \b lets the scan pass over every other word start and every word end at once.
_WM_FIRST = initials(_WEEKDAYS, _MONTHS)
_WD_DIGIT_FIRST = initials(_WEEKDAYS, digits=True)
_WD_ARTICLE_DIGIT_FIRST = initials(_WEEKDAYS, ("the", "le", "el"), digits=True)

_DATE_RES = (
    # 2026-12-10
    re.compile(r"(?<![\d-])(?P<year>20\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d])"),
    # Thursday, December 10(-12), 2026 / Dec 10th
    re.compile(rf"\b(?={_WM_FIRST}){_WDAY}{_MON}\s+{_DAY}(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
               rf"(?![\d:]){_YEAR}\b", re.I),
    # Thursday, 10 December 2026 / 10. Dezember / 10 de diciembre de 2026 / the 10th of Dec
    re.compile(rf"\b(?={_WD_ARTICLE_DIGIT_FIRST}){_WDAY}(?:the\s+|le\s+|el\s+)?{_DAY}\.?\s+(?:of\s+|de\s+)?"
               rf"{_MON}{_YEAR}\b", re.I),
    # 12/10/2026 (US order unless the first number cannot be a month) and 10.12.2026
    re.compile(rf"\b(?={_WD_DIGIT_FIRST}){_WDAY}(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
               r"(?P<year>(?:19|20)?\d\d)(?![\d/.]\d)", re.I),
)

_REL_WORDS = ("next", "this", "coming", "on", "nächsten", "kommenden", "diesen", "am", "ce", "el", "este")
_DAY_WORDS = ("today", "tonight", "tomorrow", "this", "heute", "aujourd'hui", "demain", "mañana")
_RELATIVE_RE = re.compile(
    rf"\b(?={initials(_REL_WORDS, _FULL_WEEKDAYS)})"
    rf"(?:(?P<rel>next|this|coming|this\s+coming|on|nächsten|kommenden|diesen|am|ce|el\s+próximo"
    rf"|este)\s+)?(?P<wd>{word_tree(_FULL_WEEKDAYS)})(?:\s+(?P<post>prochain))?\b"
    rf"|\b(?={initials(_DAY_WORDS)})(?P<word>today|tonight|tomorrow|this\s+evening|heute|aujourd'hui|demain"
    r"|mañana)\b",
    re.I,
)

_ATOM = (r"(?P<h{n}>[01]?\d|2[0-3])(?:(?::|h|\.(?=\d\d\s*[ap]\.?m))(?P<m{n}>[0-5]\d))?(?!\d)"
         r"(?:\s*(?P<ap{n}>[ap])\.?\s?m\b\.?|\s*(?P<u{n}>uhr\b|h\b))?")
_TIME_RE = re.compile(
    r"(?<![\d:/.,-])(?:" + _ATOM.format(n=1) + r"|(?P<noon>noon|midday|mittag|midi))"
    r"(?:\s*(?:-|–|—|to|until|till|bis|à)\s*" + _ATOM.format(n=2) + ")?"
    r"(?:\s*\(?(?-i:(?P<tz>[A-Z]{2,4}|Eastern|Central|Mountain|Pacific)(?:\s+Time)?)\b(?P<off>\s*[+-]\d{1,2}(?::?\d{2})?)?\)?)?",
    re.I,
)


# "at The Foundry, 123 Main St, Boston" beside the date
_AT_PLACE = re.compile(
    r"(?:\bat|@)[ \t]+(?P<place>(?:[Tt]he[ \t]+)?[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z0-9][\w'’&.-]*|of|de|la|du|der|on|&))"
    r"{0,6}(?:,[ \t]*\d{1,5}[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,4}(?:,[ \t]*[A-Z][\w-]+)?)?)")
_ADDRESS_LINE = re.compile(
    r"^[ \t]*(?:\d{1,5}[ \t]+[A-Z][^\n]{2,60}\b(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Way|Lane|Ln|Dr|Drive"
    r"|Square|Sq|Pl|Place|Plaza|Court|Ct)\b[^\n]{0,60}|[A-ZÄÖÜ][\w-]*(?:straße|strasse|str\.|weg|platz|allee|gasse)"
    r"[ \t]+\d+[^\n]{0,60})$", re.M)
_ONLINE = re.compile(r"\b(?P<zoom>zoom)\b|\b(?P<meet>google\s+meet)|\b(?P<teams>microsoft\s+teams)"
                     r"|\b(?:online|virtual(?:ly)?|livestream(?:ed)?|webinar|en\s+ligne|en\s+l[íi]nea)\b", re.I)
_MEETING_URL = re.compile(r"https?://(?:[\w-]+\.)*(?:(?P<zoom>zoom\.us)|(?P<meet>meet\.google\.com)"
                          r"|(?P<teams>teams\.microsoft\.com|teams\.live\.com))/", re.I)
# A name starting like this is a date or a time ("at Noon", "@ Thu Dec 10"), not a place
# what follows "on" when a place has ended and its date begins: "on June 9", "on Monday" (not "on Sunset
# Boulevard", "on March Street")
_PLACE_ENDS = re.compile(r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?(?:\b|\.)"
                         r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+\d"
                         r"|\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", re.I)
DATE_WORD = re.compile(r"^(?:the\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri"
                       r"|sat|sun|noon|midnight)", re.I)


@dataclass(frozen=True)
class DateHit:
    """A calendar date found in text, with its span; last is set for ranges (Dec 10-12)."""

    start: int
    end: int
    day: date
    last: date | None = None
    relative: bool = False


@dataclass(frozen=True)
class TimeHit:
    """A clock time or time range found in text, with the zone it names (if any)."""

    start: int
    end: int
    begin: time
    finish: time | None
    zone: tzinfo | None


def find_dates(text: str, ref: date | None) -> list[DateHit]:
    """Every date in text, in order; yearless and relative ones need ref (else are skipped)."""
    hits: list[DateHit] = []
    for pattern in _DATE_RES:
        for m in pattern.finditer(text):
            hit = _absolute(m, ref)
            if hit is not None:
                hits.append(hit)
    if ref is not None:
        hits.extend(h for m in _RELATIVE_RE.finditer(text) if (h := _relative(m, ref)))
    return _without_overlaps(hits)


def find_times(text: str) -> list[TimeHit]:
    """Every clock time or range ("6:30 PM", "18:30", "6-8pm EST", "18h30") in text."""
    hits = []
    for m in _TIME_RE.finditer(text):
        hit = _time_hit(m)
        if hit is not None:
            hits.append(hit)
    return hits


def at(day: date, clock: time, zone: tzinfo | None, default: tzinfo) -> datetime:
    """An aware UTC datetime for a wall-clock time on day in zone (default if unnamed)."""
    local = datetime.combine(day, clock, tzinfo=zone or default)
    return local.astimezone(UTC)


def find_place(window: str, text: str, hrefs: Iterable[str] = ()) -> str | None:
    """Where an event is: "at <Place>" in window (the lines around its date), else an address
    line in text, else "Online" (or its platform) said in window or linked in hrefs or text."""
    for m in _AT_PLACE.finditer(window):
        place = m.group("place")
        when = next((on for on in re.finditer(r"[ \t]+on[ \t]+", place) if _PLACE_ENDS.match(place[on.end():])), None)
        if when:  # "at the Midtown Hilton on June 9": the place ends before its date
            place = place[:when.start()]
        place = re.sub(r"^the[ \t]+|[ \t]+(?:of|de|la|du|der|on|&)$", "", place).rstrip(".")
        if not DATE_WORD.match(place) and not re.fullmatch(r"[Tt]he", place):
            return clean_text(place, 200)
    address = _ADDRESS_LINE.search(text)
    if address:
        return clean_text(address.group(), 200)
    for m in filter(None, [_ONLINE.search(window), *map(_MEETING_URL.match, hrefs), _MEETING_URL.search(text)]):
        return ("Zoom" if m.group("zoom") else "Google Meet" if m.group("meet")
                else "Microsoft Teams" if m.group("teams") else "Online")
    return None


def _absolute(m: re.Match[str], ref: date | None) -> DateHit | None:
    groups = m.groupdict()
    if groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        if groups["sep"] == "." and len(groups["year"]) < 4:
            return None
        month, day = (second, first) if groups["sep"] == "." or first > 12 else (first, second)
    else:
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["mon"].lower()]
        day = int(groups["day"])
    year_text = groups.get("year")
    weekday = _WEEKDAYS.get((groups.get("wd") or "").lower())
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        found = _valid(year, month, day)
    elif ref is None:
        return None
    else:
        found = _next_occurrence(month, day, weekday, ref)
    if found is None:
        return None
    last = None
    if groups.get("day2"):
        last = _valid(found.year, month, int(groups["day2"]))
        if last is not None and last < found:
            last = None
    return DateHit(m.start(), m.end(), found, last)


def _next_occurrence(month: int, day: int, weekday: int | None, ref: date) -> date | None:
    """The next month/day from ref on, or the past one when that is what the text means.

    A day of the last month ("posted Aug 14" on Aug 15), or a weekday that fits only last
    year's date, refers back; the caller drops dates before ref.
    """
    last, this, following = (_valid(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1))
    past = this if this is not None and this < ref else last
    ahead = this if this is not None and this >= ref else following
    if past is not None and (ref - past).days <= 31:
        return past
    if weekday is not None and ahead is not None and ahead.weekday() != weekday:
        if past is not None and past.weekday() == weekday:
            return past
        if following is not None and following != ahead and following.weekday() == weekday:
            return following
    return ahead


def _relative(m: re.Match[str], ref: date) -> DateHit | None:
    word = (m.group("word") or "").lower()
    if word:
        ahead = 1 if word in ("tomorrow", "demain", "mañana") else 0
        return DateHit(m.start(), m.end(), ref + timedelta(days=ahead), relative=True)
    weekday = _FULL_WEEKDAYS[m.group("wd").lower()]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    ahead = (weekday - ref.weekday()) % 7
    # "this Friday" said on a Friday is today; any other phrase means the next one.
    if ahead == 0 and rel not in ("this", "diesen", "ce", "este"):
        ahead = 7
    return DateHit(m.start(), m.end(), ref + timedelta(days=ahead), relative=True)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _without_overlaps(hits: list[DateHit]) -> list[DateHit]:
    """Keep the longest hit where hits overlap (a full date beats the weekday inside it)."""
    kept: list[DateHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if kept and hit.start < kept[-1].end:
            if hit.end - hit.start > kept[-1].end - kept[-1].start:
                kept[-1] = hit
            continue
        kept.append(hit)
    return kept


def _clock(hour: str, minute: str | None, meridiem: str | None) -> time | None:
    h = int(hour)
    if meridiem:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if meridiem.lower() == "p" else 0)
    return time(h, int(minute or 0))


def _time_hit(m: re.Match[str]) -> TimeHit | None:
    g = m.groupdict()
    if g["noon"]:
        begin: time | None = time(12)
        finish = None
    else:
        ap1, ap2 = g["ap1"], g["ap2"]
        explicit1 = bool(g["m1"] or ap1 or g["u1"])
        explicit2 = bool(g["h2"]) and bool(g["m2"] or ap2 or g["u2"])
        # "6" alone is not a time; "6-8pm" and "18:00-20:00" are.
        if not explicit1 and not (g["h2"] and (ap2 or g["u2"])):
            return None
        finish = _clock(g["h2"], g["m2"], ap2) if explicit2 else None
        inherited = ap1 or (ap2 if not g["u1"] else None)
        begin = _clock(g["h1"], g["m1"], inherited)
        if begin is not None and finish is not None and ap2 and not ap1 and begin > finish:
            begin = _clock(g["h1"], g["m1"], "a" if ap2.lower() == "p" else "p")
    if begin is None:
        return None
    zone = _zone(g["tz"], g["off"])
    end = m.end() if zone is not None else m.start("tz") if g["tz"] else m.end()
    return TimeHit(m.start(), end, begin, finish, zone)


def _zone(name: str | None, offset: str | None) -> tzinfo | None:
    if not name:
        return None
    if offset and name in ("GMT", "UTC"):
        sign = -1 if offset.strip().startswith("-") else 1
        digits = re.sub(r"\D", "", offset)
        hours, minutes = (int(digits[:-2] or 0), int(digits[-2:])) if len(digits) > 2 else \
            (int(digits), 0)
        if hours > 14:
            return None
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    key = _ZONES.get(name)
    return ZoneInfo(key) if key else None
