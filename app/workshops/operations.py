"""Workshops: create, find by join code, open or closed, count join tries, store answers.

Plain functions: session and data in, data out. Join tries are counted like wrong personal codes
(app/mein_code/operations.py: counted in the database before they are checked), under their own keys.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..core import clock
from ..mein_code.operations import Limits, client_key, keyed, start_try
from . import codes, flow, zahlen
from .models import Workshop, WorkshopAntwort

# Why a code does not open a workshop, for the Nutzer:in's message.
UNKNOWN, NOT_YET, OVER = "unbekannt", "noch-nicht", "vorbei"
# The room name in the counting keys of join tries: never counted together with personal codes.
JOIN_ROOM = "treffen"


def unfinished_answers(data: dict) -> dict:
    """A draft's workshop answers not saved yet, as draft data another flow carries into a fresh draft."""
    answers = flow.part(data)
    return {flow.PART: answers} if answers and flow.SAVED not in answers else {}


@dataclass(frozen=True)
class Found:
    """The result of looking up a join code: the workshop if it is open now, else why not."""

    workshop: Workshop | None
    reason: str | None = None


def create_workshop(db: Session, *, anbieter_id: int, sozialraum_id: int, titel: str, fragen: str,
                    erster_tag: date, letzter_tag: date, now: datetime, eigene_frage: str | None = None,
                    eigene_art: str | None = None, demo: bool = False, form_token: str | None = None) -> Workshop:
    """A new workshop with a join code no workshop ever had."""
    if letzter_tag < erster_tag:
        raise ValueError("Der letzte Tag liegt vor dem ersten.")
    code = codes.new_code()
    while db.scalar(select(Workshop.id).where(Workshop.code == code)) is not None:
        code = codes.new_code()
    workshop = Workshop(anbieter_id=anbieter_id, sozialraum_id=sozialraum_id, titel=titel.strip(), fragen=fragen,
                        erster_tag=erster_tag, letzter_tag=letzter_tag, code=code, eigene_frage=eigene_frage,
                        eigene_art=eigene_art if eigene_frage else None, demo=demo, created_at=now,
                        form_token=form_token)
    db.add(workshop)
    db.flush()
    return workshop


def created_by_form(db: Session, form_token: str | None) -> Workshop | None:
    """The workshop a form with this one-time token created, if any."""
    return db.scalar(select(Workshop).where(Workshop.form_token == form_token)) if form_token else None


def today() -> date:
    """Today's date where the meetings happen: the app's one clock (app/core/clock.py)."""
    return clock.today()


def is_open(workshop: Workshop, today: date) -> bool:
    """Whether people can answer now: on one of its days and not closed early."""
    return workshop.geschlossen_am is None and workshop.erster_tag <= today <= workshop.letzter_tag


def find_by_code(db: Session, typed: str | None, today: date) -> Found:
    """The open workshop of a typed join code, or why there is none."""
    code = codes.normalise(typed)
    workshop = db.scalar(select(Workshop).where(Workshop.code == code)) if code else None
    if workshop is None:
        return Found(None, UNKNOWN)
    if today < workshop.erster_tag:
        return Found(None, NOT_YET)
    if not is_open(workshop, today):
        return Found(None, OVER)
    return Found(workshop)


def save_answer(db: Session, workshop: Workshop, answers: dict, eigene_worte: str,
                filled_by: str) -> WorkshopAntwort:
    """Store and count one person's answers, demo like their workshop (after their „Ja“, once per claimed draft)."""
    antwort = WorkshopAntwort(workshop_id=workshop.id, antworten=dict(answers), eigene_worte=eigene_worte or "",
                              filled_by=filled_by, demo=workshop.demo)
    db.add(antwort)
    db.flush()
    zahlen.count_answer(db, workshop.id, antwort.antworten, filled_by)
    return antwort


def join_limits(config) -> Limits:
    """Wrong join codes allowed per client address (generous: a room full of people behind one router
    types codes) and per typed code, in the same window as personal codes (their tries share one table)."""
    most = config["JOIN_ATTEMPTS_PER_ADDRESS"]
    return Limits(per_code=most, per_address=most, window_minutes=config["CODE_ATTEMPTS_WINDOW_MINUTES"])


def start_join_try(db: Session, address: str | None, code: str, code_key: str, now: datetime):
    """Count a join try before it is checked, apart from the tries of personal codes (the caller commits)."""
    return start_try(db, client_key(address, code_key, room=JOIN_ROOM), keyed(f"{JOIN_ROOM}:{code}", code_key), now)


@dataclass(frozen=True)
class OwnWords:
    """The own words of one answer, for the release queue (app/freigabe reads them only through here)."""

    answer_id: int
    text: str
    workshop_id: int
    workshop_title: str
    demo: bool


def own_words(db: Session, anbieter_id: int, workshop_id: int | None = None) -> list[OwnWords]:
    """Every non-empty own words given to this Anbieter's workshops (or to one of them), newest first."""
    query = (select(WorkshopAntwort.id, WorkshopAntwort.eigene_worte, Workshop.id, Workshop.titel, WorkshopAntwort.demo)
             .join(Workshop, Workshop.id == WorkshopAntwort.workshop_id)
             .where(Workshop.anbieter_id == anbieter_id, WorkshopAntwort.eigene_worte != "")
             .order_by(WorkshopAntwort.id.desc()))
    if workshop_id is not None:
        query = query.where(Workshop.id == workshop_id)
    return [OwnWords(*row) for row in db.execute(query) if row[1].strip()]


def answered_after_end(db: Session, workshop_id: int, anbieter_id: int, today: date) -> int | None:
    """How many answered this Anbieter's workshop, once it is over (None: not its workshop, or still open)."""
    workshop = db.scalar(select(Workshop).where(Workshop.id == workshop_id, Workshop.anbieter_id == anbieter_id))
    if workshop is None or (workshop.geschlossen_am is None and today <= workshop.letzter_tag):
        return None
    return db.scalar(select(func.count(WorkshopAntwort.id)).where(WorkshopAntwort.workshop_id == workshop_id,
                                                                 WorkshopAntwort.demo == workshop.demo))
