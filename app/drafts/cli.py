"""`flask --app app purge`: delete abandoned drafts."""
from __future__ import annotations

import click
from flask import Flask, current_app

from ..core.db import get_db
from .operations import purge_drafts


def init_app(app: Flask) -> None:
    """Register the command."""

    @app.cli.command("purge")
    def purge_command() -> None:
        """Delete abandoned drafts (run hourly from cron; new drafts also trigger it)."""
        count = purge_drafts(get_db(), current_app.config["DRAFT_MAX_AGE_HOURS"],
                             current_app.config["SIGNED_IN_IDLE_MINUTES"])
        get_db().commit()
        click.echo(f"{count} alte Entwürfe gelöscht.")
