"""`watcher demo` runs offline, end to end, and says what each stage did."""

from __future__ import annotations

from typer.testing import CliRunner

from watcher.cli.main import app


def test_demo_polls_the_sample_feeds_and_then_gets_304s() -> None:
    result = CliRunner().invoke(app, ["demo"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "feeds polled: 3, new: 6, updated: 0, unchanged: 1, failed: 0" in out  # one story on two feeds
    assert "Corvane Lowers Fourth Quarter Gross Margin Outlook" in out
    assert "8-K - Halcyon Grid Systems Inc" in out
    assert "(not modified: 3)" in out
    assert "127.0.0.1" in out


def test_demo_ends_with_alerts_quoting_their_evidence() -> None:
    result = CliRunner().invoke(app, ["demo"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    alerts = out[out.index("3. alerts") : out.index("4. poll again")]
    # The margin-guidance cut of the sample newsroom, with the sentence that shows it.
    assert "[CRVN] CRITICAL: Corvane Lowers Fourth Quarter Gross Margin Outlook" in alerts, out
    assert "margin-guidance-cut" in alerts
    assert '"Corvane now expects non-GAAP gross margin of 45.0% to 46.0%' in alerts


def test_demo_edgar_entries_carry_the_filing_text() -> None:
    """The EDGAR-style feed has summaries only; the demo fetches each filing page."""
    import asyncio
    import tempfile
    from importlib import resources
    from pathlib import Path

    from sqlmodel import col, select

    from state.db import session_scope
    from state.models import Disclosure
    from watcher.app import make_app
    from watcher.cli.demo import _setup, demo_settings, serve_directory
    from watcher.poller import Poller

    with (
        resources.as_file(resources.files("watcher") / "demo_data") as data,
        serve_directory(Path(data)) as base,
        tempfile.TemporaryDirectory() as tmp,
        make_app(demo_settings(f"sqlite:///{tmp}/d.db")) as demo_app,
    ):
        _setup(demo_app, base)
        asyncio.run(Poller(demo_app).run_cycle(force=True))
        with session_scope(demo_app.engine) as session:
            rows = session.exec(select(Disclosure).where(col(Disclosure.title).startswith("8-K"))).all()
    texts = " ".join(r.text for r in rows)
    assert "senior secured term loan of $400 million" in texts
    assert "lowered its 2024 revenue guidance" in texts
