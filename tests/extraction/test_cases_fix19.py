"""Held-out set 19's remaining causes (tests/extraction/holdout19/REPORT.md), in general form.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


def metrics(text: str) -> set[str]:
    return {f.metric for f in extract_facts(text)}


# Cause 2: a supplier's orders or order intake over a period are bookings, not an agreement's value.


def test_period_orders_are_no_contract_value() -> None:
    assert "contract_value" not in metrics("Corvane Electric booked orders of $2.05 billion, up 38% on the year.")
    assert "contract_value" not in metrics("Corvane expects first-quarter orders to stay above $1.8 billion.")
    assert "contract_value" not in metrics("Order intake for the half rose to $640 million.")


def test_orders_beside_sales_leave_the_sales() -> None:
    got = values("Orders were $915 million, while net sales were $1.3 billion, up 22% year over year.")
    assert ("revenue", "actual", 1_300_000_000) in got
    assert not any(m == "contract_value" for m, _k, _l in got)


def test_one_order_is_still_an_agreement() -> None:
    assert ("contract_value", "actual", 480_000_000) in values(
        "Pellam Systems won an order worth $480 million from Amazon Web Services."
    )
    assert ("contract_value", "actual", 95_000_000) in values(
        "Pellam received a purchase order valued at $95 million from CoreWeave."
    )
