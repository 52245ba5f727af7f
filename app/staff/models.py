"""Anbieter, staff accounts, recovery codes, sign-up links, the audit log and counted sign-in tries."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..core.db import Base, utcnow

# Roles, as stored; the permissions of each are in permissions.py.
ASSISTENZ = "assistenz"
ANBIETER_LEITUNG = "anbieter_leitung"
LEISTUNGSTRAEGER = "leistungstraeger"
EVALUATION = "evaluation"
ADMIN = "admin"
ROLES = (ASSISTENZ, ANBIETER_LEITUNG, LEISTUNGSTRAEGER, EVALUATION, ADMIN)

anbieter_sozialraum = Table(
    "anbieter_sozialraum",
    Base.metadata,
    Column("anbieter_id", Integer, ForeignKey("anbieter.id", ondelete="CASCADE"), primary_key=True),
    Column("sozialraum_id", Integer, ForeignKey("sozialraum.id", ondelete="CASCADE"), primary_key=True),
)


class Anbieter(Base):
    """A service provider; its staff see only its own data."""

    __tablename__ = "anbieter"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)


class StaffUser(Base):
    """A staff account. Assistenz and Anbieter-Leitung belong to exactly one Anbieter (operations enforce it)."""

    __tablename__ = "staff_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    login_name: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(30))
    anbieter_id: Mapped[int | None] = mapped_column(ForeignKey("anbieter.id", ondelete="RESTRICT"), index=True)
    # None until the person has set a password through their sign-up link.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    # The last time step whose code was accepted: a code is never accepted twice.
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    anbieter: Mapped[Anbieter | None] = relationship()

    # Flask-Login's user interface (no UserMixin: it would offer nothing else we use).
    @property
    def is_authenticated(self) -> bool:
        """A loaded staff user is signed in (the loader refuses inactive and idle ones)."""
        return True

    @property
    def is_active(self) -> bool:
        """Whether the account may sign in."""
        return self.active

    @property
    def is_anonymous(self) -> bool:
        """A staff user is never anonymous."""
        return False

    def get_id(self) -> str:
        """The id Flask-Login keeps in the session."""
        return str(self.id)


class RecoveryCode(Base):
    """A one-time code for when the second factor is lost, stored only as a keyed hash."""

    __tablename__ = "staff_recovery_code"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


class SignupLink(Base):
    """A one-time link to set a password (sign-up or reset); only the hash of its token is stored."""

    __tablename__ = "staff_signup_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))  # "signup" or "reset"
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """Who did what, when: never a password, a code or a token."""

    __tablename__ = "staff_audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(String(500), default="")


class SignInAttempt(Base):
    """A sign-in try (password or second factor), counted by keyed hashes of the login name and the address."""

    __tablename__ = "staff_sign_in_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    name_hash: Mapped[str] = mapped_column(String(64), index=True)
    client_hash: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
