"""A quarter's Willen tables are kept as first shown (later deletions change nothing staff can compare), and own
wishes are shown only under life areas whose count is shown."""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from freezegun import freeze_time
from sqlalchemy import delete, select

from app.core.db import get_db
from app.freigabe import operations as freigabe
from app.freigabe.models import FREIGEGEBEN, WILLE
from app.results.models import Ergebnisstand
from app.wille.models import WilleBereich, WilleRecord
from tests.results.helpers import become, read, willen, world
from tests.staff.helpers import user_id


@pytest.fixture
def people(app):
    """The accounts and Anbieter of these tests, made on a day in the 4th quarter of 2026."""
    with freeze_time("2026-10-15 10:00:00"):
        yield world(app)


def delete_willen(app, count: int) -> None:
    """Delete `count` saved Willen, as „Alles löschen“ with Mein Code would."""
    with app.app_context():
        db = get_db()
        ids = db.scalars(select(WilleRecord.id).where(WilleRecord.demo.is_(False)).limit(count)).all()
        db.execute(delete(WilleRecord).where(WilleRecord.id.in_(ids)))
        db.commit()


def test_a_quarter_shown_once_stays_as_it_was_when_willen_are_deleted(app, client, people):
    willen(app, 7, anbieter=people["A"], raum=people["hemelingen"], areas=("wohnen",))
    willen(app, 3, anbieter=people["A"], raum=people["hemelingen"], areas=("wohnen", "arbeit"), jetzt="nicht-gut")
    anbieter_page = f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3"
    raum_page = f"/staff/ergebnisse/sozialraum/{people['hemelingen']}/2026-3/willen"
    with freeze_time("2026-10-15 10:00:00"):
        become(client, people, "leitung-a")
        first = client.get(anbieter_page).get_data(as_text=True)
        become(client, people, "traeger")
        first_raum = client.get(raum_page).get_data(as_text=True)
    assert "10 Menschen haben „Was ich will“ ausgefüllt." in first
    delete_willen(app, 10)
    with app.app_context():
        assert get_db().scalar(select(WilleBereich.id)) is None  # the people's rows are gone
        kept = get_db().scalars(select(Ergebnisstand.tabellen)).all()
    assert len(kept) == 2
    for stored in kept:  # only what privacy.k let through: no count 1 to 4
        cells = [cell for _key, table in json.loads(stored) if table for line in table["lines"]
                 for cell in line["cells"]]
        assert not [value for value, _hidden in cells if value is not None and 0 < value < 5]
    with freeze_time("2026-12-01 10:00:00"):
        become(client, people, "traeger")
        assert read(client.get(raum_page).get_data(as_text=True)).tables == read(first_raum).tables
        assert "3. Quartal 2026" in client.get("/staff/ergebnisse/").get_data(as_text=True)
        become(client, people, "leitung-a")
        again = client.get(anbieter_page).get_data(as_text=True)
        assert read(again).tables == read(first).tables and "10 Menschen" in again
        assert "3. Quartal 2026" in client.get("/staff/ergebnisse/").get_data(as_text=True)


def test_a_quarter_not_shown_yet_counts_what_is_there_and_demo_is_never_kept(app, client, people):
    willen(app, 9, anbieter=people["A"])
    willen(app, 6, anbieter=people["A"], demo=True)
    delete_willen(app, 3)
    with freeze_time("2026-10-15 10:00:00"):
        become(client, people, "leitung-a")
        html = client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3").get_data(as_text=True)
        assert "6 Menschen haben" in html
        demo = f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3/beispiel"
        assert "6 Menschen haben" in client.get(demo).get_data(as_text=True)
        willen(app, 1, anbieter=people["A"], demo=True)
        assert "7 Menschen haben" in client.get(demo).get_data(as_text=True)
    with app.app_context():
        assert len(get_db().scalars(select(Ergebnisstand.id)).all()) == 1


@pytest.mark.parametrize(("geld", "shown"), [(4, False), (5, True)])
def test_own_wishes_show_only_under_life_areas_whose_count_is_shown(app, client, people, geld, shown):
    willen(app, 12 - geld, anbieter=people["A"], areas=("wohnen",))
    willen(app, geld, anbieter=people["A"], areas=("wohnen", "geld"))
    with app.app_context():
        db = get_db()
        for number, area in enumerate(db.scalars(select(WilleBereich))):
            area.eigener_wunsch = f"{area.bereich.capitalize()}-Wunsch {number}"
        db.commit()
        for area_id in db.scalars(select(WilleBereich.id)).all():
            item = freigabe.find_item(db, people["A"], WILLE, area_id)
            freigabe.decide(db, item, FREIGEGEBEN, user_id(app, "leitung-a"), datetime(2026, 10, 15, 9))
        db.commit()
    with freeze_time("2026-10-15 10:00:00"):
        become(client, people, "leitung-a")
        html = client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3").get_data(as_text=True)
    assert "Wohnen-Wunsch" in html
    assert ("Geld-Wunsch" in html) is shown
    assert (["Geld", "5"] in read(html).tables[0]) is shown
