"""Every failure class of "Understand real mail" as tables, written from the shapes real mail has
(Outlook, Lotus Notes, Gmail, Apple Mail, Exchange, calendar servers, mailing lists). Each row
would fail if its rule were taken out. Understanding here is the cue patterns' (no model): the
model is judged on real mail by benchmarks/bench_understanding.py, not by hand-written rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest

from assistant.addresses import first_last, parse_address
from assistant.models import Address, Owner, StoredMessage
from assistant.network.build import build_network
from assistant.network.owner import OwnerProof
from assistant.reading.parse import parse_message
from assistant.reading.signatures import parse_signature
from assistant.understanding.message import mass_mail, own_words, understand

OWNER = Owner("Alex Morgan", "alex@example.com", delegates=("pat.assistant@example.com",))
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def mail(body: str, *, sender="Lena Fischer <lena@kestrel.example>", to: str | None = "Alex Morgan <alex@example.com>",
         cc: str | None = None, subject="Hello", extra: dict[str, str] | None = None, mid="<m1@kestrel.example>"
         ) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["Subject"] = sender, subject
    if to is not None:
        msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Date"], msg["Message-ID"] = "Tue, 10 Nov 2026 09:00:00 -0800", mid
    for name, value in (extra or {}).items():
        msg[name] = value
    msg.set_content(body)
    return msg.as_bytes()


def found(raw: bytes, owner: Owner = OWNER) -> dict[str, list[str]]:
    stored = StoredMessage.from_message(parse_message(raw), owner, "inbox:")
    result = understand(stored, owner)
    return {kind: [f.what or f.text for f in getattr(result, kind)] for kind in ("asks", "offers", "news", "helped")
            if getattr(result, kind)}


# -- whose words: quoted history in every common form is gone before anything is read ---------------------

QUOTED = {
    "gmail on-wrote": "Sounds good, see you then.\n\nOn Mon, Nov 9, 2026 at 4:12 PM Sam Ruiz <sam@x.example> wrote:\n"
                      "> We're looking for a patent attorney. Any leads?\n",
    "outlook original message": "Sounds good, see you then.\n\n-----Original Message-----\nFrom: Sam Ruiz\n"
                                "Sent: Monday, November 9, 2026 4:12 PM\nTo: Lena Fischer\nSubject: lawyer\n\n"
                                "We're looking for a patent attorney. Any leads?\n",
    "outlook header block": "Sounds good, see you then.\n\nFrom: Sam Ruiz <sam@x.example>\nSent: Monday, November "
                            "9, 2026 4:12 PM\nTo: Lena Fischer <lena@kestrel.example>\nSubject: lawyer\n\n"
                            "We're looking for a patent attorney. Any leads?\n",
    "lotus forwarded by": "Sounds good, see you then.\n\n---------------------- Forwarded by Sam Ruiz/HOU/ECT on "
                          "11/09/2026 04:12 PM ---------------------------\n\nWe're looking for a patent attorney. "
                          "Any leads?\n",
    "quoted outlook block": "Sounds good, see you then.\n\n> -----Original Message-----\n> From: Sam Ruiz\n> Sent: "
                            "Monday, November 9, 2026 4:12 PM\n> Subject: lawyer\n>\n> We're looking for a patent "
                            "attorney. Any leads?\n",
    "indented header block": "Sounds good, see you then.\n\n    From: Sam Ruiz\n    Sent: Monday, November 9, 2026\n"
                             "    To: Lena Fischer\n    Subject: lawyer\n\n    We're looking for a patent attorney. "
                             "Any leads?\n",
    "lotus name-on-date": "Sounds good, see you then.\n\n\n\n\nSam Ruiz <sam@x.example> on 11/09/2026 04:12:33 PM\n"
                          "To: Lena Fischer/HOU/ECT@ECT\ncc:\nSubject: lawyer\n\nWe're looking for a patent attorney. "
                          "Any leads?\n",
}


@pytest.mark.parametrize("body", QUOTED.values(), ids=QUOTED.keys())
def test_an_ask_in_quoted_history_is_not_the_senders(body):
    message = parse_message(mail(body))
    assert "patent attorney" not in message.reply_text
    assert "asks" not in found(mail(body))


def test_a_forwarded_letter_belongs_to_its_author_not_the_forwarder():
    body = ("-----Original Message-----\nFrom: Alyce Hoge <ahoge@cms.example>\nSent: Thursday, November 5, 2026\n"
            "To: All Houston Users\nSubject: Resumes\n\nWe are looking to fill a number of trading positions. "
            "If you know anyone who is seeking employment, please have them send their resume to me.\n")
    raw = mail(body, subject="FW: Resumes")
    stored = StoredMessage.from_message(parse_message(raw), OWNER, "inbox:")
    assert own_words(stored) == ""
    assert found(raw) == {}


def test_a_forwarded_letters_signature_is_its_authors_not_the_forwarders():
    # a probe mailbox: a forward without a note ended with "Thanks\nKevin Moore", and its forwarder "signed as" Kevin
    letter = ("From: Kevin Moore\nSent: Tuesday, January 8, 2026 1:27 PM\nTo: Research Group\nSubject: Weather Class"
              "\n\nThe Research Weather Team will be presenting another Weather Class on Wednesday in room 6980.\n\n"
              "Everyone is invited.\n\nThanks,\nKevin Moore\nResearch Weather Team Lead\n713-555-0142\n")
    bare = parse_message(mail(" -----Original Message-----\n" + letter, subject="FW: Weather Class"))
    assert bare.forwarded is not None and bare.signature is None
    noted = parse_message(mail("Worth a look for the desk.\n\n-----Original Message-----\n" + letter,
                               subject="FW: Weather Class"))
    assert noted.signature is None or noted.signature.name != "Kevin Moore"
    own = parse_message(mail("Worth a look.\n\nBest,\nLena Fischer\nPartner, Kestrel Ventures\n+1 415 555 0100\n\n"
                             "-----Original Message-----\n" + letter, subject="FW: Weather Class"))
    assert own.signature is not None and own.signature.name == "Lena Fischer"  # the forwarder's own note, signed


def test_the_forwarders_own_note_above_a_forward_is_theirs():
    body = ("Alex - are you still looking for a bookkeeper? See below.\n\n-----Original Message-----\n"
            "From: Dana Lee <dana@books.example>\nSent: Thursday, November 5, 2026\nTo: Lena Fischer\n"
            "Subject: availability\n\nI have room for two new bookkeeping clients this winter.\n")
    stored = StoredMessage.from_message(parse_message(mail(body, subject="FW: availability")), OWNER, "inbox:")
    assert own_words(stored).startswith("Alex - are you still looking for a bookkeeper?")
    assert "room for two" not in own_words(stored)


SIGNATURES = {
    "assistant to": (["Maria Lopez", "Executive Assistant to Jeff Skillman", "Kestrel Partners"], None),
    "attached file": (["Lena Fischer", "(See attached file: resume_2026.doc)"], "org:None"),
    "lotus attachment": (["Lena Fischer", "<<Lena Fischer resume.doc>>"], "org:None"),
}


@pytest.mark.parametrize(("lines", "expect"), SIGNATURES.values(), ids=SIGNATURES.keys())
def test_a_signature_never_takes_a_file_name_or_a_boss_as_a_title(lines, expect):
    signature = parse_signature(lines, parse_address("Lena Fischer <lena@kestrel.example>"))
    if expect is None:
        assert signature is None
    else:
        assert signature is None or (signature.organization is None and "attached" not in (signature.title or ""))


WIRE_STORIES = [  # a news agency's dateline: what follows is the agency's text, not the sender's
    "HOUSTON--(BUSINESS WIRE)--Oct. 23, 2001 -- Harley-Davidson announced plans to expand. We just launched our "
    "new plant and H-D shipped 200,000 motorcycles last year.",
    "fyi\n\nNEW YORK, Sept 27 (Reuters) - We closed our Series A, the company said on Thursday.",
    "HAVANA (AP) \u2014 We are thrilled to announce our new office, the ministry said.",
    "see below\n\nAUSTIN, Texas, May 2, 2024 /PRNewswire/ -- We are thrilled to announce that Acme has raised $10M.",
]


@pytest.mark.parametrize("body", WIRE_STORIES, ids=["business wire", "reuters", "ap", "prnewswire"])
def test_a_wire_story_pasted_in_is_not_the_senders_news(body):
    # a real mailbox: a colleague's pasted Business Wire story was stored as his news
    raw = mail(body + "\n")
    stored = StoredMessage.from_message(parse_message(raw), OWNER, "inbox:")
    assert "Harley" not in own_words(stored) and "Acme" not in own_words(stored) and "said" not in own_words(stored)
    assert "news" not in found(raw)


@pytest.mark.parametrize("line", [  # review: ordinary notes the dateline pattern cut short
    "FYI, we still need the signed data processing agreement (DPA) - legal is waiting.",
    "OK, I forwarded the invoice to accounts payable (AP) - they will pay Friday.",
    "PS, please pay via UPI (UPI) - it is faster.",
    "NOTE: the AP (AP) - ignore.",
])
def test_an_abbreviation_in_brackets_is_no_dateline(line):
    raw = mail(f"Hi Tom,\n\n{line}\nAlso, I just got promoted to VP of Sales!\n")
    assert "promoted" in own_words(StoredMessage.from_message(parse_message(raw), OWNER, "inbox:"))


def test_the_senders_own_words_above_their_press_release_stay_theirs():
    raw = mail("Hi Alex,\n\nBig news: we just closed our Series A!\n\nPress release below.\n\n"
               "SAN FRANCISCO--(BUSINESS WIRE)--Kestrel Labs today announced a $12M Series A.\n")
    assert "news" in found(raw)
    assert "BUSINESS WIRE" not in own_words(StoredMessage.from_message(parse_message(raw), OWNER, "inbox:"))


# -- about whom, and what counts ----------------------------------------------------------------------

ABOUT = [
    # (own text, kinds that must be found, kinds that must not)
    ("We just closed our seed round, led by Harbor Ventures.", {"news"}, set()),
    ("My brother is looking for a summer internship in marketing. Any ideas?", {"asks"}, set()),
    ("The mayor was appointed to the transit board last week.", set(), {"news"}),
    ("They launched a new app yesterday, did you see it?", set(), {"news"}),
    ("Dynegy announced a merger with Illinova this morning.", set(), {"news"}),
    ("Please sign and return the NDA by Friday.", set(), {"asks"}),
    ("Can you send me the deck before the call?", set(), {"asks"}),
    ("Call me when you get this.", set(), {"asks"}),
    ("To do: 1) review budget 2) send invoices 3) book flights", set(), {"asks"}),
    ("We won the softball game on Sunday, 7-3.", set(), {"news"}),
    ("The store opened late because of the snow.", set(), {"news"}),
    ("We're looking for a patent attorney who knows medical devices.", {"asks"}, set()),
]


@pytest.mark.parametrize(("text", "must", "never"), ABOUT, ids=[t[:40] for t, _, _ in ABOUT])
def test_only_the_senders_own_asks_and_news_count(text, must, never):
    kinds = set(found(mail(f"Hi Alex,\n\n{text}\n\nLena\n")))
    assert must <= kinds and not (never & kinds), kinds


# -- which mail is a person writing ---------------------------------------------------------------------

MANY = ", ".join(f"p{i} <p{i}@club.example>" for i in range(30))


@pytest.mark.parametrize(("to", "cc", "mass"), [
    (MANY, None, True),  # a note to a whole list
    ("p1 <p1@club.example>, p2 <p2@club.example>, p3 <p3@club.example>", None, True),  # the owner in Bcc
    ("Alex Morgan <alex@example.com>", "Sam <sam@x.example>", False),
    ("Alex Morgan <alex@example.com>, " + MANY, None, True),  # to the owner and 30 others
    ("undisclosed-recipients:;", None, True),  # the owner among hidden recipients: how newsletters go out
    (None, None, True),  # no To at all (a client that leaves it out when every address is Bcc)
    ("p1 <p1@club.example>", None, False),  # the owner Bcc'd on a note to one person
])
def test_a_person_writing_to_many_is_sending_bulk(to, cc, mass):
    raw = mail("We are looking for a patent attorney. Any leads?\n", to=to, cc=cc)
    stored = StoredMessage.from_message(parse_message(raw), OWNER, "inbox:")
    assert mass_mail(stored, OWNER) is mass
    assert ("asks" in found(raw)) is not mass


@pytest.mark.parametrize("to", [MANY, "undisclosed-recipients:;", None])
def test_the_writers_own_move_told_to_many_is_still_their_news(to):
    # "Dear friends and colleagues, I have joined ...": people tell everyone they know at once
    note = ("Dear friends and colleagues,\n\nI'm happy to let you know that I have joined Halvorsen Freight as "
            "head of operations. If you know a good customs broker in Bergen, send them my way!\n\nLena\n")
    assert found(mail(note, to=to)) == {"news": ["joined Halvorsen Freight as head of operations"]}
    # ... and only the writer's own move: a club's news to its members is not
    club = "Dear members,\n\nWe just opened our second clubhouse on Alberta Street!\n\nLena\n"
    assert found(mail(club, to=to)) == {}
    family = "Hi all,\n\nMy sister got married in Lyon last week!\n\nLena\n"
    assert found(mail(family, to=to)) == {}


def test_help_given_is_a_note_to_a_few_an_invitation_to_a_dozen_is_an_announcement():
    # a real mailbox: a colleague's "FW: Presentation Announcement" to 23 people made her a guest of honour
    invitation = "I'd love for you to join us as my guest at the Astros game on Saturday.\n"
    few = "Alex Morgan <alex@example.com>, " + ", ".join(f"p{i} <p{i}@club.example>" for i in range(9))
    dozen = "Alex Morgan <alex@example.com>, " + ", ".join(f"p{i} <p{i}@club.example>" for i in range(11))
    assert "helped" in found(mail(invitation))
    assert "helped" in found(mail(invitation, to=few))  # ten recipients: friends asked along
    assert "helped" not in found(mail(invitation, to=dozen))


def test_a_newsletter_from_a_person_says_nothing_about_them():
    raw = mail("Market notes for the week: we're looking for a patent attorney to join the panel.\n",
               extra={"List-Unsubscribe": "<mailto:leave@list.example>", "Precedence": "bulk"})
    assert found(raw) == {}


def test_mail_a_delegate_sends_counts_as_the_owners_and_the_delegate_is_no_contact():
    def rec(sender, to, mid, direction, days):
        return StoredMessage.from_json({
            "message_id": mid, "kind": "personal", "from": sender, "to": [to], "cc": [], "subject": "lunch",
            "date": (NOW - timedelta(days=days)).isoformat(), "reply_text": "Lunch on Thursday works for Alex.",
            "signature": None, "forwarded": None, "event": None, "direction": direction, "folder": "sent:Sent",
            "in_reply_to": None, "references": [], "signals": []})
    pat = {"name": "Pat Kim", "email": "pat.assistant@example.com"}
    sam = {"name": "Sam Ruiz", "email": "sam@ruiz.example"}
    records = [rec(pat, sam, "<d1@x>", "sent", 20),
               StoredMessage.from_json({**rec(sam, pat, "<d2@x>", "received", 10).to_json(), "folder": "inbox:",
                                        "to": [{"name": "Alex Morgan", "email": "alex@example.com"}]})]
    net = build_network(records, OWNER, NOW, proof=OwnerProof(OWNER.identities, lambda m: m == "<d1@x>"))
    emails = {e for p in net.people for e in p.emails}
    assert "pat.assistant@example.com" not in emails
    sam_person = net.find("sam@ruiz.example")
    assert sam_person is not None and sam_person.sent == 1 and sam_person.received == 1


@pytest.mark.parametrize("spelling", ["lena.fischer", "lena_fischer", "lfischer"])
def test_an_address_without_a_name_merges_with_the_person_it_spells(spelling):
    def rec(sender, mid, days):
        return StoredMessage.from_json({
            "message_id": mid, "kind": "personal", "from": sender, "to": [{"name": "Alex Morgan",
                                                                          "email": "alex@example.com"}],
            "cc": [], "subject": "hi", "date": (NOW - timedelta(days=days)).isoformat(), "reply_text": "Hi.",
            "signature": None, "forwarded": None, "event": None, "direction": "received", "folder": "inbox:",
            "in_reply_to": None, "references": [], "signals": []})
    mine = StoredMessage.from_json({**rec({"name": "Alex Morgan", "email": "alex@example.com"}, "<s@x>", 30).to_json(),
                                    "direction": "sent", "folder": "sent:Sent",
                                    "to": [{"name": "Lena Fischer", "email": "lena@kestrel.example"}]})
    answer = StoredMessage.from_json({**mine.to_json(), "message_id": "<s2@x>",
                                      "to": [{"name": "", "email": f"{spelling}@kestrel.example"}]})
    records = [mine, rec({"name": "Lena Fischer", "email": "lena@kestrel.example"}, "<a@x>", 20),
               rec({"name": "", "email": f"{spelling}@kestrel.example"}, "<b@x>", 10), answer]
    net = build_network(records, OWNER, NOW, proof=OwnerProof(OWNER.identities, lambda m: m in ("<s@x>", "<s2@x>")))
    lena = net.find("lena@kestrel.example")
    assert lena is not None and f"{spelling}@kestrel.example" in lena.emails and lena.name == "Lena Fischer"


ICS = """BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nMETHOD:{method}\r\nBEGIN:{component}\r
UID:evt-1@example.com\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:20261210T180000Z\r\nDTEND:20261210T200000Z\r
SUMMARY:Founder breakfast\r\nLOCATION:Eastside Works\r\nEND:{component}\r\nEND:VCALENDAR\r\n"""


@pytest.mark.parametrize(("method", "component", "announces"), [
    ("REQUEST", "VEVENT", True), ("PUBLISH", "VEVENT", True),
    ("REPLY", "VEVENT", False), ("COUNTER", "VEVENT", False), ("CANCEL", "VEVENT", False),
    ("REQUEST", "VTODO", False),
])
def test_calendar_answers_cancellations_and_tasks_are_not_announcements(method, component, announces):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "Rosa Delgado <rosa@cwib.example>", "alex@example.com", "Invitation"
    msg["Date"], msg["Message-ID"] = "Tue, 10 Nov 2026 09:00:00 -0800", "<cal@x>"
    msg.set_content("See the invitation.")
    msg.add_attachment(ICS.format(method=method, component=component).encode(), maintype="text",
                       subtype="calendar", params={"method": method})
    message = parse_message(msg.as_bytes())
    assert (message.event is not None) is announces


def test_a_cancellation_takes_the_event_out_of_the_network():
    def rec(mid, method, days):
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = "Rosa Delgado <rosa@cwib.example>", "alex@example.com", "Breakfast"
        msg["Date"] = (NOW - timedelta(days=days)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        msg["Message-ID"] = mid
        msg.set_content("Founder breakfast.")
        msg.add_attachment(ICS.format(method=method, component="VEVENT").encode(), maintype="text",
                           subtype="calendar", params={"method": method})
        return StoredMessage.from_message(parse_message(msg.as_bytes()), OWNER, "inbox:")
    invite = rec("<i@x>", "REQUEST", 20)
    assert build_network([invite], OWNER, NOW, proof=OwnerProof(OWNER.identities)).events
    assert not build_network([invite, rec("<c@x>", "CANCEL", 5)], OWNER, NOW,
                             proof=OwnerProof(OWNER.identities)).events


@pytest.mark.parametrize(("written", "read"), [
    ("Fischer, Lena", "Lena Fischer"), ("Baughman Jr., Don", "Don Baughman Jr."), ("Lena Fischer", "Lena Fischer"),
    ("HR, ECT", "HR, ECT"),
    ("Cherry, Diane - PSP", "Diane Cherry"), ("Ng, Ana (Legal)", "Ana Ng"),  # what a directory adds after it
])
def test_last_first_display_names_give_the_first_name_first(written, read):
    assert first_last(written) == read


@pytest.mark.parametrize(("x_from", "name"), [
    ("Steffes, James D. </O=ENRON/OU=NA/CN=RECIPIENTS/CN=JSTEFFE>", "James D. Steffes"),  # Exchange export
    ("Calger, Christopher F.", "Christopher F. Calger"),
    ('"Kean, Steven J." <d..steffes@enron.com>', "Steven J. Kean"),  # beside the sender's own address
    ("Rosanna Migliaccio <rosanna@robertwalters.com>@ENRON", ""),  # beside another address: not vouched for
    ("d..steffes@enron.com", ""),  # an address is no name
    ("/O=ENRON/OU=NA/CN=RECIPIENTS/CN=JSTEFFE", ""),  # nor a directory path
])
def test_an_exports_x_from_names_a_sender_whose_from_is_a_bare_address(x_from, name):
    # archives converted from Exchange and Lotus Notes keep the sender's name only in X-From
    raw = mail("Thanks for lunch.", sender="d..steffes@enron.com", extra={"X-From": x_from})
    assert parse_message(raw).sender == Address(name, "d..steffes@enron.com")


def test_x_from_never_renames_a_sender_whose_from_has_a_name():
    raw = mail("Thanks for lunch.", extra={"X-From": "Someone Else"})
    assert parse_message(raw).sender.name == "Lena Fischer"


def test_a_reply_keeps_who_wrote_the_note_it_quotes_through_the_store():
    raw = mail("Thursday works.\n\nOn Tue, Nov 3, 2026 at 9:12 AM, Lena Fischer <lena@kestrel.example> wrote:\n"
               "> Lunch next week?\n", sender="Alex Morgan <alex@example.com>",
               to="Lena Fischer <lena@kestrel.example>")
    stored = StoredMessage.from_message(parse_message(raw), OWNER, "sent:Sent")
    assert stored.quoted is not None and stored.quoted.sender.email == "lena@kestrel.example"
    assert stored.quoted.date == "2026-11-03T09:12:00"
    assert StoredMessage.from_json(stored.to_json()) == stored
