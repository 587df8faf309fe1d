"""Roles from titles the taxonomy does not spell out (digest/meaning.py with_meant_roles): the role whose
descriptions are nearest in meaning to the title, when near enough and clearly nearer than any other.
Vectors are made by hand: which texts are near is the input here (benchmarks/bench_roles.py measures
the real model on blind-written titles)."""

from __future__ import annotations

import numpy as np

from assistant.digest.meaning import ROLE_FLOOR, ROLE_MARGIN, role_text, role_texts, title_of, with_meant_roles

from .test_suggest_stories import priya
from .test_suggest_support import generous, network, news, person, plan, section

WIDTH = 1536
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
    assert read.evidence["roles"]["reporter"] == "title 'Storyteller-in-Residence' means it (near 'reporter', 0.70)"
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
    assert "Roles: reporter (title 'Storyteller-in-Residence' means it (near 'reporter', 0.70))" in out.getvalue()
