"""Demo answers for trying Mitreden out; every record is marked demo=True and shown as „Beispiel“."""
from __future__ import annotations

import random

from flask import Flask
from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..mein_code.operations import person_with_code
from ..sozialraum import operations as sozialraum
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


def load_demo(app: Flask, db: Session, count: int = 24) -> str:
    """Replace earlier demo records with fresh ones; return the demo code."""
    db.execute(delete(WilleRecord).where(WilleRecord.demo))
    person = person_with_code(db, DEMO_CODE, app.config["CODE_KEY"])
    keys = sozialraum.all_keys(db) or ["unbekannt"]
    rng = random.Random(2026)
    for index in range(count):
        record = WilleRecord(created_month="2026-11", filled_by="", use_allowed=True, demo=True,
                             person_id=person.id if index == 0 else None)
        db.add(record)
        fill_record(record, _demo_data(rng, rng.choice(keys)), db)
    return DEMO_CODE
