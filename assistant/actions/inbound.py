"""Which inbound mail is for the assistant, and whether a reply to the digest may act. Pure.

A reply acts only when all of these hold (check_reply):
  - it is a person's mail: not automated (auto-replies, out-of-office, bounces, notifications), not
    list mail, and not the assistant's own (its digests and receipts carry Auto-Submitted, and their
    Message-IDs are in the outbox);
  - it answers a real digest: a correctly signed digest Message-ID in In-Reply-To/References
    (digest/tokens.py), of a digest this assistant sent, younger than token_days;
  - it has exactly one From, strictly parsed, and it is the owner's address or an alias (a
    delegate's address does not command);
  - it carries the owner proof (network/owner.py): a copy in Sent, Gmail's Sent label, or a
    passing Authentication-Results of the trusted server. Clients file the Sent copy a little
    after the mail arrives, so a reply missing only that proof waits up to PROOF_WAIT first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from assistant.digest import tokens
from assistant.models import Owner, StoredMessage
from assistant.network.identity import canonical
from assistant.network.owner import OwnerProof
from assistant.reading.classify import is_automated, is_bulk

OURS = ("digest.", "act.")  # how the Message-IDs the assistant gives what it sends begin
PROOF_WAIT = timedelta(minutes=10)
SEVERAL_FROM = "from-not-single"  # reading/parse.py's signal

ACT, WAIT, REFUSE, IGNORE = "act", "wait", "refuse", "ignore"


def for_the_assistant(record: Mapping[str, Any], address: str = "") -> bool:
    """A stored record the assistant must look at: it answers something the assistant sent, returns
    it (a delivery report), or was sent to the assistant's own address (a forwarded event)."""
    refs = [record.get("in_reply_to") or "", *(record.get("references") or ()), *(record.get("returned") or ())]
    if any(str(ref).strip("<> ").lower().startswith(OURS) for ref in refs):
        return True
    return bool(address) and "refused" not in record and any(
        str(a.get("email", "")).lower() == address for a in [*(record.get("to") or ()), *(record.get("cc") or ())])


@dataclass(frozen=True)
class Verdict:
    action: str  # ACT, WAIT, REFUSE or IGNORE
    reason: str
    digest_id: str | None = None
    tell_user: bool = False  # a refusal the user should hear about (someone may be impersonating them)


def check_reply(message: StoredMessage, *, owner: Owner, proof: OwnerProof, key: bytes,
                digest_sent: Callable[[str], datetime | None], ours: Callable[[str], bool], now: datetime,
                first_seen: datetime, token_days: int) -> Verdict:
    """May this reply to a digest act? digest_sent: when a digest id went out (None: never sent by
    this assistant); ours: the Message-ID is mail the assistant sent; first_seen: when the
    assistant first stored this reply (not its Date header, which the sender writes)."""
    if ours(message.message_id):
        return Verdict(IGNORE, "the assistant's own mail")
    if is_automated(message.signals) or is_bulk(message.signals):
        return Verdict(IGNORE, "automated or list mail (an auto-reply, a bounce, a notification)")
    refs = " ".join(f"<{ref.strip('<> ')}>" for ref in [message.in_reply_to or "", *message.references] if ref)
    digest_id = tokens.verify(refs, key)
    if digest_id is None:
        if "<digest." in refs.lower():
            return Verdict(REFUSE, "it quotes a digest Message-ID that this assistant did not sign (altered "
                                   "or forged)", tell_user=True)
        return Verdict(IGNORE, "not a reply to a digest")
    sent = digest_sent(digest_id)
    if sent is None:
        return Verdict(REFUSE, "it answers a digest this assistant has no record of", digest_id, tell_user=True)
    if now - sent > timedelta(days=token_days):
        return Verdict(REFUSE, f"it answers a digest sent {sent:%Y-%m-%d}, more than {token_days} days ago: "
                               "reply to the latest digest instead", digest_id, tell_user=True)
    if SEVERAL_FROM in message.signals or message.sender is None:
        return Verdict(REFUSE, "its From line does not name exactly one address", digest_id, tell_user=True)
    mine = {canonical(a) for a in (owner.email, *owner.aliases)}
    if canonical(message.sender.email) not in mine:
        return Verdict(REFUSE, f"it comes from {message.sender.email}, not from you", digest_id, tell_user=True)
    others = sorted({a.email for a in (*message.to, *message.cc)} - {a.email for a in (*message.to, *message.cc)
                                                                         if canonical(a.email) in mine})
    if others:
        return Verdict(REFUSE, f"it was also addressed to {', '.join(others[:3])}: a reply that acts goes to "
                               "you alone", digest_id, tell_user=True)
    if message.forwarded is not None or message.subject.lower().lstrip().startswith(("fwd:", "fw:", "wg:", "tr:")):
        return Verdict(REFUSE, "it is a forward of the digest, not a reply to it", digest_id, tell_user=True)
    if proof.proof(message) is None:
        if now - first_seen < PROOF_WAIT:
            return Verdict(WAIT, "waiting for its copy in your Sent folder", digest_id)
        return Verdict(REFUSE, "nothing proves you wrote it: no copy in your Sent folder and no passing "
                               "authentication by your provider (it may be forged)", digest_id, tell_user=True)
    return Verdict(ACT, "a reply from you to your digest", digest_id)


def check_forward(message: StoredMessage, *, owner: Owner, proof: OwnerProof, ours: Callable[[str], bool],
                  now: datetime, first_seen: datetime) -> Verdict:
    """May this mail to the assistant's address ask for guests? The checks of a reply, without a token."""
    if ours(message.message_id):
        return Verdict(IGNORE, "the assistant's own mail")
    if is_automated(message.signals) or is_bulk(message.signals):
        return Verdict(IGNORE, "automated or list mail")
    if SEVERAL_FROM in message.signals or message.sender is None:
        return Verdict(REFUSE, "its From line does not name exactly one address", tell_user=True)
    mine = {canonical(a) for a in (owner.email, *owner.aliases)}
    if canonical(message.sender.email) not in mine:
        return Verdict(REFUSE, f"it was sent to the assistant by {message.sender.email}, not by you", tell_user=True)
    if proof.proof(message) is None:
        if now - first_seen < PROOF_WAIT:
            return Verdict(WAIT, "waiting for its copy in your Sent folder")
        return Verdict(REFUSE, "nothing proves you sent it: no copy in your Sent folder and no passing "
                               "authentication by your provider", tell_user=True)
    return Verdict(ACT, "a forward from you")


def check_answer(message: StoredMessage, *, helper: str) -> Verdict:
    """Is this the helper answering the opt-in note? Only from the address the note went to."""
    if is_automated(message.signals) or is_bulk(message.signals):
        return Verdict(IGNORE, "automated (an out-of-office or a bounce)")
    if SEVERAL_FROM in message.signals or message.sender is None:
        return Verdict(REFUSE, "its From line does not name exactly one address", tell_user=True)
    if canonical(message.sender.email) != canonical(helper):
        return Verdict(REFUSE, f"an answer to your note to {helper} came from {message.sender.email}",
                       tell_user=True)
    return Verdict(ACT, "the helper's answer")


def authenticated_for(message: StoredMessage, domain: str, trusted_authserv_id: str | None) -> bool:
    """The trusted server says the sender's domain passed DMARC (for auto_connect)."""
    if not trusted_authserv_id:
        return False
    topmost = next((a for a in message.auth if a.authserv_id == trusted_authserv_id.lower()), None)
    return topmost is not None and topmost.passes_for(domain)
