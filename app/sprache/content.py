"""Read the Leichte Sprache texts kept in content/ (YAML that Prüfer:innen can review)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from flask import current_app

from .i18n import current_language


@lru_cache(maxsize=64)
def _read(path: Path, _mtime: float) -> dict:
    """Parse a YAML file; the modification time in the key reloads it after an edit."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def read_yaml(path: Path) -> dict:
    """Read a content file, parsed once per version of the file."""
    return _read(path, path.stat().st_mtime)


def content_dir() -> Path:
    """The content folder of the running app."""
    return Path(current_app.config["CONTENT_DIR"])


def localized(name: str, lang: str | None = None) -> dict:
    """Read content/<lang>/<name>.yml, falling back to German."""
    path = content_dir() / (lang or current_language()) / f"{name}.yml"
    return read_yaml(path if path.exists() else content_dir() / "de" / f"{name}.yml")
