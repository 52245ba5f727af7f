"""Anything a user can type or send gets a page, never a 500; no state changes without a CSRF token."""
import io

import pytest
from sqlalchemy import func, select

from app.core.db import get_db
from app.models import Draft, Person
from tests.helpers import shown_code, walk_flow

POST_URLS = [
    "/will/bereiche", "/will/wohnen/jetzt", "/will/wohnen/wunsch", "/will/wohnen/selbst", "/will/wohnen/hilfe",
    "/will/wohnort", "/will/wer", "/will/erlaubnis", "/will/code", "/will/pruefen", "/will/fertig",
    "/mein-code/", "/mein-code/loeschen", "/mein-code/aendern/1", "/tablet/", "/tablet/neu",
]
GARBAGE = [
    {},
    {"bereiche": ["wohnen"] * 500, "jetzt": "\x00", "antwort": "'; DROP TABLE wille; --"},
    {"eigener_wunsch": "\u202eabc\x07", "selbst": "a" * 5000, "code": "😀" * 50, "helfer": ["niemand", "x"]},
]


@pytest.mark.parametrize("url", POST_URLS)
@pytest.mark.parametrize("data", GARBAGE, ids=["empty", "odd-values", "odd-text"])
def test_garbage_never_gives_500(client, url, data):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    response = client.post(url, data=data)
    assert response.status_code < 500
    response = client.post(url, data={**data, "csrf_token": client.token("/will/bereiche")})
    assert response.status_code < 500


def test_non_utf8_body_is_handled(client):
    response = client.post("/will/bereiche", data=b"bereiche=\xff\xfe", content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500


def test_nothing_changes_without_csrf_token(client, app):
    code = shown_code(walk_flow(client))
    client.submit("/will/fertig")
    client.submit("/mein-code/", {"code": code})
    assert client.post("/mein-code/loeschen", data={}).status_code == 200, "shows the confirm page again"
    with app.app_context():
        assert get_db().scalar(select(func.count()).select_from(Person)) == 1
    client.submit("/will/bereiche", {"bereiche": ["geld"]})
    client.post("/tablet/neu", data={})
    with app.app_context():
        assert get_db().scalar(select(func.count()).select_from(Draft)) == 1


@pytest.mark.parametrize(("url", "message"), [
    ("/mein-code/", "Bitte schreiben Sie Ihren Code in das Feld."),
    ("/will/wohnen/wunsch", "Oder schreiben Sie Ihren Wunsch auf."),
    ("/will/bereiche", "Bitte wählen Sie mindestens 1 Bereich."),
])
def test_a_file_sent_in_place_of_text_gets_a_message_not_a_500(client, url, message):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    client.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    token = client.token("/will/bereiche")
    files = {name: (io.BytesIO(b"Sonne Hund Tasse 47"), "a.txt") for name in ("code", "eigener_wunsch", "bereiche")}
    response = client.post(url, data={**files, "csrf_token": token}, content_type="multipart/form-data")
    assert response.status_code in (200, 429) and message in response.get_data(as_text=True)


def test_a_file_sent_in_place_of_optional_text_is_ignored(client, app):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    client.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    client.submit("/will/wohnen/wunsch", {"wuensche": ["ruhe"]})
    token = client.token("/will/wohnen/selbst")
    response = client.post("/will/wohnen/selbst", data={"selbst": (io.BytesIO(b"Geheim"), "a.txt"), "csrf_token": token},
                           content_type="multipart/form-data")
    assert response.headers["Location"].endswith("/will/wohnen/hilfe")
    with app.app_context():
        assert "Geheim" not in str(get_db().scalar(select(Draft.data)))


def test_a_json_body_is_not_taken_as_answers(client, app):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    response = client.post("/will/bereiche", json={"bereiche": {"x": 1}, "csrf_token": client.token("/will/bereiche")})
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/mein-code/aendern/9223372036854775808", "/mein-code/aendern/99999999999999999999999"])
def test_a_huge_id_is_a_clear_4xx(client, app, url):
    code = shown_code(walk_flow(client))
    client.submit("/will/fertig")
    client.submit("/mein-code/", {"code": code})
    assert 400 <= client.get(url).status_code < 500
    assert 400 <= client.submit(url, token_from="/mein-code/antworten").status_code < 500


@pytest.mark.parametrize("weiter", ["/will/%0d%0aSet-Cookie:%20x=1", "/will/%0ax", "//evil.example/", "/\\evil.example"])
def test_language_switch_never_follows_a_bad_target(client, weiter):
    response = client.get(f"/sprache/en?weiter={weiter}")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "x=1" not in str(response.headers)
