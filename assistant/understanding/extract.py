"""Everything one message's own text says of its writer: asks, offers, news and help given. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from assistant.models import Found
from assistant.understanding.asks import find_asks
from assistant.understanding.favours import find_helped
from assistant.understanding.news import find_news
from assistant.understanding.offers import find_offers


def findings(text: str, *, title: str | None, owner_names: Sequence[str], sent: date | None) -> list[Found]:
    """title: the writer's job title from their signature; sent: the message's date (embargoes)."""
    return [*find_asks(text), *find_offers(text, title), *find_news(text, sent), *find_helped(text, owner_names)]
