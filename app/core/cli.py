"""`flask --app app db-upgrade`: create or migrate the database with Alembic; `purge`: delete what is no longer needed."""
from __future__ import annotations

import click
from collections.abc import Callable

from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask, current_app

from .config import ROOT
from .db import get_db, utcnow

PURGES = "mitreden_purges"
DEMOS = "mitreden_demos"


def alembic_config(url: str) -> AlembicConfig:
    """Alembic settings pointing at migrations/ and the app's database."""
    config = AlembicConfig()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_database(app: Flask) -> None:
    """Create or migrate the database to the newest schema."""
    command.upgrade(alembic_config(app.config["DATABASE_URL"]), "head")


def on_purge(app: Flask, what: str, purge: Callable) -> None:
    """Let a part of the app delete its old rows in `flask purge`: purge(db, config, now) returns how many.

    `what` names the rows in the command's output (plain German, like every CLI message).
    """
    app.extensions.setdefault(PURGES, []).append((what, purge))


def on_demo(app: Flask, load: Callable) -> None:
    """Let a part of the app add marked demo records in `flask load-demo`: load(app, db) returns a line to print.

    Parts run in the order they registered (create_app's order), so workshops find the Willen's Anbieter.
    """
    app.extensions.setdefault(DEMOS, []).append(load)


def init_app(app: Flask) -> None:
    """Register the commands."""

    @app.cli.command("load-demo")
    def load_demo_command() -> None:
        """Replace earlier demo records with fresh ones, marked as demo (repeatable)."""
        db = get_db()
        for load in current_app.extensions.get(DEMOS, []):
            message = load(current_app, db)
            db.commit()
            if message:
                click.echo(message)

    @app.cli.command("purge")
    def purge_command() -> None:
        """Delete what is no longer needed: abandoned drafts, old tries (run hourly from cron)."""
        db, now = get_db(), utcnow()
        for what, purge in current_app.extensions.get(PURGES, []):
            count = purge(db, current_app.config, now)
            db.commit()
            click.echo(f"{count} {what} gelöscht.")

    @app.cli.command("db-upgrade")
    def db_upgrade() -> None:
        """Create or migrate the database."""
        upgrade_database(current_app)
        click.echo("Datenbank ist aktuell.")
