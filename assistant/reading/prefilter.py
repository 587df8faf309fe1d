"""Named patterns, and the cheap prefilters generated from them. Pure.

A prefilter is a fast first look at a sentence before the heavy patterns run. Written by hand it
drifts from the patterns it guards; here it is derived from them: for each pattern, a set of
literal strings one of which every match must contain (read off the pattern's own syntax tree),
and the prefilter is the alternation of all of them. A sentence the prefilter rejects cannot
match any of its patterns.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

from assistant.reading.words import word_tree

Patterns = Mapping[str, re.Pattern[str]]


def named(flags: int = 0, **patterns: str) -> dict[str, re.Pattern[str]]:
    """Compile patterns under the names they are referred to by (insertion order is kept)."""
    return {name: re.compile(source, flags) for name, source in patterns.items()}


class Prefilter:
    """Finds, case-insensitively, one of a set of lower-cased literals. On ASCII text with ASCII
    literals it searches the lower-cased text with a case-sensitive pattern: the same answer (for ASCII
    letters ignoring case is lower-casing; the Unicode folds IGNORECASE adds, such as the Kelvin sign
    for "k", cannot occur in ASCII text) about five times faster than IGNORECASE over a large
    alternation. Other text takes the IGNORECASE pattern."""

    def __init__(self, words: Iterable[str]) -> None:
        words = sorted(set(words))
        source = word_tree(words)
        self.any_case = re.compile(source, re.IGNORECASE)
        self.lowered = re.compile(source) if all(w.isascii() and w == w.lower() for w in words) else None

    def search(self, text: str) -> re.Match[str] | None:
        if self.lowered is not None and text.isascii():
            return self.lowered.search(text.lower())
        return self.any_case.search(text)


def prefilter(*guarded: Patterns | re.Pattern[str]) -> Prefilter:
    """A prefilter that finds, in any text some guarded pattern matches, at least one of the literals
    that pattern's matches must contain (ignoring case)."""
    words: set[str] = set()
    for group in guarded:
        for pattern in (group.values() if isinstance(group, Mapping) else (group,)):
            words |= required_literals(pattern)
    return Prefilter(words)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str]:
    """Lower-cased strings such that every match of pattern contains one of them.

    Raises ValueError for a pattern that can match without any literal (it cannot be guarded)."""
    found = _analyze(sre_parse.parse(pattern.pattern, pattern.flags)).best
    if not found:
        raise ValueError(f"pattern {pattern.pattern[:60]!r} requires no literal text; it cannot be prefiltered")
    return frozenset(found)


_MAX_EXACT = 64  # alternatives kept when spelling out what a part can match
_USEFUL_LENGTH = 10


class _Facts:
    """What a part of a pattern can match: exactly one of `exact` (when few), and surely one of `best`."""

    def __init__(self, exact: set[str] | None, best: set[str] | None) -> None:
        self.exact = exact
        self.best = best if best and "" not in best else None


def _analyze(items: Iterable[tuple[object, object]]) -> _Facts:
    """A sequence: exact parts are multiplied out into runs of literal text; the best requirement is
    the most selective of the runs (and of the plain literal stretches inside them) and of the
    non-exact parts' own requirements."""
    candidates: list[set[str]] = []
    run: set[str] = {""}  # every spelling of the exact parts since the last non-exact one
    plain = ""  # the literal text since the last part that could be spelled more than one way
    whole: set[str] | None = {""}
    for op, value in items:
        facts = _part(op, value)
        if facts.exact is not None:
            if len(facts.exact) == 1:
                plain += next(iter(facts.exact))
            else:
                candidates.append({plain})
                plain = ""
            grown = {a + b for a in run for b in facts.exact}
            if len(grown) > _MAX_EXACT:
                candidates.append(run)
                grown = set(facts.exact)
            run = grown
            whole = {a + b for a in whole for b in facts.exact} if whole is not None else None
            if whole is not None and len(whole) > _MAX_EXACT:
                whole = None
            continue
        whole = None
        candidates += [run, {plain}]
        run, plain = {""}, ""
        if facts.best:
            candidates.append(facts.best)
    candidates += [run, {plain}]
    useful = [_minimal(c) for c in candidates if c and "" not in c]
    return _Facts(whole, max(useful, key=_quality, default=None))


def _minimal(words: set[str]) -> set[str]:
    """Without the words that contain another: text holding "also accepting" holds "accepting"."""
    return {w for w in words if not any(o != w and o in w for o in words)}


def _part(op: object, value: object) -> _Facts:
    if op is sre.LITERAL:
        char = chr(value).lower()  # type: ignore[arg-type]
        return _Facts({char}, {char})
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _Facts({""}, None)  # zero-width: the text on either side stays adjacent
    if op is sre.IN:
        chars = {chr(v).lower() for o, v in value if o is sre.LITERAL}  # type: ignore[attr-defined]
        if all(o is sre.LITERAL for o, _ in value) and len(chars) <= 4:  # type: ignore[attr-defined]
            return _Facts(chars, chars)
        return _Facts(None, None)
    if op is sre.SUBPATTERN:
        return _analyze(value[-1])  # type: ignore[index]
    if op is sre.BRANCH:
        return _branch(value[1])  # type: ignore[index]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, inner = cast(tuple[int, int, Any], value)
        facts = _analyze(inner)
        if facts.exact is not None and high <= 2:
            spelled = {""} if low == 0 else set()
            once = facts.exact
            spelled |= once if low <= 1 else set()
            if high == 2:
                spelled |= {a + b for a in once for b in once}
            if len(spelled) <= _MAX_EXACT:
                return _Facts(spelled, facts.best if low >= 1 else None)
        return _Facts(None, facts.best if low >= 1 else None)
    return _Facts(None, None)


def _branch(alternatives: Iterable[Iterable[tuple[object, object]]]) -> _Facts:
    exact: set[str] | None = set()
    best: set[str] | None = set()
    for alternative in alternatives:
        facts = _analyze(alternative)
        if exact is not None and facts.exact is not None and len(exact | facts.exact) <= _MAX_EXACT:
            exact |= facts.exact
        else:
            exact = None
        spelled = _minimal(facts.exact) if facts.exact and "" not in facts.exact else None
        need = max((x for x in (spelled, facts.best) if x), key=_quality, default=None)
        best = best | need if best is not None and need else None
    return _Facts(exact, best)


def _quality(words: set[str]) -> float:
    """Longer words admit fewer texts (up to _USEFUL_LENGTH); many words cost a little time; a word
    of one or two letters admits nearly everything."""
    shortest = min(len(w) for w in words)
    return min(shortest, _USEFUL_LENGTH) - 0.25 * math.log2(len(words)) - (10 if shortest < 3 else 0)
