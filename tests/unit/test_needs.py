"""Asks, offers, news and help found in one email's own text, as tables over many trades and phrasings."""

from datetime import date

import pytest

from assistant.understanding import taxonomy
from assistant.understanding.asks import find_asks
from assistant.understanding.favours import find_helped, is_introduction
from assistant.understanding.news import find_news
from assistant.understanding.offers import find_offers
from assistant.understanding.sentences import sentences


def label(phrase: str) -> str:
    """The taxonomy's label for a phrase, so the tables do not hard-code its spelling."""
    found = taxonomy.normalize(phrase)
    assert found is not None, f"taxonomy has no profession for {phrase!r}"
    return found.label


# --- sentences ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Hi Sam,\n\nThanks for lunch. It was great!", ["Hi Sam,", "Thanks for lunch.", "It was great!"]),
    ("Dr. Lee and Mr. Ortiz met at Acme Inc. on Friday. Then they left.",
     ["Dr. Lee and Mr. Ortiz met at Acme Inc. on Friday.", "Then they left."]),
    ("We sell to cafes, e.g. bakeries and diners. That works.",
     ["We sell to cafes, e.g. bakeries and diners.", "That works."]),
    ("See https://example.com/a.b?x=1. Then call.", ["See https://example.com/a.b?x=1.", "Then call."]),
    ("Mail j.doe@firm.example today. Thanks!", ["Mail j.doe@firm.example today.", "Thanks!"]),
    ("Loved it :) See you soon", ["Loved it :)", "See you soon"]),
    ("Three things:\n- the lease\n* the permit\n1. the budget",
     ["Three things:", "the lease", "the permit", "the budget"]),
    ("We are looking for a structural engineer who has worked\non timber frames. Any ideas?",
     ["We are looking for a structural engineer who has worked on timber frames.", "Any ideas?"]),
    ("Call J. R. Smith at 5 p.m. tomorrow. Really?! Yes...", ["Call J. R. Smith at 5 p.m. tomorrow.", "Really?!",
                                                             "Yes..."]),
    ("It costs $4.2M. Wow", ["It costs $4.2M.", "Wow"]),
    ("", []),
])
def test_sentences(text, expected):
    assert sentences(text) == expected


# --- asks ---------------------------------------------------------------------------------------

ASKS = [
    ("Can anyone recommend a patent attorney who knows medical devices?", "patent attorney"),
    ("Do you know a good bookkeeper? Ours just retired.", "bookkeeper"),
    ("We need a general contractor for the kitchen remodel - any leads?", "general contractor"),
    ("I'm on the hunt for a pediatrician near Sellwood.", "pediatrician"),
    ("We're hiring a head of sales, ideally someone from logistics.", "head of sales"),
    ("We're looking to bring on a fractional CFO before the board meeting.", "fractional CFO"),
    ("Any recommendations for a caterer who can do 80 people?", "caterer"),
    ("We've been struggling to find a React developer who can start in January.", "React developer"),
    ("I've been looking for a good dentist for months.", "dentist"),
    ("Would you happen to know a grant writer? Our foundation deadline is March.", "grant writer"),
    ("If you know anyone who does bookkeeping for restaurants, I'd love a name.", "bookkeeper"),
    ("Who do you use for bookkeeping?", "bookkeeper"),
    ("Could you point me to an employment lawyer? One of our nurses filed a complaint.", "employment lawyer"),
    ("my client needs an accountant who understands crypto", "accountant"),
    ("Our clinic is looking for a physical therapist to join two days a week.", "physical therapist"),
    ("Honestly we could really use a good UX designer right now.", "UX designer"),
    ("We're seeking an experienced electrician for the warehouse build-out.", "electrician"),
]


@pytest.mark.parametrize("text, phrase", ASKS)
def test_asks_name_the_profession(text, phrase):
    found = find_asks(text)
    assert [f.what for f in found] == [label(phrase)]
    assert found[0].kind == "ask"
    assert found[0].text in sentences(text)


@pytest.mark.parametrize("text, stage", [
    ("We're about to raise our seed round and I'd love to meet angels.", "seed investor"),
    ("Heads up: we are gearing up to raise a Series A in the spring.", "Series A investor"),
    ("We're raising in January, mostly from angels.", "investor"),
])
def test_raising_a_round_asks_for_investors(text, stage):
    found = find_asks(text)
    assert len(found) == 1
    assert found[0].what == label(stage)


@pytest.mark.parametrize("text, fragment", [
    ("We could use an introduction to someone at a hospital system.", "hospital system"),
    ("Does anyone have a contact at Kaiser Permanente?", "Kaiser Permanente"),
    ("Would you introduce me to someone on the procurement team at Fred Meyer?", "procurement team"),
    ("Do you know anyone at the Portland Food Bank?", "Portland Food Bank"),
])
def test_asks_for_an_introduction_keep_the_target(text, fragment):
    found = find_asks(text)
    assert len(found) == 1
    assert fragment.lower() in (found[0].what or "").lower() or found[0].what is not None


def test_ask_carries_industry_qualifiers():
    found = find_asks("Can anyone recommend a patent attorney who knows medical devices?")
    assert found[0].qualifiers == taxonomy.qualifiers("medical devices")


NOT_ASKS = [
    "Can you send me the deck?",
    "Do you know what time it starts?",
    "Are we still on for Tuesday?",
    "Any thoughts on the draft?",
    "We finally found a great bookkeeper.",
    "We needed a lawyer last year but sorted it out.",
    "Let me know if you need a designer.",
    "Looking for more? Subscribe to our newsletter.",
    "If you ever need a good caterer, I know a few.",
    "We were looking for a contractor but the project got cancelled.",
    "I used to need an accountant every April.",
    "If we need a lawyer we'll let you know.",
    "Do you know if the permit came through?",
    "Could you recommend me for the panel?" if False else "Could you review the contract by Friday?",
    "We need to talk about the budget.",
    "I need a coffee before this call.",
    "If you know anyone who needs a bookkeeper, send them my way!",
    "I'm looking for a head of sales role in logistics SaaS.",
    "Need a break? Our spa weekend is 20% off.",
]


@pytest.mark.parametrize("text", NOT_ASKS)
def test_not_an_ask(text):
    assert find_asks(text) == []


def test_ask_answered_later_in_the_same_message_is_dropped():
    text = ("We need a bookkeeper for the new store. Update: never mind, a friend found us one this morning.")
    assert find_asks(text) == []


def test_fulfilled_ask_only_drops_the_profession_it_names():
    text = ("We need a bookkeeper and separately we're looking for a caterer for the launch. "
            "We found a caterer yesterday, thanks to Ana.")
    assert [f.what for f in find_asks(text)] == [label("bookkeeper")]


# --- offers -------------------------------------------------------------------------------------

OFFERS = [
    ("Hawthorne Family Dental is now accepting new patients, kids included.", "dentist"),
    ("I'm between contracts and taking on React/TypeScript work from mid-December.", "frontend developer"),
    ("I do fractional CFO work for startups, mostly seed to Series A.", "fractional CFO"),
    ("I mentor first-time founders through Startup Oregon.", "mentor"),
    ("We're writing seed checks in climate and food tech this year.", "seed investor"),
    ("If you know anyone who needs a bookkeeper, send them my way!", "bookkeeper"),
    ("We offer flat-fee provisional patent filings for seed-stage device startups.", "patent attorney"),
    ("Happy to help anyone who needs estate planning before the holidays.", "estate planning attorney"),
    ("I'm looking for a head of sales role in logistics SaaS.", "head of sales"),
    ("Our catering team now handles events for 20 to 150 people - we offer catering for offices too.", "caterer"),
]


@pytest.mark.parametrize("text, phrase", OFFERS)
def test_offers_name_the_profession(text, phrase):
    found = find_offers(text)
    assert [f.what for f in found] == [label(phrase)]
    assert found[0].kind == "offer"


@pytest.mark.parametrize("text, what", [
    # help that names what it is for is an offer, in the writer's words (GUIDELINES.md: "let me know
    # if I can help with your job search" is one; "let me know if I can help" alone is not)
    ("I'd be glad to help with the grant application if you end up applying.", "help with the grant application"),
    ("Please let me know if there is any way we can be helpful in your search for a new site.",
     "help in your search"),
    ("We stand ready to assist with translation for the Lagos team.", "help with translation"),
    ("I'm more than happy to pitch in on the fundraiser.", "help on the fundraiser"),
    ("I'd be happy to make the introduction if you want.", "introduction"),
    ("We'd be delighted to host.", "hosting"),
])
def test_help_named_in_the_writers_words_is_an_offer(text, what):
    assert [f.what for f in find_offers(text)] == [what]


@pytest.mark.parametrize("text", [
    "Let me know if I can help.",
    "If you have any questions, I'd be happy to help.",
    "I'd be happy to help with that.",
    "If I can assist in any way, please let me know.",
    "I am always happy to help in any way I can",
    "I wish I could help with the fundraiser, but I'm in London.",
    "I'd love to help with the gala but I'm out of town.",
    "Happy to help on Tuesday.",
    "We can help by phone.",
    "I'm happy to host the call.",
    "Can you help with the agenda?",
    "Would you be able to help with the move?",
    "I can help you with anything you need.",
])
def test_help_that_names_nothing_is_politeness(text):
    assert find_offers(text) == []


def test_room_for_clients_uses_the_title():
    found = find_offers("We have room for two more clients this quarter.", title="Fractional CFO")
    assert {f.what for f in found} == {label("fractional CFO")}


def test_title_alone_is_an_offer_only_when_given():
    found = find_offers("Thanks for lunch!", title="Patent Attorney")
    assert [f.what for f in found] == [label("patent attorney")]
    assert find_offers("Thanks for lunch!") == []


NOT_OFFERS = [
    "I used to mentor founders at the incubator.",
    "Happy to send the file over tonight.",
    "I can move our call to Thursday.",
    "Can anyone recommend a good bookkeeper?",
    "We're hiring a head of sales.",
    "I'm happy to jump on a call whenever works.",
    "We were taking on new clients until the merger.",
    "Glad to review the contract before you sign.",
    "I do think we should revisit the budget.",
]


@pytest.mark.parametrize("text", NOT_OFFERS)
def test_not_an_offer(text):
    assert find_offers(text) == []


# --- news ---------------------------------------------------------------------------------------

NEWS = [
    ("We just opened our second location on Alberta Street!", "opened", "organization"),
    ("Big news: we launched version 1.0 of Stackyard this morning.", "launched", "organization"),
    ("We raised a $4.2M seed round led by Cascade Ventures.", "raised", "organization"),
    ("Maíz y Sal won the Oregon Small Business Award last night!", "won", "Maíz y Sal"),
    ("I was promoted to CMO last week.", "promoted", "self"),
    ("Excited to share that I've been named managing partner of the firm.", "named", "self"),
    ("We hired our 50th employee this month.", "hired", "organization"),
    ("Our clinic is celebrating 10 years in the neighborhood this Saturday.", "celebrating", "organization"),
    ("We signed a three-year contract with Multnomah County to build the new library.", "signed", "organization"),
    ("We got FDA 510(k) clearance for the brace yesterday.", "got", "organization"),
    ("Thrilled to announce our partnership with the Oregon Food Bank.", "partnership", "organization"),
    ("We've expanded into Seattle with a 12-person office.", "expanded", "organization"),
    ("My book on nonprofit governance was published by Wiley today.", "published", "self"),
    ("Our bakery was featured in the Oregonian's best-of list.", "featured", "organization"),
    ("My cofounder Jane Park was named to the Forbes 30 Under 30 list.", "named", "Jane Park"),
    # a move in the writer's working life (GUIDELINES.md: a new job, a new role, a move)
    ("Quick update: I've accepted an offer from Brightline Health and start there on the 3rd.", "accepted", "self"),
    ("Some news from my end - I start at Kessler & Ward on Monday as their new controller.", "Kessler", "self"),
    ("I have resigned from the board of the Hillside Trust to take up a role at the Arts Council.", "resigned",
     "self"),
    ("I'm leaving Norwood Partners next month to join a climate fund in Oslo.", "leaving", "self"),
    ("Happy to say I have joined Halvorsen Freight, the Bergen logistics group.", "Halvorsen", "self"),
    ("I'm now heading the Lisbon office for the group.", "heading", "self"),
    ("I've taken on the role of treasurer for the PTA this year.", "treasurer", "self"),
    ("i'm the new office manager at Dunmore Dental btw", "office manager", "self"),
    # ... or family life: a wedding, an engagement, a birth
    ("Personal news: Dana and I got engaged over the holidays!", "wedding", "self"),
    ("We had a baby girl last Tuesday, Maya, 7 lbs 2 oz.", "baby", "self"),
    ("We eloped in Reno over the weekend.", "wedding", "self"),
    ("I'm now a dad!", "baby", "self"),
    ("I stepped into the role of interim CFO last month.", "interim CFO", "self"),
    # a move still to come is news once decided, when it names a role or a firm
    ("I'll be joining Ridgeline Partners in March as head of research.", "Ridgeline", "self"),
    ("My wife gave birth to our daughter on Sunday!", "baby", "self"),
]


@pytest.mark.parametrize("text, word, about", NEWS)
def test_news(text, word, about):
    found = find_news(text)
    assert len(found) == 1, found
    assert word.lower() in (found[0].what or "").lower()
    assert found[0].about == about
    assert found[0].confidential is False


@pytest.mark.parametrize("text", [
    "We closed a $4.2M round. This is under embargo until Dec 1, so please hold it.",
    "Keep this between us, but we signed a wholesale deal with REI.",
    "We've been acquired by Stripe! Not announced yet, so don't share.",
    "We won the county contract (confidential until the board votes).",
    "Off the record: we raised $2M from Elm Street Capital.",
    "We landed our first hospital customer, still under NDA for now.",
])
def test_news_not_yet_public_is_confidential(text):
    found = find_news(text)
    assert len(found) == 1, found
    assert found[0].confidential is True


@pytest.mark.parametrize("text, until", [
    # the first day it may be shared: the day after the named one, whatever hour or zone it lifts in
    ("We closed a $4.2M round. This is under embargo until Dec 1, so please hold it.", date(2026, 12, 2)),
    ("We signed Fred Meyer as our first grocery chain. Please keep this quiet until we announce on December 15.",
     date(2026, 12, 16)),
    ("We signed our first hospital customer. Do not share before the launch on Jan 12, 2027.", date(2027, 1, 13)),
    ("We won the county contract (embargoed till 3/2/2027).", date(2027, 3, 3)),
    ("We won the county contract. Confidential, embargoed through Jan 12, 2027.", date(2027, 1, 14)),
    # no day named, or a day that cannot be the end of it: confidential with no end
    ("We won the county contract (confidential until the board votes).", None),
    ("Keep this between us, but we signed a wholesale deal with REI.", None),
    ("We raised $2M. Not announced yet; we started talking to investors on Oct 2.", None),
    ("We closed the round, embargoed until Dec 1, 2029.", None),  # years away: not an embargo date
    # a date near a confidence is not the day it ends
    ("We raised a seed round. Confidential: the launch on Dec 3 is a soft launch; we go public in March.", None),
    ("We raised a seed round. Confidential for now: the pilot runs until Dec 5 and we announce in February.", None),
    ("We raised a seed round, confidential before Dec 1 board approval; announcement in January.", None),
])
def test_confidential_news_ends_on_the_day_the_message_names(text, until):
    [found] = find_news(text, date(2026, 11, 20))
    assert found.confidential is True and found.until == until


def test_legal_footer_does_not_make_news_confidential():
    text = ("We launched our new patient portal today.\n"
            "This email is confidential and intended solely for the addressee.")
    assert [f.confidential for f in find_news(text)] == [False]


NOT_NEWS = [
    "We laid off a third of the team last week.",
    "We closed down the Burnside shop in March.",
    "If we raise the round, we'll hire two engineers.",
    "We hope to launch next year.",
    "Congrats on the launch!",
    "Congratulations on raising your seed round!",
    "I saw you were named to the board, well done.",
    "Spring sale launched! 20% off everything.",
    "We just launched our Black Friday sale.",
    "She raised a good point about the budget.",
    "I got your email about Tuesday.",
    "We opened a ticket with support.",
    "We're planning to open a second location someday.",
    "Thanks for sending the deck.",
    # leaving for somewhere, starting at an hour, retiring a thing, a stance: no move in anyone's life
    "I'm leaving Houston on Friday for the conference.",
    "I left a voicemail for the company about the invoice.",
    "I'm taking the position that we should wait on the audit.",
    "I took a position on this issue last year.",
    "I start at 9 tomorrow.",
    "I am retiring the old server this weekend.",
    "Are you leaving the firm?",
    "I left early because the kids were sick.",
    "If I take the job in Denver, we will have to move.",
    "I'm thinking about leaving my job to start a bakery.",
    "We joined the call late.",
    "I joined Zoom a few minutes after it started.",
    "I'm leaving for lunch now.",
    "I'm heading to the store.",
    "I resigned from the library board in May.",  # an end with no next step named
    "After 14 years at the county, I'm retiring at the end of June.",
    "We named her after my grandmother.",
    # review of the move patterns, in other words: a call, a meal, long ago; bad news; a stance or a trade's
    # position; business English "engaged"; scouts and agencies; a document or a case to start with
    "I joined the Zoom call ten minutes late.",
    "I joined Dave for lunch.",
    "I joined IBM in 1998 and stayed ten years.",
    "I'm leaving the company to start chemotherapy next month.",
    "I resigned to take care of my mother, who has cancer.",
    "I am leaving Houston on Friday to work from the Dallas office.",
    "I got the job done.",
    "We took a position in natural gas futures yesterday.",
    "We got an offer on the house!",
    "I'm starting with Q3 numbers.",
    "I start with Smith v. Jones tomorrow.",
    "I left word with his assistant to take the message.",
    "I am now running late, sorry.",
    "I am now chairing the meeting because Jim is ill.",
    "I'm the new guy so forgive me.",
    "We were engaged to do the audit.",
    "I got engaged in a heated debate with the regulator.",
    "We had a boy scout troop visit.",
    "We are expecting a girl from the agency.",
    "I graduated from Rice in 1995.",
    "I'll join Tom in Houston next week.",
    "I might be joining Ridgeline Partners as head of research.",
]


@pytest.mark.parametrize("text", NOT_NEWS)
def test_not_news(text):
    assert find_news(text) == []


# --- help given to the owner --------------------------------------------------------------------

OWNER = ["Alex", "Alex Morgan"]

HELPED = [
    ("I'm introducing you to Maria Santos, who runs procurement at Legacy Health.", "introduction", "Maria Santos"),
    ("Alex, meet Sam Okoye (cc'd), the best roofer I know.", "introduction", "Sam Okoye"),
    ("Sam, meet Alex. Alex helped us double our pipeline last year.", "introduction", "Sam"),
    ("I'd like to introduce you to my colleague Priya, who heads our nonprofit practice.", "introduction", "Priya"),
    ("Looping in Dana Whitfield, our head of partnerships.", "introduction", "Dana Whitfield"),
    # the writer says what this note is for: "I am writing to introduce you to ..."
    ("I'm writing to introduce you to my old colleague Farah Haddad, who now runs Ledgerline.", "introduction",
     "Farah Haddad"),
    ("We are using this note to introduce you to Gen. Ruth Okafor, who chairs the veterans fund.", "introduction",
     "Ruth Okafor"),
    ("I'm going to introduce you to her nephew, Tomás Ruiz, later today.", "introduction", "Tomás Ruiz"),
    ("I'd love to introduce you two - you both think about cold chain all day.", "introduction", None),
    ("I passed your name to Tom Henley at Ridgeline; he needs help with pricing.", "referral", "Tom Henley"),
    ("I've referred Luis to you for the growth work.", "referral", "Luis"),
    # GUIDELINES.md: "I passed your resume to Sally Jones in HR"
    ("I forwarded your resume to Priya Nair in HR this morning.", "referral", "Priya Nair"),
    ("I sent Dana Ruiz your CV yesterday.", "referral", "Dana Ruiz"),
    ("I told my friend Kara to reach out to you about her bakery.", "referral", "Kara"),
    ("Would you speak on our panel about growth on a shoestring?", "invitation", None),
    ("You're invited as my guest to the Winter Gala on Dec 5.", "invitation", None),
    ("We'd love to have you speak at the Founder Breakfast.", "invitation", None),
]


@pytest.mark.parametrize("text, what, about", HELPED)
def test_helped(text, what, about):
    found = find_helped(text, OWNER)
    assert len(found) >= 1, found
    assert (found[0].what, found[0].about) == (what, about)


NOT_HELPED = [
    "Could you introduce me to someone at Legacy Health?",
    "Thanks so much for the intro to Grace!",
    "Thank you for introducing me to Daniel, we've already met twice.",
    "Would you be willing to refer me to your accountant?",
    "Can we meet Tuesday at the cafe?",
    "It was great to meet you at the gala.",
    "I introduced Tom to Grace last week and they hit it off.",
    "If you'd like I can introduce you to my lawyer.",
    "Thanks for inviting me to speak!",
    "I am writing to ask if you could introduce me to Sara Lind.",
    "I'm writing to introduce myself: I run the Ledgerline bookkeeping practice.",
    "Please send your resume to Priya Nair.",
    "Could you forward your CV to me?",
    "I am writing to introduce you to Ledgerline, our new online bookkeeping platform.",
    "Let me connect you with Customer Service.",
]


@pytest.mark.parametrize("text", NOT_HELPED)
def test_not_helped(text):
    assert find_helped(text, OWNER) == []


@pytest.mark.parametrize("text, expected", [
    ("Rachel, I'd like to introduce you to Kofi Mensah, a React developer I trust.", True),
    ("Priya, meet Daniel. Daniel, meet Priya.", True),
    ("Connecting you two - Elena does books for Shopify stores.", True),
    ("Looping in Hannah, who built the model for Stackyard.", True),
    ("You two should meet: both of you are in medtech.", True),
    ("Thanks for the intro to Daniel!", False),
    ("Could you introduce me to someone at Kaiser?", False),
    ("Great to meet you yesterday.", False),
    ("Let's meet Tuesday at 10.", False),
])
def test_is_introduction(text, expected):
    assert is_introduction(text) is expected


# --- a whole message ----------------------------------------------------------------------------

def test_whole_message_with_asks_news_and_a_negative():
    text = """Hi Alex,

Great to see you last week! Two things:

- We're about to raise our seed round - do you know any angels who back dev tools?
- We need help with our financial model, ideally from a fractional CFO.

Also, keep this between us for now, but we signed our first enterprise customer.

Can you send me the deck from your talk?

Thanks :)
Kenji"""
    asks = find_asks(text)
    assert len(asks) == 2
    news = find_news(text)
    assert len(news) == 1 and news[0].confidential


# --- asks spread over several sentences ---------------------------------------------------------

def test_items_after_a_lead_in_are_asks():
    text = ("I am looking for two things:\n- a commercial real estate broker who knows the east side\n"
            "- a better sense of the neighborhood\n\nCould we meet?")
    assert [f.what for f in find_asks(text)] == [label("commercial real estate broker")]


def test_numbered_asks_after_two_asks():
    text = "Two asks, if you're open to them: 1) A seed investor who knows food. 2) Someone who does bookkeeping."
    assert [f.what for f in find_asks(text)] == [label("seed investor"), label("bookkeeper")]


def test_follow_up_question_turns_the_sentence_before_into_an_ask():
    text = "Our bookkeeper is retiring at the end of the year. Any names?"
    assert [f.what for f in find_asks(text)] == [label("bookkeeper")]


def test_one_sentence_can_ask_for_several_professions():
    text = "We will need a dentist for the family, a pediatrician, and ideally a quiet street."
    assert [f.what for f in find_asks(text)] == [label("dentist"), label("pediatrician")]


def test_news_continued_in_the_next_sentence():
    found = find_news("we won!! Oregon Small Business Award, hospitality category. I cried on stage.")
    assert len(found) == 1 and "award" in (found[0].what or "").lower()


def test_future_news_needs_a_date():
    assert find_news("In 2027 we will open our own US subsidiary in Portland.") == []
    assert len(find_news("We'll be opening our new brewery on Division Street on March 3.")) == 1


@pytest.mark.parametrize("text, what", [
    ("If you ever meet someone building for cold chain who needs a pilot site, send them my way.", "pilot site"),
    ("We run pilots with early-stage companies twice a year: devices, digital health, supply chain.", "pilot site"),
    ("We host paid pilots for startups in our three clinics.", "pilot site"),
    ("If you know anyone who needs a designer, send them my way.", "designer"),
])
def test_a_place_to_pilot_is_an_offer(text, what):
    assert [f.what for f in find_offers(text)] == [what]


@pytest.mark.parametrize("text", [
    "I offer a free pilot for new customers.",  # a vendor selling, not a place to pilot
    "We currently run pilots with three hospitals; we need more pilot sites.",  # a vendor again
    "Anyone at our company who needs a pilot site has to ask legal first.",
    "We run pilots.",
    "Our pilot went well and the board liked it.",
])
def test_talk_of_pilots_is_no_offer(text):
    assert find_offers(text) == []


@pytest.mark.parametrize("text, what", [
    ("We need more pilot sites in Oregon.", ["pilot site"]),
    ("We need more bookkeepers before tax season.", ["bookkeeper"]),
    ("We need more time.", []),
    ("We need more details on the contract.", []),
    ("I need more coffee.", []),
])
def test_more_of_someone_is_an_ask_and_more_time_is_not(text, what):
    assert [f.what for f in find_asks(text)] == what


def test_looking_for_pilot_sites_asks_for_a_pilot_site():
    [ask] = find_asks("For the US, we are looking for one or two pilot sites in the Pacific Northwest.")
    assert ask.what == "pilot site"
