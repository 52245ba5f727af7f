"""Staff admin pages: Anbieter and their Sozialräume, accounts with one-time links, Sozialräume on/off.
Every lookup by id goes through scoping.py, so a foreign or unknown id is a 404; every change is audited."""
from __future__ import annotations

from flask import abort, current_app, make_response, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..core.db import commit, get_db, utcnow
from ..sozialraum import operations as sozialraum_operations
from ..sprache.i18n import _
from ..ui.forms import ConfirmForm
from . import operations
from .forms import NO_ANBIETER, AccountForm, AnbieterForm, RoleForm
from .models import ASSISTENZ, Anbieter, StaffUser
from .permissions import BELONGS_TO_ANBIETER, ROLE_NAMES, may, requires
from .scoping import scoped, scoped_anbieter, scoped_get
from .views import bp


def _actor() -> StaffUser:
    """The signed-in staff user."""
    return current_user._get_current_object()


def _no_store(html: str):
    """A response that no cache keeps (it shows a one-time link)."""
    response = make_response(html)
    response.headers["Cache-Control"] = "no-store"
    return response


# --- Anbieter ---------------------------------------------------------------------------------------

@bp.get("/anbieter")
@requires("manage_anbieter")
def anbieter_liste():
    """Every Anbieter the user may see, with the Sozialräume it works in."""
    db = get_db()
    names = {raum.id: raum.name for raum in sozialraum_operations.every(db)}
    rows = [(anbieter, [names[i] for i in operations.sozialraeume_of(db, anbieter.id) if i in names])
            for anbieter in db.scalars(select(Anbieter).order_by(Anbieter.name))
            if scoped_anbieter(db, anbieter.id, _actor()) is not None]
    return render_template("staff/anbieter_liste.html", rows=rows)


def _anbieter_form(anbieter: Anbieter | None):
    """The form to create or edit an Anbieter, with every Sozialraum offered."""
    db = get_db()
    form = AnbieterForm(obj=anbieter, sozialraeume=None if anbieter is None else
                        [str(i) for i in operations.sozialraeume_of(db, anbieter.id)])
    form.sozialraeume.choices = [(str(raum.id), raum.name) for raum in sozialraum_operations.every(db)]
    if form.validate_on_submit():
        other = operations.anbieter_named(db, form.name.data)
        if other is not None and other is not anbieter:
            form.name.errors.append(_("Es gibt schon einen Anbieter mit diesem Namen."))
        else:
            if anbieter is None:
                anbieter = operations.new_anbieter(db, form.name.data, _actor().id)
            else:
                operations.rename_anbieter(db, anbieter, form.name.data, _actor().id)
            operations.set_sozialraeume(db, anbieter, [int(i) for i in form.sozialraeume.data or []], _actor().id)
            commit()
            return redirect(url_for("staff.anbieter_liste"))
    return render_template("staff/anbieter_form.html", form=form, anbieter=anbieter)


@bp.route("/anbieter/neu", methods=["GET", "POST"])
@requires("manage_anbieter")
def anbieter_neu():
    """Create an Anbieter."""
    return _anbieter_form(None)


@bp.route("/anbieter/<id:anbieter_id>", methods=["GET", "POST"])
@requires("manage_anbieter")
def anbieter_bearbeiten(anbieter_id: int):
    """Change an Anbieter's name and Sozialräume."""
    anbieter = scoped_anbieter(get_db(), anbieter_id, _actor())
    if anbieter is None:
        abort(404)
    return _anbieter_form(anbieter)


@bp.route("/anbieter/<id:anbieter_id>/loeschen", methods=["GET", "POST"])
@requires("manage_anbieter")
def anbieter_loeschen(anbieter_id: int):
    """Say what deleting an Anbieter does (GET), and delete it (POST) once no account belongs to it."""
    db = get_db()
    anbieter = scoped_anbieter(db, anbieter_id, _actor())
    if anbieter is None:
        abort(404)
    accounts = operations.accounts_of(db, anbieter.id)
    if not accounts and request.method == "POST" and ConfirmForm().validate_on_submit():
        operations.delete_anbieter(db, anbieter, _actor().id)
        commit()
        return redirect(url_for("staff.anbieter_liste"))
    return render_template("staff/anbieter_loeschen.html", anbieter=anbieter, accounts=accounts, form=ConfirmForm(),
                           manage_accounts=may(_actor().role, "manage_accounts"))


# --- Accounts ---------------------------------------------------------------------------------------

def _account(user_id: int) -> StaffUser:
    """An account the user may manage; a foreign or unknown id is a 404."""
    user = scoped_get(get_db(), StaffUser, user_id, _actor())
    if user is None or not operations.may_manage(_actor(), user):
        abort(404)  # an Anbieter-Leitung manages only its own Assistenz
    return user


def _anbieter_rule() -> str:
    """The role ↔ Anbieter rule, as a form error."""
    return _("Assistenz und Anbieter-Leitung brauchen einen Anbieter, die anderen Rollen keinen.")


def _every_choice(form) -> None:
    """Offer every role and every Anbieter (and none), for the Admin."""
    form.role.choices = [(role, str(name)) for role, name in ROLE_NAMES.items()]
    form.anbieter.choices = [(NO_ANBIETER, _("Kein Anbieter"))] + [
        (str(i), name) for i, name in _anbieter_names().items()]


def _anbieter_names() -> dict[int, str]:
    """The names of the Anbieter the user may see, by id."""
    db = get_db()
    return {anbieter.id: anbieter.name for anbieter in db.scalars(select(Anbieter).order_by(Anbieter.name))
            if scoped_anbieter(db, anbieter.id, _actor()) is not None}


@bp.get("/konten")
@requires("manage_accounts", "manage_own_staff")
def konten():
    """The accounts the user may manage."""
    db = get_db()
    users = [user for user in db.scalars(scoped(select(StaffUser).order_by(StaffUser.login_name), StaffUser, _actor()))
             if operations.may_manage(_actor(), user)]
    return render_template("staff/konten.html", users=users, roles=ROLE_NAMES, anbieter=_anbieter_names())


@bp.route("/konten/neu", methods=["GET", "POST"])
@requires("manage_accounts", "manage_own_staff")
def konto_neu():
    """Create an account; the one-time sign-up link is shown once, to hand over in person."""
    db, form, actor = get_db(), AccountForm(), _actor()
    if may(actor.role, "manage_accounts"):
        _every_choice(form)
    else:
        form.role.choices = [(ASSISTENZ, str(ROLE_NAMES[ASSISTENZ]))]
        form.anbieter.choices = [(str(actor.anbieter_id), _anbieter_names()[actor.anbieter_id])]
    if form.validate_on_submit():
        anbieter_id = None if form.anbieter.data == NO_ANBIETER else int(form.anbieter.data)
        if operations.find_user(db, form.login_name.data) is not None:
            form.login_name.errors.append(_("Diesen Anmeldenamen gibt es schon."))
        elif (form.role.data in BELONGS_TO_ANBIETER) != (anbieter_id is not None):
            form.anbieter.errors.append(_anbieter_rule())
        else:
            user = operations.create_account(db, form.login_name.data, form.display_name.data, form.role.data,
                                             anbieter_id, actor.id)
            return _show_link(user, operations.SIGNUP)
    return render_template("staff/konto_neu.html", form=form)


def _show_link(user: StaffUser, purpose: str):
    """Make a one-time link for the account and show it once."""
    token = operations.new_link(get_db(), user, purpose, current_app.config["CODE_KEY"], utcnow(), _actor().id,
                                current_app.config["STAFF_LINK_HOURS"])
    commit()
    url = url_for("staff.link", token=token, _external=True)
    return _no_store(render_template("staff/konto_link.html", user=user, url=url, purpose=purpose,
                                     hours=current_app.config["STAFF_LINK_HOURS"]))


def _konto_page(user: StaffUser, role_form: RoleForm | None = None, message: str = "", status: int = 200):
    """The account page; the Admin gets the role form for any account but their own."""
    if role_form is None and may(_actor().role, "manage_accounts") and user.id != _actor().id:
        role_form = RoleForm(role=user.role, anbieter=str(user.anbieter_id) if user.anbieter_id else NO_ANBIETER)
        _every_choice(role_form)
    return render_template("staff/konto.html", user=user, roles=ROLE_NAMES, anbieter=_anbieter_names(),
                           form=ConfirmForm(), role_form=role_form, message=message), status


@bp.get("/konten/<id:user_id>")
@requires("manage_accounts", "manage_own_staff")
def konto(user_id: int):
    """One account: role, Anbieter, state, and what can be done with it."""
    return _konto_page(_account(user_id))


@bp.post("/konten/<id:user_id>/rolle")
@requires("manage_accounts")
def konto_rolle(user_id: int):
    """Give an account another role (and Anbieter): only the Admin, never for their own account."""
    user, form = _account(user_id), RoleForm()
    _every_choice(form)
    if user.id == _actor().id:
        return _konto_page(user, message=_("Ihre eigene Rolle können Sie nicht ändern."), status=403)
    if form.validate_on_submit():
        anbieter_id = None if form.anbieter.data == NO_ANBIETER else int(form.anbieter.data)
        if (form.role.data in BELONGS_TO_ANBIETER) != (anbieter_id is not None):
            form.anbieter.errors.append(_anbieter_rule())
        elif (form.role.data, anbieter_id) != (user.role, user.anbieter_id):
            try:
                operations.change_role(get_db(), user, form.role.data, anbieter_id, _actor().id)
            except operations.LastAdminError:
                form.role.errors.append(_("Dies ist das letzte aktive Admin-Konto. Es behält seine Rolle, "
                                          "damit jemand die Konten verwalten kann."))
            else:
                commit()
                return redirect(url_for("staff.konto", user_id=user.id))
        else:
            return redirect(url_for("staff.konto", user_id=user.id))
    return _konto_page(user, role_form=form)


@bp.post("/konten/<id:user_id>/zweiter-faktor")
@requires("manage_accounts", "manage_own_staff")
def konto_faktor(user_id: int):
    """Reset a lost second factor: it, the recovery codes and the password go; a new one-time link is shown."""
    user = _account(user_id)
    if not ConfirmForm().validate_on_submit() or user.id == _actor().id or not user.totp_confirmed:
        return redirect(url_for("staff.konto", user_id=user.id))
    operations.reset_second_factor(get_db(), user, _actor().id)
    return _show_link(user, operations.RESET_FACTOR)


@bp.post("/konten/<id:user_id>/aktiv")
@requires("manage_accounts", "manage_own_staff")
def konto_aktiv(user_id: int):
    """Switch an account off or on again; nobody switches off their own account."""
    user = _account(user_id)
    if ConfirmForm().validate_on_submit() and user.id != _actor().id:
        try:
            operations.set_active(get_db(), user, not user.active, _actor().id)
        except operations.LastAdminError:
            return _konto_page(user, message=_("Dies ist das letzte aktive Admin-Konto. Es bleibt eingeschaltet."))
        commit()
    return redirect(url_for("staff.konto", user_id=user.id))


@bp.post("/konten/<id:user_id>/link")
@requires("manage_accounts", "manage_own_staff")
def konto_link(user_id: int):
    """A new one-time link to set a new password (earlier unused links stop working)."""
    user = _account(user_id)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("staff.konto", user_id=user.id))
    return _show_link(user, operations.RESET)


# --- Sozialräume ------------------------------------------------------------------------------------

@bp.get("/sozialraeume")
@requires("manage_sozialraeume")
def sozialraeume():
    """Every Sozialraum, each with a button to switch it on or off."""
    return render_template("staff/sozialraeume.html", raeume=sozialraum_operations.every(get_db()), form=ConfirmForm())


@bp.post("/sozialraeume/<id:sozialraum_id>/aktiv")
@requires("manage_sozialraeume")
def sozialraum_aktiv(sozialraum_id: int):
    """Switch a Sozialraum on or off."""
    db = get_db()
    raum = sozialraum_operations.find(db, sozialraum_id)
    if raum is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        sozialraum_operations.set_active(db, raum, not raum.aktiv)
        operations.audit(db, _actor().id, "sozialraum_changed", f"sozialraum:{raum.id}", f"aktiv={raum.aktiv}")
        commit()
    return redirect(url_for("staff.sozialraeume"))
