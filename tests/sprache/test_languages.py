"""Languages: the switch, the browser's choice, complete English texts."""
from pathlib import Path

from babel.messages.pofile import read_po

from app.sprache.content import localized
from app.sprache.linter import message_texts
from app.wille.bereiche import bereiche
from tests.conftest import CheckingClient

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("start", "hilfe", "daten", "ueber", "barrierefreiheit", "impressum", "standard/barrierefreiheit", "standard/impressum")


def test_english_content_has_same_keys_as_german(app):
    with app.test_request_context():
        de = [(b.key, [w.key for w in b.wuensche]) for b in bereiche("de")]
        en = [(b.key, [w.key for w in b.wuensche]) for b in bereiche("en")]
        assert de == en
        for name in PAGES:
            assert len(localized(name, "de")["abschnitte"]) == len(localized(name, "en")["abschnitte"])


def test_english_catalogue_is_complete():
    root = ROOT
    with open(root / "translations" / "en" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle)
    ids = {text for _, text in message_texts(root)}
    # A plural message has several ids (singular, plural) and one translation per form.
    translated = {}
    for message in catalogue:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            translated[text] = all(strings) and not message.fuzzy
    missing = [i for i in ids if not translated.get(i)]
    assert not missing, missing


def test_language_switch_is_remembered_and_only_follows_local_paths(client):
    response = client.get("/sprache/en?weiter=/hilfe")
    assert response.status_code == 302 and response.headers["Location"] == "/hilfe"
    assert '<html lang="en">' in client.get("/hilfe").get_data(as_text=True)
    assert "Help" in client.get("/hilfe").get_data(as_text=True)
    assert client.get("/sprache/de?weiter=https://evil.example/").headers["Location"] == "/"
    assert client.get("/sprache/de?weiter=//evil.example/").headers["Location"] == "/"
    assert client.get("/sprache/de?weiter=/hilfe%0d%0aSet-Cookie:%20x=1").headers["Location"] == "/"
    assert client.get("/sprache/de?weiter=/%5Cevil.example/").headers["Location"] == "/"
    assert client.get("/sprache/xx").status_code == 404


def test_accept_language_then_german(app):
    english = CheckingClient(app.test_client())
    assert '<html lang="en">' in english.get("/", headers={"Accept-Language": "en-GB,en"}).get_data(as_text=True)
    other = CheckingClient(app.test_client())
    assert '<html lang="de">' in other.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
