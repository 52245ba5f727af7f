"""`flask --app app load-content`: the Sozialräume of content/ into the database (repeatable)."""
from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app

from ..core.db import get_db
from .operations import load_file


def load_content(app: Flask) -> int:
    """Load content/sozialraeume.yml and commit; returns how many Sozialräume."""
    count = load_file(get_db(), Path(app.config["CONTENT_DIR"]) / "sozialraeume.yml")
    get_db().commit()
    return count


def init_app(app: Flask) -> None:
    """Register the command."""

    @app.cli.command("load-content")
    def load_content_command() -> None:
        """Load the Sozialräume of content/ into the database."""
        click.echo(f"{load_content(current_app)} Sozialräume geladen.")
