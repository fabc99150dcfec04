"""A fixed amount of extraction work, for counting instructions: `python -m benchmarks.extraction_work`.

Wall-clock figures on a shared virtual machine drift by 20% or more between minutes (a plain
Python loop does), so extraction speed-ups are also checked by instructions executed, which do
not drift. This extracts 300 KB of the benchmark corpus once to warm up, then once more with
`--measure`; the difference between the two runs under `valgrind --tool=callgrind` is the
instruction count of one extraction (docs/benchmarks.md has the command).
"""

from __future__ import annotations

import sys

from benchmarks.extraction import corpus
from rules.extraction import extract_facts


def main() -> None:
    text = corpus(300_000)
    extract_facts(text)
    if "--measure" in sys.argv[1:]:
        extract_facts(text)


if __name__ == "__main__":
    main()
