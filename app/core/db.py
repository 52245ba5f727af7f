"""Database: the declarative base, the engine, and one session per request, committed in one place."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import Flask, current_app, g
from sqlalchemy import create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


class Base(DeclarativeBase):
    """Base class of every domain's tables (app/models.py imports them all for Alembic)."""


def utcnow() -> datetime:
    """Current time in UTC, naive, as stored in every timestamp column."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    """SQLite ignores ON DELETE CASCADE unless this pragma is set on every connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys and a busy timeout for several workers."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15})
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
        return engine
    return create_engine(url, pool_pre_ping=True)


def init_app(app: Flask) -> None:
    """Bind an engine to the app and close or roll back the session after each request."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["db_engine"] = engine
    app.extensions["db_sessionmaker"] = sessionmaker(engine, expire_on_commit=False)

    @app.teardown_appcontext
    def _close(exc: BaseException | None) -> None:
        session: Session | None = g.pop("db", None)
        if session is None:
            return
        # Anything not committed by the view is discarded, also after an error.
        session.rollback()
        session.close()


def get_db() -> Session:
    """Return this request's session, creating it on first use."""
    if "db" not in g:
        g.db = current_app.extensions["db_sessionmaker"]()
    return g.db


def commit() -> None:
    """Commit now: views call this once, before they redirect, so a failed write is an error page."""
    get_db().commit()


def upsert_insert(db: Session, model):
    """An INSERT for `model` that takes ON CONFLICT clauses, in the dialect of the session's database."""
    return (postgresql.insert if db.get_bind().dialect.name == "postgresql" else sqlite.insert)(model)
