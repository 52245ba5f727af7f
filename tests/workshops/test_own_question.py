"""An own question as staff write it, one sentence per line, on the question page and the check page (review L1)."""
from __future__ import annotations

from tests.workshops.helpers import answer_all, make_workshop


def test_a_multi_line_own_question_shows_one_sentence_per_line(client, app):
    workshop = make_workshop(app, fragen="kurz", eigene_frage="Sie waren beim Treffen.\nWas hat Ihnen gefallen?",
                             eigene_art="worte")
    client.get(f"/treffen/{workshop['code']}")
    client.submit("/treffen/frage/treffen", {"antwort": "gut"})
    client.submit("/treffen/frage/wiederkommen", {"antwort": "ja"})
    page = client.get("/treffen/frage/eigene").get_data(as_text=True)
    assert '<h1><label for="antwort">Sie waren beim Treffen.<br>Was hat Ihnen gefallen?</label></h1>' in page
    answer_all(client, {"eigene": "Die Musik.", "worte": ""})
    check = client.get("/treffen/pruefen").get_data(as_text=True)
    assert "<dt>Sie waren beim Treffen.<br>Was hat Ihnen gefallen?</dt>" in check
