"""One true statement everywhere: consent, the code, the saved month, and glossary links only once per page."""
import re

import pytest

from app.sprache.content import baustein
from app.sprache.linter import repeated_glossary_links
from tests.conftest import CheckingClient
from tests.helpers import AREA_ANSWERS, shown_code, walk_flow


def text_of(html: str) -> str:
    """The visible text of a page's main part: tags removed, one space between words."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0].split(">", 1)[1]
    # A line break or the end of a block separates words; an inline tag (a glossary link) does not.
    main = re.sub(r"<br>|</(?:p|li|h\d|dt|dd|div|section|label|legend)>", " ", main)
    return " ".join(re.sub(r"<[^>]+>", "", main).split())


def sentences_of(block: str) -> list[str]:
    """The sentences of a text block, one per line."""
    return [line.strip() for line in block.splitlines() if line.strip()]


def consent_page(client) -> str:
    """The consent question, reached by answering every page before it."""
    assert client.submit("/will/bereiche", {"bereiche": ["wohnen"]}).status_code == 302
    for frage, data in AREA_ANSWERS.items():
        assert client.submit(f"/will/wohnen/{frage}", data).status_code == 302
    for frage, value in (("wohnort", "unbekannt"), ("wer", "allein")):
        assert client.submit(f"/will/{frage}", {"antwort": value}).status_code == 302
    response = client.get("/will/erlaubnis")
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_consent_is_the_same_statement_on_question_data_page_and_glossary(app, client, lang):
    client.set_cookie("mitreden_sprache", lang)
    with app.test_request_context(headers={"Accept-Language": lang}):
        statement = sentences_of(baustein("einwilligung"))
    pages = {"question": consent_page(client), "/daten": client.get("/daten").get_data(as_text=True),
             "/woerterbuch": client.get("/woerterbuch").get_data(as_text=True)}
    for name, html in pages.items():
        text = text_of(html)
        for sentence in statement:
            assert sentence in text, (name, sentence)
    # The old, contradicting promises are gone.
    everything = " ".join(text_of(html) for html in pages.values())
    for wrong in ("Die Anbieter sehen dann Ihre Antworten", "zurück·nehmen", "zurücknehmen", "take back the Yes"):
        assert wrong not in everything


def test_consent_says_what_really_happens(app, client):
    with app.test_request_context(headers={"Accept-Language": "de"}):
        statement = baustein("einwilligung")
    assert "ohne Ihren Namen" in statement
    assert f"mindestens {app.config['K_MIN']} Menschen" in statement
    assert "Ohne Code" in statement and "nicht löschen" in statement
    assert "Mit Code können Sie Ihre Antworten sehen, ändern oder löschen." in statement
    # Own words: the Anbieter's lead reads them first and decides; no promise of a check by someone else.
    assert "Das liest zuerst die Leitung vom Anbieter." in statement and "prüft zuerst ein Mensch" not in statement


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_meetings_consent_is_the_willes_without_the_code(app, lang):
    with app.test_request_context(headers={"Accept-Language": lang}):
        wille, treffen = sentences_of(baustein("einwilligung")), sentences_of(baustein("einwilligung_treffen"))
        code_paragraph = sentences_of(baustein("einwilligung").split("\n\n")[-1])
    assert [s for s in wille if s not in code_paragraph] == treffen[:len(wille) - len(code_paragraph)]
    assert set(code_paragraph) & set(treffen) == {treffen[-2]}, "of the code paragraph only „without a code …“"
    assert treffen[-1] in ("Darum können Sie diese Antworten später nicht löschen.",
                           "So you cannot delete these answers later.")


def test_consent_names_the_deployments_smallest_group(app, client):
    app.config["K_MIN"] = 8
    assert "mindestens 8 Menschen" in text_of(client.get("/daten").get_data(as_text=True))
    assert "mindestens 8 Menschen" in text_of(consent_page(client))


def test_consent_question_links_provider_to_glossary_and_the_data_page(client):
    html = consent_page(client)
    hint = re.search(r'<p class="hinweis" id="antwort-hinweis">(.*?)</p>', html, re.S).group(1)
    assert 'class="wort" href="/woerterbuch#wort-anbieter">Anbieter</a>' in hint
    assert '<a href="/daten">Was passiert mit meinen Daten?</a>' in hint
    # A plain link: leaving the page keeps the answers already given, they are in the server draft.
    assert client.get("/daten").status_code == 200
    assert client.get("/will/erlaubnis").status_code == 200
    assert client.submit("/will/erlaubnis", {"antwort": "ja"}).headers["Location"].endswith("/will/code")


@pytest.mark.parametrize(("lang", "description"), [("de", "Ein Code hat 3 Wörter und 1 Zahl. Zum Beispiel: Sonne Hund Tasse 47"),
                                                    ("en", "A code has 3 words and 1 number. For example: Sonne Hund Tasse 47")])
def test_code_is_described_once_with_an_example(client, lang, description):
    client.set_cookie("mitreden_sprache", lang)
    for url in ("/mein-code/", "/woerterbuch", "/daten"):
        text = text_of(client.get(url).get_data(as_text=True))
        assert description in text, url
        assert "2 Zahlen" not in text and "2 numbers" not in text


def test_the_example_code_is_a_real_code_shape():
    from app.mein_code.codes import normalise

    assert normalise("Sonne Hund Tasse 47") == "sonne-hund-tasse-47"


@pytest.mark.parametrize(("lang", "saved"), [("de", "Gespeichert im "), ("en", "Saved in ")])
def test_saved_month_is_readable(app, lang, saved):
    from datetime import datetime, timezone

    from app.core.db import utcnow

    code = shown_code(walk_flow(CheckingClient(app.test_client())))
    client = CheckingClient(app.test_client())
    client.set_cookie("mitreden_sprache", lang)
    client.submit("/mein-code/", {"code": code})
    html = client.get("/mein-code/antworten").get_data(as_text=True)
    now = utcnow() if utcnow().tzinfo else datetime.now(timezone.utc)
    months = {"de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                     "Oktober", "November", "Dezember"],
              "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]}[lang]
    assert f"{saved}{months[now.month - 1]} {now.year}" in html
    assert not re.search(r"\d{4}-\d{2}", text_of(html))


def test_month_filter(app):
    from app.sprache.i18n import month_name

    with app.test_request_context(headers={"Accept-Language": "de"}):
        assert month_name("2026-11") == "November 2026" and month_name("2026-03") == "März 2026"
        assert month_name("kaputt") == "kaputt" and month_name("2026-13") == "2026-13"
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert month_name("2026-11") == "November 2026"


def test_check_page_button_says_save_answers(client):
    walk_flow_until_check(client)
    html = client.get("/will/pruefen").get_data(as_text=True)
    assert "Alles stimmt.<br>Antworten speichern" in html and "Fertig machen" not in html


def walk_flow_until_check(client) -> None:
    """Answer every question, so the check page shows."""
    consent_page(client)
    for frage, value in (("erlaubnis", "ja"), ("code", "nein")):
        assert client.submit(f"/will/{frage}", {"antwort": value}).status_code == 302


@pytest.mark.parametrize("lang", ["de", "en"])
def test_glossary_word_is_linked_only_at_its_first_mention_on_every_page(client, lang):
    client.set_cookie("mitreden_sprache", lang)
    pages = {url: client.get(url).get_data(as_text=True) for url in
             ("/", "/hilfe", "/daten", "/ueber", "/barrierefreiheit", "/impressum", "/barrierefreiheit/standard")}
    pages["question"] = consent_page(client)
    for url, html in pages.items():
        assert not repeated_glossary_links(url, html), url
    # /daten mentions „Anbieter“ and „Code“ in several text blocks: the first is linked, the others are not.
    daten = pages["/daten"]
    anchor = "wort-anbieter" if lang == "de" else "wort-service-provider"
    assert daten.count(f"#{anchor}\"") == 1 and daten.count("#wort-code\"") == 1
    assert text_of(daten).lower().count("code") > 3
