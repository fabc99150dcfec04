"""SECOND HELD-OUT MEASUREMENT, untouched: not a tuning target.

tests/extraction/holdout2/ holds twelve fictional disclosures written after the
first held-out set had been used to fix the extractor, so this set is the one
that still measures generalisation. Styles are absent from tests/extraction/docs
and tests/extraction/holdout: an S-1 risk factor and MD&A excerpt, a Japanese
TSE-style forecast revision ("operating profit ratio", JPY tables), an analyst
note quoting guidance beside its own estimates, a podcast transcript, a 6-K for
a Singapore issuer, a release with a five-column plain-text table, a news story
on a hyperscaler lease (MW signed and energized), a credit agreement amendment
(upsized revolver, delayed-draw term loan), a customer prepayment and vendor
financing story, a quarterly shareholder letter, an HTML IR guidance page and a
number-laden distractor. The gold says what a perfect extractor should output
under spec/facts.md, not what ours does; REPORT.md lists every miss and false
fact with its cause.

Why only a floor: asserting high figures would invite tuning to these twelve
texts and destroy the measurement. The floor sits a little under the figures
measured when the set was written. Do not edit the documents or labels to make
this pass; fix a general cause from REPORT.md and raise the floor instead.
Run `pytest -s tests/extraction/test_holdout2.py` to see the figures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rules.extraction import extract_facts
from tests.extraction.scoring import Score, score
from watcher.htmltext import html_to_text

HOLDOUT2 = Path(__file__).parent / "holdout2"
DOC_PATHS = sorted(p for p in HOLDOUT2.iterdir() if p.suffix in (".txt", ".html"))

# Measured on main at ade3c2d when the set was written (identical at 48d5d0c): P 0.806, R 0.760,
# F1 0.782, attributes 63/82 (0.768). Extraction is deterministic; the margin
# only absorbs small unrelated extractor changes.
F1_FLOOR = 0.72
PRECISION_FLOOR = 0.75
RECALL_FLOOR = 0.70
ATTRIBUTE_FLOOR = 0.70


def _predict(path: Path) -> list[dict[str, Any]]:
    raw = path.read_text(encoding="utf-8")
    text = html_to_text(raw) if path.suffix == ".html" else raw
    return [fact.to_json() for fact in extract_facts(text)]


def _gold(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))
    return data


def test_holdout2_set_is_complete_and_well_formed() -> None:
    """Every document has gold; .txt gold offsets point at their evidence."""
    assert len(DOC_PATHS) >= 12
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert any(not _gold(p) for p in DOC_PATHS), "at least one distractor-only document"
    for path in DOC_PATHS:
        text = path.read_text(encoding="utf-8")
        for fact in _gold(path):
            assert fact["low"] <= fact["value"] <= fact["high"], (path.name, fact)
            if path.suffix == ".txt":
                assert text[fact["start"] : fact["end"]] == fact["evidence"], (path.name, fact["evidence"])


@pytest.mark.parametrize("path", DOC_PATHS, ids=lambda p: p.stem)
def test_holdout2_document_runs(path: Path) -> None:
    """Per-document figures are printed, not asserted: a held-out document may score zero."""
    s = score(_predict(path), _gold(path))
    print(f"holdout2 {path.stem}: P={s.precision:.2f} R={s.recall:.2f} tp={s.tp} fp={s.fp} fn={s.fn}")


def test_holdout2_aggregate_floor() -> None:
    total = Score()
    for path in DOC_PATHS:
        s = score(_predict(path), _gold(path))
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
        total.attrs_agree += s.attrs_agree
        total.attrs_total += s.attrs_total
    attrs = total.attrs_agree / total.attrs_total if total.attrs_total else 1.0
    figures = (
        f"HELD-OUT 2 (untouched): P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f} "
        f"attrs={total.attrs_agree}/{total.attrs_total}={attrs:.3f} "
        f"(tp={total.tp} fp={total.fp} fn={total.fn})"
    )
    print(figures)
    assert total.f1 >= F1_FLOOR, figures
    assert total.precision >= PRECISION_FLOOR, figures
    assert total.recall >= RECALL_FLOOR, figures
    assert attrs >= ATTRIBUTE_FLOOR, figures
