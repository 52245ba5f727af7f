"""Form base and fields for every page. Every message is Leichte Sprache and says what to do."""
from __future__ import annotations

import unicodedata

from flask import current_app, request
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField
from wtforms.validators import InputRequired, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..sprache.i18n import _l

# Several sentences in one message are separated by line breaks: one sentence per line.
CSRF_MESSAGE = _l(
    "Die Seite ist zu lange offen gewesen.\nIhre Antworten sind noch da.\n"
    "Bitte tippen Sie noch einmal auf den Knopf."
)


class MitredenForm(FlaskForm):
    """Base form: an expired or missing CSRF token becomes a normal, friendly form error."""

    class Meta(FlaskForm.Meta):
        """Where a submitted form's values come from."""

        def wrap_formdata(self, form, formdata):
            """Only the form's own fields: a file part or a JSON body never lands in a text field."""
            wrapped = super().wrap_formdata(form, formdata)
            return request.form if form.is_submitted() and wrapped is not formdata else wrapped

    def validate(self, extra_validators=None) -> bool:
        """Validate; Flask-WTF's English CSRF message is replaced by one in Leichte Sprache."""
        valid = super().validate(extra_validators)
        token = getattr(self, "csrf_token", None)
        if token is not None and token.errors:
            token.errors = [str(CSRF_MESSAGE)]
        return valid

    def offer(self, options: list[dict]) -> None:
        """Offer these options (value, label) in the form's choice fields."""
        for field in self:
            if isinstance(field, (RadioField, SelectMultipleField)):
                field.choices = [(option["value"], option["label"]) for option in options]

    def answers(self) -> dict:
        """The submitted values by field name, without the CSRF token."""
        return {field.name: field.data for field in self if field.name != "csrf_token"}


class ConfirmForm(MitredenForm):
    """A button that changes something: only the CSRF token is checked."""


def _choice_message(field) -> str:
    """The field's own „please choose“ message, used also for values outside the list."""
    for validator in field.validators:
        if isinstance(validator, InputRequired) and validator.message:
            return str(validator.message)
    return str(_l("Bitte wählen Sie aus der Liste."))


class OneChoiceField(RadioField):
    """One answer out of a list; a value outside the list gets a message in Leichte Sprache."""

    def pre_validate(self, form) -> None:
        """Reject values that are not offered."""
        if self.data is not None and self.data not in {value for value, _label in self.choices}:
            raise ValidationError(_choice_message(self))


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form) -> None:
        """Reject values that are not offered."""
        offered = {value for value, _label in self.choices}
        if any(value not in offered for value in self.data or []):
            raise ValidationError(_choice_message(self))


def text_limit(form, field) -> None:
    """Free text has a limit; the message says what to do, without asking anyone to count."""
    if len(field.data or "") > current_app.config["TEXT_MAX"]:
        raise ValidationError(str(_l("Ihr Text ist zu lang.\nBitte machen Sie den Text kürzer.")))


# Direction overrides and isolates can make a text look like another one; they carry no meaning here.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_text(value: str | None) -> str:
    """Remove control characters and surrounding space from free text; keep everything that means something.

    A no-break space keeps „Ich\u00a0will“ two words; zero-width joiners keep an emoji sequence whole.
    """
    if not value:
        return ""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = (ch for ch in text
            if ch in "\n\t" or (unicodedata.category(ch) != "Cc" and ch not in BIDI_CONTROLS))
    return "".join(kept).strip()
