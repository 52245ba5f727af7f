"""A person's workshop answers as the check-answers page shows them, and the URLs of the answer pages."""
from __future__ import annotations

from flask import url_for

from ..sprache.i18n import _
from ..ui.helpers import zeilen
from ..wille.operations import answer_options
from . import flow
from .fragen import WORDS, Question
from .models import Workshop
from .options import label, question_options

BACK_TO_CHECK = "pruefen"


def step_url(step: str, **params) -> str:
    """URL of an answer page (a question, who filled in, consent) or of the check page."""
    if step == flow.PRUEFEN:
        return url_for("workshops.pruefen")
    if step in flow.FINAL:
        return url_for("workshops.schluss", frage=step, **params)
    return url_for("workshops.frage", key=step, **params)


def _shown(question: Question, answer) -> list[dict]:
    """One answer with its pictograms; where nothing was chosen or written, the page says so."""
    if question.art == WORDS:
        return [{"label": answer, "bild": "schreiben"}] if answer else [
            {"label": _("Dazu haben Sie nichts geschrieben."), "bild": "schreiben"}]
    chosen = answer if isinstance(answer, list) else [answer]
    shown = [label(question_options(question), value) for value in chosen if value]
    return shown or [{"label": _("Diese Frage haben Sie übersprungen."), "bild": "info"}]


def rows(workshop: Workshop, questions: tuple[Question, ...], data: dict) -> list[dict]:
    """Rows of the check-answers page: the meeting's questions, then about the person (as the Wille asks)."""
    answers = data.get("antworten", {})
    # An own question has one sentence per line, as staff write it; the check page shows it so.
    meeting = [{"frage": zeilen(q.frage), "antworten": _shown(q, answers.get(q.key)),
                "url": step_url(q.key, zurueck=BACK_TO_CHECK)} for q in questions]
    # The same words as the Wille's pages (templates/workshops/auswahl.html).
    general = [
        (flow.WER, _("Wer hat die Fragen beantwortet?"), answer_options("wer")),
        (flow.ERLAUBNIS, _("Dürfen wir Ihre Antworten ohne Ihren Namen benutzen, damit Angebote besser werden?"),
         answer_options("erlaubnis")),
    ]
    person = [{"frage": zeilen(question), "antworten": [label(options, data.get(key))],
               "url": step_url(key, zurueck=BACK_TO_CHECK)} for key, question, options in general]
    # check_answers heads a row with its „bereich“: here the meeting, by its title and a pictogram.
    return [{"bereich": {"bild": "mitbestimmen", "name": workshop.titel}, "items": meeting},
            {"bereich": None, "items": person}]
