"""The glossary of hard words: every mention of a glossary word links to its explanation."""
from __future__ import annotations

import re
from functools import lru_cache

from flask import url_for
from markupsafe import Markup, escape

from .content import localized


def woerter(lang: str | None = None) -> list[dict]:
    """Glossary entries of content/<lang>/woerterbuch.yml."""
    return localized("woerterbuch", lang)["woerter"]


def slug(word: str) -> str:
    """An id-safe form of a word."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "·": ""})
    return re.sub(r"[^a-z0-9]+", "-", word.lower().translate(table)).strip("-")


@lru_cache(maxsize=8)
def _patterns(entries: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[str, re.Pattern]]:
    """One pattern per glossary word, matching any of its forms (longest first)."""
    patterns = []
    for word, forms in entries:
        alternatives = sorted((re.escape(str(escape(f))) for f in forms), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w·>])(" + "|".join(alternatives) + r")(?![\w·])")
        patterns.append(("wort-" + slug(word), pattern))
    return patterns


def glossary_links(text: str) -> Markup:
    """Escape text and link the first mention of each glossary word in it to its explanation."""
    entries = tuple((entry["wort"], tuple(entry["formen"])) for entry in woerter())
    html = str(escape(text))
    target = url_for("pages.woerterbuch")
    for anchor, pattern in _patterns(entries):
        html = pattern.sub(lambda m, a=anchor: f'<a class="wort" href="{target}#{a}">{m.group(1)}</a>', html, count=1)
    return Markup(html)


def init_app(app) -> None:
    """Template filters: `woerter` links glossary words, `slug` makes anchors."""
    app.jinja_env.filters["woerter"] = glossary_links
    app.jinja_env.filters["slug"] = slug
