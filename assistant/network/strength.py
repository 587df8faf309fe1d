"""How well the owner knows someone: two-way exchange, volume, and recency against their own rhythm. Pure."""

from __future__ import annotations

import math
import statistics
from datetime import datetime
from typing import Any


def relationship_strength(sent: int, received: int, dates: list[datetime], now: datetime,
                          weak: bool = False) -> tuple[float, dict[str, Any]]:
    """0..1 from two-way exchange, volume, recency against the person's own rhythm. Explainable."""
    return strength_at(sent, received, dates[-1] if dates else None, rhythm_of(dates), now, weak)


def rhythm_of(dates: list[datetime]) -> float | None:
    """The person's usual gap between messages, in days (None: too few to tell)."""
    gaps = [(b - a).total_seconds() / 86400 for a, b in zip(dates, dates[1:], strict=False) if b > a]
    return statistics.median(gaps) if len(gaps) >= 2 else None


def strength_at(sent: int, received: int, last: datetime | None, rhythm: float | None, now: datetime,
                weak: bool = False) -> tuple[float, dict[str, Any]]:
    """relationship_strength from what it needs of the dates: the last one and the usual gap."""
    two_way = min(sent, received)
    reciprocity = 1 - math.exp(-two_way / 3)
    volume = min(1.0, math.log1p(sent + received) / math.log1p(40))
    days_quiet = (now - last).days if last else None
    if days_quiet is None:
        recency = 0.0
    else:
        # quiet is measured against the person's usual gap: 3 weeks is long for a weekly
        # correspondent and nothing for someone who writes twice a year
        usual = max(rhythm or 30.0, 7.0)
        recency = math.exp(-max(days_quiet, 0) / (6 * usual))
    score = 0.5 * reciprocity + 0.25 * volume + 0.25 * recency
    if weak:
        score = min(score, 0.15)
    why = {"sent": sent, "received": received, "two_way": two_way,
           "last_contact": last.isoformat() if last else None, "days_quiet": days_quiet,
           "usual_gap_days": round(rhythm, 1) if rhythm is not None else None,
           "reciprocity": round(reciprocity, 3), "volume": round(volume, 3), "recency": round(recency, 3),
           "weak": weak}
    return round(score, 3), why
