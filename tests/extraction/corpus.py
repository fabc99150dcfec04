"""Labelled document folders (NAME.txt / NAME.html beside NAME.facts.json), read
exactly as `watcher extract` reads them, and scored as a whole.

Shared by the labelled set and the held-out sets so that all three are measured
the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rules.extraction import extract_facts
from tests.extraction.scoring import Score, score
from watcher.htmltext import html_to_text


def doc_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))


def predict(path: Path) -> list[dict[str, Any]]:
    raw = path.read_text(encoding="utf-8")
    text = html_to_text(raw) if path.suffix == ".html" else raw
    return [fact.to_json() for fact in extract_facts(text)]


def gold(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))
    return data


def aggregate(paths: list[Path], *, label: str | None = None) -> Score:
    """The summed score of `paths`; with `label`, each document's figures are printed."""
    total = Score()
    for path in paths:
        s = score(predict(path), gold(path))
        if label is not None:
            print(f"{label} {path.stem}: P={s.precision:.2f} R={s.recall:.2f} tp={s.tp} fp={s.fp} fn={s.fn}")
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
        total.attrs_agree += s.attrs_agree
        total.attrs_total += s.attrs_total
    return total


def figures(name: str, total: Score) -> str:
    attrs = total.attrs_agree / total.attrs_total if total.attrs_total else 1.0
    return (
        f"{name}: P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f} "
        f"attrs={total.attrs_agree}/{total.attrs_total}={attrs:.3f} "
        f"(tp={total.tp} fp={total.fp} fn={total.fn})"
    )


def assert_floors(
    paths: list[Path], label: str, name: str, *, f1: float, precision: float, recall: float, attributes: float
) -> None:
    """Score `paths` (each document's line printed under `-s`) and hold each figure to its floor.

    The held-out sets assert floors a little under their measured figures, never the figures
    themselves: a regression fails, tuning to the set gains nothing.
    """
    total = aggregate(paths, label=label)
    attrs = total.attrs_agree / total.attrs_total if total.attrs_total else 1.0
    summary = figures(name, total)
    print(summary)
    assert total.f1 >= f1, summary
    assert total.precision >= precision, summary
    assert total.recall >= recall, summary
    assert attrs >= attributes, summary


def assert_well_formed(paths: list[Path]) -> None:
    """Gold ranges are ordered and, for .txt documents, offsets point at their evidence."""
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for fact in gold(path):
            assert fact["low"] <= fact["value"] <= fact["high"], (path.name, fact)
            if path.suffix == ".txt":
                assert text[fact["start"] : fact["end"]] == fact["evidence"], (path.name, fact["evidence"])
