"""The order of a workshop's answer pages, as pure functions over the draft's data and the question keys.

The draft is a plain dict, kept on the server like the Wille's (app/drafts). The Wille's answers stand at its top
level; a workshop's stand apart under PART, as the two flows share words („antworten“, „wer“, „erlaubnis“):
{"treffen": {"workshop": id, "antworten": {question key: "gut" | ["leute"] | "own words"}, "wer": ..., "erlaubnis": ...,
 "gespeichert": "ja" | "nein" | "vorbei" once the person pressed save}}
A step is a question key, or one of the last questions (WER, ERLAUBNIS), or the check page (PRUEFEN).
"""
from __future__ import annotations

WER, ERLAUBNIS, PRUEFEN = "wer", "erlaubnis", "pruefen"
FINAL = (WER, ERLAUBNIS)
# In the draft once the person pressed save: what happened (STORED, REFUSED without consent, OVER).
SAVED = "gespeichert"
STORED, REFUSED, OVER = "ja", "nein", "vorbei"
# Where a workshop's answers stand in the draft, apart from the Wille's: no consent or „saved“ carries over.
PART = "treffen"


def part(data: dict) -> dict:
    """The workshop's answers in a draft's data (empty if there are none)."""
    return data.get(PART) or {}


def with_part(data: dict, answers: dict) -> dict:
    """The draft's data with the workshop's answers replaced, everything else (a Wille in progress) kept."""
    return {**data, PART: answers}


def steps(keys: tuple[str, ...]) -> tuple[str, ...]:
    """All answer pages, in order: the workshop's questions, then who filled in and consent."""
    clash = set(keys) & {*FINAL, PRUEFEN}
    if clash:
        raise ValueError(f"question keys clash with the last pages: {sorted(clash)}")
    return (*keys, *FINAL)


def is_answered(data: dict, step: str) -> bool:
    """Whether the person has answered this page (an empty choice or empty own words counts)."""
    if step in FINAL:
        return step in data
    return step in data.get("antworten", {})


def first_open(data: dict, keys: tuple[str, ...]) -> str:
    """The first page without an answer; the check page when everything is answered."""
    return next((s for s in steps(keys) if not is_answered(data, s)), PRUEFEN)


def can_visit(data: dict, keys: tuple[str, ...], step: str) -> bool:
    """A page may be shown if it belongs to this workshop and no earlier page is still open."""
    order = (*steps(keys), PRUEFEN)
    if step not in order:
        return False
    return order.index(step) <= order.index(first_open(data, keys))


def next_step(data: dict, keys: tuple[str, ...], step: str, back_to_check: bool = False) -> str:
    """Where „Weiter“ leads: the next page, or back to the check page after a change from there."""
    if back_to_check:
        return first_open(data, keys)
    order = steps(keys)
    position = order.index(step)
    return order[position + 1] if position + 1 < len(order) else PRUEFEN


def previous_step(keys: tuple[str, ...], step: str) -> str | None:
    """Where „Zurück“ leads; None on the first question (then back to the code page)."""
    order = (*steps(keys), PRUEFEN)
    if step not in order or order.index(step) == 0:
        return None
    return order[order.index(step) - 1]


def position(keys: tuple[str, ...], step: str) -> dict:
    """Where a page stands, as people count: „Frage 2 von 9“, or among the last questions („Zum Schluss“)."""
    if step in FINAL:
        return {"nummer": FINAL.index(step) + 1, "zahl": len(FINAL)}
    if step in keys:
        return {"nummer": keys.index(step) + 1, "zahl": len(keys), "schluss": False}
    return {}


def page_answer(data: dict, step: str):
    """The earlier answer a page shows (None if there is none yet)."""
    if step in FINAL:
        return data.get(step)
    return data.get("antworten", {}).get(step)


def with_answer(data: dict, step: str, value) -> dict:
    """The draft with one page's answer in it."""
    if step in FINAL:
        return {**data, step: value}
    return {**data, "antworten": {**data.get("antworten", {}), step: value}}


def split_answers(data: dict, keys: tuple[str, ...], word_keys: set[str]) -> tuple[dict, str]:
    """What is stored: the chosen answers by question key, and the own words apart (for the release queue).

    Own words never go among the answers that results count; a workshop with an own question of the kind
    „worte“ has two texts, kept one after the other.
    """
    answers = data.get("antworten", {})
    chosen = {key: answers[key] for key in keys if key in answers and key not in word_keys}
    words = "\n\n".join(answers[key] for key in keys if key in word_keys and answers.get(key))
    return chosen, words
