"""Read the Leichte Sprache texts kept in content/ (YAML that Prüfer:innen can review).

A text may name a value of the deployment in braces, e.g. „{k_min}“ for the smallest group staff may
see; the value is filled in when the page is built, so the text stays true when a deployment changes it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from flask import current_app

from .i18n import current_language

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=64)
def _read(path: Path, _mtime: float) -> dict:
    """Parse a YAML file; the modification time in the key reloads it after an edit."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def read_yaml(path: Path) -> dict:
    """Read a content file, parsed once per version of the file."""
    return _read(path, path.stat().st_mtime)


@lru_cache(maxsize=128)
def _filled(path: Path, mtime: float, values: tuple[tuple[str, str], ...]) -> dict:
    """A content file with the given values filled in, built once per version of the file and values."""
    return fill(_read(path, mtime), dict(values))


def content_dir() -> Path:
    """The content folder of the running app."""
    return Path(current_app.config["CONTENT_DIR"])


def fill(node, values: dict):
    """A copy of a content structure with every known {name} in its texts replaced by its value."""
    if isinstance(node, dict):
        return {key: fill(value, values) for key, value in node.items()}
    if isinstance(node, list):
        return [fill(value, values) for value in node]
    if isinstance(node, str) and "{" in node:
        return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), node)
    return node


def deployment_values() -> dict:
    """Values of this deployment that texts may name."""
    return {"k_min": current_app.config["K_MIN"]}


def localized(name: str, lang: str | None = None, values: dict | None = None) -> dict:
    """Read content/<lang>/<name>.yml, falling back to German, with the deployment's values filled in."""
    path = content_dir() / (lang or current_language()) / f"{name}.yml"
    path = path if path.exists() else content_dir() / "de" / f"{name}.yml"
    merged = {**deployment_values(), **(values or {})}
    return _filled(path, path.stat().st_mtime, tuple(sorted((k, str(v)) for k, v in merged.items())))


def baustein(name: str) -> str:
    """A text block of content/<lang>/bausteine.yml that several pages show word for word."""
    return localized("bausteine")[name].strip()


def init_app(app) -> None:
    """Template global `baustein`, so a page shows a shared text block (the consent statement, the code)."""
    app.jinja_env.globals["baustein"] = baustein

