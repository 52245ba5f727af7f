"""Abandoned drafts are deleted by `flask --app app purge`."""
from __future__ import annotations

from flask import Flask

from ..core.cli import on_purge
from .operations import purge_drafts


def init_app(app: Flask) -> None:
    """Take part in `flask purge`: drafts past their age, and saved answers left idle."""
    on_purge(app, "alte Entwürfe", lambda db, config, now: purge_drafts(
        db, config["DRAFT_MAX_AGE_HOURS"], config["SIGNED_IN_IDLE_MINUTES"]))
