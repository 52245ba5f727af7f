"""The protected tables of a quarter's Willen as staff first saw them (see `stand`)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..core.db import Base, utcnow


class Ergebnisstand(Base):
    """One group's protected Willen tables of one ended quarter, kept when first shown.

    Only what `privacy.k.protect` let through is kept (JSON), never raw counts: an anonymous aggregate that stays
    when a person deletes their Wille. The group is an Anbieter's tablets or a Sozialraum (one of the two);
    deleting it deletes its tables. `k` is part of the key: a changed K_MIN never shows tables protected with another.
    """

    __tablename__ = "ergebnisstand"
    __table_args__ = (
        CheckConstraint("(anbieter_id IS NULL) <> (sozialraum_id IS NULL)", name="ergebnisstand_eine_gruppe"),
        UniqueConstraint("anbieter_id", "quartal", "k"),
        UniqueConstraint("sozialraum_id", "quartal", "k"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    anbieter_id: Mapped[int | None] = mapped_column(ForeignKey("anbieter.id", ondelete="CASCADE"))
    sozialraum_id: Mapped[int | None] = mapped_column(ForeignKey("sozialraum.id", ondelete="CASCADE"))
    quartal: Mapped[str] = mapped_column(String(7))
    k: Mapped[int] = mapped_column(Integer)
    tabellen: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
