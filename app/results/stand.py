"""The Willen tables of an ended quarter are kept as staff first saw them.

A Wille can still change after its quarter ended: its person edits or deletes it with Mein Code, withdraws
consent or moves. Shown live, the difference between two views of the same quarter would be exactly that
person's answers. So the protected tables of real Willen are kept the first time a group's quarter is shown
and shown unchanged from then on; the person's rows are still deleted, only the anonymous, protected
aggregate stays. Demo tables are never kept (demo content is loaded again and again). Workshop answers
cannot change after a workshop is over, so workshops need nothing of this.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.db import upsert_insert, utcnow
from ..privacy.k import SafeTable, as_data, from_data
from .models import Ergebnisstand

Tables = list[tuple[str, SafeTable | None]]


def kept_or_new(db: Session, make: Callable[[], Tables], *, quartal: str, k: int, anbieter_id: int | None = None,
                sozialraum_id: int | None = None) -> Tables:
    """The group's kept tables of this quarter, or `make()`'s, kept now; the caller commits. Of two first views at
    the same moment one is kept, and both show that one."""
    group = _group(anbieter_id, sozialraum_id)
    found = _find(db, group, quartal, k)
    if found is not None:
        return found
    tables = make()
    stored = json.dumps([[key, as_data(table) if table else None] for key, table in tables], ensure_ascii=False)
    db.execute(upsert_insert(db, Ergebnisstand).values(
        anbieter_id=anbieter_id, sozialraum_id=sozialraum_id, quartal=quartal, k=k, tabellen=stored,
        created_at=utcnow()).on_conflict_do_nothing())
    return _find(db, group, quartal, k) or tables


def quarters(db: Session, *, anbieter_id: int | None = None) -> set[tuple[int, str]]:
    """(Sozialraum, quarter key) kept for Sozialräume, or (Anbieter, quarter key) of one Anbieter."""
    if anbieter_id is not None:
        query = select(Ergebnisstand.anbieter_id, Ergebnisstand.quartal).where(Ergebnisstand.anbieter_id == anbieter_id)
    else:
        query = select(Ergebnisstand.sozialraum_id, Ergebnisstand.quartal).where(
            Ergebnisstand.sozialraum_id.is_not(None))
    return {(group, quartal) for group, quartal in db.execute(query)}


def _group(anbieter_id: int | None, sozialraum_id: int | None):
    """The condition for one group (exactly one of the two)."""
    if (anbieter_id is None) == (sozialraum_id is None):
        raise ValueError("Genau eine Gruppe: ein Anbieter oder ein Sozialraum.")
    return (Ergebnisstand.anbieter_id == anbieter_id if anbieter_id is not None
            else Ergebnisstand.sozialraum_id == sozialraum_id)


def _find(db: Session, group, quartal: str, k: int) -> Tables | None:
    """The kept tables, or None."""
    stored = db.scalar(select(Ergebnisstand.tabellen).where(group, Ergebnisstand.quartal == quartal,
                                                            Ergebnisstand.k == k))
    if stored is None:
        return None
    return [(key, from_data(data) if data else None) for key, data in json.loads(stored)]
