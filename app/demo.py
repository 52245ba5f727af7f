"""Demo answers for trying Mitreden out; every record is marked demo=True."""
from __future__ import annotations

import random

from flask import Flask
from sqlalchemy import delete, select

from . import content
from .db import get_db
from .models import Person, Sozialraum, WilleRecord
from .personal_code import hash_code, normalise
from .wille.operations import fill_record

# A fixed, published code for the demo person: it opens demo answers only.
DEMO_CODE = "Apfel Baum Stern 12"


def _demo_data(rng: random.Random, sozialraum: str) -> dict:
    """One plausible, randomly combined Wille."""
    areas = rng.sample(list(content.bereiche("de")), k=rng.randint(1, 3))
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
        "wohnort": sozialraum,
        "wer": rng.choice(["allein", "mit-hilfe", "andere"]),
        "erlaubnis": "ja",
    }


def load_demo(app: Flask, count: int = 24) -> str:
    """Replace earlier demo records with fresh ones; return the demo code."""
    db = get_db()
    db.execute(delete(WilleRecord).where(WilleRecord.demo))
    code_hash = hash_code(normalise(DEMO_CODE) or "", app.config["CODE_KEY"])
    db.execute(delete(Person).where(Person.code_hash == code_hash))
    keys = list(db.scalars(select(Sozialraum.key))) or ["unbekannt"]
    rng = random.Random(2026)
    person = Person(code_hash=code_hash)
    db.add(person)
    for index in range(count):
        record = WilleRecord(created_month="2026-11", filled_by="", use_allowed=True, demo=True)
        if index == 0:
            record.person = person
        db.add(record)
        fill_record(record, _demo_data(rng, rng.choice(keys)), db)
    db.commit()
    return DEMO_CODE
