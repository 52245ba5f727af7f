"""The draft table."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.db import Base, utcnow


class Draft(Base):
    """Answers in progress, as a plain dict of the flow's data, behind a random token."""

    __tablename__ = "draft"
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
