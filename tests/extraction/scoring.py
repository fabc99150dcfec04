"""Matching predicted facts to hand-labelled gold facts (the rule of spec/facts.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.005 * abs(b), 0.05)


def same_fact(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return (
        pred["metric"] == gold["metric"]
        and pred["kind"] == gold["kind"]
        and close(float(pred["low"]), float(gold["low"]))
        and close(float(pred["high"]), float(gold["high"]))
    )


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)
    attrs_agree: int = 0
    attrs_total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _distinct(preds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    out: list[dict[str, Any]] = []
    for p in preds:
        key = (p["metric"], p["kind"], round(float(p["low"]), 4), round(float(p["high"]), 4))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _agrees(name: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    p, g = pred.get(name), gold.get(name)
    if name == "counterparty":
        if not p:
            return False
        return str(p).casefold() in str(g).casefold() or str(g).casefold() in str(p).casefold()
    return bool(p == g)


def score(preds: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Score:
    """Precision/recall of one document; optional gold facts neither count nor hurt."""
    result = Score()
    preds = _distinct(preds)
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(preds) if i not in used and same_fact(p, g)), None)
        if hit is None:
            if not g.get("optional"):
                result.fn += 1
                result.missed.append(g)
            continue
        used.add(hit)
        if g.get("optional"):
            continue
        result.tp += 1
        for name in ("period", "counterparty", "basis", "instrument"):
            if g.get(name) is not None:
                result.attrs_total += 1
                result.attrs_agree += _agrees(name, preds[hit], g)
    result.wrong = [p for i, p in enumerate(preds) if i not in used]
    result.fp = len(result.wrong)
    return result
