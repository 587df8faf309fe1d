"""Who is a person and which addresses are one human: hand-built records in, verdicts out."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from assistant.models import Address, Owner, Quoted, StoredMessage
from assistant.network.build import build_network
from assistant.network.owner import OwnerProof
from assistant.network.strength import relationship_strength

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
OWNER = Owner("Alex Morgan", "alex@example.com", ("alex.morgan@gmail.com",))
PROOF = OwnerProof(OWNER.identities)
_n = iter(range(1, 10**6))


def rec(sender, to, *, cc=(), days_ago=10, direction=None, signals=(), kind="personal", text="Hi there.",
        reply_to_id=None, mid=None, signature=None, folder=None):
    def addr(a):
        name, _, email = a.rpartition(" ")
        return {"name": name, "email": email.strip("<>")}
    frm = addr(sender)
    return StoredMessage.from_json({
        "message_id": mid or f"<m{next(_n)}@x>", "kind": kind, "from": frm,
        "to": [addr(a) for a in to], "cc": [addr(a) for a in cc], "subject": "s",
        "date": (NOW - timedelta(days=days_ago)).isoformat(),
        "reply_text": text, "signature": signature, "forwarded": None, "event": None,
        "direction": direction or ("sent" if frm["email"] in OWNER.identities else "received"),
        "folder": folder or ("sent:Sent" if frm["email"] in OWNER.identities else "inbox:"),
        "in_reply_to": reply_to_id, "references": [reply_to_id] if reply_to_id else [],
        "signals": list(signals),
    })


ALEX = "Alex Morgan <alex@example.com>"


def network(records):
    return build_network(records, OWNER, NOW, proof=PROOF)


def test_two_way_correspondent_is_a_contact_and_the_owner_never_is():
    net = network([rec("Lena Fischer <lena@kestrel.example>", [ALEX]),
                   rec(ALEX, ["Lena Fischer <lena@kestrel.example>"], cc=["Alex <alex.morgan@gmail.com>"])])
    assert [p.email for p in net.people] == ["lena@kestrel.example"]
    lena = net.people[0]
    assert (lena.sent, lena.received, lena.name) == (1, 1, "Lena Fischer")


@pytest.mark.parametrize("records, excluded, reason", [
    ([rec("Weekly <news@brief.example>", [ALEX], signals=["list-unsubscribe", "esp"], kind="bulk")],
     "news@brief.example", "role or machine"),
    ([rec("Dana Poe <dana@brief.example>", [ALEX], signals=["list-id"], kind="bulk")],
     "dana@brief.example", "only sends newsletters"),
    ([rec("Sales Guy <rick@leadgen.example>", [ALEX], text="Quick question about your pipeline")],
     "rick@leadgen.example", "stranger"),
    ([rec("Omar Haddad <omar@law.example>", [ALEX], signals=["auto-submitted:auto-replied"], kind="automated")],
     "omar@law.example", "only sends newsletters, lists or notifications"),
    ([rec("Support <support@saas.example>", [ALEX]), rec(ALEX, ["support@saas.example"])],
     "support@saas.example", "role or machine"),
])
def test_non_people_are_set_aside_with_a_reason(records, excluded, reason):
    net = network(records)
    assert net.find(excluded) is None
    assert reason in net.excluded[excluded]


def test_list_traffic_does_not_create_contacts_even_when_the_owner_posts_to_the_list():
    posts = [rec(f"Poster {i} <p{i}@lists.example>", ["dev@lists.example"], signals=["list-id"], kind="bulk")
             for i in range(5)]
    mine = rec(ALEX, ["dev@lists.example"], text="I agree with the proposal.")
    net = network([*posts, mine])
    assert net.people == []
    assert "mailing list" in net.excluded["dev@lists.example"]


def test_someone_met_only_through_a_cc_is_a_weak_contact_not_a_stranger():
    first = rec("Tom Henley <tom@ridgeline.example>", [ALEX], cc=["Wei Chen <wei@ridgeline.example>"], mid="<t1@x>")
    reply = rec(ALEX, ["Tom Henley <tom@ridgeline.example>"], reply_to_id="<t1@x>")
    net = network([first, reply])
    wei = net.find("wei@ridgeline.example")
    assert wei is not None and wei.weak and wei.strength <= 0.15


def test_a_colleague_who_writes_is_a_weak_contact_a_stranger_elsewhere_is_not():
    # a real mailbox: a deskmate's "If anyone would like to sponsor us..." was dropped as a cold pitch
    records = [rec("Vicky Versen <vicky@example.com>", [ALEX], text="Would anyone like to sponsor our walk?"),
               rec("Rick Lead <rick@leadgen.example>", [ALEX], text="Quick call about leads?"),
               rec("Sam Free <sam@gmail.com>", [ALEX], text="Hi!"),
               # an announcement from the owner's own domain, to everyone: no colleague's note
               rec("Dana Comms <dana.comms@example.com>", [f"p{i} <p{i}@example.com>" for i in range(12)] + [ALEX],
                   text="Welcome our new CFO.")]
    net = network(records)
    assert "stranger" in net.excluded["dana.comms@example.com"]
    vicky = net.find("vicky@example.com")
    assert vicky is not None and vicky.weak
    assert "colleague at example.com" in vicky.evidence["addresses"]["vicky@example.com"]
    assert "stranger" in net.excluded["rick@leadgen.example"]
    assert "stranger" in net.excluded["sam@gmail.com"]  # the owner's gmail alias makes no one a colleague


def test_the_last_time_someone_was_among_the_recipients_of_mail_the_owner_got_is_kept():
    frank = "Frank Sayre <frank@corp.example>"
    records = [rec(frank, [ALEX], days_ago=80), rec(ALEX, [frank], days_ago=79),
               rec("Dept Head <head@corp.example>", [ALEX, frank], days_ago=5, text="Team lunch moved to Friday."),
               rec("News <news@corp.example>", [ALEX], cc=[frank], days_ago=2, kind="bulk", signals=["list-id"])]
    person = network(records).find("frank@corp.example")
    assert person.evidence["last_seen"] == (NOW - timedelta(days=5)).isoformat()  # not the newsletter's date
    crowd = [f"P{i} <p{i}@corp.example>" for i in range(40)]
    many = [*records[:2], rec("Dept Head <head@corp.example>", [ALEX, frank, *crowd], days_ago=5, text="All hands.")]
    assert "last_seen" not in network(many).find("frank@corp.example").evidence  # one of 42 is not "around"


def test_the_owners_latest_note_to_someone_is_kept_so_their_news_can_be_seen_answered_or_not():
    lena = "Lena Fischer <lena@kestrel.example>"
    records = [rec(lena, [ALEX], days_ago=30), rec(ALEX, [lena], days_ago=20), rec(ALEX, [lena], days_ago=12),
               rec(ALEX, ["Sam Ruiz <sam@ruiz.example>"], cc=[lena], days_ago=3),  # copied on a note to another
               rec(lena, [ALEX], days_ago=2, text="Big news: I have joined Halvorsen Freight!")]
    person = network(records).find("lena@kestrel.example")
    assert person.evidence["last_written"] == (NOW - timedelta(days=12)).isoformat()
    assert [n.what for n in person.news] == ["joined Halvorsen Freight"]
    only_copied = network([records[0], records[3]]).find("lena@kestrel.example")
    assert only_copied is not None and "last_written" not in only_copied.evidence


def test_auto_reply_from_a_real_contact_is_not_an_interaction():
    records = [rec("Omar Haddad <omar@law.example>", [ALEX], days_ago=40),
               rec(ALEX, ["Omar Haddad <omar@law.example>"], days_ago=39),
               rec("Omar Haddad <omar@law.example>", [ALEX], days_ago=1, kind="automated",
                   signals=["auto-submitted:auto-replied", "auto-subject"])]
    omar = network(records).find("omar@law.example")
    assert omar.received == 1 and (NOW - omar.last_contact).days == 39


@pytest.mark.parametrize("a, b", [
    ("Sam Lee <Sam.Lee@corp.example>", "Sam Lee <sam.lee+news@corp.example>"),  # case, plus-address
    ("Sam Lee <samlee@gmail.com>", "Sam Lee <sam.lee@gmail.com>"),  # Gmail ignores dots
])
def test_one_mailbox_spelled_two_ways_is_one_person(a, b):
    net = network([rec(a, [ALEX]), rec(ALEX, [a]), rec(b, [ALEX]), rec(ALEX, [b])])
    assert len(net.people) == 1


def test_same_name_on_two_addresses_merges_only_with_corroboration():
    work, home = "Hannah Okafor <hannah@ledgerline.example>", "Hannah Okafor <hannah.okafor@gmail.com>"
    thread = [rec(work, [ALEX], mid="<h1@x>"), rec(ALEX, [work], reply_to_id="<h1@x>", mid="<h2@x>"),
              rec(home, [ALEX], reply_to_id="<h2@x>"), rec(ALEX, [home])]
    merged = network(thread)
    assert len(merged.people) == 1 and set(merged.people[0].emails) == {"hannah@ledgerline.example",
                                                                       "hannah.okafor@gmail.com"}
    two_johns = [rec("John Smith <john@acme.example>", [ALEX]), rec(ALEX, ["John Smith <john@acme.example>"]),
                 rec("John Smith <jsmith@globex.example>", [ALEX]), rec(ALEX, ["John Smith <jsmith@globex.example>"])]
    assert len(network(two_johns).people) == 2, "two companies, no shared thread: two people"


def test_the_name_a_person_signs_with_wins_over_what_others_call_them():
    records = [rec(ALEX, ["Bobby <robert@firm.example>"]), rec(ALEX, ["Bobby <robert@firm.example>"]),
               rec("Robert Blake <robert@firm.example>", [ALEX]), rec("Robert Blake <robert@firm.example>", [ALEX])]
    assert network(records).people[0].name == "Robert Blake"


def test_latest_signature_wins_and_free_mail_says_nothing_about_the_organization():
    old = {"name": "Ana Lima", "title": "Associate", "organization": "Old Firm LLP", "phone": None}
    new = {"name": "Ana Lima", "title": "Partner", "organization": "New Firm LLP", "phone": "+1 503 555 0100"}
    records = [rec("Ana Lima <ana@gmail.com>", [ALEX], days_ago=90, signature=old),
               rec("Ana Lima <ana@gmail.com>", [ALEX], days_ago=5, signature=new),
               rec(ALEX, ["Ana Lima <ana@gmail.com>"])]
    ana = network(records).people[0]
    assert (ana.title, ana.organization, ana.phone) == ("Partner", "New Firm LLP", "+1 503 555 0100")
    bare = network([rec("Bo <bo@gmail.com>", [ALEX]), rec(ALEX, ["bo@gmail.com"])]).people[0]
    assert bare.organization is None


def test_strength_rewards_two_way_exchange_and_recency_against_the_persons_rhythm():
    dates = [NOW - timedelta(days=d) for d in (70, 63, 56, 49, 42)]
    one_way, _ = relationship_strength(10, 0, dates, NOW)
    two_way, why = relationship_strength(5, 5, dates, NOW)
    assert two_way > one_way
    assert why["usual_gap_days"] == 7.0 and why["days_quiet"] == 42
    recent, _ = relationship_strength(5, 5, [d + timedelta(days=40) for d in dates], NOW)
    assert recent > two_way
    assert 0 <= one_way <= 1 and 0 <= two_way <= 1


def test_a_name_from_an_address_alone_takes_the_order_the_mail_spells_it_in():
    # a real mailbox: knock.john@ (no display name) became "Knock John" while "John Knock" wrote from elsewhere
    john = "John Knock <john.knock@elpaso.example>"
    records = [rec(john, [ALEX]), rec(ALEX, [john]),
               rec(ALEX, ["<knock.john@epenergy.example>"]), rec("<knock.john@epenergy.example>", [ALEX]),
               rec(ALEX, ["<quinn.lee@corp.example>"]), rec("<quinn.lee@corp.example>", [ALEX])]
    net = network(records)
    assert net.find("knock.john@epenergy.example").name == "John Knock"
    assert net.find("quinn.lee@corp.example").name == "Quinn Lee"  # nothing better: its own words


def test_an_address_with_no_display_name_takes_the_whole_name_its_writer_signs():
    # a probe mailbox: jg77063@ signed "Many thanks, Tami Grubb" and stayed "jg77063" in drafts' To
    tami = {"name": "Tami Grubb", "title": None, "organization": None, "phone": None}
    records = [rec("<jg77063@aol.example>", [ALEX], signature=tami), rec(ALEX, ["<jg77063@aol.example>"]),
               rec("<cptdougie@aol.example>", [ALEX], signature={"name": "Leonard", "title": None,
                                                                 "organization": None, "phone": None}),
               rec(ALEX, ["<cptdougie@aol.example>"])]
    net = network(records)
    assert net.find("jg77063@aol.example").name == "Tami Grubb"
    assert net.find("cptdougie@aol.example").name == "Cptdougie"  # a first name alone is no better a name
    # review: "Thanks, Alex Morgan" closing a nameless note to Alex thanks the owner; it names no one
    alex = {"name": "Alex Morgan", "title": None, "organization": None, "phone": None}
    thanks = [rec("<bo77@aol.example>", [ALEX], signature=alex), rec(ALEX, ["<bo77@aol.example>"])]
    assert network(thanks).find("bo77@aol.example").name == "bo77"  # its own words, not the owner's name
    assert "signed" not in network(thanks).find("bo77@aol.example").evidence
    shown = [rec("Tamara G. <tg@aol.example>", [ALEX], signature=tami), rec(ALEX, ["<tg@aol.example>"])]
    assert network(shown).find("tg@aol.example").name == "Tamara G."  # the display name they chose stays


def test_an_unlisted_address_with_the_owners_own_name_is_not_a_contact():
    records = [rec("Alex Morgan <alex@old-job.example>", ["Lena <lena@kestrel.example>"], direction="received"),
               rec(ALEX, ["Alex Morgan <alex@old-job.example>"])]
    net = network(records)
    assert net.find("alex@old-job.example") is None
    assert "your own name" in net.excluded["alex@old-job.example"]


def test_credentials_after_the_name_give_a_role_when_there_is_no_title():
    sig = {"name": "Dr. Amara Nwosu, DMD", "title": None, "organization": "Hawthorne Family Dental",
           "phone": None}
    records = [rec("Amara Nwosu <amara@dental.example>", [ALEX], signature=sig),
               rec(ALEX, ["Amara Nwosu <amara@dental.example>"])]
    assert "doctor" in network(records).people[0].roles


def test_an_alias_added_later_still_makes_that_mail_sent():
    records = [rec("Bob Ray <bob@firm.example>", [ALEX]),
               rec("Alex <alex+old@example.com>", ["Bob Ray <bob@firm.example>"], direction="received",
                   folder="sent:Sent")]
    bob = network(records).find("bob@firm.example")
    assert bob is not None and bob.sent == 1 and not bob.weak


def test_the_owners_auto_reply_does_not_turn_a_stranger_into_a_contact():
    records = [rec("Sales <rick@leadgen.example>", [ALEX], text="We need a patent attorney - any leads?"),
               rec(ALEX, ["rick@leadgen.example"], kind="automated", signals=["auto-submitted:auto-replied"])]
    net = network(records)
    assert net.find("rick@leadgen.example") is None


def test_extraction_in_worker_processes_gives_the_same_network():
    from assistant.jobs.workers import process_map

    records = [rec("Lena Fischer <lena@kestrel.example>", [ALEX], text=f"Hi! We need a bookkeeper, any leads? {i}")
               for i in range(30)] + [rec(ALEX, ["Lena Fischer <lena@kestrel.example>"])]
    inline = network(records)
    with process_map(2) as mapper:
        pooled = build_network(records, OWNER, NOW, proof=PROOF, mapper=mapper)
    assert [p.to_json() for p in pooled.people] == [p.to_json() for p in inline.people]
    assert inline.people[0].asks


def test_the_owners_reply_on_a_mailing_list_still_counts_as_writing_to_that_person():
    post = rec("Dana Poe <dana@dev.example>", ["list@lists.example"], signals=["list-id"], kind="bulk", mid="<p1@x>")
    reply = rec(ALEX, ["Dana Poe <dana@dev.example>"], cc=["list@lists.example"], signals=["list-id"],
                kind="bulk", reply_to_id="<p1@x>")
    dana = network([post, reply]).find("dana@dev.example")
    assert dana is not None and dana.sent == 1


def test_an_ask_someone_else_answered_in_its_thread_is_done():
    # a real mailbox: "Also, do you have a contact at Carr?" to four colleagues, the owner among them;
    # the next day "Please talk to James Canney as he works with Carr daily." came back to the asker,
    # copying the owner, and the digest still offered an introduction
    sara, cindy = "Sara Shack <sara@firm.example>", "Cindy Horn <cindy@firm.example>"
    ask = rec(sara, [ALEX, cindy], mid="<ask@x>", days_ago=12, text="We need a patent attorney - any leads?")
    records = [ask, rec(ALEX, [sara]), rec(ALEX, [cindy]), rec(cindy, [ALEX])]
    net = network(records)
    assert [a.done for a in net.find("sara@firm.example").asks] == [None]
    answered = network([*records, rec(cindy, [sara], cc=[ALEX], reply_to_id="<ask@x>", mid="<ans@x>", days_ago=11,
                                      text="Talk to Omar Haddad, he did our filings.")])
    item = answered.find("sara@firm.example").asks[0]
    assert (item.done, item.answered_by) == ("<ans@x>", "cindy@firm.example")
    assert item.to_json()["answered_by"] == "cindy@firm.example"
    # the owner's own reply that points to someone or takes the ask on answers it too (a probe mailbox: the
    # owner wrote "I would be happy to speak with this person" and "Done.", and the ask stayed open)
    for text in ("Talk to Omar Haddad.", "I would be happy to speak with them, send me their number.", "Done."):
        by_owner = network([*records, rec(ALEX, [sara], reply_to_id="<ask@x>", mid="<own@x>", days_ago=11,
                                          text=text)])
        assert by_owner.find("sara@firm.example").asks[0].done == "<own@x>", text
    # the asker's own follow-up, the owner's reply that declines or leaves the asker out, a reply that leaves
    # the asker out, a reply-all that points to no one, or one to an earlier message of the thread answers nothing
    root = rec(cindy, [sara, ALEX], mid="<root@x>", days_ago=13, text="Slides for Thursday attached.")
    ask_in_thread = rec(sara, [ALEX, cindy], mid="<ask@x>", reply_to_id="<root@x>", days_ago=12,
                        text="We need a patent attorney - any leads?")
    for later, base in (
            (rec(sara, [ALEX], reply_to_id="<ask@x>", days_ago=11, text="Anyone? Talk to me."), records),
            (rec(ALEX, [sara], reply_to_id="<ask@x>", days_ago=11,
                 text="I'd be happy to help, but I don't know anyone in patents."), records),
            (rec(ALEX, [sara], reply_to_id="<ask@x>", days_ago=11, text="Good question, let me think."), records),
            # review: pleasantries in the owner's reply take nothing on
            (rec(ALEX, [sara], reply_to_id="<ask@x>", days_ago=11, text="I'd be happy to meet for lunch Tuesday!"),
             records),
            (rec(ALEX, [sara], reply_to_id="<ask@x>", days_ago=11,
                 text="Great to hear from you. I'll talk to you Monday."), records),
            (rec(ALEX, [sara], reply_to_id="<ask@x>", days_ago=11,
                 text="I'm glad to hear the launch went well. Let me think about the attorney."), records),
            (rec(ALEX, [sara], reply_to_id="<ask@x>", days_ago=11, text="Done with the deck? Send it over."),
             records),
            (rec(ALEX, [sara], reply_to_id="<ask@x>", days_ago=11,
                 text="I'd be happy to help, though I don't really know anyone in patents."), records),
            (rec(ALEX, [cindy], reply_to_id="<ask@x>", days_ago=11, text="Talk to Omar Haddad."), records),
            (rec(cindy, [ALEX], reply_to_id="<ask@x>", days_ago=11, text="Talk to Omar Haddad."), records),
            (rec(cindy, [sara], cc=[ALEX], reply_to_id="<ask@x>", days_ago=11,
                 text="Sorry, I don't know anyone. Same here, we need one too."), records),
            (rec(cindy, [sara], cc=[ALEX], reply_to_id="<ask@x>", days_ago=11,
                 text="Sorry, no idea. Talk to you Thursday! Contact me if you need anything else."), records),
            (rec(cindy, [sara], cc=[ALEX], reply_to_id="<ask@x>", days_ago=11,
                 text="I'd recommend you wait until after the holidays. Don't ask Omar, he is swamped."), records),
            (rec(cindy, [sara], cc=[ALEX], reply_to_id="<root@x>", days_ago=11, text="Contact Omar for the slides."),
             [root, ask_in_thread, *records[1:]])):
        assert network([*base, later]).find("sara@firm.example").asks[0].done is None, later.reply_text


def test_addresses_without_a_name_join_the_person_their_local_part_spells_at_the_same_organization():
    # a real mailbox: "Rayfael Roman" <rayfael.roman1@jsc...> also wrote as rayfaelroman1@jsc... and
    # rroman1@ems.jsc... (no display names): three contacts, "rayfaelroman1" and "rroman1", until merged
    ray = "Rayfael Roman <rayfael.roman1@jsc.nasa.example>"
    records = [rec(ray, [ALEX]), rec(ALEX, [ray])]
    for bare in ("<rayfaelroman1@jsc.nasa.example>", "<rroman1@ems.jsc.nasa.example>"):
        records += [rec(bare, [ALEX]), rec(ALEX, [bare])]
    net = network(records)
    assert len(net.people) == 1 and len(net.people[0].emails) == 3 and net.people[0].name == "Rayfael Roman"
    # another organization, a sibling under one provider, a free-mail address, another number (a namesake),
    # or two people the local part could spell: no merge
    for named, bare, others in (
            (ray, "<rroman1@other.example>", []),
            ("Rayfael Roman <rayfael.roman1@tampabay.rr.example>", "<rroman1@nc.rr.example>", []),
            ("Rayfael Roman <rayfael.roman1@gmail.com>", "<rroman1@gmail.com>", []),
            (ray, "<rroman2@jsc.nasa.example>", []),
            ("Lena Fischer <lena.fischer@firm.example>", "<lena.fischer2@firm.example>", []),
            ("Lena Fischer <lena.fischer@firm.example>", "<lfischer7@firm.example>", []),
            (ray, "<rroman1@jsc.nasa.example>", ["Rita Roman <rita.roman1@jsc.nasa.example>"])):
        more = [m for o in others for m in (rec(o, [ALEX]), rec(ALEX, [o]))]
        net = network([rec(named, [ALEX]), rec(ALEX, [named]), rec(bare, [ALEX]), rec(ALEX, [bare]), *more])
        assert len(net.people) == 2 + len(others), bare


def test_a_middle_initial_does_not_make_another_name():
    # "Julie A. Gomez" at home and "Julie Gomez" at work, on one thread: one person
    work, home = "Julie Gomez <julie@firm.example>", "Julie A. Gomez <juliegomez@gmail.com>"
    records = [rec(work, [ALEX], mid="<j1@x>"), rec(ALEX, [work], reply_to_id="<j1@x>", mid="<j2@x>"),
               rec(home, [ALEX], reply_to_id="<j2@x>"), rec(ALEX, [home])]
    assert len(network(records).people) == 1
    from assistant.network.identity import name_key
    assert name_key("Gomez, Julie A.") == name_key("Julie Gomez") != name_key("J. R. Gomez") == "gomez j r"
    assert name_key("Mary O'Brien") == "mary obrien" != name_key("Mary Brien")
    # two different middle initials are two people, even where a free-mail and a work address would
    # otherwise corroborate each other
    a, b = "John A. Smith <jsmith@gmail.com>", "John B. Smith <john.smith@firm.example>"
    assert len(network([rec(a, [ALEX]), rec(ALEX, [a]), rec(b, [ALEX]), rec(ALEX, [b])]).people) == 2
    c = "John Smith <john.smith@firm.example>"
    assert len(network([rec(a, [ALEX]), rec(ALEX, [a]), rec(c, [ALEX]), rec(ALEX, [c])]).people) == 1


def test_a_directorys_display_name_gives_way_to_the_name_signed_under_the_mail():
    sig = {"name": "Rayfael Roman", "title": None, "organization": "GHG Corporation", "phone": None}
    ray = "RAYFAEL JSC-NT RAY ROMAN <rayfael@jsc.example>"
    assert network([rec(ray, [ALEX], signature=sig), rec(ALEX, [ray])]).people[0].name == "Rayfael Roman"
    shouting = "ANA LIMA <ana@firm.example>"  # a directory in capitals, the same words signed
    records = [rec(shouting, [ALEX], signature={**sig, "name": "Ana Lima"}), rec(ALEX, [shouting])]
    assert network(records).people[0].name == "Ana Lima"
    # a signature that is not the same name, or says less than a plain display name, changes nothing
    for shown, signed in (("Ana Lima", "Dr. Ana Lima, DMD"), ("Ana Lima", "Ana"), ("Ana Lima", "ana lima")):
        who = f"{shown} <ana@firm.example>"
        records = [rec(who, [ALEX], signature={**sig, "name": signed}), rec(ALEX, [who])]
        assert network(records).people[0].name == "Ana Lima"


def test_an_ask_remembers_whether_the_note_was_to_the_owner_or_only_copied_them():
    sara, tanya = "Sara Shack <sara@firm.example>", "Tanya Ro <tanya@firm.example>"
    records = [rec(sara, [tanya], cc=[ALEX], text="We need a patent attorney - any leads?"),
               rec(sara, [ALEX, tanya], text="We need a bookkeeper - any leads?"), rec(ALEX, [sara])]
    asks = network(records).find("sara@firm.example").asks
    assert sorted((a.what, a.addressed) for a in asks) == [("bookkeeper", True), ("patent attorney", False)]


@pytest.mark.parametrize(("text", "points"), [
    ("Please talk to James Canney as he works with Carr daily.", True),
    ("Omar knows a great CPA.", True), ("cc\u2019ing Omar here.", True), ("Looping in Omar.", True),
    ("You should try Dana.", True), ("Sara, meet Omar.", True), ("Contact my friend Lee.", True),
    ("Talk to you Thursday!", False), ("Contact me if you need more.", False), ("Who knows the answer?", False),
    ("I'd recommend you wait.", False), ("That works with my schedule.", False), ("Don't ask Omar.", False),
    ("I wouldn't recommend the firm we used.", False), ("I'll write to you once I'm back.", False),
])
def test_a_reply_points_to_someone_only_by_name(text, points):
    from assistant.network.people import refers

    assert refers(text) is points


def test_different_middle_initials_never_join_even_through_a_plain_name():
    a, b = "John A. Smith <jsmith@gmail.com>", "John B. Smith <john.smith@firm.example>"
    c = "John Smith <jsmith77@yahoo.com>"  # corroborates both (a personal address beside others)
    records = [m for x in (a, b, c) for m in (rec(x, [ALEX]), rec(ALEX, [x]))]
    assert len(network(records).people) >= 2
    assert network(records).find("jsmith@gmail.com").email != network(records).find("john.smith@firm.example").email


def test_another_middle_initial_is_not_the_owners_own_name():
    owner = Owner("Alex J. Morgan", "alex@example.com")
    me = "Alex J. Morgan <alex@example.com>"

    def net(other):
        records = [rec(other, [me], direction="received"), rec(me, [other], direction="sent")]
        return build_network(records, owner, NOW, proof=OwnerProof(owner.identities))

    assert net("Alex B. Morgan <alexb@other.example>").find("alexb@other.example") is not None
    assert net("Alex J. Morgan <alex@old-job.example>").find("alex@old-job.example") is None


def test_topics_say_which_come_from_the_profile_and_which_only_from_the_mail():
    # a probe mailbox: a relative's note about his mother-in-law in hospital made him "work in healthcare, legal"
    sig = {"name": "Dana Wu", "title": "Partner", "organization": "Wu Patent Law LLP", "phone": "+1 415 555 0100"}
    dana = "Dana Wu <dana@wupatent.example>"
    leo = "Leo Park <leo@aol.example>"
    records = [rec(dana, [ALEX], signature=sig, text="The filing went in today."), rec(ALEX, [dana]),
               rec(leo, [ALEX], text="My mother-in-law is in the hospital after her surgery; the doctors are kind."),
               rec(ALEX, [leo])]
    net = network(records)
    assert "legal" in net.find("dana@wupatent.example").evidence["profile_topics"]
    leo_ = net.find("leo@aol.example")
    assert leo_.topics == ("healthcare",) and leo_.evidence["profile_topics"] == []
    from assistant.network.views import explain
    assert "Topics: healthcare (their mail)" in explain(leo_, NOW)


def test_someone_writing_only_from_the_owners_own_organization_is_a_colleague():
    owner = Owner("Alex Morgan", "alex@acme-energy.example", ("alex@oldco.example",))
    proof = OwnerProof(owner.identities)
    alex = "Alex Morgan <alex@acme-energy.example>"
    people = {"Dana Wu <dana@acme-energy.example>": True, "Lee Park <lee@ect.acme-energy.example>": True,
              "Ana Lima <ana@northwind.example>": False, "Bo Li <bo@gmail.com>": False,
              # review: an alias may be a former employer's; its people are the ties reconnect is for
              "Cy Roe <cy@oldco.example>": False}
    records = [r for who in people for r in (rec(who, [alex]), rec(alex, [who], direction="sent", folder="sent:Sent"))]
    net = build_network(records, owner, NOW, proof=proof)
    for who, colleague in people.items():
        email = who.split("<")[1].rstrip(">")
        assert bool(net.find(email).evidence.get("colleague")) is colleague, who
    # an owner at an Internet provider's domain has no colleagues there
    isp = Owner("Alex Morgan", "alexm@houston.rr.com")
    records = [rec("Bo Li <boli@houston.rr.com>", ["Alex Morgan <alexm@houston.rr.com>"]),
               rec("Alex Morgan <alexm@houston.rr.com>", ["Bo Li <boli@houston.rr.com>"], direction="sent",
                   folder="sent:Sent")]
    assert not build_network(records, isp, NOW, proof=OwnerProof(isp.identities)).find(
        "boli@houston.rr.com").evidence.get("colleague")
    # a free-mail owner has no colleagues: everyone at gmail.com is not one organization
    free = Owner("Alex Morgan", "alex.morgan@gmail.com")
    records = [rec("Bo Li <bo@gmail.com>", ["Alex Morgan <alex.morgan@gmail.com>"]),
               rec("Alex Morgan <alex.morgan@gmail.com>", ["Bo Li <bo@gmail.com>"])]
    net = build_network(records, free, NOW, proof=OwnerProof(free.identities))
    assert not net.find("bo@gmail.com").evidence.get("colleague")


def test_help_written_to_someone_else_is_not_help_given_to_the_owner():
    # a real mailbox: notes to a namesake ("Chuck Randall" for "Sean Crandall") reached the owner, one of
    # them "I passed your resume to ..." meant for the namesake
    lena = "Lena Fischer <lena@kestrel.example>"
    passed = "I passed your resume to Tom Henley at Ridgeline; he will call you this week."
    base = [rec(lena, [ALEX], days_ago=30), rec(ALEX, [lena], days_ago=29)]
    to_owner = network([*base, rec(lena, [ALEX], days_ago=3, text=passed)])
    copied = network([*base, rec(lena, ["Sam Ruiz <sam@ruiz.example>"], cc=[ALEX], days_ago=3, text=passed)])
    elsewhere = network([*base, rec(lena, ["Chuck Randall <chuck@kestrel.example>"], days_ago=3, text=passed)])
    assert [h.what for h in to_owner.find("lena@kestrel.example").helped] == ["referral"]
    assert [h.what for h in copied.find("lena@kestrel.example").helped] == ["referral"]  # copied: one of the few
    assert elsewhere.find("lena@kestrel.example").helped == ()
    # the owner in Bcc of an introduction that names them is still introduced
    bcc = "Tom, I'd like to introduce you to Alex Morgan, who helped us double our pipeline."
    blind = network([*base, rec(lena, ["Tom Henley <tom@ridgeline.example>"], days_ago=3, text=bcc)])
    assert [h.what for h in blind.find("lena@kestrel.example").helped] == ["introduction"]


def _quoting(rec_, writer, days_ago):
    """rec_ with the note it quotes: `writer` (an address) wrote it `days_ago` days before NOW."""
    from dataclasses import replace

    from assistant.models import Address, Quoted
    return replace(rec_, quoted=Quoted(Address("", writer), (NOW - timedelta(days=days_ago)).isoformat()))


LENA = "Lena Fischer <lena@kestrel.example>"


def test_a_note_the_owners_replies_quote_counts_once_though_the_mailbox_lost_it():
    # the mailbox kept one of Lena's notes; the owner's replies quote two more of hers (one quoted twice)
    records = [rec(LENA, [ALEX], days_ago=60),
               _quoting(rec(ALEX, [LENA], days_ago=59), "lena@kestrel.example", 60),  # the note it holds
               _quoting(rec(ALEX, [LENA], days_ago=40), "lena@kestrel.example", 41),
               _quoting(rec(ALEX, [LENA], days_ago=39), "lena@kestrel.example", 41.2),  # the same note again
               _quoting(rec(ALEX, [LENA], days_ago=20), "lena@kestrel.example", 21)]
    [lena] = network(records).people
    assert (lena.sent, lena.received) == (4, 3)
    assert lena.evidence["addresses"]["lena@kestrel.example"] == (
        "you wrote 4 time(s), they wrote 3 time(s) (2 seen only quoted in your replies)")


@pytest.mark.parametrize(("reply_to", "writer", "wrote_days_ago"), [
    (LENA, "omar@haddad.example", 21),  # a note by someone the reply does not go to: a forwarded thread
    (LENA, "lena@kestrel.example", 500),  # older than a year: history, not a tie
    (LENA, "alex@example.com", 21),  # the owner's own note quoted back
])
def test_a_quote_that_proves_nothing_of_the_reader_is_not_counted(reply_to, writer, wrote_days_ago):
    records = [rec(LENA, [ALEX], days_ago=60), _quoting(rec(ALEX, [reply_to], days_ago=20), writer, wrote_days_ago)]
    people = {p.email: p for p in network(records).people}
    assert people["lena@kestrel.example"].received == 1 and "omar@haddad.example" not in people


def test_a_note_the_mailbox_holds_is_recognised_however_its_quote_is_read():
    # a list's copy of Lena's note is her note: its quote is not another
    listed = rec(LENA, [ALEX], days_ago=30, signals=("list-id",))
    [lena] = network([rec(LENA, [ALEX], days_ago=90), listed,
                      _quoting(rec(ALEX, [LENA], days_ago=29), "lena@kestrel.example", 30)]).people
    assert lena.evidence["addresses"]["lena@kestrel.example"] == "you wrote 1 time(s), they wrote 1 time(s)"
    # "Sent: 04/05/2026" read as 4 May is the note of 5 April the mailbox holds
    april = NOW.replace(month=4, day=5)
    held = rec(LENA, [ALEX], days_ago=(NOW - april).days)
    quoted = replace(rec(ALEX, [LENA], days_ago=(NOW - april).days - 40),
                     quoted=Quoted(Address("", "lena@kestrel.example"), april.replace(month=5, day=4).isoformat()))
    [lena] = network([held, quoted]).people
    assert lena.received == 1


def test_a_quoted_note_is_to_few_people_only_when_the_reply_is():
    from assistant.network.people import Gatherer
    many = [f"P{i} <p{i}@x{i}.example>" for i in range(12)]
    for to, direct in (([LENA], 1), ([LENA, *many], 0)):
        gatherer = Gatherer(PROOF)
        gatherer.observe(_quoting(rec(ALEX, to, days_ago=20), "lena@kestrel.example", 21))
        lena = gatherer.finish().addresses["lena@kestrel.example"]
        assert (lena.received, lena.quoted, lena.direct) == (1, 1, direct)
