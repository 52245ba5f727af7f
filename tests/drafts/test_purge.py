"""`flask purge` deletes what is no longer needed: abandoned drafts, old code tries, old staff sign-in tries."""
from datetime import timedelta

from sqlalchemy import func, select

from app.core.db import get_db, utcnow
from app.drafts.models import Draft
from app.mein_code import operations as mein_code
from app.mein_code.models import CodeAttempt
from app.staff import signin
from app.staff.models import SignInAttempt


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


def test_purge_deletes_tries_older_than_their_window_and_keeps_the_counting_ones(runner, app):
    """Tries hold keyed hashes of client addresses: kept only while they still count towards a lock."""
    with app.app_context():
        db, now, key = get_db(), utcnow(), app.config["CODE_KEY"]
        staff_window = app.config["STAFF_ATTEMPTS_WINDOW_MINUTES"]
        code_window = app.config["CODE_ATTEMPTS_WINDOW_MINUTES"]
        for late in (True, False):
            signin.start_try(db, "jemand", "192.0.2.1", key, now - timedelta(minutes=staff_window + 1 if late else 1))
            mein_code.start_try(db, "adresse", "muster", now - timedelta(minutes=code_window + 1 if late else 1))
        db.commit()
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0
    assert "1 alte Code-Versuche gelöscht." in result.output
    assert "1 alte Anmelde-Versuche gelöscht." in result.output
    with app.app_context():
        db = get_db()
        assert db.scalar(select(func.count()).select_from(SignInAttempt)) == 1
        assert db.scalar(select(func.count()).select_from(CodeAttempt)) == 1
