"""The two databases every database test runs on: SQLite, and PostgreSQL from TEST_DATABASE_URL.

`make test` starts a throwaway PostgreSQL cluster (pg_virtualenv) and sets TEST_DATABASE_URL. Each
kind gets one template database, migrated and loaded once per session; each test gets a copy
(a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), dropped afterwards.
"""
from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import TestConfig, create_app
from app.core.cli import upgrade_database
from app.sozialraum.cli import load_content

DATABASES = ["sqlite", "postgresql"]
TEMPLATE = "mitreden_template"
NO_POSTGRES = ("No PostgreSQL: set TEST_DATABASE_URL (`make test` starts a throwaway cluster and sets it)."
               " Set MITREDEN_REQUIRE_POSTGRES=0 to run on SQLite only.")


def prepare(url: str, instance: Path) -> None:
    """Migrate a database and load the content into it."""
    app = create_app(TestConfig(instance, url))
    upgrade_database(app)
    with app.app_context():
        load_content(app)
    app.extensions["db_engine"].dispose()


class Databases:
    """Template databases of both kinds, and fresh copies of them for tests."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.counter = itertools.count()
        self.sqlite_template = folder / "template.sqlite3"
        prepare(f"sqlite:///{self.sqlite_template}", folder / "instance")
        self.server_url = os.environ.get("TEST_DATABASE_URL")
        self.admin = None
        if self.server_url:
            # AUTOCOMMIT: CREATE and DROP DATABASE cannot run inside a transaction.
            self.admin = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
            self._execute(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
            self._execute(f"CREATE DATABASE {TEMPLATE}")
            prepare(self._url_for(TEMPLATE), folder / "instance")

    def _execute(self, sql: str) -> None:
        """Run one statement on the server's maintenance database."""
        with self.admin.connect() as connection:
            connection.execute(text(sql))

    def _url_for(self, name: str) -> str:
        """The server's URL with another database name."""
        return make_url(self.server_url).set(database=name).render_as_string(hide_password=False)

    def fresh(self, kind: str, instance: Path) -> str:
        """The URL of a new copy of the template database of this kind."""
        if kind == "sqlite":
            instance.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.sqlite_template, instance / "test.sqlite3")
            return f"sqlite:///{instance / 'test.sqlite3'}"
        if self.admin is None:
            if os.environ.get("MITREDEN_REQUIRE_POSTGRES", "1") != "0":
                pytest.fail(NO_POSTGRES)
            pytest.skip(NO_POSTGRES)
        name = f"mitreden_test_{os.getpid()}_{next(self.counter)}"
        self._execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self._url_for(name)

    def drop(self, kind: str, url: str) -> None:
        """Remove a test's copy (SQLite files go with the test's temporary folder)."""
        if kind == "postgresql":
            self._execute(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")

    def close(self) -> None:
        """Drop the template and close the server connection."""
        if self.admin is not None:
            self._execute(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
            self.admin.dispose()
