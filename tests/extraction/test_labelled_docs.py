"""Golden documents: each NAME.txt / NAME.html beside its hand-labelled NAME.facts.json.

The documents are fictional and varied (wire releases, 8-K/10-Q/10-K language,
news, call transcripts, HTML pages with boilerplate, distractor-only texts);
they are read exactly as `watcher extract` reads them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rules.extraction import extract_facts
from tests.extraction.scoring import Score, score
from watcher.htmltext import html_to_text

DOCS = Path(__file__).parent / "docs"
DOC_PATHS = sorted(p for p in DOCS.iterdir() if p.suffix in (".txt", ".html"))


def _predict(path: Path) -> list[dict[str, Any]]:
    raw = path.read_text(encoding="utf-8")
    text = html_to_text(raw) if path.suffix == ".html" else raw
    return [fact.to_json() for fact in extract_facts(text)]


def _gold(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))
    return data


def test_there_are_enough_varied_documents() -> None:
    assert len(DOC_PATHS) >= 30
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not _gold(p)) >= 4, "distractor-only documents"


@pytest.mark.parametrize("path", DOC_PATHS, ids=lambda p: p.stem)
def test_document_precision_and_recall(path: Path) -> None:
    result = score(_predict(path), _gold(path))
    detail = (
        f"missed={result.missed} wrong={[(w['metric'], w['low'], w['evidence'][:80]) for w in result.wrong]}"
    )
    assert result.precision >= 0.8, detail
    assert result.recall >= 0.8, detail


@pytest.mark.parametrize("path", [p for p in DOC_PATHS if p.suffix == ".txt"], ids=lambda p: p.stem)
def test_offsets_point_at_the_evidence(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for fact in extract_facts(text):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end].strip() == fact.evidence


def test_aggregate_f1_and_attributes() -> None:
    total = Score()
    for path in DOC_PATHS:
        s = score(_predict(path), _gold(path))
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
        total.attrs_agree += s.attrs_agree
        total.attrs_total += s.attrs_total
    assert total.f1 >= 0.95, (total.tp, total.fp, total.fn)
    assert total.attrs_agree / total.attrs_total >= 0.8
