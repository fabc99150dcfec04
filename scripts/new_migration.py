"""Autogenerate a migration from the difference between the tables and the newest revision.

.venv/bin/python scripts/new_migration.py "add column x"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from state.db import alembic_config, make_engine, upgrade


def main() -> None:
    message = sys.argv[1] if len(sys.argv) > 1 else "change"
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'gen.db'}")
        upgrade(engine)
        with engine.begin() as conn:
            count = len(list((Path(__file__).parent.parent / "state/migrations/versions").glob("*.py")))
            command.revision(
                alembic_config(conn), message=message, autogenerate=True, rev_id=f"{count + 1:04d}"
            )
        engine.dispose()


if __name__ == "__main__":
    main()
