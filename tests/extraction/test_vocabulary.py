"""Wording the vocabulary must read, and look-alikes it must leave alone.

Company-name share moves ("Brindle Compute fell 9.4%"), metric synonyms ("EBIT margin",
"grow revenue 40%"), shares of revenue that are not customer concentration, and megawatts
that are not data-center capacity. Each rule has its distractors beside it.
"""

from __future__ import annotations

import pytest

from rules.extraction import extract_facts


def moves(text: str) -> list[tuple[float, str | None]]:
    return [(f.low, f.company) for f in extract_facts(text) if f.metric == "stock_move"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tessaract Systems (TSSX US) jumped 12% in New York trading.", [(12.0, "Tessaract Systems")]),
        ("Brindle Compute fell as much as 9.4% on Tuesday.", [(-9.4, "Brindle Compute")]),
        ("Orvane Labs has lost 31% since its listing in March.", [(-31.0, "Orvane Labs")]),
        ("Halloway, the cooling-equipment maker, rose 4.2%.", [(4.2, "Halloway")]),
        ("Elsewhere, Quarrymoor Power slumped 7% after cutting its outlook.", [(-7.0, "Quarrymoor Power")]),
        ("Kestrel Fabric (NASDAQ: KSTF) was down 3.3% at midday.", [(-3.3, "Kestrel Fabric")]),
        ("Rowan Grid closed 6.1% higher on Friday.", [(6.1, "Rowan Grid")]),
        ("Corbel Digital rose 2.5% to $41.20 in early trading.", [(2.5, "Corbel Digital")]),
        (
            "Top movers: Gantry Networks (GNTY US) +8.2%, Sallow Data (SLDA US) -5.5%.",
            [(8.2, "Gantry Networks"), (-5.5, "Sallow Data")],
        ),
        (
            "Peers also fell: Marlow Cloud dropped 3.9% and Ingle Power slid 2.2%.",
            [(-3.9, "Marlow Cloud"), (-2.2, "Ingle Power")],
        ),
    ],
)
def test_company_as_subject_of_a_share_move(text: str, expected: list[tuple[float, str | None]]) -> None:
    # A movers column drops "shares": the company itself rose or fell, and the fact is about it.
    assert moves(text) == expected


def test_single_word_name_known_from_the_document() -> None:
    # "Dunmore" alone at a sentence start could be any noun; the document tags it with a ticker.
    text = "Dunmore Robotics (DNMR US) rose 2.2% on Monday. Dunmore has gained 61% this year."
    assert moves(text) == [(2.2, "Dunmore Robotics"), (61.0, "Dunmore")]


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose 22% in the quarter.",
        "Data Center revenue jumped 40% from a year earlier.",
        "Bookings fell 5% in the quarter.",
        "Backlog climbed 12%.",
        "The Nasdaq rose 1.2% and the S&P 500 gained 0.8%.",
        "Nasdaq fell 2.1% on Tuesday.",
        "The Dow Jones Industrial Average lost 0.4%.",
        "The KOSPI fell 2% and the Nikkei 225 lost 1.1%.",
        "Capex jumped 40% to $2.1 billion.",
        "Utilization rose to 94%.",
        "Shipments rose 30% year over year.",
        "Europe rose 12%, while North America gained 20%.",
        "Revenue from Microsoft rose 40% in the quarter.",
        "Sales to Nvidia jumped 31%.",
        "Revenue by segment: Data Center rose 22%, Gaming fell 5%.",
        "Bitcoin fell 5% on Friday while Gold rose 1%.",
        "Headcount rose 12% to 4,200.",
        "Deliveries dropped 8% sequentially.",
        "Cloud Services rose 18% to $1.2 billion.",
        "Opex climbed 9%.",
        "Prices fell 15% as supply improved.",
        "Microsoft lost 5% of its market share.",
        "Wholesale -3%, retail +5% in the quarter.",
        "Hopper fell 20% as customers moved to newer parts.",
        "In the third quarter, Blackwell rose 30%.",
        "We track total GPU-hours. GPU-hours rose 40%.",
        "We report blended ARPU. ARPU rose 5%.",
        "Lakeshore rose 4% from the prior quarter.",
    ],
)
def test_metric_and_index_moves_are_not_share_moves(text: str) -> None:
    assert moves(text) == []
