"""A small, honest fake extractor and builders for facts and documents.

The real extractor is written elsewhere; scenario tests need exact facts, so a
test document carries its facts as a JSON block between ``<facts>`` and
``</facts>``, and `json_block_extractor` reads them back. Nothing else in the
text is looked at, which keeps each scenario's input explicit.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from rules.documents import Document
from rules.facts import METRIC_UNITS, Fact

_BLOCK = re.compile(r"<facts>(.*?)</facts>", re.DOTALL)


def fact(
    metric: str,
    value: float,
    *,
    kind: str = "actual",
    low: float | None = None,
    high: float | None = None,
    evidence: str | None = None,
    **fields: Any,
) -> Fact:
    """A fact with unit and range filled in: `fact("gross_margin", 37, low=36, high=38)`."""
    low = value if low is None else low
    high = value if high is None else high
    return Fact.model_validate(
        {
            "metric": metric,
            "kind": kind,
            "value": value,
            "low": low,
            "high": high,
            "unit": METRIC_UNITS[metric],
            "evidence": evidence or f"The {metric.replace('_', ' ')} was {value}.",
            "start": 0,
            "end": 10,
            **fields,
        }
    )


def doc(
    title: str, *facts: Fact, body: str = "", guid: str | None = None, published: datetime | None = None
) -> Document:
    """A document whose text ends with its facts as a JSON block."""
    block = json.dumps([f.to_json() for f in facts])
    return Document(
        title=title,
        text=f"{body or title}\n\n<facts>{block}</facts>\n",
        guid=guid,
        url=f"https://ir.example.test/{guid}" if guid else None,
        published=published,
    )


def json_block_extractor(text: str) -> list[Fact]:
    """Facts from the document's ``<facts>`` JSON block (none when there is no block)."""
    found = _BLOCK.search(text)
    if found is None:
        return []
    return [Fact.model_validate(item) for item in json.loads(found.group(1))]


def at(day: int) -> datetime:
    return datetime(2026, 3, day, 12, 0, tzinfo=UTC)
