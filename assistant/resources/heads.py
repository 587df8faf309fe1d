"""The trained heads file (heads.json beside this module, written by tools/train_understanding.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.errors import ModelError

HEADS = Path(__file__).with_name("heads.json")


def read_heads(path: Path = HEADS) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelError(f"cannot read the understanding heads {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise ModelError(f"the understanding heads {path} are not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ModelError(f"the understanding heads {path} are not a JSON object")
    return data
