"""Mitreden: the application factory."""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from .core import cli as core_cli
from .core import assets, converters, db, errors, security
from .core.config import ROOT, Config, TestConfig
from .core.extensions import babel, compress, csrf
from .drafts import cli as drafts_cli
from .freigabe.staff import bp as freigabe_bp
from .mein_code import cli as mein_code_cli
from .mein_code.views import bp as mein_code_bp
from .pages.views import bp as pages_bp
from .results.staff import bp as results_bp
from .sozialraum import cli as sozialraum_cli
from .sprache import cli as sprache_cli
from .sprache import glossary, i18n
from .staff import cli as staff_cli
from .staff import views as staff
from .tablet import views as tablet
from .ui import helpers
from .wille import cli as wille_cli
from .workshops import cli as workshops_cli
from .wille.views import bp as wille_bp
from .workshops import staff as workshops_staff
from .workshops.views import bp as workshops_bp


def create_app(test_config: Config | None = None) -> Flask:
    """Create the app: configuration, extensions, helpers, one line per room, error pages."""
    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    config = test_config or Config()
    app.config.from_object(config)
    app.instance_path = str(Path(config.INSTANCE_PATH))
    if config.TRUSTED_PROXIES:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=config.TRUSTED_PROXIES, x_proto=config.TRUSTED_PROXIES)

    converters.init_app(app)
    db.init_app(app)
    csrf.init_app(app)
    compress.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    i18n.init_app(app)
    glossary.init_app(app)
    helpers.init_app(app)
    security.init_app(app)
    assets.init_app(app)
    errors.init_app(app)
    for commands in (core_cli, sprache_cli, drafts_cli, mein_code_cli, sozialraum_cli, wille_cli, workshops_cli, staff_cli):
        commands.init_app(app)

    app.register_blueprint(pages_bp)
    app.register_blueprint(wille_bp)
    app.register_blueprint(mein_code_bp)
    app.register_blueprint(workshops_bp)
    app.register_blueprint(tablet.bp)
    app.register_blueprint(freigabe_bp)
    app.register_blueprint(results_bp)
    tablet.init_app(app)
    staff.init_app(app)
    app.register_blueprint(workshops_staff.bp)
    return app


__all__ = ["create_app", "TestConfig"]
