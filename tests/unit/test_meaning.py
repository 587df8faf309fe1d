"""Matching by meaning (digest/meaning.py, intros): an ask that names no trade finds the person whose
profile is near it in meaning; a helper found by name but far in meaning ranks lower; the reason
quotes the profile text that matched. Vectors are made by hand here: which texts are near is the
input, not something these tests measure (benchmarks/bench_matching.py measures that)."""

from __future__ import annotations

import numpy as np

from assistant.digest import intros
from assistant.digest.meaning import Matcher, profile, texts_to_embed, whole

from .test_suggest_support import NOW, ask, network, offer, person, plan, section

VISA = "Anyone who can make sense of the consulate's forms for our new hire from Brazil?"
WIDTH = 4096  # room for a direction of its own for every text matching compares (role descriptions too)


def unit(*weights: float) -> np.ndarray:
    v = np.zeros(WIDTH, dtype=np.float32)
    v[: len(weights)] = weights
    return v / np.linalg.norm(v)


def vectors_for(people, near: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every text matching compares; the ones in `near` get their vector, each other one a direction
    of its own (unrelated to everything)."""
    asks = [a for p in people for a in p.asks]
    texts = texts_to_embed(people, asks)
    assert len(texts) < WIDTH - 8
    own = np.eye(WIDTH, dtype=np.float32)
    vectors = {t: near.get(t, own[8 + i]) for i, t in enumerate(texts)}
    for p in people:  # a whole profile means what its part given here means
        given = [near[e.text] for e in profile(p) if e.text in near]
        if given:
            vectors[whole(p)] = given[0]
    return vectors


def asker():
    return person("Priya Raman", "priya@raman.example",
                  asks=(ask("make sense of the consulate's forms", VISA, days_ago=3),))


def test_an_ask_that_names_no_trade_finds_the_profile_near_it_in_meaning():
    rosa = person("Rosa Lopez", "rosa@lopez-law.example", title="Sr. Immigration Counsel", organization="Lopez Law")
    ben = person("Ben Cho", "ben@cho.example", title="Partner", organization="Cho Corporate Law")
    people = [asker(), rosa, ben]
    vectors = vectors_for(people, {VISA: unit(1, 0.1), "Sr. Immigration Counsel, Lopez Law": unit(1, 0.2),
                                   "Partner, Cho Corporate Law": unit(0.3, 1)})
    assert section(plan(network(*people)), "intros") == ()  # by name alone: nothing
    [intro] = section(plan(network(*people), vectors=vectors), "intros")
    assert [p.email for p in intro.people] == ["priya@raman.example", "rosa@lopez-law.example"]
    assert "Rosa is Sr. Immigration Counsel" in intro.reason and VISA[:40] in intro.reason
    # the asker's own words, no made-up trade
    assert "asked on Mar 7 for help: \u201cAnyone who can make sense" in intro.reason


def test_an_offer_in_the_helpers_own_words_is_quoted_as_the_evidence():
    words = "Happy to look over anyone's H-1B or O-1 questions, no charge for friends."
    tom = person("Tom Aziz", "tom@aziz.example", offers=(offer("h-1b", words),))
    people = [asker(), tom]
    [intro] = section(plan(network(*people), vectors=vectors_for(people, {VISA: unit(1), words: unit(1, 0.3)})),
                      "intros")
    assert "Tom offered on" in intro.reason and "H-1B or O-1" in intro.reason


def test_far_in_meaning_is_not_a_match_and_the_nearer_profile_ranks_first():
    lena = person("Lena Fischer", "lena@kestrel.example",
                  asks=(ask("patent attorney", "Do you know a patent attorney for our medical device?"),))
    far = person("Omar Haddad", "omar@haddad.example", title="Patent Attorney", organization="Haddad Trademarks")
    near = person("Ines Kaur", "ines@kaur.example", title="Patent Attorney", organization="Kaur Medtech IP")
    people = [lena, far, near]
    vectors = vectors_for(people, {"Do you know a patent attorney for our medical device?": unit(1),
                                   "Patent Attorney, Kaur Medtech IP": unit(1, 0.2),
                                   "Patent Attorney, Haddad Trademarks": unit(0.1, 1)})
    found = intros.candidates(people, frozenset(), NOW, vectors)
    helpers = [c.people[1].email for c in found]
    assert helpers[0] == "ines@kaur.example"  # both are patent attorneys by name; meaning breaks the tie
    unrelated = person("Sam Vu", "sam@vu.example", title="Pastry Chef")
    assert intros.candidates([lena, unrelated], frozenset(), NOW, vectors_for([lena, unrelated], {})) == []


def test_profiles_are_title_offers_and_fields_and_the_matcher_compares_them_all():
    rosa = person("Rosa Lopez", title="Counsel", organization="Lopez Law", topics=("legal",),
                  offers=(offer("visa", "I help families with green cards."),))
    kinds = [(e.kind, e.text) for e in profile(rosa)]
    assert kinds == [("profile", "Counsel, Lopez Law"), ("offer", "I help families with green cards."),
                     ("fields", "works in legal")]
    assert whole(rosa) == "Counsel, Lopez Law. I help families with green cards. Works in legal."
    vectors = {e.text: unit(1, i) for i, e in enumerate(profile(rosa))}
    vectors[whole(rosa)] = unit(1, 1)
    vectors["ask"] = unit(1, 2)
    matcher = Matcher([rosa], vectors)
    [near] = matcher.nearest("ask", floor=0.5, limit=3)
    assert near.evidence.kind == "fields"  # the part nearest the ask is what a suggestion quotes
    assert matcher.similarity("ask", rosa) == near.similarity == float(unit(1, 1) @ unit(1, 2))
    assert matcher.nearest("unknown text", 0.0, 3) == []


def test_an_event_finds_guests_by_meaning_even_without_topic_tags():
    from datetime import timedelta

    from .test_suggest_support import event

    title = "Workshop: Getting Your Product Into Grocery Chains"
    jars = "We make hot sauce in small batches and want to get into more stores."
    lea = person("Lea Brandt", "lea@brandt.example", asks=(ask("more stores", jars),))  # no tags, no roles
    ivo = person("Ivo Petrov", "ivo@petrov.example", title="Category Manager", organization="FreshWay Markets")
    tim = person("Tim Ross", "tim@ross.example", title="Dentist")
    people = [lea, ivo, tim]
    seen = event(title, NOW + timedelta(days=9), "club@events.example")
    assert section(plan(network(*people, events=[seen])), "events") == ()  # by name: nobody
    near = {title: unit(1), jars: unit(1, 0.4), "Category Manager, FreshWay Markets": unit(1, 0.9)}
    vectors = {**vectors_for(people, near), **{k: v for k, v in near.items()}}
    [found] = section(plan(network(*people, events=[seen]), vectors=vectors), "events")
    guests = found.data["guests"]
    assert [g["email"] for g in guests] == ["lea@brandt.example", "ivo@petrov.example"]  # the ask weighs most
    assert guests[0]["reason"].startswith("asked for") and "near what Ivo does" in guests[1]["reason"]


def test_an_ask_or_offer_with_no_subject_matches_nothing_by_meaning():
    from assistant.digest.meaning import GENERIC

    vague_ask = "Could you introduce me to someone?"
    vague_offer = "Let me know if I can help with anything!"
    priya = person("Priya Raman", "priya@raman.example", asks=(ask("someone", vague_ask),))
    gus = person("Gus Hale", "gus@hale.example", offers=(offer("anything", vague_offer),))
    people = [priya, gus]
    near = {vague_ask: unit(1, 0.1), vague_offer: unit(1, 0.2), GENERIC[1]: unit(1)}
    vectors = vectors_for(people, near)
    vectors[GENERIC[1]] = unit(1)
    assert intros.candidates(people, frozenset(), NOW, vectors) == []
    assert Matcher(people, vectors).people == []  # a profile of vague offers only says nothing


def test_ties_go_by_email_whatever_the_order_and_people_sharing_an_email_keep_their_own_parts():
    twins = [person(f"Twin {n}", f"t{n}@x.example", title="Dentist") for n in (3, 1, 2)]
    vectors = {whole(twins[0]): unit(1), "Dentist": unit(1), "ask": unit(1)}
    matcher = Matcher(twins, vectors)
    assert [n.person.email for n in matcher.nearest("ask", 0.0, 2)] == ["t1@x.example", "t2@x.example"]
    assert matcher.nearest("ask", 0.0, 0) == []
    one = person("Ann One", "ann@x.example", title="Dentist", organization="Smile")
    two = person("Ann Two", "ann@x.example", title="Baker", organization="Bread Co")
    vectors = {whole(one): unit(1), whole(two): unit(0.9, 0.1), "Dentist, Smile": unit(1),
               "Baker, Bread Co": unit(0, 1), "ask": unit(1)}
    matcher = Matcher([one, two], vectors)
    assert matcher.evidence(vectors["ask"], one).text == "Dentist, Smile"


def test_events_find_everyone_whose_open_ask_is_near_the_title():
    from assistant.digest.events import EVENT_FLOOR, _Asking, _Profile

    near_ask, far_ask = "Where do I learn to pitch grocery buyers?", "Need a plumber."
    people = [person("Lea Brandt", asks=(ask("x", near_ask),)), person("Tim Ross", asks=(ask("y", far_ask),)),
              person("Ivo Petrov")]
    vectors = {"Grocery Workshop": unit(1), near_ask: unit(1, 0.2), far_ask: unit(0, 1)}
    asking = _Asking([_Profile.of(p) for p in people], vectors)
    assert asking.near("Grocery Workshop", Matcher(people, vectors)) == {0}
    assert float(unit(1, 0.2) @ unit(1)) >= EVENT_FLOOR > float(unit(0, 1) @ unit(1))
    assert _Asking([], {}).near("Grocery Workshop", Matcher([], {})) == set()


def test_an_organization_guessed_from_the_mail_domain_alone_is_no_evidence_by_meaning():
    # a real mailbox: a wife's job-search ask was sent to a near-stranger because "Futuresource" (from
    # sblackman@futuresource.com) is a little near anything about opportunities
    from dataclasses import replace

    job = "I would like to gain exposure in the energy industry and find a new opportunity."
    rebecca = person("Rebecca Quenet", "rebecca@eds.example", asks=(ask("I would like", job, days_ago=3),))
    said = person("Stephanie Blackman", "sblackman@futuresource.example", organization="Futuresource")
    guessed = replace(said, evidence={**said.evidence, "organization": "domain futuresource.example"})
    near = {job: unit(1, 0.1), "Futuresource": unit(1, 0.3)}
    # an organization a signature gave is what the person says of their work: it may match
    [intro] = section(plan(network(rebecca, said), vectors=vectors_for([rebecca, said], near)), "intros")
    assert intro.people[1].email == "sblackman@futuresource.example"
    assert "Stephanie works at Futuresource" in intro.reason  # an organization alone: where, not what, they are
    # the same name made from the address says nothing of what they do
    assert profile(guessed) == []
    assert section(plan(network(rebecca, guessed), vectors=vectors_for([rebecca, guessed], near)), "intros") == ()
    titled = replace(guessed, title="Market Analyst")  # with a title, the organization completes it
    assert [e.text for e in profile(titled)] == ["Market Analyst, Futuresource"]


def test_what_someones_mail_is_about_is_no_reason_to_introduce_them():
    # a real mailbox: a recruiter's "we are in the market for good marketers" was sent to a government
    # contact whose only link to it was that their mail "writes about ... marketing"
    from dataclasses import replace

    dana = person("Dana Cherry", "dana@agency.example", topics=("government", "marketing"))
    dana = replace(dana, evidence={**dana.evidence, "profile_topics": ["government"]})
    assert [(e.kind, e.text) for e in profile(dana)] == [("fields", "works in government"),
                                                       ("writes", "writes about marketing")]
    assert whole(dana) == "Works in government; writes about marketing."
    wanted = "Our outreach is a mess; anyone who could get the word out for the trading desk?"
    marshall = person("Marshall Brown", "marshall@recruit.example", asks=(ask("get the word out", wanted, days_ago=3),))
    people = [marshall, dana]
    near = {wanted: unit(1, 0.1), "writes about marketing": unit(1, 0.2), "works in government": unit(0.1, 1)}
    vectors = {**vectors_for(people, near), whole(dana): unit(1, 0.3)}  # near as a whole, by what they write about
    assert section(plan(network(*people), vectors=vectors), "intros") == ()
    # where the fields they work in are what is near, the introduction stands
    near = {wanted: unit(1, 0.1), "works in government": unit(1, 0.2), "writes about marketing": unit(0.1, 1)}
    vectors = {**vectors_for(people, near), whole(dana): unit(1, 0.3)}
    [intro] = section(plan(network(*people), vectors=vectors), "intros")
    assert [p.email for p in intro.people] == ["marshall@recruit.example", "dana@agency.example"]


def test_a_named_trade_is_not_found_by_the_field_someone_works_in_alone():
    # the same mailbox, after the fix above: the recruiter's marketers went to an energy consultant whose
    # only link was "works in energy, consulting"; a field says where someone works, not that they are one
    steven = person("Steven Lewis", "steven@lands.example", topics=("energy",))
    wanted = "We are in the market for good marketers for the trading desk."
    marshall = person("Marshall Brown", "marshall@recruit.example", asks=(ask("marketer", wanted, days_ago=3),))
    people = [marshall, steven]
    near = {wanted: unit(1, 0.1), "works in energy": unit(1, 0.2)}
    assert section(plan(network(*people), vectors=vectors_for(people, near)), "intros") == ()
    # an ask that names no trade may still find someone by their field
    vague = "Our power purchase agreements are a mess; anyone who could untangle them?"
    asker = person("Marshall Brown", "marshall@recruit.example", asks=(ask("untangle them", vague, days_ago=3),))
    near = {vague: unit(1, 0.1), "works in energy": unit(1, 0.2)}
    [intro] = section(plan(network(asker, steven), vectors=vectors_for([asker, steven], near)), "intros")
    assert "Steven" in intro.reason and "works in energy" in intro.reason
