"""Build hook: compile the fact extractor with mypyc when a C compiler is at hand.

Extraction runs on every new disclosure, and its code is plain typed Python, so
mypyc (the compiler mypy ships, which also builds mypy and black) makes it about
1.5x faster with no change to the source. Everything else in `pyproject.toml`
stays the single place for metadata. Compiling is optional: with no compiler, or
with `WATCHER_PURE_PYTHON=1`, the same modules run as Python and give the same
facts (the test suite runs either way).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
#: The extraction modules (pure code, no I/O); `__init__` stays Python so the package imports either way.
COMPILED = sorted(
    str(p.relative_to(ROOT)) for p in (ROOT / "rules" / "extraction").glob("*.py") if p.name != "__init__.py"
)


def _extensions() -> list[Any]:
    if os.environ.get("WATCHER_PURE_PYTHON", "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # the build environment has no mypy: stay pure Python
        return []
    cwd = os.getcwd()
    os.chdir(ROOT)  # mypy reads [tool.mypy] from pyproject.toml here
    try:
        return list(mypycify(COMPILED, opt_level="3", group_name="watcher_extraction"))
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error: still installable, as Python
        print(f"watcher: not compiling the extractor ({exc}); it runs as Python", file=sys.stderr)
        return []
    finally:
        os.chdir(cwd)


class OptionalBuildExt(build_ext):
    """All or nothing: a half-built group of compiled modules would fail to import."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            for ext in self.extensions:
                built = Path(self.get_ext_fullpath(ext.name))
                if built.exists():
                    built.unlink()
            print(f"watcher: compiling the extractor failed ({exc}); it runs as Python", file=sys.stderr)


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
