"""The numbers of workshops that other rooms (results) may read: counts as `privacy.k.CountTable`s, never rows.

Only workshops that are over count (after their last day, or closed early), so a table never changes while
staff look at it. Real and demo answers never mix: a real workshop counts its real answers, a demo workshop
its demo answers. Own words are never counted here: they reach staff only through the release queue.
Rows are read through `staff.scoping`, so an Anbieter's staff never count another Anbieter's answers.

Texts that are not in the content files (the words of the scales, „keine Antwort“, who filled in) come from
`labels`, a mapping the caller gives (results: plain German for staff), keyed by the answer keys below.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..privacy.k import CountTable, Line
from ..staff.scoping import scoped, scoped_get
from .fragen import CHOICES, WORDS, Question, question_set, with_own_question
from .models import Workshop, WorkshopAntwort

# Who filled in (the same answers as the Wille), and the key of the cell of people who skipped a question.
FILLED_BY = ("allein", "mit-hilfe", "andere")
NO_ANSWER = "keine-antwort"
# The key of the table „Wer hat das ausgefüllt?“ (its title comes from labels too).
WHO = "wer"


class Counted(NamedTuple):
    """One question's counts under its title; `table` is None for own words (not counted, see the docstring)."""

    key: str
    titel: str
    table: CountTable | None


@dataclass(frozen=True)
class WorkshopInfo:
    """What a results page says about a workshop besides its numbers."""

    id: int
    titel: str
    erster_tag: date
    letzter_tag: date
    sozialraum_id: int
    demo: bool
    over: bool


def is_over(workshop: Workshop, today: date) -> bool:
    """Whether answers have stopped: after the last day, or closed early."""
    return workshop.geschlossen_am is not None or workshop.letzter_tag < today


def _info(workshop: Workshop, today: date) -> WorkshopInfo:
    """The public facts of a workshop."""
    return WorkshopInfo(workshop.id, workshop.titel, workshop.erster_tag, workshop.letzter_tag,
                        workshop.sozialraum_id, workshop.demo, is_over(workshop, today))


def workshops_over(db: Session, user: Any, today: date) -> list[WorkshopInfo]:
    """The workshops the user may see whose answers have stopped, the latest first."""
    query = scoped(select(Workshop), Workshop, user).where(
        or_(Workshop.letzter_tag < today, Workshop.geschlossen_am.is_not(None)))
    return [_info(w, today) for w in db.scalars(query.order_by(Workshop.letzter_tag.desc(), Workshop.id.desc()))]


def workshop_info(db: Session, workshop_id: int, user: Any, today: date) -> WorkshopInfo | None:
    """One workshop the user may see, or None (unknown, or another Anbieter's)."""
    workshop = scoped_get(db, Workshop, workshop_id, user)
    return _info(workshop, today) if workshop is not None else None


def workshop_counts(db: Session, workshop_id: int, user: Any, today: date,
                    labels: Mapping[str, str]) -> list[Counted] | None:
    """The counts of one workshop per question, or None if the user may not see it or it is not over yet."""
    workshop = scoped_get(db, Workshop, workshop_id, user)
    if workshop is None or not is_over(workshop, today):
        return None
    questions = with_own_question(question_set(workshop.fragen), workshop.eigene_frage, workshop.eigene_art)
    return _count(db, questions, _answers_of([workshop.id], workshop.demo), labels)


def sozialraum_quarters(db: Session, user: Any, demo: bool) -> list[tuple[int, date]]:
    """(Sozialraum, last day) of every workshop the user may see, real or demo ones only: results groups them."""
    query = scoped(select(Workshop.sozialraum_id, Workshop.letzter_tag), Workshop, user).where(Workshop.demo == demo)
    return sorted({(raum, day) for raum, day in db.execute(query.distinct())})


def sozialraum_counts(db: Session, user: Any, sozialraum_id: int, first: date, last: date, demo: bool,
                      labels: Mapping[str, str]) -> list[tuple[str, list[Counted]]]:
    """Per question set, the counts of the workshops of one Sozialraum whose last day is from `first` to `last`.

    Never per workshop or Anbieter. Own questions differ from workshop to workshop and are left out; each
    question set is its own group (a question two sets share is not added up, so no table is the difference
    of two others)."""
    query = scoped(select(Workshop), Workshop, user).where(
        Workshop.sozialraum_id == sozialraum_id, Workshop.letzter_tag >= first, Workshop.letzter_tag <= last,
        Workshop.demo == demo)
    by_set: dict[str, list[int]] = {}
    for workshop in db.scalars(query.order_by(Workshop.id)):
        by_set.setdefault(workshop.fragen, []).append(workshop.id)
    groups = []
    for key in sorted(by_set):
        questions = question_set(key)
        groups.append((questions.titel, _count(db, questions.fragen, _answers_of(by_set[key], demo), labels)))
    return groups


def _answers_of(workshop_ids: list[int], demo: bool) -> tuple:
    """Which answers count: those of the given workshops, only demo answers for demo workshops and the other way."""
    return (WorkshopAntwort.workshop_id.in_(workshop_ids), WorkshopAntwort.demo == demo)


def _count(db: Session, questions: tuple[Question, ...], where: tuple, labels: Mapping[str, str]) -> list[Counted]:
    """A table per question (own words: None), then „who filled in“. The database counts (one GROUP BY per
    question over the stored answer), so 100,000 answers are never loaded."""
    people = db.scalar(select(func.count(WorkshopAntwort.id)).where(*where))
    found = []
    for question in questions:
        if question.art == WORDS:
            found.append(Counted(question.key, question.frage, None))
            continue
        # Grouped by the label: PostgreSQL would see the key, a bound parameter, twice as two different expressions.
        stored = WorkshopAntwort.antworten[question.key].as_string().label("wert")
        answered = db.execute(select(stored, func.count(WorkshopAntwort.id)).where(*where).group_by("wert")).all()
        if question.art == CHOICES:
            chosen = [(_as_list(text), count) for text, count in answered]
            counts = tuple(sum(count for picked, count in chosen if option.key in picked) for option in question.optionen)
            columns = tuple(option.text for option in question.optionen)
            found.append(Counted(question.key, question.frage,
                                 CountTable(columns, (Line(question.frage, counts),), people)))
        else:
            found.append(Counted(question.key, question.frage,
                                 single_choice(question.frage, question.answers, dict(answered), labels, people)))
    who = db.execute(select(WorkshopAntwort.filled_by, func.count(WorkshopAntwort.id)).where(*where)
                     .group_by(WorkshopAntwort.filled_by)).all()
    found.append(Counted(WHO, labels[WHO], single_choice(labels[WHO], FILLED_BY, dict(who), labels, people)))
    return found


def single_choice(title: str, keys: tuple[str, ...], answered: Mapping[Any, int], labels: Mapping[str, str],
                  people: int) -> CountTable:
    """A line that adds up: one cell per answer (`answered`: how many gave each value), and always „keine Antwort“:
    a column that appeared only when someone skipped would tell that count is not 0, even when it is hidden."""
    counts = [answered.get(key, 0) for key in keys]
    columns = [labels[key] for key in keys]
    counts.append(people - sum(counts))
    columns.append(labels[NO_ANSWER])
    return CountTable(tuple(columns), (Line(title, tuple(counts), people),), people)


def _as_list(text: str | None) -> list:
    """A stored multi-choice answer, as the database gives it (JSON text of a list), as a list of keys."""
    try:
        value = json.loads(text) if text else []
    except ValueError:
        value = text  # a single key stored without a list
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, str) else []
