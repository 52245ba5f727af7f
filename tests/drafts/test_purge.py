"""Abandoned drafts are purged."""
from datetime import timedelta

from sqlalchemy import select

from app.core.db import get_db, utcnow
from app.drafts.models import Draft


def test_purge_deletes_only_abandoned_drafts(runner, app):
    with app.app_context():
        db = get_db()
        db.add(Draft(token="alt", data={}, updated_at=utcnow() - timedelta(hours=25)))
        db.add(Draft(token="neu", data={}, updated_at=utcnow()))
        db.commit()
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0 and "1 alte Entwürfe gelöscht." in result.output
    with app.app_context():
        assert [d.token for d in get_db().scalars(select(Draft))] == ["neu"]
