"""Willen per completed quarter (Anbieter: its tablets; Leistungsträger: per Sozialraum) and workshops per
Sozialraum across Anbieter; quarters appear only once they have ended; demo never mixed; scoping."""
from __future__ import annotations

from datetime import date

import pytest
from freezegun import freeze_time

from tests.results.helpers import (
    answers,
    become,
    read,
    small_numbers,
    sozialraum,
    willen,
    workshop,
    world,
)

TOO_FEW = "Zu wenige Antworten, um etwas zu zeigen."


@pytest.fixture
def people(app):
    """The accounts and Anbieter of these tests, made on a day in the 4th quarter of 2026."""
    with freeze_time("2026-10-15 10:00:00"):
        yield world(app)


def test_an_anbieter_sees_its_tablets_willen_per_ended_quarter_only(app, client, people):
    willen(app, 6, anbieter=people["A"], month="2026-08", areas=("wohnen", "arbeit"))
    willen(app, 5, anbieter=people["A"], month="2026-10")  # this quarter has not ended
    willen(app, 9, anbieter=people["B"], month="2026-08")
    willen(app, 7, anbieter=people["A"], month="2026-08", use_allowed=False)  # only with the person's consent
    with freeze_time("2026-10-15 10:00:00"):
        become(client, people, "leitung-a")
        overview = client.get("/staff/ergebnisse/").get_data(as_text=True)
        assert "3. Quartal 2026" in overview and "4. Quartal 2026" not in overview
        html = client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3").get_data(as_text=True)
        assert "6 Menschen haben „Was ich will“ ausgefüllt." in html and not small_numbers(html)
        assert "Geheimer eigener Wunsch" not in html  # own wishes: only their place, until released
        assert "<h2 id=\"eigene-wuensche-titel\">Eigene Wünsche</h2>" in html and "Eigene Worte werden nicht gezählt." in html
        assert client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-4").status_code == 404
        assert client.get(f"/staff/ergebnisse/anbieter/{people['B']}/willen/2026-3").status_code == 404
        assert client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-7").status_code == 404
        assert client.get(f"/staff/ergebnisse/sozialraum/{people['hemelingen']}/2026-3/willen").status_code == 403
    with freeze_time("2027-01-01 09:00:00"):
        become(client, people, "leitung-a")
        assert "4. Quartal 2026" in client.get("/staff/ergebnisse/").get_data(as_text=True)
        html = client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-4").get_data(as_text=True)
        assert "5 Menschen haben „Was ich will“ ausgefüllt." in html


def test_the_wille_tables(app, client, people):
    willen(app, 7, anbieter=people["A"], areas=("wohnen", "arbeit"), jetzt="gut")
    willen(app, 3, anbieter=people["A"], areas=("wohnen",), jetzt="nicht-gut", filled_by="allein")
    with freeze_time("2026-10-15 10:00:00"):
        become(client, people, "assistenz-a")
        html = client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3").get_data(as_text=True)
    page = read(html)
    areas, now, wohnen, helpers, who = page.tables
    # Arbeit: 7 of 10, so 3 did not choose it — a small group too: hidden, with its line and its wishes; never
    # hidden alone, so the next area (Freizeit, 0) is hidden with it
    assert areas[1:4] == [["Wohnen", "10"], ["Arbeit", "verdeckt"], ["Freizeit", "verdeckt"]]
    assert ["Geld", "0"] in areas
    assert now[0] == ["Lebensbereich", "Gut", "Geht so", "Nicht gut", "keine Antwort", "Zusammen"]
    assert now[1:] == [["Wohnen", "verdeckt", "0", "weniger als 5", "0", "10"],
                       ["Arbeit", "verdeckt", "verdeckt", "verdeckt", "verdeckt", "verdeckt"]]
    assert wohnen[1] == ["Ich will in einer eigenen Wohnung wohnen.", "10"]
    assert wohnen[-1] == ["Es soll so bleiben, wie es ist.", "0"]
    arbeit = html.split("Gewählte Wünsche im Lebensbereich Arbeit")[1].split("</section>")[0]
    assert TOO_FEW in arbeit and "<table" not in arbeit
    assert helpers[1] == ["Familie", "10"] and ["Niemand", "0"] in helpers
    assert who[1:] == [["Allein", "weniger als 5"], ["Mit Hilfe", "verdeckt"], ["Jemand anderes für die Person", "0"],
                       ["keine Antwort", "0"], ["Zusammen", "10"]]
    assert "Gewählte Wünsche im Lebensbereich Freizeit" not in html
    assert not small_numbers(html)


def test_a_life_area_chosen_by_fewer_than_k_shows_no_wishes(app, client, people):
    willen(app, 5, anbieter=people["A"], areas=("wohnen",))
    willen(app, 2, anbieter=people["A"], areas=("freizeit",))
    with freeze_time("2026-10-15 10:00:00"):
        become(client, people, "leitung-a")
        html = client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3").get_data(as_text=True)
    freizeit = html.split("Gewählte Wünsche im Lebensbereich Freizeit")[1].split("</section>")[0]
    assert TOO_FEW in freizeit and "<table" not in freizeit
    assert ["Freizeit", "verdeckt"] in read(html).tables[0]
    assert not small_numbers(html)


@pytest.mark.parametrize("count", [4, 5])
def test_the_leistungstraeger_sees_a_sozialraum_across_anbieter(app, client, people, count):
    raum, other = people["hemelingen"], sozialraum(app, "bremerhaven")
    # 2 + 2 (or 2 + 3) answers in two workshops of two Anbieter: only together do they reach k
    workshop(app, people["A"], raum, answers(2), titel="Workshop Alpha")
    workshop(app, people["B"], raum, answers(count - 2), titel="Workshop Beta", tage=(date(2026, 7, 1), date(2026, 7, 1)))
    workshop(app, people["A"], other, answers(9), titel="Anderswo")
    workshop(app, people["A"], raum, answers(9), tage=(date(2026, 10, 1), date(2026, 10, 2)))  # next quarter
    workshop(app, people["A"], raum, answers(3, treffen=["geht-so"] * 3), fragen="kurz", titel="Kurz")
    willen(app, count, raum=raum)
    willen(app, 9, raum=other)
    with freeze_time("2026-10-15 10:00:00"):
        become(client, people, "traeger")
        overview = client.get("/staff/ergebnisse/").get_data(as_text=True)
        assert "Hemelingen" in overview and "Workshops, 3. Quartal 2026" in overview
        assert "4. Quartal 2026" not in overview  # a workshop ended on 2 October: its quarter has not
        assert "Workshop Alpha" not in overview and "Anbieter Alpha" not in overview
        html = client.get(f"/staff/ergebnisse/sozialraum/{raum}/2026-3/workshops").get_data(as_text=True)
        assert "Workshop Alpha" not in html and "Anbieter" not in html.split("<main")[1].split("Gezählt werden")[0]
        kurz, lwiw = html.split("Fragebogen „Kurze Fragen zum Treffen“")[1].split("Fragebogen „Leben, wie ich will!“")
        assert TOO_FEW in kurz and "3 Menschen" not in kurz  # 3 people with the short set: a group of its own
        if count == 4:
            assert TOO_FEW in lwiw
        else:
            assert "5 Menschen haben geantwortet." in lwiw and read(lwiw).tables[0][1] == ["Gut", "5"]
        assert not small_numbers(html)
        wille = client.get(f"/staff/ergebnisse/sozialraum/{raum}/2026-3/willen").get_data(as_text=True)
        assert (TOO_FEW in wille) == (count == 4)
        assert client.get(f"/staff/ergebnisse/sozialraum/{raum}/2026-4/workshops").status_code == 404
        assert client.get("/staff/ergebnisse/sozialraum/999999/2026-3/workshops").status_code == 404
        assert client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3").status_code == 403


def test_demo_willen_have_their_own_pages(app, client, people):
    raum = people["hemelingen"]
    willen(app, 5, raum=raum, anbieter=people["A"])
    willen(app, 7, raum=raum, anbieter=people["A"], demo=True)
    with freeze_time("2026-10-15 10:00:00"):
        become(client, people, "traeger")
        real = client.get(f"/staff/ergebnisse/sozialraum/{raum}/2026-3/willen").get_data(as_text=True)
        demo = client.get(f"/staff/ergebnisse/sozialraum/{raum}/2026-3/willen/beispiel").get_data(as_text=True)
        assert "5 Menschen" in real and "Beispiel" not in real
        assert "7 Menschen" in demo and "<h1>Beispiel:" in demo and "ausgedachte Antworten" in demo
        overview = client.get("/staff/ergebnisse/").get_data(as_text=True)
        assert overview.count("/willen/beispiel") == 1
        become(client, people, "leitung-a")
        assert "5 Menschen" in client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3").get_data(as_text=True)
        demo = client.get(f"/staff/ergebnisse/anbieter/{people['A']}/willen/2026-3/beispiel").get_data(as_text=True)
        assert "7 Menschen" in demo and "<h1>Beispiel:" in demo
