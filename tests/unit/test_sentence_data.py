"""The labeled sentences the heads are trained on (tools/data/sentences): every row says what it is
and where it comes from, and the training set's frozen test split is the one recorded."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tools" / "data" / "sentences"
FIELDS = {"text", "label", "what", "register", "source"}  # and, for real mail, "author"
LABELS = {"ask", "offer", "news", "helped", "none"}
SOURCES = ("enron:", "clinton:", "fauci:", "emailintent:", "written:", "weak:", "active:")


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_row_has_a_label_and_its_provenance():
    files = sorted(p for p in DATA.glob("*.jsonl") if p.name != "multilingual.jsonl")
    assert len(files) >= 10
    for path in files:
        for n, row in enumerate(_rows(path), 1):
            where = f"{path.name}:{n}"
            assert FIELDS <= set(row), where
            assert row["label"] in LABELS and str(row["text"]).strip(), where
            assert str(row["source"]).startswith(SOURCES), where
            if not str(row["source"]).startswith(("written:", "emailintent:")):  # mail names its writer
                # (EmailIntentDataSet ships sentences without their senders)
                assert "@" in str(row.get("author", "")), where
            assert isinstance(row.get("confidential", False), bool), where
            if row["label"] != "none":  # a positive names its object, unless relabeled from none (SOURCES.md)
                assert str(row.get("what") or "").strip() or row.get("relabeled"), where


def test_the_frozen_test_split_is_the_recorded_one_and_later_files_only_train():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import train_understanding as training
    finally:
        sys.path.remove(str(ROOT / "tools"))
    rows = training.load_rows()
    recorded = (DATA / "test-split.sha256").read_text().split()[0]
    assert training.split_digest(rows) == recorded
    later = [r for r in rows if r["file"] in training.AFTER_FREEZE]
    assert later and all(r["split"] == "train" for r in later)
    assert {p.name for p in DATA.glob("*.jsonl")} >= training.AFTER_FREEZE


def test_no_training_sentence_is_a_near_copy_of_a_held_out_one():
    """multilingual.jsonl measures other languages on sentences the heads never saw: no training row
    shares half its words with one of them (shared words over all words of the two)."""
    import re

    def words(text: object) -> set[str]:
        return {w.lower() for w in re.findall(r"[^\W_]+", str(text))}

    held = [words(row["text"]) for row in _rows(DATA / "multilingual.jsonl")]
    for path in sorted(DATA.glob("*.jsonl")):
        if path.name == "multilingual.jsonl":
            continue
        for n, row in enumerate(_rows(path), 1):
            mine = words(row["text"])
            for other in held:
                assert len(mine & other) < 0.5 * len(mine | other), f"{path.name}:{n}"


def test_the_adjudicated_labels_are_what_their_decisions_make():
    """benchmarks/data/understanding/adjudicated/test.jsonl is rebuilt from the two labelings and the
    third helper's decisions, every disagreement decided once."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_adjudicated
    finally:
        sys.path.remove(str(ROOT / "tools"))
    text, asked, kept = build_adjudicated.build()
    assert (build_adjudicated.HERE / "test.jsonl").read_text(encoding="utf-8") == text
    assert asked == 116 and 0 < kept < asked
