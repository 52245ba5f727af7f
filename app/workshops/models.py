"""A workshop and the answers given to it. No table holds a name of a Nutzer:in."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..core.db import Base


class Workshop(Base):
    """A participation meeting of one Anbieter in one Sozialraum, on one or more days."""

    __tablename__ = "workshop"
    id: Mapped[int] = mapped_column(primary_key=True)
    # RESTRICT: an Anbieter or Sozialraum with workshops is not deleted under them.
    anbieter_id: Mapped[int] = mapped_column(ForeignKey("anbieter.id", ondelete="RESTRICT"), index=True)
    sozialraum_id: Mapped[int] = mapped_column(ForeignKey("sozialraum.id", ondelete="RESTRICT"))
    titel: Mapped[str] = mapped_column(String(120))
    # The key of a question set in content/<lang>/fragen/<key>.yml.
    fragen: Mapped[str] = mapped_column(String(40))
    erster_tag: Mapped[date] = mapped_column(Date)
    letzter_tag: Mapped[date] = mapped_column(Date)
    # The join code: 6 digits, unique for ever (codes.py), typed or reached through the QR code.
    code: Mapped[str] = mapped_column(String(6), unique=True)
    # One question of the staff's own, checked by the Leichte Sprache linter before it can be used.
    eigene_frage: Mapped[str | None] = mapped_column(String(200))
    eigene_art: Mapped[str | None] = mapped_column(String(20))
    # Set when staff close the workshop before its last day; answers stop then.
    geschlossen_am: Mapped[datetime | None] = mapped_column(DateTime)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # The one-time token of the form that created it: a double click or a resend finds this workshop again.
    form_token: Mapped[str | None] = mapped_column(String(64), unique=True)


class WorkshopAntwort(Base):
    """One person's answers to a workshop, stored only with their consent."""

    __tablename__ = "workshop_antwort"
    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    # {question key: "gut" | ["leute", "essen"] | ...}; the own words are apart (eigene_worte), for release.
    antworten: Mapped[dict] = mapped_column(JSON, default=dict)
    eigene_worte: Mapped[str] = mapped_column(Text, default="")
    filled_by: Mapped[str] = mapped_column(String(20))
    demo: Mapped[bool] = mapped_column(Boolean, default=False)


class WorkshopZahl(Base):
    """How many of a workshop's answers gave one value to one question, counted at save time (zahlen.py)."""

    __tablename__ = "workshop_zahl"
    # Deleted with the workshop, like its answers; a workshop's answers never change once saved.
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), primary_key=True)
    # A question key, or one of zahlen.PEOPLE / zahlen.WHO.
    frage: Mapped[str] = mapped_column(String(40), primary_key=True)
    # An answer key (one row per chosen option of a multi-choice question), or "" for zahlen.PEOPLE.
    wert: Mapped[str] = mapped_column(String(40), primary_key=True)
    anzahl: Mapped[int] = mapped_column(Integer)
