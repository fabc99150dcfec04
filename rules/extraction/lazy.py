"""Patterns compiled on first use.

Compiling a pattern costs about a millisecond per kilobyte of source, paid by every
`watcher extract` process at import. The patterns of rare readers (a share move named by
its company, a non-customer share of revenue, a MW figure on the grid's side) run only
after a cheap screen has passed, on a few sentences of a few documents, so they are
compiled the first time one is needed and kept.
"""

from __future__ import annotations

import re


class OnFirstUse:
    """A pattern's source and flags; `compiled` builds it once, on first use."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        found = self._compiled
        if found is None:
            found = self._compiled = re.compile(self.source, self.flags)
        return found
