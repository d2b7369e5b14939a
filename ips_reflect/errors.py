"""Errors meant for people.

A ``UserError`` carries a complete sentence: what happened, where, and what to
do. The command line prints it and exits 1; the GUI shows it in a dialog. Any
other exception is a bug and is reported without a traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix: bad input, wrong passphrase, missing file."""

    exit_code = 1

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details or [])

    def __str__(self) -> str:
        return self.message


class PrivacyGateError(UserError):
    """A privacy gate could not be checked (the consent list, the client aliases, the
    sharing plan could not be read), so nothing was written: gates fail closed."""
