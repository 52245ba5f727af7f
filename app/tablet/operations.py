"""The tablet binding: a signed cookie holding the Anbieter, the idle minutes and the expiry.

Only signed-in staff with `run_tablet` set it (views.py); a tampered or expired cookie is no binding.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app, g, request
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.orm import Session

from ..staff import operations as staff

COOKIE = "mitreden_tablet"
SALT = "mitreden-tablet-binding"
# Minutes without a touch before „Sind Sie noch da?“, as offered on the settings page.
MINUTES = (5, 10, 20)
# How long the binding lasts: until the end of the day, or a number of hours.
END_OF_DAY = "tag"
DURATIONS = (END_OF_DAY, "2", "4", "8")


@dataclass(frozen=True)
class Binding:
    """This device in tablet mode: for which Anbieter, minutes before the warning, until when (Unix time),
    and the workshop the device is given to, if any (then its people answer that workshop in turn)."""

    anbieter_id: int
    minutes: int
    until: float
    workshop_id: int | None = None


def _serializer(secret_key: str) -> URLSafeSerializer:
    """Signs and checks the cookie with the app's secret key."""
    return URLSafeSerializer(secret_key, salt=SALT)


def encode(binding: Binding, secret_key: str) -> str:
    """The signed cookie value of a binding."""
    return _serializer(secret_key).dumps({"a": binding.anbieter_id, "m": binding.minutes, "bis": binding.until,
                                          "w": binding.workshop_id})


def decode(value: str | None, secret_key: str, now: float) -> Binding | None:
    """The binding in a cookie value; None if missing, tampered, malformed or expired."""
    if not value:
        return None
    try:
        data = _serializer(secret_key).loads(value)
    except BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    anbieter_id, minutes, until, workshop_id = data.get("a"), data.get("m"), data.get("bis"), data.get("w")
    if not isinstance(anbieter_id, int) or minutes not in MINUTES or not isinstance(until, (int, float)):
        return None
    if workshop_id is not None and not isinstance(workshop_id, int):
        return None
    return Binding(anbieter_id, minutes, float(until), workshop_id) if until > now else None


def until_for(duration: str, now: datetime) -> datetime:
    """When a binding chosen now ends: the next midnight (of `now`'s time zone) or after some hours."""
    if duration == END_OF_DAY:
        return (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return now + timedelta(hours=int(duration))


def switch_on(db: Session, user, state, minutes: int, duration: str, now: datetime,
              workshop_id: int | None = None) -> Binding:
    """Bind this device to the staff member's Anbieter (and a workshop of it), audit that, and sign the staff member
    out on this device. The caller commits and stores the binding on its response (`set_cookie`)."""
    until = until_for(duration, now)
    binding = Binding(user.anbieter_id, minutes, until.timestamp(), workshop_id)
    detail = f"{minutes} min, bis {until.isoformat(timespec='minutes')}"
    staff.audit(db, user.id, "tablet_on", f"anbieter:{user.anbieter_id}",
                detail + (f", workshop:{workshop_id}" if workshop_id is not None else ""))
    staff.sign_out_here(db, user, state)
    return binding


def set_cookie(response, binding: Binding) -> None:
    """Keep the binding in this browser's signed cookie until it ends."""
    response.set_cookie(COOKIE, encode(binding, current_app.config["SECRET_KEY"]), expires=binding.until,
                        httponly=True, samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])


def current_binding() -> Binding | None:
    """The binding of the device sending this request (read once per request)."""
    if "tablet_binding" not in g:
        g.tablet_binding = decode(request.cookies.get(COOKIE), current_app.config["SECRET_KEY"], time.time())
    return g.tablet_binding


def bound_anbieter(db: Session) -> int | None:
    """The Anbieter this device is bound to in tablet mode, if it (still) exists."""
    binding = current_binding()
    if binding is None or not staff.anbieter_exists(db, binding.anbieter_id):
        return None
    return binding.anbieter_id
