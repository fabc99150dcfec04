"""Text in, facts out (see `spec/facts.md`). Pure: no I/O.

Placeholder until the extractor lands (issue 3): finds nothing.
"""

from __future__ import annotations

from rules.facts import Fact


def extract_facts(text: str) -> list[Fact]:
    """Every fact the text states, in order of appearance."""
    return []
