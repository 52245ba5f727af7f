"""Request tests of the content pages, the shell, headers, errors and languages."""
import re

import pytest

USER_PAGES = ["/", "/hilfe", "/daten", "/ueber", "/woerterbuch", "/will/", "/will/bereiche", "/mein-code/", "/assistenz/tablet"]


@pytest.mark.parametrize("url", USER_PAGES)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_user_pages_render_with_shell(client, url, lang):
    client.set_cookie("mitreden_sprache", lang)
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert 'class="skip-link" href="#inhalt"' in html
    assert "<header" in html and '<main id="inhalt"' in html and "<footer" in html
    assert 'href="/hilfe"' in html and 'href="/daten"' in html
    assert "data-vorlesen" in html
    assert 'href="/sprache/' in html


def test_start_page_covers_bitv_section_4(client):
    html = client.get("/").get_data(as_text=True)
    for heading in ("Was gibt es hier?", "So finden Sie sich zurecht", "Mitreden soll für alle Menschen gut sein", "Hier gibt es mehr Leichte Sprache"):
        assert heading in html


def test_every_section_heading_and_choice_has_a_pictogram(client):
    for url in ["/", "/hilfe", "/daten", "/ueber"]:
        html = client.get(url).get_data(as_text=True)
        for heading in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html, re.S):
            assert "pictograms/" in heading, (url, heading)
    html = client.get("/will/bereiche").get_data(as_text=True)
    labels = re.findall(r"<label for=\"bereiche-\d\">(.*?)</label>", html, re.S)
    assert len(labels) == 9 and all("pictograms/" in label for label in labels)


def test_lists_of_more_than_three_items_are_real_lists(client):
    html = client.get("/").get_data(as_text=True)
    lists = re.findall(r"<ul class=\"punkte\">(.*?)</ul>", html, re.S)
    assert lists and max(item.count("<li>") for item in lists) > 3


def test_glossary_words_are_linked_where_they_appear(client):
    html = client.get("/daten").get_data(as_text=True)
    assert 'class="wort" href="/woerterbuch#wort-anonym"' in html
    glossary = client.get("/woerterbuch").get_data(as_text=True)
    assert 'id="wort-anonym"' in glossary and 'id="wort-sozialraum"' in glossary


def test_about_page_names_pictogram_licence(client):
    html = client.get("/ueber").get_data(as_text=True)
    assert "Open·Moji" in html and "CC BY-SA 4.0" in html


def test_pictogram_licence_ships_with_the_svgs():
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "static" / "pictograms"
    assert (folder / "LICENSE-OpenMoji.txt").exists() and (folder / "README.md").exists()
    assert "CC BY-SA 4.0" in (folder / "README.md").read_text()


def test_all_pictograms_used_in_content_exist(app):
    from pathlib import Path


    root = Path(__file__).resolve().parent.parent
    names = set()
    for path in (root / "content").rglob("*.yml"):
        names.update(re.findall(r"bild: ([\w-]+)", path.read_text()))
    missing = [n for n in names if not (root / "static" / "pictograms" / f"{n}.svg").exists()]
    assert not missing


def test_english_content_has_same_keys_as_german(app):
    from app import content

    with app.test_request_context():
        de = [(b.key, [w.key for w in b.wuensche]) for b in content.bereiche("de")]
        en = [(b.key, [w.key for w in b.wuensche]) for b in content.bereiche("en")]
        assert de == en
        for name in content.PAGES:
            assert len(content.localized(name, "de")["abschnitte"]) == len(content.localized(name, "en")["abschnitte"])


def test_english_catalogue_is_complete():
    from pathlib import Path

    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parent.parent
    with open(root / "translations" / "en" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle)
    from app.linter import message_texts

    ids = {text for _, text in message_texts(root)}
    missing = [i for i in ids if not (catalogue.get(i) and catalogue.get(i).string)]
    assert not missing, missing


def test_language_switch_is_remembered_and_only_follows_local_paths(client):
    response = client.get("/sprache/en?weiter=/hilfe")
    assert response.status_code == 302 and response.headers["Location"] == "/hilfe"
    assert '<html lang="en">' in client.get("/hilfe").get_data(as_text=True)
    assert "Help" in client.get("/hilfe").get_data(as_text=True)
    assert client.get("/sprache/de?weiter=https://evil.example/").headers["Location"] == "/"
    assert client.get("/sprache/de?weiter=//evil.example/").headers["Location"] == "/"
    assert client.get("/sprache/xx").status_code == 404


def test_accept_language_then_german(app):
    from tests.conftest import CheckingClient

    english = CheckingClient(app.test_client())
    assert '<html lang="en">' in english.get("/", headers={"Accept-Language": "en-GB,en"}).get_data(as_text=True)
    other = CheckingClient(app.test_client())
    assert '<html lang="de">' in other.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert "<script>" not in response.get_data(as_text=True), "no inline script"
    static = client.get("/static/css/mitreden.css")
    static.close()
    assert "no-store" not in static.headers.get("Cache-Control", "")


def test_session_cookie_flags(app):
    assert app.config["SESSION_COOKIE_HTTPONLY"] and app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    from app.config import Config

    assert Config().SESSION_COOKIE_SECURE is True


@pytest.mark.parametrize(("url", "code"), [("/gibt-es-nicht", 404), ("/will/unbekannt/jetzt", 404)])
def test_error_pages_are_leichte_sprache(client, url, code):
    response = client.get(url)
    assert response.status_code == code
    assert "Diese Seite gibt es nicht" in response.get_data(as_text=True)


def test_method_not_allowed_is_friendly(client):
    response = client.client.delete("/")
    assert response.status_code == 405 and "Etwas ist schief·gegangen" in response.get_data(as_text=True)


def test_500_page_has_no_stack_trace(app):
    from tests.conftest import CheckingClient

    @app.get("/kaputt")
    def kaputt():
        raise RuntimeError("geheimer Stacktrace")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = CheckingClient(app.test_client()).get("/kaputt")
    html = response.get_data(as_text=True)
    assert response.status_code == 500 and "Bei uns ist ein Fehler passiert" in html and "geheimer" not in html


def test_too_large_request_is_friendly(client):
    response = client.post("/will/bereiche", data={"x": "a" * 100_000})
    assert response.status_code == 413 and "zu viel" in response.get_data(as_text=True)


@pytest.mark.parametrize(("code", "text"), [(400, "Etwas ist schief·gegangen"), (403, "Diese Seite ist gesperrt"), (429, "Bitte warten Sie kurz")])
def test_every_error_page_is_in_leichte_sprache(app, code, text):
    from flask import abort

    from tests.conftest import CheckingClient

    app.add_url_rule(f"/fehler-{code}", f"fehler_{code}", lambda: abort(code))
    response = CheckingClient(app.test_client()).get(f"/fehler-{code}")
    assert response.status_code == code and text in response.get_data(as_text=True)
