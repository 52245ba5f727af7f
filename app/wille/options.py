"""The answer options of the Wille questions, each with its pictogram."""
from __future__ import annotations

from ..sprache.i18n import _
from .bereiche import Bereich, bereiche


def jetzt_options() -> list[dict]:
    """The 3-point scale with faces."""
    return [
        {"value": "gut", "label": _("Gut"), "bild": "gut"},
        {"value": "geht-so", "label": _("Geht so"), "bild": "geht-so"},
        {"value": "nicht-gut", "label": _("Nicht gut"), "bild": "nicht-gut"},
    ]


def helper_options() -> list[dict]:
    """Who can help."""
    return [
        {"value": "familie", "label": _("Familie"), "bild": "familie"},
        {"value": "freunde", "label": _("Freunde"), "bild": "freunde"},
        {"value": "nachbarn", "label": _("Nachbarn"), "bild": "nachbarn"},
        {"value": "assistenz", "label": _("Assistenz"), "bild": "assistenz"},
        {"value": "verein", "label": _("Verein oder Gruppe"), "bild": "verein"},
        # Exclusive: ticking it clears the others (and the page says „oder“ before it).
        {"value": "niemand", "label": _("Niemand"), "bild": "niemand", "exclusive": True},
    ]


def choice_options(frage: str) -> list[dict]:
    """Options of the questions who filled in, consent and code."""
    if frage == "wer":
        return [
            {"value": "allein", "label": _("Ich allein"), "bild": "allein"},
            {"value": "mit-hilfe", "label": _("Ich mit Hilfe"), "bild": "assistenz"},
            {"value": "andere", "label": _("Jemand anderes für mich"), "bild": "andere"},
        ]
    if frage == "erlaubnis":
        return [
            {"value": "ja", "label": _("Ja, Sie dürfen meine Antworten ohne Namen benutzen."), "bild": "ja"},
            {"value": "nein", "label": _("Nein, meine Antworten sind nur für mich."), "bild": "nein"},
        ]
    return [
        {"value": "ja", "label": _("Ja, ich will einen Code."), "bild": "ja"},
        {"value": "nein", "label": _("Nein, ich will keinen Code."), "bild": "nein"},
    ]


def wohnort_options(sozialraeume: list) -> list[dict]:
    """The Sozialräume given (sozialraum.operations.active), plus „I don't know“."""
    options = [
        {"value": s.key, "label": f"{s.name} in {s.stadt}" if s.name != s.stadt else s.name,
         "hint": ", ".join(s.ortsteile), "bild": "ort"}
        for s in sozialraeume
    ]
    return options + [{"value": "unbekannt", "label": _("Das weiß ich nicht."), "bild": "hilfe", "hint": ""}]


def area_options() -> list[dict]:
    """All life areas."""
    return [{"value": b.key, "label": b.name, "bild": b.bild} for b in bereiche()]


KEEP = "bleiben"


def wish_options(bereich: Bereich) -> list[dict]:
    """Suggested wishes of one area, and „it should stay as it is“ (a wish for no change)."""
    return [{"value": w.key, "label": w.text, "bild": w.bild} for w in bereich.wuensche] + [
        {"value": KEEP, "label": _("Es soll so bleiben, wie es ist."), "bild": "bleiben", "exclusive": True}]


def label(options: list[dict], value: str | None) -> dict:
    """The option with this value (label and pictogram)."""
    return next((o for o in options if o["value"] == value), {"label": value or "", "bild": "info"})
