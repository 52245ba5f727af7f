"""`flask --app app db-upgrade`: create or migrate the database with Alembic."""
from __future__ import annotations

import click
from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask, current_app

from .config import ROOT


def alembic_config(url: str) -> AlembicConfig:
    """Alembic settings pointing at migrations/ and the app's database."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_database(app: Flask) -> None:
    """Create or migrate the database to the newest schema."""
    command.upgrade(alembic_config(app.config["DATABASE_URL"]), "head")


def init_app(app: Flask) -> None:
    """Register the command."""

    @app.cli.command("db-upgrade")
    def db_upgrade() -> None:
        """Create or migrate the database."""
        upgrade_database(current_app)
        click.echo("Datenbank ist aktuell.")
