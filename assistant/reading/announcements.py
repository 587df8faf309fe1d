"""Events the user could pass on, from announcements written as text -> Event (ics.py reads calendar files).

Pure. Decisions the rest of the assistant relies on:

* datetimes are aware and in UTC; a floating (zone-less) time, in a calendar file or in text
  without a zone, is read as UTC unless the caller names another zone (``tz``);
* all-day events have ``date`` values and ``end`` is the last day *inclusive* (the .ics DTEND
  of an all-day event is exclusive and is converted), ``None`` for a single day;
* cancelled events (METHOD:CANCEL or STATUS:CANCELLED) are dropped: never suggest them;
* a recurring event keeps the DTSTART of its series; overridden instances (RECURRENCE-ID)
  are dropped when their series is in the same file;
* text is judged with precision first: a wrong event in a digest is worse than a missing one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo

from assistant.addresses import clean_text
from assistant.models import Event
from assistant.reading.dates import DATE_WORD, DateHit, at, find_dates, find_place, find_times
from assistant.reading.ics import URL as _URL
from assistant.reading.words import FOLD_EXOTIC

SCAN_CHARS = 12_000  # announcements put what matters first; the rest is footer
NEAR_BEFORE, NEAR_AFTER = 500, 300  # how far from its date an announcement's cues may stand
MAX_CANDIDATES = 6


# --- announcements in text ---------------------------------------------------------------

# a reply, in any of the common languages and after a list's tags ("[club] Re:", "Antwort:", "VS:"), answers
# an event; it announces none
_REPLY_MARK = r"(?:re|aw|sv|antw(?:ort)?|odp|r|rif|vs)\s*(?:\[\d+\])?\s*:"
_REPLY_SUBJECT = re.compile(r"^\s*(?:\[[^\]\n]{1,40}\]\s*)*" + _REPLY_MARK, re.I)
# a reply marker anywhere near the subject's start, also after a forward's ("Fwd: Re: Dinner - May 21"): the
# subject's day belongs to the mail answered, not to an announcement
_ANSWERED = re.compile(r"(?:^|[\s\]])" + _REPLY_MARK, re.I)
# the words that give an event its day: "will be held on Nov 8", "takes place Friday" (not "scheduled for": deadlines)
_HELD = re.compile(r"\b(?:(?:will\s+be|is|are)\s+(?:being\s+)?(?:held|hosted)|takes?\s+place|taking\s+place)"
                   r"\s+(?:on\s+)?(?:\w+,?\s+)?\W*$", re.I)
# a date that continues a range ("June 5 - June 6, 9:00 am to 5:00 pm"), and where a sentence ends before a date
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till)\s*", re.I)
_SENTENCE_END = re.compile(r"(?<![ap]\.m)(?<![ap]\.m\.)(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})"
                           r"(?<!\b[A-Z])[.!?]+\s+(?=[A-Z(\"'])")
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|fw|tr|wg|rv|reenv)\s*:", re.I)
# Substrings at least one of which every _STRONG or _NOUN match contains (once whitespace is
# collapsed): `in` costs microseconds where those alternations cost a millisecond per message.
_CUE_WORDS = (
    "invit", "save the date", "join us", "rsvp", "r.s.v.p", "register", "registration", "sign up", "ticket",
    "your seat", "your spot", "your place", "einladung", "laden", "acomp", "meetup", "meet-up", "webinar", "conferen",
    "conféren", "workshop", "summit", "hackathon", "symposi", "seminar", "lecture", "tech talk", "panel", "keynote",
    "fireside chat", "happy hour", "mixer", "networking", "reception", "gala", "fundraiser", "party", "parties",
    "dinner", "brunch", "breakfast", "luncheon", "launch", "demo day", "open house", "concert", "festival",
    "exhibition", "screening", "meet and greet", "meet & greet", "celebration", "ceremon", "retreat", "expo",
    "bootcamp", "masterclass", "roundtable", "forum", "tasting", "vernissage", "veranstaltung", "vortrag",
    "konferenz", "stammtisch", "abendessen", "fest", "soir", "atelier", "rencontre", "dîner", "diner", "evento",
    "taller", "cena", "charla", "night", "application", "come join", "to attend", "forward this", "early bird",
    "early-bird", "course", "training")
# The same, split by the pattern they stand for (_STRONG_CUES also covers _APPLY), for a cheaper
# decision further on: when neither kind of cue (nor a label) is anywhere in the own text, no
# date in it can reach the score bar.
_STRONG_CUES = ("invit", "save the date", "join us", "come join", "rsvp", "r.s.v.p", "regist", "sign up", "ticket",
                "your seat", "your spot", "your place", "einladung", "laden", "acomp", "application", "to attend",
                "forward this", "early bird", "early-bird")
_NOUN_CUES = (
    "meetup", "meet-up", "webinar", "conf", "workshop", "summit", "hackathon", "symposi", "seminar", "lecture",
    "tech talk", "panel", "keynote", "fireside chat", "happy hour", "mixer", "networking", "reception", "gala",
    "fundraiser", "party", "parties", "dinner", "brunch", "breakfast", "luncheon", "launch", "demo day", "open house",
    "concert", "festival", "exhibition", "screening", "meet and greet", "meet & greet", "celebration", "ceremon",
    "retreat", "expo", "bootcamp", "masterclass", "roundtable", "forum", "tasting", "vernissage", "veranstaltung",
    "vortrag", "konferenz", "stammtisch", "abendessen", "fest", "soir", "atelier", "rencontre", "dîner", "diner",
    "evento", "taller", "cena", "charla", "night", "course", "training")
# (With a character of wordmatch.FOLD_EXOTIC about, the cue words prove nothing: the full path runs.)
_STRONG = re.compile(
    r"you(?:'|’)?re\s+(?:cordially\s+)?invited|you\s+are\s+(?:cordially\s+)?invited|\binvitation\b|\binvite\s+you\b"
    r"|save\s+the\s+date|join\s+us\b|come\s+join\b|\brsvp\b|r\.s\.v\.p|register\s+(?:now|here|today|online|at|for\s+free)"
    # asked to come, or to pass the announcement on: "Please make plans to attend", "Please forward this
    # information to any one in your organization who might benefit"
    r"|(?:make\s+plans|plan|hope\s+you\s+(?:can|will)|(?:we\s+)?(?:invite|encourage|welcome)\s+you)\s+to\s+attend\b"
    r"(?!\s+to\s+(?:it|this|that|them|these|those)\b)"
    r"|forward\s+this\s+(?:\w+\s+){0,2}to\s+any\s*one\b|early[\s-]bird\s+(?:discount|pric|rate|registration|ticket)"
    r"|registration\s+(?:is\s+)?(?:now\s+)?(?:open|link|required)|sign\s+up\s+(?:now|here|today)"
    r"|get\s+(?:your\s+)?tickets|(?:book|reserve|save|claim)\s+your\s+(?:seat|spot|place|ticket)|\beinladung\b"
    r"|laden\s+(?:dich|sie|euch)\s+(?:herzlich\s+)?(?:zu\s+\w+\s+)?ein|vous\s+[êe]tes\s+invit|nous\s+vous\s+invitons"
    r"|\binvitaci[óo]n\b|te\s+invitamos|les\s+invitamos|\bacomp[áa]ñanos", re.I)
# A call to apply counts beside a date ("founder applications are open"), never from the
# subject alone: "Applications are now open for our cohort" announces a deadline, not an event
_APPLY = re.compile(r"\bapplications?\s+(?:are\s+|is\s+)?(?:now\s+)?open\b(?!\s+source)", re.I)
_NOUN = re.compile(
    r"\b(?:meet-?ups?|webinars?|conferences?(?!\s+call)|workshops?|summits?|hackathons?|symposi(?:um|a)|seminars?"
    r"|lectures?|tech\s+talks?|panels?|keynotes?|fireside\s+chats?|happy\s+hours?|mixers?|networking|receptions?"
    r"|galas?|fundraisers?|(?<!third[\s-])part(?:y|ies)|dinners?|brunch|breakfast|luncheons?|launch|demo\s+day"
    r"|open\s+house|concerts?|festivals?|exhibitions?|screenings?|meet\s+(?:and|&)\s+greet|celebrations?"
    r"|ceremon(?:y|ies)|retreats?|expo|bootcamps?|masterclass(?:es)?|roundtables?|forums?|tastings?|vernissage"
    r"|veranstaltung|vortrag|konferenz|stammtisch|abendessen|\w*fest|soir[ée]e|conf[ée]rence|atelier|rencontre"
    r"|d[îi]ner|evento|conferencia|taller|cena|charla"
    # courses to sign up for: "two one-day training courses", "our leadership course"; not "of course",
    # "in the course of", "due course", "golf course"
    r"|training\s+(?:sessions?|class(?:es)?)"
    r"|(?<!\bof\s)(?<!\bthe\s)(?<!\bdue\s)(?<!\bon\s)(?<!\boff\s)(?<!\bgolf\s)(?<!\brace\s)courses?\b(?!\s+of\b)"
    # "Pitch Night", "AI Night", "Founders' Night": a named evening; not "Last Night", "Good Night", "Saturday Night"
    r"|(?-i:(?!(?:Last|Good|Every|Each|One|That|This|Next|Late|Long|All|Whole|Other|Same|Tomorrow|Tonight"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|For|The|A|Our|Your)\s)"
    r"(?:[A-Z][a-z]+(?:'s|s')?|[A-Z]{2,5})\s+Night"
    # the same in capitals, as flyers set it: "AGGIE NIGHT AT ENRON FIELD"
    r"|(?!(?:LAST|GOOD|EVERY|EACH|ONE|THAT|THIS|NEXT|LATE|LONG|ALL|WHOLE|OTHER|SAME|TOMORROW|TONIGHT|YESTERDAY"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|MON|TUE|TUES|WED|THU|THUR|THURS|FRI|SAT|SUN"
    r"|FOR|THE|A|AN|OUR|YOUR|PER|AT|BY|OF|IN|ON|TO|AND|OR|FIRST|OPENING|ONLY)\s)[A-Z]{2,12}(?:'S)?\s+NIGHT))\b",
    re.I)
_LABEL = re.compile(
    r"^[ \t>*•·-]*(?P<label>when|date|dates|time|where|location|venue|place|address|wann|datum|uhrzeit|zeit|wo|ort"
    r"|quand|heure|lieu|où|cuándo|cuando|fecha|hora|dónde|donde|lugar)(?:[ \t]*:|\t)[ \t]*(?P<value>[^\n]*)",
    re.I | re.M)
_SECONDS = re.compile(r"\d:\d\d:\d\d")
# Another label on the same line ends a place: text reflowed into one line, or HTML whose line
# breaks were lost ("Where: Hall 3, Portland What: 12 startups pitch ...")
_NEXT_LABEL = re.compile(
    r"\s+\(?(?=(?:what|when|who|why|date|time|agenda|details|cost|price|tickets|rsvp|register|registration"
    r"|applications?|dress code|parking|hosts?|speakers?|was|wann|wer|quoi|quand|qué|cuándo)\s*:)", re.I)
_PLACE_LABELS = frozenset("where location venue place address wo ort lieu où dónde donde lugar".split())
_TIME_LABELS = frozenset("time uhrzeit zeit heure hora".split())
# Transactions, account notices and collaboration invites: never announcements
_VETO = re.compile(
    r"(?=[bcfhioprstvwy])(?:"  # the first letters of what follows: most positions fail on this
    r"\breceipt\b|\binvoice\b|\border\s+(?:#|no\.|number|confirm)|\byour\s+order\b|has\s+shipped|out\s+for\s+delivery"
    r"|tracking\s+(?:number|#|link)|\brefund\b|verify\s+your\s+(?:e-?mail|account)|reset\s+your\s+password"
    r"|invitation\s+to\s+connect|wants\s+to\s+connect|connection\s+request|invited\s+you\s+to\s+(?:edit|view|comment"
    r"|collaborate|join\s+(?:the\s+|a\s+|their\s+|your\s+)?(?:team|workspace|channel|organi[sz]ation|project|board"
    r"|repository|document|folder))|shared\s+(?:a|the)\s+(?:document|file|folder|calendar)|has\s+been\s+(?:cancel"
    r"|postponed)|\bis\s+(?:cancel+ed|postponed)\b|\bbestellung\b|\brechnung\b|\bcommande\b|\bfacture\b|\bpedido\b"
    r"|\bfactura\b)", re.I)
# Substrings at least one of which every _VETO match contains, folded as for _CUE_WORDS
_VETO_CUES = ("invoice", "order", "connect", "delivery", "factur", "shared", "password", "cancel", "tracking",
              "invited", "verify", "commande", "receipt", "shipped", "postponed", "refund", "bestellung", "rechnung",
              "pedido")
_SUBJECT_VETO = re.compile(
    r"\b(?:deliver(?:y|ed)|shipp(?:ed|ing)|package|parcel|payment|statement|password|security\s+alert|lieferung"
    r"|livraison|env[íi]o|cancel+ed|postponed|abgesagt|annul[ée]e?|cancelad[oa])\b"
    r"|^\s*(?:accepted|declined|tentative(?:ly\s+accepted)?|zugesagt|abgelehnt|accepté|refusé|aceptado|rechazado)"
    r"\s*:", re.I)
_FORWARD_HEADER = re.compile(r"^[ \t>]*(?P<name>from|sent|to|cc|subject|date|von|gesendet|an|betreff|datum|de"
                             r"|envoy[ée]|[àa]|objet|enviado|para|asunto)[ \t]*:[ \t]*(?P<value>[^\n]*)", re.I)
_FORWARD_MARK = re.compile(r"^[ \t]*(?:-{2,}[^\n]*(?:forward|original|weitergeleitet|transf)|begin forwarded message)",
                           re.I)
_QUOTE_HEAD = re.compile(r"^[ \t]*(?:on\s.{4,200}\swrote|am\s.{4,200}\sschrieb|le\s.{4,200}\sa\s[ée]crit"
                         r"|el\s.{4,200}\sescribi[óo])[ \t]*:?[ \t]*$", re.I)
# A date right after these (or after them and a clock time: "due by 2 pm Monday, June 4") is a
# deadline or a dateline, not the event
_DEADLINE = re.compile(r"(?:(?:\bby|\bbefore|\buntil|\bdeadline|\bdue|\bcloses?|\bends?|\bbis|\bavant|\bantes\s+del?"
                       r"|\bpublished|\bposted|\bsent)\W{0,3}(?:on\W+)?"
                       # a clock time between only after words that set a deadline: "until 6 pm Saturday" ends a range
                       r"|(?:\bby|\bbefore|\bdue(?:\s+by)?|\bdeadline)\W{0,3}\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?\W{0,3}(?:on\W+)?)$",
                       re.I)
_SUBJECT_PREFIX = re.compile(
    r"^(?:\s*(?:(?:fwd?|fw|tr|wg|rv|reenv)\s*:|\[[^\]]{0,40}\]|(?:updated\s+|new\s+)?(?:invitation|einladung"
    r"|invitación)(?:\s+to)?\s*[:!-]|you(?:'|’)?re\s+(?:cordially\s+)?invited(?:\s+to)?\s*[:!-]?|you\s+are\s+"
    r"(?:cordially\s+)?invited(?:\s+to)?\s*[:!-]?|save\s+the\s+date\s*[:!-]?|reminder\s*:|new\s+event\s*:"
    r"|join\s+us(?:\s+(?:for|at))?\s*[:!-]?|(?:the|our)\s))+", re.I)
_GENERIC_SUBJECT = re.compile(r"\b(?:newsletter|digest|round-?up|this\s+(?:week|month)|weekly|monthly|issue\s+#?\d+"
                              r"|upcoming\s+events|what's\s+on)\b"
                              r"|^\W*(?:events?|invitation|invite|save the date|reminder|news|update|info|details"
                              r"|fyi|hi|hello|hey)?\W*$", re.I)
_INVITED_TO = re.compile(r"(?:invited\s+to|invite\s+you\s+to|join\s+us\s+(?:\w+\s+)?(?:for|at)|register\s+for"
                         r"|welcome\s+you\s+to)\s+(?:(?:the|our|a|an|this\s+year's)\s+)?(?P<name>[^\n.!?,;:()]{3,80})",
                         re.I)
_NAME_STOP = re.compile(r"\s(?:on|at|this|next|in|from|with|as|to|hosted|starting|held|where|which|that"
                        r"|and\s+(?:meet|hear|learn|network))\s|\s\d", re.I)
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|hallo|bonjour|hola|liebe|lieber|good\s+\w+)\b", re.I)
_LINK_STRONG = re.compile(r"regist|rsvp|sign\s*up|tickets?|book|reserve|anmeld|inscri|attend", re.I)
_LINK_WEAK = re.compile(r"details|learn\s+more|more\s+info|event\s+page|join|agenda|program", re.I)
_EVENT_HOST = re.compile(
    r"https?://(?:[\w-]+\.)*(?:eventbrite\.[a-z.]+|meetup\.com|lu\.ma|luma\.com|ti\.to|tito\.io|hopin\.com"
    r"|splashthat\.com|eventzilla|zoom\.us|meet\.google\.com|teams\.microsoft\.com|airmeet\.com|facebook\.com/events"
    r"|linkedin\.com/events|partiful\.com|evite\.com|paperlesspost\.com|ticketmaster|eventim|universe\.com)", re.I)
_JUNK_LINK = re.compile(
    r"^mailto:|unsubscribe|preferences|privacy|view\s+(?:it\s+)?in\s+(?:your\s+)?browser|\.(?:png|jpe?g|gif|svg)\b"
    r"|twitter\.com|x\.com/|instagram\.com|youtube\.com|tiktok\.com|linkedin\.com/(?!events)"
    r"|facebook\.com/(?!events)|/track/|list-manage\.com/track|manage\s+subscription", re.I)


Links = Sequence[tuple[str, str]]


def event_from_text(text: str, sent: datetime | None, subject: str = "",
                    links: Links | Callable[[], Links] = (), *, tz: tzinfo = UTC) -> Event | None:
    """The event a message announces or invites to, or None when it is not an announcement.

    sent is the reference for yearless and relative dates ("Dec 10", "next Thursday"; without
    it only dates with a year count) and dates before it are ignored; tz is the zone of clock
    times that name none; links are the message's (text, href) pairs, or a function without
    arguments that returns them: it is called at most once, and only when a link could matter
    (most messages are decided before that, so an HTML part need not be parsed for its links).
    """
    if _REPLY_SUBJECT.match(subject) or _SUBJECT_VETO.search(subject):
        return None
    head = text[:SCAN_CHARS]
    lowered = " ".join(f"{subject} {head}".split()).lower()
    if not any(word in lowered for word in _CUE_WORDS):
        return None
    if (any(word in lowered for word in _VETO_CUES) or FOLD_EXOTIC.search(subject) or FOLD_EXOTIC.search(head)) \
            and (_VETO.search(subject) or _VETO.search(head)):
        return None
    body, inner_subject = _own_text(head)
    if inner_subject and _FORWARD_SUBJECT.match(subject):
        subject = inner_subject
    # a "Date:" whose value has seconds is a mail header left in the text, not the event's
    labels = [m for m in _LABEL.finditer(body) if not _SECONDS.search(m.group("value"))]
    base = (3 if _STRONG.search(subject) else 0) + bool(_NOUN.search(subject))
    # a date scores base + its link (1) + cues near it (up to 5) and needs 3: when the own text
    # holds too few cues for any date to get there, its dates need not be looked for at all
    if base < 2 and not _cues_may_reach(body, labels, 2 - base):
        return None
    resolved: list[Links] = []

    def get_links() -> Links:
        if not callable(links):
            return links
        if not resolved:
            resolved.append(links())
        return resolved[0]

    url: list[str | None] = []  # the best link, once looked for
    ref = sent.astimezone(tz).date() if sent is not None else None

    def first_event(body: str, labels: list[re.Match[str]], hits: list[DateHit]) -> Event | None:
        fallback: Event | None = None
        spans: list[tuple[int, int]] = []  # every date's place in the body, once a time is looked for
        for hit in hits:
            # the cues must stand near the date: newsletters mention events and dates far apart
            near = body[max(0, hit.start - NEAR_BEFORE):hit.end + NEAR_AFTER]
            near_labels = {_label_kind(m) for m in labels
                           if hit.start - NEAR_BEFORE <= m.start() <= hit.end + NEAR_AFTER}
            strong = _STRONG.search(near) or _APPLY.search(near)
            score = base + (2 if strong else 0) + bool(_NOUN.search(near)) + min(2, len(near_labels))
            if score < 2:
                continue  # not even the link could lift it to 3
            if not url:
                url.append(_best_url(body, get_links()))
            if score + (url[0] is not None) < 3:
                continue
            if not spans:
                spans.extend((h.start, h.end) for h in find_dates(body, ref))
            start, end = _moment(body, hit, labels, tz, spans)
            title = _title(subject, body, hit)
            if title is None or isinstance(start, datetime) and sent is not None and start < sent:
                continue
            event = Event(title=title, start=start, end=end,
                          location=_location(body, labels, hit, get_links()), url=url[0], source="text")
            if fallback is None and isinstance(start, datetime) or fallback is not None and _HELD.search(
                    body, max(0, hit.start - 40), hit.start):
                return event
            # a first date with no time of its own may be another occasion's ("in conjunction with the meeting
            # on Nov 9, Calpine invites you to the open house"): a later one the text says the event is held
            # on ("will be held on Nov 8 from 3:00 - 6:00 p.m.") is the event's; else the first stands
            fallback = fallback or event
        return fallback

    found = first_event(body, labels, _candidate_dates(body, labels, ref))
    if found is None and base and not _GENERIC_SUBJECT.search(_subject_title(subject)) \
            and not _ANSWERED.search(subject[:40]):
        # the subject names the event and its day, the text only asks to come: "NESA NYC Mixer -
        # November 8" over "Please make plans to attend NESA's Membership Mixer in New York City"
        line = " ".join(subject.split())
        hits = [h for h in find_dates(line, ref) if not h.relative and (ref is None or h.day >= ref)
                and not _DEADLINE.search(line[max(0, h.start - 24):h.start])][:1]
        if hits:
            titled = f"{line}\n\n{body}"
            found = first_event(titled, [m for m in _LABEL.finditer(titled)
                                         if not _SECONDS.search(m.group("value"))], hits)
    return found


def _cues_may_reach(body: str, labels: list[re.Match[str]], need: int) -> bool:
    """Could the cues near some date in body add up to need (_STRONG 2, _NOUN 1, each label
    kind 1, at most 2)? False only when certain: every _STRONG or _NOUN match, in any slice of
    body, holds one of the cue words once its whitespace is collapsed and its case folded."""
    kinds = min(2, len({_label_kind(m) for m in labels}))
    if kinds >= need or FOLD_EXOTIC.search(body):
        return True
    folded = " ".join(body.split()).lower()
    if any(word in folded for word in _STRONG_CUES):
        return True
    return kinds + 1 >= need and any(word in folded for word in _NOUN_CUES)


def _own_text(text: str) -> tuple[str, str]:
    """The message without quoted history and forward header blocks, and a forwarded Subject."""
    kept: list[str] = []
    inner_subject = ""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if _QUOTE_HEAD.match(lines[i]):
            break
        run = i
        while run < len(lines) and (header := _FORWARD_HEADER.match(lines[run])):
            if header.group("name").lower() in ("subject", "betreff", "objet", "asunto") and not inner_subject:
                inner_subject = header.group("value").strip()
            run += 1
        if run - i < 2 and not lines[i].lstrip().startswith(">") and not _FORWARD_MARK.match(lines[i]):
            kept.append(lines[i])
        i = max(run, i + 1)
    return "\n".join(kept), inner_subject


def _label_kind(m: re.Match[str]) -> str:
    label = m.group("label").lower()
    return "place" if label in _PLACE_LABELS else "time" if label in _TIME_LABELS else "date"


def _label_value(body: str, m: re.Match[str]) -> tuple[int, str]:
    """A label's value and its offset: the rest of its line, else the next non-empty line."""
    if m.group("value").strip():
        return m.start("value"), m.group("value").strip()
    rest = body[m.end():].lstrip("\n")
    line = rest.split("\n", 1)[0]
    return len(body) - len(rest) + len(line) - len(line.lstrip()), line.strip()


def _candidate_dates(body: str, labels: list[re.Match[str]], ref: date | None) -> list[DateHit]:
    """Dates the announcement may be about, best first: labelled, then written out, then relative."""
    labelled = []
    for m in labels:
        if _label_kind(m) == "date":
            offset, value = _label_value(body, m)
            labelled += [DateHit(h.start + offset, h.end + offset, h.day, h.last, h.relative)
                         for h in find_dates(value, ref)[:1]]
    hits = [h for h in find_dates(body, ref) if not _DEADLINE.search(body[max(0, h.start - 24):h.start])]
    ranked = labelled + [h for h in hits if not h.relative] + [h for h in hits if h.relative]
    return [h for h in ranked if ref is None or h.day >= ref][:MAX_CANDIDATES]


def _line_bounds(body: str, pos: int) -> tuple[int, int]:
    end = body.find("\n", pos)
    return body.rfind("\n", 0, pos) + 1, len(body) if end < 0 else end


def _moment(body: str, hit: DateHit, labels: list[re.Match[str]], tz: tzinfo,
            spans: list[tuple[int, int]]) -> tuple[date | datetime, date | datetime | None]:
    """Start and end: the date with the time beside it, under it or in a Time: label. spans: where
    every date of the body stands; a time beside another date on the same line is that date's."""
    line_start, line_end = _line_bounds(body, hit.start)
    reach, after = hit.end, line_end
    for s, e in sorted(spans):
        if s < reach or s >= line_end:
            continue
        if _RANGE_GAP.fullmatch(body[reach:s]):
            reach = e  # the range's other end: its time follows it
            continue
        after = s
        break
    before = max([line_start, *(e for _, e in spans if line_start < e <= hit.start)])
    # a time in the sentence before is not this date's ("... at 7pm. The RSVP deadline is Dec 1")
    before = max([before, *(m.end() for m in _SENTENCE_END.finditer(body, before, hit.start))])
    below = body[line_end:line_end + 1 + len("\n".join(body[line_end + 1:].split("\n", 2)[:2]))]
    places = [body[reach:after], body[before:hit.start], below]
    places += [_label_value(body, m)[1] for m in labels if _label_kind(m) == "time"]
    for place in places:
        times = find_times(place)
        if times:
            t = times[0]
            start = at(hit.day, t.begin, t.zone, tz)
            if t.finish is None:
                return start, None
            end = at(hit.last or hit.day, t.finish, t.zone, tz)
            return start, end if end > start else end + timedelta(days=1)
    return hit.day, hit.last


def _title(subject: str, body: str, hit: DateHit) -> str | None:
    """The event's name: the subject when it is about the event, else the text's own words."""
    from_subject = _subject_title(subject)
    about_event = bool(_STRONG.search(subject) or _NOUN.search(subject)) or hit.start < NEAR_BEFORE
    about_event = about_event and bool(from_subject) and not _GENERIC_SUBJECT.search(from_subject)
    if about_event:
        return from_subject
    named = _INVITED_TO.search(body, max(0, hit.start - NEAR_BEFORE), hit.end + NEAR_AFTER)
    if named:
        name = _NAME_STOP.split(named.group("name"))[0].strip(" -–—'\"")
        # "invite you to take a look" names nothing; "to our Spring Gala" or "for dinner" does
        if len(name) >= 3 and not DATE_WORD.match(name) and (_NOUN.search(name) or re.search(r"\b[A-Z]", name)):
            return _capitalised(name)
    return _heading(body, hit) or (from_subject if about_event else None)


def _heading(body: str, hit: DateHit) -> str | None:
    """The line that heads the date's paragraph, as newsletters name their events."""
    lines = body[:_line_bounds(body, hit.start)[0]].splitlines()[-6:]
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip(" \t*#=_-•|")
        if not line or _LABEL.match(lines[i]):
            continue
        starts_paragraph = i == 0 or not lines[i - 1].strip(" \t*#=_-•|~")
        sentence = line.endswith((":", ".", ",", ";")) or line.count(",") > 1
        if starts_paragraph and 3 <= len(line) <= 80 and not sentence and not _GREETING.match(line) \
                and not _URL.search(line):
            return clean_text(line, 200)
        return None
    return None


def _subject_title(subject: str) -> str:
    title = _SUBJECT_PREFIX.sub("", clean_text(subject, 300)).strip()
    title = re.sub(r"\s@\s.*$", "", title)  # Google: "Invitation: Dinner @ Thu Dec 10, 2026 ..."
    # a date (and time) at the end of the subject is not part of the event's name
    for hit in reversed(find_dates(title, date(2000, 1, 1))):
        if not title[hit.end:].strip(" )]!.") or find_times(title[hit.end:]):
            head = re.sub(r"(?:\s*[-–—|,:(\[]|\s+(?:on|am|le|el))\s*(?:(?:this|next)\s+)?$", "", title[:hit.start])
            title = head if head.strip() else title
            break
    return _capitalised(title.strip(" -–—|:!?'\"“”"))


def _capitalised(text: str) -> str:
    text = clean_text(text, 200)
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _location(body: str, labels: list[re.Match[str]], hit: DateHit, links: Iterable[tuple[str, str]]) -> str | None:
    """A Where:/Venue: label, else a place written beside the date (see find_place)."""
    for m in labels:
        if _label_kind(m) == "place":
            value = _NEXT_LABEL.split(_label_value(body, m)[1], 1)[0].rstrip(" ,;|·-(")
            if value and not _URL.fullmatch(value):
                return clean_text(value, 200)
    line_start, line_end = _line_bounds(body, hit.start)
    window = body[line_start:_line_bounds(body, min(len(body), line_end + 1))[1]]
    return find_place(window, body, [href for _, href in links])


def _best_url(body: str, links: Iterable[tuple[str, str]]) -> str | None:
    """The registration, RSVP or meeting link, if one stands out."""
    candidates = [(_link_score(label, href), order, href.strip()) for order, (label, href) in enumerate(links)]
    for m in _URL.finditer(body):
        context = body[max(body.rfind("\n", 0, m.start()) + 1, m.start() - 60):m.start()]
        href = m.group().rstrip(".,;:!?")
        candidates.append((_link_score(context, href), 10_000 + m.start(), href))
    good = [c for c in candidates if c[0] >= 2]
    return min(good, key=lambda c: (-c[0], c[1]))[2] if good else None


def _link_score(label: str, href: str) -> int:
    """_url_score where it is 2 or more, else 0: the costly junk test only for such links."""
    strong = _LINK_STRONG.search(label)
    host = _EVENT_HOST.match(href.strip())
    return _url_score(label, href) if strong or host else 0


def _url_score(label: str, href: str) -> int:
    href = href.strip()
    if not href.lower().startswith(("http://", "https://")) or _JUNK_LINK.search(href) or _JUNK_LINK.search(label):
        return 0
    return 2 * bool(_LINK_STRONG.search(label)) + bool(_LINK_WEAK.search(label)) + 2 * bool(_EVENT_HOST.match(href))
