"""The staff session, apart from a Nutzer:in's: the limit on sign-in tries (rows in the database, so it
holds across worker processes), the half-way state between password and second factor, and idle expiry.

Flask-Login keeps its own keys in the session (`_user_id`, `_fresh`, `_id`); ours start with `staff_`.
init_app asks drafts.session.forget_browser to keep both, and signing staff out touches nothing else.
"""
from __future__ import annotations

import math
from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..mein_code.operations import client_key
from . import credentials
from .models import SignInAttempt
from .operations import normalise_login

SEEN = "staff_seen"
PENDING = "staff_pending"
# A password accepted this long ago no longer opens the second-factor page.
PENDING_MINUTES = 10


@dataclass(frozen=True)
class Limits:
    """Sign-in tries allowed within the window: per login name and per client address."""

    per_name: int
    per_address: int
    window_minutes: int


def name_key(login_name: str, key: str) -> str:
    """The counting key of a login name (a keyed hash: the table holds no names)."""
    return credentials.keyed_hash("staff-name:" + normalise_login(login_name), key)


def start_try(db: Session, login_name: str, address: str | None, key: str, now: datetime) -> SignInAttempt:
    """Count a try before it is checked (the caller commits at once), so tries sent together all see each other."""
    attempt = SignInAttempt(name_hash=name_key(login_name, key), client_hash=client_key(address, key), at=now)
    db.add(attempt)
    db.flush()
    return attempt


def minutes_locked(db: Session, attempt: SignInAttempt, limits: Limits, now: datetime) -> int:
    """Minutes until this try would be allowed, 0 if it is allowed now; tries older than the window are forgotten."""
    window = timedelta(minutes=limits.window_minutes)
    db.execute(delete(SignInAttempt).where(SignInAttempt.at < now - window))
    waits = []
    for column, value, most in ((SignInAttempt.name_hash, attempt.name_hash, limits.per_name),
                                (SignInAttempt.client_hash, attempt.client_hash, limits.per_address)):
        times = list(db.scalars(select(SignInAttempt.at).where(column == value, SignInAttempt.id != attempt.id)
                                .order_by(SignInAttempt.at)))
        if len(times) >= most:
            waits.append(times[len(times) - most] + window - now)
    if not waits:
        return 0
    return max(1, math.ceil(max(waits).total_seconds() / 60))


def purge_tries(db: Session, window_minutes: int, now: datetime) -> int:
    """Delete tries older than the window; returns how many."""
    return db.execute(delete(SignInAttempt).where(SignInAttempt.at < now - timedelta(minutes=window_minutes))).rowcount or 0


def forget_try(db: Session, attempt: SignInAttempt) -> None:
    """A successful try does not count against the limit."""
    db.delete(attempt)


def set_pending(state: MutableMapping, user_id: int, step: str, now: datetime, next_page: str | None = None) -> None:
    """The password was right; the second factor is still to come ("code") or to be set up ("setup").

    `next_page` is the page that asked for the sign-in, to go back to once the second factor is done.
    """
    state[PENDING] = {"id": user_id, "step": step, "at": now.timestamp(), "next": next_page}


def pending_next(state: MutableMapping) -> str | None:
    """The page a pending sign-in goes back to (unchecked: the caller allows only local paths)."""
    entry = state.get(PENDING)
    return entry.get("next") if isinstance(entry, dict) and isinstance(entry.get("next"), str) else None


def pending(state: MutableMapping, now: datetime) -> tuple[int, str] | None:
    """The user id and step of a sign-in waiting for its second factor, if still fresh."""
    entry = state.get(PENDING)
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), int):
        state.pop(PENDING, None)
        return None
    if now.timestamp() - float(entry.get("at") or 0) > PENDING_MINUTES * 60:
        state.pop(PENDING, None)
        return None
    return entry["id"], str(entry.get("step"))


def clear_staff_state(state: MutableMapping) -> None:
    """Forget everything of the staff session (Flask-Login's keys and ours), nothing else."""
    for name in [name for name in state if name.startswith("staff_") or name in FLASK_LOGIN_KEYS]:
        state.pop(name, None)


FLASK_LOGIN_KEYS = ("_user_id", "_fresh", "_id", "_remember", "_remember_seconds")


def touch(state: MutableMapping, now: datetime) -> None:
    """Staff used a page now: the idle time starts again."""
    state[SEEN] = now.timestamp()


def idle_too_long(state: MutableMapping, idle_minutes: int, now: datetime) -> bool:
    """Whether the staff session has not been used for longer than the idle time."""
    return now.timestamp() - float(state.get(SEEN) or 0) > idle_minutes * 60


@dataclass(frozen=True)
class Outcome:
    """What a counted try came to: the minutes to wait if locked, else whether it was right."""

    wait: int
    right: bool


def counted_try(db: Session, login_name: str, address: str | None, key: str, limits: Limits, now: datetime,
                check) -> Outcome:
    """Count a try, commit, and only then check it with `check()` (unless locked); a right try is forgotten."""
    attempt = start_try(db, login_name, address, key, now)
    db.commit()
    wait = minutes_locked(db, attempt, limits, now)
    if wait:
        forget_try(db, attempt)
        return Outcome(wait, False)
    right = bool(check())
    if right:
        forget_try(db, attempt)
    return Outcome(0, right)
