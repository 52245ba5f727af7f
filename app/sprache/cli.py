"""`flask --app app lint-sprache` and `translations`: check and translate the texts."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from flask import Flask, current_app

from ..core.config import ROOT
from .linter import lint_project


def init_app(app: Flask) -> None:
    """Register the commands."""

    @app.cli.command("lint-sprache")
    def lint_command() -> None:
        """Check every German user-facing text against the Leichte Sprache rules."""
        findings = lint_project(ROOT, current_app.config["ANREDE"])
        for finding in findings:
            click.echo(finding.report())
        click.echo(f"{len(findings)} Verstöße gefunden.")
        sys.exit(1 if findings else 0)

    @app.cli.command("translations")
    def translations_command() -> None:
        """Extract texts, update the catalogues and compile them."""
        pybabel = [str(Path(sys.executable).parent / "pybabel")]
        pot = "translations/messages.pot"
        # Run in the project folder with relative paths: the catalogue's source comments then read
        # `app/…:12`, the same on every machine and checkout, so merges do not fight over them.
        subprocess.run([*pybabel, "extract", "-F", "babel.cfg", "-k", "_l", "--no-wrap",
                        "--sort-by-file", "-o", pot, "."], check=True, cwd=ROOT)
        subprocess.run([*pybabel, "update", "-i", pot, "-d", "translations", "--no-wrap", "--ignore-obsolete"],
                       check=True, cwd=ROOT)
        subprocess.run([*pybabel, "compile", "-d", "translations"], check=True, cwd=ROOT)
