"""The watch-list schema: companies, their feeds, and typed rules (`spec/watchlist.md`).

One pydantic model per rule kind, joined in a union discriminated on `kind`, so
a rule is validated once when it is loaded (from YAML, the CLI or the database)
and evaluation never meets an untyped dict. Every validation error names the
field it is about; `format_errors` turns pydantic's errors into
`rules[2] (name).op: reason` lines a user can act on.

Pure: no YAML library here (the text format lives at the edge, in
`state/watchlist.py`); this module validates and dumps plain data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from rules.facts import METRICS, Instrument

Severity = Literal["info", "warning", "critical"]
Op = Literal["<", "<=", ">", ">="]
FactKindFilter = Literal["actual", "guidance", "any"]

SEVERITIES: tuple[str, ...] = ("info", "warning", "critical")
OPS: tuple[str, ...] = ("<", "<=", ">", ">=")
INSTRUMENTS: tuple[str, ...] = Instrument.__args__  # type: ignore[attr-defined]
RULE_KINDS: tuple[str, ...] = (
    "threshold",
    "guidance_cut",
    "guidance_miss",
    "capacity_gap",
    "customer_concentration",
    "financing",
    "keyword",
)


def _metric(value: Any) -> Any:
    if isinstance(value, str) and value not in METRICS:
        raise ValueError(f"unknown metric {value!r}; one of: {', '.join(METRICS)}")
    return value


def _non_blank_list(values: list[str] | None, what: str) -> list[str] | None:
    if values is None:
        return None
    cleaned = [v.strip() for v in values]
    if any(not v for v in cleaned):
        raise ValueError(f"{what} cannot be empty strings")
    return list(dict.fromkeys(cleaned))


MetricName = Annotated[str, BeforeValidator(_metric)]


@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compiled once per pattern: a keyword rule is matched against every disclosure."""
    return re.compile(pattern, re.IGNORECASE)


class _RuleBase(BaseModel):
    """Fields every rule has: identity, scope, severity and routing."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    #: Companies the rule applies to (case-sensitive tickers); None means every company.
    tickers: list[str] | None = None
    severity: Severity = "warning"
    #: Channel targets ("slack:#x", "slack:webhook", "email:addr", "console"); None: the defaults.
    notify: list[str] | None = None
    enabled: bool = True

    @field_validator("name")
    @classmethod
    def _name_is_one_line(cls, value: str) -> str:
        if any(ch in value for ch in "\r\n\t"):
            raise ValueError("a rule name must be one line")
        return value

    @field_validator("tickers")
    @classmethod
    def _tickers(cls, value: list[str] | None) -> list[str] | None:
        cleaned = _non_blank_list(value, "tickers")
        if cleaned is not None and not cleaned:
            raise ValueError("an empty list would match no company; leave tickers out to match every one")
        return cleaned

    @field_validator("notify")
    @classmethod
    def _notify(cls, value: list[str] | None) -> list[str] | None:
        cleaned = _non_blank_list(value, "notify targets")
        for target in cleaned or []:
            if not (
                target == "console"
                or (target.startswith("slack:") and len(target) > len("slack:"))
                or (target.startswith("email:") and "@" in target)
            ):
                raise ValueError(
                    f"{target!r} is not a channel; use slack:#channel, slack:webhook, email:addr or console"
                )
        return cleaned

    def applies_to(self, ticker: str) -> bool:
        return self.tickers is None or ticker in self.tickers


class ThresholdRule(_RuleBase):
    """Fires when a fact of the disclosure satisfies `fact.value op value`."""

    kind: Literal["threshold"] = "threshold"
    metric: MetricName
    fact_kind: FactKindFilter = "any"
    op: Op
    value: float

    @field_validator("op", mode="before")
    @classmethod
    def _op(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip() not in OPS:
            raise ValueError(f"unknown operator {value!r}; one of: {' '.join(OPS)}")
        return value.strip() if isinstance(value, str) else value


class GuidanceCutRule(_RuleBase):
    """Fires when new guidance is below the latest actual or the previous guidance."""

    kind: Literal["guidance_cut"] = "guidance_cut"
    metric: MetricName = "gross_margin"
    min_points: float = Field(default=0.0, ge=0)


class GuidanceMissRule(_RuleBase):
    """Fires when an actual falls below the low end of earlier guidance for its period."""

    kind: Literal["guidance_miss"] = "guidance_miss"
    metric: MetricName = "gross_margin"
    min_points: float = Field(default=0.0, ge=0)


class CapacityGapRule(_RuleBase):
    """Fires when deployed MW lags contracted MW by more than `max_ratio` allows."""

    kind: Literal["capacity_gap"] = "capacity_gap"
    max_ratio: float = Field(gt=0)
    min_contracted_mw: float = Field(default=0.0, ge=0)


class CustomerConcentrationRule(_RuleBase):
    """Fires when one customer (or a named one of `customers`) is at least `min_percent` of revenue."""

    kind: Literal["customer_concentration"] = "customer_concentration"
    min_percent: float = Field(ge=0, le=100)
    customers: list[str] | None = None

    @field_validator("customers")
    @classmethod
    def _customers(cls, value: list[str] | None) -> list[str] | None:
        return _non_blank_list(value, "customers")


class FinancingRule(_RuleBase):
    """Fires on money raised or borrowed; optionally only from a known customer."""

    kind: Literal["financing"] = "financing"
    min_usd: float = Field(default=0.0, ge=0)
    instruments: list[str] | None = None
    customer_counterparty: bool = False

    @field_validator("instruments")
    @classmethod
    def _instruments(cls, value: list[str] | None) -> list[str] | None:
        cleaned = _non_blank_list(value, "instruments")
        for item in cleaned or []:
            if item not in INSTRUMENTS:
                raise ValueError(f"unknown instrument {item!r}; one of: {', '.join(INSTRUMENTS)}")
        return cleaned


class KeywordRule(_RuleBase):
    """Fires when a case-insensitive regular expression matches the title or the text."""

    kind: Literal["keyword"] = "keyword"
    pattern: str = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, value: str) -> str:
        try:
            compiled = compile_pattern(value)
        except re.error as exc:
            raise ValueError(f"invalid regular expression: {exc}") from None
        if compiled.match("") is not None:
            raise ValueError("the pattern matches the empty string, so it would fire on everything")
        return value

    @property
    def regex(self) -> re.Pattern[str]:
        return compile_pattern(self.pattern)


Rule = Annotated[
    ThresholdRule
    | GuidanceCutRule
    | GuidanceMissRule
    | CapacityGapRule
    | CustomerConcentrationRule
    | FinancingRule
    | KeywordRule,
    Field(discriminator="kind"),
]
RULE_MODELS: dict[str, type[_RuleBase]] = {
    "threshold": ThresholdRule,
    "guidance_cut": GuidanceCutRule,
    "guidance_miss": GuidanceMissRule,
    "capacity_gap": CapacityGapRule,
    "customer_concentration": CustomerConcentrationRule,
    "financing": FinancingRule,
    "keyword": KeywordRule,
}
_RULE_ADAPTER: TypeAdapter[Rule] = TypeAdapter(Rule)

#: Field order in dumps: identity, then the kind's parameters, then scope and routing.
_COMMON_TAIL = ("tickers", "severity", "notify", "enabled")


def parse_rule(data: Any) -> Rule:
    """Validate one rule from plain data; raises `WatchlistError` naming the bad field."""
    try:
        return _RULE_ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise WatchlistError(format_errors(exc, data=data)) from None


def dump_rule(rule: Rule) -> dict[str, Any]:
    """Plain data that `parse_rule` reads back to an equal rule (None fields left out)."""
    dumped = rule.model_dump(mode="json", exclude_none=True)
    data = {key: _plain_number(value) for key, value in dumped.items()}
    ordered: dict[str, Any] = {"name": data.pop("name"), "kind": data.pop("kind")}
    tail = {key: data.pop(key) for key in _COMMON_TAIL if key in data}
    ordered.update(data)
    ordered.update(tail)
    return ordered


def _plain_number(value: Any) -> Any:
    """40.0 dumps as 40: YAML a person wrote stays as they wrote it."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def rule_parameters(rule: Rule) -> dict[str, Any]:
    """The kind's own parameters (what `rules add` options set), for tables and the DB spec."""
    data = dump_rule(rule)
    for key in ("name", "kind", "enabled"):
        data.pop(key, None)
    return data


# ---------------------------------------------------------------- the watch-list file

_INTERVAL_PART = re.compile(r"(\d+)(s|m|h|d)")
_INTERVAL_WHOLE = re.compile(r"(?:\d+(?:s|m|h|d))+")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(value: Any) -> int:
    """`90s`, `10m`, `1h30m` or a number of seconds, as whole seconds (at least one)."""
    if isinstance(value, bool):
        raise ValueError("an interval is a duration such as 90s, 10m or 1h")
    if isinstance(value, int | float):
        seconds = int(value)
    else:
        raw = str(value).strip().lower().replace(" ", "")
        if raw.isdigit():
            seconds = int(raw)
        elif _INTERVAL_WHOLE.fullmatch(raw):
            seconds = sum(int(n) * _SECONDS[u] for n, u in _INTERVAL_PART.findall(raw))
        else:
            raise ValueError(f"{value!r} is not a duration; use forms like 90s, 10m, 1h or 1h30m")
    if seconds < 1:
        raise ValueError("an interval must be at least one second")
    return seconds


def format_interval(seconds: int) -> str:
    """The shortest form `parse_interval` reads back to the same number."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


class FeedSpec(BaseModel):
    """A feed to poll; `interval` in whole seconds (None: the settings default)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    url: str = Field(min_length=1, max_length=2000)
    interval: int | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"https?://[^\s/]+", value):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

    @field_validator("interval", mode="before")
    @classmethod
    def _interval(cls, value: Any) -> Any:
        return None if value is None else parse_interval(value)

    def dump(self) -> dict[str, Any]:
        data: dict[str, Any] = {"url": self.url}
        if self.interval is not None:
            data["interval"] = format_interval(self.interval)
        return data


class CompanySpec(BaseModel):
    """A watched company: the ticker is its key, aliases attribute news, customers are known."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    ticker: str = Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9.\-]+$")
    name: str = Field(min_length=1, max_length=200)
    aliases: list[str] = Field(default_factory=list)
    customers: list[str] = Field(default_factory=list)
    feeds: list[FeedSpec] = Field(default_factory=list)

    @field_validator("aliases", "customers")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        return _non_blank_list(value, "names") or []

    def dump(self) -> dict[str, Any]:
        data: dict[str, Any] = {"ticker": self.ticker, "name": self.name}
        if self.aliases:
            data["aliases"] = list(self.aliases)
        if self.customers:
            data["customers"] = list(self.customers)
        if self.feeds:
            data["feeds"] = [feed.dump() for feed in self.feeds]
        return data


class WatchList(BaseModel):
    """The whole watch-list file.

    Beyond the spec's example, a top-level `feeds` list holds general news feeds
    that belong to no company (their entries are attributed by mention), so an
    export round-trips every feed in the database.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    companies: list[CompanySpec] = Field(default_factory=list)
    feeds: list[FeedSpec] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_keys(self) -> WatchList:
        _no_duplicates((c.ticker for c in self.companies), "companies", "ticker")
        _no_duplicates((r.name for r in self.rules), "rules", "name")
        urls = [f.url for f in self.feeds] + [f.url for c in self.companies for f in c.feeds]
        _no_duplicates(urls, "feeds", "url")
        return self

    def dump(self) -> dict[str, Any]:
        """Plain data in a stable order; `parse_watchlist(w.dump()) == w`."""
        data: dict[str, Any] = {"companies": [c.dump() for c in self.companies]}
        if self.feeds:
            data["feeds"] = [f.dump() for f in self.feeds]
        data["rules"] = [dump_rule(r) for r in self.rules]
        return data


def _no_duplicates(keys: Iterable[str], where: str, field: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValueError(f"{where}: {field} {key!r} appears more than once")
        seen.add(key)


class WatchlistError(ValueError):
    """A watch-list (or one rule) that does not validate; the message names the field(s)."""


def parse_watchlist(data: Any) -> WatchList:
    """Validate a whole watch-list from plain data (an empty document is an empty list)."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise WatchlistError("the top level must be a mapping with `companies` and `rules`")
    try:
        return WatchList.model_validate(data)
    except ValidationError as exc:
        raise WatchlistError(format_errors(exc, data=data)) from None


def format_errors(exc: ValidationError, *, data: Any = None, limit: int = 5) -> str:
    """Pydantic errors as `path: reason` joined by '; ', with rule names beside indices."""
    parts: list[str] = []
    errors = exc.errors(include_url=False)
    for error in errors[:limit]:
        parts.append(_one_error(error, data))
    if len(errors) > limit:
        parts.append(f"and {len(errors) - limit} more")
    return "; ".join(parts)


def _one_error(error: Any, data: Any) -> str:
    loc = list(error["loc"])
    kind = error["type"]
    message = str(error["msg"])
    if kind == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag")
        loc.append("kind")
        message = f"unknown rule kind {tag!r}; one of: {', '.join(RULE_KINDS)}"
    elif kind == "union_tag_not_found":
        loc.append("kind")
        message = f"missing; one of: {', '.join(RULE_KINDS)}"
    elif kind == "extra_forbidden":
        message = "unknown field"
    elif kind == "missing":
        message = "missing"
    elif message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return f"{_path(loc, data)}: {message}" if loc else message


def _path(loc: list[Any], data: Any) -> str:
    out = ""
    node = data
    for index, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            label = node.get("ticker", node.get("name")) if isinstance(node, dict) else None
            if isinstance(label, str):
                out += f" ({label})"
            continue
        # A discriminated union puts the tag in the path (rules.2.threshold.op); drop it.
        if index > 0 and isinstance(loc[index - 1], int) and part in RULE_KINDS and index + 1 < len(loc):
            continue
        out += f".{part}" if out else str(part)
        node = node.get(part) if isinstance(node, dict) else None
    return out or "(top level)"
