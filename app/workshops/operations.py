"""Workshops: create, find by join code, open or closed. Plain functions: session and data in, data out."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import codes
from .models import Workshop

# Why a code does not open a workshop, for the Nutzer:in's message.
UNKNOWN, NOT_YET, OVER = "unbekannt", "noch-nicht", "vorbei"


@dataclass(frozen=True)
class Found:
    """The result of looking up a join code: the workshop if it is open now, else why not."""

    workshop: Workshop | None
    reason: str | None = None


def create_workshop(db: Session, *, anbieter_id: int, sozialraum_id: int, titel: str, fragen: str,
                    erster_tag: date, letzter_tag: date, now: datetime, eigene_frage: str | None = None,
                    eigene_art: str | None = None, demo: bool = False) -> Workshop:
    """A new workshop with a join code no workshop ever had."""
    if letzter_tag < erster_tag:
        raise ValueError("Der letzte Tag liegt vor dem ersten.")
    code = codes.new_code()
    while db.scalar(select(Workshop.id).where(Workshop.code == code)) is not None:
        code = codes.new_code()
    workshop = Workshop(anbieter_id=anbieter_id, sozialraum_id=sozialraum_id, titel=titel.strip(), fragen=fragen,
                        erster_tag=erster_tag, letzter_tag=letzter_tag, code=code, eigene_frage=eigene_frage,
                        eigene_art=eigene_art if eigene_frage else None, demo=demo, created_at=now)
    db.add(workshop)
    db.flush()
    return workshop


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
