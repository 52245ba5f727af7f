"""The own account pages in Chromium: axe with zero violations at desktop and tablet size, and the password
change by keyboard only."""
from __future__ import annotations

import secrets

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.staff.helpers import PASSWORD, make_anbieter, make_user

from .conftest import TABLET, make_driver
from .pages import assert_accessible, sign_in_staff, submit_and_wait, wait_for_path, wait_replaced

pytestmark = pytest.mark.browser
DESKTOP = (1280, 800)
NEW = "Neue-Sichere-Passphrase-77"


def tab_to(driver, element_id: str | None = None, link: str | None = None):
    """Press Tab until the field with this id (or the link to this path) has the focus; returns it."""
    for _ in range(40):
        focused = driver.switch_to.active_element
        if (element_id and focused.get_attribute("id") == element_id) or \
                (link and (focused.get_attribute("href") or "").endswith(link)):
            return focused
        focused.send_keys(Keys.TAB)
    raise AssertionError(f"{element_id or link} is not reachable by Tab")


@pytest.mark.parametrize("size", [DESKTOP, TABLET], ids=["desktop", "tablet"])
def test_the_own_account_pages_have_zero_axe_violations(live_server, size):
    base, app = live_server
    name = f"chef{secrets.token_hex(3)}"
    secret = make_user(app, name, "admin", second_factor=True)
    driver = make_driver(size=size)
    try:
        sign_in_staff(driver, base, name, secret, lands_on="/staff/")
        for path in ("/staff/mein-konto", "/staff/mein-konto/passwort", "/staff/mein-konto/zweiter-faktor",
                     "/staff/mein-konto/zweiter-faktor/aus", "/staff/mein-konto/wiederherstellungscodes"):
            driver.get(base + path)
            heading = driver.find_element(By.TAG_NAME, "h1").text
            assert "gibt es nicht" not in heading and "gesperrt" not in heading, (path, heading)
            assert_accessible(driver, f"{size} {path}")
        driver.get(base + "/staff/mein-konto/passwort")
        driver.find_element(By.ID, "current_password").send_keys("falsches-passwort-1")
        driver.find_element(By.ID, "password").send_keys("kurz")
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
        assert driver.find_elements(By.CSS_SELECTOR, "[data-fehler-box]"), "the errors are summed up"
        assert driver.title.startswith("Fehler:")
        assert_accessible(driver, f"{size} password with errors")
        driver.get(base + "/staff/mein-konto/wiederherstellungscodes")
        driver.find_element(By.ID, "current_password").send_keys(PASSWORD)
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
        assert len(driver.find_elements(By.CSS_SELECTOR, "main ul.codes li")) == 10
        assert_accessible(driver, f"{size} new recovery codes")
    finally:
        driver.quit()


def test_the_password_is_changed_by_keyboard_only(live_server):
    base, app = live_server
    name = f"kim{secrets.token_hex(3)}"
    make_user(app, name, "assistenz", make_anbieter(app, f"Anbieter Konto {name}"))
    driver = make_driver(size=DESKTOP)
    try:
        sign_in_staff(driver, base, name, lands_on="/staff/")
        driver.get(base + "/staff/mein-konto")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        old = driver.find_element(By.TAG_NAME, "html")
        tab_to(driver, link="/staff/mein-konto/passwort").send_keys(Keys.ENTER)
        wait_replaced(driver, old)
        wait_for_path(driver, "/staff/mein-konto/passwort")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        current = tab_to(driver, "current_password")
        assert current.get_attribute("autocomplete") == "current-password"
        current.send_keys(PASSWORD, Keys.TAB)
        new = driver.switch_to.active_element
        assert new.get_attribute("id") == "password" and new.get_attribute("autocomplete") == "new-password"
        new.send_keys(NEW, Keys.TAB)
        again = driver.switch_to.active_element
        assert again.get_attribute("id") == "password_again" and again.get_attribute("autocomplete") == "new-password"
        old = driver.find_element(By.TAG_NAME, "html")
        again.send_keys(NEW, Keys.ENTER)
        wait_replaced(driver, old)
        wait_for_path(driver, "/staff/mein-konto")
        assert "Ihr Passwort ist geändert" in driver.find_element(By.CSS_SELECTOR, "main [role=status]").text
        driver.get(base + "/staff/")
        wait_for_path(driver, "/staff/")  # still signed in on this device
        assert "/staff/anmelden" not in driver.current_url
    finally:
        driver.quit()
