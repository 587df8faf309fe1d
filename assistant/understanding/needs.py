"""What one email says a person needs, offers, celebrates, or did for the owner. Pure.

Works sentence by sentence: a cheap keyword pre-filter, then cue patterns (assistant.understanding.cues),
then the taxonomy to name the profession asked for or offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from assistant.reading.dates import find_dates
from assistant.understanding import cues, taxonomy

MAX_TEXT = 400  # a "sentence" longer than this is a run-on paragraph; keep the item readable
MAX_INPUT = 20_000  # personal prose past this is a pasted document; bounds the cost of one message


@dataclass(frozen=True)
class Found:
    kind: str  # "ask" | "offer" | "news" | "helped"
    text: str  # the sentence it came from (trimmed, one line)
    what: str | None  # a taxonomy label, or a short phrase (news, or an ask the taxonomy cannot name)
    qualifiers: tuple[str, ...] = ()
    confidential: bool = False
    about: str | None = None  # news: "self" | "organization" | a name; helped: who was introduced/referred
    until: date | None = None  # confidential news: the first day it may be shared, when the message names one


# --- sentences ----------------------------------------------------------------------------------

def sentences(text: str) -> list[str]:
    """Split email prose into one-line sentences: paragraphs, bullets and wrapped lines, then end marks."""
    return list(_sentences(text))


@lru_cache(maxsize=8)  # the four finders split the same message one after the other
def _sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for block in _blocks(text[:MAX_INPUT].replace("\u2019", "'").replace("\u2018", "'").replace("\r", "")):
        out.extend(piece for piece in _split(block) if any(c.isalpha() for c in piece))
    return tuple(out)


def _blocks(text: str) -> Iterable[str]:
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        bullet = cues.BULLET.match(line)
        if not line or bullet or (current and _line_break_ends(current[-1], line)):
            if current:
                yield " ".join(current)
            current = []
        if line:
            current.append(line[bullet.end():] if bullet else line)
    if current:
        yield " ".join(current)


def _line_break_ends(previous: str, line: str) -> bool:
    """A line break ends the sentence unless the previous line was hard-wrapped mid-sentence."""
    if cues.TERMINAL.search(previous):
        return True
    # a short line followed by a capital is a greeting, a heading or a list without markers
    return len(previous) < 45 and line[:1].isupper()


def _split(block: str) -> list[str]:
    protected = [(m.start(), m.end()) for m in cues.URLISH.finditer(block)]
    pieces: list[str] = []
    start = 0
    for m in cues.SENTENCE_END.finditer(block):
        end = m.end()
        if any(a <= m.start() < b for a, b in protected) or not _ends_sentence(block, m.start(), end):
            continue
        pieces.append(block[start:end])
        start = end
    pieces.append(block[start:])
    return [_one_line(p) for p in pieces if p.strip()]


def _ends_sentence(block: str, mark: int, end: int) -> bool:
    if block[mark] != ".":
        return True
    words = block[:mark].split()
    word = words[-1].lstrip("([\"'").lower() if words else ""
    if word in cues.ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False  # "Dr. Lee", "e.g. bakeries", the initial in "J. Smith"
    following = block[end:].lstrip()[:1]
    return not following.islower()


def _one_line(piece: str) -> str:
    return " ".join(piece.split())[:MAX_TEXT]


# --- taxonomy helpers ---------------------------------------------------------------------------

def _profession(phrase: str) -> str | None:
    found = taxonomy.normalize(phrase)
    return found.label if found else None


def _head_profession(phrase: str) -> str | None:
    """The head noun first: "angels who understand developer tools" asks for angels, not developers;
    the clause only when the head is generic ("someone who does bookkeeping")."""
    head = _short(phrase)
    named = _profession(head)
    if named or not (cues.GENERIC_HEAD.match(head) or len(head.split()) > 3):
        return named
    return _profession(phrase)


def _object(raw: str | None) -> str:
    if not raw:
        return ""
    cut = cues.CLAUSE_BREAK.search(raw)
    return (raw[:cut.start()] if cut else raw).strip(" '\"-–—")


def _short(phrase: str, words: int = 6) -> str:
    """A few words naming the thing: "a reliable co-packer for our teas" -> "co-packer"."""
    head = cues.LEADING_DET.sub("", phrase.strip())
    if not head.lower().startswith(("someone", "somebody", "anyone", "anybody", "people", "folks")):
        cut = cues.SHORT_BREAK.search(head, 1)
        head = head[:cut.start()] if cut else head
    head = " ".join(head.split()[:words])
    return cues.TRAILING_FUNCTION_WORDS.sub("", head).strip(" ,'\"") or phrase.strip()


def _unique(found: list[Found]) -> list[Found]:
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for item in found:
        key = (item.kind, item.what.lower() if item.what else item.text, item.about)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# --- asks ---------------------------------------------------------------------------------------

def find_asks(text: str) -> list[Found]:
    """What the writer is looking for: a profession, an introduction, investors, a resource."""
    found: list[Found] = []
    all_sentences = sentences(text)
    listing = 0  # items still expected after a lead-in such as "I am looking for two things:"
    for i, sentence in enumerate(all_sentences):
        asks = _asks_in(sentence)
        if not asks and listing:
            asks = _listed_ask(sentence)
            listing = listing - 1 if asks else 0
        if not asks and i and cues.FOLLOW_UP.match(sentence):
            asks = _named_before(all_sentences[i - 1])
        lead_in = cues.ASK_LEADIN.search(sentence)
        if lead_in and not asks:
            rest = sentence[lead_in.end():]
            listing = 5
            asks = _listed_ask(rest) if rest else []  # "Two asks: 1) A seed investor ..."
        if asks:
            found.extend(asks)
        elif found and cues.FULFILLED.search(sentence):
            found = _drop_fulfilled(found, sentence)
    return _unique(found)


def _listed_ask(item: str) -> list[Found]:
    obj = _object(cues.ITEM_NUMBER.sub("", item))
    if not obj or len(item) > 160 or cues.NOT_ASK_OBJECT.match(obj) or cues.CLAUSE_SUBJECT.match(obj):
        return []  # an item is a noun phrase, not a clause with its own subject
    entry = taxonomy.normalize(_short(obj)) or taxonomy.normalize(obj)
    if entry and entry.roles & cues.NOT_SERVICE_ROLES:
        return []  # "What I'm looking for: device startups with a story" (a reporter) asks for no service
    what = _head_profession(obj) or (_short(obj, 8) if cues.PERSONISH.search(_short(obj, 8)) else None)
    return [Found("ask", item, what, taxonomy.qualifiers(item))] if what else []


def _named_before(sentence: str) -> list[Found]:
    """"Our bookkeeper is retiring. Any names?": the profession named just before the follow-up."""
    if cues.ASK_VETO.search(sentence):
        return []
    named = taxonomy.find_professions(sentence)
    return [Found("ask", sentence, named[0].label, taxonomy.qualifiers(sentence))] if named else []


def _drop_fulfilled(found: list[Found], sentence: str) -> list[Found]:
    named = {p.label for p in taxonomy.find_professions(sentence)}
    if not named:
        return []
    return [f for f in found if f.what not in named]


def _asks_in(sentence: str) -> list[Found]:
    ask = _ask_in(sentence)
    if not ask:
        return []
    more = (_profession(_short(m.group(1), 4)) for m in cues.LIST_ITEM.finditer(sentence))
    return [ask] + [Found("ask", sentence, label, ask.qualifiers) for label in more if label and label != ask.what]


@lru_cache(maxsize=256)  # the offer finder asks again about sentences the ask finder just read
def _ask_in(sentence: str) -> Found | None:
    if not cues.ASK_PREFILTER.search(sentence) or cues.ASK_VETO.search(sentence) or cues.JOB_SEEKER.search(sentence):
        return None
    raising = cues.RAISE.search(sentence)
    if raising and not cues.CONDITIONAL_BEFORE.search(sentence[:raising.start()]):
        stage = cues.ROUND.search(raising.group("obj"))
        wanted = f"{stage.group(1).lower()} investor" if stage else "investor"
        return Found("ask", sentence, _profession(wanted) or _profession("investor") or wanted,
                     taxonomy.qualifiers(sentence))
    for pattern in cues.ASK_PATTERNS:
        m = pattern.search(sentence)
        if not m or cues.CONDITIONAL_BEFORE.search(sentence[:m.start()]) or cues.QUESTION_BEFORE.search(
                sentence[:m.start()]):
            continue  # "if we need a lawyer ...", "do I need a separate site?"
        what = _asked_for(m)
        if what:
            return Found("ask", sentence, what, taxonomy.qualifiers(sentence))
    return None


def _asked_for(m: re.Match[str]) -> str | None:
    obj = _object(m.group("obj"))
    det = m.groupdict().get("det")
    phrase = f"{det} {obj}" if det else obj
    if not obj or cues.NOT_ASK_OBJECT.match(obj) or cues.OBJ_WHO_NEEDS.match(phrase) or cues.VAGUE_PERSON.match(phrase):
        return None
    role = cues.WHO_VERB.search(phrase)
    what = _head_profession(phrase) or (role and _profession(cues.ROLE_OF_VERB[role.group(1).lower()]))
    if what:
        return what
    prep = m.groupdict().get("prep")
    if prep and prep.lower() in ("at", "in", "with", "into") and m.group("noun").lower().startswith(("cont", "conn")):
        return f"someone {prep.lower()} {_short(obj, 8)}"  # "a contact at Kaiser"
    if not cues.PERSONISH.search(phrase):
        return None
    return re.sub(r"^(?:anyone|anybody|somebody)\b", "someone", _short(phrase, 8), flags=re.I)


# --- offers -------------------------------------------------------------------------------------

def find_offers(text: str, title: str | None = None) -> list[Found]:
    """What the writer can do for others, from their own words and, when given, their job title."""
    found: list[Found] = []
    entry = taxonomy.normalize(title) if title else None
    # a founder, a CEO or a reporter holds a position; an attorney or a designer offers a service
    title_label = entry.label if entry and not entry.roles & cues.NOT_SERVICE_ROLES else None
    if title and title_label:
        found.append(Found("offer", _one_line(title), title_label, taxonomy.qualifiers(title)))
    for sentence in sentences(text):
        offer = _offer_in(sentence, title_label)
        if offer:
            found.append(offer)
    return _unique(found)


def _offer_in(sentence: str, title_label: str | None) -> Found | None:
    if not cues.OFFER_PREFILTER.search(sentence):
        return None
    seeking = cues.JOB_SEEKER.search(sentence)
    if seeking:
        what = _profession(sentence[seeking.start():])
        return Found("offer", sentence, what, taxonomy.qualifiers(sentence)) if what else None
    if _ask_in(sentence):
        return None
    for pattern in cues.OFFER_PATTERNS:
        m = pattern.search(sentence)
        if not m or cues.OFFER_VETO.search(sentence[:m.start("obj")]):
            continue
        what = _offered(m, sentence, title_label)
        # "now accepting new patients" is an offer even when nothing names the profession
        if what or (pattern in cues.OFFER_CAPACITY and _plain_object(m)):
            return Found("offer", sentence, what, taxonomy.qualifiers(sentence))
    return None


def _service(obj: str) -> str | None:
    """The service, not the clientele: "bookkeeping clients" offers a bookkeeper, "founders" nothing,
    "founders who need a second look at their financial model" a CFO."""
    needing = cues.WHO_NEEDS.search(obj)
    if needing:
        return _profession(needing.group(1))
    head = _short(obj)
    if cues.GENERIC_HEAD.match(head.split()[0]):
        return _profession(obj)  # "anyone who ..." is named by its clause
    return _profession(cues.ROLE_WORK.sub("", head))


def _plain_object(m: re.Match[str]) -> bool:
    obj = _object(m.group("obj"))
    return bool(obj) and not cues.OFFER_OBJECT_VETO.match(obj) and not cues.LOGISTICS.match(obj)


def _offered(m: re.Match[str], sentence: str, title_label: str | None) -> str | None:
    obj = _object(m.group("obj"))
    if not obj or cues.OFFER_OBJECT_VETO.match(obj) or cues.LOGISTICS.match(obj):
        return None
    verb = (m.groupdict().get("verb") or "").lower().split(" ")[0]
    role = cues.ROLE_OF_VERB.get(verb)
    if role == "investor":
        stage = cues.ROUND.search(obj)
        return (stage and _profession(f"{stage.group(1)} investor")) or _profession(role) or role
    if role:
        return _profession(role) or role
    named = _service(obj)
    if named:
        return named
    if verb:  # "I help ...", "we offer ...": only an offer when it names a profession
        return None
    return _profession(sentence[:m.start()]) or title_label  # "Hawthorne Family Dental is now accepting ..."


# --- news ---------------------------------------------------------------------------------------

def find_news(text: str, sent: date | None = None) -> list[Found]:
    """Recent good news about the writer or their organization, flagged when not yet public.

    sent (the message's date) resolves the day a confidential message names for going public
    ("embargoed until Dec 1", "until we announce on the 15th"): see _public_from. Without such
    a day the confidentiality has no end."""
    all_sentences = sentences(text)
    secret = [s for s in all_sentences if cues.CONFIDENTIAL.search(s) and not cues.DISCLAIMER.search(s)]
    private = bool(secret)
    following = all_sentences[1:] + [""]
    found = [news for s, after in zip(all_sentences, following, strict=False) if (news := _news_in(s, private, after))]
    until = _public_from(secret, sent) if found and private else None
    return _unique([replace(f, until=until) for f in found] if until else found)


def _public_from(secret: list[str], sent: date | None) -> date | None:
    """The first day the news may be shared, when a confidential message names the day it goes
    public ("embargoed until Dec 1", "until we announce on the 15th"): the day after the named
    one (after it when the embargo runs through that day), so that no hour or time zone of the
    announcement lets it out early. None when no such day is named."""
    if sent is None:
        return None
    for sentence in secret:
        for m in cues.PUBLIC_FROM.finditer(sentence):
            hits = [h for h in find_dates(sentence[m.end():m.end() + 40], sent) if h.start <= 4]
            if hits and sent <= hits[0].day <= sent + timedelta(days=366):
                return hits[0].day + timedelta(days=2 if m.group("through") else 1)
    return None


def _news_in(sentence: str, private: bool, after: str = "") -> Found | None:
    if not cues.NEWS_PREFILTER.search(sentence) or cues.NEWS_VETO_ANY.search(sentence):
        return None
    for pattern in _NEWS_PATTERNS:
        m = pattern.search(sentence)
        if not m or cues.NEWS_VETO_BEFORE.search(sentence[:m.start("obj")]):
            continue
        groups = m.groupdict()
        if pattern is cues.NEWS_NAMED[0] and not _named_subject(groups["subj"], m.group("obj")):
            continue
        if cues.NEWS_FUTURE.search(sentence[:m.start("obj")]) and not cues.NEWS_DATE.search(sentence):
            continue  # "in 2027 we will open a subsidiary" is a plan
        verb = " ".join((groups.get("verb") or "").split())
        obj = _news_object(m.group("obj"))
        if obj.lower().startswith(("you ", "you'", "your ")):
            continue  # the reader's news, not the writer's
        if not obj.strip(" !") and after and cues.WEAK_NEWS_VERB.match(verb):
            obj = _news_object(after)  # "We won!! Oregon Small Business Award, hospitality category."
            sentence = _one_line(f"{sentence} {after}")
        if cues.WEAK_NEWS_VERB.match(verb) and not _newsworthy(verb, obj):
            continue
        what = " ".join(f"{verb} {obj}".split()[:10]).strip() or None
        if not what:
            continue
        return Found("news", sentence, what, taxonomy.qualifiers(sentence), private, _news_about(groups, obj))
    return None


_NEWS_PATTERNS = cues.NEWS_PATTERNS + cues.NEWS_NAMED


def _newsworthy(verb: str, obj: str) -> bool:
    """"raised a concern" and "got the email" are not news; "signed with Summit Outfitters" is."""
    return bool(cues.NEWS_NOUN.search(obj)) or (verb.lower() in cues.NEWS_DEAL_VERB
                                                and bool(cues.NEWS_COUNTERPART.search(obj)))


def _named_subject(subject: str, obj: str) -> bool:
    """"Maíz y Sal won ..." is news; "Budget was approved" is a capitalized first word, not a name."""
    words = subject.split()
    if words[0].lower() in cues.NOT_NAMES:
        return False
    return len(words) > 1 or bool(cues.NEWS_NOUN.search(f"{subject} {obj}"))


def _news_object(raw: str) -> str:
    cut = cues.NEWS_TRIM.search(raw)
    return (raw[:cut.start()] if cut else raw).strip(" '\"-–—")


def _news_about(groups: dict[str, str | None], obj: str) -> str:
    subject = (groups.get("subj") or "").strip()
    lowered = subject.lower()
    if lowered in ("i",) or lowered.startswith("my ") and not _names(subject):
        return "self"
    if lowered in ("we", "") or lowered.startswith("our ") and not _names(subject):
        if not subject and obj.lower().split(" ")[0] in ("i", "i'm", "i've", "my"):
            return "self"
        return "organization"
    names = _names(subject)
    if lowered.startswith(("my ", "our ", "the ")):
        return names[0] if names else "organization"
    return subject  # an organization or person named as the subject: the caller knows whose it is


# --- help given to the owner --------------------------------------------------------------------

_NAME_RE = re.compile(cues.NAME)


def _names(text: str, skip: Iterable[str] = (), vocative_only_at_start: bool = False) -> list[str]:
    skipped = {s.lower() for s in skip}
    out = []
    for m in _NAME_RE.finditer(text):
        if vocative_only_at_start and m.start() == 0 and not text[m.end():].startswith(","):
            continue  # "Putting you two in touch" starts with a capital, "Sam, meet Alex" with a name
        words = m.group("name").split()
        while words and words[0].lower() in cues.NOT_NAMES:
            words = words[1:]
        name = " ".join(words)
        if name and name.lower() not in skipped and not any(w.lower() in skipped for w in words):
            out.append(name)
    return out


def find_helped(text: str, owner_names: Sequence[str]) -> list[Found]:
    """The writer introduced the owner to someone, referred someone to them, or invited them."""
    owner = [n for n in owner_names if n]
    found: list[Found] = []
    for sentence in sentences(text):
        if not cues.HELP_PREFILTER.search(sentence):
            continue
        item = _intro_for_owner(sentence, owner) or _referral(sentence, owner) or _invitation(sentence)
        if item:
            found.append(item)
    return _unique(found)


def _intro_for_owner(sentence: str, owner: Sequence[str]) -> Found | None:
    m = _first_intro(sentence)
    if not m:
        return None
    lowered = sentence.lower()
    # looping someone in on mail to the owner introduces them; "I introduced Tom to Grace" does not
    addressed = (m.re in cues.INTRO_ADDRESSED or re.search(r"\byou\b|\bmeet\b", lowered)
                 or any(n.lower() in lowered for n in owner))
    if not addressed:
        return None  # the writer reporting an intro between two other people
    names = _names(sentence[m.start("name"):], skip=owner) if "name" in m.groupdict() else []
    names = names or _names(sentence, skip=owner, vocative_only_at_start=True)
    return Found("helped", sentence, "introduction", about=names[0] if names else None)


def _first_intro(sentence: str) -> re.Match[str] | None:
    if cues.INTRO_VETO.search(sentence):
        return None
    for pattern in cues.INTRO_PATTERNS:
        m = pattern.search(sentence)
        if m and ("name" not in m.groupdict() or _names(m.group("name"))):
            return m
    return None


def _referral(sentence: str, owner: Sequence[str]) -> Found | None:
    if cues.INTRO_VETO.search(sentence) or not cues.REFERRAL_TO_YOU.search(sentence):
        return None
    for pattern in cues.REFERRAL_PATTERNS:
        m = pattern.search(sentence)
        if m:
            names = _names(m.groupdict().get("name") or "", skip=owner)
            return Found("helped", sentence, "referral", about=names[0] if names else None)
    return None


def _invitation(sentence: str) -> Found | None:
    if cues.INVITE_VETO.search(sentence):
        return None
    if any(p.search(sentence) for p in cues.INVITE_PATTERNS):
        return Found("helped", sentence, "invitation")
    return None


def is_introduction(text: str) -> bool:
    """The message introduces people to each other (so an ask it answers can be marked done)."""
    return any(cues.HELP_PREFILTER.search(s) and _first_intro(s) for s in sentences(text))
