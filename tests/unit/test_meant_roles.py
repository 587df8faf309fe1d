"""Roles from titles the taxonomy does not spell out (digest/meaning.py with_meant_roles): the role whose
descriptions are nearest in meaning to the title, when near enough and clearly nearer than any other.
Vectors are made by hand: which texts are near is the input here (benchmarks/bench_roles.py measures
the real model on blind-written titles)."""

from __future__ import annotations

import numpy as np

from assistant.digest.meaning import (
    ROLE_FLOOR,
    ROLE_MARGIN,
    Matcher,
    profession_text,
    role_text,
    role_texts,
    texts_to_embed,
    title_of,
    with_meant_roles,
)
from assistant.understanding import taxonomy

from .test_suggest_stories import priya
from .test_suggest_support import generous, network, news, person, plan, section

WIDTH = 4096
TITLE = "Storyteller-in-Residence, Willamette Courier"


def unit(*weights: float) -> np.ndarray:
    v = np.zeros(WIDTH, dtype=np.float32)
    v[: len(weights)] = weights
    return v / np.linalg.norm(v)


def vectors(near: dict[str, np.ndarray], *people) -> dict[str, np.ndarray]:
    """Every role description a direction of its own, the titles and the ones in `near` as given."""
    texts = role_texts() + [t for p in people if (t := title_of(p))]
    assert len(texts) < WIDTH - 8
    own = np.eye(WIDTH, dtype=np.float32)
    found = {t: own[8 + i] for i, t in enumerate(texts)}
    found.update(near)
    return found


def storyteller(**kw):
    return person("Anika Sharma", "anika@courier.example", title="Storyteller-in-Residence",
                  organization="Willamette Courier", topics=("medtech",), strength=0.4, **kw)


def reporter_axis(similarity: float) -> dict[str, np.ndarray]:
    """The title at `similarity` to the reporter's description, unrelated to every other role."""
    return {TITLE: unit(similarity, np.sqrt(1 - similarity ** 2)), role_text("reporter"): unit(1.0)}


def test_a_title_near_one_role_gets_it_with_the_reason():
    anika = storyteller()
    [read] = with_meant_roles([anika], vectors(reporter_axis(0.7), anika))
    assert read.roles == ("reporter",)
    why = read.evidence["roles"]["reporter"]
    assert why == "by meaning: title 'Storyteller-in-Residence' is near 'reporter' (0.70)"
    assert with_meant_roles([read], vectors(reporter_axis(0.7), anika)) == [read]  # read once, not again
    assert anika.roles == ()  # people are not changed in place


def test_too_far_or_too_close_to_a_second_role_gives_nothing():
    anika = storyteller()
    assert with_meant_roles([anika], vectors(reporter_axis(ROLE_FLOOR - 0.05), anika))[0].roles == ()
    near = reporter_axis(0.7)
    # "writer" a hair behind "reporter": the title does not say which, so neither is claimed
    c = (0.7 - ROLE_MARGIN / 2) / 0.7  # along the reporter's axis, so the title is 0.7 c near it
    near[role_text("writer")] = unit(c, 0.0, np.sqrt(1 - c * c))
    assert 0 < float(near[TITLE] @ near[role_text("reporter")] - near[TITLE] @ near[role_text("writer")]) < ROLE_MARGIN
    assert with_meant_roles([anika], vectors(near, anika))[0].roles == ()


def test_a_title_the_taxonomy_read_keeps_its_roles_and_no_vectors_changes_nothing():
    known = person("Ben Cho", "ben@cho.example", title="Tax Attorney", roles=("attorney",))
    known.evidence["roles"] = {"attorney": "title 'Tax Attorney'"}
    near = {"Tax Attorney": unit(1.0), role_text("reporter"): unit(1.0)}
    assert with_meant_roles([known], vectors(near, known))[0].roles == ("attorney",)
    anika = storyteller()
    assert with_meant_roles([anika], None) == [anika]


def test_a_reporter_by_meaning_is_pitched_stories_in_the_digest():
    anika, founder = storyteller(), priya(news("won an FDA clearance", days_ago=12))
    net = network(anika, founder)
    assert section(plan(net, settings=generous()), "stories") == ()  # by the taxonomy: not a reporter
    [story] = section(plan(net, settings=generous(), vectors=vectors(reporter_axis(0.7), anika, founder)),
                      "stories")
    assert story.data["reporter"]["email"] == "anika@courier.example"


def test_contacts_person_shows_the_role_and_why():
    import io

    from assistant.jobs.commands import show_contacts

    anika = storyteller()
    out = io.StringIO()
    show_contacts(network(anika), now=anika.last_contact, as_json=False, person=anika.email, out=out,
                  vectors=vectors(reporter_axis(0.7), anika))
    assert ("Roles: reporter (by meaning: title 'Storyteller-in-Residence' is near 'reporter' (0.70))"
            in out.getvalue())


def test_roles_from_the_persons_own_words_do_not_stop_their_title_being_read():
    anika = storyteller(roles=("speaker",))
    anika.evidence["roles"] = {"speaker": "wrote 'I often speak at health conferences'"}
    [read] = with_meant_roles([anika], vectors(reporter_axis(0.7), anika))
    assert read.roles == ("reporter", "speaker")
    assert read.evidence["roles"]["speaker"].startswith("wrote ")


def test_a_role_the_person_has_already_is_not_added_twice():
    anika = storyteller(roles=("reporter",))
    anika.evidence["roles"] = {"reporter": "wrote 'I cover health for the Courier'"}
    [read] = with_meant_roles([anika], vectors(reporter_axis(0.7), anika))
    assert read.roles == ("reporter",) and read.evidence["roles"] == anika.evidence["roles"]


def test_descriptions_nearly_as_near_keep_only_the_roles_they_agree_on():
    banker = next(p for p in taxonomy.professions() if len(p.roles) >= 2)
    name = banker.synonyms[0]
    other = next(p for p in taxonomy.professions() if p.roles and p.roles < banker.roles)
    anika = storyteller()
    near = {TITLE: unit(1.0), name: unit(1.0)}
    [read] = with_meant_roles([anika], vectors(near, anika))
    assert set(read.roles) == set(banker.roles)  # a profession with several roles gives them all
    c = 1 - ROLE_MARGIN / 2
    near[other.synonyms[0]] = unit(c, np.sqrt(1 - c * c))  # a narrower description just behind it
    [read] = with_meant_roles([anika], vectors(near, anika))
    assert set(read.roles) == set(other.roles)


def test_every_profession_and_role_description_is_embedded_for_matching():
    anika = storyteller()
    texts = texts_to_embed([anika], [])
    assert {profession_text(p) for p in taxonomy.professions()} <= set(texts)
    assert set(role_texts()) <= set(texts) and TITLE in texts
    assert role_text("reporter") in texts
    own = np.eye(WIDTH, dtype=np.float32)
    given = {t: own[i] for i, t in enumerate(texts)}
    first = taxonomy.professions()[0]
    given["Anyone who can help with this?"] = given[profession_text(first)]
    assert Matcher([anika], given).need("Anyone who can help with this?") == first


def test_a_forwarded_event_finds_a_guest_by_a_role_read_by_meaning():
    from assistant.digest.candidates import Drafting
    from assistant.digest.events import guests_for

    from .test_suggest_support import NOW, event, writer

    organizer = event("Health Reporters Breakfast", "2026-03-20T08:00:00-07:00")
    anika = storyteller()
    near = reporter_axis(0.7)
    given = vectors(near, anika)
    given[organizer.event.title] = own_direction = np.eye(WIDTH, dtype=np.float32)[WIDTH - 1]
    assert own_direction @ near[TITLE] == 0  # the title is not near the event: only the role can match
    _, by_name = guests_for(organizer, [anika], NOW, Drafting(writer(), "Alex"), vectors=None)
    assert by_name == []
    _, found = guests_for(organizer, [anika], NOW, Drafting(writer(), "Alex"), vectors=given)
    assert [s.people[-1].email for s in found] == ["anika@courier.example"]
