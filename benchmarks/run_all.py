"""`make bench`: every benchmark in turn, each in its own process so one's memory or
threads cannot colour another's figures. Benchmarks are never part of `make test`."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

BENCHMARKS = (
    "benchmarks.extraction",
    "benchmarks.extraction_worst",
    "benchmarks.rules",
    "benchmarks.poll",
    "benchmarks.replicas",
    "benchmarks.latency",
    "benchmarks.memory",
)


def main() -> int:
    failed = []
    for name in BENCHMARKS:
        if importlib.util.find_spec(name) is None:
            continue
        print(f"\n== python -m {name}", flush=True)
        if subprocess.run([sys.executable, "-m", name], check=False).returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
