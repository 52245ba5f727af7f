"""Switch a shared tablet into tablet mode, and start over for the next person."""
from __future__ import annotations

from flask import Blueprint, Flask, current_app, redirect, render_template, request, url_for
from wtforms.validators import InputRequired

from ..core.db import commit
from ..core.security import keep_private
from ..drafts.session import forget_browser
from ..sprache.i18n import _l
from ..ui.forms import ConfirmForm, MitredenForm, OneChoiceField

bp = Blueprint("tablet", __name__, url_prefix="/tablet")

COOKIE = "mitreden_tablet"
# Minutes without a touch before „Sind Sie noch da?“, as offered on the settings page.
MINUTES = (5, 10, 20)
OFF = "aus"


class TabletForm(MitredenForm):
    """Tablet mode on (with a waiting time) or off."""

    modus = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie 1 Antwort."))])


def tablet_minutes() -> int | None:
    """Minutes without a touch before the warning, or None outside tablet mode."""
    value = request.cookies.get(COOKIE)
    return next((minutes for minutes in MINUTES if str(minutes) == value), None)


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


def _options() -> list[dict]:
    """The choices of the settings page: one per waiting time, and off."""
    options = [{"value": str(m), "label": _l("An: neu anfangen nach %(minuten)s Minuten ohne Tippen", minuten=m),
                "bild": "uhr"} for m in MINUTES]
    return options + [{"value": OFF, "label": _l("Aus"), "bild": "nein"}]


@bp.route("/", methods=["GET", "POST"])
def einstellung():
    """Switch tablet mode on or off for this browser."""
    form, options = TabletForm(data={"modus": str(tablet_minutes() or OFF)}), _options()
    form.offer(options)
    if form.validate_on_submit():
        response = redirect(url_for("tablet.einstellung", gespeichert=1))
        if form.modus.data == OFF:
            response.delete_cookie(COOKIE)
        else:
            response.set_cookie(COOKIE, form.modus.data, max_age=60 * 60 * 24 * 365, httponly=True,
                                samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])
        return response
    return render_template("tablet/einstellung.html", form=form, options=options,
                           gespeichert=request.args.get("gespeichert"))


@bp.post("/neu")
def neu():
    """Start over on a shared tablet: forget everything of the person before."""
    if ConfirmForm().validate_on_submit():
        forget_browser()
        commit()
    return redirect(url_for("pages.start", neu=1))
