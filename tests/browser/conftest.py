"""Headless Chromium against the app served on localhost, with axe-core 4.x from node_modules."""
from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import make_server

from app import TestConfig, create_app
from tests.databases import DATABASES

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TABLET = (1024, 768)
PHONE = (390, 844)


@pytest.fixture(scope="session", params=DATABASES)
def live_server(request, databases, tmp_path_factory):
    """The app in a background thread on a free port, on each database in turn; tablet timers shortened."""
    instance = tmp_path_factory.mktemp("instance")
    url = databases.fresh(request.param, instance)
    config = TestConfig(instance, url)
    config.TABLET_MINUTE_SECONDS = 1
    config.TABLET_GRACE_SECONDS = 3
    # Every browser comes from 127.0.0.1: the limit per address is tested in request tests, not here.
    config.CODE_ATTEMPTS_PER_ADDRESS = 10_000
    app = create_app(config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", app
    server.shutdown()
    app.extensions["db_engine"].dispose()
    databases.drop(request.param, url)


def make_driver(javascript: bool = True, size: tuple[int, int] = TABLET) -> webdriver.Chrome:
    """A fresh headless Chromium with its own profile."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="mitreden-chromium-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync", "--disable-quic", f"--user-data-dir={profile}", "--lang=de-DE"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "intl.accept_languages": "de-DE,de",
        **({} if javascript else {"profile.managed_default_content_settings.javascript": 2}),
    })
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_window_size(*size)
    driver.implicitly_wait(0)
    return driver


@pytest.fixture
def driver():
    """A JavaScript-enabled browser at tablet size."""
    browser = make_driver()
    yield browser
    browser.quit()


@pytest.fixture
def nojs_driver():
    """A browser with JavaScript switched off."""
    browser = make_driver(javascript=False)
    yield browser
    browser.quit()
