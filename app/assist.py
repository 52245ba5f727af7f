"""Pages for Assistenz: switch a shared tablet into tablet mode (staff login follows later)."""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from wtforms.validators import InputRequired

from .db import commit, get_db
from .session_state import clear_everything
from .wille.forms import ConfirmForm, MitredenForm, OneChoiceField

bp = Blueprint("assist", __name__, url_prefix="/assistenz")

TABLET_COOKIE = "mitreden_tablet"
TIMEOUTS = ("5", "10", "20")


class TabletForm(MitredenForm):
    """Tablet mode on (with a waiting time) or off."""

    modus = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie 1 Antwort."))])


def tablet_minutes() -> int | None:
    """Minutes without a touch before the reset warning, or None outside tablet mode."""
    value = request.cookies.get(TABLET_COOKIE)
    return int(value) if value in TIMEOUTS else None


def init_app(app) -> None:
    """Tell every template whether this device is in tablet mode."""

    @app.context_processor
    def _tablet() -> dict:
        return {"tablet_minutes": tablet_minutes()}


@bp.route("/tablet", methods=["GET", "POST"])
def tablet():
    """Switch tablet mode on or off for this browser."""
    form = TabletForm(data={"modus": str(tablet_minutes() or "aus")})
    form.modus.choices = [(t, t) for t in TIMEOUTS] + [("aus", "aus")]
    if form.validate_on_submit():
        response = redirect(url_for("assist.tablet", gespeichert=1))
        if form.modus.data == "aus":
            response.delete_cookie(TABLET_COOKIE)
        else:
            response.set_cookie(
                TABLET_COOKIE, form.modus.data, max_age=60 * 60 * 24 * 365, httponly=True,
                samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"],
            )
        return response
    return render_template("assist/tablet.html", form=form, gespeichert=request.args.get("gespeichert"))


@bp.post("/neu")
def neu():
    """Start over on a shared tablet: forget everything of the person before."""
    if ConfirmForm().validate_on_submit():
        clear_everything(get_db())
        commit()
    return redirect(url_for("pages.start", neu=1))
