"""Progress as people count it, and changing answers from the check page without losing the way back."""
from __future__ import annotations

from tests.helpers import answer_everything


def test_progress_counts_areas_and_questions_in_an_area(client):
    client.submit("/will/bereiche", {"bereiche": ["wohnen", "arbeit", "geld"]})
    html = client.get("/will/wohnen/jetzt").get_data(as_text=True)
    assert "Bereich 1 von 3: Wohnen" in html and "Frage 1 von 4" in html
    for frage, data in {"jetzt": {"jetzt": "gut"}, "wunsch": {"wuensche": ["ruhe"]}, "selbst": {"selbst": ""},
                        "hilfe": {"helfer": ["familie"]}}.items():
        client.submit(f"/will/wohnen/{frage}", data)
    html = client.get("/will/arbeit/jetzt").get_data(as_text=True)
    assert "Bereich 2 von 3: Arbeit" in html and "Frage 1 von 4" in html
    assert "von 13" not in html and "von 15" not in html


def test_the_last_questions_count_among_themselves(client):
    answer_everything(client)
    html = client.get("/will/wohnort").get_data(as_text=True)
    assert "Zum Schluss: Frage 1 von 4" in html
    html = client.get("/will/code").get_data(as_text=True)
    assert "Zum Schluss: Frage 4 von 4" in html


def test_after_andern_back_leads_to_the_check_page(client):
    answer_everything(client)
    html = client.get("/will/wohnen/wunsch?zurueck=pruefen").get_data(as_text=True)
    assert '<a class="zurueck" href="/will/pruefen">' in html
    assert 'action="/will/wohnen/wunsch?zurueck=pruefen"' in html


def test_the_areas_can_be_changed_from_the_check_page_and_a_new_area_is_asked_then_back(client):
    answer_everything(client)
    html = client.get("/will/pruefen").get_data(as_text=True)
    assert 'href="/will/bereiche?zurueck=pruefen"' in html
    response = client.submit("/will/bereiche?zurueck=pruefen", {"bereiche": ["wohnen", "geld"]})
    assert response.headers["Location"].endswith("/will/geld/jetzt?zurueck=pruefen")
    page = client.get("/will/geld/jetzt?zurueck=pruefen").get_data(as_text=True)
    assert '<a class="zurueck" href="/will/wohnen/hilfe?zurueck=pruefen">' in page, "not back to an unready check page"
    steps = [("jetzt", {"jetzt": "gut"}), ("wunsch", {"wuensche": ["sparen"]}), ("selbst", {"selbst": ""}),
             ("hilfe", {"helfer": ["familie"]})]
    for index, (frage, data) in enumerate(steps):
        response = client.submit(f"/will/geld/{frage}?zurueck=pruefen", data)
        following = "/will/pruefen" if index == len(steps) - 1 else f"/will/geld/{steps[index + 1][0]}?zurueck=pruefen"
        assert response.headers["Location"].endswith(following)
    assert "Geld" in client.get("/will/pruefen").get_data(as_text=True)
