"""Whether the fact extractor runs compiled (mypyc, see setup.py) and whether that build is current.

An editable install compiles `rules/extraction` next to its source, and Python
prefers the compiled module: after an edit, the old code would go on running
until the next install. The test session and the extraction benchmark ask here
first, so nobody measures or tests stale code without being told.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import rules.extraction


def extractor_build() -> tuple[str, list[str]]:
    """("compiled" or "python", the compiled modules older than their source)."""
    compiled = False
    stale: list[str] = []
    # Each module's small .so only loads one shared library holding all the compiled code; a
    # rebuild rewrites that library and leaves an unchanged module file as it was.
    shared = _shared_library_time()
    # The same modules setup.py compiles: every one of the package but its `__init__`.
    for info in pkgutil.iter_modules(rules.extraction.__path__):
        name = info.name
        module = importlib.import_module(f"rules.extraction.{name}")
        built = Path(module.__file__ or "")
        if built.suffix != ".so":
            continue
        compiled = True
        if is_stale(built, built.with_name(f"{name}.py"), shared):
            stale.append(name)
    return ("compiled" if compiled else "python"), stale


def is_stale(built: Path, source: Path, shared: float = 0.0) -> bool:
    """The source was edited after the build (a missing source, as in some installs, is not).

    `shared` is when the shared library of the compiled code was built, if it is newer.
    """
    return source.exists() and source.stat().st_mtime > max(built.stat().st_mtime, shared)


def _shared_library_time() -> float:
    try:
        library = importlib.import_module("watcher_extraction__mypyc")
    except ImportError:
        return 0.0
    return Path(library.__file__ or "").stat().st_mtime if library.__file__ else 0.0
