"""The page cache: reused pages equal fresh renders, and no cached page holds anything personal."""
import re
import time

import pytest
from flask import g, session

import app.page_cache as page_cache
from app import config as app_config
from app import create_app
from app.page_cache import Lru, freeze
from tests.conftest import CheckingClient
from tests.helpers import walk_flow

TOKEN = re.compile(r'name="csrf_token" value="([^"]*)"')
TYPED = ("Ich will einen Garten.", "Ich kann Blumen gießen.", "<b>Meins</b> & mehr")


def cached_pages(app) -> list[str]:
    """Every page the app keeps in its cache."""
    return app.extensions["page_cache"].values()


def person(app, tablet: bool = False) -> CheckingClient:
    """A fresh browser, optionally in tablet mode."""
    client = CheckingClient(app.test_client())
    if tablet:
        client.submit("/assistenz/tablet", {"modus": "10"})
    return client


def test_no_cached_page_holds_a_token_or_typed_text(app):
    for tablet in (False, True):
        client = person(app, tablet)
        walk_flow(client)
        client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
        client.submit("/will/wohnen/selbst", {"selbst": TYPED[2]})
        client.get("/will/wohnen/selbst")
        client.get("/")
    pages = cached_pages(app)
    assert len(pages) > 10
    for page in pages:
        assert all(value == "" for value in TOKEN.findall(page)) or all("@@" in v for v in TOKEN.findall(page))
        assert not any(text in page for text in TYPED)
        assert "Meins" not in page


def test_each_person_gets_their_own_token_and_text(app):
    first, second = person(app, tablet=True), person(app, tablet=True)
    first.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    second.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    first.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    second.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    first.submit("/will/wohnen/wunsch", {"eigener_wunsch": TYPED[2]})
    second.submit("/will/wohnen/wunsch", {"eigener_wunsch": "Nur für mich."})
    html_first = first.get("/will/wohnen/wunsch").get_data(as_text=True)
    html_second = second.get("/will/wohnen/wunsch").get_data(as_text=True)
    tokens_first, tokens_second = set(TOKEN.findall(html_first)), set(TOKEN.findall(html_second))
    assert len(tokens_first) == 1 and len(tokens_second) == 1 and tokens_first != tokens_second
    assert "&lt;b&gt;Meins&lt;/b&gt; &amp; mehr" in html_first and "Meins" not in html_second
    assert "Nur für mich." in html_second and "Nur für mich." not in html_first


def test_typed_text_that_looks_like_a_hole_stays_text(app):
    client = person(app)
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    client.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    client.submit("/will/wohnen/wunsch", {"wuensche": ["ruhe"]})
    fake = "@@abc:csrf_token@@"
    client.submit("/will/wohnen/selbst", {"selbst": fake})
    assert fake in client.get("/will/wohnen/selbst").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/", "/hilfe", "/woerterbuch", "/will/", "/will/bereiche"])
def test_reused_page_equals_fresh_render(instance, url):
    with_cache = CheckingClient(create_app(app_config.TestConfig(instance)).test_client())
    config = app_config.TestConfig(instance)
    config.PAGE_CACHE_SIZE = 0
    without = CheckingClient(create_app(config).test_client())
    for client in (with_cache, without):
        client.get("/")
    for lang in ("de", "en"):
        headers = {"Accept-Language": lang}
        fresh = TOKEN.sub("", without.get(url, headers=headers).get_data(as_text=True))
        assert TOKEN.sub("", with_cache.get(url, headers=headers).get_data(as_text=True)) == fresh
        assert TOKEN.sub("", with_cache.get(url, headers=headers).get_data(as_text=True)) == fresh


def test_error_state_and_ticks_are_part_of_the_key(client):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    empty = client.submit("/will/wohnen/jetzt", {}).get_data(as_text=True)
    assert "Bitte wählen Sie 1 Gesicht." in empty
    client.submit("/will/wohnen/jetzt", {"jetzt": "gut"})
    ticked = client.get("/will/wohnen/jetzt").get_data(as_text=True)
    assert "Bitte wählen Sie 1 Gesicht." not in ticked
    assert re.search(r'value="gut" checked', ticked)


def test_edited_content_shows_without_restart(app, tmp_path, monkeypatch):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(app.config["CONTENT_DIR"], content)
    app.config["CONTENT_DIR"] = content
    client = CheckingClient(app.test_client())
    assert "Neuer Satz für den Test." not in client.get("/hilfe").get_data(as_text=True)
    hilfe = content / "de" / "hilfe.yml"
    text = hilfe.read_text(encoding="utf-8")
    hilfe.write_text(text.replace("einleitung: |\n", "einleitung: |\n  Neuer Satz für den Test.\n", 1), encoding="utf-8")
    time.sleep(1.1)  # content files are checked for edits once a second
    assert "Neuer Satz für den Test." in client.get("/hilfe").get_data(as_text=True)


def test_cache_keeps_only_the_most_recent_pages():
    cache = Lru(2)
    cache.put(("a",), "A")
    cache.put(("b",), "B")
    assert cache.get(("a",)) == "A"
    cache.put(("c",), "C")
    assert cache.get(("b",)) is None and cache.get(("a",)) == "A" and cache.get(("c",)) == "C"


def test_freeze_refuses_values_it_cannot_key_on():
    assert freeze({"a": [1, {"b": None}]}) == (("a", (1, (("b", None),))),)
    with pytest.raises(TypeError):
        freeze(object())


def test_check_page_shows_each_person_their_own_words(app):
    from tests.helpers import AREA_ANSWERS

    pages = []
    for words in ("Ich will einen Hund.", "Ich will <keinen> Hund & Katze."):
        client = person(app)
        client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
        for frage, data in AREA_ANSWERS.items():
            client.submit(f"/will/wohnen/{frage}", {**data, "eigener_wunsch": words} if frage == "wunsch" else data)
        for frage, value in (("wohnort", "unbekannt"), ("wer", "allein"), ("erlaubnis", "nein"), ("code", "nein")):
            client.submit(f"/will/{frage}", {"antwort": value})
        pages.append(client.get("/will/pruefen").get_data(as_text=True))
    assert "Ich will einen Hund." in pages[0] and "Katze" not in pages[0]
    assert "Ich will &lt;keinen&gt; Hund &amp; Katze." in pages[1] and "einen Hund" not in pages[1]
    assert not any("Hund" in page for page in cached_pages(app))


def test_a_session_token_is_reused_for_a_while_then_signed_anew(app, monkeypatch):
    client = person(app)
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    first = TOKEN.findall(client.get("/will/wohnen/jetzt").get_data(as_text=True))
    assert first == TOKEN.findall(client.get("/will/wohnen/jetzt").get_data(as_text=True))
    assert client.post("/will/wohnen/jetzt", data={"jetzt": "gut", "csrf_token": first[0]}).status_code == 302
    monkeypatch.setattr(page_cache, "TOKEN_REUSE_SECONDS", 0)
    time.sleep(1.1)  # signatures carry the second they were made in
    assert first != TOKEN.findall(client.get("/will/wohnen/jetzt").get_data(as_text=True))
    other = person(app)
    other.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    assert first != TOKEN.findall(other.get("/will/wohnen/jetzt").get_data(as_text=True))


def test_a_reused_token_keeps_the_time_it_was_signed(app, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: now[0])

    def token_of_a_request() -> str:
        with app.test_request_context("/"):
            session["csrf_token"] = "roh"
            first = page_cache.page_token()
            assert page_cache.page_token() == first == g.csrf_token  # asked twice, as a page may
            return first

    signed = token_of_a_request()
    now[0] += page_cache.TOKEN_REUSE_SECONDS - 1
    assert token_of_a_request() == signed
    now[0] += 2
    assert app.extensions["csrf_tokens"].get("roh")[0] == 1000.0
    with app.test_request_context("/"):
        session["csrf_token"] = "roh"
        page_cache.page_token()
    assert app.extensions["csrf_tokens"].get("roh")[0] == now[0]
