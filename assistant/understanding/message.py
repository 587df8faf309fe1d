"""What one stored message says of its writer: the per-message findings, as stored at ingest. Pure.

`understand` is the one entry point: the sync's workers call it on every new message, later syncs
call it again when extractor_version changes, `inspect --json` shows it, and the evaluation in
benchmarks/bench_understanding.py measures it. Decisions that need other messages (bulk senders,
delegates, the owner proof, merges) are made when the network is built, from these findings.
"""

from __future__ import annotations

import re

from assistant.models import FINDING_KINDS, KIND_OF, Findings, Found, Owner, StoredMessage
from assistant.reading.classify import is_automated, is_bulk
from assistant.reading.forwards import letter_start
from assistant.understanding import taxonomy
from assistant.understanding.extract import findings
from assistant.understanding.favours import is_introduction
from assistant.understanding.greetings import greeted_name
from assistant.understanding.model import SentenceModel, model_findings, same_sentence
from assistant.understanding.news import find_news

# Bump when what the patterns and the pipeline find changes: stored findings of another version
# are made again. With a sentence model, its heads' digest is part of the version too. Never reuse a
# number: 3 was stored by a rule that was reverted (mass mail with undisclosed recipients).
RULES_VERSION = 23


def extractor_version(model: SentenceModel | str | None) -> str:
    """The version stored findings carry: the patterns' alone, or the patterns' and the model's."""
    if model is None:
        return str(RULES_VERSION)
    return f"{RULES_VERSION}+{model if isinstance(model, str) else model.version}"

TEXT_FOR_PROFILE = 2000  # a person's own words past this are a pasted document, not a profile
TEXT_FOR_TOPICS = 1000


def prepare() -> None:
    """Builds what understanding reads (the taxonomy's vocabulary) now: a process about to fork its
    workers calls it, and they share one copy instead of each building its own."""
    taxonomy.professions()


def speaks_for_themselves(message: StoredMessage, owner: Owner, from_owner: bool) -> bool:
    """A person's own message about themselves: the only kind whose sentences are judged."""
    if message.refused is not None or message.sender is None or not message.reply_text.strip() or from_owner:
        return False
    return not (is_automated(message.signals) or is_bulk(message.signals) or mass_mail(message, owner))


def understand(message: StoredMessage, owner: Owner, *, from_owner: bool = False,
               model: SentenceModel | None = None) -> Findings:
    """The asks, offers, news and favours the writer states in their own words in this message,
    the roles they claim and what they write about; for the owner's own mail, only whether it
    introduces people to each other. With a model, the model judges each sentence (see model.py)."""
    version = extractor_version(model)
    if message.refused is not None or message.sender is None or not message.reply_text.strip():
        return Findings(version=version)
    if is_automated(message.signals) or is_bulk(message.signals):
        return Findings(version=version)  # newsletters and notifications speak for no one
    if not from_owner and mass_mail(message, owner):
        return Findings(news=_own_move(message, model), version=version)
    if from_owner:  # whether it introduces people, and the name a note to one person greets them by
        return Findings(introduces=len(message.to) + len(message.cc) >= 2 and is_introduction(message.reply_text),
                        version=version,
                        greets=_greets(message, owner) if len(message.to) == 1 and not message.cc else None)
    reply = _before_wire_story(message.reply_text)  # roles and topics read it too: their words, not the wire's
    own = _without_letter(reply, message)
    if not own.strip():
        return Findings(version=version)
    title = message.signature.title if message.signature else None
    found = findings(own, title=None if model else title, owner_names=owner.names,
                     sent=message.date.date() if message.date else None)
    if model is not None:  # a job title is a role (below), not something the writer said they offer
        found = model_findings(own, found, model)
    grouped: dict[str, list[Found]] = {kind: [] for kind in FINDING_KINDS}
    for item in found:
        if item.kind == "ask" and _ABOUT_THE_READER.search(item.text) and not _OWN_NEED.search(item.text):
            continue  # "Any luck with MD Anderson yet?": the reader's affairs, not the writer's need
        grouped[KIND_OF[item.kind]].append(item)
    if len(message.to) + len(message.cc) > FEW_RECIPIENTS:
        grouped["helped"] = []  # "You are invited to attend the following presentation" to 23 colleagues
    text = reply[:TEXT_FOR_PROFILE]
    return Findings(tuple(grouped["asks"]), tuple(grouped["offers"]), tuple(grouped["news"]),
                    tuple(grouped["helped"]), tuple(sorted(taxonomy.roles_from_text(text).items())),
                    taxonomy.industries_of(text[:TEXT_FOR_TOPICS]), version=version)


def _own_move(message: StoredMessage, model: SentenceModel | None) -> tuple[Found, ...]:
    """A note to many says nothing of what its writer needs or offers any one reader, with one
    exception: the writer's own move ("Dear friends and colleagues, I have joined XENERGY", "we got
    married"), which people announce to everyone they know at once and which is news to each of them.
    Only the writer's own move, read by its patterns; a model, when there is one, may still doubt it."""
    own = own_words(message)
    moves = [f for f in find_news(own, message.date.date() if message.date else None, moves_only=True)
             if f.about == "self"]
    if moves and model is not None:
        judged = model_findings(own, moves, model)
        moves = [f for f in judged if f.kind == "news" and any(same_sentence(f.text, m.text) for m in moves)]
    return tuple(moves)


# A question about how the reader's own affairs went opens with these: it asks for news, not for help
# ("Any luck with MD Anderson yet?", "How did the interview go?", "Did you hear back from them?")
_ABOUT_THE_READER = re.compile(
    r"^\W*(?:so,?\s+|and\s+)?(?:any\s+(?:luck|news|word|updates?)\b|how\s+(?:did|was|is|are)\s+(?:the|your)\b|how's\s+"
    r"(?:the|your)\b|did\s+you\s+(?:hear|get|find|end\s+up)\b|have\s+you\s+(?:heard|found|had\s+any)\b)", re.I)
# ... unless it names a need of the writer's: "Any news on a good plumber?", "Any luck finding someone at
# Stripe for me?", "Have you found anyone who could help us?"
_OWN_NEED = re.compile(r"\b(?:for\s+(?:me|us)|we|us|our|my|I|a\s+good|anyone|anybody|someone|somebody)\b", re.I)


# A news agency's dateline opens a wire story pasted into a note: "HOUSTON--(BUSINESS WIRE)--Oct. 23, 2001 --",
# "NEW YORK, Sept 27 (Reuters) -", "HAVANA (AP) —", "AUSTIN, Texas, May 2, 2024 /PRNewswire/ --". What follows
# is the agency's text about others, not what the sender says (issue: a press clipping is not their news).
_DATELINE = re.compile(
    # the place in capitals (never a note's "FYI," or "PS,"), then a date after a comma when there is one
    r"^[ \t>]*(?!(?:FYI|PS|P\.S|OK|ASAP|NB|BTW|RE|FW|FWD|CC|TBD|AKA|ETA)\b)[A-Z][A-Z .'’&-]{1,40}"
    r"(?:,[^\n()/]{0,40}?\d[^\n()/]{0,24}?|,\s*[A-Z][A-Za-z.]{1,15}(?:\s+[A-Z][A-Za-z.]+)?)?"  # ", Sept 27", ", CA"
    r"\s*(?:--|—|–|-)?\s*[(/](?i:business\s*wire|pr\s*newswire|"
    r"globe\s*newswire|reuters|ap|afp|upi|bloomberg|dow\s*jones|market\s*wired?|accesswire|eworldwire|prweb|xinhua|"
    r"dpa)[)/]\s*(?:--|—|–|-|:)", re.M)


def own_words(message: StoredMessage) -> str:
    """The sender's own text: reply_text without the forwarded letter (a forward without a note
    reads the letter as its text, for events and previews; it is not what the forwarder says), and
    without a wire story pasted in (from its dateline on)."""
    return _without_letter(_before_wire_story(message.reply_text), message)


def _without_letter(text: str, message: StoredMessage) -> str:
    """`text` up to where the message's forwarded letter starts in it."""
    at = letter_start(text, message.forwarded.body if message.forwarded else "")
    if at < 0:
        return text
    # the same place in the original text: count the characters of the flattened prefix
    kept, seen = [], 0
    for piece in re.finditer(r"\S+|\s+", text):
        token = piece.group()
        size = 1 if token.isspace() else len(token)
        if seen + size > at:
            break
        kept.append(token)
        seen += size
    return "".join(kept).strip()


def _greets(message: StoredMessage, owner: Owner) -> str | None:
    """The name the owner's own note opens with; never a forwarded letter's "Dear Jim," (a forward
    without a note of its own starts with the letter)."""
    own = own_words(message).strip()
    letter = message.forwarded.body.strip() if message.forwarded else ""
    if not own or (letter and letter.startswith(own[:60])):
        return None
    return greeted_name(own, owner.names)


def _before_wire_story(text: str) -> str:
    m = _DATELINE.search(text)
    return text if m is None else text[:m.start()].rstrip()


MANY_RECIPIENTS = 25
# A note to the owner and a few others; to more it is an announcement. Help given is done for the
# owner: an introduction, a referral, an invitation as a guest go to a few people, and a note to more is
# no favour (GUIDELINES.md: "a mass invitation ... sent to a list" is no help given; the evaluation set's
# dev split labels help in notes to at most 10). A colleague's note counts as one only this small too
# (network.people).
FEW_RECIPIENTS = 10


def mass_mail(message: StoredMessage, owner: Owner) -> bool:
    """A person writing to many at once (a newsletter, a note to a whole list): not evidence about
    what they need from the owner. Many recipients, or the owner hidden in Bcc of a note to several
    or to recipients nobody is shown (no To, "undisclosed-recipients:;", or none that parses): the
    way newsletters and announcements go out without list headers. Judging such notes by their words
    was tried on 2026-12-07; see benchmarks/README.md (bench_understanding) for why it was not kept."""
    recipients = [a.email.lower() for a in (*message.to, *message.cc)]
    if len(recipients) > MANY_RECIPIENTS:
        return True
    return not owner.identities & set(recipients) and (len(recipients) >= 3 or not message.to)
