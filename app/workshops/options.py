"""The answers a workshop question offers, each with its pictogram, in the page's language."""
from __future__ import annotations

from ..sprache.i18n import _
from ..wille.operations import answer_options
from .fragen import CHOICES, FACES, YES_NO, Question


def yes_no_options() -> list[dict]:
    """Ja / ein bisschen / nein, with a tick, a pinch and a cross."""
    return [
        {"value": "ja", "label": _("Ja"), "bild": "ja"},
        {"value": "etwas", "label": _("Ein bisschen"), "bild": "etwas"},
        {"value": "nein", "label": _("Nein"), "bild": "nein"},
    ]


def question_options(question: Question) -> list[dict]:
    """The options of a question page (none for own words)."""
    if question.art == FACES:
        # The same 3 faces as „Wie ist es jetzt?“ of the Wille: one scale people learn once.
        return answer_options("jetzt")
    if question.art == YES_NO:
        return yes_no_options()
    if question.art == CHOICES:
        return [{"value": o.key, "label": o.text, "bild": o.bild} for o in question.optionen]
    return []


def label(options: list[dict], value: str | None) -> dict:
    """The option with this value (label and pictogram)."""
    return next((o for o in options if o["value"] == value), {"label": value or "", "bild": "info"})
