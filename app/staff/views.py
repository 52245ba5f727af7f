"""Staff pages: sign in with password and second factor, set a password through a one-time link, the
start page of each role, sign out. Thin views: the rules are in operations.py and signin.py."""
from __future__ import annotations

from flask import Blueprint, Flask, abort, current_app, g, redirect, render_template, request, session, url_for
from flask_login import LoginManager, current_user, login_user, logout_user

from ..core.db import commit, get_db, utcnow
from ..core.security import local_path
from ..drafts.session import keep_on_forget
from ..sprache.i18n import _, ngettext
from ..ui.forms import ConfirmForm
from ..ui.qr import qr_svg
from . import credentials, navigation, operations, signin
from .forms import CodeForm, RecoveryForm, SetPasswordForm, SignInForm
from .models import StaffUser
from .permissions import DESCRIPTIONS, PUBLIC, ROLE_NAMES, TABLE, permissions_of, requires

bp = Blueprint("staff", __name__, url_prefix="/staff")
login_manager = LoginManager()
CHECK = "staff_check"


def init_app(app: Flask) -> None:
    """Bind Flask-Login; the staff session is checked for idle time and account changes on every load."""
    login_manager.init_app(app)
    login_manager.user_loader(_load_user)
    keep_on_forget(app, signin.FLASK_LOGIN_KEYS, prefixes=("staff_",))
    # The staff layout asks for its navigation only where it is shown (a function, not a value per page).
    app.context_processor(lambda: {"staff_navigation": navigation.entries})
    from . import account, admin, protokoll  # noqa: F401  (add the own-account, admin and audit log pages)
    app.register_blueprint(bp)


def _key() -> str:
    """The key of every keyed hash (the code key: rotating the session key must not break links)."""
    return current_app.config["CODE_KEY"]


def _check_value(user: StaffUser) -> str:
    """Ties a session to the account as it was at sign-in: a new password, switching it off or a new role
    (or Anbieter) ends the session, so a role that needs a second factor gets it at the next sign-in."""
    return credentials.keyed_hash(f"session:{user.id}:{user.password_hash}:{user.active}:{user.role}:"
                                  f"{user.anbieter_id}", _key())[:32]


def _load_user(user_id: str) -> StaffUser | None:
    """The signed-in staff user, unless idle too long or the account changed; refreshes the idle clock."""
    now = utcnow()
    user = get_db().get(StaffUser, int(user_id)) if user_id.isdigit() else None
    if signin.idle_too_long(session, current_app.config["STAFF_IDLE_MINUTES"], now):
        g.staff_idle = True
        user = None
    if user is None or not user.active or session.get(CHECK) != _check_value(user):
        signin.clear_staff_state(session)
        return None
    signin.touch(session, now)
    return user


def _limits() -> signin.Limits:
    """The sign-in limits from the configuration."""
    config = current_app.config
    return signin.Limits(config["STAFF_ATTEMPTS_PER_NAME"], config["STAFF_ATTEMPTS_PER_ADDRESS"],
                         config["STAFF_ATTEMPTS_WINDOW_MINUTES"])


def _wait_message(minutes: int) -> str:
    """The lockout, with the time to wait."""
    return ngettext("Zu viele Versuche. Bitte warten Sie %(num)s Minute und versuchen Sie es dann erneut.",
                    "Zu viele Versuche. Bitte warten Sie %(num)s Minuten und versuchen Sie es dann erneut.", minutes)


def _next_page(target: str | None) -> str:
    """Where a sign-in leads: the page that asked for it (a path on this site only), else the start page."""
    return local_path(target) or url_for("staff.start")


def _finish_sign_in(user: StaffUser) -> None:
    """Sign the user in: only staff keys of the session change, a Nutzer:in's draft stays."""
    signin.clear_staff_state(session)
    login_user(user)
    session[CHECK] = _check_value(user)
    signin.touch(session, utcnow())
    operations.audit(get_db(), user.id, "sign_in", f"staff:{user.id}")


@bp.route("/anmelden", methods=["GET", "POST"])
@requires(PUBLIC)
def anmelden():
    """Sign in with login name and password; then the second factor, where the account has or needs one."""
    if request.method == "GET" and current_user.is_authenticated:
        return redirect(_next_page(request.args.get("next")))
    form, db, now, status = SignInForm(next=local_path(request.args.get("next"))), get_db(), utcnow(), 200
    weiter = local_path(form.next.data)
    if form.validate_on_submit():
        user = operations.find_user(db, form.login_name.data)
        target = f"staff:{user.id}" if user else "unbekannt"
        outcome = signin.counted_try(db, form.login_name.data, request.remote_addr, _key(), _limits(), now,
                                     lambda: credentials.check_password(user.password_hash if user else None,
                                                                        form.password.data) and user.active)
        if outcome.right:
            if credentials.needs_rehash(user.password_hash):
                user.password_hash = credentials.hash_password(form.password.data)
            if user.totp_confirmed:
                signin.set_pending(session, user.id, "code", now, weiter)
                operations.audit(db, user.id, "password_accepted", target)
                commit()
                return redirect(url_for("staff.zweiter_faktor"))
            if operations.second_factor_required(user):
                signin.set_pending(session, user.id, "setup", now, weiter)
                operations.audit(db, user.id, "password_accepted", target)
                commit()
                return redirect(url_for("staff.einrichten"))
            _finish_sign_in(user)
            commit()
            return redirect(_next_page(weiter))
        if outcome.wait:
            operations.audit(db, None, "sign_in_locked", target)
            form.password.errors.append(_wait_message(outcome.wait))
            status = 429
        else:
            operations.audit(db, None, "sign_in_failed", target)
            form.password.errors.append(_("Anmeldename oder Passwort ist falsch."))
        commit()
    return render_template("staff/anmelden.html", form=form, abgemeldet=request.args.get("abgemeldet"),
                           abgelaufen=request.args.get("abgelaufen"), passwort=request.args.get("passwort")), status


def _pending_user(step: str) -> StaffUser | None:
    """The user waiting for this step of the second factor, if any."""
    found = signin.pending(session, utcnow())
    if found is None or found[1] != step:
        return None
    user = get_db().get(StaffUser, found[0])
    return user if user is not None and user.active else None


def _second_step(form, template: str, check):
    """A page that checks a code (app or recovery code) for a pending sign-in, counted like a password."""
    user = _pending_user("code")
    if user is None:
        return redirect(url_for("staff.anmelden"))
    status, db = 200, get_db()
    if form.validate_on_submit():
        outcome = signin.counted_try(db, user.login_name, request.remote_addr, _key(), _limits(), utcnow(),
                                     lambda: check(user, form.code.data))
        if outcome.right:
            weiter = signin.pending_next(session)
            session.pop(signin.PENDING, None)
            _finish_sign_in(user)
            commit()
            return redirect(_next_page(weiter))
        if outcome.wait:
            operations.audit(db, None, "sign_in_locked", f"staff:{user.id}")
            form.code.errors.append(_wait_message(outcome.wait))
            status = 429
        else:
            operations.audit(db, None, "second_factor_failed", f"staff:{user.id}")
            form.code.errors.append(_("Der Code ist falsch oder abgelaufen."))
        commit()
    return render_template(template, form=form), status


@bp.route("/zweiter-faktor", methods=["GET", "POST"])
@requires(PUBLIC)
def zweiter_faktor():
    """The code of the authenticator app, after the password."""
    return _second_step(CodeForm(), "staff/zweiter_faktor.html",
                        lambda user, code: operations.check_totp(user, code, utcnow()))


@bp.route("/wiederherstellung", methods=["GET", "POST"])
@requires(PUBLIC)
def wiederherstellung():
    """A recovery code instead of the app's code; each works once."""
    return _second_step(RecoveryForm(), "staff/wiederherstellung.html",
                        lambda user, code: operations.use_recovery_code(get_db(), user, code, _key(), utcnow()))


@bp.route("/zweiter-faktor/einrichten", methods=["GET", "POST"])
@requires(PUBLIC)
def einrichten():
    """Set up the second factor: required at sign-in for some roles, offered to everyone signed in."""
    pending_user = _pending_user("setup")
    user = pending_user or (current_user._get_current_object() if current_user.is_authenticated else None)
    if user is None:
        return redirect(url_for("staff.anmelden"))
    if user.totp_confirmed:
        return redirect(url_for("staff.start"))
    db, form = get_db(), CodeForm()
    secret = user.totp_secret or operations.start_second_factor(user)
    if form.validate_on_submit():
        if operations.check_totp(user, form.code.data, utcnow()):
            codes = operations.confirm_second_factor(db, user, _key(), utcnow())
            weiter = signin.pending_next(session)
            if pending_user is not None:
                session.pop(signin.PENDING, None)
                _finish_sign_in(user)
            commit()
            return render_template("staff/codes.html", codes=codes, weiter=_next_page(weiter))
        form.code.errors.append(_("Der Code ist falsch oder abgelaufen."))
    commit()  # keeps the secret shown on this page
    uri = credentials.totp_uri(secret, user.login_name)
    return render_template("staff/einrichten.html", form=form, secret=secret, qr=qr_svg(uri))


@bp.route("/link/<token>", methods=["GET", "POST"])
@requires(PUBLIC)
def link(token: str):
    """Set a password through a one-time sign-up or reset link."""
    db, now = get_db(), utcnow()
    found = operations.valid_link(db, token, _key(), now)
    if found is None:
        abort(404)
    user = db.get(StaffUser, found.user_id)
    form = SetPasswordForm(login_name=user.login_name)
    if form.validate_on_submit():
        operations.use_link(db, found, form.password.data, now)
        commit()
        return redirect(url_for("staff.anmelden", passwort=1))
    return render_template("staff/link.html", form=form, user=user, token=token)


@bp.get("/")
@requires("view_start")
def start():
    """What this role can do here."""
    granted = permissions_of(current_user.role)
    return render_template("staff/start.html", role=ROLE_NAMES[current_user.role],
                           abilities=[DESCRIPTIONS[name] for name in TABLE if name in granted],
                           second_factor=current_user.totp_confirmed, granted=granted)


@bp.post("/noch-da")
@requires("view_start")
def noch_da():
    """„Angemeldet bleiben“ in the idle warning: the idle time starts again (the form's CSRF token is checked)."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    signin.touch(session, utcnow())
    return "", 204


@bp.post("/abmelden")
@requires(PUBLIC)
def abmelden():
    """Sign out, always (even with an expired form); a Nutzer:in's draft on this device stays.

    Sent by the idle warning when its time ran out (`abgelaufen`): the sign-in page says so and leads back.
    """
    if current_user.is_authenticated:
        operations.audit(get_db(), current_user.id, "sign_out", f"staff:{current_user.id}")
    logout_user()
    signin.clear_staff_state(session)
    commit()
    if request.form.get("abgelaufen"):
        return redirect(url_for("staff.anmelden", abgelaufen=1, next=local_path(request.form.get("next"))))
    return redirect(url_for("staff.anmelden", abgemeldet=1))
