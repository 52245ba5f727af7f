"""The Sozialraum table."""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.db import Base


class Sozialraum(Base):
    """A neighbourhood of the deployment, with its Ortsteile."""

    __tablename__ = "sozialraum"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    stadt: Mapped[str] = mapped_column(String(120))
    ortsteile: Mapped[list[str]] = mapped_column(JSON, default=list)
    aktiv: Mapped[bool] = mapped_column(Boolean, default=True)
