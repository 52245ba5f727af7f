"""The glossary of hard words: a glossary word links to its explanation at its first mention on a page."""
from __future__ import annotations

import re
from functools import lru_cache

from flask import g, url_for
from markupsafe import Markup, escape

from . import content
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


def _linked_on_this_page() -> set[str]:
    """The glossary anchors already linked while rendering this page (a page is built from many text blocks)."""
    if "glossar_verlinkt" not in g:
        g.glossar_verlinkt = set()
    return g.glossar_verlinkt


def glossary_links(text: str) -> Markup:
    """Escape text and link each glossary word to its explanation, only at its first mention on the page."""
    entries = tuple((entry["wort"], tuple(entry["formen"])) for entry in woerter())
    html = str(escape(text))
    target = url_for("pages.woerterbuch")
    linked = _linked_on_this_page()
    for anchor, pattern in _patterns(entries):
        if anchor in linked:
            continue
        html, count = pattern.subn(
            lambda m, a=anchor: f'<a class="wort" href="{target}#{a}">{m.group(1)}</a>', html, count=1)
        if count:
            linked.add(anchor)
    return Markup(html)


def init_app(app) -> None:
    """Template filters: `woerter` links glossary words, `slug` makes anchors; and the content globals."""
    app.jinja_env.filters["woerter"] = glossary_links
    app.jinja_env.filters["slug"] = slug
    content.init_app(app)
