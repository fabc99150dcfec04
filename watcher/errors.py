"""Errors a user can cause and fix; the CLI prints them as one line, never a traceback."""


class UserError(Exception):
    """Something the user can correct: a bad URL, file, setting or name."""
