"""Company attribution: who a news story, a fact or a counterparty is about."""

from __future__ import annotations

import pytest

from rules.attribution import CompanyRef, attribute_story, fact_belongs_to, mentions, opening, same_party
from tests.rules.fakes import fact

META = CompanyRef(ticker="META", name="Meta Platforms", aliases=("Meta",))
ORRY = CompanyRef(ticker="ORRY", name="Orrery Compute", aliases=("Orrery",))
IT = CompanyRef(ticker="IT", name="Gartner")


@pytest.mark.parametrize(
    ("title", "fires"),
    [
        ("Meta signs a power deal", True),
        ("META SIGNS A POWER DEAL", True),
        ("Meta's new campus", True),
        ("Deal with Meta.", True),
        ("New metadata standard", False),
        ("meta-analysis of power deals", False),
        ("Metaverse spending slows", False),
        ("Shares of $META rose", True),
        ("Meta Platforms, Inc. (NASDAQ: META) reports", True),
    ],
)
def test_names_match_on_word_boundaries_with_case_rules(title: str, fires: bool) -> None:
    assert mentions(META, title, "") is fires


def test_tickers_are_case_sensitive_and_short_ones_need_a_marker() -> None:
    assert mentions(ORRY, "ORRY jumps", "")
    assert not mentions(ORRY, "orry jumps", "")
    assert not mentions(IT, "IT spending rises", "")
    assert mentions(IT, "Analysts on $IT", "")
    assert mentions(IT, "Research firm (NYSE: IT) beats", "")


def test_only_the_title_and_opening_count() -> None:
    body = (
        "Orrery Compute said today it signed a lease." + "\n\n" + "x " * 400 + "\n\nMeta was also mentioned."
    )
    assert attribute_story([META, ORRY], "Lease news", body) == [ORRY]


def test_opening_takes_whole_paragraphs_until_long_enough() -> None:
    text = "NEW YORK (Wire) -\n\nKestrel Silicon raised money." + "\n\n" + "y" * 2000
    assert "Kestrel Silicon" in opening(text)
    assert len(opening(text)) <= 1500


def test_names_split_over_lines_still_match() -> None:
    assert mentions(ORRY, "News", "Shares of Orrery\nCompute rose.")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("OpenAI", "OpenAI, Inc.", True),
        ("openai", "OPENAI", True),
        ("G42", "G42 Group", True),
        ("The Lumenfold Company", "Lumenfold", True),
        ("AI", "OpenAI", False),
        ("Meta", "Metaverse Labs", False),
        ("", "x", False),
        ("Inc.", "Inc.", False),
    ],
)
def test_same_party(a: str, b: str, same: bool) -> None:
    assert same_party(a, b) is same
    assert same_party(b, a) is same


def test_a_fact_about_another_firm_is_not_the_company_s() -> None:
    assert fact_belongs_to(fact("revenue", 1), ORRY)
    assert fact_belongs_to(fact("revenue", 1, company="Orrery"), ORRY)
    assert fact_belongs_to(fact("revenue", 1, company="ORRY"), ORRY)
    assert fact_belongs_to(fact("revenue", 1, company="Orrery Compute Inc."), ORRY)
    assert not fact_belongs_to(fact("revenue", 1, company="Kestrel Silicon"), ORRY)
