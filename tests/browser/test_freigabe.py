"""The review queue in Chromium: axe with zero violations, flags visible and named in words, a decision by click."""
from __future__ import annotations

import secrets

import pytest
from selenium.webdriver.common.by import By

from tests.freigabe.helpers import make_wille, make_workshop
from tests.staff.helpers import make_anbieter, make_user

from .conftest import TABLET, make_driver
from .pages import assert_accessible, submit_and_wait
from .test_staff import DESKTOP, sign_in_by_keyboard

pytestmark = pytest.mark.browser
WORDS = ["Danke an Anna und Frau Kowalski!", "Ruf an: 0421 1234567 oder schreib an anna@example.org",
         "Treffpunkt Hauptstraße 12. Ich bin am 12.03.1980 geboren.", "Der Kuchen war gut."]


@pytest.mark.parametrize("size", [DESKTOP, TABLET], ids=["desktop", "tablet"])
def test_the_queue_has_zero_axe_violations_and_shows_flags_not_by_colour_only(live_server, size):
    base, app = live_server
    suffix = secrets.token_hex(3)
    anbieter = make_anbieter(app, f"Anbieter Freigabe {suffix}")
    make_user(app, f"leitung{suffix}", "anbieter_leitung", anbieter)
    make_workshop(app, anbieter, "Leben, wie ich will! Hemelingen", WORDS)
    make_wille(app, anbieter, "Ich will mit Petra in die Disco.")
    driver = make_driver(size=size)
    try:
        sign_in_by_keyboard(driver, base, f"leitung{suffix}", None)
        driver.get(base + "/staff/freigabe/")
        assert_accessible(driver, f"{size} queue")
        marks = driver.find_elements(By.CSS_SELECTOR, "mark.flagge")
        assert len(marks) >= 7 and all(mark.is_displayed() for mark in marks)
        # The flag is named in words inside the highlight, and drawn bold and underlined, not only coloured.
        names = {mark.find_element(By.CSS_SELECTOR, ".flagge-art").text for mark in marks}
        assert {"[Name?]", "[Telefonnummer?]", "[E-Mail-Adresse]", "[Adresse?]", "[Geburtsdatum?]"} <= names
        style = driver.execute_script("const s = getComputedStyle(arguments[0]);"
                                      "return [s.fontWeight, s.textDecorationLine];", marks[0])
        assert int(style[0]) >= 700 and "underline" in style[1]
        first = driver.find_element(By.CSS_SELECTOR, "li.eintrag")
        submit_and_wait(driver, first.find_element(By.CSS_SELECTOR, "button[value=freigegeben]"))
        assert "Schon entschieden (1)" in driver.find_element(By.TAG_NAME, "main").text
        assert_accessible(driver, f"{size} queue after a decision")
    finally:
        driver.quit()
