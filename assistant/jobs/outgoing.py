"""Sending one outbox row: the state says `sending` before the SMTP conversation starts, and says
how it ended right after. See state/outbox.py for what each status means."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from assistant.crashpoints import crash_point
from assistant.errors import DeliveryError
from assistant.smtp import Mailer
from assistant.state.outbox import Outbox, OutboxRow

logger = logging.getLogger(__name__)


def deliver(outbox: Outbox, row: OutboxRow, mailer: Mailer, now: datetime,
            on_sent: Callable[[], None] | None = None) -> OutboxRow:
    """Send the row's own message (its Message-ID never changes); returns the row as it ended.

    on_sent adds the caller's records (the digest's numbers, an action's result) to the same write
    that marks the row sent. Raises StoreError, with nothing sent, when the state cannot be written."""
    row = outbox.sending(row, now)
    crash_point("outbox.sending")
    message = outbox.message(row)
    try:
        mailer.send(message, row.recipients)
    except DeliveryError as exc:
        if exc.maybe_delivered:
            logger.error("%s may or may not have been delivered: %s", row.key, exc)
            return outbox.uncertain(row, now, f"the connection was lost before the server confirmed it ({exc})")
        logger.error("%s was not sent: %s", row.key, exc)
        return outbox.failed(row, now, str(exc), exc.permanent)
    crash_point("outbox.delivered")
    row = outbox.sent(row, now, also=on_sent)
    crash_point("outbox.recorded")
    logger.info("%s sent to %d recipient(s)", row.key, len(row.recipients))
    return row
