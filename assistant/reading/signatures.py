"""The sender's signature block: found at the end of a reply and read into a Signature.

A typical block is "Name / Title / Company / phone / url", or "Name | Title | Company", or
"Title, Company"; the sender's display name and mail domain help to tell which line is which.
"""

from __future__ import annotations

import re

from assistant.models import Address, Signature
from assistant.reading import reply_labels as lab

_LOOKBACK = 12  # non-empty lines at the end of a reply that may belong to a sign-off block
_MAX_BLOCK = 10
_MAX_LINE = 90
_PARTICLES = frozenset(("van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "dos", "das",
                        "bin", "al", "ter", "ten", "y", "e"))
_SPLIT = re.compile(r"\s+[|·•]\s+|\s*\|\s*|\t+|\s+[–—]\s+|\s+-\s+")
_ROLE_AT = re.compile(r"^(?P<title>.+?)(?:,\s+|\s+at\s+|\s+@\s+|\s+bei\s+|\s+chez\s+|\s+en\s+)(?P<org>.+)$", re.I)
_NAME_EDGES = re.compile(r"^[\s\-–—~/\\*_>]+|[\s,.;:!*_]+$")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*|[A-Z]\.)$")
_NANP = re.compile(r"\d[\s.\-]\d{3}[\s.\-]\d{4}$")
_FILE_NAME = re.compile(r"[^\W\d_]\.(?:[a-z]{2,4}x?|[A-Z]{3,4})$")  # "Agenda.doc", "Budget.xlsx", "SCAN.PDF"
_AFTER_SIGN_OFF = re.compile(r"(?:,|\s[-–—]+)\s+")  # where a one-line sign-off gives way to the name
_NOT_SIGNERS = frozenset(("all", "everyone", "everybody", "again", "guys", "team", "folks", "both", "so",
                          "much", "mate", "y'all", "you", "ladies", "gentlemen", "happy", "merry", "sounds", "will",
                          "good", "great", "have", "hope", "see", "talk", "looking", "enjoy", "best",
                          "speak", "cheers", "thanks", "regards", "love", "take", "stay", "safe", "kind", "warm"))
_DATE_LIKE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$")


def trailing_signature(own: list[str], sender: Address | None) -> tuple[int, Signature | None]:
    """(index where the signature block starts in ``own`` or len(own), the parsed signature)."""
    filled = [i for i, line in enumerate(own) if line.strip()][-_LOOKBACK:]
    sign_off = None
    for pos in range(len(filled) - 1, -1, -1):
        line = own[filled[pos]].strip()
        if lab.SIGN_OFF.match(line):
            sign_off = pos
            break
        if len(line) > _MAX_LINE:
            break
    if sign_off is None and filled:
        name = _signed_on_one_line(own[filled[-1]], sender)
        if name:
            return len(own), Signature(name=name)
    if sign_off is not None:
        block = filled[sign_off + 1:]
        if len(block) == 1:
            name = _clean_name(own[block[0]])
            return len(own), Signature(name=name) if name and is_name_like(name, sender) else None
        if 2 <= len(block) <= _MAX_BLOCK and _looks_like_block([own[i] for i in block], sender):
            return block[0], parse_signature([own[i] for i in block], sender)
        return len(own), None
    return _unsigned_block(own, filled, sender)


def _signed_on_one_line(line: str, sender: Address | None) -> str | None:
    """The name in a sign-off and name on one line, closing the text: "Many thanks, Tami Grubb",
    "Cheers - Ana", "Best, Dan"; not "Thanks, see you Monday" or "Thanks, everyone"."""
    text = line.strip()
    if len(text) > 60:
        return None
    for m in _AFTER_SIGN_OFF.finditer(text):
        if not lab.SIGN_OFF.match(text[:m.end()].rstrip()):
            continue
        name = _clean_name(text[m.end():])
        words = name.split()
        if not words or not all(w[0].isupper() for w in words) or words[0].casefold() in _NOT_SIGNERS:
            continue
        # "Thanks, Alex" may thank the reader: with a display name, only the sender's own name signs
        if _matches_sender(name, sender) if sender is not None and sender.name else is_name_like(name, sender):
            return name
    return None


def _unsigned_block(own: list[str], filled: list[int], sender: Address | None) -> tuple[int, Signature | None]:
    """A contact block closing the reply without a sign-off; it must name the sender."""
    if sender is None or not sender.name or len(filled) < 2:
        return len(own), None
    start = len(filled) - 1
    while start > 0 and filled[start - 1] == filled[start] - 1:
        start -= 1
    block = [own[i] for i in filled[start:]]
    if start == 0 or len(block) > _MAX_BLOCK:
        return len(own), None
    first = _SPLIT.split(block[0].strip())[0]
    if not _matches_sender(_clean_name(first), sender) or not _looks_like_block(block, sender):
        return len(own), None
    return filled[start], parse_signature(block, sender)


def _looks_like_block(block: list[str], sender: Address | None) -> bool:
    if any(len(line.strip()) > _MAX_LINE for line in block):
        return False
    first = _SPLIT.split(block[0].strip())
    if not is_name_like(_clean_name(first[0]), sender):
        return False
    rest = first[1:] + [line.strip() for line in block[1:]]
    return any(_contact_like(part, sender) for part in rest)


def _contact_like(part: str, sender: Address | None) -> bool:
    return bool(find_phone(part) or lab.URL.search(part) or lab.EMAIL_IN_TEXT.search(part)
                or lab.TITLE_WORDS.search(part) or lab.COMPANY_SUFFIX.search(part)
                or _is_sender_org(part, sender))


_ATTACHED = re.compile(r"^\(?\s*see attached file:.*\)?$|^<<.*\.\w{2,4}>>$", re.I)
_ASSISTANT_TO = re.compile(r"^(?:executive |administrative |personal |senior )?assistant to\b", re.I)


def parse_signature(block: list[str], sender: Address | None) -> Signature | None:
    """Name, title, organization and phone from the lines of a signature block."""
    parts: list[str] = []
    for line in block[:_MAX_BLOCK]:
        line = line.strip()
        if _ATTACHED.match(line):
            continue  # Lotus Notes' "(See attached file: resume.doc)": a file, not an organization
        if _ASSISTANT_TO.match(line):
            return None  # an assistant signing for someone: not the sender's own title or firm
        if line and len(line) <= 200:
            parts.extend(p.strip(" *_") for p in _SPLIT.split(line) if p.strip(" *_"))
    name = title = org = phone = city = None
    # "Berg Finance Partners" shares a word with Hannah Berg but is her firm, not her name
    # and "fran.fagan@enron.com" spells her name but is her address
    named = [p for p in parts if _matches_sender(_clean_name(p), sender) and not lab.COMPANY_SUFFIX.search(p)
             and not lab.EMAIL_IN_TEXT.search(p) and not lab.URL.search(p)]
    if named:
        name = _clean_name(max(named, key=len))  # "Anika Sharma" over the "Anika" of the sign-off
    for part in parts:
        if part in named:
            continue
        if lab.FAX_LABEL.match(part):
            continue
        found = find_phone(part)
        if found:
            phone = phone or found
            continue
        if lab.EMAIL_IN_TEXT.search(part) or lab.URL.fullmatch(part.strip("<>() ")):
            continue
        place = _CITY.search(part)
        if place and city is None:
            city = place.group("city").strip()
            continue
        if name is None and is_name_like(_clean_name(part), sender) and title is None:
            name = _clean_name(part)
        elif title is None and lab.TITLE_WORDS.search(part):
            title, company = _role(part, sender)
            org = org or company
        elif org is None and not lab.TITLE_WORDS.search(part) and \
                _org_like(part, sender, name is not None or title is not None):
            org = part.strip(" ,.;:!")
    if not any((name, title, org, phone)):
        return None
    return Signature(name=name, title=title, organization=org, phone=phone, city=city)


_US_STATES = ("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
              "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY").split()
_COUNTRIES = ("USA|United States|Canada|Mexico|UK|United Kingdom|England|Scotland|Ireland|France|Germany|"
              "Deutschland|Spain|España|Italy|Italia|Portugal|Netherlands|Belgium|Switzerland|Austria|Sweden|"
              "Norway|Denmark|Finland|Poland|Czechia|Japan|China|India|Singapore|Australia|New Zealand|Brazil|"
              "Argentina|Chile|Colombia|Nigeria|Kenya|South Africa|Israel|UAE")
# "Portland, OR 97210", "123 Main St, Portland, OR", "Lyon, France": the town before a state or country
_CITY = re.compile(
    rf"(?:^|,\s*)(?P<city>[A-ZÀ-Þ][\w.'À-ÿ-]*(?: [A-ZÀ-Þ][\w.'À-ÿ-]*){{0,3}}),\s*"
    rf"(?:(?:{'|'.join(_US_STATES)})(?:\s+\d{{5}}(?:-\d{{4}})?)?|{_COUNTRIES})\.?$")


def _role(part: str, sender: Address | None) -> tuple[str, str | None]:
    """"Head of Sales at Acme" or "CTO, Acme Ltd" -> (title, organization)."""
    m = _ROLE_AT.match(part)
    if m and (not lab.TITLE_WORDS.search(m.group("org")) or _org_like(m.group("org"), sender, False)):
        return m.group("title").strip(), m.group("org").strip(" ,.;:!")
    return part.strip(" ,"), None


def _org_like(part: str, sender: Address | None, after_name: bool) -> bool:
    if lab.COMPANY_SUFFIX.search(part) or _is_sender_org(part, sender):
        return True
    words = part.split()
    return (after_name and 0 < len(words) <= 6 and not lab.HAS_DIGIT.search(part)
            and part[:1].isupper() and not part.endswith((".", "!", "?")))


def _is_sender_org(part: str, sender: Address | None) -> bool:
    stem = _domain_stem(sender)
    return bool(stem) and stem in re.sub(r"[\s\-_.]", "", part.casefold())


def _domain_stem(sender: Address | None) -> str:
    if sender is None or "@" not in sender.email:
        return ""
    labels = sender.email.rsplit("@", 1)[1].split(".")
    stem = labels[-2] if len(labels) >= 2 else labels[0]
    if len(labels) >= 3 and len(stem) <= 3:  # acme.co.uk
        stem = labels[-3]
    return "" if stem in lab.FREEMAIL or len(stem) < 3 else stem.replace("-", "")


def find_phone(part: str) -> str | None:
    """A phone number in a signature line, as written; dates and years are not phones."""
    labelled = bool(lab.PHONE_LABEL.match(part)) and bool(re.match(r"^\s*[^\d\s+(]{1,12}[.:]?\s*[+(\d]", part))
    for m in lab.PHONE.finditer(part):
        number = m.group(1).strip()
        digits = sum(c.isdigit() for c in number)
        if not 7 <= digits <= 15 or _DATE_LIKE.match(number):
            continue
        if labelled or number.startswith(("+", "(")) or digits >= 9 or _NANP.search(number):
            return number
    return None


def _clean_name(text: str) -> str:
    return _NAME_EDGES.sub("", text.strip())


def is_name_like(text: str, sender: Address | None = None) -> bool:
    """"Jane Doe", "J. R. Smith", "Jef", "Anna van der Berg"; not titles, sentences or numbers."""
    if not text or len(text) > 40 or lab.HAS_DIGIT.search(text) or "@" in text or _FILE_NAME.search(text):
        return False  # an attachment's name under the text ("- Open House Announcement.doc") signs nothing
    if _matches_sender(text, sender):
        return True
    if lab.SIGN_OFF.match(text) or lab.TITLE_WORDS.search(text) or lab.COMPANY_SUFFIX.search(text):
        return False
    tokens = text.split()
    if len(tokens) == 1:
        return tokens[0].isalpha() and len(tokens[0]) <= 20
    return len(tokens) <= 4 and all(_NAME_TOKEN.match(t) or t.casefold() in _PARTICLES for t in tokens)


def _matches_sender(text: str, sender: Address | None) -> bool:
    if sender is None or not text or len(text) > 60:
        return False
    words = {w for w in re.findall(r"[^\W\d_]{2,}", text.casefold())}
    if not words or len(words) > 4:
        return False
    name_words = {w for w in re.findall(r"[^\W\d_]{2,}", sender.name.casefold())}
    if words & name_words:
        return True
    local = sender.email.split("@", 1)[0].casefold()
    return any(len(w) >= 3 and w in local for w in words) and len(words) <= 3
