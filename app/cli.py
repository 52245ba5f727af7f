"""`flask --app app …` commands for setting up a deployment and checking its texts."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask, current_app
from sqlalchemy import select

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


def load_content(app: Flask) -> int:
    """Insert or update the Sozialräume from content/sozialraeume.yml; returns how many."""
    from . import content
    from .db import get_db
    from .models import Sozialraum

    db = get_db()
    items = content.sozialraeume_file(Path(app.config["CONTENT_DIR"]))
    for item in items:
        row = db.scalar(select(Sozialraum).where(Sozialraum.key == item["key"])) or Sozialraum(key=item["key"])
        row.name, row.stadt = item["name"], item["stadt"]
        row.ortsteile, row.aktiv = list(item.get("ortsteile", [])), bool(item.get("aktiv", True))
        db.add(row)
    db.commit()
    return len(items)


def init_app(app: Flask) -> None:
    """Register the commands."""

    @app.cli.command("db-upgrade")
    def db_upgrade() -> None:
        """Create or migrate the database."""
        upgrade_database(current_app)
        click.echo("Datenbank ist aktuell.")

    @app.cli.command("load-content")
    def load_content_command() -> None:
        """Load the Sozialräume of content/ into the database."""
        click.echo(f"{load_content(current_app)} Sozialräume geladen.")

    @app.cli.command("purge")
    def purge_command() -> None:
        """Delete abandoned drafts (run hourly from cron; new drafts also trigger it)."""
        from .db import get_db
        from .wille.operations import purge_drafts

        count = purge_drafts(get_db(), current_app.config["DRAFT_MAX_AGE_HOURS"])
        get_db().commit()
        click.echo(f"{count} alte Entwürfe gelöscht.")

    @app.cli.command("load-demo")
    def load_demo_command() -> None:
        """Load demo answers, marked as demo, and print the demo code."""
        from .demo import load_demo

        code = load_demo(current_app)
        click.echo(f"Demo-Daten geladen. Demo-Code zum Ausprobieren: {code}")

    @app.cli.command("lint-sprache")
    def lint_command() -> None:
        """Check every German user-facing text against the Leichte Sprache rules."""
        from .linter import lint_project

        findings = lint_project(ROOT, current_app.config["ANREDE"])
        for finding in findings:
            click.echo(finding.report())
        click.echo(f"{len(findings)} Verstöße gefunden.")
        sys.exit(1 if findings else 0)

    @app.cli.command("translations")
    def translations_command() -> None:
        """Extract texts, update the catalogues and compile them."""
        pybabel = [str(Path(sys.executable).parent / "pybabel")]
        pot = ROOT / "translations" / "messages.pot"
        subprocess.run([*pybabel, "extract", "-F", str(ROOT / "babel.cfg"), "-k", "_l", "--no-wrap",
                        "--sort-by-file", "-o", str(pot), str(ROOT)], check=True)
        subprocess.run([*pybabel, "update", "-i", str(pot), "-d", str(ROOT / "translations"),
                        "--no-wrap", "--ignore-obsolete"], check=True)
        subprocess.run([*pybabel, "compile", "-d", str(ROOT / "translations")], check=True)
