"""Template helpers: versioned static URLs, error-summary targets, glossary links."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, render_template, request, url_for
from markupsafe import Markup, escape
from wtforms import RadioField, SelectMultipleField

from . import content
from .assist import tablet_minutes
from .i18n import current_language


def _versions(folder: Path) -> dict[str, str]:
    """A short content hash per static file, computed once at start-up."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        for path in folder.rglob("*") if path.is_file()
    }


def make_static_url(app: Flask):
    """URL builder for static files with their content version, so assets can be cached for a year.

    A plain closure, not url_for: it runs for every pictogram on every page.
    """
    folder = Path(app.static_folder)
    versions = _versions(folder)
    prefix = app.static_url_path

    def static_url(filename: str) -> str:
        if app.debug or filename not in versions:
            versions.update(_versions(folder))
        return f"{prefix}/{filename}?v={versions.get(filename, '0')}"

    return static_url


def zeilen(text: str) -> Markup:
    """One sentence per line: messages separate their sentences with line breaks."""
    return Markup("<br>").join(escape(line) for line in str(text).split("\n"))


def make_picto(static_url):
    """The pictogram beside a text: decorative, because the text says the same."""

    def picto(name: str, size: int = 48, cls: str = "picto") -> Markup:
        return Markup(
            f'<img class="{escape(cls)}" src="{static_url("pictograms/" + name + ".svg")}" alt="" '
            f'width="{int(size)}" height="{int(size)}">'
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


def _glossary_patterns(entries: list[dict]) -> list[tuple[str, re.Pattern]]:
    """One pattern per glossary word, matching any of its forms (longest first)."""
    patterns = []
    for entry in entries:
        forms = sorted((re.escape(str(escape(f))) for f in entry["formen"]), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w·>])(" + "|".join(forms) + r")(?![\w·])")
        patterns.append(("wort-" + slug(entry["wort"]), pattern))
    return patterns


_PATTERNS: dict[tuple, list[tuple[str, re.Pattern]]] = {}


def glossary_links(text: str) -> Markup:
    """Escape text and link the first mention of each glossary word in it to its explanation."""
    entries = content.woerter()
    key = tuple((entry["wort"], tuple(entry["formen"])) for entry in entries)
    patterns = _PATTERNS.get(key)
    if patterns is None:
        patterns = _PATTERNS[key] = _glossary_patterns(entries)
    html = str(escape(text))
    target = url_for("pages.woerterbuch")
    for anchor, pattern in patterns:
        html = pattern.sub(lambda m, a=anchor: f'<a class="wort" href="{target}#{a}">{m.group(1)}</a>', html, count=1)
    return Markup(html)


def slug(word: str) -> str:
    """An id-safe form of a word."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "·": ""})
    return re.sub(r"[^a-z0-9]+", "-", word.lower().translate(table)).strip("-")


@lru_cache(maxsize=2048)
def _shell(template: str, lang: str, endpoint: str | None, blueprint: str | None, weiter: str,
           tablet_minutes: int | None, _script_root: str) -> Markup:
    """Header or footer for one combination of language, page and tablet mode."""
    return Markup(render_template(
        template, endpoint=endpoint, blueprint=blueprint, weiter=weiter, tablet_minutes=tablet_minutes,
        other_languages=[code for code in current_app.config["LANGUAGES"] if code != lang],
    ))


def shell(template: str) -> Markup:
    """The page frame is the same for every visitor of a page: render it once, then reuse it.

    It holds nothing personal (no token, no answer); the key covers everything it depends on.
    """
    weiter = request.full_path if request.method == "GET" else "/"
    render = _shell.__wrapped__ if current_app.debug else _shell
    return render(template, current_language(), request.endpoint, request.blueprint, weiter,
                  tablet_minutes(), request.script_root)


def init_app(app: Flask) -> None:
    """Register the helpers."""
    static_url = make_static_url(app)
    app.jinja_env.globals.update(static_url=static_url, picto=make_picto(static_url), field_target=field_target,
        zeilen=zeilen, shell=shell,
    )
    app.jinja_env.filters["woerter"] = glossary_links
    app.jinja_env.filters["slug"] = slug
