"""Forms of the staff sign-in pages (plain standard German messages)."""
from __future__ import annotations

from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp, ValidationError

from ..sprache.i18n import _l
from ..ui.forms import MitredenForm, MultiCheckboxField, OneChoiceField
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
    # The page that asked for the sign-in (views follow it only if it is a path on this site).
    next = HiddenField()


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


CURRENT_PASSWORD_REQUIRED = _l("Bitte geben Sie Ihr aktuelles Passwort ein.")


class ChangePasswordForm(MitredenForm):
    """The own password: the current one, then the new one twice (the same rules as a sign-up link)."""

    current_password = PasswordField(validators=[InputRequired(CURRENT_PASSWORD_REQUIRED)])
    password = PasswordField(validators=[InputRequired(_l("Bitte geben Sie ein neues Passwort ein."))])
    password_again = PasswordField(validators=[
        InputRequired(_l("Bitte wiederholen Sie das neue Passwort.")),
        EqualTo("password", _l("Die beiden Passwörter sind verschieden.")),
    ])

    def __init__(self, login_name: str = "", **kwargs) -> None:
        """Remember the login name: a password must not contain it."""
        super().__init__(**kwargs)
        self.login_name = login_name

    validate_password = SetPasswordForm.validate_password


class ConfirmPasswordForm(MitredenForm):
    """The current password, to confirm a change of the own second factor or recovery codes."""

    current_password = PasswordField(validators=[InputRequired(CURRENT_PASSWORD_REQUIRED)])


class ReplaceFactorForm(MitredenForm):
    """A new second factor: the current password and the first code of the new app (secret sealed in the form)."""

    sealed = HiddenField()
    current_password = PasswordField(validators=[InputRequired(CURRENT_PASSWORD_REQUIRED)])
    code = StringField(validators=[InputRequired(_l("Bitte geben Sie den Code aus Ihrer App ein."))])


NO_ANBIETER = "keiner"


class AnbieterForm(MitredenForm):
    """The name of an Anbieter and the Sozialräume it works in."""

    name = StringField(validators=[InputRequired(_l("Bitte geben Sie den Namen des Anbieters ein.")),
                                   Length(max=200, message=_l("Der Name darf höchstens 200 Zeichen lang sein."))])
    sozialraeume = MultiCheckboxField(choices=[], validate_choice=True)


class AccountForm(MitredenForm):
    """A new account: login name, name, role and, where the role needs one, the Anbieter."""

    login_name = StringField(validators=[
        InputRequired(_l("Bitte geben Sie einen Anmeldenamen ein.")),
        Regexp(r"^\s*[A-Za-z0-9._-]{2,80}\s*$",
               message=_l("Der Anmeldename darf nur Buchstaben ohne Umlaute, Ziffern, Punkt, Minus und Unterstrich "
                          "enthalten (2 bis 80 Zeichen)."))])
    display_name = StringField(validators=[InputRequired(_l("Bitte geben Sie den Namen der Person ein.")),
                                           Length(max=200, message=_l("Der Name darf höchstens 200 Zeichen lang sein."))])
    role = OneChoiceField(choices=[], validators=[InputRequired(_l("Bitte wählen Sie eine Rolle."))])
    anbieter = OneChoiceField(choices=[], validators=[InputRequired(_l("Bitte wählen Sie einen Anbieter."))])


class RoleForm(MitredenForm):
    """Another role for an existing account and, where the role needs one, its Anbieter."""

    role = OneChoiceField(choices=[], validators=[InputRequired(_l("Bitte wählen Sie eine Rolle."))])
    anbieter = OneChoiceField(choices=[], validators=[InputRequired(_l("Bitte wählen Sie einen Anbieter."))])
