"""The order of a workshop's answer pages and what is stored, as pure functions."""
from __future__ import annotations

import pytest

from app.workshops import flow

KEYS = ("treffen", "gut", "worte")


def test_pages_open_in_order_and_the_check_page_comes_last():
    data = {"workshop": 1}
    assert flow.first_open(data, KEYS) == "treffen"
    assert not flow.can_visit(data, KEYS, "gut") and not flow.can_visit(data, KEYS, "gibt-es-nicht")
    data = flow.with_answer(data, "treffen", "gut")
    data = flow.with_answer(data, "gut", [])  # nothing chosen is an answer
    assert flow.first_open(data, KEYS) == "worte" and flow.next_step(data, KEYS, "gut") == "worte"
    for step, value in (("worte", ""), (flow.WER, "allein"), (flow.ERLAUBNIS, "ja")):
        data = flow.with_answer(data, step, value)
    assert flow.first_open(data, KEYS) == flow.PRUEFEN and flow.can_visit(data, KEYS, flow.PRUEFEN)
    assert flow.next_step(data, KEYS, "treffen", back_to_check=True) == flow.PRUEFEN
    assert flow.previous_step(KEYS, "treffen") is None and flow.previous_step(KEYS, flow.PRUEFEN) == flow.ERLAUBNIS


def test_progress_counts_the_questions_then_the_last_ones_apart():
    assert flow.position(KEYS, "gut") == {"nummer": 2, "zahl": 3, "schluss": False}
    assert flow.position(KEYS, flow.ERLAUBNIS) == {"nummer": 2, "zahl": 2}


def test_own_words_are_kept_apart_from_the_counted_answers():
    data = {"antworten": {"treffen": "gut", "eigene": "Der Raum ist hell.", "gut": ["essen"], "worte": "Danke."}}
    chosen, words = flow.split_answers(data, ("treffen", "eigene", "gut", "worte"), {"eigene", "worte"})
    assert chosen == {"treffen": "gut", "gut": ["essen"]}
    assert words == "Der Raum ist hell.\n\nDanke."


def test_a_question_key_may_not_clash_with_the_last_pages():
    with pytest.raises(ValueError):
        flow.steps(("treffen", "wer"))
