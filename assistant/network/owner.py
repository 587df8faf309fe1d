"""Is a message "from the owner" really the owner's? Pure.

The From line is whatever the sender typed, so mail that merely says it is from the owner proves
nothing: one forged message "from" the owner to a stranger would make that stranger look like
someone the owner writes to. A message From the owner (or an alias, or a delegate) counts as the
owner's when any one of these holds:

- it, or a copy with its Message-ID, was read from a Sent folder;
- it comes from a Gmail Takeout mbox whose X-Gmail-Labels (written by Google) include Sent;
- the topmost Authentication-Results field written by the owner's own provider
  (`[mailbox] trusted_authserv_id`, e.g. mx.google.com) shows dmarc=pass, or a passing DKIM
  signature aligned with the From domain. Fields written by anyone else are ignored.

Every feature that acts on the owner's mail (the network's direction, replies to the digest,
forwarded events) asks this one function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.models import StoredMessage
from assistant.network.identity import canonical

SENT_FOLDER, GMAIL_LABEL, AUTHENTICATED = "sent folder", "gmail label", "authentication-results"


@dataclass(frozen=True)
class OwnerProof:
    identities: frozenset[str]  # the owner's addresses, aliases, delegates
    in_sent: Callable[[str], bool] = lambda message_id: False  # a copy with this Message-ID is in Sent
    trusted_authserv_id: str | None = None

    def claims(self, message: StoredMessage) -> bool:
        """The From line names the owner (proof or not); plus-tags and Gmail dots do not hide it."""
        return message.sender is not None and canonical(message.sender.email) in self._canonical

    @property
    def _canonical(self) -> frozenset[str]:
        return frozenset(canonical(i) for i in self.identities)

    def proof(self, message: StoredMessage) -> str | None:
        """Why this message is the owner's (SENT_FOLDER, GMAIL_LABEL, AUTHENTICATED), or None."""
        if not self.claims(message):
            return None
        if message.folder.startswith("sent:") or self.in_sent(message.message_id):
            return SENT_FOLDER
        if any(label.strip().lower() == "sent" for label in message.labels):
            return GMAIL_LABEL
        if self.trusted_authserv_id and message.sender is not None:
            trusted = self.trusted_authserv_id.lower()
            topmost = next((a for a in message.auth if a.authserv_id == trusted), None)
            domain = message.sender.email.rpartition("@")[2]
            if topmost is not None and topmost.passes_for(domain):
                return AUTHENTICATED
        return None
