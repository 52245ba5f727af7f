"""Request tests of the content pages, the shell, headers, errors and languages."""
import re

import pytest

USER_PAGES = ["/", "/hilfe", "/daten", "/ueber", "/woerterbuch", "/will/", "/will/bereiche", "/mein-code/",
              "/barrierefreiheit", "/barrierefreiheit/standard", "/impressum", "/impressum/standard"]


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
    footer = html.split("<footer", 1)[1]
    assert 'href="/barrierefreiheit"' in footer and 'href="/impressum"' in footer
    assert 'href="/tablet/"' not in footer
    assert "data-vorlesen" in html
    assert 'href="/sprache/' in html


def test_start_page_covers_bitv_section_4(client):
    html = client.get("/").get_data(as_text=True)
    for heading in ("Was gibt es hier?", "So finden Sie sich zurecht", "Mitreden soll für alle Menschen gut sein", "Hier gibt es mehr Leichte Sprache"):
        assert heading in html


def test_every_section_heading_and_choice_has_a_pictogram(client):
    for url in ["/", "/hilfe", "/daten", "/ueber", "/barrierefreiheit", "/impressum"]:
        html = client.get(url).get_data(as_text=True)
        for heading in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html, re.S):
            assert "sprite.svg" in heading, (url, heading)
    html = client.get("/will/bereiche").get_data(as_text=True)
    labels = re.findall(r"<label for=\"bereiche-\d\">(.*?)</label>", html, re.S)
    assert len(labels) == 9 and all("sprite.svg" in label for label in labels)


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
    assert "OpenMoji" in html and "CC BY-SA 4.0" in html
