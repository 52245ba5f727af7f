"""Business rules of the Wille flow: drafts, saving, loading for a change, deleting."""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from ..db import HotRead, read_connection
from ..models import Draft, Person, Sozialraum, WilleBereich, WilleRecord, utcnow
from ..personal_code import generate, hash_code, normalise
from .flow import store_decision


@dataclass
class DraftState:
    """A draft as the views use it: its token and its answers."""

    token: str
    data: dict


def load_draft(token: str | None) -> DraftState | None:
    """The draft behind a session's token, if it still exists (committed data only).

    It runs on nearly every page, so it is a HotRead rather than an ORM load.
    """
    if not token:
        return None
    data = _LOAD_DRAFT.scalar(token=token)
    return None if data is None else DraftState(token, data)


_LOAD_DRAFT = HotRead(select(Draft.data).where(Draft.token == bindparam("token")))


# Sozialräume change only when a deployment reloads its content: each worker reads them at most
# once a minute instead of on every page that lists them.
SOZIALRAEUME_SECONDS = 60


def active_sozialraeume() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """(key, name, stadt, ortsteile) of every active Sozialraum, in their fixed order."""
    cached = current_app.extensions.get("sozialraeume")
    if cached is None or time.monotonic() > cached[0]:
        with read_connection() as connection:
            rows = connection.execute(
                select(Sozialraum.key, Sozialraum.name, Sozialraum.stadt, Sozialraum.ortsteile)
                .where(Sozialraum.aktiv).order_by(Sozialraum.id)
            ).all()
        cached = (time.monotonic() + SOZIALRAEUME_SECONDS,
                  tuple((key, name, stadt, tuple(ortsteile)) for key, name, stadt, ortsteile in rows))
        current_app.extensions["sozialraeume"] = cached
    return cached[1]


def purge_drafts(db: Session, max_age_hours: int) -> int:
    """Delete drafts nobody touched for longer than the limit; returns how many."""
    result = db.execute(delete(Draft).where(Draft.updated_at < utcnow() - timedelta(hours=max_age_hours)))
    return result.rowcount or 0


def new_draft(db: Session, max_age_hours: int, data: dict | None = None) -> DraftState:
    """Start a draft; drafts older than the limit are removed on the way."""
    purge_drafts(db, max_age_hours)
    draft = DraftState(secrets.token_urlsafe(32), data or {})
    db.execute(insert(Draft).values(token=draft.token, data=draft.data, updated_at=utcnow()))
    return draft


def update_draft(db: Session, draft: DraftState, data: dict) -> None:
    """Replace the draft's answers."""
    draft.data = data
    db.execute(update(Draft).where(Draft.token == draft.token).values(data=data, updated_at=utcnow()))


def delete_draft(db: Session, draft: DraftState) -> None:
    """Delete a draft."""
    db.execute(delete(Draft).where(Draft.token == draft.token))


@dataclass
class SaveResult:
    """What saving produced: a new personal code to show once, and whether anything was stored."""

    code: str | None
    stored: bool


def fill_record(record: WilleRecord, data: dict, db: Session) -> None:
    """Copy the draft's answers into a record, replacing its areas."""
    record.filled_by = data["wer"]
    record.use_allowed = data.get("erlaubnis") == "ja"
    wohnort = data.get("wohnort")
    record.sozialraum_id = (
        db.scalar(select(Sozialraum.id).where(Sozialraum.key == wohnort)) if wohnort else None
    )
    record.bereiche.clear()
    for position, key in enumerate(data["bereiche"]):
        answer = data["antworten"][key]
        record.bereiche.append(
            WilleBereich(
                position=position, bereich=key, jetzt=answer["jetzt"],
                wuensche=list(answer.get("wuensche", [])),
                eigener_wunsch=answer.get("eigener_wunsch", ""),
                selbst=answer.get("selbst", ""), helfer=list(answer["helfer"]),
            )
        )


def _new_person(db: Session, key: str) -> tuple[Person, str]:
    """A person with a fresh code that no one else has."""
    while True:
        code = generate()
        code_hash = hash_code(normalise(code) or "", key)
        if db.scalar(select(Person.id).where(Person.code_hash == code_hash)) is None:
            person = Person(code_hash=code_hash)
            db.add(person)
            return person, code


def save_wille(db: Session, data: dict, code_key: str, person_id: int | None = None) -> SaveResult:
    """Store the answers as the person decided; with two „Nein“, nothing is stored."""
    use, keep = store_decision(data)
    if data.get("edit_wille"):
        record = db.get(WilleRecord, data["edit_wille"])
        if record is None or record.person_id != person_id:
            return SaveResult(code=None, stored=False)
        fill_record(record, data, db)
        return SaveResult(code=None, stored=True)
    if not use and not keep:
        return SaveResult(code=None, stored=False)
    record = WilleRecord(created_month=utcnow().strftime("%Y-%m"), filled_by="", use_allowed=use)
    code = None
    if keep:
        person, code = _new_person(db, code_key)
        record.person = person
    db.add(record)
    fill_record(record, data, db)
    return SaveResult(code=code, stored=True)


def draft_from_record(record: WilleRecord, sozialraum_key: str | None) -> dict:
    """Turn a saved Wille back into draft data, so the person can change it page by page."""
    data = {
        "bereiche": [b.bereich for b in record.bereiche],
        "antworten": {
            b.bereich: {
                "jetzt": b.jetzt, "wuensche": list(b.wuensche), "eigener_wunsch": b.eigener_wunsch,
                "wunsch_done": True, "selbst": b.selbst, "helfer": list(b.helfer),
            }
            for b in record.bereiche
        },
        "wohnort": sozialraum_key or "unbekannt",
        "wer": record.filled_by,
        "erlaubnis": "ja" if record.use_allowed else "nein",
        "edit_wille": record.id,
    }
    return data


def find_person(db: Session, raw_code: str, code_key: str) -> Person | None:
    """The person whose code this is, if any."""
    normalised = normalise(raw_code)
    if normalised is None:
        return None
    return db.scalar(select(Person).where(Person.code_hash == hash_code(normalised, code_key)))


def delete_person(db: Session, person: Person) -> None:
    """Delete a person and every answer linked to them (rows cascade in the database too)."""
    db.delete(person)
