"""Staff accounts for tests, made directly in the database (the sign-up flow has its own tests)."""
from __future__ import annotations

import re

import pyotp

from app.core.db import get_db
from app.staff import credentials, operations
from app.staff.models import StaffUser

PASSWORD = "Lange-Sichere-Passphrase-42"


def is_staff_view(app, endpoint: str) -> bool:
    """A view of the staff blueprint, or one defined in a module named `staff` of any domain (app.tablet.staff)."""
    view = app.view_functions[endpoint]
    # functools.wraps keeps the module of the decorated view; an undecorated one has its own.
    return endpoint.startswith("staff.") or getattr(view, "__module__", "").rsplit(".", 1)[-1] == "staff"


def make_anbieter(app, name: str) -> int:
    """An Anbieter; returns its id."""
    with app.app_context():
        anbieter = operations.new_anbieter(get_db(), name)
        get_db().commit()
        return anbieter.id


def make_user(app, login_name: str, role: str, anbieter_id: int | None = None, second_factor: bool = False) -> str | None:
    """An account with PASSWORD; returns its TOTP secret if it has a confirmed second factor."""
    with app.app_context():
        db = get_db()
        user = operations.create_account(db, login_name, login_name.title(), role, anbieter_id, actor_id=None)
        user.password_hash = credentials.hash_password(PASSWORD)
        secret = None
        if second_factor:
            secret = user.totp_secret = credentials.new_totp_secret()
            user.totp_confirmed = True
        db.commit()
        return secret


def user_id(app, login_name: str) -> int:
    """The id of an account."""
    with app.app_context():
        return operations.find_user(get_db(), login_name).id


def sign_in(client, login_name: str, password: str = PASSWORD):
    """Send the sign-in form."""
    return client.submit("/staff/anmelden", {"login_name": login_name, "password": password})


def totp_now(secret: str) -> str:
    """The current code of an authenticator app."""
    return pyotp.TOTP(secret).now()


def secret_on_page(html: str) -> str:
    """The TOTP key shown on the set-up page."""
    return re.search(r"<code>([A-Z2-7]+)</code>", html).group(1)


def audit_actions(app) -> list[str]:
    """Every audit action so far, oldest first."""
    from sqlalchemy import select

    from app.staff.models import AuditEntry

    with app.app_context():
        return list(get_db().scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def get_user(app, login_name: str) -> StaffUser:
    """An account, detached (for reading its columns)."""
    with app.app_context():
        user = operations.find_user(get_db(), login_name)
        get_db().expunge(user)
        return user
