"""Persons (known only by the keyed hash of their code) and failed tries to enter a code."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.db import Base, utcnow


class Person(Base):
    """Someone who chose a personal code; their answers point here and are deleted with them."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CodeAttempt(Base):
    """A wrong code, counted by keyed hashes of the client address and of the code's 3 words."""

    __tablename__ = "code_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_hash: Mapped[str] = mapped_column(String(64), index=True)
    pattern_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
