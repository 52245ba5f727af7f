"""Tablet mode: switched on and off, the next person sees nothing."""
import re

from tests.helpers import walk_flow
from app.drafts.models import Draft
from tests.wille.test_wille import count


def test_tablet_mode_switch(client):
    response = client.submit("/tablet/", {"modus": "5"})
    assert response.status_code == 302
    html = client.get("/").get_data(as_text=True)
    assert 'data-tablet-minuten="5"' in html and "Tablet·modus ist an." in html and 'id="noch-da"' in html
    client.submit("/tablet/", {"modus": "aus"})
    assert "data-tablet-minuten" not in client.get("/").get_data(as_text=True)


def test_tablet_mode_next_person_sees_nothing(client, app):
    client.submit("/tablet/", {"modus": "10"})
    walk_flow(client)
    client.submit("/will/fertig")
    assert "data-tablet-minuten" in client.get("/").get_data(as_text=True), "tablet mode stays on"
    html = client.get("/will/bereiche").get_data(as_text=True)
    assert "checked" not in html
    assert client.get("/will/fertig").status_code == 302


def test_inactivity_reset_clears_draft(client, app):
    client.submit("/tablet/", {"modus": "5"})
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    assert count(app, Draft) == 1
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").get_data(as_text=True)).group(1)
    assert client.post("/tablet/neu", data={"csrf_token": token}).status_code == 302
    assert count(app, Draft) == 0
    assert "checked" not in client.get("/will/bereiche").get_data(as_text=True)


def test_a_tampered_tablet_cookie_is_ignored(client):
    for value in ("²", "7", "-5", "5 ", ""):
        client.set_cookie("mitreden_tablet", value)
        response = client.get("/")
        assert response.status_code == 200 and "data-tablet-minuten" not in response.get_data(as_text=True), value
