"""helpers_for scores the best fits first and stops once no fit left can reach the third best score
(intros._bound): the same helpers, in the same order, as scoring every one of them."""

from __future__ import annotations

import random

import numpy as np
import pytest

from assistant.digest import intros
from assistant.digest.meaning import texts_to_embed

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
