"""Saving is idempotent: a resend, three resends, or several taps at the same moment save once."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.core.db import get_db
from app.models import Draft, Person, WilleBereich, WilleRecord
from tests.conftest import CheckingClient
from tests.helpers import answer_everything, simultaneous_taps, walk_flow


def count(app, model) -> int:
    """Rows in a table."""
    with app.app_context():
        return get_db().scalar(select(func.count()).select_from(model))


def test_sending_the_check_page_three_times_saves_once(client, app):
    walk_flow(client, erlaubnis="ja", code="ja")
    for _ in range(2):
        again = client.post("/will/pruefen", data={"csrf_token": client.token("/will/fertig")})
        assert again.status_code == 302 and again.headers["Location"].endswith("/will/fertig")
    assert count(app, WilleRecord) == 1 and count(app, Person) == 1


@pytest.mark.parametrize("taps", [2, 5])
def test_simultaneous_taps_on_save_store_one_record_and_one_code(app, taps):
    client = CheckingClient(app.test_client())
    answer_everything(client, erlaubnis="ja", code="ja")
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/will/pruefen").get_data(as_text=True)).group(1)
    cookie = client.client.get_cookie("mitreden").value
    responses = simultaneous_taps(app, cookie, "/will/pruefen", {"csrf_token": token}, taps)
    results = [(response.status_code, response.headers.get("Location", "")) for response in responses]
    assert all(status == 302 and location.endswith("/will/fertig") for status, location in results), results
    assert count(app, WilleRecord) == 1 and count(app, Person) == 1 and count(app, WilleBereich) == 1
    done = client.get("/will/fertig").get_data(as_text=True)
    assert len(re.findall(r'<p class="code" lang="de">', done)) == 1


def test_a_change_through_mein_code_saved_by_taps_at_once_changes_the_one_record(app):
    saver = CheckingClient(app.test_client())
    code = re.search(r'<p class="code" lang="de">(.*?)</p>', walk_flow(saver)).group(1)
    client = CheckingClient(app.test_client())
    client.submit("/mein-code/", {"code": code})
    wille_id = re.search(r"/mein-code/aendern/(\d+)", client.get("/mein-code/antworten").get_data(as_text=True)).group(1)
    client.submit(f"/mein-code/aendern/{wille_id}", token_from="/mein-code/antworten")
    client.submit("/will/wohnen/jetzt?zurueck=pruefen", {"jetzt": "nicht-gut"})
    token, cookie = client.token("/will/pruefen"), client.client.get_cookie("mitreden").value
    responses = simultaneous_taps(app, cookie, "/will/pruefen", {"csrf_token": token}, 3)
    results = [response.headers.get("Location", "") for response in responses]
    assert all(location.endswith("/will/fertig") for location in results), results
    assert count(app, WilleRecord) == 1 and count(app, Person) == 1 and count(app, WilleBereich) == 1
    with app.app_context():
        assert get_db().scalar(select(WilleBereich.jetzt)) == "nicht-gut"


def test_after_saving_the_back_button_leads_to_the_done_page_never_to_a_change(client, app):
    walk_flow(client)
    for url in ("/will/wohnen/jetzt", "/will/wohnen/wunsch?zurueck=pruefen", "/will/code", "/will/pruefen"):
        assert client.get(url).headers["Location"].endswith("/will/fertig"), url
    response = client.post("/will/wohnen/jetzt", data={"jetzt": "gut", "csrf_token": client.token("/will/fertig")})
    assert response.headers["Location"].endswith("/will/fertig")
    with app.app_context():
        assert get_db().scalar(select(WilleBereich.jetzt)) == "geht-so", "the stored answer is unchanged"


def test_the_next_person_who_taps_los_geht_es_sees_nothing_of_the_person_before(client, app):
    walk_flow(client)  # saved with a code, „Fertig“ not pressed
    response = client.get("/will/bereiche")
    assert response.headers["Location"].endswith("/will/bereiche")
    page = client.get("/will/bereiche").get_data(as_text=True)
    assert "checked" not in page
    assert client.get("/will/fertig").headers["Location"].endswith("/will/")
    assert count(app, Draft) == 0 and count(app, WilleRecord) == 1
