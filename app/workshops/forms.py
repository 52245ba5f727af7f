"""Forms of the workshop pages: the join code, and one form per kind of question (field „antwort“)."""
from __future__ import annotations

from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired

from ..sprache.i18n import _l
from ..ui.forms import MitredenForm, MultiCheckboxField, OneChoiceField, clean_text, text_limit
from .fragen import CHOICES, FACES, WORDS, YES_NO


class JoinForm(MitredenForm):
    """Enter the join code of a meeting."""

    code = StringField(validators=[InputRequired(_l("Bitte schreiben Sie den Code vom Treffen in das Feld."))])


class OneAnswerForm(MitredenForm):
    """3 faces, ja / ein bisschen / nein, who filled in, consent: one answer is needed."""

    antwort = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie 1 Antwort."))])


class ChoicesForm(MitredenForm):
    """Several choices with pictograms; none is also an answer („nothing of this“)."""

    antwort = MultiCheckboxField()


class WordsForm(MitredenForm):
    """Own words: optional, with the usual text limit."""

    antwort = TextAreaField(filters=[clean_text], validators=[text_limit])


FORMS = {FACES: OneAnswerForm, YES_NO: OneAnswerForm, CHOICES: ChoicesForm, WORDS: WordsForm}
