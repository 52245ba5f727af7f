"""Locale choice: the language switch (remembered in a cookie), then the browser, then German."""
from __future__ import annotations

from functools import lru_cache

from babel import Locale
from flask import Flask, current_app, g, has_request_context, request
from flask_babel import get_translations
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

LANG_COOKIE = "mitreden_sprache"

# Parsed once: Flask-Babel would parse the code (and look for locale data files) on every request.
_LOCALES: dict[str, Locale] = {}


def select_locale() -> Locale:
    """Pick the locale for this request."""
    languages = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen not in languages:
        chosen = _from_browser(request.headers.get("Accept-Language", ""), tuple(languages))
    locale = _LOCALES.get(chosen)
    if locale is None:
        locale = _LOCALES[chosen] = Locale.parse(chosen)
    return locale


@lru_cache(maxsize=512)
def _from_browser(header: str, languages: tuple[str, ...]) -> str:
    """The best language for an Accept-Language header (browsers send few different ones: parsed once each)."""
    return parse_accept_header(header, LanguageAccept).best_match(languages) or languages[0]


def _catalogue():
    """This request's translations, looked up once per request (and loaded once per language)."""
    catalogue = g.get("catalogue")
    if catalogue is None:
        catalogues = current_app.extensions.setdefault("catalogues", {})
        lang = current_language()
        catalogue = catalogues.get(lang)
        if catalogue is None:
            catalogue = catalogues[lang] = get_translations()
        g.catalogue = catalogue
    return catalogue


def gettext(text: str, **variables) -> str:
    """Translate a message of Python code with this request's catalogue (looked up once per request).

    Does what flask_babel.gettext does, without finding the catalogue again on every call.
    """
    translated = _catalogue().ugettext(text)
    return translated % variables if variables else translated


def current_language() -> str:
    """Return the two-letter language of this request (looked up once per request)."""
    lang = g.get("lang")
    if lang is None:
        # The same choice Flask-Babel makes (select_locale is its selector), without its machinery.
        lang = g.lang = select_locale().language if has_request_context() else current_app.config["LANGUAGES"][0]
    return lang


def init_app(app: Flask) -> None:
    """Make the language available to every template."""

    app.jinja_env.globals["current_language"] = current_language
    # Templates call gettext dozens of times per page: look the catalogue up once per request.
    # (Jinja's new-style wrapper escapes and fills in the %(name)s variables itself.)
    app.jinja_env.install_gettext_callables(
        lambda text: _catalogue().ugettext(text),
        lambda singular, plural, n: _catalogue().ungettext(singular, plural, n),
        newstyle=True,
    )

    @app.context_processor
    def _language() -> dict:
        lang = current_language()
        other = [code for code in app.config["LANGUAGES"] if code != lang]
        return {"lang": lang, "other_languages": other}
