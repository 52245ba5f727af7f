"""The staff layout in Chromium: fits 1280×800 and 1024×768, no Nutzer:in header parts, the idle warning (axe with
the dialog open, „Angemeldet bleiben“ by keyboard, sign-out with the way back when the time has run out)."""
from __future__ import annotations

import re
import secrets
from contextlib import contextmanager

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.staff.helpers import make_anbieter, make_user

from .conftest import TABLET, make_driver
from .pages import assert_accessible, sign_in_staff, submit_and_wait, wait_for_path

pytestmark = pytest.mark.browser
DESKTOP = (1280, 800)
NUTZERIN_PARTS = ("[data-vorlesen]", "nav[aria-label='Menü']", "#noch-da", "a[href='/woerterbuch']")


def dialog_open(driver) -> bool:
    """Whether the staff idle warning is open."""
    return driver.execute_script("return document.getElementById('staff-warnung').open")


@contextmanager
def short_idle_time(app, idle_seconds: int, warn_seconds: int):
    """Staff sessions end after idle_seconds and warn warn_seconds before (the shared server gets it back after)."""
    before = app.config["STAFF_IDLE_MINUTES"], app.config["STAFF_WARN_SECONDS"]
    app.config["STAFF_IDLE_MINUTES"], app.config["STAFF_WARN_SECONDS"] = idle_seconds / 60, warn_seconds
    try:
        yield
    finally:
        app.config["STAFF_IDLE_MINUTES"], app.config["STAFF_WARN_SECONDS"] = before


def check_staff_page(driver, state: str) -> None:
    """No sideways scrolling, none of the Nutzer:in header's parts, the standard-German footer, axe clean."""
    assert driver.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"), state
    for selector in NUTZERIN_PARTS:
        assert not driver.find_elements(By.CSS_SELECTOR, selector), (state, selector)
    assert driver.find_element(By.CSS_SELECTOR, "footer a[href='/impressum/standard']").is_displayed(), state
    assert_accessible(driver, state)


@pytest.mark.parametrize("size", [DESKTOP, TABLET], ids=["desktop", "tablet"])
def test_staff_pages_fit_and_show_no_nutzerin_parts(live_server, size):
    base, app = live_server
    suffix = secrets.token_hex(3)
    anbieter = make_anbieter(app, f"Anbieter Layout {suffix}")
    secret = make_user(app, f"admin{suffix}", "admin", second_factor=True)
    make_user(app, f"assistenz{suffix}", "assistenz", anbieter)
    driver = make_driver(size=size)
    try:
        driver.get(base + "/staff/anmelden")
        assert not driver.find_elements(By.CSS_SELECTOR, "header nav"), "no navigation before signing in"
        check_staff_page(driver, f"{size} sign-in")
        sign_in_staff(driver, base, f"admin{suffix}", secret)
        for path in ["/staff/", "/staff/anbieter", "/staff/anbieter/neu", "/staff/konten", "/staff/konten/neu",
                     "/staff/sozialraeume"]:
            driver.get(base + path)
            assert not dialog_open(driver), path
            nav = driver.find_element(By.CSS_SELECTOR, "header nav").text.split("\n")
            assert nav == ["Start", "Anbieter", "Konten", "Sozialräume", "Protokoll", "Mein Konto"], (path, nav)
            check_staff_page(driver, f"{size} {path}")
        driver.delete_all_cookies()
        sign_in_staff(driver, base, f"assistenz{suffix}")
        driver.get(base + "/tablet/")
        assert driver.find_element(By.CSS_SELECTOR, "header nav [aria-current='page']").text == "Tablet"
        check_staff_page(driver, f"{size} /tablet/")
    finally:
        driver.quit()


def test_the_idle_warning_keeps_the_session_by_keyboard_and_signs_out_when_time_runs_out(live_server):
    base, app = live_server
    suffix = secrets.token_hex(3)
    make_user(app, f"warnung{suffix}", "assistenz", make_anbieter(app, f"Anbieter Warnung {suffix}"))
    driver = make_driver(size=DESKTOP)
    try:
        sign_in_staff(driver, base, f"warnung{suffix}")
        with short_idle_time(app, idle_seconds=30, warn_seconds=22):
            driver.get(base + "/tablet/")
            assert not dialog_open(driver)
            WebDriverWait(driver, 20).until(dialog_open)
            timer = driver.find_element(By.CSS_SELECTOR, "#staff-warnung [role=timer]")
            assert re.fullmatch(r"Sie werden in 0:[0-2]\d Minuten wegen Inaktivität abgemeldet\.", timer.text), timer.text
            first = timer.text
            WebDriverWait(driver, 5).until(lambda d: timer.text != first)  # the countdown runs
            assert_accessible(driver, "idle warning open")
            stay = driver.switch_to.active_element
            assert stay.text == "Angemeldet bleiben" and "haupt" in stay.get_attribute("class"), stay.text
            stay.send_keys(Keys.ENTER)
            WebDriverWait(driver, 5).until(lambda d: not dialog_open(d))
            WebDriverWait(driver, 5).until(lambda d: d.execute_script(
                "return performance.getEntriesByType('resource').some(e => e.name.endsWith('/staff/noch-da')"
                " && e.responseStatus === 204)"))
            assert driver.current_url == base + "/tablet/", "the page stays"
            # Nobody answers the next warning: signed out, and the sign-in page says why and leads back.
            WebDriverWait(driver, 15).until(dialog_open)
            wait_for_path(driver, "/staff/anmelden", timeout=30)
            assert "abgelaufen=1" in driver.current_url and "next=/tablet/" in driver.current_url
            assert "längere Zeit inaktiv" in driver.find_element(By.TAG_NAME, "main").text
        sign_in_staff(driver, base, f"warnung{suffix}")
        wait_for_path(driver, "/tablet/")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Tablet-Modus"
    finally:
        driver.quit()


def test_without_javascript_staff_pages_work_and_nutzerin_pages_are_unchanged(live_server):
    base, app = live_server
    suffix = secrets.token_hex(3)
    make_user(app, f"ohnejs{suffix}", "assistenz", make_anbieter(app, f"Anbieter ohne JS {suffix}"))
    driver = make_driver(javascript=False)
    try:
        sign_in_staff(driver, base, f"ohnejs{suffix}")
        assert not driver.find_element(By.ID, "staff-warnung").is_displayed()
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "header .konto button[type=submit]"))
        assert "abgemeldet=1" in driver.current_url
        driver.get(base + "/")
        for selector in ("[data-vorlesen]", "nav[aria-label='Menü']", "a[href='/woerterbuch']"):
            assert driver.find_elements(By.CSS_SELECTOR, selector), selector
        assert not driver.find_elements(By.CSS_SELECTOR, "link[href*='staff.css'], script[src*='staff.js'], .konto")
    finally:
        driver.quit()
