"""Security headers on every response, and which pages a browser may keep.

A page that may show a person's answers is `no-store`: on a shared tablet the back button must
show nothing of the person before. Pages that show nothing personal say so with @shareable; they
are `no-cache`, so „Zurück“ can use the browser's back-forward cache. A device in tablet mode
keeps nothing at all (keep_private). Static files get their own header (core/assets.py).
"""
from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, Response, g, request

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# A stylesheet, script or the sprite needs only these (each header costs bytes on a first visit). A policy
# only binds a document: an SVG can be opened as one, a stylesheet or a script cannot.
ASSET_HEADERS = {name: HEADERS[name] for name in ("Content-Security-Policy", "X-Content-Type-Options")}
DOCUMENT_ASSETS = ("image/svg+xml",)
# What a versioned, immutable asset needs no more: its Cache-Control says it all, and its ETag serves checks.
REDUNDANT_FOR_ASSETS = ("Expires", "Last-Modified", "Accept-Ranges")


def shareable(view):
    """Mark a view whose page shows nothing of a person: the browser may keep it for „Zurück“."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        g.shareable = True
        return view(*args, **kwargs)

    return wrapper


def keep_private() -> None:
    """This response must not be kept by the browser, whatever the view says (tablet mode)."""
    g.keep_private = True


def cache_control() -> str:
    """The Cache-Control header of a page."""
    if g.get("shareable") and not g.get("keep_private"):
        return "no-cache"
    return "no-store"


def init_app(app: Flask) -> None:
    """Register the header hook."""

    @app.after_request
    def _headers(response: Response) -> Response:
        if request.endpoint == "static":
            response.headers["X-Content-Type-Options"] = ASSET_HEADERS["X-Content-Type-Options"]
            if response.mimetype in DOCUMENT_ASSETS:
                response.headers["Content-Security-Policy"] = ASSET_HEADERS["Content-Security-Policy"]
            for name in REDUNDANT_FOR_ASSETS:
                response.headers.pop(name, None)
            return response
        response.headers.update(HEADERS)
        response.headers["Cache-Control"] = cache_control()
        return response


def local_path(target: str | None) -> str | None:
    """The target if it is a path on this site (to follow after a switch or a sign-in), else None."""
    # Control characters could split the header; a backslash turns "/\\host" into another site for browsers.
    if not target or any(ord(ch) < 32 or ch == "\\" for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target
