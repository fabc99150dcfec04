"""The watch-list schema: validation errors that name the field, and the data round trip."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.watchlist import (
    INSTRUMENTS,
    OPS,
    SEVERITIES,
    WatchList,
    WatchlistError,
    format_interval,
    parse_interval,
    parse_rule,
    parse_watchlist,
)
from state.watchlist import WatchlistFileError, dump_watchlist_text, load_watchlist_text


def error_of(data: Any) -> str:
    with pytest.raises(WatchlistError) as caught:
        parse_watchlist(data)
    return str(caught.value)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (
            {"kind": "threshold", "metric": "ebitda", "op": "<", "value": 1},
            "rules[0] (r).metric: unknown metric 'ebitda'",
        ),
        (
            {"kind": "threshold", "metric": "revenue", "op": "=<", "value": 1},
            "rules[0] (r).op: unknown operator '=<'",
        ),
        ({"kind": "threshold", "metric": "revenue", "op": "<"}, "rules[0] (r).value: missing"),
        (
            {"kind": "capacity_gap", "max_ratio": -0.5},
            "rules[0] (r).max_ratio: Input should be greater than 0",
        ),
        (
            {"kind": "guidance_cut", "min_points": -1},
            "rules[0] (r).min_points: Input should be greater than or equal to 0",
        ),
        ({"kind": "keyword", "pattern": "(unclosed"}, "rules[0] (r).pattern: invalid regular expression"),
        ({"kind": "keyword", "pattern": "x*"}, "rules[0] (r).pattern: the pattern matches the empty string"),
        (
            {"kind": "financing", "instruments": ["bond"]},
            "rules[0] (r).instruments: unknown instrument 'bond'",
        ),
        ({"kind": "sometimes"}, "rules[0] (r).kind: unknown rule kind 'sometimes'"),
        ({"metric": "revenue"}, "rules[0] (r).kind: missing"),
        ({"kind": "keyword", "pattern": "x", "colour": "red"}, "rules[0] (r).colour: unknown field"),
        ({"kind": "keyword", "pattern": "x", "severity": "urgent"}, "rules[0] (r).severity: Input should be"),
        (
            {"kind": "keyword", "pattern": "x", "notify": ["pager:1"]},
            "rules[0] (r).notify: 'pager:1' is not a channel",
        ),
    ],
)
def test_rule_errors_name_the_field(rule: dict[str, Any], expected: str) -> None:
    assert expected in error_of({"rules": [{"name": "r", **rule}]})


def test_file_level_errors() -> None:
    assert "ticker 'A' appears more than once" in error_of(
        {"companies": [{"ticker": "A", "name": "a"}, {"ticker": "A", "name": "b"}]}
    )
    assert "name 'r' appears more than once" in error_of(
        {
            "rules": [
                {"name": "r", "kind": "keyword", "pattern": "a"},
                {"name": "r", "kind": "keyword", "pattern": "b"},
            ]
        }
    )
    assert "companies[0] (A).feeds[0].interval: 'soon' is not a duration" in error_of(
        {
            "companies": [
                {"ticker": "A", "name": "a", "feeds": [{"url": "https://x.test/rss", "interval": "soon"}]}
            ]
        }
    )
    assert "companies[0] (A).name: missing" in error_of({"companies": [{"ticker": "A"}]})
    assert "top level must be a mapping" in error_of(["a"])


def test_yaml_errors_name_the_file_and_line() -> None:
    with pytest.raises(WatchlistFileError, match=r"^w\.yaml: line \d+, column \d+: invalid YAML"):
        load_watchlist_text("rules:\n  - name: [unclosed\n", filename="w.yaml")
    with pytest.raises(WatchlistFileError, match=r"^w\.yaml: rules\[0\] \(r\)\.op: unknown operator"):
        load_watchlist_text(
            "rules:\n  - {name: r, kind: threshold, metric: revenue, op: '!', value: 1}\n", filename="w.yaml"
        )
    assert load_watchlist_text("", filename="empty.yaml") == WatchList()


def test_defaults_fill_in() -> None:
    rule = parse_rule({"name": "c", "kind": "guidance_cut"})
    assert rule.model_dump() == {
        "name": "c",
        "tickers": None,
        "severity": "warning",
        "notify": None,
        "enabled": True,
        "kind": "guidance_cut",
        "metric": "gross_margin",
        "min_points": 0,
    }


@pytest.mark.parametrize(
    ("text", "seconds"), [("90s", 90), ("10m", 600), ("1h30m", 5400), ("2d", 172800), (45, 45)]
)
def test_intervals(text: Any, seconds: int) -> None:
    assert parse_interval(text) == seconds
    assert parse_interval(format_interval(seconds)) == seconds


# ---------------------------------------------------------------- round trip (hypothesis)

_names = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)
_tickers = st.from_regex(r"[A-Z][A-Z0-9.]{0,5}", fullmatch=True)
_numbers = st.one_of(
    st.integers(-(10**12), 10**12), st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: round(x, 3))
)
_positive = st.one_of(st.integers(0, 10**12), st.floats(0, 1e6, allow_nan=False).map(lambda x: round(x, 3)))


def _common(draw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"severity": draw(st.sampled_from(SEVERITIES)), "enabled": draw(st.booleans())}
    if draw(st.booleans()):
        data["tickers"] = draw(st.lists(_tickers, min_size=1, max_size=3, unique=True))
    if draw(st.booleans()):
        data["notify"] = draw(
            st.lists(
                st.sampled_from(["console", "slack:#a", "slack:webhook", "email:a@b.test"]),
                min_size=1,
                max_size=3,
                unique=True,
            )
        )
    return data


@st.composite
def _rule(draw: Any, name: str) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(
            [
                "threshold",
                "guidance_cut",
                "guidance_miss",
                "capacity_gap",
                "customer_concentration",
                "financing",
                "keyword",
            ]
        )
    )
    data: dict[str, Any] = {"name": name, "kind": kind, **_common(draw)}
    if kind == "threshold":
        data |= {
            "metric": draw(st.sampled_from(["revenue", "gross_margin", "stock_move"])),
            "op": draw(st.sampled_from(OPS)),
            "value": draw(_numbers),
            "fact_kind": draw(st.sampled_from(["actual", "guidance", "any"])),
        }
    elif kind in ("guidance_cut", "guidance_miss"):
        data |= {"min_points": draw(_positive)}
    elif kind == "capacity_gap":
        data |= {
            "max_ratio": draw(st.floats(0.01, 5).map(lambda x: round(x, 3))),
            "min_contracted_mw": draw(_positive),
        }
    elif kind == "customer_concentration":
        data |= {"min_percent": draw(st.integers(0, 100))}
        if draw(st.booleans()):
            data["customers"] = draw(st.lists(_names, min_size=1, max_size=3, unique=True))
    elif kind == "financing":
        data |= {"min_usd": draw(_positive), "customer_counterparty": draw(st.booleans())}
        if draw(st.booleans()):
            data["instruments"] = draw(
                st.lists(st.sampled_from(INSTRUMENTS), min_size=1, max_size=3, unique=True)
            )
    else:
        data |= {
            "pattern": draw(
                st.sampled_from([r"going\s+concern", "restat(e|ement)", "[A-Z]{3} halts", "ünïcode"])
            )
        }
    return data


@st.composite
def watchlists(draw: Any) -> dict[str, Any]:
    tickers = draw(st.lists(_tickers, max_size=4, unique=True))
    urls = iter(f"https://feeds.example.test/{i}.rss" for i in range(100))
    companies = [
        {
            "ticker": ticker,
            "name": draw(_names),
            "aliases": draw(st.lists(_names, max_size=2, unique=True)),
            "customers": draw(st.lists(_names, max_size=2, unique=True)),
            "feeds": [
                {
                    "url": next(urls),
                    **({"interval": draw(st.integers(1, 10**6))} if draw(st.booleans()) else {}),
                }
                for _ in range(draw(st.integers(0, 2)))
            ],
        }
        for ticker in tickers
    ]
    rule_names = draw(st.lists(_names, max_size=5, unique=True))
    data: dict[str, Any] = {"companies": companies, "rules": [draw(_rule(n)) for n in rule_names]}
    if draw(st.booleans()):
        data["feeds"] = [{"url": next(urls)}]
    return data


@settings(max_examples=150, deadline=None)
@given(watchlists())
def test_yaml_round_trip(data: dict[str, Any]) -> None:
    parsed = parse_watchlist(data)
    text = dump_watchlist_text(parsed)
    again = load_watchlist_text(text)
    assert again == parsed
    assert dump_watchlist_text(again) == text
