"""Mein Code on a shared device: sign out, idle expiry, the menu while signed in, deletion everywhere."""
from __future__ import annotations

import re
from datetime import timedelta

from freezegun import freeze_time
from sqlalchemy import MetaData, select, text

from app.core.db import get_db, utcnow
from app.models import Person
from tests.conftest import CheckingClient
from tests.helpers import AREA_ANSWERS, shown_code, walk_flow


def signed_in_client(app) -> tuple[str, CheckingClient]:
    """A person who saved a Wille with a code and is now signed in on another device."""
    saver = CheckingClient(app.test_client())
    code = shown_code(walk_flow(saver))
    saver.submit("/will/fertig", token_from="/will/fertig")
    client = CheckingClient(app.test_client())
    assert client.submit("/mein-code/", {"code": code}).headers["Location"].endswith("/mein-code/antworten")
    return code, client


def test_abmelden_ends_the_session_and_back_shows_nothing(app):
    _code, client = signed_in_client(app)
    page = client.get("/mein-code/antworten").get_data(as_text=True)
    assert 'action="/mein-code/abmelden"' in page
    response = client.submit("/mein-code/abmelden", token_from="/mein-code/antworten")
    assert response.headers["Location"].endswith("/mein-code/?abgemeldet=1")
    assert "Sie sind jetzt abgemeldet." in client.get("/mein-code/?abgemeldet=1").get_data(as_text=True)
    # The back button or the address: the next person sees no answers and no „Alles löschen“.
    assert client.get("/mein-code/antworten").headers["Location"].endswith("/mein-code/")
    assert client.get("/mein-code/loeschen").headers["Location"].endswith("/mein-code/")


def test_mein_code_menu_leads_a_signed_in_person_to_their_answers(app):
    _code, client = signed_in_client(app)
    assert client.get("/mein-code/").headers["Location"].endswith("/mein-code/antworten")


def test_signed_in_state_expires_after_idle_time(app):
    _code, client = signed_in_client(app)
    idle, start = app.config["SIGNED_IN_IDLE_MINUTES"], utcnow()
    with freeze_time(start + timedelta(minutes=idle - 1)):
        assert client.get("/mein-code/antworten").status_code == 200
    # Each page seen restarts the clock; idle time after the last one signs the person out.
    with freeze_time(start + timedelta(minutes=2 * idle - 2)):
        assert client.get("/mein-code/antworten").status_code == 200
    with freeze_time(start + timedelta(minutes=3 * idle)):
        assert client.get("/mein-code/antworten").headers["Location"].endswith("/mein-code/")


def test_a_change_left_open_is_gone_after_idle_time(app):
    _code, client = signed_in_client(app)
    wille_id = re.search(r"/mein-code/aendern/(\d+)", client.get("/mein-code/antworten").get_data(as_text=True)).group(1)
    client.submit(f"/mein-code/aendern/{wille_id}", token_from="/mein-code/antworten")
    assert "Ich will einen Garten." in client.get("/will/pruefen").get_data(as_text=True)
    with freeze_time(utcnow() + timedelta(minutes=app.config["SIGNED_IN_IDLE_MINUTES"] + 1)):
        assert client.get("/will/pruefen").headers["Location"].endswith("/will/")
    assert _rows_containing(app, "Ich will einen Garten.") == ["wille_bereich"]


def test_fertig_signs_out(app):
    _code, client = signed_in_client(app)
    wille_id = re.search(r"/mein-code/aendern/(\d+)", client.get("/mein-code/antworten").get_data(as_text=True)).group(1)
    client.submit(f"/mein-code/aendern/{wille_id}", token_from="/mein-code/antworten")
    client.submit("/will/pruefen")
    client.submit("/will/fertig", token_from="/will/fertig")
    assert client.get("/mein-code/antworten").headers["Location"].endswith("/mein-code/")


def test_tablet_reset_signs_out(app):
    _code, client = signed_in_client(app)
    client.submit("/tablet/neu", token_from="/mein-code/antworten")
    assert client.get("/mein-code/antworten").headers["Location"].endswith("/mein-code/")


def _rows_containing(app, needle: str) -> list[str]:
    """The tables that still hold a text anywhere in any column."""
    found = []
    with app.app_context():
        db = get_db()
        metadata = MetaData()
        metadata.reflect(bind=db.get_bind())
        for table in metadata.sorted_tables:
            for row in db.execute(select(table)).all():
                if any(needle in str(value) for value in row):
                    found.append(table.name)
    return found


def test_deletion_removes_every_row_with_the_persons_text_drafts_included(app):
    """Deleting on one device removes the answers everywhere: the device that saved without „Fertig“,
    and another device that opened „Antworten ändern“."""
    saver = CheckingClient(app.test_client())
    code = shown_code(walk_flow(saver))  # never presses „Fertig“
    changer = CheckingClient(app.test_client())
    changer.submit("/mein-code/", {"code": code})
    wille_id = re.search(r"/mein-code/aendern/(\d+)", changer.get("/mein-code/antworten").get_data(as_text=True)).group(1)
    changer.submit(f"/mein-code/aendern/{wille_id}", token_from="/mein-code/antworten")
    deleter = CheckingClient(app.test_client())
    deleter.submit("/mein-code/", {"code": code})
    assert _rows_containing(app, "Ich will einen Garten.") == ["draft", "draft", "wille_bereich"]
    deleter.submit("/mein-code/loeschen")
    assert _rows_containing(app, "Ich will einen Garten.") == []
    assert _rows_containing(app, AREA_ANSWERS["selbst"]["selbst"]) == []
    # The other devices now show nothing: no answers, no code card with the deleted code.
    assert saver.get("/will/fertig").headers["Location"].endswith("/will/")
    assert saver.get("/mein-code/karte").status_code == 302
    assert changer.get("/will/pruefen").headers["Location"].endswith("/will/")
    assert changer.get("/mein-code/antworten").headers["Location"].endswith("/mein-code/")


def test_a_session_of_a_deleted_person_never_opens_a_new_person_with_the_same_id(app):
    """SQLite may give a deleted person's id to the next person: the old session must not see their answers."""
    _code, client = signed_in_client(app)
    with app.app_context():
        db = get_db()
        old_id = db.scalar(select(Person.id))
        db.execute(text("DELETE FROM person"))
        db.add(Person(id=old_id, code_hash="0" * 64))
        db.commit()
    assert client.get("/mein-code/antworten").headers["Location"].endswith("/mein-code/")


def test_a_signed_in_person_is_warned_before_the_idle_time_and_can_ask_for_more(app):
    _code, client = signed_in_client(app)
    page = client.get("/mein-code/antworten").get_data(as_text=True)
    idle = app.config["SIGNED_IN_IDLE_MINUTES"] * 60 - app.config["TABLET_GRACE_SECONDS"]
    assert f'data-tablet-sekunden="{idle}"' in page and 'data-noch-da="/mein-code/noch-da"' in page
    assert 'id="noch-da"' in page
    start = utcnow()
    with freeze_time(start + timedelta(minutes=app.config["SIGNED_IN_IDLE_MINUTES"] - 1)):
        assert client.client.get("/mein-code/noch-da").status_code == 204
    with freeze_time(start + timedelta(minutes=2 * app.config["SIGNED_IN_IDLE_MINUTES"] - 2)):
        assert client.get("/mein-code/antworten").status_code == 200


def test_nobody_signed_in_gets_no_idle_warning(client):
    page = client.get("/mein-code/").get_data(as_text=True)
    assert 'id="noch-da"' not in page and "data-noch-da" not in page


def test_reading_the_done_page_counts_as_use(app):
    client = CheckingClient(app.test_client())
    walk_flow(client)
    idle, start = app.config["SIGNED_IN_IDLE_MINUTES"], utcnow()
    with freeze_time(start + timedelta(minutes=idle - 1)):
        assert client.get("/will/fertig").status_code == 200
    with freeze_time(start + timedelta(minutes=2 * idle - 2)):
        assert client.get("/mein-code/karte").status_code == 200


def test_abmelden_with_an_expired_form_still_signs_out(app):
    _code, client = signed_in_client(app)
    response = client.post("/mein-code/abmelden", data={"csrf_token": "abgelaufen"})
    assert response.headers["Location"].endswith("/mein-code/?abgemeldet=1")
    assert client.get("/mein-code/antworten").headers["Location"].endswith("/mein-code/")
