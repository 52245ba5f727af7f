"""The migrations build exactly the tables the models describe, on SQLite and on PostgreSQL."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.core.db import Base, get_db


def test_the_migrated_database_matches_the_models(app):
    with app.app_context():
        connection = get_db().connection()
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
