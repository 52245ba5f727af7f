"""Pages of „Was ich will“ for Nutzer:innen: thin views over flow.py and operations.py."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for

from .. import content
from ..db import commit, get_db
from ..i18n import gettext as _
from ..page_cache import cached_view, freeze, render_page
from ..session_state import clear_everything, current_draft, drop_draft
from . import flow, forms
from .operations import active_sozialraeume, save_wille, update_draft
from .options import area_options, choice_options, describe, helper_options, jetzt_options, own_words, wish_options, without_words
from .urls import step_url

bp = Blueprint("wille", __name__, url_prefix="/will")

BACK_TO_CHECK = "pruefen"


def _progress(data: dict, step: flow.Step) -> dict:
    """Numbers for „Frage 3 von 12“ and the back link."""
    order = flow.steps(data)
    previous = flow.previous_step(data, step)
    return {
        "number": order.index(step) + 1,
        "total": len(order) - 1,
        "back_url": step_url(previous) if previous else url_for("wille.start"),
    }


def _guard(data: dict, step: flow.Step):
    """Redirect to the first open page if this page is not reachable yet."""
    if not flow.can_visit(data, step):
        return redirect(step_url(flow.first_open(data)))
    return None


def _after_answer(draft, data: dict, step: flow.Step):
    """Store the answer, commit once, and go on (back to the check page after a change)."""
    update_draft(get_db(), draft, data)
    commit()
    back = request.args.get("zurueck") == BACK_TO_CHECK
    return redirect(step_url(flow.next_step(data, step, back_to_check=back)))


def _question(template: str, step: flow.Step, data: dict, form, shown: tuple = (), typed: dict | None = None,
              **context):
    """Show a question page; the page cache reuses it for everyone who sees the same thing.

    After a POST with errors `form` is the filled-in form. On GET it is a function that builds the form,
    called only when the page is not kept yet: the key then names what the form shows instead, namely
    this page's earlier answers (`shown`; typed text goes into holes from `typed`) and the order of
    pages, which fixes the progress and back link.
    """
    def full_context(form) -> dict:
        return {"form": form, "step": step, "zurueck": request.args.get("zurueck"), **_progress(data, step), **context}

    if not callable(form):
        return render_page(template, **full_context(form))
    key = (template, step, shown, flow.shape(data), freeze(context))
    return cached_view(key, typed or {}, lambda: render_template(template, **full_context(form())))


@bp.get("/")
def start():
    """Intro page of „Was ich will“."""
    return render_page("wille/start.html")


@bp.route("/bereiche", methods=["GET", "POST"])
def bereiche():
    """Choose life areas."""
    draft = current_draft(create=request.method == "POST")
    data = draft.data if draft else {}

    def new_form() -> forms.BereicheForm:
        form = forms.BereicheForm(data={"bereiche": data.get("bereiche", [])})
        form.bereiche.choices = [(b.key, b.name) for b in content.bereiche()]
        return form

    if request.method == "GET":
        return _question("wille/bereiche.html", flow.BEREICHE, data, new_form, shown=tuple(data.get("bereiche", [])),
                         options=area_options())
    form = new_form()
    if form.validate_on_submit():
        data = flow.set_bereiche(data, form.bereiche.data, content.bereich_keys())
        return _after_answer(draft, data, flow.BEREICHE)
    return _question("wille/bereiche.html", flow.BEREICHE, data, form, options=area_options())


def _area_form(frage: str, bereich: content.Bereich, answers: dict):
    """Build the form of a per-area question, filled with earlier answers."""
    if frage == "jetzt":
        form = forms.JetztForm(data={"jetzt": answers.get("jetzt")})
        form.jetzt.choices = [(o["value"], o["label"]) for o in jetzt_options()]
    elif frage == "wunsch":
        form = forms.WunschForm(
            data={"wuensche": answers.get("wuensche", []), "eigener_wunsch": answers.get("eigener_wunsch", "")}
        )
        form.wuensche.choices = [(w.key, w.text) for w in bereich.wuensche]
    elif frage == "selbst":
        form = forms.SelbstForm(data={"selbst": answers.get("selbst", "")})
    else:
        form = forms.HilfeForm(data={"helfer": answers.get("helfer", [])})
        form.helfer.choices = [(o["value"], o["label"]) for o in helper_options()]
    return form


def _area_options(frage: str, bereich: content.Bereich) -> dict:
    """The answer options a per-area question shows."""
    if frage == "jetzt":
        return {"options": jetzt_options()}
    if frage == "wunsch":
        return {"options": wish_options(bereich)}
    if frage == "hilfe":
        return {"options": helper_options()}
    return {}


# What a per-area page shows of earlier answers: ticked choices, and text typed into a field.
AREA_SHOWN = {"jetzt": ("jetzt",), "wunsch": ("wuensche",), "selbst": (), "hilfe": ("helfer",)}
AREA_TYPED = {"wunsch": ("eigener_wunsch",), "selbst": ("selbst",), "jetzt": (), "hilfe": ()}


def _area_values(frage: str, form) -> dict:
    """The answer values of a valid per-area form."""
    if frage == "jetzt":
        return {"jetzt": form.jetzt.data}
    if frage == "wunsch":
        return {"wuensche": form.wuensche.data or [], "eigener_wunsch": form.eigener_wunsch.data, "wunsch_done": True}
    if frage == "selbst":
        return {"selbst": form.selbst.data}
    return {"helfer": form.helfer.data}


@bp.route("/<bereich>/<frage>", methods=["GET", "POST"])
def bereich_frage(bereich: str, frage: str):
    """One question about one life area."""
    area = content.bereich(bereich)
    if area is None or frage not in flow.AREA_STEPS:
        abort(404)
    draft = current_draft()
    if draft is None:
        return redirect(url_for("wille.start"))
    data, step = draft.data, flow.Step(frage, bereich)
    if (blocked := _guard(data, step)) is not None:
        return blocked
    answers = data.get("antworten", {}).get(bereich, {})
    template, options = f"wille/{frage}.html", _area_options(frage, area)
    if request.method == "GET":
        return _question(
            template, step, data, lambda: _area_form(frage, area, answers),
            shown=tuple(freeze(answers.get(name)) for name in AREA_SHOWN[frage]),
            typed={name: answers.get(name) or "" for name in AREA_TYPED[frage]}, bereich=area, **options,
        )
    form = _area_form(frage, area, answers)
    if form.validate_on_submit():
        return _after_answer(draft, flow.set_area_answer(data, bereich, _area_values(frage, form)), step)
    return _question(template, step, data, form, bereich=area, **options)


def _sozialraum_options() -> list[dict]:
    """The active Sozialräume of the deployment, plus „I don't know“."""
    options = [
        {"value": key, "label": f"{name} in {stadt}" if name != stadt else name, "hint": ", ".join(ortsteile), "bild": "ort"}
        for key, name, stadt, ortsteile in active_sozialraeume()
    ]
    return options + [{"value": "unbekannt", "label": _("Das weiß ich nicht."), "bild": "hilfe", "hint": ""}]


def _final_options(frage: str) -> list[dict]:
    """Options of a final question."""
    if frage == "wohnort":
        return _sozialraum_options()
    return choice_options(frage)


@bp.route("/<frage>", methods=["GET", "POST"])
def frage(frage: str):
    """One of the questions after the life areas: place, who filled in, consent, code."""
    if frage not in flow.FINAL_STEPS or frage == "pruefen":
        abort(404)
    draft = current_draft()
    if draft is None:
        return redirect(url_for("wille.start"))
    data, step = draft.data, flow.Step(frage)
    if (blocked := _guard(data, step)) is not None:
        return blocked
    options = _final_options(frage)

    def new_form() -> forms.ChoiceForm:
        form = forms.ChoiceForm(data={"antwort": data.get(frage)})
        form.antwort.choices = [(o["value"], o["label"]) for o in options]
        return form

    if request.method == "GET":
        return _question("wille/auswahl.html", step, data, new_form, shown=(data.get(frage),), options=options,
                         frage=frage)
    form = new_form()
    if form.validate_on_submit():
        return _after_answer(draft, {**data, frage: form.antwort.data}, step)
    return _question("wille/auswahl.html", step, data, form, options=options, frage=frage)


@bp.route("/pruefen", methods=["GET", "POST"])
def pruefen():
    """Check answers, then save as the person decided."""
    db = get_db()
    draft = current_draft()
    if draft is None:
        return redirect(url_for("wille.start"))
    data = draft.data
    if (blocked := _guard(data, flow.PRUEFEN)) is not None:
        return blocked
    if request.method == "GET":
        # Named by the answers without the person's words (those fill the holes), the content and places.
        key = ("wille/pruefen.html", freeze(without_words(data)), content.version("lebensbereiche"),
               active_sozialraeume())
        return cached_view(key, own_words(data), lambda: render_template(
            "wille/pruefen.html", form=forms.ConfirmForm(), rows=check_rows(data), **_progress(data, flow.PRUEFEN)))
    form = forms.ConfirmForm()
    if form.validate_on_submit():
        result = save_wille(db, data, current_app.config["CODE_KEY"], session.get("person"))
        if not result.stored:
            # Two „Nein“: the draft goes now and the sheet is sent once with this answer,
            # so nothing about this person stays on the server.
            drop_draft(db)
            commit()
            return _fertig_page({**data, "gespeichert": False}, code=None)
        update_draft(db, draft, {**data, "gespeichert": True})
        commit()
        if result.code:
            # Shown once on the next pages, kept only in this browser's signed cookie.
            session["neuer_code"] = result.code
        return redirect(url_for("wille.fertig"))
    # The rows mark the person's own words as Personal: they are filled in, never kept.
    return render_page("wille/pruefen.html", form=form, rows=check_rows(data), **_progress(data, flow.PRUEFEN))


def check_rows(data: dict) -> list[dict]:
    """Rows of the check-answers list and of the „Mein Wille“ sheet."""
    return describe(data, _sozialraum_options())


@bp.get("/fertig")
def fertig():
    """Done: the printable „Mein Wille“ sheet and, if chosen, the personal code."""
    draft = current_draft()
    if draft is None or "gespeichert" not in draft.data:
        return redirect(url_for("wille.start"))
    return _fertig_page(draft.data, code=session.get("neuer_code"))


def _fertig_page(data: dict, code: str | None):
    """The done page with the „Mein Wille“ sheet."""
    return render_template("wille/fertig.html", rows=check_rows(data), data=data, code=code, form=forms.ConfirmForm())


@bp.post("/fertig")
def beenden():
    """„Fertig“: forget everything of this person in this browser and show the start page."""
    form = forms.ConfirmForm()
    if not form.validate_on_submit():
        return redirect(url_for("wille.fertig"))
    clear_everything(get_db())
    commit()
    return redirect(url_for("pages.start", neu=1))
