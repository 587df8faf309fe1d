"""A gathering now and then with the people who help, answer and give: one draft, everyone in To."""

from datetime import timedelta

from assistant.models import Item

from .test_suggest_support import NOW, ago, network, offer, person, plan, section


def helper(name, email, **kw):
    return person(name, email, helped=(Item("helped", "Meet Kenji.", ago(30), f"<h-{email}>", "introduction"),), **kw)


def crowd():
    return (helper("Ben Adeyemi", "ben@a.example", strength=0.6),
            helper("Olivia Brennan", "olivia@b.example", strength=0.7),
            person("Grace Liu", "grace@c.example", offers=(offer("seed investor"),), strength=0.6),
            person("Sam Whitaker", "sam@d.example", reciprocity=0.9, strength=0.7),
            person("Quiet Quinn", "quinn@e.example", reciprocity=0.1, strength=0.7),
            helper("Chris Cc", "chris@f.example", weak=True, strength=0.15))


def test_a_gathering_is_due_without_a_previous_one_and_invites_the_most_helpful():
    [gathering] = section(plan(network(*crowd())), "gathering")
    invited = [i["email"] for i in gathering.data["invitees"]]
    assert invited[:2] == ["olivia@b.example", "ben@a.example"]
    assert set(invited) == {"olivia@b.example", "ben@a.example", "grace@c.example", "sam@d.example"}
    [draft] = gathering.drafts
    assert [a.email for a in draft.to] == invited and draft.cc == ()
    assert draft.kind == "gathering" and "Hi Olivia, Ben, Grace and Sam," in draft.body
    assert "helped: introduction" in gathering.reason


def test_no_gathering_within_the_interval_and_one_again_after_it():
    assert section(plan(network(*crowd()), last_gathering=NOW - timedelta(days=10)), "gathering") == ()
    assert len(section(plan(network(*crowd()), last_gathering=NOW - timedelta(days=31)), "gathering")) == 1


def test_too_few_helpful_people_make_no_gathering():
    assert section(plan(network(*crowd()[:2])), "gathering") == ()


def test_the_gathering_key_is_stable_within_its_period():
    first = section(plan(network(*crowd())), "gathering")[0].key
    later = section(plan(network(*crowd()), NOW + timedelta(days=1)), "gathering")[0].key
    assert first.startswith("gathering:") and first == later


def test_an_offer_that_names_no_thing_is_quoted_in_the_reason():
    from assistant.understanding.what import asked_for

    said = "I would be more than happy to host."
    people = list(crowd())
    people[2] = person("Grace Liu", "grace@c.example", offers=(offer(asked_for(said), said),), strength=0.6)
    [gathering] = section(plan(network(*people)), "gathering")
    assert "offered: \u201cI would be more than happy to host.\u201d" in gathering.reason
    assert "offers I would" not in gathering.reason


def test_the_draft_thanks_them_for_help_only_when_each_of_them_helped():
    # a real mailbox: a coach and a room parent who "always write back" were thanked for help never given
    [mixed] = section(plan(network(*crowd())), "gathering")  # Grace offered, Sam writes back: no help yet
    assert "helped me" not in mixed.drafts[0].body and "always glad to hear from" in mixed.drafts[0].body
    givers = [helper("Dana Ortiz", "dana@g.example", strength=0.6), *crowd()[:2]]
    [thanked] = section(plan(network(*givers)), "gathering")
    assert "You've each helped me or someone I know this year" in thanked.drafts[0].body
    for draft in (mixed.drafts[0], thanked.drafts[0]):  # the paragraphs stay apart
        assert "enjoy each other.\n\nCould you reply" in draft.body


def test_guests_who_already_know_each_other_are_not_promised_to_meet():
    # a probe mailbox: seven colleagues of one department were told "A few people I'd like you to meet"
    people = crowd()
    emails = [p.email for p in people[:4]]
    everyone = [(a, b) for i, a in enumerate(emails) for b in emails[i + 1:]]
    [colleagues] = section(plan(network(*people, acquainted=everyone)), "gathering")
    body, subject = colleagues.drafts[0].body, colleagues.drafts[0].subject
    assert "meet" not in subject and "enjoy each other" not in body and "together for a small" in body
    [strangers] = section(plan(network(*people)), "gathering")
    assert "I'd like you to meet" in strangers.drafts[0].subject and "enjoy each other" in strangers.drafts[0].body


def test_people_who_only_write_back_make_no_gathering_without_a_few_who_helped():
    # probe mailboxes: happy hours of colleagues and a soccer coach who "always write back", nobody having helped
    repliers = [person(f"Pat {n}", f"pat{n}@x.example", reciprocity=0.9, strength=0.7) for n in "ABCDEF"]
    assert section(plan(network(*repliers)), "gathering") == ()
    two_helpers = [helper("Ben Adeyemi", "ben@a.example"), helper("Olivia Brennan", "olivia@b.example"), *repliers]
    assert section(plan(network(*two_helpers)), "gathering") == ()
    three = [*two_helpers, person("Grace Liu", "grace@c.example", offers=(offer("seed investor"),), strength=0.6)]
    [gathering] = section(plan(network(*three)), "gathering")
    assert {"ben@a.example", "olivia@b.example", "grace@c.example"} <= {i["email"] for i in gathering.data["invitees"]}


def test_the_seats_go_to_those_who_helped_before_those_who_only_write_back():
    # review: with three givers among many repliers, the chosen guests could hold none of the givers
    from .test_suggest_support import DigestSettings

    repliers = [person(f"Pat {n}", f"pat{n}@x.example", reciprocity=1.0, strength=0.95) for n in "ABCDEF"]
    givers = [person(f"Giver {n}", f"giver{n}@x.example", offers=(offer("seed investor"),), strength=0.3,
                     reciprocity=0.0) for n in "XYZ"]
    [gathering] = section(plan(network(*repliers, *givers), settings=DigestSettings(gathering_size=3)), "gathering")
    assert {i["email"] for i in gathering.data["invitees"]} == {"giverX@x.example", "giverY@x.example",
                                                               "giverZ@x.example"}


def test_colleagues_at_the_owners_organization_are_not_promised_to_meet_each_other():
    people = crowd()
    for p in people:
        p.evidence["colleague"] = True
    [colleagues] = section(plan(network(*people)), "gathering")
    assert "meet" not in colleagues.drafts[0].subject and "enjoy each other" not in colleagues.drafts[0].body
    assert "together for a small" in colleagues.drafts[0].body  # the wording for guests who know each other
