"""Demo answers for trying Mitreden out; every record is marked demo=True and shown as „Beispiel“."""
from __future__ import annotations

import random
from datetime import date

from flask import Flask
from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..mein_code.operations import person_with_code
from ..sozialraum import operations as sozialraum
from ..staff import operations as staff
from .bereiche import bereiche
from .models import WilleRecord
from .operations import fill_record

# A fixed, published code for the demo person: it opens demo answers only.
DEMO_CODE = "Apfel Baum Stern 12"


def _demo_data(rng: random.Random, wohnort: str) -> dict:
    """One plausible, randomly combined Wille."""
    areas = rng.sample(list(bereiche("de")), k=rng.randint(1, 3))
    return {
        "bereiche": [a.key for a in areas],
        "antworten": {
            a.key: {
                "jetzt": rng.choice(["gut", "geht-so", "nicht-gut"]),
                "wuensche": [rng.choice(a.wuensche).key],
                "eigener_wunsch": "",
                "selbst": "",
                "helfer": [rng.choice(["familie", "freunde", "assistenz", "verein"])],
            }
            for a in areas
        },
        "wohnort": wohnort,
        "wer": rng.choice(["allein", "mit-hilfe", "andere"]),
        "erlaubnis": "ja",
    }


# The demo Anbieter (flask load-demo-staff) whose tablets the demo Willen were saved on, if they exist.
DEMO_ANBIETER = ("Beispiel-Anbieter Nord", "Beispiel-Anbieter Süd")


def last_month_of_previous_quarter(today: date) -> str:
    """„2026-09“ for a day in October to December 2026: the demo is dated in a quarter that has ended,
    because staff see results only for ended quarters."""
    first_month = (today.month - 1) // 3 * 3 + 1
    year, month = (today.year, first_month - 1) if first_month > 1 else (today.year - 1, 12)
    return f"{year}-{month:02d}"


HEMELINGEN = "bremen-hemelingen"


def load_demo(app: Flask, db: Session, count: int = 90, today: date | None = None) -> str:
    """Replace earlier demo records with fresh ones; return the demo code.

    Three in four demo Willen are from Hemelingen, the others from one more Sozialraum, most saved on the demo
    Anbieter's tablets: every results page has a group of at least K_MIN and still a hidden small count somewhere.
    """
    db.execute(delete(WilleRecord).where(WilleRecord.demo))
    person = person_with_code(db, DEMO_CODE, app.config["CODE_KEY"])
    keys = sozialraum.all_keys(db) or ["unbekannt"]
    anbieter = [found.id for name in DEMO_ANBIETER if (found := staff.anbieter_named(db, name)) is not None]
    month = last_month_of_previous_quarter(today or date.today())
    rng = random.Random(2026)
    for index in range(count):
        record = WilleRecord(created_month=month, filled_by="", use_allowed=True, demo=True,
                             person_id=person.id if index == 0 else None,
                             anbieter_id=anbieter[index % 3 % len(anbieter)] if anbieter and index % 3 < 2 else None)
        db.add(record)
        wohnort = HEMELINGEN if HEMELINGEN in keys and index % 4 else next(
            (key for key in keys if key != HEMELINGEN), keys[0])
        fill_record(record, _demo_data(rng, wohnort), db)
    return DEMO_CODE
