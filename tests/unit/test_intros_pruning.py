"""helpers_for scores the best fits first and stops once no fit left can reach the third best score
(intros._bound): the same helpers, in the same order, as scoring every one of them."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest

from assistant.digest import intros
from assistant.digest.meaning import texts_to_embed
from assistant.understanding import taxonomy

from .test_suggest_support import NOW, ask, offer, person

TRADES = ("bookkeeper", "accountant", "tax preparer", "payroll specialist", "cfo")


def network(seed: int):
    rng = random.Random(seed)
    askers = [person(f"Asker {i}", f"asker{i}@a.example", strength=rng.random(),
                     asks=(ask(rng.choice(TRADES), days_ago=rng.uniform(1, 200),
                               qualifiers=tuple(rng.sample(("restaurants", "nonprofit", "startups"),
                                                           rng.randint(0, 2)))),))
              for i in range(6)]
    helpers = [person(f"Helper {i}", f"helper{i}@h.example", strength=rng.random(),
                      topics=tuple(rng.sample(("restaurants", "nonprofit", "startups", "finance"), rng.randint(0, 3))),
                      offers=(offer(rng.choice(TRADES), days_ago=rng.uniform(1, 300)),),
                      title=rng.choice(("Bookkeeper", "Controller", None)))
               for i in range(60)]
    return [*askers, *helpers]


def vectors(people, seed: int):
    rng = np.random.default_rng(seed)
    texts = texts_to_embed(people, [a for p in people for a in p.asks])
    raw = rng.normal(size=(len(texts), 16)).astype(np.float32)
    raw[:, 0] += 3  # all somewhat near each other, as real profiles are
    return dict(zip(texts, raw / np.linalg.norm(raw, axis=1, keepdims=True), strict=True))


def counted(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = intros._score
    monkeypatch.setattr(intros, "_score", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    return calls


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("meaning", [False, True])
def test_pruned_scoring_finds_what_scoring_everyone_finds(monkeypatch, seed, meaning):
    people = network(seed)
    given = vectors(people, seed) if meaning else None
    pruned = intros.candidates(people, frozenset(), NOW, given)
    monkeypatch.setattr(intros, "_bound", lambda *a: float("inf"))  # no fit is ever out of reach
    everyone = intros.candidates(people, frozenset(), NOW, given)
    assert [(c.key, c.score) for c in pruned] == [(c.key, c.score) for c in everyone]
    assert len(pruned) >= 6  # every asker finds someone: the comparison is not empty


def test_pruning_leaves_out_fits_that_cannot_win(monkeypatch):
    calls = counted(monkeypatch)
    for seed in range(8):
        intros.candidates(network(seed), frozenset(), NOW, None)
    pruned = len(calls)
    monkeypatch.setattr(intros, "_bound", lambda *a: float("inf"))
    calls.clear()
    for seed in range(8):
        intros.candidates(network(seed), frozenset(), NOW, None)
    assert pruned < len(calls) * 0.8


def tied_network(seed: int):
    """Many equal fits and equal scores: the same trade and topics, strengths from a few values (some
    out of range), asks without a date, qualifiers given twice, helpers' emails out of insertion order."""
    rng = random.Random(seed)
    strengths = (-0.2, 0.0, 0.6, 1.0, 1.5)
    askers = [person(f"Asker {i}", f"asker{i}@a.example", strength=rng.choice(strengths),
                     asks=(replace(ask("bookkeeper", qualifiers=("restaurants", "restaurants")),
                                   date=None if i % 2 else NOW),))
              for i in range(4)]
    numbers = list(range(40))
    rng.shuffle(numbers)
    helpers = [person(f"Helper {n}", f"h{n:02d}@h.example", strength=rng.choice(strengths),
                      topics=("restaurants",) if n % 3 else (), offers=(offer("bookkeeper", days_ago=5),))
               for n in numbers]
    return [*askers, *helpers]


@pytest.mark.parametrize("seed", range(20))
def test_pruning_is_exact_when_fits_and_scores_tie(monkeypatch, seed):
    people = tied_network(seed)
    pruned = intros.candidates(people, frozenset(), NOW, None)
    monkeypatch.setattr(intros, "_bound", lambda *a: float("inf"))
    everyone = intros.candidates(people, frozenset(), NOW, None)
    assert [(c.key, c.score) for c in pruned] == [(c.key, c.score) for c in everyone]
    assert len(pruned) >= 4


def test_the_bound_is_never_below_a_score_even_by_rounding():
    rng = random.Random(5)
    need = taxonomy.professions()[0]
    quals = ("restaurants", "nonprofit", "startups")
    for n in range(5000):
        asker = person("Asker", "asker@a.example", strength=rng.choice((-0.2, 0.0, rng.random(), 1.0, 1.5)))
        helper = person("Helper", "helper@h.example", strength=rng.choice((-0.2, 0.0, rng.random(), 1.0, 1.5)),
                        topics=tuple(rng.sample(quals, rng.randint(0, 3))))
        the_ask = replace(ask("bookkeeper", qualifiers=tuple(rng.choices(quals, k=rng.randint(0, 3)))),
                          date=None if n % 7 == 0 else NOW - timedelta(days=rng.uniform(0, 400)))
        fit = rng.choice((rng.random(), 0.9, 0.8, 0.7 * 0.9, 1.0))
        scored = intros._score(asker, the_ask, need, helper, "offer", None, fit, NOW).score
        assert scored <= fit * intros._bound(asker, the_ask, max(helper.strength, 0.0), NOW)
