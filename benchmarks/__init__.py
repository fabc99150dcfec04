"""Runnable benchmarks (`python -m benchmarks.NAME`); never part of the default test run."""
