"""The order of the Wille questions, as pure functions over the draft's data.

The draft is a plain dict so it can be kept in the database and tested without a request:
{"bereiche": [...], "antworten": {bereich: {...}}, "wohnort": ..., "wer": ..., "erlaubnis": ...,
 "code": ..., "edit_wille": id}
"""
from __future__ import annotations

from dataclasses import dataclass

AREA_STEPS = ("jetzt", "wunsch", "selbst", "hilfe")
FINAL_STEPS = ("wohnort", "wer", "erlaubnis", "code", "pruefen")
JETZT = ("gut", "geht-so", "nicht-gut")
HELFER = ("familie", "freunde", "nachbarn", "assistenz", "verein", "niemand")
WER = ("allein", "mit-hilfe", "andere")
JA_NEIN = ("ja", "nein")


@dataclass(frozen=True)
class Step:
    """One question page: its name and, for per-area questions, the life area."""

    name: str
    bereich: str | None = None


BEREICHE = Step("bereiche")
PRUEFEN = Step("pruefen")


# The answer of each per-area page that shows it has been answered (an empty text or list counts).
ANSWER_KEY = {"jetzt": "jetzt", "wunsch": "wuensche", "selbst": "selbst", "hilfe": "helfer"}
# The fields of each per-area page, as the draft keeps them (and as the page's form names them).
AREA_FIELDS = {"jetzt": ("jetzt",), "wunsch": ("wuensche", "eigener_wunsch"), "selbst": ("selbst",),
               "hilfe": ("helfer",)}


def steps(data: dict) -> tuple[Step, ...]:
    """All question pages for this draft, in order."""
    result = [BEREICHE]
    for key in data.get("bereiche", []):
        result.extend(Step(name, key) for name in AREA_STEPS)
    for name in FINAL_STEPS:
        # Someone changing their answers through Mein Code keeps the code they have.
        if name == "code" and data.get("edit_wille"):
            continue
        result.append(Step(name))
    return tuple(result)


def is_answered(data: dict, step: Step) -> bool:
    """Whether the person has answered this page (an empty optional text counts)."""
    if step.name == "bereiche":
        return bool(data.get("bereiche"))
    if step.name == "pruefen":
        return False
    if step.bereich is not None:
        return ANSWER_KEY[step.name] in data.get("antworten", {}).get(step.bereich, {})
    return step.name in data


def page_answers(data: dict, step: Step) -> dict:
    """The earlier answers a question page shows, by the names of its form's fields."""
    if step.name == "bereiche":
        return {"bereiche": data.get("bereiche", [])}
    if step.bereich is not None:
        answers = data.get("antworten", {}).get(step.bereich, {})
        return {name: answers.get(name) for name in AREA_FIELDS[step.name]}
    return {"antwort": data.get(step.name)}


def with_answers(data: dict, step: Step, values: dict, area_order: tuple[str, ...]) -> dict:
    """The draft with a page's answers in it (values by the names of the form's fields)."""
    if step.name == "bereiche":
        return set_bereiche(data, values["bereiche"], area_order)
    if step.bereich is not None:
        return set_area_answer(data, step.bereich, {name: values[name] for name in AREA_FIELDS[step.name]})
    return {**data, step.name: values["antwort"]}


def first_open(data: dict) -> Step:
    """The first page without an answer; the check page when everything is answered."""
    return next((s for s in steps(data) if not is_answered(data, s)), PRUEFEN)


def can_visit(data: dict, step: Step) -> bool:
    """A page may be shown if it belongs to this draft and no earlier page is still open."""
    order = steps(data)
    if step not in order:
        return False
    return order.index(step) <= order.index(first_open(data))


def next_step(data: dict, step: Step, back_to_check: bool = False) -> Step:
    """Where „Weiter“ leads: the next page, or back to the check page after a change."""
    if back_to_check:
        return first_open(data)
    order = steps(data)
    position = order.index(step)
    return order[position + 1] if position + 1 < len(order) else PRUEFEN


def previous_step(data: dict, step: Step) -> Step | None:
    """Where „Zurück“ leads; None on the first page."""
    order = steps(data)
    if step not in order or order.index(step) == 0:
        return None
    return order[order.index(step) - 1]


def position(data: dict, step: Step) -> dict:
    """Where a page stands, as people count: the area (2 of 3) and the question in it (1 of 4),
    or the question among the last ones."""
    if step.bereich is not None:
        chosen = data.get("bereiche", [])
        return {"bereich_nummer": chosen.index(step.bereich) + 1, "bereiche_zahl": len(chosen),
                "nummer": AREA_STEPS.index(step.name) + 1, "zahl": len(AREA_STEPS)}
    final = [s for s in steps(data) if s.bereich is None and s.name not in ("bereiche", "pruefen")]
    if step in final:
        return {"nummer": final.index(step) + 1, "zahl": len(final)}
    return {}


def set_bereiche(data: dict, chosen: list[str], all_keys: tuple[str, ...]) -> dict:
    """Store the chosen areas in their fixed order; answers of areas no longer chosen are dropped."""
    ordered = [key for key in all_keys if key in chosen]
    answers = data.get("antworten", {})
    return {
        **data,
        "bereiche": ordered,
        "antworten": {key: answers[key] for key in ordered if key in answers},
    }


def set_area_answer(data: dict, bereich: str, values: dict) -> dict:
    """Merge answers for one area into the draft."""
    answers = dict(data.get("antworten", {}))
    answers[bereich] = {**answers.get(bereich, {}), **values}
    return {**data, "antworten": answers}


def store_decision(data: dict) -> tuple[bool, bool]:
    """What may be stored: (use the answers anonymously, keep them under a personal code)."""
    use = data.get("erlaubnis") == "ja"
    keep = data.get("code") == "ja" or bool(data.get("edit_wille"))
    return use, keep
