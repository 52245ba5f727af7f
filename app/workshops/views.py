"""Pages for Nutzer:innen at a meeting: enter the join code (or follow the poster's QR link), answer the
questions one per page, say who filled in and whether the answers may be used, check, thanks.

Thin views over flow.py, forms.py and operations.py; drafts, saving once and „Fertig“ work as in the Wille.
"""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from ..core.db import commit, get_db, utcnow
from ..drafts.operations import claim, update_draft
from ..drafts.session import current_draft, forget_browser, start_draft
from ..mein_code.operations import forget_try, minutes_locked
from ..sprache.i18n import _, _l, ngettext
from ..tablet.operations import current_binding
from ..ui.forms import ConfirmForm
from ..wille.operations import SAVED as WILLE_SAVED, answer_options
from . import flow, operations, summary
from .codes import normalise
from .forms import FORMS, JoinForm, OneAnswerForm
from .fragen import CHOICES, WORDS, question_set, with_own_question
from .models import Workshop
from .options import question_options
from .summary import BACK_TO_CHECK, step_url

bp = Blueprint("workshops", __name__, url_prefix="/treffen")

# Why a code opens no meeting, said in Leichte Sprache with the way on.
REASONS = {
    "form": _l("Der Code hat 6 Zahlen.\nBitte prüfen Sie den Code noch einmal."),
    operations.UNKNOWN: _l("Dieser Code ist uns unbekannt.\nBitte prüfen Sie den Code noch einmal.\n"
                           "Oder fragen Sie beim Treffen nach dem Code."),
    operations.NOT_YET: _l("Das Treffen fängt später an.\nBitte geben Sie den Code am Tag vom Treffen ein."),
    operations.OVER: _l("Das Treffen ist schon vorbei.\nAntworten geben geht nur an den Tagen vom Treffen."),
}


def _wait_message(minutes: int) -> str:
    """The lock on join tries, with the time to wait; said of „jemand“, as a whole room may share an address."""
    wait = ngettext("Bitte warten Sie %(num)s Minute.", "Bitte warten Sie %(num)s Minuten.", minutes)
    return _("Jemand hat hier zu oft einen falschen Code eingegeben.") + "\n" + wait + "\n" + \
        _("Dann können Sie es noch einmal versuchen.")


def _questions(workshop: Workshop) -> tuple:
    """The workshop's questions in the page's language: its set, then its own question."""
    return with_own_question(question_set(workshop.fragen), workshop.eigene_frage, workshop.eigene_art)


def _bound_workshop() -> Workshop | None:
    """The workshop this tablet is given to in tablet mode, if any (and still of the tablet's Anbieter)."""
    binding = current_binding()
    if binding is None or binding.workshop_id is None:
        return None
    workshop = get_db().get(Workshop, binding.workshop_id)
    return workshop if workshop is not None and workshop.anbieter_id == binding.anbieter_id else None


def wille_saved(data: dict) -> bool:
    """Whether the draft holds a Wille the person has already decided on."""
    return WILLE_SAVED in data


def _join_page(form: JoinForm, status: int = 200, reason: str | None = None):
    """The page to enter a code, with what was typed and any message."""
    return render_template("workshops/start.html", form=form, grund=reason), status


def _begin(workshop: Workshop):
    """Start answering this workshop; the same meeting's unsaved answers in this browser are kept.

    A Wille in progress stays too (its answers stand apart in the draft); a Wille already saved is the person
    before on this device (a shared tablet, a shared phone) and is forgotten with everything of theirs.
    """
    draft = current_draft()
    answers = flow.part(draft.data) if draft else {}
    if draft is None or wille_saved(draft.data):
        forget_browser()
        draft = start_draft(flow.with_part({}, {"workshop": workshop.id}))
    elif answers.get("workshop") != workshop.id or flow.SAVED in answers:
        update_draft(draft, flow.with_part(draft.data, {"workshop": workshop.id}))
    commit()
    keys = tuple(q.key for q in _questions(workshop))
    keep = {"neu": 1} if request.args.get("neu") else {}
    return redirect(step_url(flow.first_open(flow.part(draft.data), keys), **keep))


def _join(form: JoinForm, typed: str | None):
    """Check a typed or linked code: counted before it is checked, so tries sent at once all count."""
    code = normalise(typed)
    if code is None:
        form.code.errors = [str(REASONS["form"])]
        return _join_page(form)
    db, now, config = get_db(), utcnow(), current_app.config
    attempt = operations.start_join_try(db, request.remote_addr, code, config["CODE_KEY"], now)
    commit()
    wait = minutes_locked(db, attempt, operations.join_limits(config), now)
    found = None if wait else operations.find_by_code(db, code, operations.today())
    if wait or found.workshop is not None:
        # A right code, or a try refused by the lock, is no wrong try.
        forget_try(db, attempt)
    if found is not None and found.workshop is not None:
        return _begin(found.workshop)
    commit()
    if wait:
        form.code.errors = [_wait_message(wait)]
        return _join_page(form, 429)
    form.code.errors = [str(REASONS[found.reason])]
    return _join_page(form, reason=found.reason)


@bp.route("/", methods=["GET", "POST"])
def start():
    """Enter the code of a meeting; a tablet given to a workshop goes straight to its first question."""
    workshop = _bound_workshop()
    if workshop is not None:
        if operations.is_open(workshop, operations.today()):
            return _begin(workshop)
        reason = operations.NOT_YET if operations.today() < workshop.erster_tag else operations.OVER
        form = JoinForm(formdata=None)
        form.code.errors = [str(REASONS[reason])]
        return _join_page(form, reason=reason)
    form = JoinForm()
    if form.validate_on_submit():
        return _join(form, form.code.data)
    return _join_page(form)


@bp.get("/<code>")
def link(code: str):
    """The poster's QR link: straight to the first question if the meeting is open, else the same messages."""
    return _join(JoinForm(formdata=None, data={"code": code}), code)


def _state():
    """This browser's workshop draft, its workshop and questions; None if there is none (or it is gone)."""
    draft = current_draft()
    workshop_id = flow.part(draft.data).get("workshop") if draft else None
    workshop = get_db().get(Workshop, workshop_id) if workshop_id else None
    if workshop is None:
        return None
    return draft, workshop, _questions(workshop)


def _page_state(step: str):
    """The draft, workshop, questions, answers and question keys for a page of the flow — or where to go instead:
    the code page without a draft, the thank-you page once decided (the back button never changes a decision),
    the first open page when this one is not reached yet."""
    state = _state()
    if state is None:
        return redirect(url_for("workshops.start"))
    draft, workshop, questions = state
    data, keys = flow.part(draft.data), tuple(q.key for q in questions)
    if flow.SAVED in data:
        return redirect(url_for("workshops.danke"))
    if not flow.can_visit(data, keys, step):
        return redirect(step_url(flow.first_open(data, keys)))
    return draft, workshop, questions, data, keys


def _back_url(data: dict, keys: tuple, step: str, back_to_check: bool) -> str:
    """Where „Zurück“ leads: the page before; after „Ändern“ back to the check page once all is answered."""
    if back_to_check and flow.first_open(data, keys) == flow.PRUEFEN:
        return url_for("workshops.pruefen")
    previous = flow.previous_step(keys, step)
    if previous is None:
        # Before the first question: the code page, or on a tablet given to a workshop the start page.
        return url_for("pages.start") if _bound_workshop() else url_for("workshops.start")
    return step_url(previous, **({"zurueck": BACK_TO_CHECK} if back_to_check else {}))


def _ask(step: str):
    """Show an answer page, or keep its answer and go on (back to the check page after a change)."""
    state = _page_state(step)
    if not isinstance(state, tuple):
        return state
    draft, _workshop, questions, data, keys = state
    question = next((q for q in questions if q.key == step), None)
    if question is None:
        form_class, offered = OneAnswerForm, answer_options(step)
    else:
        form_class, offered = FORMS[question.art], question_options(question)
    form = form_class(data={"antwort": flow.page_answer(data, step)})
    form.offer(offered)
    back = request.args.get("zurueck") == BACK_TO_CHECK
    keep = {"zurueck": BACK_TO_CHECK} if back else {}
    if form.validate_on_submit():
        value = form.antwort.data if question is None or question.art != CHOICES else list(form.antwort.data or [])
        data = flow.with_answer(data, step, value)
        update_draft(draft, flow.with_part(draft.data, data))
        commit()
        return redirect(step_url(flow.next_step(data, keys, step, back_to_check=back), **keep))
    # „Wer“ and consent ask in the Wille's words, with the same consent text.
    template = "workshops/auswahl.html" if question is None else "workshops/frage.html"
    return render_template(template, form=form, options=offered, frage=step, question=question, bereich=None,
                           action=step_url(step, **keep), stand=flow.position(keys, step),
                           back_url=_back_url(data, keys, step, back))


@bp.route("/frage/<key>", methods=["GET", "POST"])
def frage(key: str):
    """One question of the meeting."""
    return _ask(key)


@bp.route("/wer", methods=["GET", "POST"], defaults={"frage": flow.WER})
@bp.route("/erlaubnis", methods=["GET", "POST"], defaults={"frage": flow.ERLAUBNIS})
def schluss(frage: str):
    """The last questions: who filled in, and whether the answers may be used."""
    return _ask(frage)


@bp.route("/pruefen", methods=["GET", "POST"])
def pruefen():
    """Check answers, then save once as the person decided: stored only with their „Ja“."""
    state = _page_state(flow.PRUEFEN)
    if not isinstance(state, tuple):
        return state
    draft, workshop, questions, data, keys = state
    form = ConfirmForm()
    if form.validate_on_submit():
        if not claim(get_db(), draft) or flow.SAVED in flow.part(draft.data):
            # A double tap or a resend at the same moment: the other request saves, this one saves nothing.
            get_db().rollback()
            return redirect(url_for("workshops.danke"))
        outcome = _save(workshop, questions, flow.part(draft.data))
        # The draft keeps no answer after this: only which meeting, and what happened, for the thank-you page.
        update_draft(draft, flow.with_part(draft.data, {"workshop": workshop.id, flow.SAVED: outcome}))
        commit()
        return redirect(url_for("workshops.danke"))
    return render_template("workshops/pruefen.html", form=form, rows=summary.rows(workshop, questions, data),
                           erlaubt=data.get(flow.ERLAUBNIS) == "ja",
                           back_url=_back_url(data, keys, flow.PRUEFEN, False))


def _save(workshop: Workshop, questions: tuple, data: dict) -> str:
    """Store the answers if the person said „Ja“ and the meeting is still open; returns what happened."""
    if data.get(flow.ERLAUBNIS) != "ja":
        return flow.REFUSED
    if not operations.is_open(workshop, operations.today()):
        # Closed while the person answered: results of a closed meeting never change.
        return flow.OVER
    keys = tuple(q.key for q in questions)
    chosen, words = flow.split_answers(data, keys, {q.key for q in questions if q.art == WORDS})
    operations.save_answer(get_db(), workshop, chosen, words, data[flow.WER])
    return flow.STORED


@bp.get("/danke")
def danke():
    """Thank you: what happened with the answers, and „Fertig“ for the next person."""
    answers = flow.part(draft.data) if (draft := current_draft()) else {}
    if flow.SAVED not in answers:
        return redirect(url_for("workshops.start"))
    return render_template("workshops/danke.html", ergebnis=answers[flow.SAVED], form=ConfirmForm(),
                           tablet=_bound_workshop() is not None)


@bp.post("/danke")
def fertig():
    """„Fertig“: forget everything of this person in this browser; a tablet is ready for the next person."""
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("workshops.danke"))
    forget_browser()
    commit()
    if _bound_workshop() is not None:
        return redirect(url_for("workshops.start", neu=1))
    return redirect(url_for("pages.start", neu=1))
