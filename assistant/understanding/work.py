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
from functools import lru_cache

_WORK_NOUN = (r"(?:job|jobs|position|positions|role|roles|opening|openings|employment|internship|internships|"
              r"career|opportunit(?:y|ies)|gig|work|placement|post)")
# people a hirer wants, when a verb as broad as "looking for" or "need" asks for them ("we need two analysts");
# after "hiring", "recruiting" or "in the market for" any role will do ("we're hiring a bookkeeper")
_PEOPLE = (r"(?:candidates?|applicants?|hires?|people|folks|talent|staff|analysts?|traders?|structurers?|"
           r"marketers?|engineers?|developers?|programmers?|associates?|managers?|directors?|heads? of|vps?|"
           r"interns?|graduates?|grads|salespeople|sales ?(?:reps?|people)|originators?|schedulers?|accountants?|"
           r"attorneys?|lawyers?|paralegals?|nurses?|teachers?|researchers?|scientists?|designers?|recruiters?|"
           r"assistants?|coordinators?|specialists?|officers?|executives?|consultants?|"
           r"team members?|employees?|workers?|hands)")
# who hires: the writer, their firm, team or client ("we", "our tax group", "the clinic", "my client, a
# PE-backed manufacturer,"); a subject this open is safe only before the verbs below
_HIRER = (r"(?:we|we're|we are|we've|we have|i'm|i am|i|they|they're|they are|"
          r"(?:our|the|my|this)\s+(?:[\w&'-]+\s+){0,3}?[\w&'-]+(?:,\s+[^,.;!?]{1,60},)?|one of my clients)")
_BE = (r"(?:(?:is|are|am|have been|'ve been|'re|'s|has|have|also|still|now|currently|actively|urgently|really|"
       r"always|finally|desperately|honestly)\s+){0,3}")
_DET = (r"(?:(?:an?|the|some|two|three|four|five|six|seven|eight|ten|several|more|another|a few|a couple of|good|"
        r"great|strong|experienced|talented|qualified|top|bright|smart|new|additional|one more|\d+)\s+)*")
_ROLE = r"(?P<role>[\w&/'-]+(?:(?:\s+|,\s*|\s+(?:and|or|&)\s+)[\w&/'-]+){0,6})"
# verbs that say "to employ" whatever follows them; "looking for" and "need" say so only of people (_PEOPLE)
# or where the sentence speaks of employment (_EMPLOYMENT): "we need a plumber" is a service, not a hire
_HIRE_VERB = (r"(?:hiring(?:\s+for)?|recruiting(?:\s+for)?|"
              r"looking to (?:hire|add|recruit|bring on)|trying to (?:hire|recruit|staff))")
# verbs that take on people as readily as projects, features or advice: "adding a feature", "taking on a
# new project", "the meeting is after lunch", "we could use some advice" are no hires
_BROAD_VERB = (r"(?:looking for|searching for|seeking|need|needs|in need of|need to (?:find|hire)|taking on|adding|"
               r"in the market for|trying to fill|"
               r"after(?=\s+(?:an?|two|three|four|some|someone|somebody|\d+)\s)|"
               r"(?:could|can) (?:really |definitely )?use)")
_HIRING = re.compile(
    rf"(?:\b{_HIRER}\s+{_BE}|^\W*)(?:{_HIRE_VERB})\s*[:\u2013\u2014-]?\s+{_DET}{_ROLE}"
    rf"|(?:\b(?P<who>{_HIRER})\s+{_BE}|^\W*){_BROAD_VERB}\s+{_DET}"
    rf"(?P<people>(?:[\w&/'-]+(?:\s+|,\s*|\s+(?:and|or|&)\s+)){{0,6}}[\w&/'-]+)\b",
    re.I)
# "know any good carpenters who want steady work?", "any OTR drivers looking for work?": the writer has the work
_WORK_FOR_THEM = re.compile(
    r"\b(?:know|have|got)\s+(?:of\s+)?any(?:one)?\s+(?:good\s+|experienced\s+)?(?P<role>(?:[\w&/'-]+\s+){0,3}?"
    r"[\w&/'-]+)\s+(?:who\s+(?:wants?|needs?|is\s+looking\s+for|are\s+looking\s+for|might\s+want)|looking\s+for|"
    r"wanting)\s+(?:steady\s+|more\s+|extra\s+|some\s+|a\s+)?(?:work|shifts|hours|a\s+job|job)\b", re.I)
# the sentence speaks of employing someone: hours, shifts, pay, a start, referrals, a team to join
_EMPLOYMENT = re.compile(
    r"\b(?:full[- ]time|part[- ]time|\d+\s*(?:hrs?|hours)\s*(?:/|a|per)\s*week|shifts?|on nights|weekends|salary|"
    r"per hour|an hour|/hr|[$£€]\s?\d+k?|\d+k\b|contract[- ]to[- ]hire|permanent|seasonal|temp(?:orary)?\b|"
    r"start(?:ing)? (?:in|on|date|asap|immediately)|join (?:us|our|the team)|our team|the team|referrals?|"
    r"pass (?:it|this|the word) (?:along|on)|send (?:them|him|her|anyone) my way|hire|hiring|staff|position|role|"
    r"opening|vacanc|replacement|experience|years'? experience|remote ok|hybrid|on-?site)", re.I)
# a service for the writer's own household: "a nurse practitioner for my mom", "a tutor for my son"
_FOR_FAMILY = re.compile(r"\bfor\s+(?:my|our)\s+(?:mom|mum|mother|dad|father|parents?|son|daughter|kids?|children|"
                         r"wife|husband|partner|family|house|home|grandm\w+|grandf\w+)\b", re.I)
_PEOPLE_RE = re.compile(rf"\b{_PEOPLE}\b", re.I)
_SINGULAR = re.compile(r"i|i'm|i am", re.I)
# a writer who hires for someone: a recruiter's client, their team, firm or desk, a role to fill
_FOR_AN_EMPLOYER = re.compile(r"\b(?:(?:my|our|a)\s+clients?|for\s+(?:my|our|the)\s+(?:team|firm|company|desk|group|"
                              r"office|practice|department|startup|shop|store|restaurant|clinic)|to\s+join|position|"
                              r"role|hire|hiring|full[- ]time|part[- ]time|salary|permanent)\b", re.I)
# an opening to fill: "we have an opening for a scheduler", "to fill the analyst position", "anyone who
# might be interested in the position", "candidates for our Houston desk"
_OPENING = re.compile(
    r"\b(?:an?|one|two|three|several|some)\s+(?:job\s+)?(?:opening|vacanc(?:y|ies))s?\s+for\s+(?:an?\s+)?"
    rf"(?P<role>(?:[\w&/'-]+\s+){{0,3}}?{_PEOPLE})\b"
    r"|\bfill(?:ing)?\s+(?:a|an|the|this|our|two|three|several)\s+(?P<filled>(?:[\w&/'-]+\s+){0,3}?)"
    r"(?:position|role|job|opening|vacanc(?:y|ies))s?\b"
    r"|\b(?:anyone|someone|anybody|somebody|people|candidates?)\b[^.?!;]{0,40}\binterested in (?:the|this|our|an?) "
    r"(?P<posted>(?:[\w&/'-]+\s+){0,3}?)(?:position|role|opening|job)\b"
    r"|\b(?:candidates?|applicants?)\s+for\s+(?:the|our|an?|this|my client's)\s+"
    r"(?P<for>(?:[\w&/'-]+\s+){0,3}?[\w&/'-]+)",
    re.I)
# a move into a field: "get back into nursing", "move from the shop floor into visual merchandising"
_INTO = (r"\b(?:get(?:ting)?|mov(?:e|ing)|switch(?:ing)?|transition(?:ing)?|break(?:ing)?|go(?:ing)?|pivot(?:ing)?)"
         r"\s+(?:back\s+)?(?:from\s+[^.?!;]{1,50}?\s+)?in(?:to)?\s+(?:the\s+|a\s+)?(?:something\s+in\s+)?"
         r"(?P<field>(?:[\w&/'-]+\s+){0,3}?[\w&/'-]+)(?=\s+(?:world|business|field|industry|sector|role|job|"
         r"position)\b|[,.;!?]|\s+(?:or|and|so|if|since|because|ideally|lately|recently|again|now|soon|eventually|"
         r"someday|when|after|once)\b|$)")
_INTO_FIELD = re.compile(_INTO, re.I)
# what a seeker looks for: a job, a role; an opportunity only a new one or a career's ("the opportunity to
# invest in your fund" is no job)
_SOUGHT = (r"(?:job|jobs|position|positions|role|roles|opening|openings|employment|internship|internships|career|"
           r"gig|work|placement|post|(?:new|next|other|career|job|employment|work)\s+opportunit(?:y|ies))")
# a writer (or someone they speak for) who needs work
_SEEKING = re.compile(
    r"\b(?:look(?:ing)?(?:\s+(?:hard|around|actively|now))?\s+for|search(?:ing)?(?:\s+for)?|hunt(?:ing)?\s+for|"
    r"hop(?:e|ing)(?:\s+to\s+(?:find|land|get|secure))?|seeking|finding|landing|getting|"
    r"want(?:s|ed|ing)?(?:\s+to\s+(?:find|land|get))?|need(?:s|ed|ing)?|trying\s+to\s+(?:find|land|get)|"
    r"(?:love|like)\s+to\s+(?:find|land|get)|apply(?:ing)?\s+for|interested\s+in|open\s+to|find|land|secure)"
    r"\s+(?:(?:an?|the|some|any|my|his|her|their|first|another|similar|full-time|part-time|"
    r"permanent|good)\s+)*(?:[\w&/'-]+\s+){0,5}?" + _SOUGHT + r"\b"
    r"|" + _INTO.replace("?P<field>", "?:") +
    r"|\b(?:job|employment|career)\s+(?:search|hunt|leads?|prospects?|options|change|advice)\b"
    r"|\b(?:my|his|her|their)\s+(?:[\w ]{0,30}\band\s+)?(?:resume|résumé|cv|curriculum vitae)\b"
    r"|\b(?:if\s+you\s+(?:have|hear\s+of|know\s+of|see|come\s+across)|any)\s+(?:any\s+)?(?:available\s+|open\s+)?"
    r"(?:[\w&/'-]+\s+){0,3}?(?:jobs?|positions?|openings?|work|contracts?|gigs?|shifts?)\b"
    r"|\b(?:know|hear)\s+(?:of\s+)?any\s+(?:[\w&'-]+\s+){0,2}?(?:that|who|which)\s+(?:are|is|might\s+be)\s+"
    r"(?:hiring|taking\s+(?:people|anyone)\s+on)"
    r"|\b(?:jobs?|positions?|openings?|opportunit(?:y|ies)|roles?)\b[^.?!;]{0,60}\b(?:would\s+)?(?:interests?|fits?|"
    r"suits?)\s+me\b|\bon\s+the\s+(?:job\s+)?market\b"
    # "keep me in mind" for what comes up, not "for the dinner on Friday"
    r"|\b(?:keep|have)\s+(?:me|him|her|them|my\s+name)\s+in\s+mind\b(?!\s+for\s+(?:the|a|an|our|your|this|that)\s+"
    r"(?!(?:job|position|role|opening|team|desk|group)\b))"
    r"|\b(?:laid\s+off|lost\s+(?:my|his|her|their)\s+(?:job|position)|out\s+of\s+work|between\s+jobs|unemployed)\b"
    r"|\bcount\s+me\s+in\s+when\b[^.?!;]{0,40}\bhir", re.I)
# a reference is for a job only where the sentence speaks of one ("on my apartment application" is not)
_REFERENCE = re.compile(r"\b(?:reference|recommendation)\s+(?:letter\s+)?for\s+(?:me|him|her)\b|\bbe\s+a\s+reference\b",
                        re.I)
_WORK_TALK = re.compile(r"\b(?:job|jobs|position|role|employer|employment|interview|hiring|career|work)\b|"
                        r"\bapply(?:ing)?\s+(?:to|for)\s+(?:a\s+few\s+|several\s+|some\s+)?(?:places|companies|firms|"
                        r"jobs|positions|roles)\b", re.I)
# "role", "position" and "work" in other senses: a part in a project, a stance, work to be done; a seat offered
# to the reader ("would you be open to a new role on the board?") is theirs to take, not the writer's search
_NOT_WORK = re.compile(r"\b(?:role (?:in|of|for|on) (?:the|this|our|your|us|my|a)\b|position on\b|"
                       r"(?:our|my|the|your) position (?:is|was|that)|look(?:ing)? forward|"
                       r"(?:the|this|that|your|our|some) work (?:on|for|you)|work (?:done|on)\b|to (?:do|get) the job|"
                       r"(?:would|could|will|are|might)\s+you\s+be\s+(?:open|interested)\b)",
                       re.I)
_FIELD_STOP = (r"(?:but|so|if|that|which|who|where|ideally|preferably|for|at|in|with|by|soon|now|since|because|when|"
               r"after|until|while|once|as|before|though|although|lately|recently|again|right|asap|this|next)\b")
_FIELD_AFTER = re.compile(
    r"\b" + _WORK_NOUN + r"\s+(?:in|as)\s+(?:an?\s+|the\s+)?(?P<field>[\w&/'-]+(?:(?:\s+(?:and|or|&))?\s+(?!"
    + _FIELD_STOP + r")[\w&/'-]+){0,3})", re.I)
_STOP_FIELD = frozenset("""a an the my his her their our your new next first good great any some one job jobs position
positions role roles opening openings work career opportunity opportunities internship full-time part-time
permanent temporary similar other another better different this that it for me him them us to find land get
secure love like looking searching hunting hoping seeking want wanted need needed apply applying interested
open in of on and or summer winter spring fall autumn seasonal holiday weekend evening night day weekday
local remote paid unpaid""".split())
_STOP_ROLE_TAIL = re.compile(r"\s+(?:to|for|who|that|with|at|in|on|but|if|so|as|from|by|because|since|when|while|"
                             r"this|next|right|asap|immediately|soon|now|here|there|please)\b.*$", re.I)
_PRONOUNS = re.compile(r"^(?:someone|somebody|anyone|anybody|people|folks|help|more|it|them|you|one|ones)$", re.I)


@lru_cache(maxsize=4096)  # matching, the digest's drafts and the model's `what` ask again of the same asks
def about_work(text: str) -> tuple[bool, str] | None:
    """(True, the role) for a hire, (False, the field) for a job sought, None for any other ask."""
    role = hiring(text)
    if role is not None:
        return True, role
    field = _sought(text)
    return None if field is None else (False, field)


def work_texts(texts: Iterable[str]) -> list[str]:
    """The fields and roles these asks about work name, as matching compares them by meaning (field_words)."""
    return [words for text in texts if (found := about_work(text)) is not None and (words := field_words(found[1]))]


# words that rank or count people in any field: "a senior tax manager" and "a store manager" share no field
RANK_WORDS = frozenset("""senior junior good great strong experienced entry level full time part permanent temporary
new first next people person someone candidates candidate staff team member members position positions role roles
job jobs work opening openings manager managers director directors assistant assistants associate associates lead
leads head chief officer officers coordinator coordinators specialist specialists supervisor supervisors technician
technicians worker workers executive executives intern interns program project general operations seasonal vp
vps""".split())


def field_words(phrase: str) -> str:
    """A field or role without its rank words ("senior tax manager" -> "tax"); "" when that is all it
    says ("an assistant manager" names no field)."""
    return " ".join(w for w in re.findall(r"[\w&/'-]+", phrase) if w.lower() not in RANK_WORDS and w.lower() not in
                    ("a", "an", "the", "some", "two", "three", "four", "more", "another"))


def hiring(text: str) -> str | None:
    """The role a hirer's ask wants filled ("senior traders", "marketers, traders and structurers"),
    "" when it names none, or None when the ask is not a hire."""
    for m in _HIRING.finditer(text):
        role = m.group("role") if m.group("role") is not None else m.group("people")
        words = role.split()
        if not words or re.fullmatch(_WORK_NOUN, words[0], re.I) or _seeks_it(role, text[m.end():]):
            continue  # "looking for a job", "a junior trader job", "a staff accountant position": the writer's need
        if m.group("people") is not None and (_FOR_FAMILY.search(text) or not (
                _PEOPLE_RE.search(role) or _EMPLOYMENT.search(text))):
            continue  # "we need a plumber", "a nurse practitioner for my mom": a service, not a hire
        if m.group("people") is not None and _SINGULAR.fullmatch(m.group("who") or "") and \
                not _FOR_AN_EMPLOYER.search(text):
            continue  # "I'm looking for a good accountant to do my taxes": the writer's own service
        return _role(role)
    other = _WORK_FOR_THEM.search(text) or _OPENING.search(text)
    if other is not None:
        return _role(next((g for g in other.groups() if g), ""))
    return None


def _seeks_it(role: str, after: str) -> bool:
    """The words after the wanted 'role' make it a job wanted: "a staff | accountant position"."""
    work = rf"(?:{_WORK_NOUN}|rotation|program|programme|spot|slot|seat|assignment)"
    return bool(re.fullmatch(work, role.split()[-1], re.I) or re.fullmatch(work, role.split()[0], re.I)
                or re.match(rf"(?:\s+[\w&/'-]+){{0,3}}?\s+{work}\b", after, re.I)
                or re.search(rf"\b{_WORK_NOUN}\b", role, re.I) and not re.search(r"\b(?:for|to fill)\b", role, re.I))


def _role(phrase: str) -> str:
    role = _STOP_ROLE_TAIL.sub("", re.split(r",?\s+\S*\d", phrase, maxsplit=1)[0]).strip(" ,.'\"")
    role = re.sub(r"(?:,\s*|\s+(?:and|or|&)\s+)$", "", role)
    return "" if not role or _PRONOUNS.match(role) or role.lower() in _STOP_FIELD else role


def seeking_work(text: str) -> str | None:
    """The field a job seeker names ("gas trading", "pharmaceutical sales"), "" when they name none,
    or None when the ask is not for work (a hire is not)."""
    found = about_work(text)
    return found[1] if found is not None and not found[0] else None


def _sought(text: str) -> str | None:
    """seeking_work for a sentence already known to be no hire."""
    if not (_SEEKING.search(text) or _REFERENCE.search(text) and _WORK_TALK.search(text)) or _NOT_WORK.search(text):
        return None
    for m in _INTO_FIELD.finditer(text):  # "get back into nursing", "into social work"
        words = _trimmed(m.group("field").split(), keep_last=True)
        if words and not (len(words) == 1 and _PRONOUNS.match(words[0])):
            return " ".join(words).strip(" ,.'\"")
    before = _run_before_work_noun(text)  # "a lab tech job", "a staff accountant position"
    if before:
        return before
    for m in _FIELD_AFTER.finditer(text):  # "a job in sales", "a job in oil and gas"
        words = _trimmed(m.group("field").split())
        if not words or len(words) == 1 and _PRONOUNS.match(words[0]):
            continue
        if all(w[:1].isupper() for w in words if w.lower() not in ("and", "or", "&")):
            continue  # "a job in Houston": a place, not a field
        return " ".join(words).strip(" ,.'\"")
    return ""


def _trimmed(words: list[str], keep_last: bool = False) -> list[str]:
    """The words of a field without the stop words at its ends ("and" between two stays: "oil and gas");
    keep_last: its last word is the field's own ("social work")."""
    while words and words[0].lower() in _STOP_FIELD:
        words = words[1:]
    while words and words[-1].lower() in _STOP_FIELD and not (keep_last and len(words) > 1 and
                                                                 words[-1].lower() not in ("and", "or")):
        words = words[:-1]
    return words


def _run_before_work_noun(text: str) -> str:
    """The words right before "job", "position" or "role" that name its field, up to a determiner or a
    verb: "wants a part-time job" names none, "a middle school science teaching job" names four."""
    for m in re.finditer(r"\b(?:job|position|role|internship|opening|career)s?\b", text, re.I):
        words = re.findall(r"[\w&/'-]+", text[:m.start()])
        run: list[str] = []
        for word in reversed(words[-5:]):
            if word.lower() in _STOP_FIELD or word.lower() in _VERBISH or word[:1].isdigit():
                break
            run.insert(0, word)
        if run and not all(w[:1].isupper() for w in run):
            return " ".join(run)
    return ""


_VERBISH = frozenset("""is am are was were be been wants want wanted needs need needed seeks seek seeking find finding
land landing get getting apply applying take taking know knows hear heard do does did has had have start starting
love like would could should will can may might""".split())


_FOR_SOMEONE = re.compile(
    r"\b(?:my|our)\s+(?:(?:former|old|best|close|dear|younger|older|little|big)\s+)?(?P<who>husband|wife|partner|"
    r"son|daughter|brother|sister|nephew|niece|cousin|friend|roommate|student|mentee|colleague|neighbou?r|"
    r"dad|father|mom|mum|mother|kid|child|stepson|stepdaughter|grandson|granddaughter|fianc[eé]e?|boyfriend|"
    r"girlfriend|intern|assistant)\b", re.I)


def seeker_for(text: str) -> str | None:
    """Whom a job seeker's ask is for when it is not the writer ("my husband lost his job" -> "husband"):
    the one named before the search, else None (the writer's own)."""
    m = _FOR_SOMEONE.search(text)
    search = _SEEKING.search(text)
    if m is None or search is None or m.start() > search.start():
        return None
    return m.group("who").lower()
