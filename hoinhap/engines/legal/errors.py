"""The one exception the legal engine raises for input it cannot read."""

from __future__ import annotations


class LegalReadError(Exception):
    """Unreadable input. ``str(exc)`` is one Vietnamese sentence for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
