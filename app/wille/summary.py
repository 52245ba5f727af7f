"""A Wille described for people: the rows of the check-answers page and of the „Mein Wille“ sheet."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..sozialraum import operations as sozialraum
from ..sprache.i18n import _
from . import flow
from .bereiche import bereich
from .options import choice_options, helper_options, jetzt_options, label, wish_options, wohnort_options
from .urls import step_url


def _area_items(key: str, answers: dict) -> list[dict]:
    """Question, answers with pictograms and change link for one life area."""
    area = bereich(key)
    wishes = [label(wish_options(area), w) for w in answers.get("wuensche", [])]
    if answers.get("eigener_wunsch"):
        wishes.append({"label": answers["eigener_wunsch"], "bild": "schreiben"})
    selbst = answers.get("selbst") or _("Dazu haben Sie nichts geschrieben.")
    questions = [
        ("jetzt", _("Wie ist es jetzt?"), [label(jetzt_options(), answers.get("jetzt"))]),
        ("wunsch", _("Was wollen Sie?"), wishes),
        ("selbst", _("Was können Sie selbst machen?"), [{"label": selbst, "bild": "selbst"}]),
        ("hilfe", _("Wer kann Ihnen helfen?"), [label(helper_options(), h) for h in answers.get("helfer", [])]),
    ]
    return [{"frage": frage, "antworten": antworten, "url": step_url(flow.Step(name, key), zurueck="pruefen")}
            for name, frage, antworten in questions]


def describe(data: dict, places: list[dict]) -> list[dict]:
    """Rows for check answers and the sheet: one per life area, then one about the person."""
    rows = [{"bereich": bereich(key), "items": _area_items(key, data.get("antworten", {}).get(key, {}))}
            for key in data.get("bereiche", [])]
    general = [
        ("wohnort", _("Wo wohnen Sie?"), places),
        ("wer", _("Wer hat das ausgefüllt?"), choice_options("wer")),
        ("erlaubnis", _("Dürfen wir Ihre Antworten benutzen?"), choice_options("erlaubnis")),
    ]
    if not data.get("edit_wille"):
        general.append(("code", _("Wollen Sie einen Code?"), choice_options("code")))
    rows.append({
        "bereich": None,
        "items": [{"frage": question, "antworten": [label(options, data.get(key))],
                   "url": step_url(flow.Step(key), zurueck="pruefen")} for key, question, options in general],
    })
    return rows


def rows(db: Session, data: dict) -> list[dict]:
    """Rows of the check-answers list and of the „Mein Wille“ sheet, with the deployment's Sozialräume."""
    return describe(data, wohnort_options(sozialraum.active(db)))
