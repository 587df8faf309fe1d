"""A small fake sentence model for unit tests: a few cue words light up one dimension each, and the
heads read those dimensions. Deterministic, instant, no model package needed."""

from __future__ import annotations

import numpy as np

from assistant.understanding.heads import CLASSES, KINDS, Heads
from assistant.understanding.model import SentenceModel

CUES = {"looking for": "ask", "happy to help": "offer", "we launched": "news", "introduced you": "helped",
        "keep this between us": "secret"}
WIDTH = 16


class FakeEncoder:
    name = "fake-encoder"

    def encode(self, texts):
        out = np.zeros((len(texts), WIDTH), dtype=np.float32)
        for row, text in enumerate(texts):
            lowered = text.lower()
            for column, cue in enumerate(CUES):
                if cue in lowered:
                    out[row, column] = 1.0
            out[row, WIDTH - 1] = 1.0  # never a zero vector
            out[row] /= np.linalg.norm(out[row])
        return out

    def read(self, texts):
        vectors = self.encode(texts)
        # what the heads read: the vector, then a block unlike it (as the real encoder's lower layers),
        # so heads given the vectors instead, or vectors taken from the features, fail the tests
        return vectors, np.concatenate([vectors, vectors[:, ::-1]], axis=1)


def fake_heads(threshold: float = 0.5) -> Heads:
    weights = np.zeros((2 * WIDTH + len(KINDS), len(CLASSES)), dtype=np.float32)
    for column, kind in enumerate(CUES.values()):
        if kind in KINDS:
            weights[column, CLASSES.index(kind)] = 12.0
    bias = np.array([3.0, 0, 0, 0, 0], dtype=np.float32)  # "none" unless a cue says otherwise
    secret = np.zeros(2 * WIDTH, dtype=np.float32)
    secret[list(CUES).index("keep this between us")] = 12.0
    return Heads(FakeEncoder.name, weights, bias, {k: threshold for k in KINDS}, (secret, -4.0, 0.5))


def fake_model(threshold: float = 0.5) -> SentenceModel:
    return SentenceModel.build(FakeEncoder(), fake_heads(threshold))
