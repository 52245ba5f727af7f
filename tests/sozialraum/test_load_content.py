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
