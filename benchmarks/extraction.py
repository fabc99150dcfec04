"""Extraction throughput: `python -m benchmarks.extraction`.

Builds a ~5 MB text from the labelled test documents (HTML ones converted to
text first, outside the timing), then times `extract_facts` on it in-process
over several runs and prints the median MB/s and facts/s (one core).

The corpus repeats the same ~23 KB of documents about 230 times, so any cache
keyed by sentence text would make this figure meaningless; the extractor keeps
none. This machine's speed drifts by 20% between minutes, so compare builds in
the same minutes (or by instructions: `benchmarks.extraction_work`). Figures and
history are in docs/benchmarks.md: 0.47 MB/s at the first measurement, 1.43 MB/s
compiled on 2026-12-04 morning, 2.00-2.11 MB/s that afternoon (1.6-1.9 MB/s in
slow spells of the machine, when the morning's build gives 1.25-1.3 MB/s); that
evening, on a machine 1.6-2x slower, 1.16-1.18 MB/s against the afternoon build's
1.25-1.28 in the same minutes (the evening added the rules of three held-out sets);
that night, on a machine faster again, 2.10-2.18 MB/s idle with the rules of five more sets,
as fast as the night's starting build in the same minutes. `--all` measures every labelled
folder instead of `docs`; `--folder DIR` any folder of `.txt`/`.html` disclosures, such as the
public samples the issue names (`--folder ../shared/samples`): the project itself never reads them.

`docs` is the densest corpus (one fact per ~130 bytes, against ~250 for the public samples and
~900 for all labelled folders), so it gives the lowest MB/s of the three.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from rules.extraction import extract_facts
from watcher.compiled import extractor_build
from watcher.htmltext import html_to_text

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "extraction"
DOCS = LABELLED / "docs"
TARGET_BYTES = 5 * 1024 * 1024


def corpus(target: int = TARGET_BYTES, folders: tuple[Path, ...] = (DOCS,)) -> str:
    """The test documents, repeated to `target` bytes, separated by blank lines."""
    texts = []
    for path in sorted(p for folder in folders for p in folder.iterdir()):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".html":
            texts.append(html_to_text(path.read_text(encoding="utf-8")))
    unit = "\n\n".join(texts) + "\n\n"
    repeats = max(1, target // len(unit.encode("utf-8")) + 1)
    return unit * repeats


def main(runs: int = 5) -> None:
    build, stale = extractor_build()
    if stale:
        sys.exit(f"the compiled extractor is older than rules/extraction/{stale[0]}.py: run `make install`")
    print(f"extractor: {build}")
    # `--all`: every labelled folder (about 140 documents in many styles) instead of `docs`, the
    # denser set the figures in docs/benchmarks.md are quoted on.
    args = sys.argv[1:]
    folders = tuple(sorted(p for p in LABELLED.iterdir() if p.is_dir() and p.name != "__pycache__"))
    chosen = folders if "--all" in args else (DOCS,)
    if "--folder" in args:
        i = args.index("--folder")
        if i + 1 >= len(args) or not Path(args[i + 1]).is_dir():
            sys.exit("--folder needs a directory of .txt/.html documents")
        chosen = (Path(args[i + 1]),)
    print(f"corpus: {', '.join(p.name for p in chosen)}")
    text = corpus(folders=chosen)
    size_mb = len(text.encode("utf-8")) / 1e6
    extract_facts(text[:200_000])  # warm up compiled patterns
    seconds: list[float] = []
    counts: list[int] = []
    for _ in range(runs):
        started = time.perf_counter()
        facts = extract_facts(text)
        seconds.append(time.perf_counter() - started)
        counts.append(len(facts))
    median = statistics.median(seconds)
    # Duplicated statements collapse to one fact per document, so count facts per copy of the corpus.
    per_doc = len(extract_facts(corpus(1, chosen)))
    repeats = len(text) // max(1, len(corpus(1, chosen)))
    print(f"text: {size_mb:.2f} MB, runs: {runs}, seconds: {', '.join(f'{s:.2f}' for s in seconds)}")
    print(f"median: {median:.2f} s  {size_mb / median:.2f} MB/s  {per_doc * repeats / median:,.0f} facts/s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
