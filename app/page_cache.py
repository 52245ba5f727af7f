"""Pages rendered once and reused for everyone who would see the same page.

A question page looks the same for every person at the same step with the same boxes ticked;
only the CSRF token and text the person typed differ. Those personal values are never rendered
into a cached page: the page is rendered with a marker in their place, and the values are filled
in for each response ("donut caching"). So the cache holds no words of a person and no token,
and a page from the cache cannot show one person's text to another.

Everything the template can see is part of the key (language, tablet mode, path with query, the
template's context, the form's choices and errors), so a cached page is the page a fresh render
would give. Views may instead name a page by a short key (cached_view), so that forms are built
only when the page is not kept yet; tests/test_page_cache_twin.py compares every page of several
walks through the flow with a fresh render. Every page, hit or miss, takes the same fill-in path.

The CSRF token of a session is reused for a few minutes rather than signed for every page.
"""
from __future__ import annotations

import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import is_dataclass

from flask import current_app, g, render_template, request, session
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape
from wtforms import Field, StringField

from .assist import tablet_minutes
from .i18n import current_language

# A fresh marker per process: text typed by a person can never be taken for a hole.
_NONCE = secrets.token_hex(6)
_HOLE = re.compile(rf"@@{_NONCE}:([a-z0-9_-]+)@@")
_TOKEN_HOLE = f"@@{_NONCE}:csrf_token@@"


class Lru:
    """A small least-recently-used store (of pages, or of tokens), safe for threaded servers."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        """The value for this key, if kept."""
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        """Keep a value, dropping the least recently used beyond the size."""
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def values(self) -> list:
        """Everything kept (tests check that no kept page holds anything personal)."""
        with self._lock:
            return list(self._entries.values())


class Personal:
    """A person's own words in a page's context: printed escaped, but never part of a key or a kept page."""

    __slots__ = ("name", "value")

    def __init__(self, name: str, value: str) -> None:
        self.name, self.value = name, value

    def __html__(self) -> str:
        return _marker(self.name) if g.get("page_holes") else str(escape(self.value))

    def __str__(self) -> str:
        return self.value


def freeze(value, personal: dict[str, str] | None = None) -> object:
    """A hashable form of a template value; unknown types are refused, so no input is missed.

    Personal values go into `personal` by name; only the name is part of the result.
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Personal):
        if personal is None:
            raise TypeError("page_cache needs a place for personal values")
        personal[value.name] = value.value
        return ("personal", value.name)
    if isinstance(value, (list, tuple)):
        return tuple(freeze(item, personal) for item in value)
    if isinstance(value, dict):
        return tuple((key, freeze(item, personal)) for key, item in value.items())
    if is_dataclass(value) and value.__dataclass_params__.frozen:
        return value
    raise TypeError(f"page_cache cannot key on {type(value).__name__}")


def _personal(field: Field) -> bool:
    """Fields whose value is the person's own words (text fields and text areas)."""
    return isinstance(field, StringField)


def _form_state(form) -> tuple:
    """What a form shows apart from personal text and the token: choices, ticks, errors."""
    state = []
    for field in form:
        if _personal(field):  # the CSRF token's hidden field is a text field too
            state.append((field.name, tuple(map(str, field.errors))))
        else:
            state.append((field.name, freeze(field.data), freeze(getattr(field, "choices", None)),
                          tuple(map(str, field.errors))))
    return tuple(state)


def _marker(name: str) -> Markup:
    """The hole for a personal value in a page that is rendered to be kept."""
    return Markup(f"@@{_NONCE}:{name}@@")


# A signed CSRF token stays valid for WTF_CSRF_TIME_LIMIT (hours); signing one for every page was a
# fifth of a page's time. So a session's token is reused for a tenth of that time, at most 10 minutes.
TOKEN_REUSE_SECONDS = 600


def page_token() -> str:
    """Flask-WTF's CSRF token for this session, reused for up to TOKEN_REUSE_SECONDS after it was signed."""
    tokens: Lru | None = current_app.extensions.get("csrf_tokens")
    raw = session.get("csrf_token")
    kept = tokens.get(raw) if tokens is not None and raw else None
    reuse = min(TOKEN_REUSE_SECONDS, (current_app.config.get("WTF_CSRF_TIME_LIMIT") or 3600) / 10)
    fresh = kept is not None and time.monotonic() - kept[0] < reuse
    if "csrf_token" in g:  # this request has one already (reused, or signed by a form)
        token = g.csrf_token
    elif fresh:
        token = g.csrf_token = kept[1]  # where Flask-WTF keeps it, so forms of this request use the same
    else:
        token = generate_csrf()
    if tokens is not None and not (fresh and kept[1] == token):
        # Only a newly signed token is kept with the time now; a reused one keeps its own time.
        tokens.put(session["csrf_token"], (time.monotonic(), token))
    return token


def csrf_token() -> str:
    """The CSRF token for templates; a hole while a page is rendered for the cache."""
    return _marker("csrf_token") if g.get("page_holes") else page_token()


def personal_value(field: Field) -> Markup | str:
    """A text field's value in a template; a hole while a page is rendered for the cache."""
    return _marker(field.name) if g.get("page_holes") else (field.data or "")


def _fill(skeleton: str, values: dict[str, str]) -> str:
    """Put the escaped personal values into the holes, in one pass."""
    return _HOLE.sub(lambda match: str(escape(values[match.group(1)])), skeleton)


def _serve(key: tuple, personal: dict[str, str], render: Callable[[], str]) -> str:
    """The kept page for this key, or render() it with holes and keep it; then fill in the personal values."""
    cache: Lru | None = current_app.extensions.get("page_cache")
    full_key = (current_language(), tablet_minutes(), request.full_path, *key)
    skeleton = cache.get(full_key) if cache is not None else None
    if skeleton is None:
        g.page_holes = True
        try:
            skeleton = render()
        finally:
            g.page_holes = False
        if cache is not None:
            cache.put(full_key, skeleton)
    if _TOKEN_HOLE in skeleton:  # pages without a form need no token (and set no cookie)
        personal = {"csrf_token": page_token(), **personal}
    return _fill(skeleton, personal)


def render_page(template: str, *, form=None, key: tuple | None = None, **context) -> str:
    """Render a page that holds nothing personal except the token, typed text and Personal values.

    The key is the template's whole context, frozen; `key` replaces it where the context is large but
    versioned (content pages).
    """
    personal: dict[str, str] = {}
    page_key = (template, key if key is not None else freeze(context, personal),
                _form_state(form) if form is not None else None)
    if form is not None:
        personal.update((field.name, field.data or "") for field in form
                        if _personal(field) and field.name != "csrf_token")
    return _serve(page_key, personal, lambda: render_template(template, form=form, **context))


def cached_view(key: tuple, typed: dict[str, str], build: Callable[[], str]) -> str:
    """A page named by a short key from its view, so that build() (forms and all) runs only the first time.

    The view's key must name everything build() shows apart from the `typed` text, which fills the
    holes of the text fields with those names.
    """
    return _serve(("view", *key), typed, build)


def init_app(app) -> None:
    """Create the cache (none in debug mode, where templates reload) and the template helpers."""
    if not app.debug and app.config.get("PAGE_CACHE_SIZE", 0) > 0:
        app.extensions["page_cache"] = Lru(app.config["PAGE_CACHE_SIZE"])
        app.extensions["csrf_tokens"] = Lru(4 * app.config["PAGE_CACHE_SIZE"])
    app.jinja_env.globals.update(csrf_token=csrf_token, personal_value=personal_value)

    @app.context_processor
    def _csrf_hole() -> dict:
        # Flask-WTF puts its own csrf_token into every template context; ours must win there too,
        # or a cached page would carry the token of the person who happened to render it first.
        return {"csrf_token": csrf_token}
