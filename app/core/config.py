"""Configuration from environment variables, with safe defaults for a single machine."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _instance_secret(instance: Path, name: str) -> str:
    """Return a secret stored in instance/, generating it once on first use."""
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / name
    if not path.exists():
        # Written once with owner-only permissions, so restarts keep sessions and code hashes valid.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def _flag(name: str, default: bool) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


class Config:
    """Settings for a real deployment; every value can be overridden by the environment."""

    def __init__(self, instance: Path | None = None) -> None:
        instance = instance or Path(os.environ.get("MITREDEN_INSTANCE", ROOT / "instance"))
        self.INSTANCE_PATH = instance
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or _instance_secret(instance, "secret_key")
        # A separate key for personal codes: rotating the session key must not orphan codes.
        self.CODE_KEY = os.environ.get("CODE_KEY") or _instance_secret(instance, "code_key")
        self.DATABASE_URL = os.environ.get(
            "DATABASE_URL", f"sqlite:///{instance / 'mitreden.sqlite3'}"
        )
        self.K_MIN = int(os.environ.get("K_MIN", "5"))
        self.SESSION_COOKIE_SECURE = _flag("COOKIE_SECURE", True)
        # Reverse proxies in front of the app (nginx: 1). Their X-Forwarded-For/-Proto are then trusted,
        # so rate limits count the real client, not the proxy. 0: the app faces the network itself.
        self.TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
        # The city or cities of this deployment, e.g. "Bremen,Bremerhaven": only their Sozialräume are
        # offered to Nutzer:innen. Empty: every Sozialraum of content/sozialraeume.yml.
        # Minutes without use after which a staff member is signed out.
        self.STAFF_IDLE_MINUTES = int(os.environ.get("STAFF_IDLE_MINUTES", "30"))
        # Demo staff accounts with published passwords (flask load-demo-staff): only where this is set on purpose.
        self.DEMO_ACCOUNTS = _flag("DEMO_ACCOUNTS", False)
        self.STAEDTE = tuple(city.strip() for city in os.environ.get("STAEDTE", "").split(",") if city.strip())

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_NAME = "mitreden"
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 12
    BABEL_DEFAULT_LOCALE = "de"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    LANGUAGES = ("de", "en")
    # Flask-WTF checks the token inside each form, so an expired token becomes a normal
    # form error and the answers on the page are shown again instead of a bare 400 page.
    WTF_CSRF_CHECK_DEFAULT = False
    WTF_CSRF_TIME_LIMIT = 60 * 60 * 4
    # Every form message is our own Leichte Sprache text; WTForms' catalogues would only cost time.
    WTF_I18N_ENABLED = False
    TEXT_MAX = 300
    DRAFT_MAX_AGE_HOURS = 24
    # Wrong codes allowed within the window: 5 for the same 3 words (guessing the number of a known code),
    # 40 from one address (a workshop room behind one router makes typos, an attacker makes many guesses).
    CODE_ATTEMPTS_PER_CODE = 5
    CODE_ATTEMPTS_PER_ADDRESS = 40
    CODE_ATTEMPTS_WINDOW_MINUTES = 15
    # Wrong workshop join codes per client address in that window: a room of 60 behind one router may mistype.
    JOIN_ATTEMPTS_PER_ADDRESS = 100
    # Minutes without use after which a person signed in with their code is signed out, and a draft
    # holding saved answers (the done page, a change through Mein Code) is forgotten.
    SIGNED_IN_IDLE_MINUTES = 15
    # Staff sign-in tries (password or second factor) allowed within the window: per login name, per address.
    STAFF_ATTEMPTS_PER_NAME = 5
    STAFF_ATTEMPTS_PER_ADDRESS = 30
    STAFF_ATTEMPTS_WINDOW_MINUTES = 15
    # Hours a one-time sign-up or reset link for a staff account stays valid.
    STAFF_LINK_HOURS = 72
    # Seconds before the end of STAFF_IDLE_MINUTES at which staff pages warn (WCAG 2.2.1).
    STAFF_WARN_SECONDS = 120
    SEND_FILE_MAX_AGE_DEFAULT = 60 * 60 * 24 * 365
    MAX_CONTENT_LENGTH = 64 * 1024
    ANREDE = "Sie"
    # Tablet mode: seconds per chosen minute (tests shorten it) and the grace time after the warning.
    TABLET_MINUTE_SECONDS = 60
    TABLET_GRACE_SECONDS = 60
    CONTENT_DIR = ROOT / "content"
    # Responses are compressed (Flask-Compress): brotli where the browser takes it, gzip otherwise.
    # Level 6 makes pages about a tenth smaller than the default 4 for about 1 ms of work.
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_BR_LEVEL = 6
    COMPRESS_MIMETYPES = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"]
    TESTING = False


class TestConfig(Config):
    """Settings for the test suite: a throwaway database (SQLite unless given) and plain-http cookies."""

    TESTING = True

    def __init__(self, instance: Path, database_url: str | None = None) -> None:
        super().__init__(instance)
        self.DATABASE_URL = database_url or f"sqlite:///{instance / 'test.sqlite3'}"
        self.SESSION_COOKIE_SECURE = False
