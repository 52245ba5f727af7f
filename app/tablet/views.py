"""Tablet mode on every page (idle warning, no-store), and starting over for the next person; staff.py switches it."""
from __future__ import annotations

from flask import Blueprint, Flask, current_app, redirect, url_for

from ..core.db import commit
from ..core.security import keep_private
from ..drafts.session import forget_browser
from ..ui.forms import ConfirmForm
from .operations import current_binding

bp = Blueprint("tablet", __name__, url_prefix="/tablet")


def tablet_minutes() -> int | None:
    """Minutes without a touch before the warning, or None outside tablet mode."""
    binding = current_binding()
    return binding.minutes if binding else None


def init_app(app: Flask) -> None:
    """Tell every template whether this device is in tablet mode; in tablet mode the browser keeps no page."""

    @app.before_request
    def _private_in_tablet_mode() -> None:
        if tablet_minutes():
            keep_private()

    @app.context_processor
    def _tablet() -> dict:
        minutes = tablet_minutes()
        return {"tablet_minutes": minutes,
                "tablet_seconds": minutes * current_app.config["TABLET_MINUTE_SECONDS"] if minutes else None}


@bp.post("/neu")
def neu():
    """Start over on a shared tablet: forget everything of the person before."""
    if ConfirmForm().validate_on_submit():
        forget_browser()
        commit()
    binding = current_binding()
    if binding is not None and binding.workshop_id is not None:
        # A tablet given to a workshop starts the next person at its first question.
        return redirect(url_for("workshops.start", neu=1))
    return redirect(url_for("pages.start", neu=1))


from . import staff  # noqa: E402,F401  (adds the staff settings page to the blueprint)
