"""Reconnect: strong ties gone quiet against their own rhythm, with a note about the last thing discussed."""

from .test_suggest_support import network, person, plan, section


def test_a_strong_tie_gone_quiet_gets_a_specific_note():
    sam = person("Sam Whitaker", "sam@mail.example", strength=0.7, quiet=83, usual_gap=4.0,
                 last_subject="Re: Fwd: the cabin trip")
    [found] = section(plan(network(sam)), "reconnect")
    assert found.data == {"person": {"name": "Sam Whitaker", "email": "sam@mail.example",
                                     "last_contact": "2025-12-17T17:00:00+00:00"}}
    assert "quiet for 83 days" in found.reason and "the cabin trip" in found.reason
    [draft] = found.drafts
    # the subject is a personal note's, never an old thread's ("Thinking of you (Canada Report)" to one's
    # supervising lawyer, in a probe mailbox); the body names the thread as the reason for writing
    assert draft.subject == "It's been a while"
    assert '"the cabin trip" from Dec 17' in draft.body and "nearly three months" in draft.body
    assert draft.body.rstrip().endswith("Alex")


def test_the_recent_are_left_alone():
    assert section(plan(network(person("Recent Rita", "rita@x.example", strength=0.8, quiet=12))), "reconnect") == ()


def test_quiet_is_measured_against_the_persons_own_rhythm():
    twice_a_year = person("Tara Slow", "tara@x.example", strength=0.8, quiet=90, usual_gap=180.0)
    assert section(plan(network(twice_a_year)), "reconnect") == ()


def test_weak_relationships_are_not_reconnected():
    assert section(plan(network(person("Dev Patel", "dev@x.example", strength=0.2, quiet=200))), "reconnect") == ()


def test_the_key_follows_the_last_contact_so_a_new_silence_can_come_back():
    before = section(plan(network(person("Meera Iyer", "meera@t.example", strength=0.7, quiet=80))), "reconnect")
    after = section(plan(network(person("Meera Iyer", "meera@t.example", strength=0.7, quiet=70))), "reconnect")
    assert before[0].key != after[0].key and before[0].key.startswith("reconnect:meera@t.example:")


def test_someone_still_on_the_mail_the_owner_gets_has_not_gone_quiet():
    # a probe mailbox: a teammate on every department mail was suggested as "quiet for 46 days"
    from .test_suggest_support import ago

    frank = person("Frank Sayre", "frank@x.example", strength=0.7, quiet=83, usual_gap=4.0)
    assert len(section(plan(network(frank)), "reconnect")) == 1
    frank.evidence["last_seen"] = ago(6).isoformat()
    assert section(plan(network(frank)), "reconnect") == ()
    frank.evidence["last_seen"] = ago(70).isoformat()  # seen, but long ago too
    assert len(section(plan(network(frank)), "reconnect")) == 1


def test_a_colleague_at_the_owners_own_organization_is_not_a_tie_gone_quiet():
    # probe mailboxes: teammates who only traded document requests with the owner were "quiet for 46 days"
    diane = person("Diane Anderson", "diane@x.example", strength=0.7, quiet=83, usual_gap=4.0)
    assert len(section(plan(network(diane)), "reconnect")) == 1
    diane.evidence["colleague"] = True
    assert section(plan(network(diane)), "reconnect") == ()


def test_an_address_without_a_display_name_is_addressed_by_the_name_the_owner_greets():
    # a probe mailbox: a draft went To "Cptdougie <cptdougie@aol.com>" and opened "Hi Leonard"
    from dataclasses import replace

    leonard = person("Cptdougie", "cptdougie@aol.example", strength=0.7, quiet=83, usual_gap=4.0)
    leonard = replace(leonard, evidence={**leonard.evidence, "names": {}, "greeting": {"Leonard": 3}})
    [found] = section(plan(network(leonard)), "reconnect")
    [draft] = found.drafts
    assert [(a.name, a.email) for a in draft.to] == [("Leonard", "cptdougie@aol.example")]
    assert draft.body.startswith("Hi Leonard,")
    named = replace(leonard, name="Leonard Sciullo", evidence={**leonard.evidence, "names": {"Leonard Sciullo": 2}})
    [found] = section(plan(network(named)), "reconnect")
    assert found.drafts[0].to[0].name == "Leonard Sciullo"  # a display name they chose stays


def test_good_news_not_yet_answered_is_a_reason_to_write_with_a_congratulation():
    from .test_suggest_support import ago, item

    joined = item("news", "new role", "I have joined Halvorsen Freight as head of operations.", days_ago=5,
                  about="self")
    lena = person("Lena Fischer", "lena@halvorsen.example", strength=0.6, quiet=5, news=(joined,))
    [found] = section(plan(network(lena)), "reconnect")  # written five days ago: not quiet, but news
    assert found.key == f"reconnect:lena@halvorsen.example:news:{joined.message_id}"
    assert found.data["news"] == {"text": joined.text, "date": joined.date.isoformat(),
                                  "message_id": joined.message_id}
    assert "Lena shared news on Mar 5" in found.reason and "Halvorsen Freight" in found.reason
    [draft] = found.drafts
    assert draft.subject == "Congratulations!" and "the new role - congratulations" in draft.body
    assert "Halvorsen" not in draft.body  # their own words are not repeated back to them
    # answered already: the owner wrote to them after the news
    lena.evidence["last_written"] = ago(2).isoformat()
    assert section(plan(network(lena)), "reconnect") == ()
    lena.evidence["last_written"] = ago(9).isoformat()  # before the news: still unanswered
    assert len(section(plan(network(lena)), "reconnect")) == 1


def test_old_news_and_weak_ties_are_no_reason_to_write():
    from .test_suggest_support import news

    old = person("Omar Haddad", "omar@x.example", strength=0.6, quiet=40,
                 news=(news("award", days_ago=40, about="self"),))
    weak = person("Lee Park", "lee@x.example", strength=0.2, quiet=5, news=(news("award", days_ago=3, about="self"),))
    assert section(plan(network(old, weak)), "reconnect") == ()


def test_news_the_patterns_read_is_congratulated_without_guessing_what_it_was():
    from .test_suggest_support import item

    wed = item("news", "eloped and got married in Reno", "We eloped and got married in Reno!", days_ago=3,
               about="self")
    [found] = section(plan(network(person("Mia Cole", "mia@x.example", strength=0.6, quiet=3, news=(wed,)))),
                      "reconnect")
    assert "I just saw your news - congratulations!" in found.drafts[0].body



def test_only_the_writers_own_news_said_openly_is_congratulated():
    # review: "FYI, Karen Smith was just promoted to VP" congratulated its writer, and a confidential "I have
    # accepted a new position (nobody at Kestrel knows yet)" was drafted to the employer's address
    from datetime import timedelta

    from .test_suggest_support import NOW, item

    def lena(news_item):
        return person("Lena Fischer", "lena@kestrel.example", strength=0.6, quiet=5, news=(news_item,))

    karen = item("news", "promoted", "FYI, Karen Smith was just promoted to VP of Trading.", days_ago=4,
                 about="Karen Smith")
    model_only = item("news", "award", "Our client Maiz y Sal won the Oregon Small Business Award.", days_ago=4)
    secret = item("news", "new role", "Confidential: I have accepted a new position at Halvorsen.", days_ago=4,
                  about="self", confidential=True)
    lifted = item("news", "new role", "I have accepted a new position at Halvorsen (embargoed until Monday).",
                  days_ago=4, about="self", confidential=True, confidential_until=(NOW - timedelta(days=1)).date())
    for news_item in (karen, model_only, secret):
        assert section(plan(network(lena(news_item))), "reconnect") == (), news_item.text
    assert len(section(plan(network(lena(lifted))), "reconnect")) == 1  # public now
    ours = item("news", "launch", "We launched the new freight portal on Monday.", days_ago=4, about="organization")
    assert len(section(plan(network(lena(ours))), "reconnect")) == 1
