"""Named patterns, and the gate generated from them: which patterns a text can match at all. Pure.

A gate is a fast first look at a sentence before the heavy patterns run. Written by hand it would
drift from the patterns it guards; here it is derived from them: for each pattern, a set of
literal strings one of which every match must contain (read off the pattern's own syntax tree).
A pattern none of whose literals is in the sentence cannot match it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

import ahocorasick


def named(flags: int = 0, **patterns: str) -> dict[str, re.Pattern[str]]:
    """Compile patterns under the names they are referred to by (insertion order is kept)."""
    return {name: re.compile(source, flags) for name, source in patterns.items()}


# The only characters re.IGNORECASE matches to an ASCII letter that str.lower() does not turn into
# it (computed over all of Unicode: U+0130 lowers to two characters, U+0131 and U+017F to
# themselves). Replaced first, a lower-cased text holds an ASCII literal wherever the pattern,
# ignoring case, could see it.
_TO_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


class Gate:
    """Which of many patterns a text may match, from one pass for every literal any of them requires:
    a pattern none of whose literals occurs cannot match, so the caller runs only the others (in its
    own order). It never hides a match; it may admit a pattern that then does not match. The answer
    is a bit mask: pattern i is bit 1 << i (see `mask` and `ordered`); bits, because a compiled
    pattern hashes its whole program each time it is looked up in a set.

    The pass is an Aho-Corasick automaton over the lower-cased text: every occurrence of every
    literal, overlapping or not, in time linear in the text. The literals are lower-cased ASCII (the
    cue patterns' are); with any other literal, text that is not ASCII may match every pattern.

    Raises ValueError for a pattern that can match without any literal (it cannot be gated)."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        self._bit = {id(pattern): 1 << i for i, pattern in enumerate(self.patterns)}
        self.everything = (1 << len(self.patterns)) - 1
        admits: dict[str, int] = {}
        for i, pattern in enumerate(self.patterns):
            for literal in required_literals(pattern):
                admits[literal] = admits.get(literal, 0) | 1 << i
        self.literals = frozenset(admits)
        self._ascii = all(literal.isascii() for literal in self.literals)
        self._automaton = ahocorasick.Automaton()
        for literal, bits in admits.items():
            self._automaton.add_word(literal, bits)
        if admits:  # an automaton without words cannot be searched: a gate over nothing admits nothing
            self._automaton.make_automaton()

    def mask(self, *patterns: re.Pattern[str]) -> int:
        """The bits of these patterns (each must be one of the gate's)."""
        bits = 0
        for pattern in patterns:
            bits |= self._bit[id(pattern)]
        return bits

    def ordered(self, patterns: Iterable[re.Pattern[str]]) -> tuple[tuple[int, re.Pattern[str]], ...]:
        """(bit, pattern) pairs in the caller's order, to run those whose bit `candidates` set."""
        return tuple((self.mask(pattern), pattern) for pattern in patterns)

    def candidates(self, text: str) -> int:
        """The bits of the patterns that may match text (0: none can)."""
        if not self.patterns:
            return 0
        if not text.isascii():
            if not self._ascii:
                return self.everything
            text = text.translate(_TO_ASCII_FOLD)
        bits = 0
        for _, admitted in self._automaton.iter(text.lower()):
            bits |= admitted
        return bits


def required_literals(pattern: re.Pattern[str]) -> frozenset[str]:
    """Lower-cased strings such that every match of pattern contains one of them.

    Raises ValueError for a pattern that can match without any literal (it cannot be gated)."""
    found = _analyze(sre_parse.parse(pattern.pattern, pattern.flags)).best
    if not found:
        raise ValueError(f"pattern {pattern.pattern[:60]!r} requires no literal text; it cannot be gated")
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
