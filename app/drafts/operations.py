"""Drafts: start, read, replace, claim, delete, and purge the abandoned ones."""
from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from ..core.db import utcnow
from .models import Draft


def load_draft(db: Session, token: str | None) -> Draft | None:
    """The draft behind a token, if it still exists."""
    return db.get(Draft, token) if token else None


def purge_drafts(db: Session, max_age_hours: int, owned_idle_minutes: int | None = None) -> int:
    """Delete drafts nobody touched for longer than the limit, and those with saved answers after the
    shorter idle time; returns how many."""
    now = utcnow()
    stale = Draft.updated_at < now - timedelta(hours=max_age_hours)
    if owned_idle_minutes is not None:
        stale = stale | (Draft.owner.is_not(None) & (Draft.updated_at < now - timedelta(minutes=owned_idle_minutes)))
    result = db.execute(delete(Draft).where(stale).execution_options(synchronize_session=False))
    return result.rowcount or 0


def new_draft(db: Session, max_age_hours: int, data: dict | None = None, owner: str | None = None,
              owned_idle_minutes: int | None = None) -> Draft:
    """Start a draft; drafts older than the limits are removed on the way."""
    purge_drafts(db, max_age_hours, owned_idle_minutes)
    draft = Draft(token=secrets.token_urlsafe(32), data=data or {}, updated_at=utcnow(), version=0, owner=owner)
    db.add(draft)
    return draft


def update_draft(draft: Draft, data: dict, owner: str | None = None) -> None:
    """Replace the draft's answers (a new dict, so the change is seen and saved)."""
    draft.data = data
    draft.updated_at = utcnow()
    if owner is not None:
        draft.owner = owner


def claim(db: Session, draft: Draft) -> bool:
    """Take the draft for one request: False if another request changed it since it was read.

    A compare-and-set on the version: the database lets only one of two simultaneous requests
    (a double tap) raise it; the other waits for the first to commit, then changes no row.
    """
    result = db.execute(
        update(Draft).where(Draft.token == draft.token, Draft.version == draft.version)
        .values(version=Draft.version + 1).execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    db.refresh(draft)
    return True


def delete_owned(db: Session, owner: str) -> None:
    """Delete every draft that holds this owner's saved answers, in whatever browser it was opened."""
    db.execute(delete(Draft).where(Draft.owner == owner).execution_options(synchronize_session=False))


def delete_draft(db: Session, draft: Draft) -> None:
    """Delete a draft."""
    db.delete(draft)
