"""Loading the Sozialräume from content/."""
from sqlalchemy import func, select

from app.core.db import get_db
from app.sozialraum.models import Sozialraum


def test_db_upgrade_and_load_content_are_repeatable(runner, app):
    assert runner.invoke(args=["db-upgrade"]).exit_code == 0
    assert "8 Sozialräume" in runner.invoke(args=["load-content"]).output
    assert runner.invoke(args=["load-content"]).exit_code == 0
    with app.app_context():
        assert get_db().scalar(select(func.count()).select_from(Sozialraum)) == 8
        jena = get_db().scalars(select(Sozialraum).where(Sozialraum.stadt == "Jena")).all()
        assert {s.name for s in jena} == {"Lobeda", "Winzerla", "West und Zentrum", "Nord", "Ost"}
        assert all(s.ortsteile for s in jena)


def test_only_the_deployments_cities_are_offered(app, client):
    from tests.helpers import answer_everything

    answer_everything(client)
    app.config["STAEDTE"] = ("jena",)
    html = client.get("/will/wohnort").get_data(as_text=True)
    assert "Lobeda" in html and "Winzerla" in html and "Hemelingen" not in html and "Kiel" not in html
    assert "Das weiß ich nicht." in html
    assert "Bitte wählen Sie" in client.submit("/will/wohnort", {"antwort": "bremen-hemelingen"}).get_data(as_text=True)
    app.config["STAEDTE"] = ("Bremen", "Bremerhaven")
    html = client.get("/will/wohnort").get_data(as_text=True)
    assert "Hemelingen" in html and "Bremerhaven" in html and "Lobeda" not in html


def test_staedte_setting_is_read_from_the_environment(monkeypatch, tmp_path):
    from app.core.config import Config

    monkeypatch.setenv("STAEDTE", " Bremen, Bremerhaven ,")
    assert Config(tmp_path).STAEDTE == ("Bremen", "Bremerhaven")
    monkeypatch.delenv("STAEDTE")
    assert Config(tmp_path).STAEDTE == ()
