"""The messages acting sends: a stored draft as mail from the user, and a receipt to the user. Pure.

Everything in a draft came from other people's mail (names, subjects, quotes): names and subjects
pass clean_text before they reach a header (Python 3.11.7 lacks the CVE-2024-6923 fix), addresses
are checked strictly, and a draft whose recipients do not all check is refused, never "repaired".
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from typing import Any

import jinja2

from assistant.addresses import clean_text, header_mailbox, is_valid_email
from assistant.models import Owner

RECEIPT_TEMPLATE = "receipt.txt.j2"


def act_message_id(entropy: bytes, domain: str, kind: str) -> str:
    """"<act.{kind}.{random}@{domain}>": replies to it are recognised as answers to the assistant."""
    token = base64.b32encode(entropy[:15]).decode("ascii").rstrip("=").lower()
    return f"<act.{kind}.{token}@{clean_text(domain, 253).lower()}>"


def recipients(draft: Mapping[str, Any]) -> tuple[str, ...]:
    """Every address of the draft (To and Cc), lower case; ValueError if one is not an address."""
    found = []
    for entry in [*(draft.get("to") or ()), *(draft.get("cc") or ())]:
        email = str(entry.get("email", "")).strip().lower()
        if not is_valid_email(email):
            raise ValueError(f"the draft names {email!r}, which is not an e-mail address")
        found.append(email)
    if not found:
        raise ValueError("the draft has no recipient")
    return tuple(dict.fromkeys(found))


def draft_message(draft: Mapping[str, Any], owner: Owner, now: datetime, message_id: str) -> EmailMessage:
    """The draft exactly as shown in the digest, as mail from the owner."""
    recipients(draft)  # refuses a draft with a bad address before anything is built
    message = EmailMessage(policy=SMTP)
    message["From"] = header_mailbox(owner.name, owner.email)
    message["To"] = [header_mailbox(a.get("name", ""), a["email"].lower()) for a in draft.get("to") or ()]
    if draft.get("cc"):
        message["Cc"] = [header_mailbox(a.get("name", ""), a["email"].lower()) for a in draft["cc"]]
    message["Subject"] = clean_text(str(draft.get("subject", "")))
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    message.set_content(str(draft.get("body", "")), cte="quoted-printable")
    return message


def receipt_message(env: jinja2.Environment, context: Mapping[str, Any], *, owner: Owner, sender_name: str,
                    now: datetime, message_id: str, in_reply_to: str | None, references: Sequence[str],
                    subject: str, template: str = RECEIPT_TEMPLATE) -> EmailMessage:
    """A receipt (or guest suggestions, template "guests.txt.j2") to the owner only, marked as an
    automatic reply so no client or rule answers it. References carry the thread back to the digest,
    so the user's reply to it can act like a reply to the digest."""
    message = EmailMessage(policy=SMTP)
    message["From"] = header_mailbox(sender_name or owner.name, owner.email)
    message["To"] = header_mailbox(owner.name, owner.email)
    message["Subject"] = clean_text(subject)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        # the first reference (the digest, for a thread that started there) is always kept: a long
        # back-and-forth of replies and receipts still leads back to the digest's token
        kept = [*references[:1], *references[-9:], in_reply_to]
        message["References"] = " ".join(dict.fromkeys(f"<{r.strip('<> ')}>" for r in kept))
    message["Auto-Submitted"] = "auto-replied"
    message["X-Auto-Response-Suppress"] = "All"
    message.set_content(env.get_template(template).render(**context), cte="quoted-printable")
    return message
