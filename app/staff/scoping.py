"""The one way to read provider-owned rows: only the user's own Anbieter, or all for the roles that
see across providers. Asking for a foreign row gives None, which views turn into 404."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from .models import Anbieter, StaffUser
from .permissions import BELONGS_TO_ANBIETER, SEES_ALL_ANBIETER


def scoped(query: Select, model: Any, user: StaffUser) -> Select:
    """Limit a query of a provider-owned model (with an `anbieter_id` column) to what the user may see."""
    if user.role in SEES_ALL_ANBIETER:
        return query
    if user.role in BELONGS_TO_ANBIETER and user.anbieter_id is not None:
        return query.where(model.anbieter_id == user.anbieter_id)
    # Evaluation (and any role without an Anbieter) reads provider data only through exports.
    return query.where(false())


def scoped_get(db: Session, model: Any, row_id: Any, user: StaffUser) -> Any | None:
    """One provider-owned row by id, or None if it does not exist or belongs to another Anbieter."""
    return db.scalar(scoped(select(model).where(model.id == row_id), model, user))


def scoped_anbieter(db: Session, anbieter_id: Any, user: StaffUser) -> Any | None:
    """An Anbieter by id, if the user may see it: any for the roles that see across providers, else its own."""
    query = select(Anbieter).where(Anbieter.id == anbieter_id)
    if user.role in SEES_ALL_ANBIETER:
        return db.scalar(query)
    if user.role in BELONGS_TO_ANBIETER and user.anbieter_id is not None:
        return db.scalar(query.where(Anbieter.id == user.anbieter_id))
    return None
