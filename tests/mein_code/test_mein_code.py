"""„Mein Code“: sign in, change, delete everything; rate limit; the code never reaches a log."""
import logging
import re

from sqlalchemy import func, select

from app.core.db import get_db
from app.models import Person, WilleBereich, WilleRecord
from tests.conftest import CheckingClient
from tests.helpers import shown_code, walk_flow


def rows(app, model) -> int:
    """Rows in a table."""
    with app.app_context():
        return get_db().scalar(select(func.count()).select_from(model))


def new_person(app):
    """A person who saved a Wille with a code; returns (code, a fresh client)."""
    from tests.conftest import CheckingClient

    code = shown_code(walk_flow(CheckingClient(app.test_client())))
    return code, CheckingClient(app.test_client())


def test_code_shows_own_answers_only(app):
    code, client = new_person(app)
    walk_flow(__import__("tests.conftest", fromlist=["x"]).CheckingClient(app.test_client()), bereiche=("geld",))
    response = client.submit("/mein-code/", {"code": code.upper().replace(" ", "-")})
    assert response.headers["Location"].endswith("/mein-code/antworten")
    html = client.get("/mein-code/antworten").get_data(as_text=True)
    assert "Wohnen" in html and "Geld" not in html.split("<main")[1]


def test_wrong_code_gives_clear_message_and_keeps_input(client):
    html = client.submit("/mein-code/", {"code": "Sonne Hund Tasse 47"}).get_data(as_text=True)
    assert "Dieser Code ist uns unbekannt." in html and 'value="Sonne Hund Tasse 47"' in html
    html = client.submit("/mein-code/", {"code": ""}).get_data(as_text=True)
    assert "Bitte schreiben Sie Ihren Code in das Feld." in html and 'href="#code"' in html


def test_change_through_code_updates_the_same_record(app):
    code, client = new_person(app)
    client.submit("/mein-code/", {"code": code})
    html = client.get("/mein-code/antworten").get_data(as_text=True)
    wille_id = re.search(r'/mein-code/aendern/(\d+)', html).group(1)
    assert client.submit(f"/mein-code/aendern/{wille_id}", token_from="/mein-code/antworten").headers["Location"].endswith("/will/pruefen")
    page = client.get("/will/pruefen").get_data(as_text=True)
    assert "/will/code?zurueck=pruefen" not in page, "someone with a code is not asked again"
    client.submit("/will/wohnen/jetzt?zurueck=pruefen", {"jetzt": "gut"})
    client.submit("/will/pruefen")
    assert rows(app, WilleRecord) == 1 and rows(app, Person) == 1
    with app.app_context():
        assert get_db().scalar(select(WilleBereich.jetzt)) == "gut"


def test_cannot_change_someone_elses_record(app):
    code, client = new_person(app)
    other_code, _ = new_person(app)
    client.submit("/mein-code/", {"code": code})
    with app.app_context():
        other_id = get_db().scalars(select(WilleRecord.id).order_by(WilleRecord.id)).all()[-1]
    assert client.submit(f"/mein-code/aendern/{other_id}", token_from="/mein-code/antworten").status_code == 404


def test_delete_everything_removes_every_row_of_that_person(app):
    code, client = new_person(app)
    other_code, _ = new_person(app)
    assert rows(app, Person) == 2 and rows(app, WilleRecord) == 2
    client.submit("/mein-code/", {"code": code})
    confirm = client.get("/mein-code/loeschen").get_data(as_text=True)
    assert "Wollen Sie wirklich alles löschen?" in confirm
    assert client.submit("/mein-code/loeschen").headers["Location"].endswith("/mein-code/geloescht")
    assert rows(app, Person) == 1 and rows(app, WilleRecord) == 1 and rows(app, WilleBereich) == 1
    assert client.get("/mein-code/antworten").headers["Location"].endswith("/mein-code/")
    assert "Dieser Code ist uns unbekannt." in client.submit("/mein-code/", {"code": code}).get_data(as_text=True)


def test_code_never_written_to_logs(app, caplog):
    caplog.set_level(logging.DEBUG)
    code, client = new_person(app)
    client.submit("/mein-code/", {"code": code})
    CheckingClient(app.test_client()).submit("/mein-code/", {"code": "Sonne Hund Tasse 47"})
    assert code not in caplog.text and "Sonne" not in caplog.text
    assert "code=" not in client.get("/mein-code/").request.url


def test_card_qr_carries_code_only_in_fragment(app):
    from tests.conftest import CheckingClient

    client = CheckingClient(app.test_client())
    code = shown_code(walk_flow(client))
    with app.test_request_context():
        from app.ui.qr import qr_svg

        assert "<svg" in qr_svg("x")
    card = client.get("/mein-code/karte").get_data(as_text=True)
    assert code in card and 'role="img"' in card
