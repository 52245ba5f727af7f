"""Question sets: every shipped set is complete, in German and English alike, and uses known pictograms."""
from __future__ import annotations

import re

import pytest

from app.core.config import ROOT
from app.workshops.fragen import ART, CHOICES, OWN, SCALES, WORDS, question_set, set_keys, with_own_question

SPRITE = (ROOT / "static" / "pictograms" / "sprite.svg").read_text()


def pictograms() -> set[str]:
    """The symbols of the sprite."""
    return set(re.findall(r'<symbol id="([^"]+)"', SPRITE))


def test_both_sets_are_shipped(app):
    with app.test_request_context():
        assert {"leben-wie-ich-will", "kurz"} <= set(set_keys())


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_set_is_complete_and_the_same_in_each_language(app, lang):
    with app.test_request_context():
        for key in set_keys():
            german, other = question_set(key, "de"), question_set(key, lang)
            assert [(q.key, q.art, q.answers) for q in other.fragen] == [(q.key, q.art, q.answers) for q in german.fragen]
            keys = [q.key for q in german.fragen]
            assert len(keys) == len(set(keys)) and OWN not in keys, key
            for question in other.fragen:
                assert question.art in ART and question.frage, (key, question)
                if question.art == CHOICES:
                    assert len(question.optionen) >= 2
                    assert {o.bild for o in question.optionen} <= pictograms()


def test_scales_use_the_pictograms_of_the_sprite():
    assert set(SCALES["gesichter"]) | set(SCALES["ja-etwas-nein"]) <= pictograms()


def test_an_own_question_comes_before_the_own_words(app):
    with app.test_request_context():
        questions = with_own_question(question_set("kurz", "de"), "Wie finden Sie den Raum?", "gesichter")
        assert [q.key for q in questions] == ["treffen", "wiederkommen", OWN, "worte"]
        assert questions[-1].art == WORDS
        assert with_own_question(question_set("kurz", "de"), None, None) == question_set("kurz", "de").fragen
