"""Staff pages in Chromium: axe with zero violations at desktop and tablet size, sign-in by keyboard only."""
from __future__ import annotations

import secrets

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.staff.helpers import PASSWORD, make_anbieter, make_user, totp_now, user_id

from .conftest import TABLET, make_driver
from .pages import assert_accessible, submit_and_wait, wait_for_path

pytestmark = pytest.mark.browser
DESKTOP = (1280, 800)


def sign_in_by_keyboard(driver, base: str, login_name: str, secret: str | None) -> None:
    """Sign in as a staff member would without a mouse: Tab to each field, type, Enter."""
    driver.get(base + "/staff/anmelden")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)  # the skip link
    focused = None
    for _ in range(30):
        focused = driver.switch_to.active_element
        if focused.get_attribute("id") == "login_name":
            break
        focused.send_keys(Keys.TAB)
    assert focused.get_attribute("id") == "login_name", "the sign-in field is reachable by Tab"
    assert focused.get_attribute("autocomplete") == "username"
    focused.send_keys(login_name, Keys.TAB)
    password = driver.switch_to.active_element
    assert password.get_attribute("id") == "password" and password.get_attribute("autocomplete") == "current-password"
    old = driver.find_element(By.TAG_NAME, "html")
    password.send_keys(PASSWORD, Keys.ENTER)
    from .pages import wait_replaced

    wait_replaced(driver, old)
    if secret:
        wait_for_path(driver, "/staff/zweiter-faktor")
        code = driver.find_element(By.ID, "code")
        assert code.get_attribute("autocomplete") == "one-time-code"
        old = driver.find_element(By.TAG_NAME, "html")
        code.send_keys(totp_now(secret), Keys.ENTER)
        wait_replaced(driver, old)
    wait_for_path(driver, "/staff/")


@pytest.mark.parametrize("size", [DESKTOP, TABLET], ids=["desktop", "tablet"])
def test_every_staff_page_has_zero_axe_violations_and_sign_in_works_by_keyboard(live_server, size):
    base, app = live_server
    suffix = secrets.token_hex(3)
    anbieter = make_anbieter(app, f"Anbieter Test {suffix}")
    admin = f"admin{suffix}"
    secret = make_user(app, admin, "admin", second_factor=True)
    make_user(app, f"leitung{suffix}", "anbieter_leitung", anbieter)
    make_user(app, f"assistenz{suffix}", "assistenz", anbieter, second_factor=True)  # the reset form shows
    empty = make_anbieter(app, f"Anbieter Leer {suffix}")
    driver = make_driver(size=size)
    try:
        driver.get(base + "/staff/anmelden")
        assert_accessible(driver, f"{size} sign-in")
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
        assert driver.find_elements(By.CSS_SELECTOR, "[data-fehler-box]"), "empty sign-in shows the error summary"
        assert_accessible(driver, f"{size} sign-in with errors")
        sign_in_by_keyboard(driver, base, admin, secret)
        pages = ["/staff/", "/staff/anbieter", "/staff/anbieter/neu", f"/staff/anbieter/{anbieter}", "/staff/konten",
                 "/staff/konten/neu", "/staff/sozialraeume", "/staff/protokoll",
                 f"/staff/konten/{user_id(app, f'assistenz{suffix}')}", f"/staff/anbieter/{anbieter}/loeschen",
                 f"/staff/anbieter/{empty}/loeschen"]
        for path in pages:
            driver.get(base + path)
            heading = driver.find_element(By.TAG_NAME, "h1").text
            assert "gibt es nicht" not in heading and "gesperrt" not in heading, (path, heading)
            assert_accessible(driver, f"{size} {path}")
        driver.get(base + "/staff/anbieter/neu")
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
        assert_accessible(driver, f"{size} new Anbieter with errors")
        driver.get(base + "/staff/konten")
        link = driver.find_element(By.CSS_SELECTOR, "main a[href*='/staff/konten/']:not([href$='neu'])")
        driver.get(link.get_attribute("href"))
        assert_accessible(driver, f"{size} account")
        driver.get(base + f"/staff/konten/{user_id(app, f'leitung{suffix}')}")
        driver.find_element(By.CSS_SELECTOR, "input[name=anbieter][value=keiner]").click()
        submit_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Rolle speichern']"))
        assert driver.find_elements(By.CSS_SELECTOR, "[data-fehler-box]"), "a role without its Anbieter is an error"
        assert_accessible(driver, f"{size} role form with errors")
    finally:
        driver.quit()


def test_staff_pages_work_without_javascript(live_server):
    base, app = live_server
    suffix = secrets.token_hex(3)
    make_user(app, f"assistenz{suffix}", "assistenz", make_anbieter(app, f"Anbieter NoJS {suffix}"))
    driver = make_driver(javascript=False, size=DESKTOP)
    try:
        sign_in_by_keyboard(driver, base, f"assistenz{suffix}", None)
        assert "Assistenz" in driver.find_element(By.TAG_NAME, "main").text
    finally:
        driver.quit()
