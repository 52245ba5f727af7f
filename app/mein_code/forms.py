"""The form of „Mein Code“."""
from __future__ import annotations

from wtforms import StringField
from wtforms.validators import InputRequired

from ..sprache.i18n import _l
from ..ui.forms import MitredenForm


class CodeForm(MitredenForm):
    """Enter a personal code."""

    code = StringField(validators=[InputRequired(_l("Bitte schreiben Sie Ihren Code in das Feld."))])
