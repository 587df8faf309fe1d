"""Pieces for fast case-insensitive word matching, shared by the readers that need them. Pure.

Python's re tries every word of an alternation at every position; the readers speed that up
with guards whose correctness rests on the two facts kept here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Characters that re.IGNORECASE matches to an ASCII letter (or the other way round) although
# str.lower() / `in` do not: with one of them in a text, a cheap lower-cased substring guard
# proves nothing and the full pattern must decide. (Searched without IGNORECASE: these only.)
FOLD_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a\u00df\u1e9e]")


def initials(*groups: Iterable[str], digits: bool = False) -> str:
    """A character class of the first letters of words (and digits): a cheap guard before an
    alternation, read with the pattern's own flags so it admits what the words admit."""
    return "[" + "".join(sorted({re.escape(w[0]) for words in groups for w in words})) + \
        (r"\d" if digits else "") + "]"
