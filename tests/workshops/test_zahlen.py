"""The counts kept at save time (workshop_zahl) give the same tables as counting the stored answers one by one,
for real and demo workshops; migration 0007b fills them the same way from answers stored before it."""
from __future__ import annotations

import random
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from alembic import command
from sqlalchemy import delete, select

from app.core.cli import alembic_config
from app.core.db import get_db
from app.privacy.k import CountTable, Line
from app.sozialraum.operations import every
from app.workshops import stats, zahlen
from app.workshops.fragen import CHOICES, SCALES, WORDS, question_set, with_own_question
from app.workshops.models import Workshop, WorkshopAntwort, WorkshopZahl
from app.workshops.operations import create_workshop, save_answer
from tests.staff.helpers import make_anbieter

LABELS = {key: key.upper() for key in (*SCALES["gesichter"], *SCALES["ja-etwas-nein"], *stats.FILLED_BY,
                                       stats.NO_ANSWER, stats.WHO)}
TRAEGER = SimpleNamespace(role="leistungstraeger", anbieter_id=None)
OVER, DAY = date(2026, 10, 1), date(2026, 9, 10)


def random_answer(rng: random.Random, questions) -> dict:
    """One person's answers: some questions skipped, choices sometimes empty, twice the same or a bare key."""
    answers = {}
    for question in questions:
        if question.art == WORDS or rng.random() < 0.2:
            continue
        if question.art == CHOICES:
            picked = rng.sample(question.answers, k=rng.randint(0, len(question.answers)))
            answers[question.key] = rng.choice((picked, picked + picked[:1], picked[0] if picked else []))
        else:
            answers[question.key] = rng.choice(question.answers)
    return answers


def recount(db, workshop: Workshop, questions) -> list[stats.Counted]:
    """The tables counted from the stored answers one by one (only those marked like their workshop)."""
    stored = db.scalars(select(WorkshopAntwort).where(WorkshopAntwort.workshop_id == workshop.id,
                                                      WorkshopAntwort.demo == workshop.demo)).all()
    found = []
    for question in questions:
        if question.art == WORDS:
            found.append(stats.Counted(question.key, question.frage, None))
            continue
        given = [a.antworten.get(question.key) for a in stored]
        if question.art == CHOICES:
            lists = [v if isinstance(v, list) else [v] if isinstance(v, str) else [] for v in given]
            counts = tuple(sum(option.key in picked for picked in lists) for option in question.optionen)
            table = CountTable(tuple(o.text for o in question.optionen), (Line(question.frage, counts),), len(stored))
        else:
            answered = {key: sum(v == key for v in given) for key in question.answers}
            table = stats.single_choice(question.frage, question.answers, answered, LABELS, len(stored))
        found.append(stats.Counted(question.key, question.frage, table))
    who = {key: sum(a.filled_by == key for a in stored) for key in stats.FILLED_BY}
    found.append(stats.Counted(stats.WHO, LABELS[stats.WHO],
                               stats.single_choice(LABELS[stats.WHO], stats.FILLED_BY, who, LABELS, len(stored))))
    return found


def saved_workshops(app, seed: int) -> dict:
    """Two real and a demo workshop with random answers saved as the flow does, and one unsaved stray demo answer."""
    rng, anbieter = random.Random(seed), make_anbieter(app, f"Anbieter {seed}")
    with app.app_context():
        db = get_db()
        raum, ids = every(db)[0].id, {}
        for name, demo, own in (("real", False, "gesichter"), ("other", False, None), ("demo", True, "ja-etwas-nein")):
            workshop = create_workshop(db, anbieter_id=anbieter, sozialraum_id=raum, titel=name,
                                       fragen="leben-wie-ich-will", erster_tag=DAY, letzter_tag=DAY,
                                       now=datetime(2026, 9, 1), eigene_frage="Wie war der Raum?" if own else None,
                                       eigene_art=own, demo=demo)
            questions = with_own_question(question_set(workshop.fragen), workshop.eigene_frage, workshop.eigene_art)
            for _ in range(rng.randint(0 if name == "other" else 1, 40)):
                save_answer(db, workshop, random_answer(rng, questions), "",
                            rng.choice((*stats.FILLED_BY, "selbst")))
            ids[name] = workshop.id
        db.add(WorkshopAntwort(workshop_id=ids["real"], antworten={"treffen": "gut"}, filled_by="allein", demo=True))
        db.commit()
        return {"ids": ids, "raum": raum}


@pytest.mark.parametrize("seed", range(4))
def test_the_counts_kept_at_save_time_equal_a_recount_of_the_answers(app, seed):
    made = saved_workshops(app, seed)
    with app.app_context():
        db = get_db()
        for workshop_id in made["ids"].values():
            workshop = db.get(Workshop, workshop_id)
            questions = with_own_question(question_set(workshop.fragen), workshop.eigene_frage, workshop.eigene_art)
            assert stats.workshop_counts(db, workshop_id, TRAEGER, OVER, LABELS) == recount(db, workshop, questions)
        both = stats.sozialraum_counts(db, TRAEGER, made["raum"], DAY, DAY, False, LABELS)
        added = [_added(a, b) for a, b in zip(*(recount(db, db.get(Workshop, made["ids"][name]),
                                                        question_set("leben-wie-ich-will").fragen)
                                                for name in ("real", "other")))]
        assert both == [(question_set("leben-wie-ich-will").titel, added)]


def _added(a: stats.Counted, b: stats.Counted) -> stats.Counted:
    """Two workshops' tables of one question as one."""
    if a.table is None:
        return a
    lines = tuple(Line(x.label, tuple(p + q for p, q in zip(x.counts, y.counts)),
                       None if x.people is None else x.people + y.people) for x, y in zip(a.table.lines, b.table.lines))
    return stats.Counted(a.key, a.titel, CountTable(a.table.columns, lines, a.table.people + b.table.people))


def test_the_migration_fills_the_same_counts_from_the_stored_answers(app):
    made = saved_workshops(app, 7)
    with app.app_context():
        db = get_db()
        kept = sorted(db.execute(select(WorkshopZahl.workshop_id, WorkshopZahl.frage, WorkshopZahl.wert,
                                        WorkshopZahl.anzahl)).all())
        assert {made["ids"]["real"], made["ids"]["demo"]} <= {row[0] for row in kept}
        db.execute(delete(WorkshopZahl))
        db.commit()
        db.close()
    config = alembic_config(app.config["DATABASE_URL"])
    command.downgrade(config, "0007b-1")
    command.upgrade(config, "head")
    with app.app_context():
        assert sorted(get_db().execute(select(WorkshopZahl.workshop_id, WorkshopZahl.frage, WorkshopZahl.wert,
                                              WorkshopZahl.anzahl)).all()) == kept


def test_a_deleted_workshop_takes_its_counts_with_it(app):
    made = saved_workshops(app, 3)
    with app.app_context():
        db = get_db()
        assert db.scalar(select(WorkshopZahl.anzahl).where(WorkshopZahl.workshop_id == made["ids"]["real"],
                                                           WorkshopZahl.frage == zahlen.PEOPLE)) > 0
        db.delete(db.get(Workshop, made["ids"]["real"]))
        db.commit()
        left = set(db.scalars(select(WorkshopZahl.workshop_id).distinct()))
        assert made["ids"]["real"] not in left and left <= set(made["ids"].values())
