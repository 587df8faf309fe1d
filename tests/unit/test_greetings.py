"""The name the owner greets someone by (understanding/greetings.py, network/build.py, digest drafts).

Real mailboxes show why: a shared family account ("Mike Schick" writes for Ana), a business name
("Heizungsbau Armin Scharnberger" for Connie) or a bare address ("sblackman@") is no name to open a
draft with; the owner's own "Hi, Connie!!" is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest

from assistant.digest.candidates import called, person_context
from assistant.models import Findings, Owner, StoredMessage
from assistant.network.build import build_network
from assistant.network.owner import OwnerProof
from assistant.network.views import explain
from assistant.reading.parse import parse_message
from assistant.understanding.greetings import greeted_name
from assistant.understanding.message import understand

OWNER = Owner("Susan Pereira", "susan@example.com")
NOW = datetime(2001, 12, 12, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(("opening", "name"), [
    ("Hi, Connie!!\nHow is Germany?", "Connie"),
    ("Dear Ana Schick:", "Ana"),
    ("Connie -", "Connie"),
    ("Connie,\nthanks for the pictures", "Connie"),
    ("Bob -- thanks for this", "Bob"),
    ("Thanks Connie!", "Connie"),
    ("Hey Bob, quick one", "Bob"),
    ("Good morning Sarah.", "Sarah"),
    ("Liebe Anna,", "Anna"),
    ("Hola María,", "María"),
    ("Hi Jean-Luc,", "Jean-Luc"),
    ("\n\n  Hi Ana,\n", "Ana"),  # the first line with words
    ("Hi all,", None),  # a group
    ("Hi there,", None),
    ("Hi Connie and Tom,", None),  # two people: the note greets neither alone
    ("Dear Mr. Smith,", None),  # an honorific: formal address, no first name
    ("Thanks for the note.", None),
    ("Sounds good, see you then.", None),
    ("Agreed!", None),  # a bare word is as often not a name
    ("Connie", None),
    ("FYI -", None),
    ("Hello!", None),
    ("Susan - see below", None),  # the owner's own name
    ("Here is the file. Hi Tom, by the way.", None),  # only the opening counts
    ("", None),
])
def test_the_opening_salutation_names_the_reader(opening, name):
    assert greeted_name(opening, OWNER.names) == name


def note(sender: str, to: str, body: str, mid: str, days_ago: int, folder: str) -> StoredMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, "hello"
    msg["Date"] = (NOW - timedelta(days=days_ago)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    msg["Message-ID"] = mid
    msg.set_content(body)
    return StoredMessage.from_message(parse_message(msg.as_bytes()), OWNER, folder)  # understood by build_network


CONNIE = "Heizungsbau Armin Scharnberger <scharnberger-armin@t-online.example>"


def test_drafts_greet_a_person_by_the_name_the_owners_own_notes_use():
    records = [
        note(CONNIE, "Susan Pereira <susan@example.com>", "Susan,\nwe just started our own business!\nConnie\n",
             "<c1@x>", 30, "inbox:"),
        note("Susan Pereira <susan@example.com>", CONNIE, "Hi, Connie!!\nThat is wonderful news.\nSusan\n",
             "<s1@x>", 29, "sent:Sent"),
        note(CONNIE, "Susan Pereira <susan@example.com>", "Susan,\nthe shop is busy.\nConnie\n", "<c2@x>", 20,
             "inbox:"),
        note("Susan Pereira <susan@example.com>", CONNIE, "Connie -\nglad to hear it.\nSusan\n", "<s2@x>", 19,
             "sent:Sent"),
        # a note to two people greets neither of them alone
        note("Susan Pereira <susan@example.com>", f"{CONNIE}, Ana <ana@example.org>", "Hi Ana,\nsee below.\n",
             "<s3@x>", 10, "sent:Sent"),
    ]
    net = build_network(records, OWNER, NOW, proof=OwnerProof(OWNER.identities, lambda m: m.startswith("<s")))
    connie = net.find("scharnberger-armin@t-online.example")
    assert connie is not None and connie.name == "Heizungsbau Armin Scharnberger"
    assert connie.evidence["greeting"] == {"Connie": 2}
    assert called(connie) == "Connie" and person_context(connie)["first"] == "Connie"
    assert "Greeted as: 'Connie' x2" in explain(connie, NOW)
    # stored at ingest with the owner's own note's findings, as a sync stores them
    sent = next(r for r in records if r.message_id == "<s1@x>")
    assert understand(sent, OWNER, from_owner=True).greets == "Connie"
    stored = understand(sent, OWNER, from_owner=True).to_json()
    assert stored["greets"] == "Connie" and Findings.from_json(stored).greets == "Connie"


@pytest.mark.parametrize(("signed", "given"), [
    ("Connie", "Connie"), ("Ana Schick", "Ana"), ("Dr. Jane Smith", "Jane"), ("JOHN SMITH", "John"),
    ("J. Smith", None), ("Mr. Smith", None), ("The Team", None)])
def test_the_given_name_of_a_sign_off(signed, given):
    from assistant.understanding.greetings import first_given

    assert first_given(signed) == given


def test_a_forwarded_letters_salutation_and_a_note_with_cc_greet_no_one():
    kevin = "Kevin Li <kevin@example.org>"
    forward = note("Susan Pereira <susan@example.com>", kevin,
                   "---------- Forwarded message ---------\nFrom: Al <al@x.example>\nDate: Mon, 3 Dec 2001\n"
                   "Subject: deal\nTo: <jim@y.example>\n\nDear Jim,\nThe deal is signed and we are all very glad.\n",
                   "<f1@x>", 5, "sent:Sent")
    assert understand(forward, OWNER, from_owner=True).greets is None
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Cc"], msg["Subject"] = "Susan Pereira <susan@example.com>", CONNIE, kevin, "x"
    msg["Date"], msg["Message-ID"] = "Mon, 3 Dec 2001 10:00:00 +0000", "<cc1@x>"
    msg.set_content("Kevin -\nplease send Connie the file.\n")
    copied = StoredMessage.from_message(parse_message(msg.as_bytes()), OWNER, "sent:Sent")
    assert understand(copied, OWNER, from_owner=True).greets is None  # "Kevin -" greets the one in Cc


def test_without_a_greeting_the_first_word_of_the_name_stays():
    from .test_suggest_support import person

    lena = person("Lena Fischer", "lena@kestrel.example")
    assert called(lena) == "Lena"
    ana = person("Mike Schick", "schick@example.org")
    ana.evidence["greeting"] = {"Ana": 3, "Mike": 1}  # the family account: the owner writes to Ana
    assert called(ana) == "Ana"


def test_without_a_greeting_the_name_they_sign_with_is_used():
    # a probe mailbox: the owner never greeted Connie by name, but she signs "Love,\nConnie" from an account
    # named "Heizungsbau Armin Scharnberger"
    letter = "Scott,\nthe shop is busy and the garden is done.\n\nLove,\nConnie\n"
    records = [note(CONNIE, "Scott H <scott@example.com>", letter, f"<c{i}@x>", 30 - i, "inbox:") for i in range(3)]
    records.append(note("Scott H <scott@example.com>", CONNIE, "Guten Morgen!!!\nHow was your weekend?\n", "<s9@x>",
                        20, "sent:Sent"))
    owner = Owner("Scott H", "scott@example.com")
    net = build_network(records, owner, NOW, proof=OwnerProof(owner.identities, lambda m: m == "<s9@x>"))
    connie = net.find("scharnberger-armin@t-online.example")
    assert connie is not None and connie.evidence["signed"] == {"Connie": 3}
    assert called(connie) == "Connie"


def test_a_sign_off_name_counts_only_when_it_is_their_habit():
    from .test_suggest_support import person

    ana = person("Mike Schick", "schick@example.org")
    ana.evidence["signed"] = {"Ana": 1}
    assert called(ana) == "Mike"  # once is not a habit
    ana.evidence["signed"] = {"Ana": 2, "Mike": 2}
    assert called(ana) == "Mike"  # two people write from the account: no telling
    ana.evidence["signed"] = {"Ana": 3, "Mike": 1}
    assert called(ana) == "Ana"
    ana.evidence["greeting"] = {"Annie": 1}
    assert called(ana) == "Ana"  # one greeting their name, address and sign-offs do not back is no habit
    ana.evidence["greeting"] = {"Annie": 2}
    assert called(ana) == "Annie"  # how the owner greets them, twice, comes first
    ana.evidence["greeting"] = {"Ana": 1}
    assert called(ana) == "Ana"  # once is enough when their own sign-off says the same
    bob = person("Robert Blake", "bob.blake@firm.example")
    bob.evidence["greeting"] = {"Bob": 1, "Rob": 1}
    assert called(bob) == "Robert"  # a tie tells nothing
    bob.evidence["greeting"] = {"Bob": 1}
    assert called(bob) == "Bob"  # in their address
    team = person("Acme Support", "help@acme.example")
    team.evidence["signed"] = {"The": 4}
    assert called(team) == "Acme"
