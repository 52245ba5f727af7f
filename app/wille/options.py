"""The answer options of the Wille questions, each with its pictogram, and their description."""
from __future__ import annotations

from functools import lru_cache, wraps

from .. import content
from ..i18n import current_language
from ..i18n import gettext as _
from ..page_cache import Personal
from . import flow
from .urls import step_url


def per_language(build):
    """Options are the same for every request in one language: build them once per language."""
    cached = lru_cache(maxsize=16)(lambda lang, *args: build(*args))

    @wraps(build)
    def options(*args) -> tuple[dict, ...]:
        return cached(current_language(), *args)

    return options


@per_language
def jetzt_options() -> tuple[dict, ...]:
    """The 3-point scale with faces."""
    return (
        {"value": "gut", "label": _("Gut"), "bild": "gut"},
        {"value": "geht-so", "label": _("Geht so"), "bild": "geht-so"},
        {"value": "nicht-gut", "label": _("Nicht gut"), "bild": "nicht-gut"},
    )


@per_language
def helper_options() -> tuple[dict, ...]:
    """Who can help."""
    return (
        {"value": "familie", "label": _("Familie"), "bild": "familie"},
        {"value": "freunde", "label": _("Freunde"), "bild": "freunde"},
        {"value": "nachbarn", "label": _("Nachbarn"), "bild": "nachbarn"},
        {"value": "assistenz", "label": _("Assistenz"), "bild": "assistenz"},
        {"value": "verein", "label": _("Verein oder Gruppe"), "bild": "verein"},
        {"value": "niemand", "label": _("Niemand"), "bild": "niemand"},
    )


@per_language
def choice_options(frage: str) -> tuple[dict, ...]:
    """Options of the questions who filled in, consent and code."""
    if frage == "wer":
        return (
            {"value": "allein", "label": _("Ich allein"), "bild": "allein"},
            {"value": "mit-hilfe", "label": _("Ich mit Hilfe"), "bild": "assistenz"},
            {"value": "andere", "label": _("Jemand anderes für mich"), "bild": "andere"},
        )
    if frage == "erlaubnis":
        return (
            {"value": "ja", "label": _("Ja, Sie dürfen meine Antworten ohne Namen benutzen."), "bild": "ja"},
            {"value": "nein", "label": _("Nein, meine Antworten sind nur für mich."), "bild": "nein"},
        )
    return (
        {"value": "ja", "label": _("Ja, ich will einen Code."), "bild": "ja"},
        {"value": "nein", "label": _("Nein, ich will keinen Code."), "bild": "nein"},
    )


def area_options() -> list[dict]:
    """All life areas."""
    return [{"value": b.key, "label": b.name, "bild": b.bild} for b in content.bereiche()]


def wish_options(bereich: content.Bereich) -> list[dict]:
    """Suggested wishes of one area."""
    return [{"value": w.key, "label": w.text, "bild": w.bild} for w in bereich.wuensche]


def _label(options: list[dict], value: str | None) -> dict:
    """The option with this value (label and pictogram)."""
    return next((o for o in options if o["value"] == value), {"label": value or "", "bild": "info"})


# Text answers and the name of their page_cache hole in describe() (with the area's key).
TEXT_ANSWERS = {"eigener_wunsch": "wunsch", "selbst": "selbst"}


def _own(answers: dict, name: str, key: str) -> Personal:
    """A text answer of one area, marked as the person's own words."""
    return Personal(f"{TEXT_ANSWERS[name]}-{key}", answers[name])


def own_words(data: dict) -> dict[str, str]:
    """The person's own words in the draft, by the names describe() gives them (page_cache holes)."""
    words = (_own(answers, name, key) for key, answers in data.get("antworten", {}).items()
             for name in TEXT_ANSWERS if answers.get(name))
    return {word.name: word.value for word in words}


def without_words(data: dict) -> dict:
    """The draft with each text answer replaced by whether there is one: what a check page shows apart from words."""
    return {
        **data,
        "antworten": {
            key: {**answers, **{name: bool(answers.get(name)) for name in TEXT_ANSWERS}}
            for key, answers in data.get("antworten", {}).items()
        },
    }


def describe(data: dict, sozialraum_options: list[dict]) -> list[dict]:
    """Rows for check answers and the sheet: question, answers with pictograms, change link."""
    rows: list[dict] = []
    for key in data.get("bereiche", []):
        area = content.bereich(key)
        answers = data.get("antworten", {}).get(key, {})
        wishes = [_label(wish_options(area), w) for w in answers.get("wuensche", [])]
        # A person's own words are marked, so a reused page never keeps them (page_cache).
        if answers.get("eigener_wunsch"):
            wishes.append({"label": _own(answers, "eigener_wunsch", key), "bild": "schreiben"})
        selbst = _own(answers, "selbst", key) if answers.get("selbst") else _("Dazu haben Sie nichts geschrieben.")
        rows.append({
            "bereich": area,
            "items": [
                {"frage": _("Wie ist es jetzt?"), "antworten": [_label(jetzt_options(), answers.get("jetzt"))],
                 "url": step_url(flow.Step("jetzt", key), zurueck="pruefen")},
                {"frage": _("Was wollen Sie?"), "antworten": wishes,
                 "url": step_url(flow.Step("wunsch", key), zurueck="pruefen")},
                {"frage": _("Was können Sie selbst machen?"), "antworten": [{"label": selbst, "bild": "selbst"}],
                 "url": step_url(flow.Step("selbst", key), zurueck="pruefen")},
                {"frage": _("Wer kann Ihnen helfen?"),
                 "antworten": [_label(helper_options(), h) for h in answers.get("helfer", [])],
                 "url": step_url(flow.Step("hilfe", key), zurueck="pruefen")},
            ],
        })
    general = [
        ("wohnort", _("Wo wohnen Sie?"), sozialraum_options),
        ("wer", _("Wer hat das ausgefüllt?"), choice_options("wer")),
        ("erlaubnis", _("Dürfen wir Ihre Antworten benutzen?"), choice_options("erlaubnis")),
    ]
    if not data.get("edit_wille"):
        general.append(("code", _("Wollen Sie einen Code?"), choice_options("code")))
    rows.append({
        "bereich": None,
        "items": [
            {"frage": question, "antworten": [_label(options, data.get(key))],
             "url": step_url(flow.Step(key), zurueck="pruefen")}
            for key, question, options in general
        ],
    })
    return rows
