"""`flask --app app load-demo`: demo answers, marked as demo (repeatable)."""
from __future__ import annotations

import click
from flask import Flask, current_app

from ..core.db import get_db
from .demo import load_demo


def init_app(app: Flask) -> None:
    """Register the command."""

    @app.cli.command("load-demo")
    def load_demo_command() -> None:
        """Load demo answers, marked as demo, and print the demo code."""
        code = load_demo(current_app, get_db())
        get_db().commit()
        click.echo(f"Demo-Daten geladen. Demo-Code zum Ausprobieren: {code}")
