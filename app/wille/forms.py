"""Forms of the Wille flow. Every message is Leichte Sprache and says what to do."""
from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectMultipleField, TextAreaField
from wtforms.validators import InputRequired, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

# Several sentences in one message are separated by line breaks: one sentence per line.
CSRF_MESSAGE = _l(
    "Die Seite ist zu lange offen gewesen.\nIhre Antworten sind noch da.\n"
    "Bitte tippen Sie noch einmal auf den Knopf."
)


class MitredenForm(FlaskForm):
    """Base form: an expired or missing CSRF token becomes a normal, friendly form error."""

    def validate(self, extra_validators=None) -> bool:
        """Validate; Flask-WTF's English CSRF message is replaced by one in Leichte Sprache."""
        valid = super().validate(extra_validators)
        token = getattr(self, "csrf_token", None)
        if token is not None and token.errors:
            token.errors = [str(CSRF_MESSAGE)]
        return valid


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
    """Free text has a limit; the message tells how long the text is now."""
    limit = current_app.config["TEXT_MAX"]
    length = len(field.data or "")
    if length > limit:
        raise ValidationError(
            str(_l("Ihr Text ist zu lang.\nBitte schreiben Sie höchstens %(limit)s Zeichen.\nJetzt sind es %(length)s Zeichen.", limit=limit, length=length))
        )


def clean_text(value: str | None) -> str:
    """Strip control characters and surrounding space from free text."""
    if not value:
        return ""
    return "".join(ch for ch in value if ch in "\n\t" or ch.isprintable()).strip()


class BereicheForm(MitredenForm):
    """Choose one or more life areas."""

    bereiche = MultiCheckboxField(
        validators=[InputRequired(_l("Bitte wählen Sie mindestens 1 Bereich."))]
    )


class JetztForm(MitredenForm):
    """How is it now? Three faces."""

    jetzt = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie 1 Gesicht."))])


class WunschForm(MitredenForm):
    """What do you want? Suggested wishes and/or own words."""

    wuensche = MultiCheckboxField()
    eigener_wunsch = TextAreaField(filters=[clean_text], validators=[text_limit])

    def validate_wuensche(self, field) -> None:
        """At least a suggested wish or own words."""
        if not field.data and not clean_text(self.eigener_wunsch.raw_data[0] if self.eigener_wunsch.raw_data else ""):
            raise ValidationError(str(_l("Bitte wählen Sie 1 Wunsch.\nOder schreiben Sie Ihren Wunsch auf.")))


class SelbstForm(MitredenForm):
    """What can you do yourself? Optional free text."""

    selbst = TextAreaField(filters=[clean_text], validators=[text_limit])


class HilfeForm(MitredenForm):
    """Who can help? Several people, or nobody."""

    helfer = MultiCheckboxField(
        validators=[InputRequired(_l("Bitte wählen Sie mindestens 1 Antwort."))]
    )

    def validate_helfer(self, field) -> None:
        """„Niemand“ cannot go together with people who help."""
        if "niemand" in (field.data or []) and len(field.data) > 1:
            raise ValidationError(str(_l("Sie haben „Niemand“ gewählt und auch Menschen.\nBitte wählen Sie nur 1 davon.")))


class ChoiceForm(MitredenForm):
    """One answer out of a few (who filled it in, consent, code, place)."""

    antwort = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie 1 Antwort."))])


class ConfirmForm(MitredenForm):
    """A button that changes something: only the CSRF token is checked."""
