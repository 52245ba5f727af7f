"""The numbers of saved Willen that other rooms (results) may read: counts as `privacy.k.CountTable`s, never rows.

Only Willen whose person allowed their use count, real and demo ones never together, per given months (results
passes the months of a completed quarter) and either of one Anbieter (saved on its tablets) or of one
Sozialraum (where the people live). Own words (eigener Wunsch, what I can do myself) are never counted: they
reach staff only through the release queue. Rows are read through `staff.scoping`.

The tables hold keys, not words: columns and lines are the answer keys of the Wille (gut, familie, allein …),
NO_ANSWER, the table keys below and the keys of life areas and wishes. So a table looks the same in every
language, and results can keep a quarter's protected tables and name them in the reader's language (`names`).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NamedTuple

from sqlalchemy import Select, String, case, cast, distinct, func, select
from sqlalchemy.orm import Session

from ..privacy.k import CountTable, Line
from ..staff.scoping import scoped
from .bereiche import bereiche
from .models import WilleBereich, WilleRecord
from .options import KEEP

SCALE = ("gut", "geht-so", "nicht-gut")
HELPERS = ("familie", "freunde", "nachbarn", "assistenz", "verein", "niemand")
FILLED_BY = ("allein", "mit-hilfe", "andere")
NO_ANSWER = "keine-antwort"
# The keys of the tables, in the order they are shown; wishes have one table per life area ("wuensche-<area>").
AREAS, NOW, WISHES, HELP, WHO = "bereiche", "jetzt", "wuensche", "helfer", "wer"


class Counted(NamedTuple):
    """One table of counts under its key (a wishes table: „wuensche-<area key>“)."""

    key: str
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


def names(area_key: str | None = None) -> dict[str, str]:
    """The words for the keys of the tables in the current language: life areas, or the wishes of one area."""
    if area_key is None:
        return {area.key: area.name for area in bereiche()}
    area = next((area for area in bereiche() if area.key == area_key), None)
    return {wish.key: wish.text for wish in area.wuensche} if area else {}


def wille_counts(db: Session, user: Any, months: tuple[str, ...], *,
                 anbieter_id: int | None = None, sozialraum_id: int | None = None, demo: bool = False) -> list[Counted]:
    """The tables of the usable Willen of these months, of one Anbieter or of one Sozialraum (one must be given)."""
    if (anbieter_id is None) == (sozialraum_id is None):
        raise ValueError("Genau eine Gruppe: ein Anbieter oder ein Sozialraum.")
    records = scoped(select(WilleRecord.id), WilleRecord, user).where(
        WilleRecord.use_allowed, WilleRecord.demo == demo, WilleRecord.created_month.in_(months))
    records = records.where(WilleRecord.anbieter_id == anbieter_id if anbieter_id is not None
                            else WilleRecord.sozialraum_id == sozialraum_id)
    return count_willen(db, records)


def count_willen(db: Session, records: Select) -> list[Counted]:
    """Life areas chosen, how it is now per area, wishes chosen per area, who helps, who filled in — of the Willen
    whose ids `records` selects. The database counts (GROUP BY), so 20,000 Willen are never loaded."""
    people = db.scalar(select(func.count()).select_from(records.subquery()))
    in_group = WilleBereich.wille_id.in_(records)
    areas = bereiche()
    chosen = dict(db.execute(select(WilleBereich.bereich, func.count(distinct(WilleBereich.wille_id)))
                             .where(in_group).group_by(WilleBereich.bereich)).all())
    found = [Counted(AREAS, CountTable(
        tuple(area.key for area in areas), (Line(AREAS, tuple(chosen.get(area.key, 0) for area in areas)),), people))]
    now = {(area, value): count for area, value, count in db.execute(
        select(WilleBereich.bereich, WilleBereich.jetzt, func.count(distinct(WilleBereich.wille_id))).where(in_group)
        .group_by(WilleBereich.bereich, WilleBereich.jetzt))}
    found.append(Counted(NOW, _now_table(areas, chosen, now, people)))
    wished = cast(WilleBereich.wuensche, String)
    wishes: dict[str, dict[str, int]] = {}
    for area, text, count in db.execute(select(WilleBereich.bereich, wished, func.count(distinct(WilleBereich.wille_id)))
                                        .where(in_group).group_by(WilleBereich.bereich, wished)):
        for key in set(_as_list(text)):
            wishes.setdefault(area, {})[key] = wishes.get(area, {}).get(key, 0) + count
    for area in areas:
        if chosen.get(area.key):
            keys = (*(wish.key for wish in area.wuensche), KEEP)
            counts = tuple(wishes.get(area.key, {}).get(key, 0) for key in keys)
            found.append(Counted(f"{WISHES}-{area.key}",
                                 CountTable(keys, (Line(area.key, counts),), chosen[area.key])))
    # A person counts once for a helper named in any of their areas.
    named = cast(WilleBereich.helfer, String)
    helpers = db.execute(select(*(func.count(distinct(case((named.like(f'%"{key}"%'), WilleBereich.wille_id))))
                                  for key in HELPERS)).where(in_group)).one()
    found.append(Counted(HELP, CountTable(HELPERS, (Line(HELP, tuple(helpers)),), people)))
    who = dict(db.execute(select(WilleRecord.filled_by, func.count(WilleRecord.id))
                          .where(WilleRecord.id.in_(records)).group_by(WilleRecord.filled_by)).all())
    found.append(Counted(WHO, _single(WHO, FILLED_BY, who, people)))
    return found


def _now_table(areas, chosen: Mapping[str, int], now: Mapping[tuple[str, str], int], people: int) -> CountTable:
    """How it is now: one line per life area someone chose, each adding up to the people who chose it, with an
    always present „keine Antwort“ (a column shown only when someone skipped would tell that count is not 0)."""
    lines = [(area, [now.get((area.key, key), 0) for key in SCALE]) for area in areas if chosen.get(area.key)]
    table_lines = tuple(Line(area.key, (*counts, chosen[area.key] - sum(counts)), chosen[area.key])
                        for area, counts in lines)
    return CountTable((*SCALE, NO_ANSWER), table_lines, people)


def _single(title: str, keys: tuple[str, ...], answered: Mapping[Any, int], people: int) -> CountTable:
    """A line that adds up: one cell per answer, and always „keine Antwort“ (see `_now_table`)."""
    counts = (*(answered.get(key, 0) for key in keys), people - sum(answered.get(key, 0) for key in keys))
    return CountTable((*keys, NO_ANSWER), (Line(title, counts, people),), people)


def _as_list(text: str | None) -> list:
    """A stored list of keys, as the database gives it (JSON text), as a list (anything else: empty)."""
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
