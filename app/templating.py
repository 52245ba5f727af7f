"""Template helpers: versioned static URLs, error-summary targets, glossary links."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, url_for
from markupsafe import Markup, escape
from wtforms import RadioField, SelectMultipleField

from . import content


@lru_cache(maxsize=256)
def _file_version(path: Path, _mtime: float) -> str:
    """A short content hash, so assets can be cached for a year and still update."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def static_url(filename: str) -> str:
    """URL of a static file with its content version."""
    path = Path(current_app.static_folder) / filename
    return url_for("static", filename=filename, v=_file_version(path, path.stat().st_mtime))


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


def glossary_links(text: str, skip: str | None = None) -> Markup:
    """Escape text and link the first mention of each glossary word to its explanation."""
    html = str(escape(text))
    for entry in content.woerter():
        anchor = "wort-" + slug(entry["wort"])
        if entry["wort"] == skip:
            continue
        for form in sorted(entry["formen"], key=len, reverse=True):
            pattern = re.compile(r"(?<![\w·>])(" + re.escape(str(escape(form))) + r")(?![\w·])")
            if pattern.search(html) and 'href="' + url_for("pages.woerterbuch") + "#" + anchor not in html:
                html = pattern.sub(
                    lambda m: f'<a class="wort" href="{url_for("pages.woerterbuch")}#{anchor}">{m.group(1)}</a>',
                    html, count=1,
                )
                break
    return Markup(html)


def slug(word: str) -> str:
    """An id-safe form of a word."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "·": ""})
    return re.sub(r"[^a-z0-9]+", "-", word.lower().translate(table)).strip("-")


def init_app(app: Flask) -> None:
    """Register the helpers."""
    app.jinja_env.globals.update(static_url=static_url, field_target=field_target)
    app.jinja_env.filters["woerter"] = glossary_links
    app.jinja_env.filters["slug"] = slug
