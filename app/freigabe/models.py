"""A release decision about one piece of own words. The words themselves stay in their own room."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.db import Base

# The states of own words. No row means OFFEN: nobody has decided yet.
OFFEN, FREIGEGEBEN, ZURUECKGEHALTEN = "offen", "freigegeben", "zurueckgehalten"
# Where own words come from (the source of a decision).
WORKSHOP, WILLE = "workshop", "wille"


class Entscheidung(Base):
    """Released or withheld: own words of one workshop answer or of one life area of a Wille.

    The source and record id are two real foreign keys (one of them set) instead of a (source, id) pair:
    the database deletes the decision together with the words (a person deleted with „Alles löschen“, a
    Wille changed, a workshop deleted), and a reused id (SQLite) can never inherit an old decision.
    """

    __tablename__ = "freigabe"
    __table_args__ = (
        CheckConstraint("(workshop_antwort_id IS NULL) <> (wille_bereich_id IS NULL)", name="freigabe_eine_quelle"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_antwort_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshop_antwort.id", ondelete="CASCADE"), unique=True)
    wille_bereich_id: Mapped[int | None] = mapped_column(ForeignKey("wille_bereich.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(20))
    # The staff member who decided last; an account deleted later leaves the decision standing.
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(DateTime)

    @property
    def source(self) -> str:
        """WORKSHOP or WILLE."""
        return WORKSHOP if self.workshop_antwort_id is not None else WILLE

    @property
    def record_id(self) -> int:
        """The id of the workshop answer or of the Wille's life area."""
        return self.workshop_antwort_id if self.workshop_antwort_id is not None else self.wille_bereich_id
