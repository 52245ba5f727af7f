"""Demo workshops for `flask --app app load-demo`, marked as demo (repeatable)."""
from __future__ import annotations

from flask import Flask

from ..core.cli import on_demo
from .demo import demo_message


def init_app(app: Flask) -> None:
    """Take part in `flask load-demo`, after the Willen."""
    on_demo(app, demo_message)
