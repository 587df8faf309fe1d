"""Asks about work: someone looking for a job, and someone looking for people to hire. Pure.

The commonest ask in real mail is for a job (a third of the asks labeled in the evaluation set: "any
leads would mean a lot", "please keep my resume in mind", "my daughter is looking for her first job"),
and the commonest answer to it is someone else's ask: an employer or a recruiter "in the market for
good traders". Neither is a trade the taxonomy can look up ("a job in marketing" asks for no marketer),
so introductions pair the two asks (digest.intros), each side named by the field it is in.

Both readers take an ask's sentence (already judged an ask) and return the field it names ("gas
trading", "senior traders"; "" when it names none), or None when the ask is not about work. English
cue words only: an ask in another language is matched by meaning as any other ask is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORK_NOUN = (r"(?:job|jobs|position|positions|role|roles|opening|openings|employment|internship|internships|"
              r"career|opportunit(?:y|ies)|gig|work|placement|post)")
# people a hirer wants, when a verb as broad as "looking for" or "need" asks for them ("we need two analysts");
# after "hiring", "recruiting" or "in the market for" any role will do ("we're hiring a bookkeeper")
_PEOPLE = (r"(?:candidates?|applicants?|hires?|people|folks|talent|staff|analysts?|traders?|structurers?|"
           r"marketers?|engineers?|developers?|programmers?|associates?|managers?|directors?|heads? of|vps?|"
           r"interns?|graduates?|grads|salespeople|sales ?(?:reps?|people)|originators?|schedulers?|accountants?|"
           r"attorneys?|lawyers?|paralegals?|nurses?|teachers?|researchers?|scientists?|designers?|recruiters?|"
           r"assistants?|coordinators?|specialists?|officers?|executives?|analysts?|consultants?|"
           r"team members?|employees?|workers?|hands)")
_HIRER = (r"(?:we|we're|we are|we've|we have|i'm|i am|i|our\s+[\w&-]+(?:\s+[\w&-]+)?|my clients?|one of my clients|"
          r"my team|the team|the firm|they|they're|they are)")
_BE = r"(?:(?:is|are|am|have been|'ve been|'re|'s|also|still|now|currently|actively|urgently|really|always)\s+){0,3}"
_DET = (r"(?:(?:an?|the|some|two|three|four|five|several|more|another|a few|a couple of|good|great|strong|"
        r"experienced|talented|qualified|top|bright|smart|new|additional|\d+)\s+)*")
_ROLE = r"(?P<role>[\w&/'-]+(?:(?:\s+|,\s*|\s+(?:and|or|&)\s+)[\w&/'-]+){0,6})"
_HIRING = re.compile(
    rf"(?:\b{_HIRER}\s+{_BE}|^\W*)(?:hiring|recruiting|in the market for|looking to (?:hire|add|recruit|bring on)|"
    rf"trying to (?:hire|recruit|fill)|adding)\s*[:\u2013\u2014-]?\s+{_DET}{_ROLE}"
    rf"|(?:\b{_HIRER}\s+{_BE}|^\W*)(?:looking for|searching for|seeking|need|needs|in need of)\s+{_DET}"
    rf"(?P<people>(?:[\w&/'-]+\s+){{0,3}}?{_PEOPLE})\b",
    re.I)
# an opening to fill: "we have an opening for a scheduler", "to fill the analyst position", "anyone who
# might be interested in the position", "candidates for our Houston desk"
_OPENING = re.compile(
    r"\b(?:an?|one|two|three|several|some)\s+(?:open(?:ing)?s?|vacanc(?:y|ies))\s+(?:for\s+(?:an?\s+)?)?"
    r"(?P<role>[\w&/'-]+(?:\s+[\w&/'-]+){0,3})?"
    r"|\bfill(?:ing)?\s+(?:a|an|the|this|our|two|three|several)\s+(?P<filled>(?:[\w&/'-]+\s+){0,3}?)"
    r"(?:position|role|seat|spot|job|opening)s?\b"
    r"|\b(?:anyone|someone|anybody|somebody|people|candidates?)\b[^.?!;]{0,40}\binterested in (?:the|this|our|an?) "
    r"(?P<posted>(?:[\w&/'-]+\s+){0,3}?)(?:position|role|opening|job)\b"
    r"|\b(?:candidates?|applicants?)\s+for\s+(?:the|our|an?|this|my client's)\s+"
    r"(?P<for>(?:[\w&/'-]+\s+){0,3}?[\w&/'-]+)",
    re.I)
# a writer (or someone they speak for) who needs work
_SEEKING = re.compile(
    r"\b(?:look(?:ing)?(?:\s+(?:hard|around|actively|now))?\s+for|search(?:ing)? for|hunt(?:ing)? for|"
    r"hoping (?:to (?:find|land|get|secure) )?|seeking|finding|landing|getting|"
    r"want(?:s|ed|ing)? (?:to (?:find|land|get) )?|need(?:s|ed|ing)?|trying to (?:find|land|get)|"
    r"(?:love|like) to (?:find|land|get)|apply(?:ing)? for|interested in|open to|find|land|secure)"
    r"\s+(?:(?:an?|the|some|any|my|his|her|their|first|new|next|another|other|similar|full-time|part-time|"
    r"permanent|good)\s+)*(?:[\w&/'-]+\s+){0,3}?" + _WORK_NOUN + r"\b"
    r"|\b(?:job|employment|career) (?:search|hunt|leads?|prospects?|options|change|advice)\b"
    r"|\b(?:my|his|her|their) (?:[\w ]{0,30}\band )?(?:resume|résumé|cv|curriculum vitae)\b"
    r"|\b(?:if you (?:have|hear of|know of|see|come across)|any)\s+(?:any\s+)?(?:available\s+|open\s+)?"
    r"(?:[\w&/'-]+\s+){0,3}?(?:jobs?|positions?|openings?)\b"
    r"|\b(?:jobs?|positions?|openings?|opportunit(?:y|ies)|roles?)\b[^.?!;]{0,60}\b(?:would )?(?:interests?|fits?|"
    r"suits?) me\b|\bon the (?:job )?market\b"
    r"|\b(?:keep|have) (?:me|him|her|them|my name) in mind\b"
    r"|\b(?:laid off|lost (?:my|his|her|their) (?:job|position)|out of work|between jobs|unemployed)\b"
    r"|\b(?:reference|recommendation) (?:letter )?for (?:me|him|her)\b|\bbe a reference\b"
    r"|\bcount me in when\b[^.?!;]{0,40}\bhir", re.I)
# "role", "position" and "work" in other senses: a part in a project, a stance, work to be done
_NOT_WORK = re.compile(r"\b(?:role (?:in|of|for) (?:the|this|our|your|us|my)|position on\b|"
                       r"(?:our|my|the|your) position (?:is|was|that)|look(?:ing)? forward|"
                       r"(?:the|this|that|your|our|some) work (?:on|for|you)|work (?:done|on)\b|to (?:do|get) the job)",
                       re.I)
_FIELD_AFTER = re.compile(
    r"\b" + _WORK_NOUN + r"\s+(?:in|as|with|within)\s+(?:an?\s+|the\s+)?(?P<field>[\w&/'-]+(?:\s+(?!and\b|or\b|but\b|"
    r"so\b|if\b|that\b|which\b|who\b|where\b|ideally\b|preferably\b|for\b|at\b|in\b|with\b|by\b|soon\b|now\b)"
    r"[\w&/'-]+){0,3})", re.I)
_FIELD_BEFORE = re.compile(
    r"\b(?P<field>(?:[\w&/'-]+\s+){0,2}?[\w&/'-]+)\s+(?:job|position|role|internship|opening|career)s?\b", re.I)
_STOP_FIELD = frozenset("""a an the my his her their our your new next first good great any some one job jobs position
positions role roles opening openings work career opportunity opportunities internship full-time part-time
permanent temporary similar other another better different this that it for me him them us to find land get
secure love like looking searching hunting hoping seeking want wanted need needed apply applying interested
open in of on and or summer winter spring fall autumn seasonal holiday weekend evening night day weekday
local remote paid unpaid""".split())
_STOP_ROLE_TAIL = re.compile(r"\s+(?:to|for|who|that|with|at|in|on|but|if|so|as|from|by|because|since|when|while|"
                             r"this|next|right|asap|immediately|soon|now|here|there|please|if)\b.*$", re.I)
_PRONOUNS = re.compile(r"^(?:someone|somebody|anyone|anybody|people|folks|help|more|it|them|you|one|ones)$", re.I)


def about_work(text: str) -> tuple[bool, str] | None:
    """(True, the role) for a hire, (False, the field) for a job sought, None for any other ask."""
    role = hiring(text)
    if role is not None:
        return True, role
    field = seeking_work(text)
    return None if field is None else (False, field)


def work_texts(texts: Iterable[str]) -> list[str]:
    """The fields and roles these asks about work name ("" left out): matching compares them by meaning."""
    return [found[1] for text in texts if (found := about_work(text)) is not None and found[1]]


def hiring(text: str) -> str | None:
    """The role a hirer's ask wants filled ("senior traders", "marketers, traders and structurers"),
    "" when it names none, or None when the ask is not a hire."""
    m = _HIRING.search(text)
    if m is not None:
        role = m.group("role") if m.group("role") is not None else m.group("people")
        head = role.split()[0].lower() if role.split() else ""
        if re.fullmatch(_WORK_NOUN, head, re.I) or re.fullmatch(_WORK_NOUN, role.split()[-1], re.I) or \
                re.match(rf"\s+(?:{_WORK_NOUN}|rotation|program|programme|spot|slot|seat|assignment)\b",
                         text[m.end():], re.I):
            return None  # "looking for a job", "a junior trader job": the writer's own need
        return _role(role)
    m = _OPENING.search(text)
    if m is not None:
        return _role(next((g for g in m.groups() if g), ""))
    return None


def _role(phrase: str) -> str:
    role = _STOP_ROLE_TAIL.sub("", re.split(r",?\s+\S*\d", phrase, maxsplit=1)[0]).strip(" ,.'\"")
    role = re.sub(r"(?:,\s*|\s+(?:and|or|&)\s+)$", "", role)
    return "" if not role or _PRONOUNS.match(role) or role.lower() in _STOP_FIELD else role


def seeking_work(text: str) -> str | None:
    """The field a job seeker names ("gas trading", "pharmaceutical sales"), "" when they name none,
    or None when the ask is not for work."""
    if not _SEEKING.search(text) or _NOT_WORK.search(text) or hiring(text) is not None:
        return None
    for pattern in (_FIELD_AFTER, _FIELD_BEFORE):
        for m in pattern.finditer(text):
            words = [w for w in m.group("field").split() if w.lower() not in _STOP_FIELD]
            if not words or len(words) == 1 and _PRONOUNS.match(words[0]):
                continue
            if pattern is _FIELD_AFTER and all(w[:1].isupper() for w in words):
                continue  # "a job in Houston", "a role at Enron": a place or a firm, not a field
            return " ".join(words).strip(" ,.'\"")
    return ""
