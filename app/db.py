"""Database engine and the one session per request, committed in one place."""
from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy import Select, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker


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


def read_connection() -> Connection:
    """A pooled connection for one quick read outside the request's ORM session (a context manager).

    It sees only committed data, so writes and reads of the same rows stay in get_db().
    """
    return current_app.extensions["db_engine"].connect()


class HotRead:
    """A SELECT of one value that runs on nearly every page, compiled once per dialect.

    It runs on the pooled DB-API connection: SQLAlchemy's work per execution was half the query's time.
    Bind parameters and the column's type (e.g. JSON) are handled as SQLAlchemy would.
    """

    def __init__(self, statement: Select) -> None:
        self.statement = statement
        self._prepared: dict[tuple, tuple] = {}

    def _prepare(self, engine: Engine) -> tuple:
        """SQL text, parameter order and result processor for this engine's dialect."""
        dialect = (engine.dialect.name, engine.dialect.driver, engine.dialect.paramstyle)
        prepared = self._prepared.get(dialect)
        if prepared is None:
            compiled = self.statement.compile(dialect=engine.dialect)
            column_type = self.statement.selected_columns[0].type
            prepared = (compiled, compiled.positiontup if compiled.positional else None,
                        column_type.dialect_impl(engine.dialect).result_processor(engine.dialect, None))
            self._prepared[dialect] = prepared
        return prepared

    def scalar(self, **params):
        """The one value, or None when no row matches."""
        engine: Engine = current_app.extensions["db_engine"]
        compiled, order, process = self._prepare(engine)
        values = compiled.construct_params(params)
        arguments = tuple(values[name] for name in order) if order is not None else values
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(compiled.string, arguments)
            row = cursor.fetchone()
            cursor.close()
        finally:
            connection.close()
        if row is None:
            return None
        return process(row[0]) if process is not None else row[0]


def commit() -> None:
    """Commit now: views call this once, before they redirect, so a failed write is an error page."""
    session = get_db()
    session.commit()
