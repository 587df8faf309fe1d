"""Events to share: upcoming, within the horizon, deduplicated, with the contacts who would benefit."""

from datetime import timedelta

import pytest

from .test_suggest_support import NOW, ask, event, generous, network, person, plan, section

ROSA = "rosa@club.example"


def founders():
    return (person("Priya Raghunathan", "priya@lumen.example", roles=("founder",), topics=("startups", "medtech"),
                   asks=(ask("mentor", "Do you know anyone who mentors first-time founders?"),), strength=0.8),
            person("Kenji Watanabe", "kenji@stack.example", roles=("founder",), topics=("startups",), strength=0.6),
            person("Rosa Delgado", ROSA, roles=("nonprofit",), topics=("startups",), strength=0.6))


def titles(digest):
    return [s.data["event"]["title"] for s in section(digest, "events")]


def test_upcoming_event_lists_the_contacts_it_fits_best_first():
    net = network(*founders(), events=[event("Founder Mentor Night", NOW + timedelta(days=9), ROSA)])
    [found] = section(plan(net), "events")
    assert found.data["event"] == {"title": "Founder Mentor Night", "start": (NOW + timedelta(days=9)).isoformat(),
                                   "end": None, "location": "Hall A, Portland"}
    guests = found.data["guests"]
    assert [g["email"] for g in guests] == ["priya@lumen.example", "kenji@stack.example"]
    assert guests[0]["reason"].startswith("asked for a mentor on Feb 28")
    assert [d.to[0].email for d in found.drafts] == ["priya@lumen.example", "kenji@stack.example"]
    assert all(d.kind == "event_forward" and "Founder Mentor Night" in d.body for d in found.drafts)
    assert "looking for a mentor" in found.drafts[0].body and "mentor" not in found.drafts[1].body.split("Night")[-1]


def test_a_weak_tie_is_not_a_guest():
    # review: colleagues who write but were never written to are weak ties; no standing to invite them on
    priya, kenji, rosa = founders()
    from dataclasses import replace

    net = network(priya, replace(kenji, weak=True), rosa,
                  events=[event("Founder Mentor Night", NOW + timedelta(days=9), ROSA)])
    [found] = section(plan(net), "events")
    assert [g["email"] for g in found.data["guests"]] == ["priya@lumen.example"]


def test_the_person_who_sent_the_event_is_not_a_guest():
    net = network(*founders(), events=[event("Founder Breakfast", NOW + timedelta(days=3), ROSA)])
    [found] = section(plan(net, settings=generous()), "events")
    assert ROSA not in {g["email"] for g in found.data["guests"]}


def test_a_social_event_becomes_an_invitation_as_the_users_guest():
    net = network(*founders(), events=[event("Founder Breakfast", NOW + timedelta(days=3), ROSA)])
    [found] = section(plan(net), "events")
    assert {d.kind for d in found.drafts} == {"event_invite"}
    assert "as my guest" in found.drafts[0].body


def test_past_events_own_mail_and_events_beyond_the_horizon_are_absent():
    net = network(*founders(), events=[
        event("Founder Panel", NOW - timedelta(days=1), ROSA),
        event("Founder Coffee", NOW + timedelta(days=5), "alex@morgan.example", from_owner=True),
        event("Founder Summit", NOW + timedelta(days=61), ROSA),
        event("Founder Retreat", NOW + timedelta(days=59), ROSA)])
    assert titles(plan(net, settings=generous())) == ["Founder Retreat"]


def test_a_shorter_horizon_is_honoured():
    net = network(*founders(), events=[event("Founder Retreat", NOW + timedelta(days=20), ROSA)])
    assert titles(plan(net, settings=generous(horizon_days=14))) == []


def test_all_day_events_today_have_begun_and_tomorrow_is_upcoming():
    today, tomorrow = NOW.date().isoformat(), (NOW.date() + timedelta(days=1)).isoformat()
    net = network(*founders(), events=[event("Founder Day", today, ROSA), event("Founder Fair", tomorrow, ROSA)])
    assert titles(plan(net, settings=generous())) == ["Founder Fair"]


def test_the_same_event_seen_twice_is_one_suggestion_and_neither_sender_is_a_guest():
    start = NOW + timedelta(days=4)
    net = network(*founders(), events=[event("Founder Breakfast!", start, ROSA),
                                       event("Founder breakfast", start, "kenji@stack.example")])
    [found] = section(plan(net, settings=generous()), "events")
    assert [g["email"] for g in found.data["guests"]] == ["priya@lumen.example"]


def test_an_event_nobody_would_benefit_from_is_left_out():
    net = network(*founders(), events=[event("Ridgeline Q4 review", NOW + timedelta(days=4), ROSA)])
    assert titles(plan(net)) == []


def test_a_list_announcement_can_be_shared_but_the_list_never_appears():
    net = network(*founders(), excluded={"list@lists.example": "a mailing list's address"},
                  events=[event("Founder Meetup", NOW + timedelta(days=6), "list@lists.example", bulk=True)])
    digest = plan(net)
    assert titles(digest) == ["Founder Meetup"]
    assert "list@lists.example" not in str(digest.to_json())


@pytest.mark.parametrize("title, bulk, expected", [
    ("Ridgeline Q4 growth review", False, False),  # a client meeting the owner was invited to
    ("Coffee: Jonas / Alex", False, False),
    ("Quarterly board meeting", True, False),
    ("Project sync (confidential)", False, False),
    ("Founder Breakfast", False, True),
    ("Panel: Growth on a Shoestring", False, True),
    ("Member Appreciation Day", False, True),
    ("Cascadia Growth Summit 2027", True, True),
    ("Tuesday session", True, True),  # an announcement in a newsletter
    ("Tuesday session", False, False),  # the same words in a personal invitation: a private meeting
])
def test_only_announcements_are_shared_never_private_meetings(title, bulk, expected):
    from assistant.digest.events import shareable

    assert shareable(title, bulk) is expected


def test_an_ask_that_names_no_thing_is_quoted_and_never_put_in_a_guest_draft():
    from assistant.digest.events import _Profile
    from assistant.understanding.what import asked_for

    said = "I would love to talk to you about your firm."
    opening = asked_for(said)  # no verb leads to an object: the sentence's opening words
    asker = person("Dana Reyes", "dana@reyes.example", asks=(ask(opening, said), ask("mentor")))
    [(quoted, none, *_), (named, what, *_)] = sorted(_Profile.of(asker).asks, key=lambda a: a[1])
    assert none == "" and quoted == f"asked on Feb 28: \u201c{said}\u201d"
    assert what == "a mentor" and named == "asked for a mentor on Feb 28"
