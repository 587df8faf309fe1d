"""tools/train_understanding.py's fit: each weight lands where the heads read it (a shifted split
of the coefficients would only show once heads.json was written)."""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

import numpy as np

from assistant.understanding.heads import CLASSES, KINDS, WORD_BUCKETS, Heads, cue_features

ROOT = Path(__file__).resolve().parents[2]  # fit needs scikit-learn: requirements-dev.txt, which .ci/run installs


def test_fit_puts_each_weight_where_the_heads_read_it():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import train_understanding as training
    finally:
        sys.path.remove(str(ROOT / "tools"))
    rng = np.random.default_rng(3)
    texts, labels = [], []
    said = {"ask": "plumber wanted {}", "offer": "happy to mentor {}", "news": "we opened {} hush",
            "helped": "introduced you {}", "none": "lunch at {}"}
    for n in range(400):  # the words decide ("hush" makes news confidential); the vectors are noise
        kind = CLASSES[n % len(CLASSES)]
        texts.append(said[kind].format(n) if n % 2 else said[kind].format(n).replace(" hush", ""))  # half secret
        labels.append(kind)
    rows = [{"text": t, "label": k, "weak": False, "confidential": "hush" in t}
            for t, k in zip(texts, labels, strict=True)]
    vectors = rng.normal(size=(len(rows), 8)).astype(np.float32)
    cues = cue_features([[] for _ in rows])
    weights, bias, words, (secret_w, secret_b, secret_words) = training.fit(rows, vectors, cues, 2.0, 0.5)
    assert weights.shape == (8 + len(KINDS), len(CLASSES)) and words.shape == (WORD_BUCKETS, len(CLASSES))
    assert secret_w.shape == (8,) and secret_words.shape == (WORD_BUCKETS, 1)
    plumber, hush = (zlib.crc32(w.encode()) % WORD_BUCKETS for w in ("plumber", "hush"))
    assert words[plumber].argmax() == CLASSES.index("ask")
    assert int(np.argmax(secret_words[:, 0])) == hush
    heads = Heads("fake", weights, bias, {k: 0.5 for k in KINDS}, (secret_w, secret_b, 0.5), words, secret_words)
    sample = ["plumber wanted 1000", "we opened 1000 hush", "lunch at 1000"]
    read = heads.probabilities(rng.normal(size=(3, 8)).astype(np.float32), cue_features([[], [], []]), sample)
    assert [CLASSES[i] for i in read.argmax(axis=1)] == ["ask", "news", "none"]
    secret = heads.confidential_probability(rng.normal(size=(3, 8)).astype(np.float32), sample)
    assert secret[1] > 0.5 > max(secret[0], secret[2])


def _training():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import train_understanding as training
    finally:
        sys.path.remove(str(ROOT / "tools"))
    return training


def test_a_threshold_is_the_highest_that_dev_cannot_tell_from_the_best():
    pick, tie = _training().pick, _training().TIE
    assert pick([(0.3, 0.40), (0.4, 0.50), (0.5, 0.45)]) == 0.4  # a clear best
    assert pick([(0.3, 0.50), (0.4, 0.50 - tie / 2), (0.5, 0.50 - tie / 2), (0.6, 0.30)]) == 0.5
    assert pick([(0.3, 0.50), (0.4, 0.40), (0.5, 0.50 - tie / 2)]) == 0.5  # across a dip: the dip is noise
    assert pick([(0.3, 0.50), (0.5, 0.50 - 2 * tie)]) == 0.3  # worse by more than TIE: told apart
    assert pick([]) == 0.99  # nothing found enough on dev: as good as never


def test_class_weights_bring_the_classes_toward_balance():
    training = _training()
    coded = np.array([CLASSES.index(k) for k in ["ask"] * 5 + ["none"] * 95])
    weights = training.class_weights(coded, 1.0)
    ask, none = coded == CLASSES.index("ask"), coded == CLASSES.index("none")
    assert np.isclose(weights[ask].sum(), weights[none].sum())  # fully balanced: each class weighs alike
    half = training.class_weights(coded, 0.5)
    assert 1.0 < half[ask][0] < weights[ask][0] and weights[none][0] < half[none][0] < 1.0
    assert np.allclose(training.class_weights(coded, 0.0), 1.0)  # 0: the counts as they are
