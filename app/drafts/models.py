"""The draft table."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.db import Base, utcnow


class Draft(Base):
    """Answers in progress, as a plain dict of the flow's data, behind a random token."""

    __tablename__ = "draft"
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    # Raised by claim(): of two requests that read the same draft, only one may act on it.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # None while answers are in progress. Once they are saved: whose they are (an opaque key such as
    # "person:7", so that deleting that person deletes the draft in every browser, or "anonym"); such a
    # draft is forgotten after SIGNED_IN_IDLE_MINUTES without use.
    owner: Mapped[str | None] = mapped_column(String(64), index=True)
