"""The guard that keeps tests and benchmarks off a compiled extractor older than its source."""

from __future__ import annotations

import os
from pathlib import Path

from watcher.compiled import extractor_build, is_stale


def test_a_build_older_than_its_source_is_stale(tmp_path: Path) -> None:
    built, source = tmp_path / "numbers.so", tmp_path / "numbers.py"
    built.write_bytes(b"")
    source.write_text("")
    os.utime(built, (1_000, 1_000))
    os.utime(source, (2_000, 2_000))
    assert is_stale(built, source)
    os.utime(built, (3_000, 3_000))
    assert not is_stale(built, source)
    source.unlink()
    assert not is_stale(built, source)


def test_a_rebuilt_shared_library_makes_an_unchanged_module_file_current(tmp_path: Path) -> None:
    """A rebuild rewrites the library all compiled code lives in, not each module's small .so."""
    built, source = tmp_path / "numbers.so", tmp_path / "numbers.py"
    built.write_bytes(b"")
    source.write_text("")
    os.utime(built, (1_000, 1_000))
    os.utime(source, (2_000, 2_000))
    assert not is_stale(built, source, shared=3_000.0)
    assert is_stale(built, source, shared=1_500.0)


def test_the_running_extractor_is_current() -> None:
    build, stale = extractor_build()
    assert build in ("compiled", "python")
    assert stale == []
