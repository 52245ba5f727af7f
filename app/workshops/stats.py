"""The numbers of workshops that other rooms (results) may read: counts as `privacy.k.CountTable`s, never rows.

Only workshops that are over count (after their last day, or closed early), so a table never changes while
staff look at it. Counts come from `workshop_zahl` (zahlen.py), kept when each answer is saved. Real and demo
answers never mix: `save_answer` marks an answer demo like its workshop (and counts it there), and pages ask
for real or demo workshops. Own words are never counted here: they reach staff only through the release queue.
Rows are read through `staff.scoping`, so an Anbieter's staff never count another Anbieter's answers.

Texts that are not in the content files (the words of the scales, „keine Antwort“, who filled in) come from
`labels`, a mapping the caller gives (results: plain German for staff), keyed by the answer keys below.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..privacy.k import CountTable, Line
from ..staff.scoping import scoped, scoped_get
from . import zahlen
from .fragen import CHOICES, WORDS, Question, question_set, with_own_question
from .models import Workshop

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
    return _count(db, questions, [workshop.id], labels)


def sozialraum_quarters(db: Session, user: Any, demo: bool) -> list[tuple[int, date]]:
    """(Sozialraum, last day) of every workshop the user may see, real or demo ones only: results groups them."""
    query = scoped(select(Workshop.sozialraum_id, Workshop.letzter_tag), Workshop, user).where(Workshop.demo == demo)
    return sorted({(raum, day) for raum, day in db.execute(query.distinct())})


def sozialraum_counts(db: Session, user: Any, sozialraum_id: int, first: date, last: date, demo: bool,
                      labels: Mapping[str, str]) -> list[tuple[str, list[Counted]]]:
    """Per question set, the counts of the workshops of one Sozialraum whose last day is from `first` to `last`.

    Never per workshop or Anbieter. Own questions differ from workshop to workshop and are left out; each
    question set is its own group (a question two sets share is not added up, so no table is the difference
    of two others). Only the Leistungsträger sees these tables: an Anbieter that saw them could subtract its
    own workshops' tables and get the others'. A page for all Anbieter (the Sozialraumkonferenz) must take that
    into account first."""
    query = scoped(select(Workshop), Workshop, user).where(
        Workshop.sozialraum_id == sozialraum_id, Workshop.letzter_tag >= first, Workshop.letzter_tag <= last,
        Workshop.demo == demo)
    by_set: dict[str, list[int]] = {}
    for workshop in db.scalars(query.order_by(Workshop.id)):
        by_set.setdefault(workshop.fragen, []).append(workshop.id)
    groups = []
    for key in sorted(by_set):
        questions = question_set(key)
        groups.append((questions.titel, _count(db, questions.fragen, by_set[key], labels)))
    return groups


def _count(db: Session, questions: tuple[Question, ...], workshop_ids: list[int],
           labels: Mapping[str, str]) -> list[Counted]:
    """A table per question (own words: None), then „who filled in“, from the counts kept when answers are saved."""
    counted = zahlen.counts(db, workshop_ids)
    people = counted.get((zahlen.PEOPLE, ""), 0)
    found = []
    for question in questions:
        if question.art == WORDS:
            found.append(Counted(question.key, question.frage, None))
            continue
        answered = {wert: count for (frage, wert), count in counted.items() if frage == question.key}
        if question.art == CHOICES:
            listed = question.key + zahlen.CHOSEN
            counts = tuple(answered.get(option.key, 0) + counted.get((listed, option.key), 0)
                           for option in question.optionen)
            columns = tuple(option.text for option in question.optionen)
            found.append(Counted(question.key, question.frage,
                                 CountTable(columns, (Line(question.frage, counts),), people)))
        else:
            found.append(Counted(question.key, question.frage,
                                 single_choice(question.frage, question.answers, answered, labels, people)))
    who = {wert: count for (frage, wert), count in counted.items() if frage == zahlen.WHO}
    found.append(Counted(WHO, labels[WHO], single_choice(labels[WHO], FILLED_BY, who, labels, people)))
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
