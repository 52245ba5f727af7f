"""What a browser session holds: a draft token, a signed-in code person, a code to show once."""
from __future__ import annotations

from flask import current_app, session
from sqlalchemy.orm import Session

from .db import get_db
from .wille.operations import DraftState, delete_draft, load_draft, new_draft


def current_draft(create: bool = False) -> DraftState | None:
    """This browser's draft; a new one if asked and none exists (in the request's session)."""
    draft = load_draft(session.get("draft"))
    if draft is None and create:
        draft = new_draft(get_db(), current_app.config["DRAFT_MAX_AGE_HOURS"])
        session["draft"] = draft.token
    return draft


def start_draft(db: Session, data: dict) -> DraftState:
    """Replace this browser's draft with a new one holding the given data."""
    drop_draft(db)
    draft = new_draft(db, current_app.config["DRAFT_MAX_AGE_HOURS"], data)
    session["draft"] = draft.token
    return draft


def drop_draft(db: Session) -> None:
    """Delete this browser's draft from the server."""
    draft = load_draft(session.pop("draft", None))
    if draft is not None:
        delete_draft(db, draft)


def clear_everything(db: Session) -> None:
    """Forget the person completely: draft, code sign-in, code shown once (for „Fertig“)."""
    drop_draft(db)
    session.clear()
