"""Unit tests of the Wille flow rules (no request needed)."""
from app.wille import flow

KEYS = ("wohnen", "arbeit", "freizeit")


def test_steps_follow_chosen_areas_in_fixed_order():
    data = flow.set_bereiche({}, ["freizeit", "wohnen"], KEYS)
    names = [(s.name, s.bereich) for s in flow.steps(data)]
    assert names[:5] == [("bereiche", None), ("jetzt", "wohnen"), ("wunsch", "wohnen"), ("selbst", "wohnen"), ("hilfe", "wohnen")]
    assert names[5] == ("jetzt", "freizeit")
    assert names[-5:] == [("wohnort", None), ("wer", None), ("erlaubnis", None), ("code", None), ("pruefen", None)]


def test_first_open_and_can_visit():
    data = flow.set_bereiche({}, ["wohnen"], KEYS)
    assert flow.first_open(data) == flow.Step("jetzt", "wohnen")
    assert flow.can_visit(data, flow.Step("jetzt", "wohnen"))
    assert not flow.can_visit(data, flow.Step("hilfe", "wohnen"))
    assert not flow.can_visit(data, flow.Step("jetzt", "arbeit")), "an area not chosen is not reachable"
    assert not flow.can_visit(data, flow.PRUEFEN)


def test_optional_text_counts_as_answered_when_empty():
    data = flow.set_bereiche({}, ["wohnen"], KEYS)
    data = flow.set_area_answer(data, "wohnen", {"jetzt": "gut", "wuensche": [], "eigener_wunsch": "x"})
    assert flow.first_open(data) == flow.Step("selbst", "wohnen")
    data = flow.set_area_answer(data, "wohnen", {"selbst": ""})
    assert flow.first_open(data) == flow.Step("hilfe", "wohnen")


def test_dropping_an_area_drops_its_answers_and_keeps_the_others():
    data = flow.set_bereiche({}, ["wohnen", "arbeit"], KEYS)
    data = flow.set_area_answer(data, "wohnen", {"jetzt": "gut"})
    data = flow.set_area_answer(data, "arbeit", {"jetzt": "nicht-gut"})
    data = flow.set_bereiche(data, ["arbeit"], KEYS)
    assert data["antworten"] == {"arbeit": {"jetzt": "nicht-gut"}}


def test_next_step_returns_to_check_page_after_change_when_complete():
    data = {"bereiche": ["wohnen"], "antworten": {"wohnen": {"jetzt": "gut", "wuensche": [], "selbst": "", "helfer": ["familie"]}},
            "wohnort": "x", "wer": "allein", "erlaubnis": "ja", "code": "nein"}
    step = flow.Step("jetzt", "wohnen")
    assert flow.next_step(data, step) == flow.Step("wunsch", "wohnen")
    assert flow.next_step(data, step, back_to_check=True) == flow.PRUEFEN


def test_change_that_adds_an_area_leads_to_its_questions_not_to_check_page():
    data = {"bereiche": ["wohnen"], "antworten": {"wohnen": {"jetzt": "gut", "wuensche": [], "selbst": "", "helfer": ["familie"]}},
            "wohnort": "x", "wer": "allein", "erlaubnis": "ja", "code": "nein"}
    data = flow.set_bereiche(data, ["wohnen", "arbeit"], KEYS)
    assert flow.next_step(data, flow.BEREICHE, back_to_check=True) == flow.Step("jetzt", "arbeit")


def test_previous_step():
    data = flow.set_bereiche({}, ["wohnen"], KEYS)
    assert flow.previous_step(data, flow.BEREICHE) is None
    assert flow.previous_step(data, flow.Step("jetzt", "wohnen")) == flow.BEREICHE


def test_consent_decisions_are_separate():
    assert flow.store_decision({"erlaubnis": "nein", "code": "nein"}) == (False, False)
    assert flow.store_decision({"erlaubnis": "ja", "code": "nein"}) == (True, False)
    assert flow.store_decision({"erlaubnis": "nein", "code": "ja"}) == (False, True)
    assert flow.store_decision({"erlaubnis": "nein", "edit_wille": 3}) == (False, True)


def test_edit_mode_skips_the_code_question():
    data = {"bereiche": [], "edit_wille": 1}
    assert flow.Step("code") not in flow.steps(data)


def test_page_answers_and_with_answers_round_trip_every_page():
    data = flow.with_answers({}, flow.BEREICHE, {"bereiche": ["arbeit", "wohnen"]}, KEYS)
    assert data["bereiche"] == ["wohnen", "arbeit"], "areas keep their fixed order"
    pages = {
        flow.Step("jetzt", "wohnen"): {"jetzt": "gut"},
        flow.Step("wunsch", "wohnen"): {"wuensche": [], "eigener_wunsch": "Ein Garten"},
        flow.Step("selbst", "wohnen"): {"selbst": ""},
        flow.Step("hilfe", "wohnen"): {"helfer": ["niemand"]},
        flow.Step("wer"): {"antwort": "allein"},
    }
    for step, values in pages.items():
        assert not flow.is_answered(data, step)
        data = flow.with_answers(data, step, values, KEYS)
        assert flow.is_answered(data, step) and flow.page_answers(data, step) == values
    assert data["wer"] == "allein" and data["antworten"]["wohnen"]["eigener_wunsch"] == "Ein Garten"
