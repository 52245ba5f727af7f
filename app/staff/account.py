"""The staff member's own account: an overview, the own password, the second factor (replace it, switch it
off where the role allows) and new recovery codes. Every change asks for the current password, counted like
a sign-in try, so a signed-in browser left open cannot be used to guess it or to take the account over."""
from __future__ import annotations

from flask import abort, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user

from ..core.db import commit, get_db, utcnow
from ..sprache.i18n import _
from ..ui.qr import qr_svg
from . import credentials, operations, signin
from .forms import ChangePasswordForm, ConfirmPasswordForm, ReplaceFactorForm
from .models import StaffUser
from .permissions import ROLE_NAMES, requires
from .scoping import scoped_anbieter
from .views import CHECK, _check_value, _key, _limits, _wait_message, bp

# At or below this many unused recovery codes, the overview asks for new ones.
FEW_CODES = 3
# Confirmations the overview may show after a change (anything else in the query string is ignored).
DONE = ("passwort", "faktor_aus")


def _me() -> StaffUser:
    """The signed-in staff user."""
    return current_user._get_current_object()


def _no_store(html: str, status: int = 200):
    """A response no cache keeps (it shows a secret once)."""
    response = make_response(html, status)
    response.headers["Cache-Control"] = "no-store"
    return response


def _current_password_wrong(form) -> int:
    """Check the current password as a counted sign-in try; 0 if right, else the status, with the field's error."""
    user, db = _me(), get_db()
    outcome = signin.counted_try(db, user.login_name, request.remote_addr, _key(), _limits(), utcnow(),
                                 lambda: credentials.check_password(user.password_hash, form.current_password.data))
    if outcome.right:
        commit()  # the right try is forgotten even if the page then refuses the change (e.g. a wrong new code)
        return 0
    if outcome.wait:
        operations.audit(db, user.id, "sign_in_locked", f"staff:{user.id}")
        form.current_password.errors.append(_wait_message(outcome.wait))
    else:
        operations.audit(db, user.id, "current_password_failed", f"staff:{user.id}")
        form.current_password.errors.append(_("Das aktuelle Passwort ist falsch."))
    commit()
    return 429 if outcome.wait else 200


@bp.get("/mein-konto")
@requires("manage_own_account")
def mein_konto():
    """What the account is: names, role, Anbieter, second factor and recovery codes left."""
    user, db = _me(), get_db()
    anbieter = scoped_anbieter(db, user.anbieter_id, user) if user.anbieter_id is not None else None
    left = operations.recovery_codes_left(db, user) if user.totp_confirmed else 0
    done = request.args.get("erledigt")
    return render_template("staff/mein_konto.html", user=user, role=ROLE_NAMES[user.role], anbieter=anbieter,
                           required=operations.second_factor_required(user), left=left, few=FEW_CODES,
                           may_switch_off=operations.may_switch_off_second_factor(user),
                           done=done if done in DONE else None)


@bp.route("/mein-konto/passwort", methods=["GET", "POST"])
@requires("manage_own_account")
def mein_passwort():
    """Change the own password; this device stays signed in, every other one is signed out."""
    user, status = _me(), 200
    form = ChangePasswordForm(login_name=user.login_name)
    if form.validate_on_submit():
        wrong = _current_password_wrong(form)
        if not wrong and credentials.check_password(user.password_hash, form.password.data):
            form.password.errors.append(_("Das neue Passwort muss sich vom aktuellen unterscheiden."))
        elif not wrong:
            operations.change_password(get_db(), user, form.password.data, utcnow())
            session[CHECK] = _check_value(user)  # other sessions still carry the old value and end
            commit()
            return redirect(url_for("staff.mein_konto", erledigt="passwort"))
        status = wrong or 200
    return render_template("staff/konto_passwort.html", form=form), status


@bp.route("/mein-konto/zweiter-faktor", methods=["GET", "POST"])
@requires("manage_own_account")
def mein_faktor():
    """Replace the second factor by a new app: the old one works until the new one's first code is right."""
    user, status = _me(), 200
    if not user.totp_confirmed:
        if request.method == "POST":
            abort(403)
        return render_template("staff/konto_faktor.html", form=None)
    form = ReplaceFactorForm()
    secret = credentials.open_new_secret(form.sealed.data, user.id, _key()) if request.method == "POST" else None
    if form.validate_on_submit():
        if secret is None:
            form.code.errors.append(_("Die Zeit ist abgelaufen. Bitte scannen Sie den neuen QR-Code."))
        else:
            status = _current_password_wrong(form)
        if secret is not None and status == 0:
            codes = operations.replace_second_factor(get_db(), user, secret, form.code.data, _key(), utcnow())
            if codes is not None:
                commit()
                return _no_store(render_template("staff/konto_codes.html", codes=codes, replaced=True))
            form.code.errors.append(_("Der Code ist falsch oder abgelaufen."))
    secret = secret or credentials.new_totp_secret()
    form.sealed.data = credentials.seal_new_secret(secret, user.id, _key())
    qr = qr_svg(credentials.totp_uri(secret, user.login_name))
    return _no_store(render_template("staff/konto_faktor.html", form=form, secret=secret, qr=qr), status or 200)


@bp.route("/mein-konto/zweiter-faktor/aus", methods=["GET", "POST"])
@requires("manage_own_account")
def mein_faktor_aus():
    """Switch the second factor off, only where the role does not require it."""
    user, form, status = _me(), ConfirmPasswordForm(), 200
    allowed = operations.may_switch_off_second_factor(user)
    if request.method == "POST" and not allowed:
        abort(403)
    if form.validate_on_submit():
        status = _current_password_wrong(form)
        if status == 0:
            operations.switch_off_second_factor(get_db(), user, utcnow())
            commit()
            return redirect(url_for("staff.mein_konto", erledigt="faktor_aus"))
    return render_template("staff/konto_faktor_aus.html", form=form if allowed else None,
                           required=operations.second_factor_required(user)), status


@bp.route("/mein-konto/wiederherstellungscodes", methods=["GET", "POST"])
@requires("manage_own_account")
def meine_codes():
    """New recovery codes in place of the old ones, shown once."""
    user, form, status = _me(), ConfirmPasswordForm(), 200
    if request.method == "POST" and not user.totp_confirmed:
        abort(403)
    if form.validate_on_submit():
        status = _current_password_wrong(form)
        if status == 0:
            codes = operations.renew_recovery_codes(get_db(), user, _key(), utcnow())
            commit()
            return _no_store(render_template("staff/konto_codes.html", codes=codes, replaced=False))
    left = operations.recovery_codes_left(get_db(), user)
    return render_template("staff/konto_codes_neu.html", form=form if user.totp_confirmed else None,
                           left=left), status
