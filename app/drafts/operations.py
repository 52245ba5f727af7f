"""Drafts: start, read, replace, delete, and purge the abandoned ones."""
from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..core.db import utcnow
from .models import Draft


def load_draft(db: Session, token: str | None) -> Draft | None:
    """The draft behind a token, if it still exists."""
    return db.get(Draft, token) if token else None


def purge_drafts(db: Session, max_age_hours: int) -> int:
    """Delete drafts nobody touched for longer than the limit; returns how many."""
    result = db.execute(delete(Draft).where(Draft.updated_at < utcnow() - timedelta(hours=max_age_hours)))
    return result.rowcount or 0


def new_draft(db: Session, max_age_hours: int, data: dict | None = None) -> Draft:
    """Start a draft; drafts older than the limit are removed on the way."""
    purge_drafts(db, max_age_hours)
    draft = Draft(token=secrets.token_urlsafe(32), data=data or {}, updated_at=utcnow())
    db.add(draft)
    return draft


def update_draft(draft: Draft, data: dict) -> None:
    """Replace the draft's answers (a new dict, so the change is seen and saved)."""
    draft.data = data
    draft.updated_at = utcnow()


def delete_draft(db: Session, draft: Draft) -> None:
    """Delete a draft."""
    db.delete(draft)
