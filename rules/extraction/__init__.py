"""Text in, facts out (see `spec/facts.md`). Pure: no I/O.

The pieces: `numbers` (money, percent and power quantities, ranges, bounds),
`sentences` (sentences, headings and table rows with offsets), `periods`
(fiscal periods and their context), `metrics` (which metric a number belongs
to), `counterparties` (company and other party), and `extractor`, which walks
a document with them.
"""

from __future__ import annotations

from rules.extraction.extractor import extract_facts as _extract
from rules.facts import Fact


def extract_facts(text: str) -> list[Fact]:
    """Every fact the text states, in order of appearance."""
    return _extract(text)
