"""Demo answers are marked as demo."""
from sqlalchemy import select

from app.core.db import get_db
from app.wille.models import WilleRecord


def test_load_demo_marks_every_record_as_demo(runner, app):
    from tests.conftest import CheckingClient

    result = runner.invoke(args=["load-demo"])
    assert result.exit_code == 0 and "Apfel Baum Stern 12" in result.output
    runner.invoke(args=["load-demo"])
    with app.app_context():
        records = get_db().scalars(select(WilleRecord)).all()
        assert len(records) == 90 and all(r.demo for r in records)
    client = CheckingClient(app.test_client())
    client.submit("/mein-code/", {"code": "Apfel Baum Stern 12"})
    assert "Beispiel" in client.get("/mein-code/antworten").get_data(as_text=True)
