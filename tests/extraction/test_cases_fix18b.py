"""Held-out set 18's remaining causes, in general form (tests/extraction/holdout18/REPORT.md).

- A table whose rows are tenants, customers or leases, with the capacity in a bare "MW" column:
  each row is capacity contracted with that counterparty; its total row is the company's own.

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def read(text: str) -> set[tuple[str, str, float, str | None, str | None]]:
    return {(f.metric, f.kind, f.low, f.period, f.counterparty) for f in extract_facts(text)}


# --- Cause 3: a lease table's bare MW column ------------------------------------------------------

SPACED_LEASES = """Leasing summary, second quarter 2027

Customer                 Site         MW      Term (yrs)   Annual rent
Pelican Labs             Reno         40.0    10           $61,200
Northgate AI             Quincy       18.5    7            $25,900
Others (5 leases)        Various       6.0    3.1 (avg)    $9,100
Total                                 64.5                 $96,200
"""


def test_spaced_tenant_rows_are_contracted_capacity_with_the_tenant() -> None:
    got = read(SPACED_LEASES)
    assert ("capacity_contracted", "actual", 40.0, "2027-Q2", "Pelican Labs") in got
    assert ("capacity_contracted", "actual", 18.5, "2027-Q2", "Northgate AI") in got


def test_spaced_total_row_is_the_companys_own_without_counterparty() -> None:
    got = read(SPACED_LEASES)
    assert ("capacity_contracted", "actual", 64.5, "2027-Q2", None) in got


def test_group_row_and_rent_and_term_cells_give_nothing() -> None:
    lows = {low for _m, _k, low, _p, _c in read(SPACED_LEASES)}
    assert 6.0 not in lows  # "Others (5 leases)": no one's, and not the company's total
    assert not lows & {10.0, 7.0, 3.1, 61200.0, 25900.0, 96200.0}


def test_markdown_lessee_table_with_total() -> None:
    text = (
        "Leases signed in 4Q26:\n\n| Lessee | Capacity (MW) | Term |\n|---|---|---|\n"
        "| Rook Robotics | 12.0 | 8 |\n| Vantor Cloud | 30.0 | 12 |\n| Total | 42.0 | 11 |\n"
    )
    got = read(text)
    assert ("capacity_contracted", "actual", 12.0, "2026-Q4", "Rook Robotics") in got
    assert ("capacity_contracted", "actual", 30.0, "2026-Q4", "Vantor Cloud") in got
    assert ("capacity_contracted", "actual", 42.0, "2026-Q4", None) in got


def test_bare_mw_column_of_a_table_of_companies_gives_nothing() -> None:
    """A table of companies (peers) with a bare MW column says nothing of the issuer's capacity."""
    text = (
        "Peer comparison, second quarter 2027\n\n"
        "Company                  Market       MW      Employees\n"
        "Pelican Labs             Reno         40.0    120\n"
        "Northgate AI             Quincy       18.5    80\n"
        "Total                                 58.5    200\n"
    )
    assert not read(text)


def test_energized_column_of_a_tenant_table_stays_deployed() -> None:
    text = (
        "Tenants, 2Q27\n\n"
        "Tenant                   Energized MW   Rent ($/kW-mo)\n"
        "Pelican Labs             30.0           145\n"
    )
    got = read(text)
    assert {m for m, *_ in got} == {"capacity_deployed"}
