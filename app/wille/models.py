"""A saved „Was ich will“ and its life areas. No table holds a name of a Nutzer:in."""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..core.db import Base


class WilleRecord(Base):
    """One saved „Was ich will“: who filled it in, what may be used, and its life areas."""

    __tablename__ = "wille"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Set when the person chose a code; deleting the person deletes this row (ON DELETE CASCADE).
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    # The month only: enough for trajectories, too coarse to single out a workshop visit.
    created_month: Mapped[str] = mapped_column(String(7))
    filled_by: Mapped[str] = mapped_column(String(20))
    use_allowed: Mapped[bool] = mapped_column(Boolean)
    # Demo records (flask load-demo) are marked so no view or export can pass them off as real.
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    sozialraum_id: Mapped[int | None] = mapped_column(ForeignKey("sozialraum.id", ondelete="SET NULL"))
    # The Anbieter a tablet in tablet mode was bound to when this was saved; never the staff member.
    anbieter_id: Mapped[int | None] = mapped_column(ForeignKey("anbieter.id", ondelete="SET NULL"))
    bereiche: Mapped[list[WilleBereich]] = relationship(
        back_populates="wille", cascade="all, delete-orphan", passive_deletes=True,
        order_by="WilleBereich.position",
    )


class WilleBereich(Base):
    """The answers for one life area inside a saved Wille."""

    __tablename__ = "wille_bereich"
    id: Mapped[int] = mapped_column(primary_key=True)
    wille_id: Mapped[int] = mapped_column(ForeignKey("wille.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    bereich: Mapped[str] = mapped_column(String(40))
    jetzt: Mapped[str] = mapped_column(String(20))
    wuensche: Mapped[list[str]] = mapped_column(JSON, default=list)
    eigener_wunsch: Mapped[str] = mapped_column(Text, default="")
    selbst: Mapped[str] = mapped_column(Text, default="")
    helfer: Mapped[list[str]] = mapped_column(JSON, default=list)
    wille: Mapped[WilleRecord] = relationship(back_populates="bereiche")
