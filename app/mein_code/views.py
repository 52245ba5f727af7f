"""Pages of „Mein Code“: enter the code, see the answers, change or delete them, the code card."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for

from ..core.db import commit, get_db
from ..drafts.session import current_draft, forget_browser, start_draft
from ..sprache.i18n import _
from ..ui.forms import ConfirmForm
from ..ui.qr import qr_svg
from ..wille import operations as wille
from . import operations
from .forms import CodeForm

bp = Blueprint("mein_code", __name__, url_prefix="/mein-code")

# The session holds the id of the person signed in with their code, never the code.
PERSON = "person"


def _client() -> str:
    """This client's key for counting wrong tries."""
    return operations.client_key(request.remote_addr, current_app.config["CODE_KEY"])


@bp.route("/", methods=["GET", "POST"])
def eingeben():
    """Enter the code (POST only, so the code never appears in a URL or a server log)."""
    form, config = CodeForm(), current_app.config
    if form.is_submitted() and operations.too_many_tries(
            get_db(), _client(), config["CODE_ATTEMPTS_MAX"], config["CODE_ATTEMPTS_WINDOW_MINUTES"]):
        commit()
        abort(429)
    if form.validate_on_submit():
        person = operations.find_person(get_db(), form.code.data, config["CODE_KEY"])
        if person is not None:
            forget_browser()
            session[PERSON] = person.id
            commit()
            return redirect(url_for("mein_code.antworten"))
        operations.record_failed_try(get_db(), _client())
        commit()
        form.code.errors.append(_("Dieser Code ist uns unbekannt.\nBitte prüfen Sie den Code noch einmal."))
    return render_template("mein_code/eingeben.html", form=form)


@bp.get("/antworten")
def antworten():
    """The person's own answers."""
    person_id = session.get(PERSON)
    if person_id is None:
        return redirect(url_for("mein_code.eingeben"))
    return render_template("mein_code/antworten.html", willen=wille.summaries_of(get_db(), person_id),
                           form=ConfirmForm())


@bp.post("/aendern/<int:wille_id>")
def aendern(wille_id: int):
    """Load a saved Wille into a draft and open the check page, where every answer can be changed."""
    person_id = session.get(PERSON)
    if person_id is None or not ConfirmForm().validate_on_submit():
        return redirect(url_for("mein_code.eingeben"))
    data = wille.draft_for_change(get_db(), wille_id, person_id)
    if data is None:
        abort(404)
    start_draft(data)
    commit()
    return redirect(url_for("wille.pruefen"))


@bp.route("/loeschen", methods=["GET", "POST"])
def loeschen():
    """Delete everything of this person, after one confirmation."""
    person_id = session.get(PERSON)
    if person_id is None:
        return redirect(url_for("mein_code.eingeben"))
    form = ConfirmForm()
    if form.validate_on_submit():
        operations.delete_person(get_db(), person_id)
        forget_browser()
        commit()
        return redirect(url_for("mein_code.geloescht"))
    return render_template("mein_code/loeschen.html", form=form)


@bp.get("/geloescht")
def geloescht():
    """Confirmation that everything is deleted."""
    return render_template("mein_code/geloescht.html")


@bp.get("/karte")
def karte():
    """A printable card with the new code and a QR code to come back."""
    draft = current_draft()
    code = draft.data.get(wille.NEW_CODE) if draft else None
    if not code:
        return redirect(url_for("pages.start"))
    # The code rides in the URL fragment, which browsers never send to a server.
    target = url_for("mein_code.eingeben", _external=True) + "#code=" + code.replace(" ", "-")
    return render_template("mein_code/karte.html", code=code, qr=qr_svg(target))
