"""`watcher rules ...`: manage watch-list rules and dry-run one against a document."""

from __future__ import annotations

from typing import Annotated, Any

import typer
import yaml
from sqlmodel import Session, col, select

from rules.attribution import CompanyRef, attribute_story, fact_belongs_to
from rules.evaluate import DisclosureView, History, evaluate
from rules.watchlist import RULE_KINDS, RULE_MODELS, Rule, WatchlistError, dump_rule, parse_rule
from state.db import session_scope
from state.history import company_ref, load_history
from state.models import Company
from state.rules import (
    RuleExists,
    RuleNotFound,
    add_rule,
    list_rows,
    remove_rule,
    require_row,
    set_enabled,
    to_rule_or_none,
)
from watcher.cli.common import app_context, console, fail, print_json, print_table
from watcher.sources import read_source

app = typer.Typer(help="Manage watch-list rules (see spec/watchlist.md for the kinds).", no_args_is_help=True)


#: CLI option name -> rule field, for the error message when an option does not fit a kind.
_OPTION_OF = {
    "metric": "--metric",
    "fact_kind": "--fact-kind",
    "op": "--op",
    "value": "--value",
    "min_points": "--min-points",
    "max_ratio": "--max-ratio",
    "min_contracted_mw": "--min-contracted-mw",
    "min_percent": "--min-percent",
    "customers": "--customer",
    "min_usd": "--min-usd",
    "instruments": "--instrument",
    "customer_counterparty": "--customer-counterparty",
    "pattern": "--pattern",
    "tickers": "--ticker",
    "notify": "--notify",
}


@app.command("add")
def add_command(
    kind: Annotated[str, typer.Argument(help=f"Rule kind: {', '.join(RULE_KINDS)}.")],
    name: Annotated[str, typer.Option("--name", help="Unique rule name.")],
    metric: Annotated[str | None, typer.Option(help="Fact metric (threshold, guidance_*).")] = None,
    fact_kind: Annotated[str | None, typer.Option(help="threshold: actual, guidance or any.")] = None,
    op: Annotated[str | None, typer.Option(help="threshold: <, <=, > or >=.")] = None,
    value: Annotated[float | None, typer.Option(help="threshold: the number compared with.")] = None,
    min_points: Annotated[float | None, typer.Option(help="guidance_cut / guidance_miss: points.")] = None,
    max_ratio: Annotated[float | None, typer.Option(help="capacity_gap: deployed/contracted limit.")] = None,
    min_contracted_mw: Annotated[float | None, typer.Option(help="capacity_gap: minimum MW.")] = None,
    min_percent: Annotated[float | None, typer.Option(help="customer_concentration: percent.")] = None,
    customer: Annotated[
        list[str] | None, typer.Option(help="customer_concentration: only these customers (repeat).")
    ] = None,
    min_usd: Annotated[float | None, typer.Option(help="financing: minimum amount in USD.")] = None,
    instrument: Annotated[list[str] | None, typer.Option(help="financing: instruments (repeat).")] = None,
    customer_counterparty: Annotated[
        bool, typer.Option("--customer-counterparty", help="financing: only from a known customer.")
    ] = False,
    pattern: Annotated[str | None, typer.Option(help="keyword: regular expression.")] = None,
    ticker: Annotated[list[str] | None, typer.Option(help="Only these companies (repeat).")] = None,
    severity: Annotated[str, typer.Option(help="info, warning or critical.")] = "warning",
    notify: Annotated[list[str] | None, typer.Option(help="Channel target (repeat).")] = None,
    disabled: Annotated[bool, typer.Option("--disabled", help="Create the rule disabled.")] = False,
) -> None:
    """Add a rule; the options are the parameters of its kind."""
    given: dict[str, Any] = {
        "metric": metric,
        "fact_kind": fact_kind,
        "op": op,
        "value": value,
        "min_points": min_points,
        "max_ratio": max_ratio,
        "min_contracted_mw": min_contracted_mw,
        "min_percent": min_percent,
        "customers": customer or None,
        "min_usd": min_usd,
        "instruments": instrument or None,
        "customer_counterparty": customer_counterparty or None,
        "pattern": pattern,
        "tickers": ticker or None,
        "notify": notify or None,
    }
    data = {key: val for key, val in given.items() if val is not None}
    rule = build_rule(kind, name, data, severity=severity, enabled=not disabled)
    with app_context() as ctx, session_scope(ctx.engine) as session:
        try:
            add_rule(session, rule, now=ctx.clock())
        except RuleExists as exc:
            fail(str(exc))
    console.print(f"added {rule.kind} rule {rule.name!r}", markup=False, highlight=False)


def build_rule(kind: str, name: str, data: dict[str, Any], *, severity: str, enabled: bool) -> Rule:
    """Validate CLI options as a rule; an option the kind has no use for is named in the error."""
    model = RULE_MODELS.get(kind)
    if model is None:
        fail(f"unknown rule kind {kind!r}; one of: {', '.join(RULE_KINDS)}")
    for key in data:
        if key not in model.model_fields:
            fail(f"{_OPTION_OF.get(key, key)} does not apply to a {kind} rule")
    try:
        return parse_rule({**data, "name": name, "kind": kind, "severity": severity, "enabled": enabled})
    except WatchlistError as exc:
        fail(f"invalid rule: {exc}")


@app.command("list")
def list_command(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the rules."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        rows = [(row, to_rule_or_none(row)) for row in list_rows(session)]
    if as_json:
        print_json(
            [
                dump_rule(rule) if rule is not None else {"name": row.name, "kind": row.kind, "invalid": True}
                for row, rule in rows
            ]
        )
        return
    table_rows = []
    for row, rule in rows:
        params = _params_text(rule) if rule is not None else "(invalid: see `rules show`)"
        scope = ", ".join(rule.tickers) if rule is not None and rule.tickers else "all"
        severity = rule.severity if rule is not None else ""
        table_rows.append([row.name, row.kind, "yes" if row.enabled else "no", severity, scope, params])
    print_table("rules", ["name", "kind", "enabled", "severity", "tickers", "parameters"], table_rows)


def _params_text(rule: Rule) -> str:
    data = dump_rule(rule)
    skip = {"name", "kind", "enabled", "severity", "tickers"}
    return " ".join(f"{key}={value}" for key, value in data.items() if key not in skip)


@app.command("show")
def show_command(
    name: Annotated[str, typer.Argument(help="Rule name.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one rule as it would appear in the watch-list YAML."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        row = _require(session, name)
        try:
            rule = parse_rule({**row.spec, "name": row.name, "kind": row.kind, "enabled": row.enabled})
        except WatchlistError as exc:
            fail(f"rule {name!r} is stored but invalid: {exc}")
    if as_json:
        print_json(dump_rule(rule))
    else:
        console.print(
            yaml.safe_dump(dump_rule(rule), sort_keys=False, allow_unicode=True).rstrip(),
            markup=False,
            highlight=False,
        )


def _require(session: Session, name: str) -> Any:
    try:
        return require_row(session, name)
    except RuleNotFound as exc:
        fail(str(exc))


@app.command("remove")
def remove_command(name: Annotated[str, typer.Argument(help="Rule name.")]) -> None:
    """Remove a rule."""
    with app_context() as ctx, session_scope(ctx.engine) as session:
        try:
            remove_rule(session, name)
        except RuleNotFound as exc:
            fail(str(exc))
    console.print(f"removed rule {name!r}", markup=False, highlight=False)


def _toggle(name: str, enabled: bool) -> None:
    with app_context() as ctx, session_scope(ctx.engine) as session:
        try:
            set_enabled(session, name, enabled, now=ctx.clock())
        except RuleNotFound as exc:
            fail(str(exc))
    console.print(f"{'enabled' if enabled else 'disabled'} rule {name!r}", markup=False, highlight=False)


@app.command("enable")
def enable_command(name: Annotated[str, typer.Argument(help="Rule name.")]) -> None:
    """Enable a rule."""
    _toggle(name, True)


@app.command("disable")
def disable_command(name: Annotated[str, typer.Argument(help="Rule name.")]) -> None:
    """Disable a rule (it stays in the watch-list but never fires)."""
    _toggle(name, False)


@app.command("test")
def dry_run_command(
    name: Annotated[str, typer.Argument(help="Rule name.")],
    source: Annotated[str, typer.Argument(help="File path, http(s) URL, or - for stdin.")],
    ticker: Annotated[str | None, typer.Option(help="Evaluate for this company.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Dry run: the facts of SOURCE the rule sees and whether it fires; stores and sends nothing.

    The company is --ticker, else the rule's first ticker, else the watched
    companies the document names; its stored history is used as it is now.
    """
    with app_context() as ctx:
        document = read_source(source, ctx.settings)
        facts = ctx.extractor(document.text)
        with session_scope(ctx.engine) as session:
            row = _require(session, name)
            try:
                rule = parse_rule({**row.spec, "name": row.name, "kind": row.kind, "enabled": True})
            except WatchlistError as exc:
                fail(f"rule {name!r} is stored but invalid: {exc}")
            companies = _test_companies(session, rule, ticker, document.title, document.text)
            view = DisclosureView(title=document.title, text=document.text, facts=tuple(facts))
            results = []
            for company in companies:
                history = load_history(session, company) if company.id is not None else History.build([])
                seen = [f for f in facts if fact_belongs_to(f, company) and _sees(rule, f.metric)]
                matches = evaluate([rule], view, company, history)
                results.append((company, seen, matches))
            disabled = not row.enabled
            session.rollback()  # a dry run: nothing it touched is kept
    if as_json:
        print_json(
            [
                {
                    "ticker": company.ticker,
                    "rule": rule.name,
                    "enabled": not disabled,
                    "facts": [f.to_json() for f in seen],
                    "fires": bool(matches),
                    "matches": [m.to_json() for m in matches],
                }
                for company, seen, matches in results
            ]
        )
        return
    for company, seen, matches in results:
        if rule.kind == "keyword":
            console.print(
                f"{rule.name!r} reads the title and the text, not facts", markup=False, highlight=False
            )
        else:
            print_table(
                f"facts {rule.name!r} sees for {company.ticker}",
                ["metric", "kind", "value", "period", "counterparty", "evidence"],
                [[f.metric, f.kind, f"{f.value:g}", f.period, f.counterparty, f.evidence] for f in seen],
            )
        verdict = "FIRES" if matches else "does not fire"
        note = " (the rule is disabled, so it would not fire in the pipeline)" if disabled and matches else ""
        console.print(f"{company.ticker}: {rule.name} {verdict}{note}", markup=False, highlight=False)
        for match in matches:
            console.print(f"  - {match.summary}", markup=False, highlight=False)
            console.print(f"    evidence: {match.evidence}", markup=False, highlight=False)


def _sees(rule: Rule, metric: str) -> bool:
    wanted = {
        "threshold": None,
        "capacity_gap": {"capacity_contracted", "capacity_deployed"},
        "customer_concentration": {"customer_concentration"},
        "financing": {"financing", "contract_value", "capacity_contracted", "customer_concentration"},
        "keyword": set(),
    }.get(rule.kind)
    if wanted is None:
        return metric == getattr(rule, "metric", None)
    return metric in wanted


def _test_companies(
    session: Session, rule: Rule, ticker: str | None, title: str, text: str
) -> list[CompanyRef]:
    watched = session.exec(select(Company).order_by(col(Company.ticker))).all()
    refs = [company_ref(c) for c in watched]
    wanted = ticker or (rule.tickers[0] if rule.tickers else None)
    if wanted is not None:
        found = [r for r in refs if r.ticker == wanted]
        if not found:
            if ticker is not None:
                fail(f"no watched company with ticker {ticker!r}")
            return [CompanyRef(ticker=wanted, name=wanted)]
        return found
    named = attribute_story(refs, title, text)
    return named or [CompanyRef(ticker="(none)", name="(no watched company)")]
