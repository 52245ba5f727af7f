"""A Wille described for people: the rows of the check-answers page and of the „Mein Wille“ sheet.

The check page asks „Sie“ with the words of the question pages; the sheet is the person's own paper
and speaks in the first person („Das will ich“), with empty lines where nothing was said.
"""
from __future__ import annotations

from datetime import date

from flask_babel import format_date
from sqlalchemy.orm import Session

from ..sozialraum import operations as sozialraum
from ..sprache.i18n import _
from ..ui.helpers import zeilen
from . import flow
from .bereiche import bereich
from .options import choice_options, helper_options, jetzt_options, label, wish_options, wohnort_options
from .urls import step_url


def _area_items(key: str, answers: dict) -> list[dict]:
    """Question (as on its page), sheet heading, answers with pictograms and change link for one life area."""
    area = bereich(key)
    wishes = [label(wish_options(area), w) for w in answers.get("wuensche", [])]
    if answers.get("eigener_wunsch"):
        wishes.append({"label": answers["eigener_wunsch"], "bild": "schreiben"})
    selbst = [{"label": answers["selbst"], "bild": "selbst"}] if answers.get("selbst") else []
    questions = [
        ("jetzt", _("Wie ist es jetzt für Sie?"), _("So ist es jetzt"),
         [label(jetzt_options(), answers.get("jetzt"))] if answers.get("jetzt") else []),
        ("wunsch", _("Was wollen Sie?"), _("Das will ich"), wishes),
        ("selbst", _("Was können Sie selbst dafür machen?"), _("Das mache ich selbst"), selbst),
        ("hilfe", _("Wer kann Ihnen dabei helfen?"), _("Diese Menschen helfen mir"),
         [label(helper_options(), h) for h in answers.get("helfer", [])]),
    ]
    # Nothing said: the check page says so, the sheet leaves lines to write on („leer“).
    nothing = [{"label": _("Dazu haben Sie nichts geschrieben."), "bild": "schreiben"}]
    return [{"name": name, "frage": frage, "titel": titel, "leer": not antworten, "antworten": antworten or nothing,
             "url": step_url(flow.Step(name, key), zurueck="pruefen")}
            for name, frage, titel, antworten in questions]


def describe(data: dict, places: list[dict]) -> list[dict]:
    """Rows for check answers and the sheet: one per life area, then one about the person."""
    rows = [{"bereich": bereich(key), "items": _area_items(key, data.get("antworten", {}).get(key, {}))}
            for key in data.get("bereiche", [])]
    # The same words as the titles of the question pages (templates/wille/auswahl.html).
    general = [
        ("wohnort", _("In welchem Sozial·raum wohnen Sie?"), places),
        ("wer", _("Wer hat die Fragen beantwortet?"), choice_options("wer")),
        ("erlaubnis", _("Dürfen wir Ihre Antworten ohne Ihren Namen benutzen, damit Angebote besser werden?"),
         choice_options("erlaubnis")),
    ]
    if not data.get("edit_wille"):
        general.append(("code", _("Wollen Sie später wiederkommen?\nDann bekommen Sie einen Code."),
                        choice_options("code")))
    rows.append({
        "bereich": None,
        "items": [{"frage": zeilen(question), "antworten": [label(options, data.get(key))],
                   "url": step_url(flow.Step(key), zurueck="pruefen")} for key, question, options in general],
    })
    return rows


def rows(db: Session, data: dict) -> list[dict]:
    """Rows of the check-answers list and of the „Mein Wille“ sheet, with the deployment's Sozialräume."""
    return describe(data, wohnort_options(sozialraum.active(db)))


def sheet_date(day: date | None = None) -> str:
    """The date on the sheet, written out in the page's language: „22. November 2026“."""
    return format_date(day or date.today(), "long")
