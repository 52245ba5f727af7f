"""Reading and loading the Sozialräume; the functions other rooms use."""
from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Sozialraum


def active(db: Session, cities: tuple[str, ...] = ()) -> list[Sozialraum]:
    """Every active Sozialraum, in the order of the content file; only those of these cities, if given."""
    query = select(Sozialraum).where(Sozialraum.aktiv).order_by(Sozialraum.id)
    if cities:
        query = query.where(func.lower(Sozialraum.stadt).in_([city.lower() for city in cities]))
    return list(db.scalars(query))


def id_for_key(db: Session, key: str | None) -> int | None:
    """The id of the Sozialraum with this key, if it exists."""
    return db.scalar(select(Sozialraum.id).where(Sozialraum.key == key)) if key else None


def key_for_id(db: Session, sozialraum_id: int | None) -> str | None:
    """The key of the Sozialraum with this id, if it exists."""
    return db.scalar(select(Sozialraum.key).where(Sozialraum.id == sozialraum_id)) if sozialraum_id else None


def all_keys(db: Session) -> list[str]:
    """Keys of every Sozialraum."""
    return list(db.scalars(select(Sozialraum.key).order_by(Sozialraum.id)))


def load_file(db: Session, path: Path) -> int:
    """Insert or update the Sozialräume of a YAML file (content/sozialraeume.yml); returns how many."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["sozialraeume"]
    for item in items:
        row = db.scalar(select(Sozialraum).where(Sozialraum.key == item["key"])) or Sozialraum(key=item["key"])
        row.name, row.stadt = item["name"], item["stadt"]
        row.ortsteile, row.aktiv = list(item.get("ortsteile", [])), bool(item.get("aktiv", True))
        db.add(row)
    return len(items)


def every(db: Session) -> list[Sozialraum]:
    """Every Sozialraum, active or not, in the order of the content file."""
    return list(db.scalars(select(Sozialraum).order_by(Sozialraum.id)))


def find(db: Session, sozialraum_id: int) -> Sozialraum | None:
    """The Sozialraum with this id, if it exists."""
    return db.get(Sozialraum, sozialraum_id)


def set_active(db: Session, sozialraum: Sozialraum, aktiv: bool) -> None:
    """Switch a Sozialraum on or off (an inactive one is not offered to Nutzer:innen)."""
    sozialraum.aktiv = aktiv
