"""Configuration: secrets made once, environment overrides."""


def test_secret_key_generated_once_and_reused(tmp_path, monkeypatch):
    from app.core.config import TestConfig

    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = TestConfig(tmp_path)
    second = TestConfig(tmp_path)
    assert first.SECRET_KEY == second.SECRET_KEY and len(first.SECRET_KEY) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert TestConfig(tmp_path / "other").SECRET_KEY != first.SECRET_KEY


def test_environment_overrides(tmp_path, monkeypatch):
    from app.core.config import Config

    monkeypatch.setenv("MITREDEN_INSTANCE", str(tmp_path))
    monkeypatch.setenv("K_MIN", "7")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///" + str(tmp_path / "x.db"))
    monkeypatch.setenv("SECRET_KEY", "from-env")
    config = Config()
    assert config.K_MIN == 7 and config.DATABASE_URL.endswith("x.db") and config.SECRET_KEY == "from-env"


def test_behind_a_trusted_proxy_the_client_address_is_the_forwarded_one(tmp_path, monkeypatch):
    from flask import request

    from app import create_app
    from app.core.config import TestConfig

    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    app = create_app(TestConfig(tmp_path))
    app.add_url_rule("/adresse", "adresse", lambda: request.remote_addr)
    headers = {"X-Forwarded-For": "203.0.113.7"}
    assert app.test_client().get("/adresse", headers=headers).get_data(as_text=True) == "203.0.113.7"
    monkeypatch.setenv("TRUSTED_PROXIES", "0")
    direct = create_app(TestConfig(tmp_path))
    direct.add_url_rule("/adresse", "adresse", lambda: request.remote_addr)
    assert direct.test_client().get("/adresse", headers=headers).get_data(as_text=True) == "127.0.0.1"
    for one in (app, direct):
        one.extensions["db_engine"].dispose()
