"""Mitreden: the application factory."""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import cli, db, i18n, page_cache, security, templating
from .config import ROOT, Config, TestConfig
from .extensions import babel, csrf


def create_app(test_config: Config | None = None) -> Flask:
    """Create the app: configuration, extensions, blueprints, error pages."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    config = test_config or Config()
    app.config.from_object(config)
    app.instance_path = str(Path(config.INSTANCE_PATH))

    db.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    i18n.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    page_cache.init_app(app)
    cli.init_app(app)

    from .assist import bp as assist_bp
    from .assist import init_app as init_assist
    from .errors import init_app as init_errors
    from .meincode import bp as code_bp
    from .pages import bp as pages_bp
    from .wille.views import bp as wille_bp

    app.register_blueprint(pages_bp)
    app.register_blueprint(wille_bp)
    app.register_blueprint(code_bp)
    app.register_blueprint(assist_bp)
    init_assist(app)
    init_errors(app)
    return app


__all__ = ["create_app", "TestConfig"]
