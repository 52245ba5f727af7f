"""Forms of the staff sign-in pages (plain standard German messages)."""
from __future__ import annotations

from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, ValidationError

from ..sprache.i18n import _l
from ..ui.forms import MitredenForm
from . import credentials

PASSWORD_MESSAGES = {
    "too_short": _l("Das Passwort muss mindestens 12 Zeichen lang sein."),
    "common": _l("Dieses Passwort ist zu verbreitet. Bitte wählen Sie ein anderes."),
    "name": _l("Das Passwort darf den Anmeldenamen nicht enthalten."),
}


class SignInForm(MitredenForm):
    """Login name and password."""

    login_name = StringField(validators=[InputRequired(_l("Bitte geben Sie Ihren Anmeldenamen ein."))])
    password = PasswordField(validators=[InputRequired(_l("Bitte geben Sie Ihr Passwort ein."))])


class CodeForm(MitredenForm):
    """The 6-digit code of the authenticator app."""

    code = StringField(validators=[InputRequired(_l("Bitte geben Sie den Code aus Ihrer App ein."))])


class RecoveryForm(MitredenForm):
    """A recovery code, when the authenticator app is not at hand."""

    code = StringField(validators=[InputRequired(_l("Bitte geben Sie einen Wiederherstellungscode ein."))])


class SetPasswordForm(MitredenForm):
    """A new password, typed twice; checked for length and against common passwords."""

    password = PasswordField(validators=[InputRequired(_l("Bitte geben Sie ein neues Passwort ein."))])
    password_again = PasswordField(validators=[
        InputRequired(_l("Bitte wiederholen Sie das neue Passwort.")),
        EqualTo("password", _l("Die beiden Passwörter sind verschieden.")),
    ])

    def __init__(self, login_name: str = "", **kwargs) -> None:
        """Remember the login name: a password must not contain it."""
        super().__init__(**kwargs)
        self.login_name = login_name

    def validate_password(self, field) -> None:
        """Length, the list of common passwords, and the login name."""
        problem = credentials.password_problem(field.data or "", self.login_name)
        if problem:
            raise ValidationError(str(PASSWORD_MESSAGES[problem]))
