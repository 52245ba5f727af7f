"""Erklärung zur Barrierefreiheit and Impressum: in Leichte Sprache and standard German, with the
deployment's own details (app/pages/betreiber.py), and the way to the tablet settings for Assistenz."""
import re
from pathlib import Path

import pytest

BEISPIEL = "Das ist ein Beispiel."
OWN = """
beispiel: false
name: Stadt Jena, Fachdienst Soziales
anschrift: [Am Anger 15, 07743 Jena]
email: mitreden@jena.invalid
telefon: "03641 123"
webadresse: https://mitreden.jena.invalid
vertreten_durch: Die Oberbürgermeisterin
verantwortlich_inhalt: Fachdienst Soziales
barrierefreiheit:
  stand: vollstaendig
  erstellt: 2027-02-02
  geprueft: 2027-03-03
  methode: extern
  pruefstelle: Prüfstelle Thüringen
  kontakt: {email: barrierefrei@jena.invalid}
  schlichtung: {name: Landesschlichtungsstelle Thüringen, webseite: "javascript:alert(1)"}
"""


def main_of(html: str) -> str:
    """The main part of a page."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("url", ["/barrierefreiheit", "/barrierefreiheit/standard", "/impressum", "/impressum/standard"])
def test_shipped_example_details_are_marked_as_example(client, url):
    main = main_of(client.get(url).get_data(as_text=True))
    assert BEISPIEL in main and "Beispiel: " in main
    assert "example.org" in main


def test_each_leichte_sprache_page_links_its_standard_german_version_and_back(client):
    for leicht, standard in (("/barrierefreiheit", "/barrierefreiheit/standard"), ("/impressum", "/impressum/standard")):
        assert f'href="{standard}"' in main_of(client.get(leicht).get_data(as_text=True))
        assert f'href="{leicht}"' in main_of(client.get(standard).get_data(as_text=True))


def test_accessibility_statement_has_feedback_contact_and_conciliation(client):
    leicht = main_of(client.get("/barrierefreiheit").get_data(as_text=True))
    assert 'href="mailto:barrierefreiheit@example.org"' in leicht and "Schlichtungs·verfahren" in leicht
    standard = main_of(client.get("/barrierefreiheit/standard").get_data(as_text=True))
    for part in ("Stand der Vereinbarkeit", "teilweise", "Feedback und Kontaktangaben", "Schlichtungsstelle",
                 "Selbstbewertung", "Richtlinie (EU) 2016/2102", 'href="mailto:barrierefreiheit@example.org"'):
        assert part in standard, part


def test_deployment_file_in_instance_folder_replaces_the_example(app, client):
    (Path(app.instance_path) / "betreiber.yml").write_text(OWN, encoding="utf-8")
    leicht = main_of(client.get("/barrierefreiheit").get_data(as_text=True))
    assert BEISPIEL not in leicht and "example.org" not in leicht
    assert "Mitreden erfüllt alle Regeln für Barriere·freiheit." in leicht
    assert "Die Prüf·stelle heißt Prüfstelle Thüringen." in leicht and "2. Februar 2027" in leicht
    # Without its own feedback address the statement falls back to the main details; a link never runs script.
    assert "Stadt Jena, Fachdienst Soziales" in leicht and 'href="mailto:barrierefrei@jena.invalid"' in leicht
    assert not [href for href in re.findall(r'href="([^"]*)"', leicht) if href.startswith("javascript")]
    standard = main_of(client.get("/impressum/standard").get_data(as_text=True))
    assert "Am Anger 15<br>07743 Jena" in standard and "Die Oberbürgermeisterin" in standard


def test_environment_names_the_deployment_file(app, client, tmp_path, monkeypatch):
    own = tmp_path / "anderswo.yml"
    own.write_text(OWN, encoding="utf-8")
    monkeypatch.setenv("MITREDEN_BETREIBER", str(own))
    assert "Stadt Jena" in main_of(client.get("/impressum").get_data(as_text=True))
    monkeypatch.setenv("MITREDEN_BETREIBER", str(tmp_path / "fehlt.yml"))
    assert BEISPIEL in main_of(client.get("/impressum").get_data(as_text=True))


def test_example_file_has_every_detail_the_pages_use(app):
    import yaml

    data = yaml.safe_load((app.config["CONTENT_DIR"] / "betreiber.beispiel.yml").read_text(encoding="utf-8"))
    assert data["beispiel"] is True
    for key in ("name", "anschrift", "email", "telefon", "webadresse", "vertreten_durch", "verantwortlich_inhalt"):
        assert data[key], key
    for key in ("stand", "maengel", "maengel_leicht", "erstellt", "geprueft", "methode", "kontakt", "schlichtung"):
        assert key in data["barrierefreiheit"], key
    assert all("Beispiel" in str(data[key]) for key in ("name", "vertreten_durch", "verantwortlich_inhalt"))


def test_tablet_settings_are_reached_from_the_help_page_for_assistenz(client):
    hilfe = main_of(client.get("/hilfe").get_data(as_text=True))
    assert "Für Assistenz" in hilfe and 'href="/tablet/"' in hilfe
    assert "Tablet·modus" not in client.get("/").get_data(as_text=True).split("<footer", 1)[1]


def test_start_page_links_the_accessibility_statement(client):
    assert 'href="/barrierefreiheit"' in main_of(client.get("/").get_data(as_text=True))
