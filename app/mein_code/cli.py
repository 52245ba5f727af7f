"""Old tries of wrong codes are deleted by `flask --app app purge`."""
from __future__ import annotations

from flask import Flask

from ..core.cli import on_purge
from .operations import purge_tries


def init_app(app: Flask) -> None:
    """Take part in `flask purge`: tries older than the counting window (they hold keyed hashes of addresses)."""
    on_purge(app, "alte Code-Versuche", lambda db, config, now: purge_tries(
        db, config["CODE_ATTEMPTS_WINDOW_MINUTES"], now))
