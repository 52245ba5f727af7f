"""Demo workshops: marked, dated so their results can be shown, and only with the demo Anbieter."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.core.db import get_db
from app.workshops import zahlen
from app.workshops.demo import load_demo_workshops
from app.workshops.models import Workshop, WorkshopAntwort, WorkshopZahl


def test_no_demo_workshops_without_the_demo_anbieter(app):
    with app.app_context():
        assert load_demo_workshops(get_db(), date(2026, 11, 22)) is None


def test_demo_workshops_are_marked_and_repeatable(app, runner):
    app.config["DEMO_ACCOUNTS"] = True
    assert runner.invoke(args=["load-demo-staff"]).exit_code == 0
    for _ in range(2):
        result = runner.invoke(args=["load-demo"])
        assert result.exit_code == 0 and "Code des offenen Demo-Workshops" in result.output, result.output
    with app.app_context():
        db = get_db()
        workshops = db.scalars(select(Workshop).order_by(Workshop.id)).all()
        assert len(workshops) == 4 and all(w.demo for w in workshops)
        answers = db.scalars(select(WorkshopAntwort)).all()
        assert len(answers) == 14 + 8 + 3 and all(a.demo for a in answers)
        # counted as saved, and the counts of the first load went with its workshops
        assert db.scalar(select(func.sum(WorkshopZahl.anzahl)).where(WorkshopZahl.frage == zahlen.PEOPLE)) == 25
        ended = [w for w in workshops if w.letzter_tag < date.today()]
        assert len(ended) == 3 and all((w.letzter_tag.month - 1) // 3 != (date.today().month - 1) // 3
                                       or w.letzter_tag.year != date.today().year for w in ended)
        assert db.scalar(select(func.count()).select_from(WorkshopAntwort)
                         .where(WorkshopAntwort.eigene_worte != "")) > 0
