"""Security headers on every response and no caching of personal pages."""
from __future__ import annotations

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface

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


# The same on every response: added as one list (Flask's header-by-header setting costs more).
HEADERS = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Pragma", "no-cache"),
]


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with its signing serializer built once instead of on every request."""

    def get_signing_serializer(self, app: Flask):
        """The app's serializer (the secret key does not change while the app runs)."""
        serializer = app.extensions.get("session_serializer")
        if serializer is None:
            serializer = app.extensions["session_serializer"] = super().get_signing_serializer(app)
        return serializer


def init_app(app: Flask) -> None:
    """Register the header hook and the session interface."""
    app.session_interface = SessionInterface()

    @app.after_request
    def _headers(response: Response) -> Response:
        if request.endpoint == "static":
            response.headers.extend(HEADERS[:-1])
            return response
        response.headers.extend(HEADERS)
        # Pages may show a person's answers: a shared tablet's back button must show nothing.
        response.headers["Cache-Control"] = "no-store"
        return response
