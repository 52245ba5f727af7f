"""Load the Leichte Sprache texts kept in content/ (YAML that Prüfer:innen can review)."""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from flask import current_app

from .i18n import current_language

PAGES = ("start", "hilfe", "daten", "ueber")


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

    def wunsch(self, key: str) -> Wunsch | None:
        """Return the suggested wish with this key, if any."""
        return next((w for w in self.wuensche if w.key == key), None)


@lru_cache(maxsize=64)
def _read(path: Path, _mtime: float) -> dict:
    """Parse a YAML file; the mtime in the key reloads it after an edit."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


# Content files are checked for edits at most once a second: a stat on every use was a
# noticeable share of a page's time, and an edit still shows up without a restart.
_CHECKED: dict[Path, tuple[float, float | None]] = {}


def _mtime(path: Path) -> float | None:
    """Modification time of a content file (None if it does not exist), re-read once a second."""
    now = time.monotonic()
    checked = _CHECKED.get(path)
    if checked is None or now - checked[0] > 1.0:
        try:
            mtime: float | None = path.stat().st_mtime
        except FileNotFoundError:
            mtime = None
        checked = _CHECKED[path] = (now, mtime)
    return checked[1]


def read_yaml(path: Path) -> dict:
    """Read a content file, cached until it changes."""
    return _read(path, _mtime(path))


def content_dir() -> Path:
    """The content folder of the running app."""
    return Path(current_app.config["CONTENT_DIR"])


@lru_cache(maxsize=256)
def _candidates(directory: str, name: str, lang: str) -> tuple[Path, Path]:
    """content/<lang>/<name>.yml and its German fallback (built once: paths are looked up on every page)."""
    return Path(directory) / lang / f"{name}.yml", Path(directory) / "de" / f"{name}.yml"


def _localized_path(name: str, lang: str) -> Path:
    """content/<lang>/<name>.yml, falling back to German."""
    path, german = _candidates(str(current_app.config["CONTENT_DIR"]), name, lang)
    return path if _mtime(path) is not None else german


def version(name: str, lang: str | None = None) -> tuple[str, float | None]:
    """Which file and which edit of it a localized content page comes from (for page_cache keys)."""
    path = _localized_path(name, lang or current_language())
    return str(path), _mtime(path)


def localized(name: str, lang: str | None = None) -> dict:
    """Read content/<lang>/<name>.yml, falling back to German."""
    return read_yaml(_localized_path(name, lang or current_language()))


@lru_cache(maxsize=16)
def _bereiche(path: Path, mtime: float) -> tuple[tuple[Bereich, ...], dict[str, Bereich]]:
    """Life areas of one content file in order and by key, built once per version of the file."""
    areas = tuple(
        Bereich(
            key=item["key"],
            name=item["name"],
            bild=item["bild"],
            wuensche=tuple(Wunsch(**w) for w in item.get("wuensche", [])),
        )
        for item in _read(path, mtime)["bereiche"]
    )
    return areas, {area.key: area for area in areas}


def bereiche(lang: str | None = None) -> tuple[Bereich, ...]:
    """All life areas in their fixed order."""
    return _areas(lang)[0]


def _areas(lang: str | None) -> tuple[tuple[Bereich, ...], dict[str, Bereich]]:
    """The cached life areas of a language."""
    path = _localized_path("lebensbereiche", lang or current_language())
    return _bereiche(path, _mtime(path))


def bereich(key: str, lang: str | None = None) -> Bereich | None:
    """The life area with this key, if it exists."""
    return _areas(lang)[1].get(key)


def bereich_keys() -> tuple[str, ...]:
    """Keys of all life areas (language-independent)."""
    return tuple(b.key for b in bereiche("de"))


def woerter(lang: str | None = None) -> list[dict]:
    """Glossary entries."""
    return localized("woerterbuch", lang)["woerter"]


def sozialraeume_file(directory: Path) -> list[dict]:
    """The Sozialräume shipped with the deployment."""
    return read_yaml(directory / "sozialraeume.yml")["sozialraeume"]
