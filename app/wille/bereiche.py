"""The life areas and their suggested wishes, from content/<lang>/lebensbereiche.yml."""
from __future__ import annotations

from dataclasses import dataclass

from ..sprache.content import localized


@dataclass(frozen=True)
class Wunsch:
    """A suggested wish inside a life area."""

    key: str
    text: str
    bild: str


@dataclass(frozen=True)
class Bereich:
    """A life area with its pictogram and suggested wishes."""

    key: str
    name: str
    bild: str
    wuensche: tuple[Wunsch, ...]


def bereiche(lang: str | None = None) -> tuple[Bereich, ...]:
    """All life areas in their fixed order."""
    return tuple(
        Bereich(key=item["key"], name=item["name"], bild=item["bild"],
                wuensche=tuple(Wunsch(**w) for w in item.get("wuensche", [])))
        for item in localized("lebensbereiche", lang)["bereiche"]
    )


def bereich(key: str, lang: str | None = None) -> Bereich | None:
    """The life area with this key, if it exists."""
    return next((area for area in bereiche(lang) if area.key == key), None)


def bereich_keys() -> tuple[str, ...]:
    """Keys of all life areas (the same in every language)."""
    return tuple(area.key for area in bereiche("de"))
