"""Who runs this Mitreden: the deployment's own details for the Impressum and the Erklärung zur
Barrierefreiheit.

They live in one YAML file outside the code, so a city fills them in without touching the repository:
`MITREDEN_BETREIBER` (a path) if set, else `<instance>/betreiber.yml` beside the database and keys.
Until a deployment has its own file, content/betreiber.beispiel.yml is shown: every value in it says
„Beispiel“ and the pages show a notice, so nobody takes it for real.
"""
from __future__ import annotations

import os
from pathlib import Path

from datetime import date

from flask import current_app
from flask_babel import format_date

from ..sprache.content import read_yaml

ENV = "MITREDEN_BETREIBER"
FILENAME = "betreiber.yml"
EXAMPLE = "betreiber.beispiel.yml"


def betreiber_file() -> Path:
    """The deployment's file, or the shipped example while it has none."""
    configured = os.environ.get(ENV)
    own = Path(configured) if configured else Path(current_app.instance_path) / FILENAME
    if own.is_file():
        return own
    if configured:
        current_app.logger.warning("%s=%s does not exist: showing the example details.", ENV, configured)
    return Path(current_app.config["CONTENT_DIR"]) / EXAMPLE


def betreiber() -> dict:
    """The deployment's details (name, address, contact, accessibility statement)."""
    return read_yaml(betreiber_file())


def _written_date(value) -> str:
    """A date of the file (2026-01-15) as people write it in the page's language: „15. Januar 2026“."""
    return format_date(value, "long") if isinstance(value, date) else str(value or "")


def text_values(data: dict) -> dict:
    """The details that legal texts name inline, e.g. „{name}“ or „{erstellt}“."""
    statement = data.get("barrierefreiheit") or {}
    return {
        "name": data.get("name", ""),
        "webadresse": data.get("webadresse", ""),
        "erstellt": _written_date(statement.get("erstellt")),
        "geprueft": _written_date(statement.get("geprueft")),
        "pruefstelle": statement.get("pruefstelle", ""),
    }
