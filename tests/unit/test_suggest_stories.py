"""Stories for reporters: key people's recent good news on the reporter's beat; confidences stay out of drafts."""

from .test_suggest_support import generous, item, network, news, person, plan, section

ANIKA = "anika@courier.example"


def anika(**kw):
    return person("Anika Sharma", ANIKA, **{"roles": ("media", "reporter"), "topics": ("healthcare", "medtech"),
                                           "title": "Health Reporter", "organization": "Willamette Courier",
                                           "strength": 0.4, **kw})


def priya(*items, **kw):
    return person("Priya Raghunathan", "priya@lumen.example", topics=("medtech", "startups"), strength=0.8,
                  organization="Lumen Orthotics", news=items, **kw)


def test_good_news_on_the_beat_becomes_a_lunch_invitation_that_mentions_it():
    [story] = section(plan(network(anika(), priya(news("won an FDA clearance", days_ago=12)))), "stories")
    assert story.data == {"reporter": {"name": "Anika Sharma", "email": ANIKA},
                          "subjects": [{"name": "Priya Raghunathan", "email": "priya@lumen.example",
                                        "news": "won an FDA clearance"}]}
    assert story.reason.startswith("Anika covers medtech")
    [draft] = story.drafts
    assert draft.to[0].email == ANIKA and "lunch" in draft.body.lower()
    assert "Priya Raghunathan (Lumen Orthotics): won an FDA clearance (Feb 26)" in draft.body


def test_confidential_news_never_reaches_a_draft_and_is_flagged_in_the_reason():
    secret = news("closed a $4.2M round", confidential=True)
    public = news("won an FDA clearance")
    [story] = section(plan(network(anika(), priya(secret, public))), "stories")
    assert "4.2M" not in story.drafts[0].body and "4.2M" not in str(story.data)
    assert "CAUTION: under embargo" in story.reason and "4.2M" in story.reason


def test_news_whose_embargo_has_ended_can_be_pitched_and_not_before():
    from datetime import timedelta

    from .test_suggest_support import NOW

    lifted = news("closed a $4.2M round", confidential=True, confidential_until=(NOW - timedelta(days=2)).date())
    [story] = section(plan(network(anika(), priya(lifted))), "stories")
    assert "4.2M" in story.drafts[0].body and "CAUTION" not in story.reason
    held = news("closed a $4.2M round", confidential=True, confidential_until=(NOW + timedelta(days=2)).date())
    assert section(plan(network(anika(), priya(held))), "stories") == ()


def test_confidential_news_alone_makes_no_pitch():
    assert section(plan(network(anika(), priya(news("closed a round", confidential=True)))), "stories") == ()


def test_old_news_weak_ties_and_off_beat_news_are_not_pitched():
    old = priya(news("won an FDA clearance", days_ago=120))
    weak = person("Lee Park", "lee@park.example", topics=("medtech",), strength=0.2, news=(news("launched"),))
    chef = person("Marisol Vega", "marisol@maiz.example", topics=("food", "hospitality"), strength=0.9,
                  news=(news("opened a second location"),))
    assert section(plan(network(anika(), old, weak, chef)), "stories") == ()


def test_a_reporter_is_not_pitched_their_own_news():
    assert section(plan(network(anika(news=(news("won a medtech journalism award"),), strength=0.9))),
                   "stories") == ()


def test_news_the_reporter_already_covered_is_not_pitched_again():
    covered_thread = network(anika(), priya(news("launched")), acquainted=[(ANIKA, "priya@lumen.example")])
    pitched = network(anika(last_subject="Re: Launch tip: Lumen Orthotics 1.0"), priya(news("launched")))
    assert section(plan(covered_thread), "stories") == ()
    assert section(plan(pitched), "stories") == ()


def test_several_subjects_are_pitched_best_first():
    omar = person("Omar Haddad", "omar@medbit.example", topics=("medtech",), strength=0.5,
                  news=(news("raised a seed round", days_ago=40),))
    [story] = section(plan(network(anika(), omar, priya(news("won an FDA clearance"))), settings=generous()),
                      "stories")
    assert [s["email"] for s in story.data["subjects"]] == ["priya@lumen.example", "omar@medbit.example"]


def test_a_wedding_or_a_baby_is_never_pitched_to_a_reporter():
    # news of someone's private life is the owner's to congratulate them on, not a story to sell
    for what in ("wedding", "baby", "move", "retirement"):
        assert section(plan(network(anika(), priya(news(what)))), "stories") == (), what
    [story] = section(plan(network(anika(), priya(news("wedding"), news("won an FDA clearance")))), "stories")
    assert story.data["subjects"][0]["news"] == "won an FDA clearance"

    # ... in any words the patterns keep as written, and never a job they are leaving (their employer may not know)
    for text in ("Thrilled to announce the birth of our daughter, Emma!", "Proud to announce that Sarah said yes!",
                 "I'm leaving Acme next month to join Beta Corp as CFO."):
        assert section(plan(network(anika(), priya(item("news", "won an FDA clearance", text)))), "stories") == (), text
