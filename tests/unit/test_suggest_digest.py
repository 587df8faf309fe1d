"""The digest as a whole: caps, memory of skips and snoozes, rotation of people, determinism, JSON, drafts."""

import random
from dataclasses import replace
from datetime import timedelta

import jinja2
import pytest

from assistant.digest.drafts import TemplateDraftWriter, make_text_environment
from assistant.digest.plan import DigestSettings
from assistant.errors import UserError
from assistant.models import SECTIONS, Address

from .test_suggest_support import NOW, ask, emails_in, event, generous, network, news, offer, person, plan, section


def busy_network():
    """Every section has something, several people appear in more than one."""
    people = [
        person("Nadia Haddad", "nadia@hp.example", asks=(ask("caterer"),), roles=("founder",), topics=("startups",)),
        person("Marisol Vega", "marisol@maiz.example", offers=(offer("caterer"),), topics=("small_business",),
               strength=0.8, news=(news("opened a second location"),), roles=("founder",)),
        person("Rachel Stein", "rachel@fern.example", asks=(ask("bookkeeper"), ask("react developer")),
               roles=("founder",), topics=("startups",)),
        person("Elena Petrova", "elena@books.example", offers=(offer("bookkeeper"),)),
        person("Kofi Mensah", "kofi@mensah.example", offers=(offer("frontend developer"),)),
        person("Jordan Ellis", "jordan@ledger.example", roles=("reporter",), topics=("small_business",)),
        person("Sam Whitaker", "sam@mail.example", strength=0.7, quiet=90, reciprocity=0.9),
        person("Meera Iyer", "meera@tea.example", strength=0.65, quiet=85, roles=("founder",), topics=("startups",)),
    ]
    events = [event("Founder Breakfast", NOW + timedelta(days=5), "rosa@club.example"),
              event("Founder Night", NOW + timedelta(days=8), "rosa@club.example")]
    return network(*people, events=events, excluded={"deals@spam.example": "stranger"})


def test_every_section_is_present_and_ids_run_one_to_n_in_section_order():
    digest = plan(busy_network())
    assert tuple(digest.sections) == SECTIONS
    ids = [s.id for s in digest.items()]
    assert ids == list(range(1, len(ids) + 1)) and len(ids) >= 6
    assert [s.section for s in digest.items()] == sorted((s.section for s in digest.items()), key=SECTIONS.index)


def test_to_json_carries_id_reason_drafts_and_the_section_fields():
    out = plan(busy_network()).to_json()
    assert set(out) == {"generated_at", *SECTIONS} and out["generated_at"] == NOW.isoformat()
    fields = {"intros": {"people"}, "events": {"event", "guests"}, "stories": {"reporter", "subjects"},
              "gathering": {"invitees"}, "reconnect": {"person"}}
    for name, extra in fields.items():
        for entry in out[name]:
            optional = {"news"} if name == "reconnect" else set()  # when their good news is the reason
            assert {"id", "reason", "drafts"} | extra <= set(entry) <= {"id", "reason", "drafts"} | extra | optional
            for draft in entry["drafts"]:
                assert set(draft) == {"to", "cc", "subject", "body"}


def test_same_input_gives_the_same_digest_whatever_the_order_of_people():
    net = busy_network()
    shuffled = replace(net, people=random.Random(7).sample(net.people, len(net.people)))
    assert plan(net).to_json() == plan(net).to_json() == plan(shuffled).to_json()


def test_caps_bound_each_section_best_first():
    digest = plan(busy_network(), settings=DigestSettings(caps={"intros": 1, "events": 0, "reconnect": 1}))
    assert len(section(digest, "intros")) == 1 and section(digest, "events") == ()
    assert len(section(digest, "reconnect")) == 1 and len(section(digest, "stories")) == 1
    everything = section(plan(busy_network(), settings=generous()), "intros")
    assert section(digest, "intros")[0].key == everything[0].key


def test_no_person_appears_more_than_the_per_person_cap():
    for cap in (1, 2):
        digest = plan(busy_network(), settings=DigestSettings(per_person_cap=cap))
        counts: dict[str, int] = {}
        for suggestion in digest.items():
            for who in suggestion.people:
                counts[who.email] = counts.get(who.email, 0) + 1
        assert counts and max(counts.values()) <= cap


def test_a_person_is_not_repeated_within_a_section_by_default():
    intros = section(plan(busy_network()), "intros")
    rachel = [s for s in intros if "rachel@fern.example" in {a.email for a in s.people}]
    assert len(rachel) == 1
    assert len(section(plan(busy_network(), settings=generous()), "intros")) == 3


def test_skipped_done_and_sent_suggestions_do_not_come_back():
    first = plan(busy_network())
    for status in ("skipped", "done", "sent"):
        history = {s.key: {"status": status, "at": NOW.date().isoformat()} for s in first.items()}
        again = plan(busy_network(), history=history)
        assert not {s.key for s in again.items()} & set(history)


def test_a_snoozed_suggestion_returns_when_the_snooze_ends():
    key = section(plan(busy_network()), "reconnect")[0].key
    snoozed = {key: {"status": "snoozed", "until": (NOW + timedelta(days=14)).date().isoformat()}}
    assert key not in {s.key for s in plan(busy_network(), history=snoozed).items()}
    later = NOW + timedelta(days=15)
    assert key in {s.key for s in plan(busy_network(), later, history=snoozed).items()}


def test_a_skipped_suggestion_makes_room_for_the_next_one():
    first = section(plan(busy_network()), "reconnect")
    skipped = {first[0].key: {"status": "skipped"}}
    assert section(plan(busy_network(), history=skipped), "reconnect")[0].key == first[1].key


def test_nothing_from_the_excluded_appears_anywhere():
    net = busy_network()
    spam = person("Deals Bot", "deals@spam.example", asks=(ask("caterer"),), offers=(offer("bookkeeper"),),
                  strength=0.9, quiet=100, roles=("reporter",), topics=("small_business",))
    net.people.append(spam)
    net.events.append(event("Founder Fest", NOW + timedelta(days=2), "deals@spam.example", bulk=True))
    digest = plan(net, settings=generous())
    assert digest.items() and "deals@spam.example" not in emails_in(digest)


def test_names_with_line_breaks_never_break_a_subject_line():
    evil = person("Eve\r\nBcc: victim@x.example", "eve@evil.example", asks=(ask("caterer"),))
    chef = person("Marisol Vega", "marisol@maiz.example", offers=(offer("caterer"),))
    [intro] = section(plan(network(evil, chef)), "intros")
    for draft in intro.drafts:
        assert "\n" not in draft.subject and "\r" not in draft.subject
        assert all("\n" not in a.name and "\r" not in a.name for a in draft.to)


def test_the_draft_writer_needs_a_subject_line_and_every_variable(tmp_path):
    (tmp_path / "draft_plain.txt.j2").write_text("Hello {{ who }}\n")
    (tmp_path / "draft_typo.txt.j2").write_text("Subject: Hi {{ whom }}\nBody\n")
    (tmp_path / "draft_ok.txt.j2").write_text("Subject: Hi {{ who }}\n\nHello {{ who }},\n")
    writer = TemplateDraftWriter(make_text_environment(tmp_path))
    to = [Address("Kim", "kim@x.example")]
    with pytest.raises(UserError):
        writer.draft("plain", to, {"who": "Kim"})
    with pytest.raises(jinja2.UndefinedError):
        writer.draft("typo", to, {"who": "Kim"})
    draft = writer.draft("ok", to, {"who": "Kim <b>"}, cc=[Address("", "cc@x.example")])
    assert (draft.subject, draft.body, draft.kind) == ("Hi Kim <b>", "Hello Kim <b>,\n", "ok")
    assert draft.cc == (Address("", "cc@x.example"),)
