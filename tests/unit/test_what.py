"""What a model-found ask or offer is for: named when a verb leads to it, else only quoted."""

import pytest

from assistant.digest.intros import _open_asks
from assistant.understanding.what import _opening_words, asked_for, names_its_object, names_nothing, offered

from .test_suggest_support import ask, person


@pytest.mark.parametrize("sentence, named", [
    ("Is anyone looking for a bookkeeper?", True),
    ("We are looking for a seasoned CFO for our startup.", True),
    ("Happy to look over anyone's term sheet.", True),
    ("I would be more than happy to host.", False),
    ("I know you are well respected, so if any opportunity comes up, let me know.", False),
    ("Bookkeeper?", True),
    # a clause that opens the sentence only mentions the thing, even one the taxonomy knows
    ("Can you think of one or two founders who would enjoy the evening?", False),
])
def test_what_names_the_object_only_when_a_verb_leads_to_it(sentence, named):
    assert names_its_object(asked_for(sentence), sentence) is named


def test_no_what_names_nothing():
    assert not names_its_object(None, "Anything") and not names_its_object("", "Anything")


@pytest.mark.parametrize("what, nothing", [
    ("good", True), ("anyone good", True), ("that", True), ("someone out there", True), (None, True),
    ("bookkeeper", False), ("stepladder", False), ("good plumber", False), ("Could anyone lend me a stepladder", False),
    ("IT", False), ("It", True),
])
def test_words_that_only_stand_for_a_thing_name_nothing(what, nothing):
    assert names_nothing(what) is nothing
    # and such a what is never shown as the thing ("offers that", "looking for anyone good")
    if nothing:
        assert not names_its_object(what, "If anyone in your world needs that, I'd be grateful for the intro.")


def test_two_asks_that_open_alike_are_two_asks():
    first, second = "I'm writing to say thanks for the lunch.", "I'm writing from the airport, so excuse typos."
    assert asked_for(first) == asked_for(second) == "I'm writing"
    asker = person("Dana Reyes", asks=(ask(asked_for(first), first), ask(asked_for(second), second)))
    assert len(_open_asks(asker)) == 2
    same = person("Dana Reyes", asks=(ask("bookkeeper", "Know a bookkeeper?"), ask("bookkeeper", "Any bookkeeper?")))
    assert len(_open_asks(same)) == 1  # the same named need asked twice counts once



@pytest.mark.parametrize("sentence, named", [
    ("Bookkeeper wanted for our shop?", True),  # opening words the taxonomy knows, short: the thing
    ("Can anyone think of a plumber for the building?", False),  # six words: a clause that mentions it
    ("Can you think of one or two founders who should go?", False),
    ("Lunch on Friday?", False),  # short, but no thing the taxonomy knows
])
def test_opening_words_name_a_thing_only_when_short_and_known(sentence, named):
    assert names_its_object(_opening_words(sentence), sentence) is named


@pytest.mark.parametrize("sentence, what", [
    # a trade in a trailing phrase is a detail of a thing the head names: never an unrelated profession
    ("I'm currently seeking an analyst rotation in wholesale power.", "analyst rotation"),
    # ... but a head that names nothing is named by the rest of the phrase
    ("We need help with our payroll before January.", "payroll provider"),
    # ... and so does a request's noun: a recommendation, a quote, a referral is for the trade after it
    ("I'm looking for recommendations for a good divorce lawyer.", "family lawyer"),
    ("I need a quote from an electrician for the new kitchen.", "electrician"),
])
def test_a_trailing_trade_does_not_rename_what_the_head_names(sentence, what):
    assert asked_for(sentence) == what


@pytest.mark.parametrize(("sentence", "thing"), [
    ("I'd be glad to make the introduction whenever you like.", "introduction"),  # the thing a light verb carries
    ("Just say the word and I can get you two passes to the trade show.", "passes"),
    ("We'd be delighted to arrange a private tour of the lab for your board.", "private tour of the lab"),
    ("Happy to walk your team through the new permitting rules.", "walk your team through the new permitting rules"),
    ("We have two spare seats on the bus to Tahoe.", "spare seats"),
    ("I could lend you our projector if that helps.", "projector"),  # the condition is not the thing
    ("We would love to host you in Porto.", "host you"),  # the reader and a place: the deed
])
def test_what_an_offer_offers(sentence, thing):
    assert offered(sentence) == thing


@pytest.mark.parametrize("sentence", [
    "I would be happy to help.",  # help, named nowhere
    "I have been meaning to write for weeks.",
    "Let me know what you think.",
    "I will be in Houston next week.",
])
def test_an_offer_that_names_nothing_gives_no_thing(sentence):
    assert offered(sentence) is None


@pytest.mark.parametrize("sentence", [
    "I'll get back to you by Friday.", "I could put in a good word.", "I can take a look at your resume.",
    "I'd love to get together when you're in town.", "I can make it on Tuesday.",
])
def test_a_verb_with_no_thing_after_it_offers_no_thing(sentence):
    assert offered(sentence) is None
