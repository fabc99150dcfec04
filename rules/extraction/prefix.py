"""A cheap look-ahead that rules out most start positions before a big alternation is tried.

`re` tries every branch of an alternation at every position where the pattern
may start; for the cue and period vocabularies that is ~1 µs per word of text.
`guard(source)` works out, from the parsed pattern, every string of up to
`depth` characters a match can begin with, and returns a look-ahead built
from them as a character trie. Put in front of the pattern it changes nothing
a match can be (it only states a necessary condition) but lets `re` reject
most words with a few literal comparisons.

The analysis over-approximates: look-arounds and anchors count as matching
anything, classes are widened to "any non-ASCII character" for characters
outside ASCII, and a match shorter than `depth` allows any continuation.
When `re`'s parser is unavailable the guard is empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

_OTHER: Final = "\x80"  # stands for every non-ASCII character
_ALPHABET: Final = [chr(i) for i in range(128)]
_MAX_STRINGS: Final = 50000


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _class_chars(items: list[tuple[Any, Any]], c: Any) -> frozenset[str]:
    """Characters of the alphabet (plus `_OTHER`) a parsed character class accepts."""
    negate = False
    chars: set[str] = set()
    other = False
    for op, av in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            ch = chr(av)
            if ord(ch) < 128:
                chars.add(ch)
            else:
                other = True
        elif op is c.RANGE:
            lo, hi = av
            chars.update(chr(i) for i in range(lo, min(hi, 127) + 1))
            other = other or hi >= 128
        elif op is c.CATEGORY:
            test: dict[Any, Callable[[str], bool]] = {
                c.CATEGORY_DIGIT: str.isdigit,
                c.CATEGORY_SPACE: str.isspace,
                c.CATEGORY_WORD: _is_word,
            }
            positive = {c.CATEGORY_DIGIT, c.CATEGORY_SPACE, c.CATEGORY_WORD}
            inverse = {
                c.CATEGORY_NOT_DIGIT: c.CATEGORY_DIGIT,
                c.CATEGORY_NOT_SPACE: c.CATEGORY_SPACE,
                c.CATEGORY_NOT_WORD: c.CATEGORY_WORD,
            }
            if av in positive:
                chars.update(x for x in _ALPHABET if test[av](x))
            elif av in inverse:
                chars.update(x for x in _ALPHABET if not test[inverse[av]](x))
            else:
                raise ValueError(av)
            other = True
        else:
            raise ValueError(op)
    if negate:
        return frozenset(set(_ALPHABET) - chars) | {_OTHER}
    return frozenset(chars | ({_OTHER} if other else set()))


Prefix = tuple[str | frozenset[str], ...]  # a char, or a class kept whole when it is large


def _elements(chars: frozenset[str]) -> set[Prefix]:
    """Small classes are spelt out (so the trie can share letters); large ones stay one element."""
    if len(chars) <= 4:
        return {(ch,) for ch in chars}
    return {(chars,)}


def _concat(left: set[Prefix], right: set[Prefix], depth: int) -> set[Prefix]:
    out = {x for x in left if len(x) >= depth}
    for x in left:
        if len(x) < depth:
            for y in right:
                out.add((x + y)[:depth])
    if len(out) > _MAX_STRINGS:
        raise ValueError("too many prefixes")
    return out


def _folded(chars: frozenset[str]) -> frozenset[str]:
    """Widen a class for case-insensitive matching (`_OTHER` covers folds like long s, Kelvin)."""
    return frozenset(chars | {ch.swapcase() for ch in chars if ch != _OTHER} | {_OTHER})


def _firsts(data: Any, depth: int, c: Any, icase: bool = False) -> set[Prefix]:
    """Prefixes (up to `depth` elements) of the strings a parsed sequence can match."""
    acc: set[Prefix] = {()}
    for op, av in data:
        if all(len(x) >= depth for x in acc):
            break
        if op is c.LITERAL:
            ch = chr(av)
            one = frozenset({ch if ord(ch) < 128 else _OTHER})
            acc = _concat(acc, _elements(_folded(one) if icase else one), depth)
        elif op is c.IN:
            chars = _class_chars(av, c)
            acc = _concat(acc, _elements(_folded(chars) if icase else chars), depth)
        elif op in (c.NOT_LITERAL, c.ANY):
            excluded = chr(av) if op is c.NOT_LITERAL else ""  # ANY: "\n" too under DOTALL
            acc = _concat(acc, _elements(frozenset(x for x in _ALPHABET if x != excluded) | {_OTHER}), depth)
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        elif op is getattr(c, "ATOMIC_GROUP", None):
            acc = _concat(acc, _firsts(av, depth, c, icase), depth)
        elif op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            inner = (icase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            acc = _concat(acc, _firsts(sub, depth, c, inner), depth)
        elif op is c.BRANCH:
            alts: set[Prefix] = set()
            for alt in av[1]:
                alts |= _firsts(alt, depth, c, icase)
            acc = _concat(acc, alts, depth)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            low, high, sub = av
            once = _firsts(sub, depth, c, icase)
            rep: set[Prefix] = {()}
            for _ in range(min(low, depth)):
                rep = _concat(rep, once, depth)
            if high > low:
                # Up to `depth` further copies (each maybe empty) fill any prefix; more cannot matter.
                more: set[Prefix] = {()}
                for _ in range(depth):
                    more = _concat(more, {()} | once, depth)
                rep = _concat(rep, more, depth)
            acc = _concat(acc, rep, depth)
        else:
            raise ValueError(op)
    return acc


def _escape(ch: str) -> str:
    """One character safe inside or outside a class, also under VERBOSE."""
    return ch if ch.isalnum() else f"\\x{ord(ch):02x}"


def _class(chars: frozenset[str]) -> str:
    ascii_chars = sorted(ch for ch in chars if ch != _OTHER)
    if _OTHER in chars:
        # Written as a negated class: a range up to U+10FFFF is slow for `re` to compile.
        return "[^" + "".join(_escape(ch) for ch in _ALPHABET if ch not in chars) + "]"
    if len(ascii_chars) == 1:
        return _escape(ascii_chars[0])
    return "[" + "".join(_escape(ch) for ch in ascii_chars) + "]"


def _trie_regex(prefixes: set[Prefix]) -> str:
    """A regex accepting exactly the texts that start with one of `prefixes` (empty: anything)."""
    if any(len(x) == 0 for x in prefixes):
        return ""
    groups: dict[str | frozenset[str], set[Prefix]] = {}
    for x in prefixes:
        groups.setdefault(x[0], set()).add(x[1:])
    by_rest: dict[str, set[str]] = {}
    classes: list[tuple[frozenset[str], str]] = []
    for head, rests in groups.items():
        rest = _trie_regex(rests)
        if isinstance(head, frozenset):
            classes.append((head, rest))
        else:
            by_rest.setdefault(rest, set()).add(head)
    alts = [_class(frozenset(chars)) + (f"(?:{rest})" if rest else "") for rest, chars in by_rest.items()]
    alts += [_class(head) + (f"(?:{rest})" if rest else "") for head, rest in classes]
    return "|".join(sorted(alts))


def guard(source: str, flags: int = 0, depth: int = 3) -> str:
    """`(?=…)` stating what a match of `source` can begin with, or "" when unknown."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        parsed = parser.parse(source, flags)
        if parsed.state.flags & re.IGNORECASE:
            return ""
        strings = _firsts(parsed.data, depth, c)
    except (ImportError, AttributeError, ValueError, RecursionError):
        return ""
    body = _trie_regex(strings)
    return f"(?={body})" if body else ""


def starts_at_word(source: str, flags: int = 0) -> bool:
    """Does every match of `source` begin by checking `\\b`?

    Then a `\\b` written once more in front changes nothing a match can be, and `re` rejects
    the positions inside words (most positions of a text) on that one check, before it tries a
    guard's trie or the branches.
    """
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        return _boundary_first(parser.parse(source, flags).data, c)
    except (ImportError, AttributeError, ValueError, RecursionError):
        return False


def _boundary_first(data: Any, c: Any) -> bool:
    """Is `\\b` the first thing every branch of the parsed sequence checks?"""
    if not data:
        return False
    op, av = data[0]
    if op is c.AT:
        return bool(av is c.AT_BOUNDARY)
    if op is c.SUBPATTERN:
        return _boundary_first(av[3], c)
    if op is c.BRANCH:
        return all(_boundary_first(alt, c) for alt in av[1])
    return False


def _better(new: set[str], old: set[str] | None) -> bool:
    """Is `new` the more selective set of required strings (longer shortest string, then fewer)?"""
    if old is None:
        return True
    new_min, old_min = min(len(s) for s in new), min(len(s) for s in old)
    return new_min > old_min or (new_min == old_min and len(new) < len(old))


def _must(data: Any, c: Any) -> set[str] | None:
    """Strings one of which every match of the parsed sequence contains, or None when unknown.

    Only consumed text counts: look-arounds, classes and optional parts contribute nothing.
    """
    best: set[str] | None = None
    run: list[str] = []

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found and all(found) and _better(found, best):
            best = found

    for op, av in data:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider({"".join(run)})
            run = []
        if op is c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & re.IGNORECASE:
                consider(_must(sub, c))
        elif op is c.BRANCH:
            alts = [_must(alt, c) for alt in av[1]]
            if all(alt for alt in alts):
                consider(set().union(*(alt for alt in alts if alt)))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            low, _high, sub = av
            if low >= 1:
                consider(_must(sub, c))
        elif op is getattr(c, "ATOMIC_GROUP", None):
            consider(_must(av, c))
    if run:
        consider({"".join(run)})
    return best


def required_words(source: str, flags: int = 0, shortest: int = 3) -> tuple[str, ...]:
    """Strings one of which every match of `source` contains, when each is at least `shortest`
    characters long; () when no such set is known.

    A substring test for them (`str.find` is a fast C scan) rules out most texts before the
    regex engine visits every position of them. Case-sensitive: for lower-case patterns run
    over lower-cased text.
    """
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        parsed = parser.parse(source, flags)
        if parsed.state.flags & re.IGNORECASE:
            return ()
        found = _must(parsed.data, c)
    except (ImportError, AttributeError, ValueError, RecursionError):
        return ()
    if not found or min(len(s) for s in found) < shortest:
        return ()
    # "guid" makes "guidance" redundant: keep only strings that contain no other one.
    return tuple(sorted(s for s in found if not any(o != s and o in s for o in found)))
