"""Pages of „Mein Code“: enter the code, see the answers, change or delete them, sign out, the code card."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for

from ..core.db import commit, get_db, utcnow
from ..drafts.session import current_draft, forget_browser, holds_saved_answers, start_draft
from ..sprache.i18n import _, ngettext
from ..ui.forms import ConfirmForm
from ..ui.qr import qr_svg
from ..wille import operations as wille
from . import operations
from .codes import normalise
from .forms import CodeForm

bp = Blueprint("mein_code", __name__, url_prefix="/mein-code")


def signed_in() -> int | None:
    """The id of the person signed in with their code in this browser, if still valid."""
    config = current_app.config
    return operations.signed_in_person(get_db(), session, config["CODE_KEY"], config["SIGNED_IN_IDLE_MINUTES"], utcnow())


def _limits() -> operations.Limits:
    """The limits on wrong codes from the configuration."""
    config = current_app.config
    return operations.Limits(config["CODE_ATTEMPTS_PER_CODE"], config["CODE_ATTEMPTS_PER_ADDRESS"],
                             config["CODE_ATTEMPTS_WINDOW_MINUTES"])


def _wait_message(minutes: int) -> str:
    """The lock, said in Leichte Sprache with the time to wait."""
    wait = ngettext("Bitte warten Sie %(num)s Minute.", "Bitte warten Sie %(num)s Minuten.", minutes)
    return _("Sie haben zu oft einen falschen Code eingegeben.") + "\n" + wait + "\n" + \
        _("Dann können Sie es noch einmal versuchen.")


@bp.app_context_processor
def _privat() -> dict:
    """Seconds of idle time after which this browser forgets a person, where it holds one: the page then
    warns before, like tablet mode, so nobody loses their answers without being asked (WCAG 2.2.1)."""
    personal = operations.PERSON in session or holds_saved_answers()
    return {"privat_sekunden": current_app.config["SIGNED_IN_IDLE_MINUTES"] * 60 if personal else None}


@bp.get("/noch-da")
def noch_da():
    """„Ich brauche mehr Zeit“: the person is still here, so the idle time starts again."""
    signed_in()
    current_draft()
    commit()
    return "", 204


@bp.route("/", methods=["GET", "POST"])
def eingeben():
    """Enter the code (POST only, so the code never appears in a URL or a server log)."""
    if request.method == "GET" and signed_in() is not None:
        return redirect(url_for("mein_code.antworten"))
    form, key, db, now = CodeForm(), current_app.config["CODE_KEY"], get_db(), utcnow()
    status = 200
    if form.validate_on_submit():
        # A text that cannot be a code reveals nothing and is not counted as a guess.
        normalised = normalise(form.code.data)
        if normalised is None:
            form.code.errors.append(_("Dieser Code ist uns unbekannt.\nBitte prüfen Sie den Code noch einmal."))
            return render_template("mein_code/eingeben.html", form=form, abgemeldet=None)
        # The try is counted and committed before it is checked, so many tries sent at once
        # cannot all slip under the limit.
        attempt = operations.start_try(db, operations.client_key(request.remote_addr, key),
                                       operations.pattern_key(normalised, key), now)
        commit()
        wait = operations.minutes_locked(db, attempt, _limits(), now)
        person = None if wait else operations.find_person(db, normalised, key)
        if wait or person is not None:
            operations.forget_try(db, attempt)
        if person is not None:
            forget_browser()
            operations.sign_in(session, person, key, now)
            commit()
            return redirect(url_for("mein_code.antworten"))
        commit()
        if wait:
            form.code.errors.append(_wait_message(wait))
            status = 429
        else:
            form.code.errors.append(_("Dieser Code ist uns unbekannt.\nBitte prüfen Sie den Code noch einmal."))
    return render_template("mein_code/eingeben.html", form=form,
                           abgemeldet=request.args.get("abgemeldet")), status


@bp.get("/antworten")
def antworten():
    """The person's own answers."""
    person_id = signed_in()
    if person_id is None:
        return redirect(url_for("mein_code.eingeben"))
    return render_template("mein_code/antworten.html", willen=wille.summaries_of(get_db(), person_id),
                           form=ConfirmForm())


@bp.post("/abmelden")
def abmelden():
    """Sign out: this browser forgets the person and anything they were changing."""
    # Always, even with an expired form: forgetting can do no harm, staying signed in by mistake can.
    forget_browser()
    commit()
    return redirect(url_for("mein_code.eingeben", abgemeldet=1))


@bp.post("/aendern/<int:wille_id>")
def aendern(wille_id: int):
    """Load a saved Wille into a draft and open the check page, where every answer can be changed."""
    person_id = signed_in()
    if person_id is None or not ConfirmForm().validate_on_submit():
        return redirect(url_for("mein_code.eingeben"))
    data = wille.draft_for_change(get_db(), wille_id, person_id)
    if data is None:
        abort(404)
    start_draft(data, owner=operations.owner_key(person_id))
    commit()
    return redirect(url_for("wille.pruefen"))


@bp.route("/loeschen", methods=["GET", "POST"])
def loeschen():
    """Delete everything of this person, after one confirmation."""
    person_id = signed_in()
    if person_id is None:
        return redirect(url_for("mein_code.eingeben"))
    form = ConfirmForm()
    if form.validate_on_submit():
        forget_browser()
        operations.delete_person(get_db(), person_id)
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
