"""Persons and their codes, and the limit on wrong tries: the functions other rooms use."""
from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..core.db import utcnow
from .codes import generate, hash_code, normalise
from .models import CodeAttempt, Person


def find_person(db: Session, raw_code: str, code_key: str) -> Person | None:
    """The person whose code this is, if any."""
    normalised = normalise(raw_code)
    if normalised is None:
        return None
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
    db.execute(delete(Person).where(Person.code_hash == code_hash))
    person = Person(code_hash=code_hash)
    db.add(person)
    db.flush()
    return person


def delete_person(db: Session, person_id: int) -> None:
    """Delete a person; the database deletes every answer linked to them (ON DELETE CASCADE)."""
    db.execute(delete(Person).where(Person.id == person_id))


def client_key(address: str | None, code_key: str) -> str:
    """A keyed hash of a client address: enough to count tries, useless to identify anyone."""
    return hmac.new(code_key.encode(), (address or "unbekannt").encode(), hashlib.sha256).hexdigest()


def too_many_tries(db: Session, client: str, most: int, window_minutes: int) -> bool:
    """Whether this client has failed `most` times within the window; older tries are forgotten."""
    since = utcnow() - timedelta(minutes=window_minutes)
    db.execute(delete(CodeAttempt).where(CodeAttempt.created_at < since))
    count = db.scalar(select(func.count()).select_from(CodeAttempt).where(CodeAttempt.client_hash == client))
    return count >= most


def record_failed_try(db: Session, client: str) -> None:
    """Count one wrong code from this client."""
    db.add(CodeAttempt(client_hash=client))
