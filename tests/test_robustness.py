"""Anything a user can type or send gets a page, never a 500; no state changes without a CSRF token."""
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
