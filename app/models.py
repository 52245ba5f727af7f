"""Typed SQLAlchemy models. No table holds a name of a Nutzer:in."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Current time in UTC, naive, as stored in every timestamp column."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Base class of all tables."""


class Sozialraum(Base):
    """A neighbourhood of the deployment, loaded from content/sozialraeume.yml."""

    __tablename__ = "sozialraum"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    stadt: Mapped[str] = mapped_column(String(120))
    ortsteile: Mapped[list[str]] = mapped_column(JSON, default=list)
    aktiv: Mapped[bool] = mapped_column(Boolean, default=True)


class Person(Base):
    """Someone who chose a personal code; only the keyed hash of the code is kept."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    willen: Mapped[list[WilleRecord]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )


class WilleRecord(Base):
    """One saved „Was ich will“: who filled it in, what may be used, and its life areas."""

    __tablename__ = "wille"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    # The month only: enough for trajectories, too coarse to single out a workshop visit.
    created_month: Mapped[str] = mapped_column(String(7))
    filled_by: Mapped[str] = mapped_column(String(20))
    use_allowed: Mapped[bool] = mapped_column(Boolean)
    # Demo records (flask load-demo) are marked so no view or export can pass them off as real.
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    sozialraum_id: Mapped[int | None] = mapped_column(
        ForeignKey("sozialraum.id", ondelete="SET NULL")
    )
    person: Mapped[Person | None] = relationship(back_populates="willen")
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


class Draft(Base):
    """Answers in progress, so nothing is lost on a failed request or a restart.

    Deleted when the person presses „Fertig“, or after DRAFT_MAX_AGE_HOURS at the latest.
    """

    __tablename__ = "draft"
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class CodeAttempt(Base):
    """A failed try to enter a personal code, keyed by a hash of the client address."""

    __tablename__ = "code_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_hash: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
