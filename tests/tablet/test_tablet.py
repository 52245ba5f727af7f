"""Tablet mode: switched on and off by staff, the next person sees nothing."""
import re

from app.drafts.models import Draft
from tests.helpers import walk_flow
from tests.staff.helpers import sign_in
from tests.tablet.helpers import tablet_on
from tests.wille.test_wille import count


def test_tablet_mode_switch(client, app):
    tablet_on(client, app, minutes="5")
    html = client.get("/").get_data(as_text=True)
    assert 'data-tablet-minuten="5"' in html and "Tablet·modus ist an." in html and 'id="noch-da"' in html
    sign_in(client, "assistenz-a")
    assert "Der Tablet-Modus ist an bis" in client.get("/tablet/").get_data(as_text=True)
    client.submit("/tablet/", {"modus": "aus", "dauer": "tag"})
    assert "data-tablet-minuten" not in client.get("/").get_data(as_text=True)


def test_tablet_mode_next_person_sees_nothing(client, app):
    tablet_on(client, app, minutes="10")
    walk_flow(client)
    client.submit("/will/fertig")
    assert "data-tablet-minuten" in client.get("/").get_data(as_text=True), "tablet mode stays on"
    html = client.get("/will/bereiche").get_data(as_text=True)
    assert "checked" not in html
    assert client.get("/will/fertig").status_code == 302


def test_pages_in_tablet_mode_are_not_stored(client, app):
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")
    tablet_on(client, app)
    assert "no-store" in client.get("/").headers["Cache-Control"]


def test_inactivity_reset_clears_draft(client, app):
    tablet_on(client, app)
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    assert count(app, Draft) == 1
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").get_data(as_text=True)).group(1)
    assert client.post("/tablet/neu", data={"csrf_token": token}).status_code == 302
    assert count(app, Draft) == 0
    assert "checked" not in client.get("/will/bereiche").get_data(as_text=True)


def test_a_tampered_tablet_cookie_is_ignored(client):
    for value in ("²", "7", "-5", "5 ", "", "5", "eyJhIjoxLCJtIjo1LCJiaXMiOjk5OTk5OTk5OTk5fQ.Zm9v"):
        client.set_cookie("mitreden_tablet", value)
        response = client.get("/")
        assert response.status_code == 200 and "data-tablet-minuten" not in response.get_data(as_text=True), value
