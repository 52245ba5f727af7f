"""Demo Willen for `flask --app app load-demo`, marked as demo (repeatable)."""
from __future__ import annotations

from flask import Flask

from ..core.cli import on_demo
from .demo import load_demo


def init_app(app: Flask) -> None:
    """Take part in `flask load-demo`: demo Willen, and the code that opens one of them."""
    on_demo(app, lambda app, db: f"Demo-Daten geladen. Demo-Code zum Ausprobieren: {load_demo(app, db)}")
