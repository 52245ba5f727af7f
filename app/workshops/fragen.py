"""Question sets of workshops: YAML in content/<lang>/fragen/ that a Prüfer:in can review.

A set has a title, a description and questions, each of one kind (ART): 3 faces, yes / a little / no,
several choices with pictograms, or own words. Keys never change: answers are stored with them.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..sprache.content import content_dir, localized

FACES, YES_NO, CHOICES, WORDS = "gesichter", "ja-etwas-nein", "auswahl", "worte"
ART = (FACES, YES_NO, CHOICES, WORDS)
# The answers of the two scales, in the order they are shown (pictogram names of the sprite).
SCALES = {FACES: ("gut", "geht-so", "nicht-gut"), YES_NO: ("ja", "etwas", "nein")}
# The key under which a workshop's own question is answered.
OWN = "eigene"


@dataclass(frozen=True)
class Option:
    """One choice of an `auswahl` question."""

    key: str
    text: str
    bild: str


@dataclass(frozen=True)
class Question:
    """One question, shown on its own page."""

    key: str
    art: str
    frage: str
    hinweis: str = ""
    optionen: tuple[Option, ...] = ()

    @property
    def answers(self) -> tuple[str, ...]:
        """The keys an answer may have (none for own words)."""
        return tuple(o.key for o in self.optionen) if self.art == CHOICES else SCALES.get(self.art, ())


@dataclass(frozen=True)
class QuestionSet:
    """A question set: its key, title, description and questions in order."""

    key: str
    titel: str
    beschreibung: str
    fragen: tuple[Question, ...]


def set_keys() -> list[str]:
    """The keys of every question set shipped (from the German files, the source)."""
    return sorted(path.stem for path in (content_dir() / "de" / "fragen").glob("*.yml"))


def question_set(key: str, lang: str | None = None) -> QuestionSet:
    """A question set in the page's language (German where a translation is missing); KeyError if unknown."""
    if key not in set_keys():
        raise KeyError(key)
    data = localized(f"fragen/{key}", lang)
    questions = tuple(
        Question(q["key"], q["art"], q["frage"].strip(), (q.get("hinweis") or "").strip(),
                 tuple(Option(o["key"], o["text"].strip(), o["bild"]) for o in q.get("optionen", ())))
        for q in data["fragen"])
    return QuestionSet(key, data["titel"], data.get("beschreibung", ""), questions)


def with_own_question(questions: QuestionSet, frage: str | None, art: str | None) -> tuple[Question, ...]:
    """The questions of a workshop: its set, then its own question (before the own words, if the set ends so)."""
    if not frage or art not in ART or art == CHOICES:
        return questions.fragen
    own = Question(OWN, art, frage)
    if questions.fragen and questions.fragen[-1].art == WORDS:
        return (*questions.fragen[:-1], own, questions.fragen[-1])
    return (*questions.fragen, own)
