"""A real 2002 mailing-list mailbox (../shared/corpora): its list traffic must not become contacts."""

import logging
from datetime import UTC, datetime

import pytest

from assistant.errors import MessageRefused
from assistant.models import Owner, StoredMessage
from assistant.network.build import build_network
from assistant.network.owner import OwnerProof
from assistant.reading.parse import parse_message
from tests.corpora import CORPORA, require

pytestmark = pytest.mark.slow  # parses a whole real mailbox

CORPUS = CORPORA / "mailboxes" / "spamassassin-ham"
# the mailbox's owner, as its sent mail shows
OWNER = Owner("Justin Mason", "yyyy@spamassassin.taint.org", ("yyyyason@users.sourceforge.net",))
LISTS = ("fork@spamassassin.taint.org", "rpm-zzzlist@freshrpms.net", "exmh-users@spamassassin.taint.org",
         "spamassassin-talk@example.sourceforge.net", "zzzzteana@yahoogroups.com")


@pytest.fixture(scope="module")
def network():
    require(CORPUS)
    logging.disable(logging.WARNING)
    records = []
    try:
        for path in sorted(CORPUS.glob("*/*")):
            try:
                records.append(StoredMessage.from_message(parse_message(path.read_bytes()), OWNER, "inbox:"))
            except MessageRefused:
                continue
    finally:
        logging.disable(logging.NOTSET)
    now = datetime(2002, 12, 31, tzinfo=UTC)
    return records, build_network(records, OWNER, now, proof=OwnerProof(OWNER.identities))


def test_list_traffic_does_not_turn_into_contacts(network):
    records, net = network
    senders = {r.sender.email for r in records if r.sender}
    assert len(senders) > 800
    assert len(net.people) < 40, [p.email for p in net.people]
    people = {e for p in net.people for e in p.emails}
    assert not people & set(LISTS)
    for person in net.people:
        assert person.sent > 0 or person.weak, person.email


def test_the_owner_is_never_a_contact_even_from_an_unlisted_address(network):
    _, net = network
    assert not any(p.name == "Justin Mason" for p in net.people)
