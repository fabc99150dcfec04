"""The fact record: one typed, normalised number read out of a disclosure.

The JSON shape of `Fact.to_json()` is a public contract (`watcher extract --json`),
so field names and literal values here must not drift.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Metric = Literal[
    "revenue",
    "revenue_growth",
    "gross_margin",
    "operating_margin",
    "capacity_contracted",
    "capacity_deployed",
    "customer_concentration",
    "contract_value",
    "financing",
    "backlog",
    "stock_move",
]
FactKind = Literal["actual", "guidance"]
Unit = Literal["percent", "usd", "mw"]
Bound = Literal["exact", "at_least", "at_most", "approx"]
Basis = Literal["gaap", "non_gaap"]
Instrument = Literal["loan", "credit_facility", "notes", "convertible", "equity", "ipo", "warrants", "other"]

METRICS: tuple[str, ...] = Metric.__args__  # type: ignore[attr-defined]

#: The unit is fixed by the metric, so it is looked up rather than guessed.
METRIC_UNITS: dict[str, Unit] = {
    "revenue": "usd",
    "revenue_growth": "percent",
    "gross_margin": "percent",
    "operating_margin": "percent",
    "capacity_contracted": "mw",
    "capacity_deployed": "mw",
    "customer_concentration": "percent",
    "contract_value": "usd",
    "financing": "usd",
    "backlog": "usd",
    "stock_move": "percent",
}


class Fact(BaseModel):
    """One number with its meaning and the sentence it came from.

    Frozen so a fact can be passed between stages (and hashed for dedup)
    without any stage changing it behind another's back.
    """

    model_config = ConfigDict(frozen=True)

    metric: Metric
    kind: FactKind
    value: float
    low: float
    high: float
    unit: Unit
    bound: Bound = "exact"
    basis: Basis | None = None
    period: str | None = None
    company: str | None = None
    counterparty: str | None = None
    instrument: Instrument | None = None
    evidence: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """The `facts.md` JSON object; integral floats print as integers."""
        data = self.model_dump()
        for key in ("value", "low", "high"):
            number = data[key]
            if isinstance(number, float) and number.is_integer() and abs(number) < 2**53:
                data[key] = int(number)
        return data

    def dedup_key(self) -> tuple[str, str, float, float, str | None, str | None]:
        """Two facts with this key say the same thing, whichever sentence said it."""
        return (self.metric, self.kind, round(self.low, 4), round(self.high, 4), self.period, self.basis)
