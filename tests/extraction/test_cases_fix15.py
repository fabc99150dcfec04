"""Held-out set 15's causes, in general form.

- A power figure set against another ("against", "versus", "compared with") keeps the status word
  written after it ("against 1.6 GW under contract").

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


# --- A capacity figure contrasted with another keeps its own status ------------------------------


def test_contrasted_capacity_keeps_its_own_status() -> None:
    for tail in (
        "against 2.3 GW under contract",
        "versus 2.3 GW contracted",
        "compared with 2.3 GW under contract",
        "against 2.3 GW of contracted capacity",
        "vs. 2.3 GW leased",
    ):
        text = f"Quillmark ended June with about 510 MW of operational capacity, {tail}."
        assert values(text) == {
            ("capacity_deployed", "actual", 510),
            ("capacity_contracted", "actual", 2300),
        }, tail
    # The other way round: contracted first, energized after the contrast.
    text = "Brisant Compute had 780 MW under signed leases, against 260 MW energized."
    assert values(text) == {("capacity_contracted", "actual", 780), ("capacity_deployed", "actual", 260)}


def test_compared_capacity_without_its_own_status_is_the_earlier_value() -> None:
    # No status word after the compared figure: the earlier value of the same measure.
    text = "Brisant Compute had 780 MW under signed leases, compared with 610 MW a year ago."
    assert values(text) == {("capacity_contracted", "actual", 780), ("capacity_contracted", "actual", 610)}
    text = "Brisant Compute had 780 MW under signed leases, versus 610 MW contracted a year earlier."
    assert values(text) == {("capacity_contracted", "actual", 780), ("capacity_contracted", "actual", 610)}
    # Two stated figures, two compared ones with their own words: each answers its own.
    text = (
        "Ostrel had 212 MW in operation and 905 MW under lease, compared with 150 MW in operation "
        "and 640 MW under lease a year earlier."
    )
    assert {(f.metric, f.low) for f in extract_facts(text)} == {
        ("capacity_deployed", 212),
        ("capacity_contracted", 905),
        ("capacity_deployed", 150),
        ("capacity_contracted", 640),
    }
