"""What one stored message says of its writer: the per-message findings, as stored at ingest. Pure.

`understand` is the one entry point: the sync's workers call it on every new message, later syncs
call it again when EXTRACTOR_VERSION changes, `inspect --json` shows it, and the evaluation in
benchmarks/bench_understanding.py measures it. Decisions that need other messages (bulk senders,
delegates, the owner proof, merges) are made when the network is built, from these findings.
"""

from __future__ import annotations

from assistant.models import FINDING_KINDS, KIND_OF, Findings, Found, Owner, StoredMessage
from assistant.reading.classify import is_automated, is_bulk
from assistant.understanding import taxonomy
from assistant.understanding.extract import findings
from assistant.understanding.favours import is_introduction

# Bump when what understand() finds changes: stored findings of another version are re-extracted.
EXTRACTOR_VERSION = 1
TEXT_FOR_PROFILE = 2000  # a person's own words past this are a pasted document, not a profile
TEXT_FOR_TOPICS = 1000


def understand(message: StoredMessage, owner: Owner, *, from_owner: bool = False) -> Findings:
    """The asks, offers, news and favours the writer states in their own words in this message,
    the roles they claim and what they write about; for the owner's own mail, only whether it
    introduces people to each other."""
    if message.refused is not None or message.sender is None or not message.reply_text.strip():
        return Findings(version=EXTRACTOR_VERSION)
    if is_automated(message.signals) or is_bulk(message.signals) or (not from_owner and mass_mail(message, owner)):
        return Findings(version=EXTRACTOR_VERSION)  # newsletters and notifications speak for no one
    if from_owner:
        return Findings(introduces=len(message.to) + len(message.cc) >= 2 and is_introduction(message.reply_text),
                        version=EXTRACTOR_VERSION)
    title = message.signature.title if message.signature else None
    found = findings(message.reply_text, title=title, owner_names=owner.names,
                     sent=message.date.date() if message.date else None)
    grouped: dict[str, list[Found]] = {kind: [] for kind in FINDING_KINDS}
    for item in found:
        grouped[KIND_OF[item.kind]].append(item)
    text = message.reply_text[:TEXT_FOR_PROFILE]
    return Findings(tuple(grouped["asks"]), tuple(grouped["offers"]), tuple(grouped["news"]),
                    tuple(grouped["helped"]), tuple(sorted(taxonomy.roles_from_text(text).items())),
                    taxonomy.industries_of(text[:TEXT_FOR_TOPICS]), version=EXTRACTOR_VERSION)


MANY_RECIPIENTS = 25


def mass_mail(message: StoredMessage, owner: Owner) -> bool:
    """A person writing to many at once (a newsletter, a note to a whole list): not evidence about
    what they need from the owner. Many recipients, or the owner hidden in Bcc of a note to several."""
    recipients = [a.email.lower() for a in (*message.to, *message.cc)]
    if len(recipients) > MANY_RECIPIENTS:
        return True
    return not owner.identities & set(recipients) and (len(recipients) >= 3 or not message.to)
