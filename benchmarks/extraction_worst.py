"""Extraction of hostile shapes of text: `python -m benchmarks.extraction_worst`.

Feed content is written by strangers. A page flattened to one 100 KB line with no full stop,
one huge table row, or figures with no spaces must cost about what ordinary text costs
(`benchmarks.extraction`), not minutes: a document's reading is one step of a poll. Before
over-long sentences were cut into pieces (`sentences.MAX_SENTENCE`), the first case took
250 s; each prints its time and MB/s (one run each, in-process).
"""

from __future__ import annotations

import sys
import time

from rules.extraction import extract_facts
from watcher.compiled import extractor_build

_FIGURES = "Acme signed an agreement with Beta for revenue of $5 million and 20 MW, "
_SHARES = "gross margin of 45% compared with 40% and customer A accounted for 30% of revenue; "
CASES = {
    "one 108 KB line, figures and no stop": _FIGURES * 1500,
    "one 124 KB line, shares and margins": _SHARES * 1500,
    "one 143 KB table row": "Revenue | " + " | ".join(f"${i}.5 million" for i in range(8000)),
    "104 KB of figures with no spaces": "$5million20MW" * 8000,
}


def main() -> None:
    build, stale = extractor_build()
    if stale:
        sys.exit(f"the compiled extractor is older than rules/extraction/{stale[0]}.py: run `make install`")
    print(f"extractor: {build}")
    for name, text in CASES.items():
        started = time.perf_counter()
        facts = extract_facts(text)
        seconds = time.perf_counter() - started
        size = len(text.encode("utf-8")) / 1e6
        print(f"{name}: {seconds:.2f} s, {size / seconds:.2f} MB/s, {len(facts)} facts")


if __name__ == "__main__":
    main()
