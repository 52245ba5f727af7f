"""Own words for the review queue tests, made directly in the database (the answering flows have their own tests)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from app.core.db import get_db
from app.mein_code.operations import new_person
from app.sozialraum.models import Sozialraum
from app.wille.models import WilleBereich, WilleRecord
from app.workshops.models import WorkshopAntwort
from app.workshops.operations import create_workshop

OVER = date(2026, 3, 31)  # the last day of the workshops below; results ask with a later `today`


def make_workshop(app, anbieter_id: int, titel: str, words: list[str], empty: int = 0, demo: bool = False) -> dict:
    """A workshop that ended on OVER with one answer per entry of `words` plus `empty` answers without own words."""
    with app.app_context():
        db = get_db()
        raum = db.scalar(select(Sozialraum.id).order_by(Sozialraum.id))
        workshop = create_workshop(db, anbieter_id=anbieter_id, sozialraum_id=raum, titel=titel, fragen="kurz",
                                   erster_tag=date(2026, 3, 30), letzter_tag=OVER, now=datetime(2026, 3, 1), demo=demo)
        answers = [WorkshopAntwort(workshop_id=workshop.id, antworten={}, eigene_worte=text, filled_by="selbst",
                                   demo=demo) for text in [*words, *[""] * empty]]
        db.add_all(answers)
        db.commit()
        return {"id": workshop.id, "answers": [answer.id for answer in answers[:len(words)]]}


def make_wille(app, anbieter_id: int | None, wish: str, month: str = "2026-02", use_allowed: bool = True,
               with_person: bool = False, demo: bool = False) -> dict:
    """A saved Wille with one life area holding an own wish; returns the ids of the Wille, its area and person."""
    with app.app_context():
        db = get_db()
        person_id = new_person(db, app.config["CODE_KEY"])[0].id if with_person else None
        record = WilleRecord(created_month=month, filled_by="selbst", use_allowed=use_allowed, anbieter_id=anbieter_id,
                             person_id=person_id, demo=demo)
        record.bereiche.append(WilleBereich(position=0, bereich="wohnen", jetzt="gut", wuensche=[], eigener_wunsch=wish,
                                            selbst="", helfer=[]))
        db.add(record)
        db.commit()
        return {"wille": record.id, "bereich": record.bereiche[0].id, "person": person_id}
