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
        pot = ROOT / "translations" / "messages.pot"
        subprocess.run([*pybabel, "extract", "-F", str(ROOT / "babel.cfg"), "-k", "_l", "--no-wrap",
                        "--sort-by-file", "-o", str(pot), str(ROOT)], check=True)
        subprocess.run([*pybabel, "update", "-i", str(pot), "-d", str(ROOT / "translations"),
                        "--no-wrap", "--ignore-obsolete"], check=True)
        subprocess.run([*pybabel, "compile", "-d", str(ROOT / "translations")], check=True)
