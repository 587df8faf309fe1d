"""Where the shared corpora are: real mail written elsewhere, kept beside this repository (never in it).

They are data, not a server: a clone without them runs every other test, and the tests that read
them are skipped with a reason naming where they were looked for (pytest -ra lists it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("ASSISTANT_CORPORA") or ROOT.parent / "shared" / "corpora")
SAMPLE_MAILDIR = ROOT / "assistant" / "sample" / "Maildir"


def require(path: Path) -> Path:
    """path, or skip the test when it is not there."""
    if not path.exists():
        pytest.skip(f"shared corpora not found at {path} (set ASSISTANT_CORPORA to a corpora/ directory)")
    return path
