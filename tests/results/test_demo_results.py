"""`make run`'s demo content: every demo results page of the demo Anbieter and of the Leistungsträger shows
tables, and a hidden small count shows somewhere — under the same rules as real answers."""
from __future__ import annotations

import re

from sqlalchemy import select

from app.core.db import get_db
from app.staff.demo import NORD
from app.staff.models import Anbieter
from tests.results.helpers import become
from tests.staff.helpers import make_user


def links(html: str, pattern: str) -> list[str]:
    """The results links of a page that match a pattern."""
    return sorted(set(re.findall(rf'href="(/staff/ergebnisse/{pattern})"', html)))


def test_every_demo_results_page_shows_tables_and_a_hidden_small_count_somewhere(app, client, runner):
    app.config["DEMO_ACCOUNTS"] = True
    assert runner.invoke(args=["load-demo-staff"]).exit_code == 0
    assert runner.invoke(args=["load-demo"]).exit_code == 0
    with app.app_context():
        nord = get_db().scalar(select(Anbieter.id).where(Anbieter.name == NORD))
    people = {"leitung-nord": None, "traeger": make_user(app, "traeger", "leistungstraeger", second_factor=True)}
    make_user(app, "leitung-nord", "anbieter_leitung", nord)
    pages = []
    for name, pattern in (("leitung-nord", r"(?:workshop/\d+|anbieter/\d+/willen/[\d-]+/beispiel)"),
                          ("traeger", r"sozialraum/\d+/[\d-]+/(?:workshops|willen)/beispiel")):
        become(client, people, name)
        found = links(client.get("/staff/ergebnisse/").get_data(as_text=True), pattern)
        assert found, name
        pages += [(path, client.get(path).get_data(as_text=True)) for path in found]
    for path, html in pages:
        assert "<table" in html and "Beispiel" in html, path
    assert any("weniger als 5" in html for _path, html in pages)
