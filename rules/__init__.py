"""The domain: fact extraction and watch-list rule evaluation.

Pure code only: no I/O, no database, no clock. Everything here takes plain
values and returns plain values so it can be tested and benchmarked alone.
"""
