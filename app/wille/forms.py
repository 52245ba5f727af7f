"""Forms of the Wille questions; their field names are the draft's keys (flow.AREA_FIELDS)."""
from __future__ import annotations

from wtforms import TextAreaField
from wtforms.validators import InputRequired, ValidationError

from ..sprache.i18n import _l
from ..ui.forms import MitredenForm, MultiCheckboxField, OneChoiceField, clean_text, text_limit
from .options import KEEP


class BereicheForm(MitredenForm):
    """Choose one or more life areas."""

    bereiche = MultiCheckboxField(validators=[InputRequired(_l("Bitte wählen Sie mindestens 1 Bereich."))])


class JetztForm(MitredenForm):
    """How is it now? Three faces."""

    jetzt = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie 1 Gesicht."))])


class WunschForm(MitredenForm):
    """What do you want? Suggested wishes and/or own words."""

    wuensche = MultiCheckboxField()
    eigener_wunsch = TextAreaField(filters=[clean_text], validators=[text_limit])

    def validate_wuensche(self, field) -> None:
        """At least a suggested wish or own words; „so bleiben“ goes with no other suggested wish."""
        if not field.data and not clean_text(self.eigener_wunsch.raw_data[0] if self.eigener_wunsch.raw_data else ""):
            raise ValidationError(str(_l("Bitte wählen Sie 1 Wunsch.\nOder schreiben Sie Ihren Wunsch auf.")))
        if KEEP in (field.data or []) and len(field.data) > 1:
            raise ValidationError(str(_l("Sie haben „Es soll so bleiben“ gewählt und auch andere Wünsche.\nBitte wählen Sie nur 1 davon.")))


class SelbstForm(MitredenForm):
    """What can you do yourself? Optional free text."""

    selbst = TextAreaField(filters=[clean_text], validators=[text_limit])


class HilfeForm(MitredenForm):
    """Who can help? Several people, or nobody."""

    helfer = MultiCheckboxField(validators=[InputRequired(_l("Bitte wählen Sie mindestens 1 Antwort."))])

    def validate_helfer(self, field) -> None:
        """„Niemand“ cannot go together with people who help."""
        if "niemand" in (field.data or []) and len(field.data) > 1:
            raise ValidationError(str(_l("Sie haben „Niemand“ gewählt und auch Menschen.\nBitte wählen Sie nur 1 davon.")))


class ChoiceForm(MitredenForm):
    """One answer out of a few (where, who filled it in, consent, code)."""

    antwort = OneChoiceField(validators=[InputRequired(_l("Bitte wählen Sie 1 Antwort."))])
