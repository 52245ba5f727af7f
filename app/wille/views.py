"""Pages of „Was ich will“ for Nutzer:innen: thin views over flow.py, forms.py and operations.py."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from ..core.db import commit, get_db
from ..core.security import shareable
from ..drafts.operations import claim, update_draft
from ..drafts.session import current_draft, forget_browser, start_draft
from ..sozialraum import operations as sozialraum
from ..tablet.operations import bound_anbieter
from ..workshops.operations import unfinished_answers
from ..ui.forms import ConfirmForm, MitredenForm
from . import flow, forms, options, summary
from .bereiche import Bereich, bereich, bereich_keys
from .operations import NEW_CODE, SAVED, save_wille
from .urls import step_url

bp = Blueprint("wille", __name__, url_prefix="/will")

BACK_TO_CHECK = "pruefen"


@dataclass(frozen=True)
class Question:
    """One kind of question page: its template, its form, and the options it offers."""

    template: str
    form: type[MitredenForm]
    options: Callable[[Bereich | None], list[dict]] = lambda _area: []


QUESTIONS = {
    "bereiche": Question("wille/bereiche.html", forms.BereicheForm, lambda _area: options.area_options()),
    "jetzt": Question("wille/jetzt.html", forms.JetztForm, lambda _area: options.jetzt_options()),
    "wunsch": Question("wille/wunsch.html", forms.WunschForm, options.wish_options),
    "selbst": Question("wille/selbst.html", forms.SelbstForm),
    "hilfe": Question("wille/hilfe.html", forms.HilfeForm, lambda _area: options.helper_options()),
    "wohnort": Question("wille/auswahl.html", forms.ChoiceForm,
                        lambda _area: options.wohnort_options(sozialraum.active(get_db(), current_app.config["STAEDTE"]))),
    "wer": Question("wille/auswahl.html", forms.ChoiceForm, lambda _area: options.choice_options("wer")),
    "erlaubnis": Question("wille/auswahl.html", forms.ChoiceForm, lambda _area: options.choice_options("erlaubnis")),
    "code": Question("wille/auswahl.html", forms.ChoiceForm, lambda _area: options.choice_options("code")),
}


def _progress(data: dict, step: flow.Step, back_to_check: bool = False) -> dict:
    """Where the page stands („Bereich 2 von 3“, „Frage 1 von 4“) and where „Zurück“ leads.

    After „Ändern“ on the check page, „Zurück“ leads back to it once everything is answered again.
    """
    if back_to_check and flow.first_open(data) == flow.PRUEFEN:
        back_url = url_for("wille.pruefen")
    else:
        previous = flow.previous_step(data, step)
        back = {"zurueck": BACK_TO_CHECK} if back_to_check else {}
        back_url = step_url(previous, **back) if previous else url_for("wille.start")
    return {"stand": flow.position(data, step), "back_url": back_url}


def _ask(step: flow.Step):
    """Show a question page, or store its answer and go on (back to the check page after a change)."""
    draft = current_draft(create=step == flow.BEREICHE and request.method == "POST")
    if draft is None and step != flow.BEREICHE:
        return redirect(url_for("wille.start"))
    data = draft.data if draft else {}
    if SAVED in data:
        # These answers are decided. „Los geht es“ starts a new person's answers; every other
        # question page of the old ones (the back button) leads to the done page, never to a change.
        if step != flow.BEREICHE:
            return redirect(url_for("wille.fertig"))
        # A meeting's answers in progress in this browser are not the Wille's to forget.
        keep = unfinished_answers(data)
        forget_browser()
        if keep:
            start_draft(keep)
        commit()
        return redirect(url_for("wille.bereiche"))
    if not flow.can_visit(data, step):
        return redirect(step_url(flow.first_open(data)))
    area = bereich(step.bereich) if step.bereich else None
    question = QUESTIONS[step.name]
    offered = question.options(area)
    form = question.form(data=flow.page_answers(data, step))
    form.offer(offered)
    back = request.args.get("zurueck") == BACK_TO_CHECK
    keep = {"zurueck": BACK_TO_CHECK} if back else {}
    if form.validate_on_submit():
        data = flow.with_answers(data, step, form.answers(), bereich_keys())
        update_draft(draft, data)
        commit()
        # A change from the check page goes back there, through any page the change opened (a new area).
        return redirect(step_url(flow.next_step(data, step, back_to_check=back), **keep))
    return render_template(question.template, form=form, options=offered, step=step, bereich=area,
                           frage=step.name, action=step_url(step, **keep), **_progress(data, step, back))


@bp.get("/")
@shareable
def start():
    """Intro page of „Was ich will“."""
    return render_template("wille/start.html")


@bp.route("/bereiche", methods=["GET", "POST"])
def bereiche():
    """Choose life areas."""
    return _ask(flow.BEREICHE)


@bp.route("/<bereich>/<frage>", methods=["GET", "POST"])
def bereich_frage(bereich: str, frage: str):
    """One question about one life area."""
    if frage not in flow.AREA_STEPS or bereich not in bereich_keys():
        abort(404)
    return _ask(flow.Step(frage, bereich))


@bp.route("/<frage>", methods=["GET", "POST"])
def frage(frage: str):
    """One of the questions after the life areas: place, who filled in, consent, code."""
    if frage not in flow.FINAL_STEPS or frage == "pruefen":
        abort(404)
    return _ask(flow.Step(frage))


@bp.route("/pruefen", methods=["GET", "POST"])
def pruefen():
    """Check answers, then save as the person decided."""
    draft = current_draft()
    if draft is None:
        return redirect(url_for("wille.start"))
    data = draft.data
    if not flow.can_visit(data, flow.PRUEFEN):
        return redirect(step_url(flow.first_open(data)))
    if SAVED in data:
        # Decided already (a double tap, a resend, the back button): never a second record.
        return redirect(url_for("wille.fertig"))
    form = ConfirmForm()
    if form.validate_on_submit():
        if not claim(get_db(), draft) or SAVED in draft.data:
            # A double tap or a resend at the same moment: the other request saves, this one saves nothing.
            get_db().rollback()
            return redirect(url_for("wille.fertig"))
        data = draft.data
        result = save_wille(get_db(), data, current_app.config["CODE_KEY"], anbieter_id=bound_anbieter(get_db()))
        # With two „Nein“ nothing is stored: the draft alone keeps the sheet until „Fertig“ (or the
        # short idle time), so a reload or a double tap still shows it.
        update_draft(draft, {**data, SAVED: result.stored, NEW_CODE: result.code}, owner=result.owner)
        commit()
        return redirect(url_for("wille.fertig"))
    return render_template("wille/pruefen.html", form=form, rows=summary.rows(get_db(), data),
                           back_url=_progress(data, flow.PRUEFEN)["back_url"],
                           areas_url=step_url(flow.BEREICHE, zurueck=BACK_TO_CHECK))


@bp.get("/fertig")
def fertig():
    """Done: the printable „Mein Wille“ sheet and, if chosen, the personal code."""
    draft = current_draft()
    if draft is None or SAVED not in draft.data:
        return redirect(url_for("wille.start"))
    return _fertig_page(draft.data, code=draft.data.get(NEW_CODE))


def _fertig_page(data: dict, code: str | None):
    """The done page with the „Mein Wille“ sheet."""
    return render_template("wille/fertig.html", rows=summary.rows(get_db(), data), data=data, code=code,
                           datum=summary.sheet_date(), form=ConfirmForm())


@bp.post("/fertig")
def beenden():
    """„Fertig“: forget everything of this person in this browser and show the start page."""
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("wille.fertig"))
    forget_browser()
    commit()
    return redirect(url_for("pages.start", neu=1))
