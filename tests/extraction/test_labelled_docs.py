"""Golden documents: each NAME.txt / NAME.html beside its hand-labelled NAME.facts.json.

The documents are fictional and varied (wire releases, 8-K/10-Q/10-K language,
news, call transcripts, HTML pages with boilerplate, distractor-only texts);
they are read exactly as `watcher extract` reads them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.extraction import extract_facts
from tests.extraction.corpus import aggregate, doc_paths, gold, predict
from tests.extraction.scoring import score

DOCS = Path(__file__).parent / "docs"
DOC_PATHS = doc_paths(DOCS)


def test_there_are_enough_varied_documents() -> None:
    assert len(DOC_PATHS) >= 30
    assert any(p.suffix == ".html" for p in DOC_PATHS)
    assert sum(1 for p in DOC_PATHS if not gold(p)) >= 4, "distractor-only documents"


@pytest.mark.parametrize("path", DOC_PATHS, ids=lambda p: p.stem)
def test_document_precision_and_recall(path: Path) -> None:
    result = score(predict(path), gold(path))
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
    total = aggregate(DOC_PATHS)
    assert total.f1 >= 0.95, (total.tp, total.fp, total.fn)
    assert total.attrs_agree / total.attrs_total >= 0.8
