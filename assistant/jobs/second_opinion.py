"""[llm] at the edge: the best introduction candidates shown to a language model before the digest is
planned; the keys it turns down are left out (digest.plan_digest's `vetoed`). Off unless configured."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from assistant.config import Settings
from assistant.digest.candidates import Candidate, Drafting, refused, remembered
from assistant.digest.drafts import DraftWriter
from assistant.digest.meaning import whole
from assistant.llm import SecondOpinion

logger = logging.getLogger(__name__)


def wanted(settings: Settings | None) -> bool:
    """Whether a second opinion is configured (and allowed any calls)."""
    return settings is not None and settings.llm.on and settings.llm.max_calls > 0


def vetoed_intros(candidates: Sequence[Candidate], settings: Settings, now: datetime, writer: DraftWriter,
                  history: Mapping[str, Mapping[str, Any]], environ: Mapping[str, str] = os.environ
                  ) -> frozenset[str]:
    """The keys of the introductions the model turns down, among the best of `candidates` (the digest's,
    intros.candidates) it could still show (those the user skipped, snoozed, refused, or that rest, are
    not asked about)."""
    if not wanted(settings):
        return frozenset()
    llm = settings.llm
    opinion = SecondOpinion(llm.url, llm.model, max_calls=llm.max_calls, timeout=llm.timeout,
                            api_key=environ.get(llm.api_key_env) if llm.api_key_env else None)
    drafting = Drafting(writer, settings.owner.name)
    turned_down: set[str] = set()
    showable = [c for c in candidates
                if not remembered(history.get(c.key), now) and not refused(history, [p.email for p in c.people])]
    for candidate in showable[:llm.max_calls]:
        helper = candidate.people[1]
        verdict = opinion.intro(candidate.make((), drafting).reason, whole(helper) or helper.name)
        if verdict is None:
            if opinion.failed:
                break
            continue
        if not verdict.keep:
            turned_down.add(candidate.key)
            logger.info("[llm] left out an introduction: %s", verdict.reason)
    if opinion.calls:
        logger.info("[llm] %d introduction(s) checked, %d left out", opinion.calls, len(turned_down))
    return frozenset(turned_down)
