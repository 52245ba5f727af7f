"""„Mein Code“: a Nutzer:in comes back with their code to see, change or delete their answers."""
from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select
from wtforms import StringField
from wtforms.validators import InputRequired

from .db import commit, get_db
from .models import CodeAttempt, Person, Sozialraum, WilleRecord, utcnow
from .qr import qr_svg
from .session_state import clear_everything, start_draft
from .wille import forms
from .wille.operations import delete_person, draft_from_record, find_person
from .wille.views import check_rows

bp = Blueprint("meincode", __name__, url_prefix="/mein-code")


class CodeForm(forms.MitredenForm):
    """Enter a personal code."""

    code = StringField(validators=[InputRequired(_l("Bitte schreiben Sie Ihren Code in das Feld."))])


def _client_key() -> str:
    """A keyed hash of the client address: enough to count tries, useless to identify anyone."""
    address = request.remote_addr or "unbekannt"
    return hmac.new(current_app.config["CODE_KEY"].encode(), address.encode(), hashlib.sha256).hexdigest()


def _too_many_tries() -> bool:
    """Whether this client has failed too often in the last minutes."""
    db = get_db()
    since = utcnow() - timedelta(minutes=current_app.config["CODE_ATTEMPTS_WINDOW_MINUTES"])
    db.execute(delete(CodeAttempt).where(CodeAttempt.created_at < since))
    count = db.scalar(
        select(func.count()).select_from(CodeAttempt).where(CodeAttempt.client_hash == _client_key())
    )
    return count >= current_app.config["CODE_ATTEMPTS_MAX"]


def signed_in_person() -> Person | None:
    """The person signed in with their code in this browser."""
    person_id = session.get("person")
    return get_db().get(Person, person_id) if person_id else None


@bp.route("/", methods=["GET", "POST"])
def eingeben():
    """Enter the code (POST only, so the code never appears in a URL or a server log)."""
    form = CodeForm()
    if form.is_submitted() and _too_many_tries():
        commit()
        abort(429)
    if form.validate_on_submit():
        person = find_person(get_db(), form.code.data, current_app.config["CODE_KEY"])
        if person is not None:
            session.clear()
            session["person"] = person.id
            return redirect(url_for("meincode.antworten"))
        get_db().add(CodeAttempt(client_hash=_client_key()))
        commit()
        form.code.errors.append(str(_l("Dieser Code ist uns unbekannt.\nBitte prüfen Sie den Code noch einmal.")))
    return render_template("code/eingeben.html", form=form)


@bp.get("/antworten")
def antworten():
    """The person's own answers."""
    person = signed_in_person()
    if person is None:
        return redirect(url_for("meincode.eingeben"))
    willen = [(w, check_rows(_data(w))) for w in person.willen]
    return render_template("code/antworten.html", willen=willen, form=forms.ConfirmForm())


def _data(record: WilleRecord) -> dict:
    """Draft data of a saved Wille."""
    key = get_db().scalar(select(Sozialraum.key).where(Sozialraum.id == record.sozialraum_id))
    return draft_from_record(record, key)


@bp.post("/aendern/<int:wille_id>")
def aendern(wille_id: int):
    """Load a saved Wille into a draft and open the check page, where every answer can be changed."""
    person = signed_in_person()
    form = forms.ConfirmForm()
    if person is None or not form.validate_on_submit():
        return redirect(url_for("meincode.eingeben"))
    record = get_db().get(WilleRecord, wille_id)
    if record is None or record.person_id != person.id:
        abort(404)
    start_draft(get_db(), _data(record))
    commit()
    return redirect(url_for("wille.pruefen"))


@bp.route("/loeschen", methods=["GET", "POST"])
def loeschen():
    """Delete everything of this person, after one confirmation."""
    person = signed_in_person()
    if person is None:
        return redirect(url_for("meincode.eingeben"))
    form = forms.ConfirmForm()
    if form.validate_on_submit():
        delete_person(get_db(), person)
        clear_everything(get_db())
        commit()
        return redirect(url_for("meincode.geloescht"))
    return render_template("code/loeschen.html", form=form)


@bp.get("/geloescht")
def geloescht():
    """Confirmation that everything is deleted."""
    return render_template("code/geloescht.html")


@bp.get("/karte")
def karte():
    """A printable card with the new code and a QR code to come back."""
    code = session.get("neuer_code")
    if not code:
        return redirect(url_for("pages.start"))
    # The code rides in the URL fragment, which browsers never send to a server.
    target = url_for("meincode.eingeben", _external=True) + "#code=" + code.replace(" ", "-")
    return render_template("code/karte.html", code=code, qr=qr_svg(target))
