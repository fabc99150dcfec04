"""Extraction throughput: `python -m benchmarks.extraction`.

Builds ~5 MB of text from labelled test documents (HTML ones converted to text first, outside the
timing), times `extract_facts` on it in-process over five runs and prints the median MB/s and facts/s
(one core): document by document, as the pipeline reads disclosures (the figure that counts), and as
one concatenated text, the issue's letter (see `measure` for why the two differ). By default it
measures two corpora, because throughput depends above all on how many figures a byte holds:

- full-length disclosures (held-out sets 20-22: releases, filings, transcripts, news pages of 3-12 KB
  with their boilerplate and tables, as feeds deliver them), the shape of a real day's mail;
- `docs`, the first labelled set: short documents packed with figures (one fact per ~110 bytes), the
  worst case per byte.

`--full` or `--dense` measures one of them, `--all` every labelled folder, `--folder DIR` any folder of
`.txt`/`.html` disclosures, such as the public samples the issue names (`--folder ../shared/samples`;
the project itself never reads them).

Each corpus repeats its documents many times, so a cache keyed by sentence text would make the figure
meaningless; the extractor keeps none. This machine's speed drifts by 20% between minutes, so compare
builds in the same minutes, or by instructions (`benchmarks.extraction_work`). Figures and their
history are in docs/benchmarks.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Final

from rules.extraction import extract_facts
from watcher.compiled import extractor_build
from watcher.htmltext import html_to_text

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "extraction"
DOCS = LABELLED / "docs"
TARGET_BYTES = 5 * 1024 * 1024


def documents(folders: tuple[Path, ...] = (DOCS,)) -> list[str]:
    """The text of each `.txt`/`.html` document in `folders` (HTML converted as `watcher extract` does)."""
    texts = []
    for path in sorted(p for folder in folders for p in folder.iterdir()):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".html":
            texts.append(html_to_text(path.read_text(encoding="utf-8")))
    return texts


def corpus(target: int = TARGET_BYTES, folders: tuple[Path, ...] = (DOCS,)) -> str:
    """The test documents, repeated to `target` bytes, separated by blank lines."""
    unit = "\n\n".join(documents(folders)) + "\n\n"
    repeats = max(1, target // len(unit.encode("utf-8")) + 1)
    return unit * repeats


#: Full-length disclosures as feeds deliver them (4-12 KB each, with boilerplate, tables and
#: forward-looking statements), written for held-out sets 20 to 22: the shape of a real day's mail.
FULL_LENGTH: Final = ("holdout20", "holdout21", "holdout22")


def measure(chosen: tuple[Path, ...], runs: int) -> None:
    """Print the median MB/s and facts/s of extracting ~5 MB built from `chosen`, two ways.

    Document by document, as the pipeline extracts each new disclosure: the figure that counts. And as
    one text, the documents joined by blank lines (the issue's "samples repeated to 5 MB"): there a
    document's state (its period, an "About" or forward-looking section being skipped) runs on into the
    next one, so the extractor reads another text than any feed delivers; on the full-length set most
    of it sits in such a section and yields a sixth of the facts. The two are timed in turns, each run
    after the other, so the machine's drift falls on both alike.
    """
    print(f"corpus: {', '.join(p.name for p in chosen)}")
    docs = documents(chosen)
    unit = "\n\n".join(docs) + "\n\n"  # (one copy, as `corpus` builds it)
    text = corpus(folders=chosen)
    repeats = len(text) // max(1, len(unit))
    size_mb = len(text.encode("utf-8")) / 1e6
    per_doc_mb = repeats * sum(len(d.encode("utf-8")) for d in docs) / 1e6
    extract_facts(text[:200_000])  # warm up compiled patterns
    by_doc: list[float] = []
    as_one: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        for _copy in range(repeats):
            for doc in docs:
                extract_facts(doc)
        by_doc.append(time.perf_counter() - started)
        started = time.perf_counter()
        extract_facts(text)
        as_one.append(time.perf_counter() - started)
    # Facts are counted document by document (in one text, a statement repeated by the next document
    # collapses into one fact), then per copy of the corpus.
    per_copy = sum(len(extract_facts(doc)) for doc in docs)
    density = len(unit.encode("utf-8")) / max(1, per_copy)
    print(
        f"text: {len(docs)} documents repeated {repeats} times, {size_mb:.2f} MB"
        f" (one fact per {density:,.0f} bytes)"
    )
    for label, seconds, mb in (("by document", by_doc, per_doc_mb), ("as one text", as_one, size_mb)):
        median = statistics.median(seconds)
        print(
            f"{label}: median {median:.2f} s  {mb / median:.2f} MB/s"
            f"  {per_copy * repeats / median:,.0f} facts/s  (runs: {', '.join(f'{x:.2f}' for x in seconds)})"
        )
    sys.stdout.flush()


def main(runs: int = 5) -> None:
    build, stale = extractor_build()
    if stale:
        sys.exit(f"the compiled extractor is older than rules/extraction/{stale[0]}.py: run `make install`")
    print(f"extractor: {build}")
    args = sys.argv[1:]
    folders = tuple(sorted(p for p in LABELLED.iterdir() if p.is_dir() and p.name != "__pycache__"))
    full = tuple(p for p in folders if p.name in FULL_LENGTH)
    # By default both the full-length disclosures and `docs`, the densest set (short documents packed
    # with figures, the worst case per byte); `--full` or `--dense` for one of them, `--all` for every
    # labelled folder, `--folder DIR` for any folder of `.txt`/`.html` disclosures.
    if "--folder" in args:
        i = args.index("--folder")
        if i + 1 >= len(args) or not Path(args[i + 1]).is_dir():
            sys.exit("--folder needs a directory of .txt/.html documents")
        plan: list[tuple[Path, ...]] = [(Path(args[i + 1]),)]
    elif "--all" in args:
        plan = [folders]
    elif "--full" in args:
        plan = [full]
    elif "--dense" in args:
        plan = [(DOCS,)]
    else:
        plan = [full, (DOCS,)]
    for chosen in plan:
        measure(chosen, runs)


if __name__ == "__main__":
    main()
