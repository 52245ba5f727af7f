"""Template helpers: versioned static URLs, pictograms, one sentence per line, error-summary targets."""
from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask
from markupsafe import Markup, escape
from wtforms import RadioField, SelectMultipleField

# Every pictogram is a symbol in one sprite, so a page needs one request for all of them.
SPRITE = "pictograms/sprite.svg"


def _versions(folder: Path) -> dict[str, str]:
    """A short content hash per static file."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        for path in folder.rglob("*") if path.is_file()
    }


def make_static_url(app: Flask):
    """URL builder for static files with their content version, so assets can be cached for a year."""
    folder = Path(app.static_folder)
    versions = _versions(folder)
    prefix = app.static_url_path

    def static_url(filename: str) -> str:
        if app.debug or filename not in versions:
            versions.update(_versions(folder))
        return f"{prefix}/{filename}?v={versions.get(filename, '0')}"

    return static_url


def zeilen(text: str) -> Markup:
    """One sentence per line: messages separate their sentences with line breaks (markup, e.g. a link, stays)."""
    text = text if isinstance(text, Markup) else str(text)
    return Markup("<br>").join(escape(line) for line in text.split("\n"))


def make_picto(static_url):
    """The pictogram beside a text: decorative (hidden from screen readers), because the text says the same."""

    def picto(name: str, size: int = 48, cls: str = "picto") -> Markup:
        return Markup(
            f'<svg class="{escape(cls)}" width="{int(size)}" height="{int(size)}" aria-hidden="true" focusable="false">'
            f'<use href="{static_url(SPRITE)}#{escape(name)}"></use></svg>'
        )

    return picto


def field_target(form, field) -> str:
    """The id an error-summary link jumps to: the first option for choices."""
    if field.name == "csrf_token":
        fields = [f for f in form if f.name != "csrf_token"]
        if not fields:
            return "inhalt"
        field = fields[0]
    if isinstance(field, (RadioField, SelectMultipleField)):
        return f"{field.name}-0"
    return field.name


def init_app(app: Flask) -> None:
    """Register the helpers as template globals."""
    static_url = make_static_url(app)
    app.jinja_env.globals.update(
        static_url=static_url, picto=make_picto(static_url), field_target=field_target, zeilen=zeilen
    )
