"""Introductions: asks meet offers, titles or trades; never people who know each other, never a done ask."""

from assistant.digest import intros

from .test_suggest_support import NOW, ask, generous, network, offer, person, plan, section

LENA = dict(name="Lena Fischer", email="lena@kestrel.example", title="CEO", organization="Kestrel Medical",
            topics=("medtech", "startups"))


def lena(**kw):
    return person(**{**LENA, "asks": (ask("patent attorney", "Do you know a patent attorney who knows medical "
                                                 "devices?", days_ago=7, qualifiers=("medtech",)),), **kw})


def omar(**kw):
    return person("Omar Haddad", "omar@haddad-ip.example", title="Partner", organization="Haddad IP",
                  topics=("legal", "medtech"), roles=("attorney",),
                  offers=(offer("patent attorney", "I take on patent work for medtech startups, flat fee."),), **kw)


def test_ask_meets_offer_cites_both_sides_and_drafts_double_opt_in():
    digest = plan(network(lena(), omar()))
    [intro] = section(digest, "intros")
    assert intro.data == {"people": [{"name": "Lena Fischer", "email": "lena@kestrel.example"},
                                     {"name": "Omar Haddad", "email": "omar@haddad-ip.example"}]}
    assert intro.reason.startswith("Lena asked on Mar 3 for a patent attorney")
    assert "Omar offered on Feb 18" in intro.reason and "patent work for medtech startups" in intro.reason
    first, second = intro.drafts
    assert [a.email for a in first.to] == ["omar@haddad-ip.example"]
    assert "open to an intro" in first.body.lower() and first.body.startswith("Hi Omar,")
    assert {a.email for a in second.to} == {"lena@kestrel.example", "omar@haddad-ip.example"}
    assert second.subject == "Intro: Lena, meet Omar"
    assert first.body.rstrip().endswith("Alex") and second.body.rstrip().endswith("Alex")


def test_people_who_already_know_each_other_are_not_introduced():
    net = network(lena(), omar(), acquainted=[("lena@kestrel.example", "omar@haddad-ip.example")])
    assert section(plan(net), "intros") == ()


def test_an_ask_already_answered_is_not_suggested_again():
    done = ask("patent attorney", qualifiers=("medtech",), done="<intro@alex>")
    assert section(plan(network(lena(asks=(done,)), omar())), "intros") == ()


def test_excluded_addresses_never_appear_even_if_listed_as_people():
    bulk = person("Deals Team", "deals@vendor.example", offers=(offer("patent attorney"),), strength=0.9)
    net = network(lena(), bulk, excluded={"deals@vendor.example": "only sends newsletters"})
    assert section(plan(net), "intros") == ()


def test_a_trade_without_an_offer_fits_when_the_industry_matches():
    daniel = person("Daniel Okafor", "daniel@brightline.example", title="Partner", organization="Brightline IP",
                    roles=("attorney",), topics=("legal", "medtech"), strength=0.4)
    [intro] = section(plan(network(lena(), daniel)), "intros")
    assert "Daniel (Partner, Brightline IP) is in the trade (attorney) and works in medtech" in intro.reason


def test_a_trade_in_another_industry_is_not_enough():
    tax = person("Tina Marsh", "tina@marshlaw.example", roles=("attorney",), topics=("real_estate",))
    assert section(plan(network(lena(), tax)), "intros") == ()


def test_a_weak_cc_only_contact_is_not_vouched_for_by_role():
    cc = person("Chris Doe", "chris@ip.example", roles=("attorney",), topics=("medtech",), weak=True, strength=0.15)
    assert section(plan(network(lena(), cc)), "intros") == ()


def test_broader_offer_answers_a_narrower_ask_but_a_sibling_does_not():
    rachel = person("Rachel Stein", "rachel@fernway.example", asks=(ask("react developer"),))
    kofi = person("Kofi Mensah", "kofi@mensah.example", offers=(offer("frontend developer"),))
    backend = person("Vera Lind", "vera@lind.example", offers=(offer("backend developer"),))
    found = [s.data["people"][1]["email"] for s in section(plan(network(rachel, kofi, backend), settings=generous()),
                                                            "intros")]
    assert found == ["kofi@mensah.example"]


def test_the_stronger_and_fresher_match_ranks_first():
    old = person("Old Asker", "old@a.example", asks=(ask("caterer", days_ago=200),), strength=0.3)
    new = person("Nadia Haddad", "nadia@hp.example", asks=(ask("caterer", days_ago=5),), strength=0.7)
    chef = person("Marisol Vega", "marisol@maiz.example", offers=(offer("caterer"),), strength=0.7)
    found = section(plan(network(old, new, chef), settings=generous()), "intros")
    assert [s.data["people"][0]["email"] for s in found] == ["nadia@hp.example", "old@a.example"]
    assert found[0].score > found[1].score


def test_one_suggestion_per_pair_even_with_several_matching_asks():
    kenji = person("Kenji Watanabe", "kenji@stack.example", asks=(ask("seed investor"), ask("investor")))
    grace = person("Grace Liu", "grace@liu.example", offers=(offer("seed investor"),))
    found = section(plan(network(kenji, grace), settings=generous()), "intros")
    assert len(found) == 1 and found[0].key == "intro:grace@liu.example|kenji@stack.example:seed investor"


def test_candidates_come_from_the_index_not_from_every_pair():
    askers = [person(f"Asker {i}", f"a{i}@x.example", asks=(ask("caterer"),)) for i in range(50)]
    others = [person(f"Other {i}", f"o{i}@y.example", offers=(offer("dentist"),)) for i in range(200)]
    assert intros.candidates(askers + others, frozenset(), NOW) == []


def test_an_introduction_resting_on_a_doubtful_ask_ranks_below_a_sure_one():
    def asker(name, email, score):
        return person(name, email, asks=(ask("patent attorney", "Do you know a patent attorney?", days_ago=7,
                                             score=score),))
    sure, doubtful = asker("Sam Reyes", "sam@reyes.example", 0.97), asker("Kim Ito", "kim@ito.example", 0.62)
    intros_found = section(plan(network(doubtful, sure, omar()), settings=generous()), "intros")
    by_asker = {s.data["people"][0]["email"]: s.score for s in intros_found}
    assert by_asker["sam@reyes.example"] > by_asker["kim@ito.example"]
    assert abs(by_asker["kim@ito.example"] / by_asker["sam@reyes.example"] - 0.62 / 0.97) < 0.01
    unscored = section(plan(network(person("Sam Reyes", "sam@reyes.example", asks=(ask("patent attorney"),)), omar())),
                       "intros")
    assert unscored[0].score > by_asker["sam@reyes.example"]  # found by the cue patterns alone: not doubted


def test_dates_in_reasons_and_drafts_are_the_digests_time_zone():
    # a probe user: a note sent on Nov 19 at 7:36 pm in Houston was cited as "Nov 20" (its UTC date)
    from zoneinfo import ZoneInfo

    from .test_suggest_support import DigestSettings

    evening = person(**{**LENA, "asks": (ask("patent attorney", "Do you know a patent attorney who knows medical "
                                                 "devices?", days_ago=7 + 14 / 24, qualifiers=("medtech",)),)})
    assert evening.asks[0].date.isoformat() == "2026-03-03T03:00:00+00:00"  # Mar 2, 7 pm in California
    [utc] = section(plan(network(evening, omar())), "intros")
    assert utc.reason.startswith("Lena asked on Mar 3 ")
    pacific = DigestSettings(tz=ZoneInfo("America/Los_Angeles"))
    [local] = section(plan(network(evening, omar()), settings=pacific), "intros")
    assert local.reason.startswith("Lena asked on Mar 2 ") and "on Mar 2 " in local.drafts[0].body
    assert "Omar offered on Feb 18" in local.reason  # the same instants, only shown in the zone


def test_weak_ties_are_neither_introduced_nor_asked_to_help():
    # a probe mailbox: a colleague the owner never wrote to ("Can you give me the name of Virginia's
    # marketeer.") was to be introduced to an outside customer
    assert len(section(plan(network(lena(), omar())), "intros")) == 1
    assert section(plan(network(lena(weak=True), omar())), "intros") == ()
    assert section(plan(network(lena(), omar(weak=True))), "intros") == ()


def test_an_ask_for_a_contact_at_an_organization_is_answered_by_people_there():
    # a probe mailbox: "Also, do you have a contact at Carr?" went to a colleague who "works in finance"
    from .test_suggest_support import ask as asked

    sara = person("Sara Shackleton", "sara@wholesale.example",
                  asks=(asked("someone at Dynegy", "Also, do you have a contact at Dynegy?", days_ago=5),))
    dana = person("Dana Ruiz", "dana@dynegy.example", organization="Dynegy Inc.", title="Gas Trader")
    cara = person("Cara Lee", "cara@dynegy.example")  # no organization known: her mail domain says it
    carl = person("Carl Berg", "carl@dynegymarkets.example")  # a domain that only starts with the name: not there
    fin = person("Wendy Conwell", "wendy@bank.example", organization="First Bank", topics=("finance",))
    [intro, second] = section(plan(network(sara, dana, cara, carl, fin), settings=generous()), "intros")
    assert {intro.people[1].email, second.people[1].email} == {"dana@dynegy.example", "cara@dynegy.example"}
    dana_intro = next(i for i in (intro, second) if i.people[1].email == "dana@dynegy.example")
    assert "for a contact at Dynegy" in dana_intro.reason and "Dana works at Dynegy Inc." in dana_intro.reason
    assert section(plan(network(sara, fin)), "intros") == ()  # nobody at Dynegy: nobody else can answer it
    insider = person("Sara Shackleton", "sara@dynegy.example", organization="Dynegy",
                     asks=(asked("someone at Dynegy", "Do you have a contact at Dynegy?", days_ago=5),))
    assert section(plan(network(insider, dana)), "intros") == ()  # her own organization


def test_the_organization_an_ask_wants_a_way_into():
    from assistant.digest.intros import target_organization

    from .test_suggest_support import ask as asked

    assert target_organization(asked("someone at Kaiser", "Does anyone have a contact at Kaiser?")) == "kaiser"
    assert target_organization(asked("x", "Could you put me in touch with someone at Reliant Energy?")) == \
        "reliant energy"
    assert target_organization(asked("patent attorney", "Do you know a patent attorney?")) is None
    assert target_organization(asked("x", "Is there anyone at your firm who does audits?")) is None


def test_the_draft_says_asked_me_only_when_the_note_was_to_the_owner():
    # a real mailbox: the owner was copied on an ask to a colleague, and the draft said "Sara asked me"
    [to_me] = section(plan(network(lena(), omar())), "intros")
    assert "Lena (CEO, Kestrel Medical) asked me on Mar 3 for a patent attorney (for medtech):" in to_me.drafts[0].body
    copied = ask("patent attorney", "Do you know a patent attorney who knows medical devices?", days_ago=7,
                 qualifiers=("medtech",), addressed=False)
    [intro] = section(plan(network(lena(asks=(copied,)), omar())), "intros")
    body = " ".join(intro.drafts[0].body.split())
    assert "asked me" not in body
    assert "Lena (CEO, Kestrel Medical) wrote on Mar 3, in a note I was copied on, that they are looking for a " \
           "patent attorney (for medtech):" in body


def test_topics_only_their_mail_gives_are_what_they_write_about_not_their_trade():
    # a probe mailbox: a relative who wrote about a hospital stay "works in healthcare, legal"
    from dataclasses import replace

    daniel = person("Daniel Okafor", "daniel@brightline.example", title="Partner", organization="Brightline IP",
                    roles=("attorney",), topics=("legal", "medtech"), strength=0.4)
    daniel = replace(daniel, evidence={**daniel.evidence, "profile_topics": ["legal"]})
    [intro] = section(plan(network(lena(), daniel)), "intros")
    assert "is in the trade (attorney) and writes about medtech" in intro.reason
    assert "works in medtech" not in intro.reason
    from assistant.digest.candidates import fields
    assert fields(daniel) == "works in legal; writes about medtech"
    assert fields(replace(daniel, evidence={**daniel.evidence, "profile_topics": []})) == "writes about legal, medtech"


def test_help_named_in_someones_words_is_no_trade_to_introduce_by_name():
    # review: a brother's "I can help with the plumbing if you want, I have the tools" made him the plumber
    # a client's "Do you know a good plumber?" was introduced to
    from .test_suggest_support import ask, network, offer, person, plan, section

    brother = person("Sam Morgan", "sam@family.example",
                     offers=(offer("help with the plumbing", "I can help with the plumbing if you want."),))
    client = person("Rita Cole", "rita@cole.example", asks=(ask("plumber", "Do you know a good plumber?"),))
    assert section(plan(network(brother, client)), "intros") == ()
    plumber = person("Omar Haddad", "omar@pipes.example", offers=(offer("plumber"),))
    [intro] = section(plan(network(brother, client, plumber)), "intros")
    assert [p.email for p in intro.people] == ["rita@cole.example", "omar@pipes.example"]


# --- a job sought meets a hire (understanding.work) ---------------------------------------------------

def seeker(text="I was let go on Friday and I'm looking for a position in gas trading.", **kw):
    return person("Nadia Petrova", "nadia@mail.example", asks=(ask("position", text, days_ago=5),), **kw)


def hirer(text="We're hiring two senior gas traders for our Calgary desk.", days_ago=12, **kw):
    return person("Tom Reyes", "tom@northridge.example", title="Managing Director", organization="Northridge Energy",
                  asks=(ask("senior gas traders", text, days_ago=days_ago),), **kw)


def test_a_job_seeker_meets_a_hirer_whose_role_names_their_field():
    [intro] = section(plan(network(seeker(), hirer())), "intros")
    assert {p["email"] for p in intro.data["people"]} == {"nadia@mail.example", "tom@northridge.example"}
    # both sides in their own words: what the seeker wants and what the hirer wrote
    assert "looking for a position in gas trading" in intro.reason and "senior gas traders" in intro.reason
    first = intro.drafts[0]
    assert "wrote to me on" in first.body and "open to an intro" in first.body


def test_a_field_the_hire_does_not_name_is_no_match():
    nurse = seeker("I'm looking for a job in pediatric nursing, any leads?")
    assert section(plan(network(nurse, hirer())), "intros") == ()


def test_two_seekers_or_two_hirers_are_never_paired():
    other = person("Ben Ode", "ben@mail.example", asks=(ask("job", "I am looking for a job in gas trading too."),))
    assert section(plan(network(seeker(), other)), "intros") == ()
    other_hirer = person("Ana Silva", "ana@westgas.example", asks=(ask("traders", "We are hiring gas traders."),))
    assert section(plan(network(hirer(), other_hirer)), "intros") == ()


def test_a_stale_hire_weighs_less_than_a_fresh_one():
    fresh = section(plan(network(seeker(), hirer(days_ago=5)), settings=generous()), "intros")
    stale = section(plan(network(seeker(), hirer(days_ago=300)), settings=generous()), "intros")
    assert fresh and (not stale or stale[0].score < fresh[0].score)


def test_what_work_asks_name():
    from assistant.understanding.work import about_work
    assert about_work("We are also in the market for good marketers, traders and structurers.") == (
        True, "marketers, traders and structurers")
    assert about_work("My client is looking for a senior credit analyst in Denver.") == (True, "senior credit analyst")
    assert about_work("We have an opening for a scheduler on the night shift.") == (True, "scheduler")
    assert about_work("I'd love to land a pharmaceutical sales job in Dallas.") == (False, "pharmaceutical sales")
    assert about_work("I am looking for a junior trader job.") == (False, "junior trader")
    assert about_work("He is interested in a corporate development position.") == (False, "corporate development")
    assert about_work("Please keep my resume in mind if anything comes up.") == (False, "")
    assert about_work("My son is looking for a summer job in Boston.") == (False, "")  # a place is no field
    assert about_work("The bakery is after a part-time counter assistant.") == (True, "part-time counter assistant")
    assert about_work("Know any welders who want steady work?") == (True, "welders")  # the writer has the work
    assert about_work("I'd like to get back into teaching.") == (False, "teaching")  # a move into a field
    assert about_work("She's hoping to move from retail into HR, so any leads?") == (False, "HR")
    # asks that are not about work: a service for the house or the family, however it is asked
    for text in ("We need a plumber for the upstairs bathroom.", "We're looking for a physiotherapist for my dad.",
                 "Do you know a good plumber?", "We need a bookkeeper for the shop.",
                 "What role do you see for us in the project?", "I look forward to our work together.",
                 "We're looking for a venue for the retreat.",
                 # verbs that take on projects and advice as readily as people
                 "We are adding a new feature to the app next week.", "We're taking on a new project in March.",
                 "The meeting is after lunch, can you join?", "We could use some advice on the lease."):
        assert about_work(text) is None, text


def _unit(*xs):
    import numpy as np
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_a_field_and_a_role_in_other_words_meet_by_meaning_and_only_when_near():
    from assistant.digest.meaning import Matcher
    hire = hirer("Our desk is hiring two senior schedulers.")
    power = seeker("I'm hoping to find a role in pipeline logistics.")
    nursing = ask("job", "I'm looking for a job in pediatric nursing.")
    nurse = person("Ines Duarte", "ines@mail.example", asks=(nursing,))
    vectors = {"schedulers": _unit(1, 0.9, 0), "pipeline logistics": _unit(1, 1, 0.1),  # cosine ~0.99
               "pediatric nursing": _unit(0, 0.2, 1)}  # cosine ~0.1
    people = [hire, power, nurse]
    found = intros.candidates(people, frozenset(), NOW, vectors, matcher=Matcher(people, vectors))
    pairs = {frozenset(p.email for p in c.people) for c in found}
    assert pairs == {frozenset({"tom@northridge.example", "nadia@mail.example"})}


def test_a_field_is_compared_without_its_rank_words():
    from assistant.understanding.work import field_words
    assert field_words("senior tax manager") == "tax"
    assert field_words("an assistant manager") == ""  # names no field: the hirer's profile stands in
    assert not intros._stems("program manager") & intros._stems("project manager")
    assert intros._same_field(intros._stems("senior gas traders"), intros._stems("gas trading"))
    assert intros._same_field(intros._stems("gas trading"), intros._stems("natural gas trading"))
    # one word in common is not one field
    for role, field in (("software engineers", "software sales"), ("data entry clerk", "data science"),
                        ("estate planning attorney", "real estate"), ("customer success managers", "customer service"),
                        ("public school teachers", "public relations")):
        assert not intros._same_field(intros._stems(role), intros._stems(field)), (role, field)


def test_what_is_no_ask_about_work_however_it_is_worded():
    from assistant.understanding.work import about_work
    for text in ("I'm looking for a good accountant to do my taxes this year.",  # a service for the writer
                 "I'm in the market for a new car.", "We have two openings for the dinner on Friday.",
                 "We're trying to fill the last seats for the workshop.",
                 "Could you be a reference for me on my apartment application?",  # no job in sight
                 "Would you be open to a new role on the board?",  # a seat offered to the reader
                 "Keep her in mind for the dinner on Friday.",
                 "I would be interested in the opportunity to invest in your fund."):
        assert about_work(text) is None, text
    assert about_work("I'm looking for a senior gas trader for a client in Calgary.") == (True, "senior gas trader")
    reference = "Would you be willing to be a reference for me for the analyst job at Shell?"
    assert about_work(reference) == (False, "analyst")
    # a field read to its end, and no further
    assert about_work("I want a job in oil and gas.") == (False, "oil and gas")
    assert about_work("I want to get into social work.") == (False, "social work")
    assert about_work("I am looking for a job in marketing when I graduate.") == (False, "marketing")


# --- a job search is the seeker's to tell ------------------------------------------------------------

def test_a_seeker_hears_of_the_hire_first_and_the_hirer_never_reads_the_seekers_words():
    [intro] = section(plan(network(seeker(), hirer())), "intros")
    first, second = intro.drafts
    assert [a.email for a in first.to] == ["nadia@mail.example"]  # the seeker says yes before anyone hears
    assert "let go on Friday" not in second.body  # the note to both quotes only the hire


def test_a_seeker_is_never_offered_to_their_own_employer():
    inside = seeker(emails=("nadia@northridge.example",))
    assert section(plan(network(inside, hirer())), "intros") == ()


def test_an_ask_said_in_confidence_is_never_passed_on():
    quiet = person("Nadia Petrova", "nadia@mail.example", asks=(
        ask("job", "Between us, I'm looking for a position in gas trading.", days_ago=5, confidential=True),))
    assert section(plan(network(quiet, hirer())), "intros") == ()


def test_a_seekers_words_never_reach_a_helper_found_for_them():
    import numpy as np

    from assistant.digest.meaning import GENERIC, texts_to_embed
    words = "I was let go after my medical leave and I'm looking for a position in gas trading."
    nadia = seeker(words)
    ola = person("Ola Berg", "ola@gasco.example", title="Head of Gas Trading", organization="GasCo")
    texts = texts_to_embed([nadia, ola], list(nadia.asks))
    vectors = {t: np.array([0, 0, 1] if t in GENERIC else [1, 0.01 * i, 0], dtype=np.float32) for i, t in
               enumerate(texts)}
    vectors = {t: v / np.linalg.norm(v) for t, v in vectors.items()}
    [intro] = section(plan(network(nadia, ola), vectors=vectors), "intros")
    assert "work in gas trading" in intro.drafts[0].body  # what is sought, said plainly
    assert all("medical leave" not in d.body for d in intro.drafts)  # never how they came to seek it
    assert "medical leave" in intro.reason  # the owner's own digest shows it


def test_a_search_for_someone_close_says_so():
    from assistant.understanding.work import seeker_for
    assert seeker_for("My husband lost his job in March and is looking for work in accounting.") == "husband"
    assert seeker_for("I was laid off and need a job in accounting; my wife says hi.") is None
    text = "My husband lost his job in March and is looking for work in accounting."
    assert intros._work_need((False, "accounting"), text).label == "work in accounting for their husband"
    hire = hirer("We're hiring two accountants for our Calgary office.")
    theirs = seeker("My husband is looking for a job in accounting since the plant closed.")
    [intro] = section(plan(network(theirs, hire)), "intros")
    assert "accountants" in intro.reason


def test_the_note_to_both_keeps_its_paragraphs_and_names_a_candidate_as_one():
    [intro] = section(plan(network(lena(), omar())), "intros")
    assert "medical devices?\"\n\nLena: Omar (Partner, Haddad IP) is the person I'd ask first." in intro.drafts[1].body
    [work] = section(plan(network(seeker(), hirer())), "intros")
    assert "\n\nTom: Nadia is looking for just this kind of role" in work.drafts[1].body
