"""What JavaScript adds on top of pages that work without it: exclusive answers and the room left for text."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from .pages import click_label, press_weiter, wait_for_path
from .walk import answer_area

pytestmark = pytest.mark.browser


def test_niemand_and_bleiben_clear_the_other_answers(live_server, driver):
    base, _app = live_server
    driver.get(base + "/will/bereiche")
    click_label(driver, "wohnen")
    press_weiter(driver)
    wait_for_path(driver, "/will/wohnen/jetzt")
    click_label(driver, "gut")
    press_weiter(driver)
    wait_for_path(driver, "/will/wohnen/wunsch")
    assert driver.find_element(By.CSS_SELECTOR, "li.oder").text == "oder"
    click_label(driver, "ruhe")
    click_label(driver, "bleiben")
    assert not driver.find_element(By.CSS_SELECTOR, "input[value=ruhe]").is_selected()
    click_label(driver, "ruhe")
    assert not driver.find_element(By.CSS_SELECTOR, "input[value=bleiben]").is_selected()
    press_weiter(driver)
    wait_for_path(driver, "/will/wohnen/selbst")
    press_weiter(driver)
    wait_for_path(driver, "/will/wohnen/hilfe")
    click_label(driver, "familie")
    click_label(driver, "freunde")
    click_label(driver, "niemand")
    checked = [box.get_attribute("value") for box in driver.find_elements(By.CSS_SELECTOR, "input:checked")]
    assert checked == ["niemand"]
    click_label(driver, "assistenz")
    checked = [box.get_attribute("value") for box in driver.find_elements(By.CSS_SELECTOR, "input:checked")]
    assert checked == ["assistenz"]


def test_the_room_left_is_shown_while_typing(live_server, driver):
    base, app = live_server
    driver.get(base + "/will/bereiche")
    click_label(driver, "geld")
    press_weiter(driver)
    answer_area(driver, "geld", "gut", "sparen", "familie", None)
    driver.get(base + "/will/geld/selbst")
    counter, field = driver.find_element(By.ID, "selbst-zeichen"), driver.find_element(By.ID, "selbst")
    left = app.config["TEXT_MAX"] - len(field.get_attribute("value"))
    assert counter.is_displayed() and f"Sie können noch {left} Buchstaben schreiben." in counter.text
    field.send_keys(" Ich spare.")
    assert f"Sie können noch {left - 11} Buchstaben schreiben." in counter.text
    limit = app.config["TEXT_MAX"]
    driver.find_element(By.ID, "selbst").send_keys("x" * limit)
    assert "Ihr Text ist zu lang." in counter.text
