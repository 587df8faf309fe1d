"""The trained heads: from what the encoder reads of a sentence, what the cue patterns say of it and
the words it is written with, to how likely it is an ask, an offer, news, help given, or none of them. Pure numpy.

A head file (assistant/resources/heads.json, written by tools/train_understanding.py) holds a
softmax regression over the classes, the threshold each kind needs (chosen on the evaluation set's
dev split), a logistic head for "confidential" news (on the encoder's features and the words), and the
name of the encoder whose features it was trained on: heads for another encoder are refused, never
applied.

The regression reads three kinds of features: the encoder's (the sentence's embedding, what it means,
and its lower layers' means, which keep more of how it is put: Encoder.read), one flag per
kind the cue patterns find, and its words and word pairs, hashed into WORD_BUCKETS buckets (how it
is said: an embedding alone hears "happy to" in "happy new year" and "I'd be happy to look at your
deck" much alike). The word weights are stored sparsely: only buckets that training saw.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

KINDS = ("ask", "offer", "news", "helped")
CLASSES = ("none", *KINDS)
WORD_BUCKETS = 8192
_TOKEN = re.compile(r"\w\w+")


class Encoder(Protocol):
    """Sentences -> unit vectors (encode), and from the same run what the heads read (read). The real
    one is assistant.resources.encoder.Encoder (384-wide vectors, FEATURES-wide reading)."""

    name: str

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]: ...

    def read(self, texts: Sequence[str]) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        """The sentences' vectors (as encode gives them) and, from the same run, what the heads read."""
        ...


def cue_features(cues: Sequence[Sequence[str]]) -> NDArray[np.float32]:
    """One row per sentence: 1 for each kind the cue patterns found in it."""
    out = np.zeros((len(cues), len(KINDS)), dtype=np.float32)
    for row, kinds in enumerate(cues):
        for kind in kinds:
            out[row, KINDS.index(kind)] = 1.0
    return out


def word_buckets(text: str) -> dict[int, float]:
    """A sentence's lower-cased words and adjacent word pairs, hashed (CRC-32, the same on every
    machine) into WORD_BUCKETS buckets: bucket -> count, the whole scaled to unit length."""
    tokens = _TOKEN.findall(text.lower())
    counts: dict[int, float] = {}
    for gram in (*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))):
        bucket = zlib.crc32(gram.encode()) % WORD_BUCKETS
        counts[bucket] = counts.get(bucket, 0.0) + 1.0
    norm = sum(v * v for v in counts.values()) ** 0.5
    return {k: v / norm for k, v in counts.items()} if norm else {}


@dataclass(frozen=True)
class Heads:
    encoder: str  # the encoder the heads were trained on
    weights: NDArray[np.float32]  # [features, classes]: what the encoder's read gives, then one column per kind's cue
    bias: NDArray[np.float32]  # [classes]
    thresholds: Mapping[str, float]  # kind -> the probability a finding needs
    confidential: tuple[NDArray[np.float32], float, float]  # weights, bias, threshold (news only)
    words: NDArray[np.float32] | None = None  # [WORD_BUCKETS, classes]; None: the words are not read
    secret_words: NDArray[np.float32] | None = None  # [WORD_BUCKETS, 1]: the confidential head's word weights

    @property
    def version(self) -> str:
        """A short digest of everything that decides: stored findings name it."""
        digest = hashlib.sha256(self.encoder.encode())
        for array in (self.weights, self.bias, self.confidential[0]):
            digest.update(np.ascontiguousarray(array, dtype=np.float32).tobytes())
        for table in (self.words, self.secret_words):
            if table is not None:
                digest.update(np.ascontiguousarray(table, dtype=np.float32).tobytes())
        digest.update(json.dumps([sorted(self.thresholds.items()), self.confidential[1:]]).encode())
        return digest.hexdigest()[:12]

    def probabilities(self, features: NDArray[np.float32], cues: NDArray[np.float32],
                      texts: Sequence[str]) -> NDArray[np.float32]:
        """[sentences, classes], each row summing to 1. `features` are what the encoder's read gives
        for `texts`, the sentences themselves."""
        if len(texts) != len(features):
            raise ValueError(f"{len(texts)} sentences for {len(features)} feature rows")
        logits = np.concatenate([features, cues], axis=1) @ self.weights + self.bias
        if self.words is not None:
            logits += _read_words(self.words, texts)
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        out: NDArray[np.float32] = (odds / odds.sum(axis=1, keepdims=True)).astype(np.float32)
        return out

    def confidential_probability(self, features: NDArray[np.float32], texts: Sequence[str]) -> NDArray[np.float32]:
        """Per sentence, how likely it says what it tells is not to be passed on."""
        if len(texts) != len(features):
            raise ValueError(f"{len(texts)} sentences for {len(features)} feature rows")
        weights, bias, _ = self.confidential
        logits = features @ weights + bias
        if self.secret_words is not None:
            logits = logits + _read_words(self.secret_words, texts)[:, 0]
        out: NDArray[np.float32] = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
        return out

    def to_json(self) -> dict[str, Any]:
        weights, bias, threshold = self.confidential
        data: dict[str, Any] = {
            "encoder": self.encoder, "classes": list(CLASSES), "features": int(self.weights.shape[0]),
            "weights": np.round(self.weights, 6).tolist(), "bias": np.round(self.bias, 6).tolist(),
            "thresholds": {k: round(float(v), 4) for k, v in self.thresholds.items()},
            "confidential": {"weights": np.round(weights, 6).tolist(), "bias": round(float(bias), 6),
                             "threshold": round(float(threshold), 4)}}
        if self.words is not None:
            data["words"] = _words_to_json(self.words)
        if self.secret_words is not None:
            data["confidential"]["words"] = _words_to_json(self.secret_words)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Heads:
        """Raises ValueError, KeyError or TypeError when the file is not a head file for these classes
        (assistant.jobs.understanding.load_heads turns each into one ModelError)."""
        if list(data.get("classes", [])) != list(CLASSES):
            raise ValueError(f"classes are {data.get('classes')}, expected {list(CLASSES)}")
        weights = np.asarray(data["weights"], dtype=np.float32)
        bias = np.asarray(data["bias"], dtype=np.float32)
        if weights.ndim != 2 or weights.shape[1] != len(CLASSES) or bias.shape != (len(CLASSES),):
            raise ValueError(f"weights shaped {weights.shape}, bias {bias.shape}")
        thresholds = {kind: float(data["thresholds"][kind]) for kind in KINDS}
        secret = data["confidential"]
        confidential = (np.asarray(secret["weights"], dtype=np.float32), float(secret["bias"]),
                        float(secret["threshold"]))
        if confidential[0].shape != (weights.shape[0] - len(KINDS),):
            raise ValueError(f"confidential weights shaped {confidential[0].shape}")
        if not all(np.isfinite(a).all() for a in (weights, bias, confidential[0], np.array(confidential[1:]))):
            raise ValueError("weights are not all numbers")
        words = _words_from_json(data["words"], len(CLASSES)) if "words" in data else None
        secret_words = _words_from_json(secret["words"], 1) if "words" in secret else None
        return cls(str(data["encoder"]), weights, bias, thresholds, confidential, words, secret_words)


def _read_words(table: NDArray[np.float32], texts: Sequence[str]) -> NDArray[np.float32]:
    """[texts, columns]: each text's hashed words weighed by the table [WORD_BUCKETS, columns]."""
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for row, text in enumerate(texts):
        buckets = word_buckets(text)
        if buckets:
            out[row] = np.fromiter(buckets.values(), np.float32) @ table[list(buckets)]
    return out


def _words_to_json(table: NDArray[np.float32]) -> dict[str, Any]:
    """Only the buckets training saw (the rest weigh nothing)."""
    used = np.flatnonzero(np.abs(table).max(axis=1) > 0)
    return {"buckets": WORD_BUCKETS, "used": used.tolist(), "weights": np.round(table[used], 5).tolist()}


def _words_from_json(table: Any, columns: int) -> NDArray[np.float32]:
    """The word weights [WORD_BUCKETS, columns] from their sparse form; ValueError when it is not one:
    numpy would wrap a negative index or a float into some bucket silently."""
    if not isinstance(table, Mapping) or table.get("buckets") != WORD_BUCKETS:
        buckets = table.get("buckets") if isinstance(table, Mapping) else table
        raise ValueError(f"words hashed into {buckets!r} buckets, expected {WORD_BUCKETS}")
    used, weights = table.get("used"), table.get("weights")
    if not isinstance(used, list) or not all(type(i) is int and 0 <= i < WORD_BUCKETS for i in used):
        raise ValueError(f"word buckets are not {WORD_BUCKETS} bucket numbers")
    if len(set(used)) != len(used):
        raise ValueError("a word bucket is listed twice")
    if not isinstance(weights, list) or len(weights) != len(used) or not all(
            isinstance(row, list) and len(row) == columns for row in weights):
        raise ValueError(f"word weights are not {len(used)} rows of {columns}")
    out = np.zeros((WORD_BUCKETS, columns), dtype=np.float32)
    if used:
        out[used] = np.asarray(weights, dtype=np.float32)
    if not np.isfinite(out).all():  # NaN reads as "not confidential": the direction that leaks
        raise ValueError("word weights are not all numbers")
    return out
