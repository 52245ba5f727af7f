"""Anbieter and staff accounts, one-time sign-up and reset links, second factor and recovery codes,
and the audit log: plain functions (the caller commits) that other rooms may use too."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from . import credentials
from .models import (ADMIN, ASSISTENZ, ROLES, Anbieter, AuditEntry, RecoveryCode, SignupLink, StaffUser,
                     anbieter_sozialraum)
from .permissions import BELONGS_TO_ANBIETER, SECOND_FACTOR_REQUIRED, may

SIGNUP = "signup"
RESET = "reset"
# A reset of a lost second factor: the password is set again, then the factor (where the role needs one).
RESET_FACTOR = "factor"
LINK_HOURS = 72


class AccountError(ValueError):
    """An account that breaks a rule (unknown role, missing or needless Anbieter, name taken)."""


class LastAdminError(AccountError):
    """The change would leave the deployment without an active Admin."""


class AnbieterInUse(ValueError):
    """An Anbieter that still has accounts cannot be deleted."""


def audit(db: Session, actor_id: int | None, action: str, target: str = "", detail: str = "",
          now: datetime | None = None) -> None:
    """Write one audit entry (who, what, when). Never pass a password, a code or a token."""
    entry = AuditEntry(actor_id=actor_id, action=action, target=target[:200], detail=detail[:500])
    if now is not None:
        entry.at = now
    db.add(entry)


def new_anbieter(db: Session, name: str, actor_id: int | None = None, demo: bool = False) -> Anbieter:
    """Create an Anbieter."""
    anbieter = Anbieter(name=name.strip(), demo=demo)
    db.add(anbieter)
    db.flush()
    audit(db, actor_id, "anbieter_created", f"anbieter:{anbieter.id}", anbieter.name)
    return anbieter


def anbieter_named(db: Session, name: str) -> Anbieter | None:
    """The Anbieter with this name (ignoring surrounding space), if any."""
    return db.scalar(select(Anbieter).where(Anbieter.name == name.strip()))


def rename_anbieter(db: Session, anbieter: Anbieter, name: str, actor_id: int | None) -> None:
    """Give an Anbieter a new name."""
    old, anbieter.name = anbieter.name, name.strip()
    if old != anbieter.name:
        audit(db, actor_id, "anbieter_renamed", f"anbieter:{anbieter.id}", f"{old} -> {anbieter.name}")


def set_sozialraeume(db: Session, anbieter: Anbieter, sozialraum_ids: list[int], actor_id: int | None = None) -> None:
    """Set the Sozialräume an Anbieter works in."""
    db.execute(delete(anbieter_sozialraum).where(anbieter_sozialraum.c.anbieter_id == anbieter.id))
    for sozialraum_id in sorted(set(sozialraum_ids)):
        db.execute(insert(anbieter_sozialraum).values(anbieter_id=anbieter.id, sozialraum_id=sozialraum_id))
    audit(db, actor_id, "anbieter_sozialraeume", f"anbieter:{anbieter.id}", ",".join(map(str, sorted(set(sozialraum_ids)))))


def sozialraeume_of(db: Session, anbieter_id: int) -> list[int]:
    """The ids of the Sozialräume an Anbieter works in."""
    return list(db.scalars(select(anbieter_sozialraum.c.sozialraum_id)
                           .where(anbieter_sozialraum.c.anbieter_id == anbieter_id)
                           .order_by(anbieter_sozialraum.c.sozialraum_id)))


def _check_role(role: str, anbieter_id: int | None) -> None:
    """Assistenz and Anbieter-Leitung need exactly one Anbieter; the other roles none."""
    if role not in ROLES:
        raise AccountError(f"unknown role: {role}")
    if role in BELONGS_TO_ANBIETER and anbieter_id is None:
        raise AccountError(f"role {role} needs an Anbieter")
    if role not in BELONGS_TO_ANBIETER and anbieter_id is not None:
        raise AccountError(f"role {role} belongs to no Anbieter")


def normalise_login(login_name: str) -> str:
    """Login names are compared without case and surrounding space."""
    return (login_name or "").strip().lower()


def find_user(db: Session, login_name: str) -> StaffUser | None:
    """The account with this login name, if any."""
    return db.scalar(select(StaffUser).where(StaffUser.login_name == normalise_login(login_name)))


def create_account(db: Session, login_name: str, display_name: str, role: str, anbieter_id: int | None,
                   actor_id: int | None, demo: bool = False) -> StaffUser:
    """Create an account without a password: the person sets it through a sign-up link."""
    _check_role(role, anbieter_id)
    name = normalise_login(login_name)
    if not name or find_user(db, name) is not None:
        raise AccountError("login name empty or taken")
    user = StaffUser(login_name=name, display_name=display_name.strip(), role=role, anbieter_id=anbieter_id,
                     demo=demo, active=True, totp_confirmed=False)
    db.add(user)
    db.flush()
    audit(db, actor_id, "account_created", f"staff:{user.id}", f"role={role} anbieter={anbieter_id}")
    return user


def _other_active_admin(db: Session, user: StaffUser) -> bool:
    """Whether an active Admin other than this account exists."""
    return db.scalar(select(StaffUser.id).where(StaffUser.role == ADMIN, StaffUser.active.is_(True),
                                                StaffUser.id != user.id).limit(1)) is not None


def change_role(db: Session, user: StaffUser, role: str, anbieter_id: int | None, actor_id: int | None) -> None:
    """Give an account another role (and Anbieter), checked like a new account; the last active Admin stays one.

    A role that needs a second factor asks for its set-up at the next sign-in (the sign-in page does that
    for every account without a confirmed factor); the session check in views.py ends running sessions.
    """
    _check_role(role, anbieter_id)
    if user.role == ADMIN and role != ADMIN and user.active and not _other_active_admin(db, user):
        raise LastAdminError("the last active admin keeps the role")
    old = f"role={user.role} anbieter={user.anbieter_id}"
    user.role, user.anbieter_id = role, anbieter_id
    audit(db, actor_id, "role_changed", f"staff:{user.id}", f"{old} -> role={role} anbieter={anbieter_id}")


def set_active(db: Session, user: StaffUser, active: bool, actor_id: int | None) -> None:
    """Switch an account on or off (an inactive account cannot sign in); the last active Admin stays on."""
    if not active and user.role == ADMIN and user.active and not _other_active_admin(db, user):
        raise LastAdminError("the last active admin stays on")
    user.active = active
    audit(db, actor_id, "account_changed", f"staff:{user.id}", f"active={active}")


def may_manage(actor: StaffUser, user: StaffUser) -> bool:
    """Whether an actor may create links for or change an account: Admin any, Anbieter-Leitung its own Assistenz."""
    if may(actor.role, "manage_accounts"):
        return True
    return (may(actor.role, "manage_own_staff") and actor.anbieter_id is not None
            and user.anbieter_id == actor.anbieter_id and user.role == ASSISTENZ)


def reset_second_factor(db: Session, user: StaffUser, actor_id: int | None) -> None:
    """Forget a lost second factor: secret, confirmation and recovery codes, and the password too.

    Trust on first use: whoever signs in to an account without a confirmed factor may set one up. So the
    password goes as well (which also ends every session of the account); the person sets a new one through
    a one-time link handed over in person (the caller makes it), then sets up the factor again.
    """
    user.totp_secret, user.totp_confirmed, user.totp_last_step = None, False, None
    user.password_hash = None
    db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    audit(db, actor_id, "second_factor_reset", f"staff:{user.id}")


def accounts_of(db: Session, anbieter_id: int) -> list[StaffUser]:
    """Every account (switched on or off) that belongs to an Anbieter."""
    return list(db.scalars(select(StaffUser).where(StaffUser.anbieter_id == anbieter_id).order_by(StaffUser.login_name)))


def delete_anbieter(db: Session, anbieter: Anbieter, actor_id: int | None) -> None:
    """Delete an Anbieter without accounts; its Sozialraum links go, a Wille keeps its answers without it.

    Accounts are never deleted with it: they carry the audit trail. The Wille rows lose the Anbieter
    through their foreign key (ON DELETE SET NULL; SQLite enforces it, see core/db.py).
    """
    if accounts_of(db, anbieter.id):
        raise AnbieterInUse("the Anbieter still has accounts")
    db.execute(delete(anbieter_sozialraum).where(anbieter_sozialraum.c.anbieter_id == anbieter.id))
    audit(db, actor_id, "anbieter_deleted", f"anbieter:{anbieter.id}", anbieter.name)
    db.delete(anbieter)
    db.flush()


def new_link(db: Session, user: StaffUser, purpose: str, key: str, now: datetime, actor_id: int | None,
             hours: int = LINK_HOURS) -> str:
    """A one-time link token for sign-up or reset; earlier unused links of the user stop working."""
    db.execute(delete(SignupLink).where(SignupLink.user_id == user.id, SignupLink.used_at.is_(None)))
    token = credentials.new_link_token()
    db.add(SignupLink(token_hash=credentials.keyed_hash("link:" + token, key), user_id=user.id, purpose=purpose,
                      created_at=now, expires_at=now + timedelta(hours=hours)))
    audit(db, actor_id, "link_created", f"staff:{user.id}", purpose, now)
    return token


def valid_link(db: Session, token: str, key: str, now: datetime) -> SignupLink | None:
    """The unused, unexpired link of a token, or None."""
    link = db.scalar(select(SignupLink).where(SignupLink.token_hash == credentials.keyed_hash("link:" + (token or ""), key)))
    if link is None or link.used_at is not None or link.expires_at <= now:
        return None
    return link


def use_link(db: Session, link: SignupLink, password: str, now: datetime) -> StaffUser:
    """Set the password through a link and use the link up (the caller has checked the password rules)."""
    user = db.get(StaffUser, link.user_id)
    link.used_at = now
    user.password_hash = credentials.hash_password(password)
    audit(db, user.id, "password_set", f"staff:{user.id}", link.purpose, now)
    return user


def second_factor_required(user: StaffUser) -> bool:
    """Whether this account must use a second factor."""
    return user.role in SECOND_FACTOR_REQUIRED


def start_second_factor(user: StaffUser) -> str:
    """A new, unconfirmed TOTP secret for the user (replacing an unconfirmed one)."""
    if not user.totp_confirmed:
        user.totp_secret = credentials.new_totp_secret()
    return user.totp_secret


def check_totp(user: StaffUser, code: str, now: datetime) -> bool:
    """Whether a TOTP code is right; an accepted code is used up."""
    if not user.totp_secret:
        return False
    step = credentials.totp_step(user.totp_secret, code, user.totp_last_step, now.timestamp())
    if step is None:
        return False
    user.totp_last_step = step
    return True


def confirm_second_factor(db: Session, user: StaffUser, key: str, now: datetime) -> list[str]:
    """Mark the second factor as set up and return fresh recovery codes, to be shown once."""
    user.totp_confirmed = True
    audit(db, user.id, "second_factor_set", f"staff:{user.id}", "", now)
    return new_recovery_codes(db, user, key)


def new_recovery_codes(db: Session, user: StaffUser, key: str) -> list[str]:
    """Replace the user's recovery codes; only their keyed hashes are stored."""
    db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = credentials.new_recovery_codes()
    for code in codes:
        db.add(RecoveryCode(user_id=user.id, code_hash=_recovery_hash(user, code, key)))
    return codes


def _recovery_hash(user: StaffUser, code: str, key: str) -> str:
    """The keyed hash of a recovery code, bound to its user."""
    return credentials.keyed_hash(f"recovery:{user.id}:{credentials.normalise_recovery_code(code)}", key)


def use_recovery_code(db: Session, user: StaffUser, code: str, key: str, now: datetime) -> bool:
    """Whether a recovery code is right and unused; it is used up."""
    row = db.scalar(select(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None),
                                               RecoveryCode.code_hash == _recovery_hash(user, code, key)))
    if row is None:
        return False
    row.used_at = now
    audit(db, user.id, "recovery_code_used", f"staff:{user.id}", "", now)
    return True


def recovery_codes_left(db: Session, user: StaffUser) -> int:
    """How many unused recovery codes the user has."""
    return len(list(db.scalars(select(RecoveryCode.id).where(RecoveryCode.user_id == user.id,
                                                             RecoveryCode.used_at.is_(None)))))


def anbieter_exists(db: Session, anbieter_id: int) -> bool:
    """Whether an Anbieter with this id exists (a tablet binding may outlive it)."""
    return db.get(Anbieter, anbieter_id) is not None


def sign_out_here(db: Session, user: StaffUser, state) -> None:
    """Sign a staff member out on this device (after switching tablet mode on); only staff keys change."""
    from flask_login import logout_user

    from .signin import clear_staff_state

    audit(db, user.id, "sign_out", f"staff:{user.id}")
    logout_user()
    clear_staff_state(state)


# --- the staff member's own account (account.py) -----------------------------------------------------

def change_password(db: Session, user: StaffUser, password: str, now: datetime) -> None:
    """Set a new password chosen by the user (the caller has checked the old one and the rules); audited."""
    user.password_hash = credentials.hash_password(password)
    audit(db, user.id, "password_changed", f"staff:{user.id}", "", now)


def replace_second_factor(db: Session, user: StaffUser, secret: str, code: str, key: str,
                          now: datetime) -> list[str] | None:
    """Swap in a new TOTP secret once a code of it is right; returns new recovery codes, or None if the code is wrong.

    The old factor keeps working until then, so a replacement given up half-way locks no one out."""
    step = credentials.totp_step(secret, code, None, now.timestamp())
    if step is None:
        return None
    had_one = user.totp_confirmed
    user.totp_secret, user.totp_last_step, user.totp_confirmed = secret, step, True
    if had_one:
        audit(db, user.id, "second_factor_replaced", f"staff:{user.id}", "", now)
    else:
        audit(db, user.id, "second_factor_set", f"staff:{user.id}", "", now)
    return new_recovery_codes(db, user, key)


def may_switch_off_second_factor(user: StaffUser) -> bool:
    """Whether the user may switch their second factor off: only where the role does not require it."""
    return user.totp_confirmed and not second_factor_required(user)


def switch_off_second_factor(db: Session, user: StaffUser, now: datetime) -> None:
    """Remove the second factor and its recovery codes (only for roles where it is optional); audited."""
    if second_factor_required(user):
        raise AccountError(f"role {user.role} requires a second factor")
    user.totp_secret, user.totp_last_step, user.totp_confirmed = None, None, False
    db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    audit(db, user.id, "second_factor_removed", f"staff:{user.id}", "", now)


def renew_recovery_codes(db: Session, user: StaffUser, key: str, now: datetime) -> list[str]:
    """New recovery codes in place of the old ones (which stop working), to be shown once; audited."""
    codes = new_recovery_codes(db, user, key)
    audit(db, user.id, "recovery_codes_renewed", f"staff:{user.id}", "", now)
    return codes
