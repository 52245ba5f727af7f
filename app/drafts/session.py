"""This browser's draft: its token is the only thing the session cookie holds about the answers."""
from __future__ import annotations

from datetime import timedelta

from flask import current_app, session

from ..core.db import get_db, utcnow
from .models import Draft
from .operations import delete_draft, load_draft, new_draft

TOKEN = "draft"


def current_draft(create: bool = False) -> Draft | None:
    """This browser's draft; a new one if asked and none exists.

    A draft that holds saved answers (it has an owner) is forgotten after a short time without use,
    so the next person on a shared device never finds them.
    """
    db = get_db()
    draft = load_draft(db, session.get(TOKEN))
    idle = timedelta(minutes=current_app.config["SIGNED_IN_IDLE_MINUTES"])
    if draft is not None and draft.owner is not None:
        now = utcnow()
        if draft.updated_at < now - idle:
            delete_draft(db, draft)
            db.commit()  # gone now, even when this request only reads
            session.pop(TOKEN, None)
            draft = None
        elif draft.updated_at < now - timedelta(minutes=1):
            # Reading counts as use: the idle time runs from the last page seen, not the last answer sent.
            draft.updated_at = now
            db.commit()
    if draft is None and create:
        draft = new_draft(db, current_app.config["DRAFT_MAX_AGE_HOURS"],
                          owned_idle_minutes=current_app.config["SIGNED_IN_IDLE_MINUTES"])
        session[TOKEN] = draft.token
    return draft


def holds_saved_answers() -> bool:
    """Whether this browser's draft holds answers that were saved (and so expires after idle time)."""
    draft = current_draft()
    return draft is not None and draft.owner is not None


def start_draft(data: dict, owner: str | None = None) -> Draft:
    """Replace this browser's draft with a new one holding the given data."""
    drop_draft()
    draft = new_draft(get_db(), current_app.config["DRAFT_MAX_AGE_HOURS"], data, owner,
                      current_app.config["SIGNED_IN_IDLE_MINUTES"])
    session[TOKEN] = draft.token
    return draft


def drop_draft() -> None:
    """Delete this browser's draft from the server."""
    draft = load_draft(get_db(), session.pop(TOKEN, None))
    if draft is not None:
        delete_draft(get_db(), draft)


KEPT = "mitreden_kept_session_keys"


def keep_on_forget(app, names=(), prefixes=()) -> None:
    """Let another part of the app keep its own session keys when a Nutzer:in is forgotten in this browser.

    A staff member signed in on the same device must not be signed out because a Nutzer:in pressed „Fertig“;
    drafts only learns which keys to leave alone, not whose they are.
    """
    kept_names, kept_prefixes = app.extensions.setdefault(KEPT, (set(), set()))
    kept_names.update(names)
    kept_prefixes.update(prefixes)


def forget_browser() -> None:
    """Forget the person completely in this browser: the draft, and every session key nobody asked to keep."""
    drop_draft()
    names, prefixes = current_app.extensions.get(KEPT, ((), ()))
    for name in [name for name in session if name not in names and not name.startswith(tuple(prefixes))]:
        session.pop(name)
