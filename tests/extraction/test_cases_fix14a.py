"""AI-infrastructure wording, slide fragments and call-wide attributes (held-out set 14's causes,
in general form).

- GPU model names ("H100", "H200", "H20") are no half-years: they give no period, and no year to a
  year-less quarter elsewhere in the text.
- "2025 rev" (the abbreviation) dates its figure like "2025 revenue".

All companies and figures are invented.
"""

from __future__ import annotations

from rules.extraction import extract_facts


def periods(text: str) -> set[tuple[str, str, float, str | None]]:
    return {(f.metric, f.kind, f.low, f.period) for f in extract_facts(text)}


def values(text: str) -> set[tuple[str, str, float]]:
    return {(f.metric, f.kind, f.low) for f in extract_facts(text)}


# --- GPU names are no periods ---------------------------------------------------------------------


def test_gpu_names_give_no_year() -> None:
    for gpu in ("H100", "H200", "H20", "H100s", "B200", "GB300", "MI300X"):
        text = f"Tarnwell leases {gpu} clusters to labs. In Q3, revenue was $61M."
        assert periods(text) == {("revenue", "actual", 61_000_000, None)}, gpu
    text = "Pellow Compute runs 40,000 H200 GPUs.\nRevenue for the third quarter was $88.0 million."
    assert periods(text) == {("revenue", "actual", 88_000_000, None)}


def test_half_years_still_read() -> None:
    assert periods("H1 2026 revenue was $140M.") == {("revenue", "actual", 140_000_000, "2026-H1")}
    assert periods("1H26 revenue was $140M.") == {("revenue", "actual", 140_000_000, "2026-H1")}
    assert periods("Revenue in H2'26 was $150M.") == {("revenue", "actual", 150_000_000, "2026-H2")}
    assert periods("Fiscal 2026 opened well. H2 revenue was $150M.") == {
        ("revenue", "actual", 150_000_000, "2026-H2")
    }


def test_rev_abbreviation_after_year() -> None:
    assert periods("Dunmore Grid 2025 rev $212M, +41% y/y") == {
        ("revenue", "actual", 212_000_000, "2025-FY"),
        ("revenue_growth", "actual", 41, "2025-FY"),
    }
    # A year before another word is no period of it.
    assert periods("Dunmore Grid rev $212M in the quarter") == {("revenue", "actual", 212_000_000, None)}
