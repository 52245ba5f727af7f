"""Demo workshops with demo answers, every record marked demo=True and shown as „Beispiel“.

For the demo Anbieter of `flask load-demo-staff` (nothing is made without them): two ended workshops in
Hemelingen (one per Anbieter, enough answers for results, with small counts that stay hidden), one ended
workshop with too few answers to show anything, and one open this week whose code `make run` prints.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from flask import Flask
from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..sozialraum import operations as sozialraum
from ..staff import operations as staff
from . import codes
from .fragen import CHOICES, SCALES, WORDS, question_set
from .models import Workshop
from .operations import create_workshop, save_answer

NORD, SUED = "Beispiel-Anbieter Nord", "Beispiel-Anbieter Süd"
# Own words of the demo, some with made-up personal data, so the review queue has something to flag.
WORDS_SAID = ("Das Essen war lecker.", "Ich will wieder mitmachen.", "Ruf mich an: 0421 123456, Max.",
              "Der Spaziergang war schön.", "", "", "")
# How often each answer of a scale is given: mostly good, rarely bad (so „nicht gut“ stays a small count).
WEIGHTS = (6, 3, 1)


def _answers(rng: random.Random, fragen: str) -> tuple[dict, str]:
    """One person's plausible answers to a question set, and their own words."""
    answers, words = {}, ""
    for question in question_set(fragen, "de").fragen:
        if question.art in SCALES:
            answers[question.key] = rng.choices(SCALES[question.art], WEIGHTS)[0]
        elif question.art == CHOICES:
            answers[question.key] = rng.sample(question.answers, k=rng.choice((0, 1, 1, 2)))
        elif question.art == WORDS:
            words = rng.choice(WORDS_SAID)
    return answers, words


def _workshop(db: Session, rng: random.Random, anbieter_id: int, hemelingen: int, titel: str, fragen: str,
              first: date, days: int, people: int) -> Workshop:
    """A demo workshop with demo answers (saved and counted as a real answer is)."""
    workshop = create_workshop(db, anbieter_id=anbieter_id, sozialraum_id=hemelingen, titel=titel, fragen=fragen,
                               erster_tag=first, letzter_tag=first + timedelta(days=days - 1),
                               now=datetime.combine(first - timedelta(days=14), datetime.min.time()), demo=True)
    for _ in range(people):
        answers, words = _answers(rng, fragen)
        save_answer(db, workshop, answers, words, rng.choice(("allein", "allein", "mit-hilfe", "andere")))
    return workshop


def load_demo_workshops(db: Session, today: date | None = None) -> Workshop | None:
    """Replace earlier demo workshops with fresh ones; returns the open one (None without demo Anbieter)."""
    nord, sued = staff.anbieter_named(db, NORD), staff.anbieter_named(db, SUED)
    hemelingen = next((s.id for s in sozialraum.every(db) if s.key == "bremen-hemelingen"), None)
    db.execute(delete(Workshop).where(Workshop.demo))  # their answers go with them (ON DELETE CASCADE)
    if nord is None or sued is None or hemelingen is None:
        return None
    today, rng = today or date.today(), random.Random(2026)
    ended = date(today.year, (today.month - 1) // 3 * 3 + 1, 1) - timedelta(days=40)  # in the previous quarter
    _workshop(db, rng, nord.id, hemelingen, "Leben, wie ich will! Hemelingen", "leben-wie-ich-will", ended, 2, 14)
    _workshop(db, rng, sued.id, hemelingen, "Leben, wie ich will! Treffen im Stadtteil", "leben-wie-ich-will",
              ended + timedelta(days=7), 1, 8)
    _workshop(db, rng, sued.id, hemelingen, "Kurze Runde im Café", "kurz", ended + timedelta(days=14), 1, 3)
    return _workshop(db, rng, nord.id, hemelingen, "Leben, wie ich will! Diese Woche", "leben-wie-ich-will",
                     today, 7, 0)


def demo_message(app: Flask, db: Session) -> str:
    """What `flask load-demo` prints about the demo workshops."""
    open_workshop = load_demo_workshops(db)
    if open_workshop is None:
        return "Demo-Workshops: keine (erst `flask load-demo-staff` mit DEMO_ACCOUNTS=1)."
    return (f"4 Demo-Workshops geladen (als Beispiel markiert). Code des offenen Demo-Workshops: "
            f"{codes.shown(open_workshop.code)} (unter /treffen eingeben).")
