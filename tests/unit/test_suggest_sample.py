"""The digest of the bundled sample mailbox finds what its README says a good digest should find."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from assistant.digest.plan import DigestSettings, plan_digest
from assistant.jobs.commands import SAMPLE_MAILDIR, SAMPLE_NOW, SAMPLE_OWNER
from assistant.jobs.network import load_network
from assistant.jobs.sync import sync_once
from assistant.mailbox.maildir import MaildirSource
from assistant.state.store import Store

from .test_suggest_support import emails_in, generous, writer

OBVIOUS = {  # README, "Most likely introductions"
    frozenset({"priya@lumenortho.example", "dokafor@brightline-ip.example"}),
    frozenset({"rachel@fernwaygoods.example", "kofi@kofimensah.example"}),
    frozenset({"nhaddad@harborpinecu.example", "marisol@maizysal.example"}),
    frozenset({"s.lefevre@maison-vautrin.example", "marcus@thompsoncre.example"}),
}
LIKELY = OBVIOUS | {
    frozenset({"rachel@fernwaygoods.example", "elena@petrovabooks.example"}),
    frozenset({"kenji@stackyard.example", "grace@liucapital.example"}),
    frozenset({"kenji@stackyard.example", "hannah@bergfinance.example"}),
    frozenset({"tom@ridgeline-software.example", "ahmed.siddiqui@mail.example"}),
    frozenset({"tom@ridgeline-software.example", "grace@liucapital.example"}),
    frozenset({"s.lefevre@maison-vautrin.example", "amara@hawthornedental.example"}),
    frozenset({"jonas.krueger@kuehlsens.example", "tom@ridgeline-software.example"}),  # cold-chain pilot site
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("sample")) / "state.json"
    with Store(path) as store, MaildirSource(str(SAMPLE_MAILDIR)) as source:
        sync_once(source, store, SAMPLE_OWNER, SAMPLE_NOW, size_cap=5_000_000, batch_size=200)
        return load_network(store, SAMPLE_OWNER, SAMPLE_NOW, None)


def digest_of(net, settings=None):
    return plan_digest(net, SAMPLE_NOW, writer=writer(), owner_name=SAMPLE_OWNER.name,
                       settings=settings or DigestSettings())


def pairs(digest):
    return {frozenset(p["email"] for p in s.data["people"]) for s in digest.sections["intros"]}


def test_every_obvious_introduction_is_found(sample):
    assert OBVIOUS <= pairs(digest_of(sample, generous()))


def test_the_default_digest_leads_with_likely_introductions(sample):
    found = pairs(digest_of(sample))
    assert len(found) == 3 and found <= LIKELY


def test_people_on_a_thread_together_are_never_introduced(sample):
    assert not pairs(digest_of(sample, generous())) & sample.acquainted


def test_a_reporter_is_pitched_fitting_news(sample):
    # with room for every story: the sentence model also reads weaker "news" (a mentor's new cohort),
    # which may outrank Marisol's pitch in a default digest of two stories
    pitched = {(s.data["reporter"]["email"], subject["email"])
               for s in digest_of(sample, generous()).sections["stories"] for subject in s.data["subjects"]}
    assert {("asharma@willamettecourier.example", "priya@lumenortho.example"),
            ("jellis@pdxledger.example", "marisol@maizysal.example")} <= pitched


def test_confidential_news_stays_out_of_every_draft(sample):
    bodies = " ".join(d.body for s in digest_of(sample, generous()).items() for d in s.drafts)
    for secret in ("closed the round", "Summit Outfitters"):
        assert secret not in bodies


def test_embargoed_news_is_private_until_the_day_after_it_goes_public(sample):
    # "The press release goes out Thursday morning (Oct 22), so please don't post anything before then."
    fda = next(n for n in sample.find("priya@lumenortho.example").news if "LumenStep" in n.text)
    assert fda.confidential and fda.confidential_until == date(2026, 10, 23)
    assert fda.private(datetime(2026, 10, 22, 23, 0, tzinfo=UTC)) and not fda.private(SAMPLE_NOW)


def test_quiet_old_friends_are_suggested_for_a_reconnect(sample):
    quiet = {s.data["person"]["email"] for s in digest_of(sample).sections["reconnect"]}
    assert {"sam.whitaker@mail.example", "meera@tidewatertea.example"} <= quiet


def test_only_upcoming_events_from_others_within_the_horizon(sample):
    for s in digest_of(sample, generous()).sections["events"]:
        start = s.data["event"]["start"]
        when = datetime.fromisoformat(start) if "T" in start else datetime.fromisoformat(start + "T23:59+00:00")
        assert SAMPLE_NOW < when and (when - SAMPLE_NOW).days <= 60
        assert "Coffee" not in s.data["event"]["title"]  # Alex's own invitation to Jonas


def test_no_excluded_address_appears_anywhere(sample):
    for settings in (None, generous()):
        assert not emails_in(digest_of(sample, settings)) & set(sample.excluded)


def test_the_sample_digest_is_reproducible(sample):
    assert digest_of(sample).to_json() == digest_of(sample).to_json()
