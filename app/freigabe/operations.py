"""The review queue and the released words. Plain functions: session and data in, data out.

The words are read only through the owning rooms (`workshops.operations.own_words`,
`wille.operations.own_words`); this room adds the decisions and the flags.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..staff.operations import audit
from ..wille import operations as wille
from ..workshops import operations as workshops
from . import flags
from .models import FREIGEGEBEN, OFFEN, WILLE, WORKSHOP, ZURUECKGEHALTEN, Entscheidung

DECISIONS = (FREIGEGEBEN, ZURUECKGEHALTEN)
# Ids a URL may name; anything else is no record (and no database error on PostgreSQL).
LARGEST_ID = 2**31 - 1


@dataclass(frozen=True)
class Item:
    """Own words in the queue: where they come from, the text cut into flagged pieces, and the decision."""

    source: str
    record_id: int
    text: str
    place: str
    area: str | None
    demo: bool
    status: str = OFFEN
    decided_at: datetime | None = None

    @property
    def segments(self) -> list[flags.Segment]:
        """The text in plain and flagged pieces."""
        return flags.segments(self.text)

    @property
    def kinds(self) -> list[str]:
        """The kinds of personal data that may be in the text."""
        return flags.kinds(self.text)

    @property
    def key(self) -> str:
        """A name for this item that is unique on the page (for anchors)."""
        return f"{self.source}-{self.record_id}"


@dataclass(frozen=True)
class ReleasedWord:
    """Released own words for a results page: the text and, for a Wille, the life area's name."""

    text: str
    area: str | None = None


def _decisions(db: Session, source: str, ids: list[int]) -> dict[int, Entscheidung]:
    """The decisions about these records of one source, by record id."""
    if not ids:
        return {}
    column = Entscheidung.workshop_antwort_id if source == WORKSHOP else Entscheidung.wille_bereich_id
    return {found.record_id: found for found in db.scalars(select(Entscheidung).where(column.in_(ids)))}


def _items(db: Session, anbieter_id: int) -> list[Item]:
    """Every own words of this Anbieter with its decision, newest first within each source."""
    answers = workshops.own_words(db, anbieter_id)
    wishes = wille.own_words(db, anbieter_id)
    decided = {WORKSHOP: _decisions(db, WORKSHOP, [a.answer_id for a in answers]),
               WILLE: _decisions(db, WILLE, [w.bereich_id for w in wishes])}
    items = [Item(WORKSHOP, a.answer_id, a.text, a.workshop_title, None, a.demo) for a in answers]
    items += [Item(WILLE, w.bereich_id, w.text, "", w.area_name, w.demo) for w in wishes]
    result = []
    for item in items:
        decision = decided[item.source].get(item.record_id)
        if decision is not None:
            item = Item(**{**item.__dict__, "status": decision.status, "decided_at": decision.decided_at})
        result.append(item)
    return result


def queue(db: Session, anbieter_id: int) -> list[Item]:
    """The review queue of an Anbieter: open words first, by their text (newest first would tie the words to the
    person who just answered beside the reviewer), then decided ones (last decided first)."""
    items = _items(db, anbieter_id)
    open_items = sorted((item for item in items if item.status == OFFEN), key=lambda item: item.text.casefold())
    decided = sorted((item for item in items if item.status != OFFEN), key=lambda item: item.decided_at, reverse=True)
    return open_items + decided


def find_item(db: Session, anbieter_id: int, source: str, record_id: int) -> Item | None:
    """One item of this Anbieter's queue, or None (unknown, empty, or another Anbieter's words)."""
    if source not in (WORKSHOP, WILLE) or not 0 < record_id <= LARGEST_ID:
        return None
    return next((item for item in _items(db, anbieter_id) if (item.source, item.record_id) == (source, record_id)),
                None)


def decide(db: Session, item: Item, status: str, actor_id: int, now: datetime) -> None:
    """Release or withhold an item of the queue (again, if it was decided before); audited without the words."""
    if status not in DECISIONS:
        raise ValueError(status)
    column = "workshop_antwort_id" if item.source == WORKSHOP else "wille_bereich_id"
    decision = _decisions(db, item.source, [item.record_id]).get(item.record_id)
    if decision is None:
        decision = Entscheidung(**{column: item.record_id})
        db.add(decision)
    previous = decision.status or OFFEN
    decision.status, decision.decided_by, decision.decided_at = status, actor_id, now
    db.flush()
    # The words never go into the log: it outlives the words (a deleted person leaves no text behind).
    # The actions are written out, so tests/staff/test_protokoll.py finds them and their names.
    target, detail = f"freigabe:{item.source}:{item.record_id}", f"{previous} → {status}"
    if status == FREIGEGEBEN:
        audit(db, actor_id, "words_released", target, detail)
    else:
        audit(db, actor_id, "words_withheld", target, detail)


def quarter_months(year: int, quarter: int) -> tuple[str, ...]:
    """The months of a calendar quarter as stored on a Wille ("2026-07", …)."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(quarter)
    return tuple(f"{year:04d}-{month:02d}" for month in range(3 * quarter - 2, 3 * quarter + 1))


def quarter_over(year: int, quarter: int, today: date) -> bool:
    """Whether a calendar quarter has ended by today."""
    return today >= (date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1))


def released_words(db: Session, *, anbieter_id: int, today: date, k_min: int, workshop_id: int | None = None,
                   quarter: tuple[int, int] | None = None, demo: bool = False) -> list[ReleasedWord]:
    """Released own words of ONE group of at least `k_min` people, for a results page; [] for any smaller group.

    Name exactly one group:
    - `workshop_id=`: the answers to this workshop of `anbieter_id`, once it is over (after its last day or
      closed early, so the group no longer grows); the group is every answer given to it.
    - `quarter=(year, 1..4)`: the Willen saved on `anbieter_id`'s tablets that may be used, in a calendar
      quarter that has ended by `today`; the group is those Willen, real and demo (`demo=`) apart.
    `k_min`: the deployment's K_MIN (`current_app.config["K_MIN"]`). A workshop of another Anbieter, a
    workshop still open or a quarter not yet over give [] like a small group.
    Returns only words with the decision „freigegeben“ (never open or withheld ones), as ReleasedWord(text, area)
    sorted by text, so their order tells nothing about who answered when.
    """
    if (workshop_id is None) == (quarter is None):
        raise ValueError("name exactly one group: workshop_id or quarter")
    if workshop_id is not None:
        size = workshops.answered_after_end(db, workshop_id, anbieter_id, today)
        words = [(a.answer_id, a.text, None) for a in workshops.own_words(db, anbieter_id, workshop_id)]
        source = WORKSHOP
    else:
        months = quarter_months(*quarter)
        size = wille.willen_count(db, anbieter_id, months, demo) if quarter_over(*quarter, today) else None
        words = [(w.bereich_id, w.text, w.area_name) for w in wille.own_words(db, anbieter_id, months) if w.demo == demo]
        source = WILLE
    if size is None or size < k_min:
        return []
    decided = _decisions(db, source, [record_id for record_id, _text, _area in words])
    released = [ReleasedWord(text.strip(), area) for record_id, text, area in words
                if record_id in decided and decided[record_id].status == FREIGEGEBEN]
    return sorted(released, key=lambda word: (word.text.casefold(), word.area or ""))
