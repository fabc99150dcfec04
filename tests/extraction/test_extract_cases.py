"""Tricky sentences one by one: metric, kind, period, basis, parties, bounds, and what is not a fact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rules.extraction import extract_facts
from rules.facts import Fact


def facts(text: str) -> list[tuple[str, str, float, float]]:
    return [(f.metric, f.kind, f.low, f.high) for f in extract_facts(text)]


def only(text: str) -> Fact:
    found = extract_facts(text)
    assert len(found) == 1, [(f.metric, f.kind, f.low) for f in found]
    return found[0]


def test_gross_vs_operating_margin() -> None:
    got = facts("GAAP gross margin was 41.2%. Non-GAAP operating margin was 9.7%.")
    assert ("gross_margin", "actual", 41.2, 41.2) in got
    assert ("operating_margin", "actual", 9.7, 9.7) in got


def test_respectively_basis() -> None:
    found = extract_facts("GAAP and non-GAAP gross margins were 61.0% and 64.2%, respectively.")
    assert {(f.low, f.basis) for f in found} >= {(64.2, "non_gaap")}


def test_contracted_vs_deployed_capacity() -> None:
    found = extract_facts(
        "We ended the quarter with 310 megawatts of active capacity, "
        "against contracted capacity of roughly 1.26 gigawatts."
    )
    assert {(f.metric, f.low, f.bound) for f in found} == {
        ("capacity_deployed", 310, "exact"),
        ("capacity_contracted", 1260, "approx"),
    }


def test_capacity_reaching_commercial_operation_is_deployed() -> None:
    # Commercial operation, energised, online, placed in service: the megawatts are running.
    for sentence in (
        "The Mesa Verde campus reached commercial operation in May, adding 180 MW.",
        "Mesa Verde reached commercial operation, adding 180 MW under its lease with Microsoft.",
        "The 180 MW Mesa Verde campus was placed in service during the quarter.",
        "Building 3 was brought online in June, adding 180 MW of capacity.",
    ):
        found = [(f.metric, f.low) for f in extract_facts(sentence)]
        assert found == [("capacity_deployed", 180.0)], sentence
    f = only("Mesa Verde signed a lease for 180 MW that reaches commercial operation next year.")
    assert f.metric == "capacity_contracted"


def test_leased_capacity_has_its_lessee() -> None:
    f = only("The campus is 420MW and is fully leased to Microsoft under a 15-year agreement.")
    assert (f.metric, f.counterparty) == ("capacity_contracted", "Microsoft")


def test_revenue_vs_contract_value_vs_backlog() -> None:
    got = {
        (f.metric, f.low)
        for f in extract_facts(
            "Revenue was $412.6 million. The agreement is valued at more than $4.6 billion. "
            "Remaining performance obligations were $6.84 billion."
        )
    }
    assert got == {("revenue", 412.6e6), ("contract_value", 4.6e9), ("backlog", 6.84e9)}


def test_financing_instruments_and_lenders() -> None:
    cases = {
        "Closed a $1.75 billion term loan from lenders led by Stellmoor Capital.": (
            "loan",
            "Stellmoor Capital",
        ),
        "It entered into a $400 million revolving credit facility with Harwick Bank.": (
            "credit_facility",
            "Harwick Bank",
        ),
        "In May we closed $1.5 billion of 2.25% convertible senior notes due 2032.": ("convertible", None),
        "The company raised $480 million through a placing of new ordinary shares.": ("equity", None),
        "Quillon raised $1.1 billion in its initial public offering.": ("ipo", None),
    }
    for text, (instrument, lender) in cases.items():
        f = only(text)
        assert (f.metric, f.instrument, f.counterparty) == ("financing", instrument, lender), text


def test_customer_lends_to_company() -> None:
    f = only("OpenAI lent Cerebras $1 billion in working capital.")
    assert (f.metric, f.counterparty, f.instrument) == ("financing", "OpenAI", "loan")


def test_customer_share_of_revenue() -> None:
    found = extract_facts("Microsoft accounted for 62% of revenue, and our two largest customers were 79%.")
    assert {(f.metric, f.low, f.counterparty) for f in found} == {
        ("customer_concentration", 62, "Microsoft"),
        ("customer_concentration", 79, None),
    }


def test_share_of_something_else_is_not_concentration() -> None:
    assert facts("Nvidia accounted for 28% of its hardware purchases.") == []


def test_stock_moves_are_signed_and_index_moves_ignored() -> None:
    got = facts(
        "Quillon AI shares fell 9.6% in extended trading, while a broad index of chip stocks slipped 0.4%."
    )
    assert got == [("stock_move", "actual", -9.6, -9.6)]


def test_guidance_vs_actual_in_one_sentence() -> None:
    text = (
        "The company guided second-quarter core gross margin to 38% to 40%, "
        "down from 49.3% in the first quarter of 2026."
    )
    found = {(f.kind, f.low, f.high, f.period, f.basis) for f in extract_facts(text)}
    assert ("guidance", 38, 40, "2026-Q2", "non_gaap") in found
    assert ("actual", 49.3, 49.3, "2026-Q1", "non_gaap") in found


def test_outlook_section_is_guidance_with_carried_period() -> None:
    text = (
        "Outlook\n\nThe company is providing the following guidance "
        "for the fourth quarter of fiscal 2026:\n\n"
        "* Revenue between $455 million and $470 million.\n"
    )
    f = only(text)
    assert (f.metric, f.kind, f.period, f.low, f.high) == ("revenue", "guidance", "2026-Q4", 455e6, 470e6)


def test_period_forms() -> None:
    cases = {
        "Q1 fiscal 2026 revenue was $10 million.": "2026-Q1",
        "Revenue for the period ended 31 March 2026 was $10 million.": "2026-Q1",
        "For the year ended December 31, 2025, revenue was $10 million.": "2025-FY",
        "Revenue for the six months ended June 30, 2026 was $10 million.": "2026-H1",
        "Full-year 2026 revenue was $10 million.": "2026-FY",
        "Revenue in the second half of 2026 was $10 million.": "2026-H2",
        "3Q26 revenue was $10 million.": "2026-Q3",
    }
    for text, period in cases.items():
        assert only(text).period == period, text


def test_period_carried_from_an_earlier_sentence() -> None:
    text = "Acme Corp. reported results for the first quarter of 2026. Microsoft represented 71% of revenue."
    assert only(text).period == "2026-Q1"


def test_sequential_growth_is_not_revenue_growth() -> None:
    got = facts("Revenue was $288.4 million, up 64% year over year and up 21% sequentially.")
    assert ("revenue_growth", "actual", 64, 64) in got
    assert all(low != 21 for _m, _k, low, _h in got)


def test_analyst_numbers_are_not_the_company() -> None:
    assert (
        facts("Analysts expect revenue of $1.21 billion, and consensus calls for gross margin of 47.5%.")
        == []
    )
    assert facts("Oyelaran now models full-year core gross margin of about 41%.") == []


def test_distractor_numbers_give_nothing() -> None:
    text = (
        "The chip is 3x faster and uses 40% less power; a rack draws 14 kW. "
        "We employ 750 people in 47 countries "
        "through 2028. Diluted EPS was $0.41 and net income was $12 million. The S&P 500 rose 1.1%. "
        "Capital expenditures were approximately $3.2 billion. The board approved a $2 billion buyback. "
        "Gross margin will be in the high-30s. Interconnection requests total 2.4 GW."
    )
    assert facts(text) == []


def test_questions_are_not_facts() -> None:
    assert facts("Of the 560 megawatts you expect by year-end, how much is energized today?") == []


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("Revenu gross margin $%.,0123456789 MW GW billion million Q1 2026\n-()")
        ),
        max_size=300,
    )
)
def test_extract_never_raises_and_offsets_hold(text: str) -> None:
    for f in extract_facts(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end].strip() == f.evidence
        assert f.low <= f.high


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_extract_never_raises_on_any_text(text: str) -> None:
    for f in extract_facts(text):
        assert text[f.start : f.end].strip() == f.evidence
