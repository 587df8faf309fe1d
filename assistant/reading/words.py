"""Pieces for fast case-insensitive word matching, shared by the readers that need them. Pure.

Python's re tries every word of an alternation at every position; the readers speed that up
with guards whose correctness rests on the two facts kept here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# Characters that re.IGNORECASE matches to an ASCII letter (or the other way round) although
# str.lower() / `in` do not: with one of them in a text, a cheap lower-cased substring guard
# proves nothing and the full pattern must decide. (Searched without IGNORECASE: these only.)
FOLD_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a\u00df\u1e9e]")


def initials(*groups: Iterable[str], digits: bool = False) -> str:
    """A character class of the first letters of words (and digits): a cheap guard before an
    alternation, read with the pattern's own flags so it admits what the words admit."""
    return "[" + "".join(sorted({re.escape(w[0]) for words in groups for w in words})) + \
        (r"\d" if digits else "") + "]"


def alternation(words: Iterable[str]) -> str:
    """The words as one alternation, longest first; a space in a word matches any run of white space."""
    escaped = {re.escape(w).replace(r"\ ", r"\s+") for w in words}
    return "|".join(sorted(escaped, key=lambda w: (-len(w), w)))


def word_tree(words: Iterable[str]) -> str:
    """Longest first, as a prefix tree: "sep(?:t(?:ember)?)?" reads as "september|sept|sep".

    The tree matches exactly what the flat longest-first alternation matches, with the same
    preference (the longer word wins), but tries a handful of first letters at each position
    instead of every word in turn: the flat form cost a millisecond per pattern per page.
    """
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict[str, Any]]) -> str:
    alternatives = [re.escape(ch) + _branches(child) for ch, child in node.items() if ch]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if "" in node:  # a word ends here: a longer one is tried first, then the word itself
        return body + "?" if len(alternatives) == 1 and len(alternatives[0]) == 1 else f"(?:{body})?"
    return body
