"""CLI commands and configuration."""
from sqlalchemy import func, select

from app.db import get_db
from app.models import Sozialraum, WilleRecord


def test_db_upgrade_and_load_content_are_repeatable(runner, app):
    assert runner.invoke(args=["db-upgrade"]).exit_code == 0
    assert "8 Sozialräume" in runner.invoke(args=["load-content"]).output
    assert runner.invoke(args=["load-content"]).exit_code == 0
    with app.app_context():
        assert get_db().scalar(select(func.count()).select_from(Sozialraum)) == 8
        jena = get_db().scalars(select(Sozialraum).where(Sozialraum.stadt == "Jena")).all()
        assert {s.name for s in jena} == {"Lobeda", "Winzerla", "West und Zentrum", "Nord", "Ost"}
        assert all(s.ortsteile for s in jena)


def test_load_demo_marks_every_record_as_demo(runner, app):
    from tests.conftest import CheckingClient

    result = runner.invoke(args=["load-demo"])
    assert result.exit_code == 0 and "Apfel Baum Stern 12" in result.output
    runner.invoke(args=["load-demo"])
    with app.app_context():
        records = get_db().scalars(select(WilleRecord)).all()
        assert len(records) == 24 and all(r.demo for r in records)
    client = CheckingClient(app.test_client())
    client.submit("/mein-code/", {"code": "Apfel Baum Stern 12"})
    assert "Beispiel" in client.get("/mein-code/antworten").get_data(as_text=True)


def test_secret_key_generated_once_and_reused(tmp_path, monkeypatch):
    from app.config import TestConfig

    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = TestConfig(tmp_path)
    second = TestConfig(tmp_path)
    assert first.SECRET_KEY == second.SECRET_KEY and len(first.SECRET_KEY) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert TestConfig(tmp_path / "other").SECRET_KEY != first.SECRET_KEY


def test_environment_overrides(tmp_path, monkeypatch):
    from app.config import Config

    monkeypatch.setenv("MITREDEN_INSTANCE", str(tmp_path))
    monkeypatch.setenv("K_MIN", "7")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///" + str(tmp_path / "x.db"))
    monkeypatch.setenv("SECRET_KEY", "from-env")
    config = Config()
    assert config.K_MIN == 7 and config.DATABASE_URL.endswith("x.db") and config.SECRET_KEY == "from-env"


def test_purge_deletes_only_abandoned_drafts(runner, app):
    from datetime import timedelta

    from app.models import Draft, utcnow

    with app.app_context():
        db = get_db()
        db.add(Draft(token="alt", data={}, updated_at=utcnow() - timedelta(hours=25)))
        db.add(Draft(token="neu", data={}, updated_at=utcnow()))
        db.commit()
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0 and "1 alte Entwürfe gelöscht." in result.output
    with app.app_context():
        assert [d.token for d in get_db().scalars(select(Draft))] == ["neu"]
