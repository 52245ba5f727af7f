"""The numbers of saved Willen that other rooms (results) may read: counts as `privacy.k.CountTable`s, never rows.

Only Willen whose person allowed their use count, real and demo ones never together, per given months (results
passes the months of a completed quarter) and either of one Anbieter (saved on its tablets) or of one
Sozialraum (where the people live). Own words (eigener Wunsch, what I can do myself) are never counted: they
reach staff only through the release queue. Rows are read through `staff.scoping`.

Texts that are not in the content files come from `labels` (results: plain German for staff), keyed by the
answer keys of the Wille (gut, familie, allein …), NO_ANSWER and the table keys below.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..privacy.k import CountTable, Line
from ..staff.scoping import scoped
from .bereiche import bereiche
from .models import WilleRecord
from .options import KEEP

SCALE = ("gut", "geht-so", "nicht-gut")
HELPERS = ("familie", "freunde", "nachbarn", "assistenz", "verein", "niemand")
FILLED_BY = ("allein", "mit-hilfe", "andere")
NO_ANSWER = "keine-antwort"
# The keys of the tables, in the order they are shown; wishes have one table per life area ("wuensche-<area>").
AREAS, NOW, WISHES, HELP, WHO = "bereiche", "jetzt", "wuensche", "helfer", "wer"


class Counted(NamedTuple):
    """One table of counts under its title."""

    key: str
    titel: str
    table: CountTable


def months_with_willen(db: Session, user: Any, *, anbieter_id: int | None = None, demo: bool = False
                       ) -> list[tuple[int | None, str]]:
    """(Sozialraum, month) of the usable Willen the user may see (of one Anbieter, if given): results groups them."""
    query = scoped(select(WilleRecord.sozialraum_id, WilleRecord.created_month), WilleRecord, user).where(
        WilleRecord.use_allowed, WilleRecord.demo == demo)
    if anbieter_id is not None:
        query = query.where(WilleRecord.anbieter_id == anbieter_id)
    found = {(raum, month) for raum, month in db.execute(query.distinct())}
    return sorted(found, key=lambda row: (row[0] or 0, row[1]))


def wille_counts(db: Session, user: Any, months: tuple[str, ...], labels: Mapping[str, str], *,
                 anbieter_id: int | None = None, sozialraum_id: int | None = None, demo: bool = False) -> list[Counted]:
    """The tables of the usable Willen of these months, of one Anbieter or of one Sozialraum (one must be given)."""
    if (anbieter_id is None) == (sozialraum_id is None):
        raise ValueError("Genau eine Gruppe: ein Anbieter oder ein Sozialraum.")
    query = scoped(select(WilleRecord), WilleRecord, user).where(
        WilleRecord.use_allowed, WilleRecord.demo == demo, WilleRecord.created_month.in_(months))
    query = query.where(WilleRecord.anbieter_id == anbieter_id if anbieter_id is not None
                        else WilleRecord.sozialraum_id == sozialraum_id)
    records = list(db.scalars(query.options(selectinload(WilleRecord.bereiche)).order_by(WilleRecord.id)))
    return count_willen(records, labels)


def count_willen(records: list[WilleRecord], labels: Mapping[str, str]) -> list[Counted]:
    """Life areas chosen, how it is now per area, wishes chosen per area, who helps, who filled in."""
    people = len(records)
    areas = bereiche()
    chosen = {area.key: [b for r in records for b in r.bereiche if b.bereich == area.key] for area in areas}
    found = [Counted(AREAS, labels[AREAS], CountTable(
        tuple(area.name for area in areas),
        (Line(labels[AREAS], tuple(len({b.wille_id for b in chosen[area.key]}) for area in areas)),), people))]
    found.append(Counted(NOW, labels[NOW], _now_table(areas, chosen, labels, people)))
    for area in areas:
        if chosen[area.key]:
            keys = (*(wish.key for wish in area.wuensche), KEEP)
            columns = (*(wish.text for wish in area.wuensche), labels[KEEP])
            counts = tuple(sum(key in (b.wuensche or []) for b in chosen[area.key]) for key in keys)
            found.append(Counted(f"{WISHES}-{area.key}", area.name,
                                 CountTable(columns, (Line(area.name, counts),), len(chosen[area.key]))))
    helpers = [{name for b in record.bereiche for name in (b.helfer or [])} for record in records]
    found.append(Counted(HELP, labels[HELP], CountTable(
        tuple(labels[key] for key in HELPERS),
        (Line(labels[HELP], tuple(sum(key in named for named in helpers) for key in HELPERS)),), people)))
    found.append(Counted(WHO, labels[WHO], _single(labels[WHO], FILLED_BY, [r.filled_by for r in records],
                                                   labels, people)))
    return found


def _now_table(areas, chosen: dict, labels: Mapping[str, str], people: int) -> CountTable:
    """How it is now: one line per life area someone chose, each adding up to the people who chose it."""
    lines = [(area.name, [b.jetzt for b in chosen[area.key]]) for area in areas if chosen[area.key]]
    skipped = any(value not in SCALE for _name, values in lines for value in values)
    columns = tuple(labels[key] for key in SCALE) + ((labels[NO_ANSWER],) if skipped else ())
    table_lines = []
    for name, values in lines:
        counts = tuple(sum(value == key for value in values) for key in SCALE)
        rest = len(values) - sum(counts)
        table_lines.append(Line(name, counts + ((rest,) if skipped else ()), len(values)))
    return CountTable(columns, tuple(table_lines), people)


def _single(title: str, keys: tuple[str, ...], values: list, labels: Mapping[str, str], people: int) -> CountTable:
    """A line that adds up: one cell per answer, and „keine Antwort“ when anyone gave none of them."""
    counts = [sum(value == key for value in values) for key in keys]
    columns = [labels[key] for key in keys]
    if len(values) - sum(counts):
        counts.append(len(values) - sum(counts))
        columns.append(labels[NO_ANSWER])
    return CountTable(tuple(columns), (Line(title, tuple(counts), len(values)),), people)
