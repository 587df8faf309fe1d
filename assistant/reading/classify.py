"""Is a message bulk, automated, a forward, an event or personal correspondence? Pure."""

from __future__ import annotations

import re
from collections.abc import Mapping

# localparts of senders that are machines or shared role boxes, never a person writing
_MACHINE_LOCAL = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer[-_.]?daemon|postmaster|bounces?"
    r"|notifications?|notify|alerts?|automated|auto[-_.]?confirm|system|daemon|robot|bot"
    r"|calendar[-_.]?notification|receipts?|billing|invoices?|orders?|shipping|delivery"
    r"|updates?|news(?:letter)?s?|digest|info|marketing|hello|team|support|help|feedback"
    r"|account(?:s)?|security|verify|confirm(?:ation)?s?|listserv|majordomo|owner-[\w.-]+"
    r"|[\w.-]+-(?:request|bounces?|owner))(?:[+.-][\w.-]*)?$", re.I)
_NOREPLY_ONLY = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer[-_.]?daemon|postmaster|bounces?"
    r"|notifications?|notify|alerts?|automated|calendar[-_.]?notification|receipts?)(?:[+.-][\w.-]*)?$", re.I)
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:auto(?:matic)?[ -]?(?:reply|response|antwort|réponse)|out of (?:the )?office|abwesenheitsnotiz"
    r"|absence|réponse automatique|respuesta automática|risposta automatica|autosvar|automatisch antwoord"
    r"|undeliverable|undelivered mail|delivery status notification|mail delivery (?:failed|failure|subsystem)"
    r"|returned mail|failure notice|delivery has failed)\b", re.I)
ESP_HEADERS = ("x-mailchimp-campaign", "x-mc-user", "x-campaign", "x-campaignid", "x-sg-eid", "x-sg-id",
                "x-mailgun-tag", "x-ses-outgoing", "x-mandrill-user", "x-pm-message-id", "x-sendgrid-eid",
                "x-hubspot-message-id", "x-marketo-id", "x-mailjet-campaign", "x-constantcontact",
                "x-cmail-campaign", "x-emarsys-id", "x-rpcampaign", "x-newsletter", "x-mailer-campaign",
                "x-klaviyo-message-id", "x-beehiiv-id", "x-substack-id", "x-listmonk-campaign")
_BULK_MAILERS = re.compile(r"mailchimp|sendgrid|constant ?contact|campaign monitor|hubspot|marketo|"
                           r"mailjet|sendinblue|brevo|klaviyo|substack|beehiiv|listmonk|mailman|sympa|"
                           r"phplist|ezmlm|lyris|ecmessenger|exacttarget|salesforce marketing", re.I)


def machine_sender(local_part: str) -> bool:
    """A sender address that is a role box or a machine (noreply, notifications, billing ...)."""
    return bool(_MACHINE_LOCAL.match(local_part))


def signals(headers: Mapping[str, str], sender_email: str, subject: str,
            content_types: frozenset[str]) -> tuple[str, ...]:
    """The reasons a message is bulk or automated, as short tags (empty: looks personal).

    headers maps lower-cased header names to their (first) decoded value.
    """
    tags: list[str] = []
    auto = headers.get("auto-submitted", "").strip().lower()
    if auto and not auto.startswith("no"):
        tags.append(f"auto-submitted:{auto.split(';')[0]}")
    precedence = headers.get("precedence", "").strip().lower()
    if precedence in ("bulk", "list", "junk", "auto_reply"):
        tags.append(f"precedence:{precedence}")
    for name in ("x-autoreply", "x-autorespond"):
        if headers.get(name, "").strip().lower() not in ("", "no", "false"):
            tags.append("autoreply-header")
    if "multipart/report" in content_types or "message/delivery-status" in content_types:
        tags.append("delivery-report")
    if headers.get("list-id"):
        tags.append("list-id")
    if headers.get("list-unsubscribe"):
        tags.append("list-unsubscribe")
    if headers.get("list-post") or headers.get("mailing-list") or headers.get("x-mailing-list"):
        tags.append("mailing-list")
    if headers.get("feedback-id"):
        tags.append("feedback-id")
    if any(h in headers for h in ESP_HEADERS):
        tags.append("esp")
    mailer = headers.get("x-mailer", "")
    if mailer and _BULK_MAILERS.search(mailer):
        tags.append("bulk-mailer")
    local = sender_email.split("@", 1)[0] if sender_email else ""
    if not sender_email:
        tags.append("no-sender")
    elif _NOREPLY_ONLY.match(local):
        tags.append("noreply-sender")
    elif machine_sender(local):
        tags.append("role-sender")
    if headers.get("return-path", "").strip() == "<>":
        tags.append("null-return-path")
    if _AUTO_SUBJECT.match(subject or ""):
        tags.append("auto-subject")
    return tuple(dict.fromkeys(tags))


_AUTOMATED_TAGS = ("auto-submitted", "precedence:auto_reply", "autoreply-header", "delivery-report",
                   "noreply-sender", "null-return-path", "auto-subject", "calendar-reply", "calendar-cancel")
_BULK_TAGS = ("list-id", "list-unsubscribe", "mailing-list", "precedence:bulk", "precedence:list",
              "precedence:junk", "feedback-id", "esp", "bulk-mailer")


def is_automated(tags: tuple[str, ...]) -> bool:
    return any(t.startswith(_AUTOMATED_TAGS) for t in tags)


def is_bulk(tags: tuple[str, ...]) -> bool:
    return any(t in _BULK_TAGS for t in tags) or "role-sender" in tags


def kind_of(tags: tuple[str, ...], has_forward: bool, has_event: bool, calendar_invite: bool) -> str:
    """One kind per message. Order matters: an auto-reply that quotes a forward is automated;
    a calendar invitation is an event even when a calendar system sends it; a forward stays a
    forward even when it carries an event (the user forwarded it on purpose)."""
    if calendar_invite:
        return "event"
    if is_automated(tags):
        return "automated"
    if has_forward:
        return "forwarded"
    if has_event:
        return "event"
    if is_bulk(tags):
        return "bulk"
    return "personal"
