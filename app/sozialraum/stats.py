"""What other rooms (results) may read of the Sozialräume: their names, to group and title the numbers by."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Sozialraum


def names(db: Session) -> dict[int, str]:
    """The name of every Sozialraum (active or not: old results keep their place), by id, in content order."""
    return {row.id: row.name if row.name == row.stadt else f"{row.name} ({row.stadt})"
            for row in db.scalars(select(Sozialraum).order_by(Sozialraum.id))}
