"""Value semantics for the extractor's small records.

The records (`Atom`, `Quantity`, `Cue`, ...) are plain classes with hand-written `__init__`s:
mypyc runs a dataclass's generated `__init__` in the interpreter, twenty times slower to build.
They still compare, hash and print by their fields, as the frozen dataclasses they replaced did;
each names its fields once, in `_key`.
"""

from __future__ import annotations


class Record:
    __slots__ = ()

    def _key(self) -> tuple[object, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._key()!r}"
