"""The errors a user can cause and fix: each message is one line that says what to do.

The command line prints them as ``depeche: <message>`` and exits with status 2, never with a
traceback. This module imports nothing, so the command line can catch them cheaply.
"""

from __future__ import annotations


class DepecheError(Exception):
    """A mistake in the inputs, options or environment, explained in one line."""
