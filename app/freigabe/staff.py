"""The review queue for the Anbieter-Leitung (plain standard German): own words with flags, release or withhold.

Why only the Anbieter-Leitung (`review_words`): releasing free text decides what others will read about
people; it is a decision someone answers for, and every extra reader of unreleased words (which may hold a
name or a phone number) is one reader too many. The Assistenz sees released words in the results.
"""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user
from wtforms.validators import InputRequired

from ..core.db import commit, get_db, utcnow
from ..sprache.i18n import _l
from ..staff.permissions import requires
from ..ui.forms import MitredenForm, OneChoiceField
from . import flags, operations
from .models import FREIGEGEBEN, ZURUECKGEHALTEN

bp = Blueprint("freigabe", __name__, url_prefix="/staff/freigabe")
# Stored in UTC, shown in the time of the German cities Mitreden runs in (like the audit log).
ZONE = ZoneInfo("Europe/Berlin")

# What a flag means, shown beside the words (plain standard German for staff).
LABELS = {
    flags.NAME: _l("Name?"),
    flags.TELEFON: _l("Telefonnummer?"),
    flags.EMAIL: _l("E-Mail-Adresse"),
    flags.ADRESSE: _l("Adresse?"),
    flags.GEBURTSTAG: _l("Geburtsdatum?"),
}
EXPLANATIONS = {
    flags.NAME: _l("Vielleicht ein Name. Ein Name kann verraten, wer das geschrieben hat oder über wen."),
    flags.TELEFON: _l("Vielleicht eine Telefonnummer: viele Ziffern hintereinander."),
    flags.EMAIL: _l("Eine E-Mail-Adresse: Sie gehört fast immer zu einer bestimmten Person."),
    flags.ADRESSE: _l("Vielleicht eine Adresse: eine Straße, oft mit Hausnummer."),
    flags.GEBURTSTAG: _l("Ein Datum mit Jahr. Es kann ein Geburtstag sein."),
}


class DecisionForm(MitredenForm):
    """„Freigeben“ or „Zurückhalten“: the value of the button pressed."""

    entscheidung = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie: freigeben oder zurückhalten."))])


def local_date(moment: datetime) -> str:
    """A stored UTC time as the local date."""
    return moment.replace(tzinfo=timezone.utc).astimezone(ZONE).strftime("%d.%m.%Y")


def _anbieter_id() -> int:
    """The signed-in staff member's Anbieter; a role without one has no queue."""
    if current_user.anbieter_id is None:
        abort(403)
    return current_user.anbieter_id


@bp.get("/")
@requires("review_words")
def liste():
    """The queue: open words first, each with where it comes from and its flags."""
    items = operations.queue(get_db(), _anbieter_id())
    return render_template("freigabe/staff/liste.html", items=items, labels=LABELS, explanations=EXPLANATIONS,
                           when=local_date)


@bp.post("/<any(workshop, wille):quelle>/<id:eintrag_id>")
@requires("review_words")
def entscheiden(quelle: str, eintrag_id: int):
    """Release or withhold one item of the own Anbieter's queue (another Anbieter's: 404)."""
    db = get_db()
    item = operations.find_item(db, _anbieter_id(), quelle, eintrag_id)
    if item is None:
        abort(404)
    form = DecisionForm()
    form.entscheidung.choices = [(FREIGEGEBEN, _l("Freigeben")), (ZURUECKGEHALTEN, _l("Zurückhalten"))]
    if not form.validate_on_submit():
        abort(400)
    operations.decide(db, item, form.entscheidung.data, current_user.id, utcnow())
    commit()
    return redirect(url_for("freigabe.liste", _anchor=item.key))
