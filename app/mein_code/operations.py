"""Persons and their codes, signing in and out, and the limit on wrong tries: the functions other rooms use."""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..drafts.operations import delete_owned
from .codes import generate, hash_code, normalise
from .models import CodeAttempt, Person

# Where a session keeps who is signed in with their code: an id, a check value and the last use.
PERSON = "person"


def find_person(db: Session, normalised: str, code_key: str) -> Person | None:
    """The person whose (normalised) code this is, if any."""
    return db.scalar(select(Person).where(Person.code_hash == hash_code(normalised, code_key)))


def new_person(db: Session, code_key: str) -> tuple[Person, str]:
    """A person with a fresh code that no one else has; the code is returned to be shown once."""
    while True:
        code = generate()
        code_hash = hash_code(normalise(code) or "", code_key)
        if db.scalar(select(Person.id).where(Person.code_hash == code_hash)) is None:
            person = Person(code_hash=code_hash)
            db.add(person)
            db.flush()
            return person, code


def person_with_code(db: Session, code: str, code_key: str) -> Person:
    """A new person with a given code (the published demo code), replacing an earlier one."""
    code_hash = hash_code(normalise(code) or "", code_key)
    existing = db.scalar(select(Person.id).where(Person.code_hash == code_hash))
    if existing is not None:
        delete_person(db, existing)
    person = Person(code_hash=code_hash)
    db.add(person)
    db.flush()
    return person


def owner_key(person_id: int) -> str:
    """How drafts name the person whose saved answers they hold."""
    return f"person:{person_id}"


def delete_person(db: Session, person_id: int) -> None:
    """Delete a person and every row about them: answers (ON DELETE CASCADE) and open drafts anywhere."""
    delete_owned(db, owner_key(person_id))
    db.execute(delete(Person).where(Person.id == person_id))


def _check_value(person: Person, code_key: str) -> str:
    """Ties a session to this very person row, so a reused id (SQLite) never signs anyone in."""
    return hmac.new(code_key.encode(), f"{person.id}:{person.code_hash}".encode(), hashlib.sha256).hexdigest()[:32]


def sign_in(state: MutableMapping, person: Person, code_key: str, now: datetime) -> None:
    """Remember in the session that this person is signed in."""
    state[PERSON] = {"id": person.id, "check": _check_value(person, code_key), "seen": now.timestamp()}


def signed_in_person(db: Session, state: MutableMapping, code_key: str, idle_minutes: int,
                     now: datetime) -> int | None:
    """The id of the person signed in, refreshing the idle clock; signs out after idle time or deletion."""
    entry = state.get(PERSON)
    if not isinstance(entry, dict):
        state.pop(PERSON, None)
        return None
    person = db.get(Person, entry.get("id")) if isinstance(entry.get("id"), int) else None
    fresh = now.timestamp() - float(entry.get("seen") or 0) <= idle_minutes * 60
    if person is None or not fresh or not hmac.compare_digest(str(entry.get("check")), _check_value(person, code_key)):
        state.pop(PERSON, None)
        return None
    entry["seen"] = now.timestamp()
    state[PERSON] = entry
    return person.id


def sign_out(state: MutableMapping) -> None:
    """Forget who is signed in."""
    state.pop(PERSON, None)


@dataclass(frozen=True)
class Limits:
    """Wrong tries allowed within the window: per code (the same 3 words) and per client address."""

    per_code: int
    per_address: int
    window_minutes: int


def keyed(text: str, code_key: str) -> str:
    """A keyed hash: enough to count tries, useless to learn an address or a code."""
    return hmac.new(code_key.encode(), text.encode(), hashlib.sha256).hexdigest()


def client_key(address: str | None, code_key: str, room: str = "adresse") -> str:
    """The counting key of a client address; an IPv6 address counts by its /64 network, which one
    household or device is given whole. Another room (join codes of workshops) counts under its own name."""
    text = address or "unbekannt"
    try:
        parsed = ipaddress.ip_address(text)
    except ValueError:
        parsed = None
    if parsed is not None and parsed.version == 6 and parsed.ipv4_mapped is None:
        text = str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return keyed(f"{room}:" + text, code_key)


def pattern_key(normalised: str, code_key: str) -> str:
    """The counting key of a code's 3 words: guessing the number of known words is stopped here."""
    return keyed("woerter:" + normalised.rsplit("-", 1)[0], code_key)


def start_try(db: Session, client: str, pattern: str, now: datetime) -> CodeAttempt:
    """Count a try before it is checked (the caller commits), so simultaneous tries all see each other."""
    attempt = CodeAttempt(client_hash=client, pattern_hash=pattern, created_at=now)
    db.add(attempt)
    db.flush()
    return attempt


def minutes_locked(db: Session, attempt: CodeAttempt, limits: Limits, now: datetime) -> int:
    """Minutes until this try would be allowed, 0 if it is allowed now; tries older than the window are forgotten.

    One person's typos lock only the code they keep typing; a whole room behind one address is stopped
    only after many wrong codes.
    """
    window = timedelta(minutes=limits.window_minutes)
    db.execute(delete(CodeAttempt).where(CodeAttempt.created_at < now - window))
    waits = []
    for column, key, most in ((CodeAttempt.pattern_hash, attempt.pattern_hash, limits.per_code),
                              (CodeAttempt.client_hash, attempt.client_hash, limits.per_address)):
        times = list(db.scalars(select(CodeAttempt.created_at)
                                .where(column == key, CodeAttempt.id != attempt.id).order_by(CodeAttempt.created_at)))
        if len(times) >= most:
            # Allowed again once enough of the earlier tries have left the window.
            waits.append(times[len(times) - most] + window - now)
    if not waits:
        return 0
    return max(1, math.ceil(max(waits).total_seconds() / 60))


def forget_try(db: Session, attempt: CodeAttempt) -> None:
    """A right code, or a try refused by the lock, does not count as a wrong try."""
    db.delete(attempt)


def purge_tries(db: Session, window_minutes: int, now: datetime) -> int:
    """Delete tries older than the window; returns how many."""
    result = db.execute(delete(CodeAttempt).where(CodeAttempt.created_at < now - timedelta(minutes=window_minutes)))
    return result.rowcount or 0
