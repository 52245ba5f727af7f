"""Deleting an Anbieter: a confirm page, refused while accounts belong to it, Wille rows keep their answers."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.db import get_db
from app.staff import operations
from app.staff.models import Anbieter, anbieter_sozialraum
from app.wille.models import WilleRecord
from tests.staff.helpers import audit_actions, make_anbieter, make_user, user_id
from tests.staff.test_admin_pages import signed_in, sozialraum_ids


def add_wille(app, anbieter_id: int) -> int:
    """A saved Wille recorded on a tablet of this Anbieter; returns its id."""
    with app.app_context():
        record = WilleRecord(created_month="2026-11", filled_by="selbst", use_allowed=True, anbieter_id=anbieter_id)
        get_db().add(record)
        get_db().commit()
        return record.id


def test_an_anbieter_without_accounts_is_deleted_after_the_confirm_page(app, client):
    anbieter = make_anbieter(app, "Alpha")
    first, _second = sozialraum_ids(app)
    with app.app_context():
        operations.set_sozialraeume(get_db(), get_db().get(Anbieter, anbieter), [first])
        get_db().commit()
    wille = add_wille(app, anbieter)
    signed_in(app, client, "lt", "leistungstraeger")
    url = f"/staff/anbieter/{anbieter}/loeschen"
    assert url in client.get(f"/staff/anbieter/{anbieter}").get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    assert "Anbieter löschen: Alpha" in page and "bleiben erhalten" in page and "endgültig löschen" in page
    assert client.post(url).status_code == 200  # without CSRF: nothing happens
    with app.app_context():
        assert get_db().get(Anbieter, anbieter) is not None
    response = client.submit(url)
    assert response.headers["Location"].endswith("/staff/anbieter")
    with app.app_context():
        db = get_db()
        assert db.get(Anbieter, anbieter) is None
        assert not list(db.execute(select(anbieter_sozialraum).where(anbieter_sozialraum.c.anbieter_id == anbieter)))
        record = db.get(WilleRecord, wille)
        assert record is not None and record.anbieter_id is None and record.use_allowed
    assert audit_actions(app)[-1] == "anbieter_deleted"
    client.post("/staff/abmelden")
    signed_in(app, client, "chef", "admin")
    log = client.get("/staff/protokoll").get_data(as_text=True)
    assert "Anbieter gelöscht" in log and f"gelöschter Anbieter (Nr. {anbieter})" in log and "<td>Alpha</td>" in log
    assert client.get(url).status_code == 404


def test_an_anbieter_with_accounts_is_not_deleted(app, client):
    anbieter = make_anbieter(app, "Alpha")
    make_user(app, "kim", "assistenz", anbieter)
    with app.app_context():
        operations.set_active(get_db(), operations.find_user(get_db(), "kim"), False, None)
        get_db().commit()
    signed_in(app, client, "chef", "admin")
    url = f"/staff/anbieter/{anbieter}/loeschen"
    page = client.get(url).get_data(as_text=True)
    assert "kann noch nicht gelöscht werden" in page and f"/staff/konten/{user_id(app, 'kim')}" in page
    assert "endgültig löschen" not in page
    response = client.submit(url, token_from="/staff/anbieter/neu")
    assert response.status_code == 200 and "kann noch nicht gelöscht werden" in response.get_data(as_text=True)
    with app.app_context():
        assert get_db().get(Anbieter, anbieter) is not None
        with pytest.raises(operations.AnbieterInUse):
            operations.delete_anbieter(get_db(), get_db().get(Anbieter, anbieter), None)
    assert "anbieter_deleted" not in audit_actions(app)
    client.post("/staff/abmelden")
    signed_in(app, client, "lt", "leistungstraeger")  # manages Anbieter, not accounts: sees only how many
    page = client.get(url).get_data(as_text=True)
    assert "1 Konto gehört noch zu ihm." in page and "kim" not in page.lower()


def test_deleting_is_scoped(app, client):
    anbieter = make_anbieter(app, "Alpha")
    signed_in(app, client, "lt", "leistungstraeger")
    assert client.get("/staff/anbieter/999999/loeschen").status_code == 404
    assert client.submit("/staff/anbieter/999999/loeschen", token_from="/staff/anbieter/neu").status_code == 404
    client.post("/staff/abmelden")
    signed_in(app, client, "leitung", "anbieter_leitung", anbieter)
    assert client.get(f"/staff/anbieter/{anbieter}/loeschen").status_code == 403
    with app.app_context():
        assert get_db().get(Anbieter, anbieter) is not None
