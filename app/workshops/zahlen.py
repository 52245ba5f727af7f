"""The counts of a workshop's answers, kept at save time in `workshop_zahl` (results read these, never the answers).

Answers of a workshop never change once saved and are deleted only with their workshop (and their counts with
them), so each saved answer adds 1 to a row per value it holds, in the same transaction as the answer.
A single answer (a string) counts under its value, a multi-choice answer (a list) once per option chosen
(under the question key + CHOSEN);
a skipped question counts nowhere („keine Antwort“ = people − the sum). Two rows per answer more: PEOPLE
(how many answered) and WHO (who filled in). Migration 0007b fills the counts of older answers the same way
(a copy of `values`, as migrations never import the app).
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..core.db import upsert_insert
from .models import WorkshopZahl

# Keys no question has (question keys are plain words): how many answered, and who filled in.
PEOPLE, WHO = "#personen", "#wer"
# The mark of the rows of a list (multi-choice) answer: a single-choice question counts only its string answers,
# a multi-choice question both (a single key stored without a list is one option chosen).
CHOSEN = "[]"
# Longer keys or values are no question or answer key of a question set; they would count nowhere anyway.
LONGEST = 40


def values(answers: dict, filled_by: str) -> list[tuple[str, str]]:
    """The (frage, wert) rows one answer adds 1 to, each once."""
    found = [(PEOPLE, ""), (WHO, filled_by)]
    for key, value in answers.items():
        if isinstance(value, str):
            found.append((key, value))
        elif isinstance(value, list):
            found += [(key + CHOSEN, v) for v in dict.fromkeys(v for v in value if isinstance(v, str))]
    return [(frage, wert) for frage, wert in found if len(frage) <= LONGEST and len(wert) <= LONGEST]


def count_answer(db: Session, workshop_id: int, answers: dict, filled_by: str) -> None:
    """Add one saved answer to its workshop's counts (an upsert per value; the caller's transaction)."""
    # PEOPLE comes first in every answer's rows: concurrent saves to one workshop wait for each other at that
    # row (PostgreSQL locks it until commit) before they touch any other, so they never deadlock.
    rows = [{"workshop_id": workshop_id, "frage": frage, "wert": wert, "anzahl": 1}
            for frage, wert in values(answers, filled_by)]
    statement = upsert_insert(db, WorkshopZahl).values(rows)
    db.execute(statement.on_conflict_do_update(
        index_elements=[WorkshopZahl.workshop_id, WorkshopZahl.frage, WorkshopZahl.wert],
        set_={"anzahl": WorkshopZahl.anzahl + 1}))


def counts(db: Session, workshop_ids: Iterable[int]) -> dict[tuple[str, str], int]:
    """The counts of these workshops added up, by (frage, wert)."""
    query = (select(WorkshopZahl.frage, WorkshopZahl.wert, func.sum(WorkshopZahl.anzahl))
             .where(WorkshopZahl.workshop_id.in_(list(workshop_ids))).group_by(WorkshopZahl.frage, WorkshopZahl.wert))
    return {(frage, wert): int(total) for frage, wert, total in db.execute(query)}
