"""Locale choice: the language switch (remembered in a cookie), then the browser, then German."""
from __future__ import annotations

from flask import Flask, current_app, request
from flask_babel import get_locale

LANG_COOKIE = "mitreden_sprache"


def select_locale() -> str:
    """Pick the locale for this request."""
    languages = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or languages[0]


def current_language() -> str:
    """Return the two-letter language of this request."""
    return str(get_locale() or "de")[:2]


def init_app(app: Flask) -> None:
    """Make the language available to every template."""

    app.jinja_env.globals["current_language"] = current_language

    @app.context_processor
    def _language() -> dict:
        lang = current_language()
        other = [code for code in app.config["LANGUAGES"] if code != lang]
        return {"lang": lang, "other_languages": other}
