"""The tablet settings page, for signed-in staff with `run_tablet` only (plain standard German)."""
from __future__ import annotations

from datetime import datetime

from flask import abort, redirect, render_template, request, session, url_for
from flask_login import current_user
from wtforms.validators import InputRequired, Optional

from ..core.db import commit, get_db
from ..sprache.i18n import _, _l
from ..staff import operations as staff
from ..staff.permissions import requires
from ..ui.forms import MitredenForm, OneChoiceField
from .operations import COOKIE, DURATIONS, END_OF_DAY, MINUTES, current_binding, set_cookie, switch_on
from .views import bp

OFF = "aus"


class TabletForm(MitredenForm):
    """Tablet mode on (with a waiting time and a duration) or off."""

    modus = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie 1 Antwort."))])
    dauer = OneChoiceField(validators=[Optional()])


def _durations() -> list[tuple[str, str]]:
    """How long the binding lasts, as offered on the settings page."""
    return [(value, _l("Bis zum Ende des Tages") if value == END_OF_DAY else _l("%(stunden)s Stunden", stunden=value))
            for value in DURATIONS]


def _switch_on(form: TabletForm):
    """Bind this device to the staff member's Anbieter, then sign the staff member out here."""
    binding = switch_on(get_db(), current_user._get_current_object(), session, int(form.modus.data), form.dauer.data,
                        datetime.now().astimezone())
    commit()
    response = redirect(url_for("pages.start"))
    set_cookie(response, binding)
    return response


@bp.route("/", methods=["GET", "POST"])
@requires("run_tablet")
def einstellung():
    """Switch tablet mode on or off for this browser: only signed-in staff with `run_tablet`."""
    if current_user.anbieter_id is None:  # the role rules give every such role an Anbieter: never bind to none
        abort(403)
    binding = current_binding()
    # Preselected on the page only: a form sent without a duration is an error, not „end of the day“.
    form = TabletForm(data={"modus": str(binding.minutes if binding else OFF), "dauer": END_OF_DAY}
                      if request.method == "GET" else None)
    form.modus.choices = [(str(m), _l("An: neu anfangen nach %(minuten)s Minuten ohne Tippen", minuten=m))
                          for m in MINUTES] + [(OFF, _l("Aus"))]
    form.dauer.choices = _durations()
    if form.validate_on_submit():
        if form.modus.data != OFF:
            if form.dauer.data in DURATIONS:
                return _switch_on(form)
            form.dauer.errors.append(_("Bitte wählen Sie, wie lange der Tablet-Modus an bleibt."))
        else:
            staff.audit(get_db(), current_user.id, "tablet_off", f"anbieter:{current_user.anbieter_id}")
            commit()
            response = redirect(url_for("tablet.einstellung", gespeichert=1))
            response.delete_cookie(COOKIE)
            return response
    until = datetime.fromtimestamp(binding.until).astimezone() if binding else None
    return render_template("tablet/staff/einstellung.html", form=form, until=until,
                           gespeichert=request.args.get("gespeichert"))
